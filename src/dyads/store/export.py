"""Exports: one file per record type, in JSONL, Parquet or CSV.

Each export is one SQL query that gives the contract's field names (DESIGN.md,
"Interfaces everything else relies on"); the three formats are three ways of
writing the same rows, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dyads.errors import DyadsError
from dyads.store.store import Store

FORMATS = ("jsonl", "parquet", "csv")

_PARTICIPANTS = ("list_transform({col}, lambda p: {{'entity_id': p.entity_id, 'text': p.text, 'start': p.start, "
                 "'end': p.\"end\", 'code': p.code, 'country': p.country, 'sector': p.sector}})")

EXPORTS: dict[str, str] = {
    "documents": """
        SELECT d.doc_id, d.source, d.source_id, d.title, d.published, d.published_basis,
               d.published_range, d.language, d.story_id, d.duplicate_of,
               coalesce(d.removed, []) AS removed, d.outlet, d.url, d.content_hash, d.n_chars,
               coalesce((SELECT list({'source': s.source, 'source_id': s.source_id, 'locator': s.locator}
                                     ORDER BY s.first_seen, s.source_key)
                         FROM document_sources s WHERE s.doc_id = d.doc_id), []) AS sources,
               d.text
        FROM documents d ORDER BY d.source, d.doc_id""",
    "entities": """
        SELECT e.entity_id, e.name, e.kind, e.country, e.sector, e.code, e.variants,
               list_transform(coalesce(e.roles, []), lambda r: {'role': r.role, 'country': r.country,
                   'sector': r.sector, 'start_date': r.start_date, 'end_date': r.end_date,
                   'former': r.former, 'evidence': r.evidence}) AS roles,
               (SELECT count(*) FROM mentions m WHERE m.entity_id = e.entity_id) AS n_mentions,
               e.as_of, e.method, e.confidence, e.component, e.version
        FROM entities e ORDER BY e.entity_id""",
    "mentions": """
        SELECT doc_id, start, "end", text, kind, entity_id, place_id, method, confidence, component, version
        FROM mentions ORDER BY doc_id, start, "end" """,
    "events": f"""
        SELECT event_id, doc_id, {{'start': sentence_start, 'end': sentence_end}} AS sentence,
               {{'text': trigger_text, 'start': trigger_start, 'end': trigger_end}} AS trigger,
               event, mode, context, status,
               {_PARTICIPANTS.format(col='actors')} AS actors,
               {_PARTICIPANTS.format(col='recipients')} AS recipients,
               date, date_precision, date_basis, place_id, score, confidence, merged_event_id,
               (SELECT {{'n_mentions': m.n_mentions, 'n_documents': m.n_documents, 'n_sources': m.n_sources}}
                FROM merged_events m WHERE m.merged_event_id = events.merged_event_id) AS merged,
               component, version
        FROM events ORDER BY doc_id, trigger_start, event""",
    "quotes": """
        SELECT quote_id, doc_id, start, "end", text, kind,
               CASE WHEN speaker IS NULL THEN NULL ELSE {'entity_id': speaker.entity_id,
                    'text': speaker.text, 'start': speaker.start, 'end': speaker."end",
                    'code': speaker.code} END AS speaker,
               cue, confidence, method, component, version
        FROM quotes ORDER BY doc_id, start""",
    "places": """
        SELECT place_id, name, country, lat, lon, feature, source FROM places ORDER BY place_id""",
    "quantities": """
        SELECT doc_id, start, "end", text, value, unit, counts, subject_text, subject_entity_id,
               confidence, component, version
        FROM quantities ORDER BY doc_id, start""",
    "times": """
        SELECT doc_id, start, "end", text, value, precision, basis, confidence, component, version
        FROM times ORDER BY doc_id, start""",
    "stories": """
        SELECT story_id, doc_ids, title, first_date, last_date, n_documents, n_sources, sources
        FROM stories ORDER BY first_date, story_id""",
}


def export_store(store: Store, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write every record type to `out_dir`; return the number of rows per file."""
    if fmt not in FORMATS:
        raise DyadsError("E304", fmt=fmt, choices=", ".join(FORMATS))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, sql in EXPORTS.items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            written[name] = _write_jsonl(store, sql, path)
        elif fmt == "parquet":
            store.con.execute(f"COPY ({sql}) TO '{_sql_path(path)}' (FORMAT parquet)")
            written[name] = store.count(name)
        else:
            written[name] = _write_csv(store, sql, path)
    return written


def _write_jsonl(store: Store, sql: str, path: Path) -> int:
    cursor = store.con.execute(sql)
    names = [d[0] for d in cursor.description]
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        while rows := cursor.fetchmany(2048):
            for row in rows:
                handle.write(json.dumps(dict(zip(names, row)), ensure_ascii=False, default=_json_default))
                handle.write("\n")
                count += 1
    return count


def _write_csv(store: Store, sql: str, path: Path) -> int:
    """CSV keeps one row per record: nested fields (lists, structs) become JSON strings."""
    relation = store.con.sql(sql)
    columns = []
    for name, dtype in zip(relation.columns, relation.dtypes):
        quoted = f'"{name}"'
        nested = any(tag in str(dtype) for tag in ("[]", "STRUCT", "MAP"))
        columns.append(f"to_json({quoted}) AS {quoted}" if nested else quoted)
    store.con.execute(f"COPY (SELECT {', '.join(columns)} FROM ({sql})) TO '{_sql_path(path)}' (HEADER, DELIMITER ',')")
    return store.con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")
