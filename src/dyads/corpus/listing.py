"""Read-only queries behind `dyads stories` and `dyads merged`."""

from __future__ import annotations


def list_stories(store, min_documents: int = 2, limit: int = 50) -> list[dict]:
    """Stories with at least `min_documents` documents (copies included), largest first."""
    return store.query("""
        SELECT story_id, n_documents AS documents, n_sources AS sources, first_date, last_date, title,
               array_to_string(doc_ids, ' ') AS doc_ids
        FROM stories WHERE n_documents >= ?
        ORDER BY n_documents DESC, first_date, story_id LIMIT ?""", [min_documents, limit])


def list_merged_events(store, min_documents: int = 1, event: str | None = None, limit: int = 50) -> list[dict]:
    """Merged events, most widely reported first, with their counts and sources."""
    where, params = ["n_documents >= ?"], [min_documents]
    if event:
        where.append("m.event = ?")
        params.append(event.upper())
    return store.query(f"""
        SELECT m.merged_event_id, m.event, m.status, m.date,
               array_to_string(m.actors, '; ') AS actors, array_to_string(m.recipients, '; ') AS recipients,
               m.n_mentions AS mentions, m.n_documents AS documents, m.n_sources AS sources,
               array_to_string(m.sources, ' | ') AS source_list,
               substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
        FROM merged_events m JOIN events e ON e.event_id = m.event_id JOIN documents d ON d.doc_id = e.doc_id
        WHERE {' AND '.join(where)}
        ORDER BY m.n_documents DESC, m.n_sources DESC, m.n_mentions DESC, m.merged_event_id LIMIT ?""",
                       params + [limit])


def merged_summary(store) -> dict[str, int]:
    """Event mentions against merged events: what counting each story once saves."""
    row = store.con.execute("""
        SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM merged_events),
               (SELECT count(*) FROM merged_events WHERE n_documents > 1)""").fetchall()[0]
    return {"mentions": row[0], "merged_events": row[1], "multi_document": row[2]}
