"""Quotes and reported speech of one document, with cue verb and resolved speaker.

Direct: every quoted stretch (quotes/marks.py) is attributed to the speech cue of its
sentence (or of the sentence before, "X said:"), or to the verb that governs it ("called
for ... 'to be ...'"), or to the speaker of the quote just before (a quotation that goes
on). Short quoted phrases with no cue are titles or scare quotes ("strategic dialogue")
and are left out. Indirect: a speech cue's reported clause ("X said that ...", "X told AFP
...", "X confirmed the refusal ..."), or the clause that "according to X" qualifies. A
reported clause that is mostly quoted is one direct quote; one that holds a short quoted
phrase stays one indirect quote; cues inside a quote (nested reports) are not reported twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyads.clean.mask import inside_removed
from dyads.quotes.cues import (QUOTATION_ONLY, according_to, content_of, cue_text, is_cue, separate_report,
                               subject_of)
from dyads.quotes.marks import QuoteSpan, find_quotes
from dyads.quotes.speakers import Speaker, SpeakerResolver

OPENS_QUOTE = re.compile(r"[\s,:]*[\"\u201c\u00ab]")
MIN_UNCUED_WORDS = 4  # a quoted phrase shorter than this with no cue is a title or scare quote
MOSTLY_QUOTED = 0.5


@dataclass
class Found:
    start: int
    end: int
    kind: str  # direct | indirect
    cue: str | None
    subject: object | None  # the speaker phrase's head token; None for a continuation
    method: str  # cue, governing-verb, continuation, according-to
    speaker: Speaker | None = None


def sentences_over(spacy_doc, start: int, end: int) -> list:
    return [s for s in spacy_doc.sents if s.start_char < end and start < s.end_char]


def outside(tokens, quote: QuoteSpan) -> list:
    return [t for t in tokens if not quote.start <= t.idx < quote.end]


def direct_cue(spacy_doc, quote: QuoteSpan):
    """The speech cue of a quotation: in its sentences, else in a sentence before that ends with ":"."""
    sents = sentences_over(spacy_doc, quote.start, quote.end)
    if not sents:
        return None
    context = outside([t for s in sents for t in s], quote)
    text = spacy_doc.text
    # a cue after this quotation that opens another one (", adding, '...'") is that one's
    cues = [t for t in context if is_cue(t, with_quote=True)
            and not (t.idx >= quote.end and OPENS_QUOTE.match(text, t.idx + len(t)))]
    if not cues and sents[0].start > 0:
        before = spacy_doc[sents[0].start - 1].sent
        if before.text.rstrip().endswith(":"):
            cues = [t for t in before if is_cue(t, with_quote=True)]
    if not cues:
        return None
    span = spacy_doc.char_span(quote.start, quote.end, alignment_mode="expand")
    above = {a.i for a in span.root.ancestors} if span is not None and len(span) else set()
    # the cue that governs the quotation's words wins ("said that '...', noting ..."), then the nearest
    return min(cues, key=lambda t: (t.i not in above, min(abs(t.idx - quote.start), abs(t.idx - quote.end))))


def governing_verb(spacy_doc, quote: QuoteSpan):
    """The highest verb with a subject above the quotation's words: "called ... 'to be an arena'"."""
    span = spacy_doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    best = None
    for ancestor in span.root.ancestors:
        if quote.start <= ancestor.idx < quote.end:
            continue
        if ancestor.pos_ in ("VERB", "AUX") and subject_of(ancestor) is not None:
            best = ancestor
    return best


def looks_like_title(spacy_doc, quote: QuoteSpan) -> bool:
    """"The Wall Street Journal", "Katyusha Cells": a quoted name, not a statement."""
    words = [w for w in spacy_doc.text[quote.start:quote.end].split() if w[:1].isalpha()]
    small = {"of", "the", "and", "for", "in", "on", "a", "an", "to"}
    return bool(words) and all(w[0].isupper() or w in small for w in words) and len(words) <= 6


def attribute_direct(spacy_doc, quote: QuoteSpan, previous: Found | None) -> Found | None:
    text = spacy_doc.text
    if looks_like_title(spacy_doc, quote):
        return None
    cue = direct_cue(spacy_doc, quote)
    if cue is not None and cue.lemma_.lower() in QUOTATION_ONLY and quote.words(text) < MIN_UNCUED_WORDS:
        return None  # "described him as an 'American agent'": a label, not a statement
    method = "cue"
    if cue is None and quote.words(text) >= MIN_UNCUED_WORDS:
        cue, method = governing_verb(spacy_doc, quote), "governing-verb"
    subject = subject_of(cue) if cue is not None else None
    if subject is not None:
        return Found(quote.start, quote.end, "direct", cue_text(cue), subject, method)
    near = previous is not None and len(sentences_over(spacy_doc, previous.end, quote.start)) <= 2
    if near and quote.words(text) >= MIN_UNCUED_WORDS:  # the quotation goes on after the attributed part
        return Found(quote.start, quote.end, "direct", previous.cue, None, "continuation")
    return None


