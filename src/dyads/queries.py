"""Read-only queries behind `dyads events|actors|quotes` (and the REST API).

Each returns plain dicts; filters are parameters, never pasted into SQL.
"""

from __future__ import annotations

from dyads.store import Store


def _actor_entity_ids(store: Store, name: str) -> list[str]:
    """Entities whose name or any variant contains `name` (case- and accent-insensitive)."""
    pattern = f"%{name}%"
    rows = store.query(
        "SELECT entity_id FROM entities WHERE strip_accents(name) ILIKE strip_accents(?) OR "
        "len(list_filter(variants, lambda v: strip_accents(v) ILIKE strip_accents(?))) > 0", [pattern, pattern])
    return [r["entity_id"] for r in rows]


def list_events(store: Store, actor: str | None = None, event: str | None = None, status: str | None = None,
                doc: str | None = None, limit: int = 50) -> list[dict]:
    where, params = ["TRUE"], []
    if actor:
        ids = _actor_entity_ids(store, actor)
        where.append("(len(list_filter(actors || recipients, lambda p: list_contains(?::VARCHAR[], p.entity_id) "
                     "OR p.text ILIKE ?)) > 0)")
        params += [ids, f"%{actor}%"]
    if event:
        where.append("event = ?")
        params.append(event.upper())
    if status:
        where.append("status = ?")
        params.append(status.lower())
    if doc:
        where.append("doc_id = ?")
        params.append(doc)
    sql = f"""
        SELECT e.event_id, e.doc_id, e.event, e.mode, e.status, e.date,
               array_to_string(list_transform(e.actors, lambda p: coalesce(p.code, '?') || ':' || p.text), '; ') AS actors,
               array_to_string(list_transform(e.recipients, lambda p: coalesce(p.code, '?') || ':' || p.text), '; ')
                   AS recipients,
               e.trigger_text AS trigger, e.score, e.confidence,
               substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
        FROM events e JOIN documents d USING (doc_id)
        WHERE {' AND '.join(where)}
        ORDER BY e.doc_id, e.trigger_start LIMIT ?"""
    return store.query(sql, params + [limit])


def list_actors(store: Store, name: str | None = None, country: str | None = None, limit: int = 50) -> list[dict]:
    where, params = ["TRUE"], []
    if name:
        where.append("entity_id IN (SELECT UNNEST(?))")
        params.append(_actor_entity_ids(store, name))
    if country:
        where.append("country = ?")
        params.append(country.upper())
    sql = f"""
        SELECT e.entity_id, e.name, e.kind, e.code, e.country, e.sector,
               (SELECT count(*) FROM mentions m WHERE m.entity_id = e.entity_id) AS mentions,
               (SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = e.entity_id) AS documents,
               array_to_string(e.variants, ' | ') AS variants
        FROM entities e WHERE {' AND '.join(where)}
        ORDER BY mentions DESC, e.name LIMIT ?"""
    return store.query(sql, params + [limit])


def list_quotes(store: Store, actor: str | None = None, limit: int = 50) -> list[dict]:
    where, params = ["TRUE"], []
    if actor:
        where.append("(q.speaker.entity_id IN (SELECT UNNEST(?)) OR q.speaker.text ILIKE ?)")
        params += [_actor_entity_ids(store, actor), f"%{actor}%"]
    sql = f"""
        SELECT q.quote_id, q.doc_id, q.kind, coalesce(e.name, q.speaker.text) AS speaker, q.speaker.code AS code,
               q.cue, q.text, q.confidence
        FROM quotes q LEFT JOIN entities e ON e.entity_id = q.speaker.entity_id WHERE {' AND '.join(where)}
        ORDER BY q.doc_id, q.start LIMIT ?"""
    return store.query(sql, params + [limit])


def list_claims(store: Store, counts: str | None = None, limit: int = 50) -> list[dict]:
    """Quantities that documents report differently: the same thing counted (troops, killed ...) for the
    same subject (its entity, else its words) with more than one value across more than one document."""
    where, params = ["q.counts IS NOT NULL", "q.counts NOT IN ('percent', 'days', 'weeks', 'months', 'years')"], []
    if counts:
        where.append("q.counts = ?")
        params.append(counts.lower())
    sql = f"""
        WITH keyed AS (
            SELECT q.*, coalesce(q.subject_entity_id, lower(q.subject_text)) AS subject_key
            FROM quantities q WHERE {' AND '.join(where)}),
        disputed AS (
            SELECT counts, subject_key FROM keyed WHERE subject_key IS NOT NULL
            GROUP BY counts, subject_key
            HAVING count(DISTINCT value) > 1 AND count(DISTINCT doc_id) > 1)
        SELECT k.counts, coalesce(e.name, k.subject_text) AS subject, k.value, k.text, k.doc_id,
               d.published, k.subject_text, k.subject_entity_id,
               substr(d.text, s.start + 1, s."end" - s.start) AS sentence
        FROM keyed k JOIN disputed USING (counts, subject_key)
        JOIN documents d USING (doc_id)
        LEFT JOIN entities e ON e.entity_id = k.subject_entity_id
        LEFT JOIN sentences s ON s.doc_id = k.doc_id AND s.start <= k.start AND k."end" <= s."end"
        ORDER BY k.counts, subject, k.value, k.doc_id LIMIT ?"""
    return store.query(sql, params + [limit])


