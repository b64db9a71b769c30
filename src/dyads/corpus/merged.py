"""Merged events: one real-world event, however many times and places it is reported.

Two event mentions are the same event when they have the same PLOVER type and status, their
dates (where both are known) agree, they are close in the corpus (same document, same story,
or the same day), and their participants agree: actors with actors and recipients with
recipients (either way round for symmetric types such as CONSULT) share an entity, a
country-sector code, a country named as a state, or a name; a side left empty by the
extractor does not contradict, but at least one participant must be shared.
Each merged event counts its mentions, documents (duplicates add none) and sources (every
source that carried one of its documents or a copy of one), like GDELT's NumArticles and
NumSources without GDELT's duplication. New documents' events join existing merged events;
only the merged events they touch are recounted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa
from unidecode import unidecode

from dyads.corpus import corpus_stage, registered
from dyads.corpus.vectors import name_key
from dyads.records import stable_id

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
PRONOUNS = frozenset("he she it they we i you his her its their our them who which that this these those".split())
DAY_WINDOW = 1  # reports of one event may date it a day apart (time zones, "yesterday")


@dataclass
class Mention:
    """An event as the merger sees it."""

    event_id: str
    doc_id: str
    story_id: str | None
    event: str
    status: str
    date: str | None
    actors: list[dict]
    recipients: list[dict]
    merged_event_id: str | None = None
    keys: set[str] = field(default_factory=set)


def participant_keys(p: dict) -> set[str]:
    keys = set()
    if p.get("entity_id"):
        keys.add("e:" + p["entity_id"])
    if p.get("code") and p.get("country"):
        keys.add("c:" + p["code"])
    if p.get("country") and not p.get("sector"):
        keys.add("s:" + p["country"])  # the state itself
    text = (p.get("text") or "").strip()
    if text[:1].isupper() and text.split()[0].lower() not in PRONOUNS:  # a name, not "the two countries"
        keys.add("t:" + " ".join(unidecode(text).lower().removeprefix("the ").split()))
        if len(text.split()) <= 4:  # a person's name under another spelling: Kadhemi, Al-Kazemi
            keys.add("n:" + (name_key(text.removesuffix("'s").removesuffix("’s")) or ""))
    keys.discard("n:")
    return keys


def sides_match(a: list[dict], b: list[dict]) -> tuple[bool, bool]:
    """(compatible, shared): empty sides are compatible; otherwise one participant must agree."""
    if not a or not b:
        return True, False
    shared = any(_same_participant(p, q) for p in a for q in b)
    return shared, shared


def _same_participant(p: dict, q: dict) -> bool:
    if participant_keys(p) & participant_keys(q):
        return True
    # a state named as such ("Iraq") agrees with any actor of that state ("Baghdad", IRQGOV)
    states = {p.get("country")} if p.get("country") and not p.get("sector") else set()
    states |= {q.get("country")} if q.get("country") and not q.get("sector") else set()
    return bool(states) and p.get("country") == q.get("country")


def compatible(a: Mention, b: Mention) -> bool:
    """Nothing tells the two mentions apart: type, status, date, and each side's participants agree."""
    if a.event != b.event or a.status != b.status or not _dates_agree(a.date, b.date):
        return False
    if a.doc_id != b.doc_id and (a.story_id is None or a.story_id != b.story_id) and not (a.date and b.date):
        return False  # different stories: only a shared date says it is the same event
    if not (a.actors or a.recipients) or not (b.actors or b.recipients):
        return False
    # read crosswise ("the US met Iraq"), the sides must not merely be empty: they must share someone
    return _sides(a, b)[0] or (a.event in SYMMETRIC and _sides(a, b, swap=True)[1])


def shares(a: Mention, b: Mention) -> bool:
    """The two compatible mentions name at least one participant in common."""
    return _sides(a, b)[1] or (a.event in SYMMETRIC and _sides(a, b, swap=True)[1])


def _sides(a: Mention, b: Mention, swap: bool = False) -> tuple[bool, bool]:
    """(compatible, shared) for actors with actors and recipients with recipients, or crosswise."""
    b_actors, b_recipients = (b.recipients, b.actors) if swap else (b.actors, b.recipients)
    ok_actors, shared_actors = sides_match(a.actors, b_actors)
    ok_recipients, shared_recipients = sides_match(a.recipients, b_recipients)
    return ok_actors and ok_recipients, (ok_actors and ok_recipients) and (shared_actors or shared_recipients)


def joins(mention: Mention, members: list[Mention]) -> bool:
    """A mention joins a merged event when it agrees with every member and shares a participant with one.

    Agreeing with every member (not just one) keeps chains from forming: "visited Riyadh" and
    "talks with Washington" must not become one event through a mention that names both.
    """
    return all(compatible(mention, m) for m in members) and any(shares(mention, m) for m in members)


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    if len(a) == len(b) == 10:
        return abs((_day(a) - _day(b)).days) <= DAY_WINDOW
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]  # 2021-04 agrees with 2021-04-07


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@corpus_stage("dyads.corpus.merged.v1", order=30)
def merge_events(store, doc_ids: list[str], resources) -> None:
    """Give the new documents' events merged ids; recount the merged events they touch."""
    new = _mentions(store, "e.doc_id IN (SELECT UNNEST(?)) AND d.duplicate_of IS NULL", [doc_ids])
    pool: dict[str, list[Mention]] = {}  # by event type: only mentions of one type can match
    for mention in _neighbours(store, new):
        pool.setdefault(mention.event, []).append(mention)
    assigned: dict[str, str] = {}
    touched: set[str] = set()
    for mention in new:
        same_type = pool.setdefault(mention.event, [])
        groups: dict[str, list[Mention]] = {}
        for m in same_type:
            if m.merged_event_id:
                groups.setdefault(m.merged_event_id, []).append(m)
        matches = {mid for mid, members in groups.items() if joins(mention, members)}
        keep = min(matches) if matches else stable_id("m", mention.event_id)
        for other in matches - {keep}:  # this mention bridges two merged events: they are one
            _rename(store, same_type, other, keep)
            touched.add(other)
        mention.merged_event_id = keep
        assigned[mention.event_id] = keep
        touched.add(keep)
        same_type.append(mention)
    _write_ids(store, assigned)
    touched |= _merged_ids_of_copies(store, doc_ids)
    recount(store, touched)


