"""Lists of unrelated headlines ("most read", "more stories") pasted under or over an article.

One headline alone looks like an article's title or a section heading and is kept; a run of
three or more headline-like lines in a row is a list of links when it is marked as one
(lines ending in " -" or " |", or a "Related"/"Most read" line above it) or when it sits
outside the article (no prose before it, or none after it). A bulleted list inside the
article (signatories, speakers) is article text.
"""

from __future__ import annotations

import re

from dyads.clean.segments import Segment, capitalized_ratio, ends_like_sentence

MIN_RUN = 3
LINK_MARK = re.compile(r"\s[-|–—»›]$")
BULLET = re.compile(r"^[*•·▪◦-]\s")
PROSE_WORDS = 15


def headline_like(segment: Segment) -> bool:
    n = segment.n_words
    if not 3 <= n <= 22:
        return False
    if LINK_MARK.search(segment.text):  # "King Charles Makes It Clear -": a link list's separator
        return True
    if BULLET.match(segment.text):
        return False
    if ends_like_sentence(segment.text) and not segment.text.endswith("?"):
        return False
    return capitalized_ratio(segment.text) >= 0.6


def headline_runs(segments: list[Segment], kinds: list[str | None], text: str) -> list[list[Segment]]:
    """Runs of headline-like lines, not already other junk, that are lists of links."""
    return [run for run in _runs(segments, kinds, text) if _is_link_list(run, segments, kinds)]


def _runs(segments: list[Segment], kinds: list[str | None], text: str) -> list[list[Segment]]:
    runs, current = [], []
    for segment in segments:
        candidate = kinds[segment.index] is None and headline_like(segment)
        if candidate and (not current or _adjacent(current[-1], segment, text)):
            current.append(segment)
            continue
        if len(current) >= MIN_RUN:
            runs.append(current)
        current = [segment] if candidate else []
    if len(current) >= MIN_RUN:
        runs.append(current)
    return runs


def _is_link_list(run: list[Segment], segments: list[Segment], kinds: list[str | None]) -> bool:
    marked = sum(1 for s in run if LINK_MARK.search(s.text)) >= len(run) / 2
    first, last = run[0].index, run[-1].index
    announced = first > 0 and kinds[first - 1] == "promo"
    prose_before = any(_prose(s) for s in segments[:first])
    prose_after = any(_prose(s) for s in segments[last + 1:])
    return marked or announced or not prose_before or not prose_after


def _prose(segment: Segment) -> bool:
    return segment.n_words >= PROSE_WORDS and ends_like_sentence(segment.text)


def _adjacent(previous: Segment, segment: Segment, text: str) -> bool:
    """At most one blank line between two lines of a list."""
    return text.count("\n", previous.end, segment.start) <= 2
