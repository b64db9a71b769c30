"""Name normalization shared by the gazetteers and the linker."""

from __future__ import annotations

import re

from unidecode import unidecode

_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_THE = re.compile(r"^(the)\s+", re.I)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def name_key(text: str) -> str:
    """A comparison key: ASCII, lower case, no leading "the", no possessive, single spaces."""
    text = unidecode(text).strip()
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return _NON_WORD.sub(" ", text.lower()).strip()


def clean_surface(text: str) -> str:
    """The display form of a mention: trimmed, no leading "the", no possessive."""
    text = _LEADING_THE.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip()
