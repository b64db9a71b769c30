"""A first boilerplate remover: whole lines that are page furniture, not article text.

Rules only match lines that cannot be article prose (comment-form widgets, bare e-mail
addresses, share/print links). Each removed line becomes a `Span` with its kind.
"""

from __future__ import annotations

import re

from dyads.clean.mask import masked_text
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Span

COMPONENT = "dyads.clean.boilerplate"
VERSION = "1"

LINE_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("comment_form", re.compile(
        r"^(leave a (reply|comment)|fill in your details below|you are commenting using your\b"
        r"|connecting to %s|log out\s*/|notify me of (new|follow-up)|post a comment|"
        r"(twitter|facebook|google) (picture|photo)$|cancel reply)", re.I)),
    ("email", re.compile(r"^\S+@\S+\.\w+\S*$")),
    ("share_links", re.compile(r"^((share|print|email|tweet)( this)?( article| story)?[\s|/,]*){1,4}$", re.I)),
)


def find_removed(text: str) -> list[Span]:
    removed = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            for kind, pattern in LINE_RULES:
                if pattern.search(stripped):
                    start = offset + line.index(stripped)
                    removed.append(Span(start, start + len(stripped), kind))
                    break
        offset += len(line) + 1
    return removed


@per_document("dyads.clean.boilerplate.v1", requires=("doc",), produces=("removed", "nlp_text"))
def clean_document(ctx: DocContext, resources: Resources) -> dict:
    """Mark boilerplate lines as removed and give later stages the masked text."""
    removed = find_removed(ctx.doc.text)
    return {"removed": removed, "nlp_text": masked_text(ctx.doc.text, removed)}