def _mentions(store, where: str, params: list) -> list[Mention]:
    rows = store.query(f"""
        SELECT e.event_id, e.doc_id, d.story_id, e.event, e.status, e.date, e.actors, e.recipients,
               e.merged_event_id
        FROM events e JOIN documents d USING (doc_id) WHERE {where}
        ORDER BY d.ingested_at, e.doc_id, e.trigger_start""",
                       params)
    return [Mention(r["event_id"], r["doc_id"], r["story_id"], r["event"], r["status"] or "occurred", r["date"],
                    r["actors"] or [], r["recipients"] or [], r["merged_event_id"]) for r in rows]


def _neighbours(store, new: list[Mention]) -> list[Mention]:
    """Stored, already merged mentions that could match: same type, and same story or a nearby date."""
    if not new:
        return []
    types = sorted({m.event for m in new})
    stories = sorted({m.story_id for m in new if m.story_id})
    days = sorted({d for m in new if m.date for d in _nearby(m.date)})
    near = ("e.merged_event_id IS NOT NULL AND e.event IN (SELECT UNNEST(?)) AND (d.story_id IN (SELECT UNNEST(?)) "
            "OR left(e.date, 10) IN (SELECT UNNEST(?)) OR left(e.date, 7) IN (SELECT UNNEST(?)))")
    # every member of the merged events found, not only the nearby ones: a new mention must agree with all
    return _mentions(store, f"e.merged_event_id IN (SELECT e.merged_event_id FROM events e JOIN documents d "
                            f"USING (doc_id) WHERE {near})", [types, stories, days, sorted({d[:7] for d in days})])


def _nearby(date: str) -> Iterable[str]:
    if len(date) != 10:
        return [date]
    day = _day(date)
    return [(day + dt.timedelta(days=k)).isoformat() for k in range(-DAY_WINDOW, DAY_WINDOW + 1)]


def _rename(store, pool: list[Mention], old: str, new: str) -> None:
    store.con.execute("UPDATE events SET merged_event_id = ? WHERE merged_event_id = ?", [new, old])
    for mention in pool:
        if mention.merged_event_id == old:
            mention.merged_event_id = new


def _write_ids(store, assigned: dict[str, str]) -> None:
    if not assigned:
        return
    table = pa.table({"event_id": list(assigned), "merged": list(assigned.values())})
    with registered(store.con, "_merged_ids", table):
        store.con.execute("UPDATE events SET merged_event_id = m.merged FROM _merged_ids m "
                          "WHERE events.event_id = m.event_id")


def _merged_ids_of_copies(store, doc_ids: list[str]) -> set[str]:
    """A new copy of a document adds its sources to the merged events of the original."""
    rows = store.con.execute("""
        SELECT DISTINCT e.merged_event_id FROM documents c JOIN events e ON e.doc_id = c.duplicate_of
        WHERE c.doc_id IN (SELECT UNNEST(?)) AND e.merged_event_id IS NOT NULL""", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def recount(store, merged_ids: set[str]) -> None:
    """Rewrite the rows of these merged events from their mentions, documents and sources."""
    ids = sorted(merged_ids)
    if not ids:
        return
    with registered(store.con, "_merged_touched", pa.table({"merged_event_id": ids})):
        store.con.execute("DELETE FROM merged_events WHERE merged_event_id IN (SELECT merged_event_id FROM "
                          "_merged_touched)")
        store.con.execute(RECOUNT_SQL)


RECOUNT_SQL = """
    INSERT INTO merged_events BY NAME
    WITH members AS (
        SELECT e.*, d.published FROM events e JOIN documents d USING (doc_id)
        WHERE e.merged_event_id IN (SELECT merged_event_id FROM _merged_touched)),
    carriers AS (  -- each member document and every copy of it
        SELECT DISTINCT m.merged_event_id, c.doc_id FROM members m
        JOIN documents c ON c.doc_id = m.doc_id OR c.duplicate_of = m.doc_id),
    srcs AS (
        SELECT k.merged_event_id,
               list(DISTINCT coalesce(s.outlet, s.source) ORDER BY coalesce(s.outlet, s.source)) AS sources
        FROM carriers k JOIN document_sources s USING (doc_id) GROUP BY k.merged_event_id)
    SELECT m.merged_event_id, any_value(m.event) AS event, any_value(m.status) AS status,
           list_sort(list_distinct(flatten(list(list_transform(m.actors, lambda p: coalesce(p.code, p.text))))))
               AS actors,
           list_sort(list_distinct(flatten(list(list_transform(m.recipients, lambda p: coalesce(p.code, p.text))))))
               AS recipients,
           mode(m.date) AS date, min(coalesce(m.date, m.published)) AS first_date,
           max(coalesce(m.date, m.published)) AS last_date,
           count(*) AS n_mentions, count(DISTINCT m.doc_id) AS n_documents,
           coalesce(len(any_value(srcs.sources)), 0) AS n_sources,
           list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids, any_value(srcs.sources) AS sources,
           arg_max(m.event_id, m.confidence) AS event_id
    FROM members m LEFT JOIN srcs USING (merged_event_id) GROUP BY m.merged_event_id"""
