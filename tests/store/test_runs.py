"""Runs are idempotent, incremental, atomic per batch, and bad input never costs stored data."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from dyads import api
from dyads.errors import DyadsError
from dyads.store import Store
from dyads.store import store as store_module

STORIES = [
    "Iraqi Prime Minister Mustafa al-Kadhimi met US President Joe Biden in Washington on Monday.",
    "Protesters rallied in Baghdad against the government on Friday.",
    "Iran accused the United States of violating the nuclear deal.",
    "Saudi Arabia pledged to invest two billion dollars in Iraq.",
]

RECORD_TABLES = ("documents", "sentences", "mentions", "entities", "events")


def corpus(write, texts=STORIES, folder="corpus"):
    for i, text in enumerate(texts):
        write(f"{folder}/{i:02d}.txt", text)
    return str(write(f"{folder}/00.txt", texts[0]).parent)


def counts(db) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def test_running_the_same_sources_twice_changes_nothing(write, tmp_path):
    src, db = corpus(write), str(tmp_path / "c.duckdb")
    first = api.run([src], db)
    before = counts(db)
    second = api.run([src], db)
    assert first.n_new == 4 and second.n_new == 0 and second.n_known == 4
    assert counts(db) == before and before["events"] > 0


def test_new_files_are_added_incrementally(write, tmp_path):
    db = str(tmp_path / "c.duckdb")
    api.run([corpus(write, STORIES[:2], "a")], db)
    summary = api.run([corpus(write, STORIES[:2], "a"), corpus(write, STORIES[2:], "b")], db)
    assert (summary.n_new, summary.n_known) == (2, 2)
    assert counts(db)["documents"] == 4


def test_identical_text_in_two_files_is_one_document_with_two_sources(write, tmp_path):
    db = str(tmp_path / "c.duckdb")
    write("x/one.txt", STORIES[0])
    write("x/two.txt", STORIES[0] + "\n")
    api.run([str(tmp_path / "x")], db)
    with Store(db, read_only=True) as store:
        assert store.count("documents") == 1
        assert sorted(r["source"] for r in store.query("SELECT source FROM document_sources")) == [
            str(tmp_path / "x" / "one.txt"), str(tmp_path / "x" / "two.txt")]


def test_a_failure_inside_a_batch_leaves_the_store_consistent_and_the_next_run_completes(
        write, tmp_path, monkeypatch):
    src, db = corpus(write), str(tmp_path / "c.duckdb")
    real_insert = store_module.Store._insert
    calls = {"documents": 0}

    def failing_insert(self, table, rows):
        if table == "documents" and rows:
            calls["documents"] += 1
            if calls["documents"] == 2:  # the second batch dies after its events were inserted
                raise RuntimeError("simulated crash")
        return real_insert(self, table, rows)

    monkeypatch.setattr(store_module.Store, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated crash"):
        api.run([src], db, batch_size=2)
    monkeypatch.setattr(store_module.Store, "_insert", real_insert)
    with Store(db) as store:
        assert store.count("documents") == 2
        assert store.integrity_problems() == []
    summary = api.run([src], db, batch_size=2)
    assert (summary.n_new, summary.n_known) == (2, 2)
    with Store(db) as store:
        assert store.count("documents") == 4 and store.integrity_problems() == []


@pytest.mark.slow
def test_a_killed_run_resumes_without_loss_or_duplicates(write, tmp_path):
    texts = [f"{s} Report number {i}." for i in range(12) for s in STORIES[:1]]
    src, db = corpus(write, texts), str(tmp_path / "c.duckdb")
    command = [sys.executable, "-m", "dyads.cli", "run", src, "--db", db, "--batch-size", "1", "-q"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill it once at least one batch is committed
        time.sleep(0.5)
        try:
            with duckdb.connect(db, read_only=True) as con:
                if con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 1:
                    break
        except duckdb.Error:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        assert store.integrity_problems() == []
        stored = store.count("documents")
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    with Store(db) as store:
        assert store.count("documents") == 12 and store.integrity_problems() == []
        assert store.query("SELECT count(*) AS n FROM documents WHERE corpus_pending")[0]["n"] == 0
    assert stored <= 12


def test_bad_files_are_reported_and_skipped_and_stored_data_is_kept(write, tmp_path):
    db = str(tmp_path / "c.duckdb")
    api.run([corpus(write)], db)
    before = counts(db)
    write("bad/binary.txt", b"\x00\x00\x01")
    write("bad/empty.txt", "")
    write("bad/broken.jsonl", '{"text": "Iran and Iraq signed a deal."}\n{oops\n')
    seen = []
    summary = api.run([str(tmp_path / "bad")], db, on_error=seen.append)
    assert sorted(e.code for e in seen) == ["E003", "E005", "E006"]
    assert summary.n_new == 1
    after = counts(db)
    assert after["documents"] == before["documents"] + 1
    assert all(after[t] >= before[t] for t in RECORD_TABLES)


def test_nothing_readable_is_an_error(write, tmp_path):
    write("bad/binary.txt", b"\x00\x00\x01")
    with pytest.raises(DyadsError, match=r"\[E015\] nothing could be read from the 1 input"):
        api.run([str(tmp_path / "bad")], str(tmp_path / "c.duckdb"))


def test_a_store_from_a_newer_dyads_is_refused(tmp_path):
    db = str(tmp_path / "c.duckdb")
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(DyadsError, match=r"\[E101\] .* schema version 999 is newer"):
        Store(db)


def test_a_file_that_is_not_a_store_is_refused(write):
    path = write("notes.duckdb", "just some text, not a database")
    with pytest.raises(DyadsError, match=r"\[E102\]"):
        Store(str(path))


def test_runs_and_errors_are_logged_in_the_store(write, tmp_path):
    db = str(tmp_path / "c.duckdb")
    write("mix/good.txt", STORIES[1])
    write("mix/bad.txt", b"\x00")
    api.run([str(tmp_path / "mix")], db)
    with Store(db, read_only=True) as store:
        [run] = store.query("SELECT n_new, n_errors, finished_at FROM runs")
        [error] = store.query("SELECT code, source FROM errors")
    assert run["n_new"] == 1 and run["n_errors"] == 1 and run["finished_at"] is not None
    assert error == {"code": "E003", "source": str(tmp_path / "mix" / "bad.txt")}
    json.dumps(run, default=str)


def _make_version_1(db: str) -> None:
    """Turn a store into what dyads wrote at schema version 1 (before the corpus stages' columns)."""
    with Store(db) as store:
        for table, column in (("quotes", "method"), ("stories", "n_documents"), ("stories", "n_sources"),
                              ("stories", "sources")):
            store.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        store.con.execute("UPDATE documents SET corpus_pending = false")
        store.con.execute("DELETE FROM stories")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")


def test_a_store_from_an_older_dyads_is_upgraded_by_the_next_run(write, tmp_path):
    db = str(tmp_path / "c.duckdb")
    path = corpus(write, STORIES[:2])
    api.run([path], db)
    before = counts(db)
    _make_version_1(db)
    with pytest.raises(DyadsError, match=r"\[E104\] .* schema version 1 is older .* running `dyads run`"):
        Store(db, read_only=True)
    api.run([path], db)  # nothing new to read, but the store is migrated and the corpus stages catch up
    with Store(db, read_only=True) as store:
        [version] = store.query("SELECT value FROM meta WHERE key = 'schema_version'")
        [pending] = store.query("SELECT count(*) AS n FROM documents WHERE corpus_pending")
        [stories] = store.query("SELECT min(n_documents) AS n FROM stories")
    assert int(version["value"]) >= 2
    assert pending["n"] == 0 and stories["n"] == 1
    assert counts(db) == before
