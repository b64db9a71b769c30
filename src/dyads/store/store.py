"""The DuckDB store: the only place that writes.

Every batch of documents is written in one transaction, documents last, so an
interrupted run leaves whole documents or nothing; the next run skips what is
stored and completes the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from dyads import __version__
from dyads.errors import DyadsError
from dyads.records import DocResult, DocumentError, Entity, Place, Story
from dyads.store import schema
from dyads.store.merge import merge_entity_rows


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def rows_of(records: Iterable) -> list[dict]:
    return [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]


class Store:
    def __init__(self, path: str | Path, read_only: bool = False, create: bool = True):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise DyadsError("E103", path=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as err:
            raise DyadsError("E102", path=self.path, reason=str(err).splitlines()[0]) from err
        if not read_only and create:
            self._ensure_schema()
        else:
            self._check_version()

    # -- schema ---------------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        found = self._schema_version()
        if found is not None and found > schema.SCHEMA_VERSION:
            raise DyadsError("E101", path=self.path, found=found, expected=schema.SCHEMA_VERSION)
        self.con.execute("BEGIN")
        for statement in schema.create_statements():
            self.con.execute(statement)
        for version in range((found or schema.SCHEMA_VERSION) + 1, schema.SCHEMA_VERSION + 1):
            for statement in schema.MIGRATIONS.get(version, ()):
                self.con.execute(statement)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])
        self.con.execute("COMMIT")

    def _schema_version(self) -> int | None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return None
        except duckdb.Error as err:
            raise DyadsError("E102", path=self.path, reason=str(err).splitlines()[0]) from err
        return int(row[0]) if row else None

    def _check_version(self) -> None:
        found = self._schema_version()
        if found is None:
            raise DyadsError("E102", path=self.path, reason="no dyads schema in this file")
        if found > schema.SCHEMA_VERSION:
            raise DyadsError("E101", path=self.path, found=found, expected=schema.SCHEMA_VERSION)
        if found < schema.SCHEMA_VERSION:
            raise DyadsError("E104", path=self.path, found=found, expected=schema.SCHEMA_VERSION)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reads ----------------------------------------------------------------------------
    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(set(doc_ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT UNNEST(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        return {table: self.count(table) for table in schema.TABLES if table not in ("runs", "errors")}

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    # -- writes ---------------------------------------------------------------------------
    def _insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        columns = schema.TABLES[table]
        arrow_table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows],
                                           schema=schema.arrow_schema(table))
        self.con.register("_incoming", arrow_table)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def write_batch(self, results: list[DocResult], run_id: str, sources: list[dict] | None = None) -> None:
        """Write the records of new documents, and new sources of known ones, in one transaction."""
        self.con.execute("BEGIN")
        try:
            self._write_results(results, run_id)
            self._insert_sources(sources or [])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _write_results(self, results: list[DocResult], run_id: str) -> None:
        if not results:
            return
        for table in schema.PER_DOCUMENT_TABLES:
            self._insert(table, [row for r in results for row in rows_of(getattr(r, table))])
        self.upsert_entities([e for r in results for e in r.entities])
        self.upsert_places([p for r in results for p in r.places])
        now = _now()
        docs = []
        for result in results:
            row = dataclasses.asdict(result.document)
            row.update(n_chars=len(result.document.text), ingested_at=now, run_id=run_id, corpus_pending=True)
            docs.append(row)
        self._insert("documents", docs)  # last: a document row means all its records are in

    def _insert_sources(self, sources: list[dict]) -> None:
        if not sources:
            return
        keys = [(s["doc_id"], s["source_key"]) for s in sources]
        existing = set(self.con.execute(
            "SELECT doc_id, source_key FROM document_sources WHERE (doc_id, source_key) IN "
            "(SELECT (UNNEST(?), UNNEST(?)))", [[k[0] for k in keys], [k[1] for k in keys]]).fetchall())
        fresh, seen = [], set(existing)
        for source, key in zip(sources, keys):
            if key not in seen:
                seen.add(key)
                fresh.append({**source, "first_seen": _now()})
        self._insert("document_sources", fresh)

    def upsert_entities(self, entities: list[Entity]) -> None:
        """Insert new entities; merge variants and roles into ones already stored."""
        if not entities:
            return
        incoming: dict[str, dict] = {}
        for row in rows_of(entities):
            incoming[row["entity_id"]] = merge_entity_rows(incoming.get(row["entity_id"]), row)
        ids = list(incoming)
        for row in self.query("SELECT * FROM entities WHERE entity_id IN (SELECT UNNEST(?))", [ids]):
            incoming[row["entity_id"]] = merge_entity_rows(row, incoming[row["entity_id"]])
        self.con.execute("DELETE FROM entities WHERE entity_id IN (SELECT UNNEST(?))", [ids])
        self._insert("entities", list(incoming.values()))

    def upsert_places(self, places: list[Place]) -> None:
        rows = {p.place_id: dataclasses.asdict(p) for p in places}
        if not rows:
            return
        known = {r[0] for r in self.con.execute(
            "SELECT place_id FROM places WHERE place_id IN (SELECT UNNEST(?))", [list(rows)]).fetchall()}
        self._insert("places", [row for pid, row in rows.items() if pid not in known])

    def replace_stories(self, stories: list[Story]) -> None:
        self.con.execute("DELETE FROM stories")
        self._insert("stories", rows_of(stories))

    def record_errors(self, run_id: str, errors: list[DocumentError]) -> None:
        now = _now()
        self._insert("errors", [{**dataclasses.asdict(e), "run_id": run_id, "at": now} for e in errors])

    def start_run(self, run_id: str, inputs: list[str], pipeline: list[str]) -> None:
        self._insert("runs", [{"run_id": run_id, "started_at": _now(), "inputs": inputs, "n_new": 0,
                               "n_known": 0, "n_errors": 0, "dyads_version": __version__,
                               "pipeline": pipeline}])

    def finish_run(self, run_id: str, n_new: int, n_known: int, n_errors: int) -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, n_new = ?, n_known = ?, n_errors = ? WHERE run_id = ?",
                         [_now(), n_new, n_known, n_errors, run_id])

    def integrity_problems(self) -> list[str]:
        """Rows that point at documents or entities that are not stored (should be none)."""
        problems = []
        for table in schema.PER_DOCUMENT_TABLES:
            orphans = self.con.execute(
                f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
            if orphans:
                problems.append(f"{table}: {orphans} rows of documents that are not stored")
        dangling = self.con.execute(
            "SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL AND entity_id NOT IN "
            "(SELECT entity_id FROM entities)").fetchone()[0]
        if dangling:
            problems.append(f"mentions: {dangling} rows point at entities that are not stored")
        return problems
