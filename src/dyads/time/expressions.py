"""Find temporal expressions in a parsed document and read the tense that points them.

spaCy's DATE and TIME entities are the candidates; a few patterns add what the small
model misses (weekdays, "27/6 2021", "days after taking office"). Adjacent pieces are
joined ("Tuesday evening, June 29, 2021"), and a bare month joined to a dated one
borrows its year ("June and August 2020").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.clean.mask import inside_removed
from dyads.records import Span
from dyads.time.normalize import FUTURE, NEAREST, PAST

MONTH_NAMES = r"(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|" \
              r"Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|May(?=\s+\d|,?\s+(?:19|20)\d\d))"
WEEKDAY_NAMES = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
PATTERNS = (
    re.compile(rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?{WEEKDAY_NAMES}"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    re.compile(rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?{MONTH_NAMES}"
               r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d{2}\b)?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}(?:,?\s+(?:19|20)\d{{2}}\b)?"),
    re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.](?:19|20)?\d{2}\b|\s+(?:19|20)\d{2}\b)"),
    re.compile(r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b"),
    re.compile(r"\b(?:[Rr]ecently|[Cc]urrently|[Oo]vernight|[Tt]onight|[Tt]oday|[Tt]omorrow|[Yy]esterday|[Nn]owadays)\b"),
    re.compile(r"\b(?:[Ww]ithin\s+)?(?:(?:a few|several|\d+|two|three|four|five)\s+)?(?:[Mm]inutes|[Hh]ours|[Dd]ays|"
               r"[Ww]eeks|[Mm]onths|[Yy]ears)\s+(?:after|before|of)\s+(?:[\w-]+\s+)?\w+ing\b(?:\s+(?!and\b|or\b)[a-z]+)?"),
)
CALENDAR_START = re.compile(rf"^(?:{MONTH_NAMES}|{WEEKDAY_NAMES}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAMES}|"
                            r"\d{1,2}[/.]\d|(?:19|20)\d{2}\b|\d{1,2}:\d{2})")
MONTH_ONLY = re.compile(rf"^{MONTH_NAMES}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?$")
HAS_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
JOINERS = re.compile(r"^\s*(?:and|or|to|-|–|through|until)\s*$")
LEADING_COUNT = re.compile(r"^\d[\d,.]*\s+(?=(?:[Ll]ast|[Nn]ext|[Tt]his|in|on|by)\b)")
DASHED_WORDS = re.compile(r"\s+[-–—]\s+(?=[A-Za-z])")
INNER_RELATIVE = re.compile(rf"^(?:{MONTH_NAMES}|{WEEKDAY_NAMES})(\s+)(?=(?:[Ll]ast|[Nn]ext)\s)")
FUTURE_LEMMAS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "aim", "prepare", "will"})


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str  # as written (the span of the original text)
    parse_text: str  # what is normalized: the text, or with a borrowed year


def find_candidates(spacy_doc, removed: list[Span]) -> list[Candidate]:
    """Temporal expressions of a parsed document, in text order, outside removed spans."""
    text = spacy_doc.text
    spans = [(e.start_char, e.end_char) for e in spacy_doc.ents if e.label_ in ("DATE", "TIME")]
    spans.extend(pattern_spans(text))
    spans = [s for s in spans if not inside_removed(s[0], s[1], removed) and text[s[0]:s[1]].strip()]
    return spans_to_candidates(spans, text)


def pattern_spans(text: str) -> list[tuple[int, int]]:
    """Date-like spans found by pattern alone (no parse): also used on removed page furniture."""
    return [m.span() for pattern in PATTERNS for m in pattern.finditer(text)]


def spans_to_candidates(spans: list[tuple[int, int]], text: str) -> list[Candidate]:
    pieces = [piece for span in _join(_union(spans), text) for piece in _split(span, text)]
    return _borrow_years(pieces, text)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _join(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join pieces separated only by spaces ("July 9, 2021 00:17 am"), or by a comma before a
    calendar date ("Tuesday evening, June 29, 2021"), never before "three days after ..."."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        gap = text[joined[-1][1]:start] if joined else ""
        calendar = CALENDAR_START.match(text[start:end])
        if joined and re.fullmatch(r"[ \t\u00a0]{0,3}" if not calendar else r"[ \t\u00a0,]{0,3}", gap):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _split(span: tuple[int, int], text: str) -> list[tuple[int, int]]:
    """Drop a leading count that is not a date ("5200 last September"); split "August Last August"."""
    start, end = span
    dash = DASHED_WORDS.search(text[start:end])
    if dash:  # "August 14, 2016 - Gunmen": a dateline's dash ends the date
        end = start + dash.start()
    lead = LEADING_COUNT.match(text[start:end])
    if lead:
        start += lead.end()
    inner = INNER_RELATIVE.match(text[start:end])
    if inner:  # "August Last August": a repeated heading glued to the date
        return [(start, start + inner.start(1)), (start + inner.end(1), end)]
    return [(start, end)]


def _borrow_years(spans: list[tuple[int, int]], text: str) -> list[Candidate]:
    candidates = []
    for i, (start, end) in enumerate(spans):
        surface = text[start:end]
        parse_text = surface
        if i + 1 < len(spans) and MONTH_ONLY.match(surface.strip()) and JOINERS.match(text[end:spans[i + 1][0]]):
            year = HAS_YEAR.search(text[spans[i + 1][0]:spans[i + 1][1]])
            if year:
                parse_text = f"{surface} {year.group(0)}"
        candidates.append(Candidate(start, end, surface, parse_text))
    return candidates


def direction_of(spacy_doc, start: int, end: int) -> str:
    """Which way a bare weekday or month points: the tense of the clause it belongs to."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return PAST
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return tense_of(verb)


def tense_of(verb) -> str:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "wo") for a in aux):
        return FUTURE
    if any(a.lower_ == "to" for a in aux) or verb.tag_ == "VB":
        for ancestor in list(verb.ancestors)[:2]:
            if ancestor.lemma_.lower() in FUTURE_LEMMAS or ancestor.lower_ in ("is", "are"):
                return FUTURE
    if verb.lemma_.lower() in FUTURE_LEMMAS and verb.tag_ == "VBN":
        return FUTURE  # "is scheduled ... in the middle of next month"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return PAST
    if verb.tag_ == "VBN" and (not aux or any(a.lemma_ == "have" for a in aux)):
        return PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return NEAREST
    return PAST
