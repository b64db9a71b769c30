"""Give each event its date: the temporal expression attached to it, else the publication date.

The expression that modifies the trigger's phrase or clause wins, then one in the clause
the trigger is the object of, then one elsewhere in the sentence (not the date of a
report of it). Durations and sets ("for months", "daily") never date an event. An
attached expression that cannot be put on the calendar ("days after taking office")
leaves the date unknown rather than falling back to the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Event, TimeExpr
from dyads.time.attach import best_attachment, echo_tokens, token_at

CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
SEASON = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI)$")
NOT_A_DATE = re.compile(r"^(P|PT)\w+$|^PRESENT_REF$")  # durations, sets and "now"


def event_date(value: str | None) -> tuple[str, str] | None:
    """An Event date (YYYY, YYYY-MM or YYYY-MM-DD) and precision from a TIMEX3 value, if it has one."""
    if not value:
        return None
    if match := CALENDAR.match(value):
        precision = "day" if match.group(3) else "month" if match.group(2) else "year"
        return value, precision
    if match := WEEK.match(value):
        monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        return monday.isoformat(), "week"
    if match := SEASON.match(value):
        return match.group(1), "year"
    return None


def best_time(triggers: list, spacy_doc, times: list[TimeExpr]) -> tuple[TimeExpr, int] | None:
    """The sentence's temporal expression most closely attached to the trigger (or its echoes), with its score."""
    trigger = triggers[0]
    ranked = []
    for time in times:
        if NOT_A_DATE.match(time.value or ""):
            continue
        token = token_at(spacy_doc, time.start, time.end)
        score = best_attachment(triggers, token) if token is not None else 0
        if score:
            ranked.append((-score, abs(token.i - trigger.i), time.start, time))
    if not ranked:
        return None
    best = min(ranked, key=lambda r: r[:3])
    return best[3], -best[0]


def date_event(event: Event, spacy_doc, times: list[TimeExpr], published: str | None, taken: set[int]) -> Event:
    trigger = token_at(spacy_doc, event.trigger_start, event.trigger_end)
    in_sentence = [t for t in times if event.sentence_start <= t.start and t.end <= event.sentence_end]
    found = best_time(echo_tokens(trigger, taken), spacy_doc, in_sentence) if trigger is not None else None
    if found is not None:
        time, score = found
        dated = event_date(time.value)
        if dated is not None:
            return replace(event, date=dated[0], date_precision=dated[1], date_basis="clause" if score >= 2 else "sentence")
        if score >= 2:
            return replace(event, date=None, date_precision=None, date_basis="unresolved")
    if published:
        return replace(event, date=published, date_precision="day", date_basis="publication")
    return event


@per_document("dyads.time.event_dates.v1", requires=("spacy_doc", "events", "times"), produces=("events",))
def event_dates_stage(ctx: DocContext, resources: Resources) -> dict:
    """Date each event from the expression attached to it, else from the publication date."""
    published = ctx.get("published") or ctx.doc.published
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = None
    spacy_doc = ctx["spacy_doc"]
    taken = {t.i for e in ctx["events"] if (t := token_at(spacy_doc, e.trigger_start, e.trigger_end)) is not None}
    events = [date_event(e, spacy_doc, ctx.get("times", []), published, taken) for e in ctx["events"]]
    return {"events": events}
