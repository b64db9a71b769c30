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
               d.published, k.subject_text,
               substr(d.text, s.start + 1, s."end" - s.start) AS sentence
        FROM keyed k JOIN disputed USING (counts, subject_key)
        JOIN documents d USING (doc_id)
        LEFT JOIN entities e ON e.entity_id = k.subject_entity_id
        LEFT JOIN sentences s ON s.doc_id = k.doc_id AND s.start <= k.start AND k."end" <= s."end"
        ORDER BY k.counts, subject, k.value, k.doc_id LIMIT ?"""
    return store.query(sql, params + [limit])