PERIODS = {"day": 10, "month": 7, "year": 4}  # characters of a YYYY-MM-DD date that name the period
DYAD_KEYS = {"code": "p.code", "entity": "coalesce(p.entity_id, p.code)"}


def dyad_series(store: Store, actor: str | None = None, recipient: str | None = None, by: str = "code",
                interval: str = "month", status: str = "occurred", limit: int = 200) -> list[dict]:
    """Relations over time: per period and (actor, recipient) pair, the real-world events between them.

    Each merged event counts once however many documents report it; duplicates count not at all.
    Reciprocal events (a meeting: several actors, no recipient) give each pair of actors. An event dated
    less precisely than the interval keeps its coarser period ("2021" in a monthly series).
    `score` sums the PLOVER cooperation-conflict scores of those events: below zero, conflict.
    """
    if by not in DYAD_KEYS:
        raise ValueError(f"by must be one of {', '.join(DYAD_KEYS)}")
    if interval not in PERIODS:
        raise ValueError(f"interval must be one of {', '.join(PERIODS)}")
    src_key, tgt_key = DYAD_KEYS[by].replace("p.", "src."), DYAD_KEYS[by].replace("p.", "tgt.")
    where, params = [f"{src_key} IS NOT NULL", f"{tgt_key} IS NOT NULL", f"{src_key} <> {tgt_key}"], []
    for side, name in (("src", actor), ("tgt", recipient)):
        if name:
            where.append(f"(list_contains(?::VARCHAR[], {side}.entity_id) OR {side}.text ILIKE ? OR {side}.code = ?)")
            params += [_actor_entity_ids(store, name), f"%{name}%", name.upper()]
    sql = f"""
        WITH parts AS (
            SELECT coalesce(e.merged_event_id, e.event_id) AS real_event, e.event, e.score, e.actors, e.recipients,
                   coalesce(e.date, d.published) AS day
            FROM events e JOIN documents d USING (doc_id)
            WHERE d.duplicate_of IS NULL AND e.status = ?),
        pairs AS (
            SELECT p.*, a.x AS src, r.y AS tgt FROM parts p, unnest(p.actors) a(x), unnest(p.recipients) r(y)
            UNION ALL
            SELECT p.*, a.x AS src, b.y AS tgt FROM parts p, unnest(p.actors) a(x), unnest(p.actors) b(y)
            WHERE len(p.recipients) = 0 AND coalesce(a.x.entity_id, a.x.code) < coalesce(b.y.entity_id, b.y.code)),
        distinct_events AS (
            SELECT DISTINCT left(day, {PERIODS[interval]}) AS period, {src_key} AS actor_key,
                   {tgt_key} AS recipient_key, real_event, event, score
            FROM pairs WHERE {' AND '.join(where)})
        SELECT period, actor_key, coalesce(ea.name, actor_key) AS actor, recipient_key,
               coalesce(er.name, recipient_key) AS recipient, count(*) AS events,
               count(*) FILTER (WHERE score > 0) AS cooperation, count(*) FILTER (WHERE score < 0) AS conflict,
               round(sum(score), 2) AS score, string_agg(DISTINCT event, ' ' ORDER BY event) AS types
        FROM distinct_events
        LEFT JOIN entities ea ON ea.entity_id = actor_key LEFT JOIN entities er ON er.entity_id = recipient_key
        GROUP BY ALL ORDER BY period NULLS LAST, events DESC, actor, recipient LIMIT ?"""
    return store.query(sql, [status] + params + [limit])


def document_view(store: Store, doc_id: str) -> dict | None:
    """One document with everything found in it, as spans into its original text (for the web page)."""
    rows = store.query("""SELECT doc_id, source, source_id, title, published, published_basis, published_range,
                                 story_id, duplicate_of, text, removed FROM documents WHERE doc_id = ?""", [doc_id])
    if not rows:
        return None
    view = rows[0]
    view["mentions"] = store.query("""
        SELECT m.start, m."end", m.text, m.kind, m.entity_id, e.name AS entity, e.code, m.place_id, m.method
        FROM mentions m LEFT JOIN entities e USING (entity_id) WHERE m.doc_id = ? ORDER BY m.start""", [doc_id])
    view["events"] = store.query("""
        SELECT event_id, event, mode, status, sentence_start, sentence_end, trigger_text, trigger_start, trigger_end,
               actors, recipients, date, place_id, score, confidence, merged_event_id
        FROM events WHERE doc_id = ? ORDER BY trigger_start""", [doc_id])
    view["quotes"] = store.query("""SELECT quote_id, start, "end", kind, speaker, cue FROM quotes
                                    WHERE doc_id = ? ORDER BY start""", [doc_id])
    view["times"] = store.query("""SELECT start, "end", text, value, precision, basis FROM times
                                   WHERE doc_id = ? ORDER BY start""", [doc_id])
    return view


def list_documents(store: Store, limit: int = 100, offset: int = 0) -> list[dict]:
    return store.query("""
        SELECT d.doc_id, d.title, d.source, d.published, d.published_basis, d.story_id, d.duplicate_of,
               d.n_chars, (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events
        FROM documents d ORDER BY d.published NULLS LAST, d.source LIMIT ? OFFSET ?""", [limit, offset])
