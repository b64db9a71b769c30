"""Lines of a document as segments with offsets, and the features the junk classifier reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_TERMINAL = re.compile(r"[.?!:;\"”’')»]\s*$")
SMALL_WORDS = frozenset("a an and as at but by for from in into is of on or the to with vs via".split())


@dataclass(slots=True)
class Segment:
    """One non-empty line, stripped: `start`/`end` are offsets into the original text."""

    index: int  # position among non-empty lines
    start: int
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()

    @property
    def n_words(self) -> int:
        return len(self.text.split())


def split_segments(text: str) -> list[Segment]:
    """Every non-empty line of `text`, stripped, with its offsets."""
    segments = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            segments.append(Segment(len(segments), start, start + len(stripped), stripped))
        offset += len(line) + 1
    return segments


def capitalized_ratio(text: str) -> float:
    """Share of words (small function words aside) that start with a capital: high in headlines."""
    words = [w for w in _WORD.findall(text) if w.lower() not in SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def looks_like_name(text: str, max_words: int = 5) -> bool:
    """A bare person name: 2-5 capitalized words, no digits, no sentence punctuation."""
    words = text.split()
    if not 2 <= len(words) <= max_words or any(ch.isdigit() or ch == "," for ch in text):
        return False
    if words[0].lower() in ("the", "a", "an"):  # "The Pearl": a name of a thing, not a person
        return False
    if text.endswith((".", "?", "!", ":")):
        return False
    return all(w[0].isupper() or w.lower() in {"al", "bin", "de", "van", "von", "el"} for w in words)
