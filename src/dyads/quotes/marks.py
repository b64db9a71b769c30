"""Find quoted text: straight and curly double quotes, guillemets, and single curly quotes.

Quotes pair within a paragraph (a line). A quote left open at the end of a paragraph runs
to its end, and when the next paragraph opens with a quote mark it continues there (the
news convention for a quotation over several paragraphs). Single curly quotes count only
at the top level, opened after a space and closed before a non-letter, so apostrophes
("Iraq’s") are never taken for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_CLOSE = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSERS = frozenset({"\u201d", "\u00bb"})
SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–-]))\u2018([^\u2018\u2019\n]{2,}?)\u2019(?![A-Za-z])")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character of the quoted text, after the opening mark
    end: int  # after the last quoted character, before the closing mark
    closed: bool = True

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of `text`, as content spans without their marks, in order."""
    spans: list[QuoteSpan] = []
    offset = 0
    for line in text.split("\n"):
        found = _line_quotes(line, offset)
        if found and spans and not spans[-1].closed and _opens_line(line) and \
                found[0].start <= _first_mark(line, offset) + 2:
            previous = spans.pop()  # a quotation that goes on in this paragraph
            found[0] = QuoteSpan(previous.start, found[0].end, found[0].closed)
        spans.extend(found)
        offset += len(line) + 1
    return [s for s in spans if text[s.start:s.end].strip()]


def _opens_line(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and (stripped[0] in OPEN_CLOSE or stripped[0] == '"')


def _first_mark(line: str, offset: int) -> int:
    return offset + len(line) - len(line.lstrip())


def _line_quotes(line: str, offset: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at, closer = None, None
    for i, char in enumerate(line):
        if open_at is None:
            if char in OPEN_CLOSE or (char == '"' and _can_open(line, i)):
                open_at, closer = i, OPEN_CLOSE.get(char, '"')
        elif char == closer or char in CLOSERS or char == '"':
            spans.append(_trimmed(line, offset, open_at + 1, i, True))
            open_at = None
    if open_at is not None:
        spans.append(_trimmed(line, offset, open_at + 1, len(line), False))
    taken = [(s.start - offset, s.end - offset) for s in spans]
    for match in SINGLE.finditer(line):
        if not any(a <= match.start() < b for a, b in taken):
            spans.append(_trimmed(line, offset, match.start(1), match.end(1), True))
    return sorted(spans, key=lambda s: s.start)


def _can_open(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not after.isspace() and (before.isspace() or before in "([:—–-,")


def _trimmed(line: str, offset: int, start: int, end: int, closed: bool) -> QuoteSpan:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return QuoteSpan(offset + start, offset + end, closed)
