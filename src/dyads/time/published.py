"""The publication date of a document: metadata, else the text, else an honest range.

In the text, a date counts only where its place says it dates the page: a line of its
own near the top (byline, "July 9, 2021 00:17 am"), a "Posted on ..." or "Updated ..."
label, a dateline ("BAGHDAD, July 9, 2021 -"), or the signature line of an embedded
tweet ("Name (@handle) February 24, 2021": the page is at least that recent). When
nothing states it, the document's own dated references bound it: an event told in the
past tense happened before publication, one announced in the future comes after.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dyads.time.normalize import FUTURE, PAST, Normalized

HEADER_CHARS = 1500  # bylines and datelines sit in the first lines
LINE_NOISE = re.compile(r"(?i)\b(?:updated|published|posted|last updated|first published|on|at|am|pm|a\.m\.|p\.m\.|"
                        r"gmt|utc|est|edt|ast|cet|local time|time)\b|\d{1,2}:\d{2}(?::\d{2})?|[|/•·,:()\-–—]")
LABEL_BEFORE = re.compile(r"(?i)\b(?:posted|published|updated|last updated|first published|date)(?:\s+on|\s+at)?"
                          r"\s*:?\s*$")
TWEET_BEFORE = re.compile(r"\(@\w{1,15}\)\s*$")
DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .'-]{2,40},\s*$")
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True, slots=True)
class Dated:
    """A candidate expression with its absolute value and the tense of its clause."""

    start: int
    end: int
    value: Normalized
    direction: str


@dataclass(frozen=True, slots=True)
class Publication:
    published: str | None
    basis: str | None  # metadata | text | inferred | None
    range: list[str | None] | None = None
    how: str | None = None  # byline, posted, dateline, tweet, references
    evidence: Dated | None = None


def from_text(text: str, dated: list[Dated]) -> Publication | None:
    """The publication date stated by the page itself, with how it was found."""
    tweets = []
    for item in dated:
        if item.value.precision != "day" or item.value.basis != "absolute":
            continue
        line_start = text.rfind("\n", 0, item.start) + 1
        line_end = text.find("\n", item.end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:item.start], text[item.end:line_end]
        how = _how_stated(before, after, item.start)
        if how == "tweet":
            tweets.append(item)
        elif how is not None:
            return Publication(item.value.value, "text", how=how, evidence=item)
    if tweets:
        latest = max(tweets, key=lambda t: t.value.value)
        return Publication(latest.value.value, "text", how="tweet", evidence=latest)
    return None


def _how_stated(before: str, after: str, start: int) -> str | None:
    if TWEET_BEFORE.search(before) and not after.strip():
        return "tweet"
    if LABEL_BEFORE.search(before):
        return "posted"
    if start < HEADER_CHARS and DATELINE_BEFORE.match(before):
        return "dateline"
    if start < HEADER_CHARS and _is_date_line(before + " " + after):
        return "byline"
    return None


def _is_date_line(rest_of_line: str) -> bool:
    """A line that holds a date and little else: a byline date, not a sentence."""
    words = LINE_NOISE.sub(" ", rest_of_line).split()
    return len(words) <= 1


def inferred(dated: list[Dated]) -> Publication | None:
    """Bounds from the document's absolute references: past ones before it, future ones after."""
    lower = [period_bounds(d.value.value)[0] for d in dated if d.direction == PAST]
    upper = [period_bounds(d.value.value)[1] for d in dated if d.direction == FUTURE]
    low = max((b for b in lower if b), default=None)
    high = min((b for b in upper if b), default=None)
    if high is not None and low is not None and high < low:
        high = None  # contradictory references: keep only the safer lower bound
    if low is None and high is None:
        return None
    if low is not None and low == high:
        return Publication(low.isoformat(), "inferred", [low.isoformat(), high.isoformat()], how="references")
    return Publication(None, "inferred", [low.isoformat() if low else None, high.isoformat() if high else None],
                       how="references")


def period_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a TIMEX3 calendar value (2021-04-07, 2021-04, 2021-W14, 2017-SU, 2021, 199)."""
    if not value:
        return None, None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = dt.date.fromisoformat(value)
        return day, day
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match.group(1)), int(match.group(2))
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday, monday + dt.timedelta(days=6)
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year = int(match.group(1))
        first, last = SEASON_MONTHS[match.group(2)]
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):
        return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    return None, None


def role_bounds(entities) -> tuple[str | None, str | None] | None:
    """When the titles a text gives its people were held: "Iraqi Prime Minister Mustafa al-Kadhimi" says the
    text was written between 2020-05-07 and 2022-10-27, the dates the actor dictionary gives that office.

    Only a title the text itself gives (not "former") and that the dictionary dates for the same person
    counts; titles that contradict the others (a dead general's rank) are left out rather than guessed at.
    """
    spans = []
    for entity in entities:
        if entity.kind != "PERSON":
            continue
        dated = [r for r in entity.roles if _from_dictionary(r) and r.start_date]
        for said in (r for r in entity.roles if not _from_dictionary(r) and not r.former and r.role):
            held = [r for r in dated if _same_title(said.role, r.role)]
            if held:
                spans.append((min(r.start_date for r in held),
                              max((r.end_date or "9999") for r in held)))
    if not spans:
        return None
    # The moment most titles agree on; the titles held then bound the text, the others are left out.
    point = max(sorted({start for start, _ in spans}), key=lambda p: sum(s <= p <= e for s, e in spans))
    agreeing = [(s, e) for s, e in spans if s <= point <= e]
    low, high = max(s for s, _ in agreeing), min(e for _, e in agreeing)
    return _day(low, first=True), None if high == "9999" else _day(high, first=False)


def _from_dictionary(role) -> bool:
    evidence = role.evidence or {}
    return evidence.get("doc_id") is None and str(evidence.get("text") or "").startswith("dictionary:")


def _same_title(said: str, held: str) -> bool:
    """"president" is "president of the republic" but not "vice president"."""
    said, held = said.lower().strip(), held.lower().strip()
    return said == held or held.startswith(said + " ") or said.startswith(held + " ")


def _day(value: str, first: bool) -> str:
    low, high = period_bounds(value)
    day = low if first else high
    return day.isoformat() if day else value


def narrow(publication_range: list[str | None] | None, bounds: tuple[str | None, str | None]) -> list[str | None]:
    """The range that both the document's dated references and its people's titles allow; where they
    disagree, the references (what the text says of dates) win."""
    ref_low, ref_high = (publication_range or [None, None])[:2]
    low = max(filter(None, (ref_low, bounds[0])), default=None)
    high = min(filter(None, (ref_high, bounds[1])), default=None)
    if low and high and low > high:
        return [ref_low, ref_high]
    return [low, high]
