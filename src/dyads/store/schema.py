"""The store's tables, declared once: DuckDB DDL and Arrow schemas both come from here.

SCHEMA_VERSION goes up with every change; MIGRATIONS holds the SQL that brings an
older store up to date, so a store written by an earlier dyads keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 3


@dataclass(frozen=True)
class Type:
    sql: str
    arrow: pa.DataType


VARCHAR = Type("VARCHAR", pa.string())
INTEGER = Type("INTEGER", pa.int32())
DOUBLE = Type("DOUBLE", pa.float64())
BOOLEAN = Type("BOOLEAN", pa.bool_())
TIMESTAMP = Type("TIMESTAMP", pa.timestamp("us"))
BIGINT = Type("BIGINT", pa.int64())
FLOAT = Type("FLOAT", pa.float32())
BLOB = Type("BLOB", pa.binary())


def list_of(item: Type) -> Type:
    return Type(f"{item.sql}[]", pa.list_(item.arrow))


def struct(**fields: Type) -> Type:
    sql = ", ".join(f'"{name}" {t.sql}' for name, t in fields.items())
    return Type(f"STRUCT({sql})", pa.struct([(name, t.arrow) for name, t in fields.items()]))


SPAN = struct(start=INTEGER, end=INTEGER, kind=VARCHAR)
EVIDENCE = struct(doc_id=VARCHAR, start=INTEGER, end=INTEGER, text=VARCHAR)
ROLE = struct(role=VARCHAR, country=VARCHAR, sector=VARCHAR, start_date=VARCHAR, end_date=VARCHAR,
              former=BOOLEAN, evidence=EVIDENCE)
PARTICIPANT = struct(text=VARCHAR, start=INTEGER, end=INTEGER, entity_id=VARCHAR, code=VARCHAR,
                     country=VARCHAR, sector=VARCHAR)
PROVENANCE = {"component": VARCHAR, "version": VARCHAR}

TABLES: dict[str, dict[str, Type]] = {
    "documents": {
        "doc_id": VARCHAR, "source": VARCHAR, "source_id": VARCHAR, "title": VARCHAR,
        "published": VARCHAR, "published_basis": VARCHAR, "published_range": list_of(VARCHAR),
        "language": VARCHAR, "outlet": VARCHAR, "url": VARCHAR, "fmt": VARCHAR, "text": VARCHAR,
        "content_hash": VARCHAR, "removed": list_of(SPAN), "duplicate_of": VARCHAR, "story_id": VARCHAR,
        "n_chars": INTEGER, "ingested_at": TIMESTAMP, "run_id": VARCHAR,
        "corpus_pending": BOOLEAN,  # corpus stages have not yet seen this document
    },
    "document_sources": {
        "doc_id": VARCHAR, "source_key": VARCHAR, "source": VARCHAR, "source_id": VARCHAR,
        "locator": VARCHAR, "outlet": VARCHAR, "first_seen": TIMESTAMP,
    },
    "sentences": {"doc_id": VARCHAR, "index": INTEGER, "start": INTEGER, "end": INTEGER},
    "mentions": {
        "doc_id": VARCHAR, "start": INTEGER, "end": INTEGER, "text": VARCHAR, "kind": VARCHAR,
        "local_id": VARCHAR, "entity_id": VARCHAR, "place_id": VARCHAR, "method": VARCHAR,
        "confidence": DOUBLE, **PROVENANCE,
    },
    "entities": {
        "entity_id": VARCHAR, "name": VARCHAR, "kind": VARCHAR, "country": VARCHAR, "sector": VARCHAR,
        "code": VARCHAR, "variants": list_of(VARCHAR), "roles": list_of(ROLE), "method": VARCHAR,
        "confidence": DOUBLE, **PROVENANCE, "as_of": VARCHAR,
    },
    # cross-document actor resolution (corpus/actors.py): name keys of the corpus's entities,
    # so that a new document's names find their candidates with one indexed join
    "entity_keys": {"key": VARCHAR, "entity_id": VARCHAR, "kind": VARCHAR, "full": BOOLEAN},
    "events": {
        "event_id": VARCHAR, "doc_id": VARCHAR, "sentence_start": INTEGER, "sentence_end": INTEGER,
        "trigger_text": VARCHAR, "trigger_start": INTEGER, "trigger_end": INTEGER, "event": VARCHAR,
        "mode": VARCHAR, "context": list_of(VARCHAR), "status": VARCHAR, "actors": list_of(PARTICIPANT),
        "recipients": list_of(PARTICIPANT), "date": VARCHAR, "date_precision": VARCHAR,
        "date_basis": VARCHAR, "place_id": VARCHAR, "score": DOUBLE, "confidence": DOUBLE,
        **PROVENANCE, "merged_event_id": VARCHAR,
    },
    "quotes": {
        "quote_id": VARCHAR, "doc_id": VARCHAR, "start": INTEGER, "end": INTEGER, "text": VARCHAR,
        "kind": VARCHAR, "speaker": PARTICIPANT, "cue": VARCHAR, "confidence": DOUBLE, **PROVENANCE,
        "method": VARCHAR,
    },
    "places": {
        "place_id": VARCHAR, "name": VARCHAR, "country": VARCHAR, "lat": DOUBLE, "lon": DOUBLE,
        "feature": VARCHAR, "source": VARCHAR,
    },
    "quantities": {
        "doc_id": VARCHAR, "start": INTEGER, "end": INTEGER, "text": VARCHAR, "value": DOUBLE,
        "unit": VARCHAR, "counts": VARCHAR, "subject_text": VARCHAR, "subject_entity_id": VARCHAR,
        "confidence": DOUBLE, **PROVENANCE,
    },
    "times": {
        "doc_id": VARCHAR, "start": INTEGER, "end": INTEGER, "text": VARCHAR, "value": VARCHAR,
        "precision": VARCHAR, "basis": VARCHAR, "confidence": DOUBLE, **PROVENANCE,
    },
    "stories": {
        "story_id": VARCHAR, "doc_ids": list_of(VARCHAR), "title": VARCHAR, "first_date": VARCHAR,
        "last_date": VARCHAR, "n_documents": INTEGER, "n_sources": INTEGER, "sources": list_of(VARCHAR),
    },
    # corpus stages (src/dyads/corpus/): duplicate fingerprints, story vectors, merged events
    "doc_fingerprints": {
        "doc_id": VARCHAR, "clean_hash": VARCHAR, "n_shingles": INTEGER, "signature": list_of(BIGINT),
        **PROVENANCE,
    },
    "doc_lsh_bands": {"key": BIGINT, "doc_id": VARCHAR},  # one row per MinHash band: SQL finds candidates
    "doc_vectors": {
        "doc_id": VARCHAR, "lead": list_of(FLOAT), "sentences": BLOB, "n_sentences": INTEGER,
        "names": list_of(VARCHAR), **PROVENANCE,
    },
    "merged_events": {
        "merged_event_id": VARCHAR, "event": VARCHAR, "status": VARCHAR, "actors": list_of(VARCHAR),
        "recipients": list_of(VARCHAR), "date": VARCHAR, "first_date": VARCHAR, "last_date": VARCHAR,
        "n_mentions": INTEGER, "n_documents": INTEGER, "n_sources": INTEGER, "doc_ids": list_of(VARCHAR),
        "sources": list_of(VARCHAR), "event_id": VARCHAR,  # event_id: the representative mention
    },
    "runs": {
        "run_id": VARCHAR, "started_at": TIMESTAMP, "finished_at": TIMESTAMP, "inputs": list_of(VARCHAR),
        "n_new": INTEGER, "n_known": INTEGER, "n_errors": INTEGER, "dyads_version": VARCHAR,
        "pipeline": list_of(VARCHAR),
    },
    "errors": {
        "run_id": VARCHAR, "source": VARCHAR, "code": VARCHAR, "message": VARCHAR, "stage": VARCHAR,
        "doc_id": VARCHAR, "at": TIMESTAMP,
    },
}

PRIMARY_KEYS = {
    "documents": ("doc_id",), "document_sources": ("doc_id", "source_key"), "entities": ("entity_id",),
    "events": ("event_id",), "quotes": ("quote_id",), "places": ("place_id",), "stories": ("story_id",),
    "runs": ("run_id",), "doc_fingerprints": ("doc_id",), "doc_vectors": ("doc_id",),
    "merged_events": ("merged_event_id",),
}

# Tables whose rows belong to one document: deleting a document deletes them too.
PER_DOCUMENT_TABLES = ("sentences", "mentions", "events", "quotes", "quantities", "times")

INDEXES = (
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id)",
    "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id)",
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id)",
    "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc_id)",
    "CREATE INDEX IF NOT EXISTS doc_lsh_bands_key ON doc_lsh_bands(key)",
    "CREATE INDEX IF NOT EXISTS doc_fingerprints_hash ON doc_fingerprints(clean_hash)",
    "CREATE INDEX IF NOT EXISTS entity_keys_key ON entity_keys(key)",
)

# version -> statements that upgrade a store from version-1 to version.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 2: quote speaker methods, story counts, and the corpus stages' tables (created above if missing);
    # every stored document goes back to the corpus stages so that its duplicates, story and merged
    # events are computed by the next run.
    2: (
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS method VARCHAR",
        "ALTER TABLE stories ADD COLUMN IF NOT EXISTS n_documents INTEGER",
        "ALTER TABLE stories ADD COLUMN IF NOT EXISTS n_sources INTEGER",
        "ALTER TABLE stories ADD COLUMN IF NOT EXISTS sources VARCHAR[]",
        "UPDATE documents SET corpus_pending = true",
    ),
    # 3: entities carry the date their code holds for (as_of); entity_keys (created above if missing)
    # index the corpus's names for cross-document actor resolution. Entities stored before are
    # registered in entity_keys by the actors corpus stage (corpus/actors.py) on the next run.
    3: ("ALTER TABLE entities ADD COLUMN IF NOT EXISTS as_of VARCHAR",),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, t.arrow) for name, t in TABLES[table].items()])


def create_statements() -> list[str]:
    statements = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"]
    for table, columns in TABLES.items():
        cols = [f'"{name}" {t.sql}' for name, t in columns.items()]
        if table in PRIMARY_KEYS:
            cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in PRIMARY_KEYS[table]) + ")")
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols)})")
    statements.extend(INDEXES)
    return statements
