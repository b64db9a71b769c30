"""Junk removal for plain text: a line classifier whose verdicts become `removed` spans.

Three passes over the document's lines (segments):
1. line rules (rules.py): comment forms, share/print links, read-time widgets, e-mail
   addresses, bylines, photo captions and credits, quoted tweets, promos, separators;
2. headline lists (headlines.py): runs of headline-like lines;
3. context: a byline in the page header (a bare name next to the date or a widget), the
   short lines of a comment form ("Twitter picture"), a tweet's text above its attribution,
   and short non-prose lines sandwiched between two junk lines.
Removed text is never deleted: each verdict is a `Span(start, end, kind)` into the original
text, and later stages read `nlp_text`, where removed characters are blanked (same offsets).
HTML has already been reduced to its main text by trafilatura at ingest; the same classifier
then cleans what trafilatura kept (captions, share lines).
"""

from __future__ import annotations

from dyads.clean.headlines import headline_runs
from dyads.clean.mask import masked_text
from dyads.clean.rules import EMAIL, SOCIAL_MARKS, is_caption, is_date_line, match_line
from dyads.clean.segments import Segment, ends_like_sentence, looks_like_name, split_segments
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Span

COMPONENT = "dyads.clean.boilerplate"
VERSION = "2"
HEADER_LINES = 8  # bylines and widgets sit in the first lines of a page
FOLLOWER_MAX_WORDS = 8  # "Twitter picture", "Logo": short lines inside a junk block
V1_KINDS = frozenset({"comment_form", "email", "share_links"})


def classify_lines(text: str) -> tuple[list[Segment], list[str | None]]:
    """Each non-empty line and its junk kind (None for article text)."""
    segments = split_segments(text)
    kinds: list[str | None] = [_line_kind(s) for s in segments]
    _header_bylines(segments, kinds)
    for run in headline_runs(segments, kinds, text):
        for segment in run:
            kinds[segment.index] = "headline_list"
        _extend_to_separators(run, segments, kinds)
    _quoted_tweets(segments, kinds)
    _junk_followers(segments, kinds)
    return segments, kinds


def find_removed(text: str) -> list[Span]:
    """The junk of a text as spans (whole lines, or e-mail addresses inside prose lines)."""
    segments, kinds = classify_lines(text)
    if len(segments) == 1:  # a one-line text (a sentence to code) is what the user wants read, never furniture
        kinds = [None]
    removed = [Span(s.start, s.end, kind) for s, kind in zip(segments, kinds) if kind]
    for segment, kind in zip(segments, kinds):
        if kind is None:
            removed.extend(Span(segment.start + m.start(), segment.start + m.end(), "email")
                           for m in EMAIL.finditer(segment.text))
    return sorted(removed, key=lambda span: span.start)


def _line_kind(segment: Segment) -> str | None:
    kind = match_line(segment.text, segment.n_words)
    if kind is None and is_caption(segment.text, segment.n_words):
        kind = "caption"
    return kind


def _extend_to_separators(run: list[Segment], segments: list[Segment], kinds: list) -> None:
    """A lone "-" or "|" just before or after a headline list belongs to it."""
    for index in (run[0].index - 1, run[-1].index + 1):
        if 0 <= index < len(segments) and kinds[index] == "separator":
            kinds[index] = "headline_list"


def _header_bylines(segments: list[Segment], kinds: list) -> None:
    """A bare name in the header, next to the date line, a widget or another byline, is a byline."""
    header = segments[1:HEADER_LINES]  # the first line is the title
    names = [s for s in header if kinds[s.index] is None and looks_like_name(s.text)]
    for segment in names:
        near = [segments[i] for i in (segment.index - 1, segment.index + 1) if 0 <= i < len(segments)]
        beside_furniture = any(kinds[n.index] or is_date_line(n.text) for n in near)
        repeated = any(segment.text in other.text for other in header if other is not segment)
        if beside_furniture or repeated:
            kinds[segment.index] = "byline"


def _quoted_tweets(segments: list[Segment], kinds: list) -> None:
    """The line above a tweet's attribution ("Name (@handle) Month D, YYYY") is the tweet."""
    for segment in segments[1:]:
        previous = segments[segment.index - 1]
        if kinds[segment.index] == "embed" and kinds[previous.index] is None and SOCIAL_MARKS.search(previous.text):
            kinds[previous.index] = "embed"


def _junk_followers(segments: list[Segment], kinds: list) -> None:
    """Short non-prose lines after a comment form, or between two junk lines, are junk too."""
    for segment in segments:
        i = segment.index
        if kinds[i] is not None or segment.n_words > FOLLOWER_MAX_WORDS or ends_like_sentence(segment.text):
            continue
        previous = kinds[i - 1] if i > 0 else None
        following = kinds[i + 1] if i + 1 < len(kinds) else None
        if previous == "comment_form" or (previous and following and previous != "headline_list"):
            kinds[i] = previous


@per_document("dyads.clean.boilerplate.v2", requires=("doc",), produces=("removed", "nlp_text"))
def clean_document(ctx: DocContext, resources: Resources) -> dict:
    """Mark junk lines as removed spans and give later stages the masked text."""
    removed = find_removed(ctx.doc.text)
    return {"removed": removed, "nlp_text": masked_text(ctx.doc.text, removed)}


@per_document("dyads.clean.boilerplate.v1", requires=("doc",), produces=("removed", "nlp_text"))
def clean_document_v1(ctx: DocContext, resources: Resources) -> dict:
    """The first rule set: comment forms, e-mail lines and share links only."""
    removed = [s for s in find_removed(ctx.doc.text) if s.kind in V1_KINDS]
    return {"removed": removed, "nlp_text": masked_text(ctx.doc.text, removed)}
