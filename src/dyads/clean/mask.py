"""Blank out removed spans so that the NLP text keeps every offset of the original."""

from __future__ import annotations

from dyads.records import Span


def masked_text(text: str, removed: list[Span]) -> str:
    """The text with removed spans replaced by spaces (newlines kept), same length as `text`."""
    if not removed:
        return text
    chars = list(text)
    for span in removed:
        for i in range(max(span.start, 0), min(span.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def inside_removed(start: int, end: int, removed: list[Span]) -> bool:
    return any(span.start <= start and end <= span.end for span in removed)