def indirect_items(sent, taken: list[tuple[int, int]]):
    """(cue token, content start, content end, speaker head) for each reported clause of a sentence."""
    items = []
    for token in sent:
        if not is_cue(token) or any(s <= token.idx < e for s, e in taken):
            continue
        content = content_of(token)
        subject = subject_of(token)
        if content is None or subject is None:
            continue
        words = _content_words(token, content)
        if len(words) >= 3:
            items.append((token, words[0].idx, words[-1].idx + len(words[-1]), subject))
    found = according_to(sent)
    if found is not None:
        items.append(_according_item(sent, *found))
    items = [i for i in items if i is not None]
    # a report inside another report of the same sentence ("he added that the Minister had said ...") is its
    # content, unless it is a report of its own (", insisting that ...", "..., and an official told ...")
    return [i for i in items if separate_report(i[0]) or not any(o is not i and o[1] <= i[0].idx < o[2] for o in items)]


def _content_words(cue, content) -> list:
    if content.dep_ == "dobj":  # "affirmed Iraq's keenness to continue the dialogue": all that follows the cue
        words = [t for t in cue.subtree if t.i > cue.i]
    else:
        words = sorted(content.subtree, key=lambda t: t.i)
        words = [t for t in words if t.dep_ != "mark" or t.i != words[0].i]  # drop the leading "that"
    cut = {t.i for w in words if w.i != cue.i and separate_report(w) for t in w.subtree}
    words = [t for t in words if t.i not in cut]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].lower_ in ("and", "but", "or")):
        words = words[:-1]
    return words


def _according_item(sent, according, source):
    """"According to X, Y happened": Y is X's statement; a bare "According to X." fragment covers
    the sentence before."""
    phrase = {t.i for t in according.subtree}
    rest = [t for t in sent if t.i not in phrase and not t.is_punct]
    if len(rest) >= 3:
        return according, rest[0].idx, rest[-1].idx + len(rest[-1]), source
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    words = [t for t in before if not t.is_space]
    return according, words[0].idx, words[-1].idx + len(words[-1]), source


def starts_with_quote(start: int, quotes: list[QuoteSpan]) -> bool:
    return any(0 <= q.start - start <= 2 for q in quotes)


def quoted_share(start: int, end: int, quotes: list[QuoteSpan]) -> float:
    covered = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return covered / max(1, end - start)


def find_statements(spacy_doc, removed, resolver: SpeakerResolver) -> list[Found]:
    """Direct and indirect quotes of a parsed document, in text order, speakers resolved."""
    quotes = [q for q in find_quotes(spacy_doc.text) if not inside_removed(q.start, q.end, removed)]
    direct: list[Found] = []
    for quote in quotes:
        found = attribute_direct(spacy_doc, quote, direct[-1] if direct else None)
        if found is not None:
            direct.append(found)
    statements = _merge_indirect(spacy_doc, removed, quotes, direct)
    previous = None
    for found in statements:  # in text order, so that "he added" finds who spoke last
        if found.subject is None:
            found.speaker = Speaker(previous.participant, "continuation", 0.6) if previous else Speaker(None, "none", 0.2)
        else:
            found.speaker = resolver.resolve(found.subject)
        resolver.remember(found.start, found.speaker)
        previous = found.speaker
    return statements


def _merge_indirect(spacy_doc, removed, quotes: list[QuoteSpan], direct: list[Found]) -> list[Found]:
    results = list(direct)
    taken = [(q.start, q.end) for q in quotes]  # a cue inside quoted words is the speaker's, not a new report
    for sent in spacy_doc.sents:
        if inside_removed(sent.start_char, sent.end_char, removed):
            continue
        for cue, start, end, subject in indirect_items(sent, taken):
            if quoted_share(start, end, quotes) >= MOSTLY_QUOTED or starts_with_quote(start, quotes):
                continue  # the direct quote already reports it
            results = [r for r in results if not (start <= r.start and r.end <= end + 1)]
            according = cue.lower_ == "according"
            results.append(Found(start, end, "indirect", "according to" if according else cue_text(cue), subject,
                                 "according-to" if according else "cue"))
            taken.append((start, end))
    return sorted(results, key=lambda r: r.start)
