"""Stories, duplicates and merged events through `dyads run` on the seeds (loads spaCy and the embedder)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from dyads import api
from dyads.store import Store
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow


def doc_ids_by_seed(store: Store) -> dict[str, str]:
    return {r["source"].rsplit("/", 1)[-1][:3]: r["doc_id"] for r in store.query(
        "SELECT DISTINCT doc_id, source FROM document_sources")}


def test_000_and_003_are_one_story_and_no_other_pair_is(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        ids = doc_ids_by_seed(store)
        story_of = {r["doc_id"]: r["story_id"] for r in store.query("SELECT doc_id, story_id FROM documents")}
        stories = store.query("SELECT * FROM stories")
    assert all(story_of.values())
    assert story_of[ids["000"]] == story_of[ids["003"]]
    shared = [s for s in stories if s["n_documents"] > 1]
    assert len(shared) == 1 and sorted(shared[0]["doc_ids"]) == sorted([ids["000"], ids["003"]])
    assert shared[0]["n_sources"] == 2
    assert len(set(story_of.values())) == 4


def test_merged_events_are_fewer_than_mentions_and_name_their_sources(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        n_mentions = store.count("events")
        merged = store.query("SELECT * FROM merged_events")
        unassigned = store.query("SELECT count(*) AS n FROM events WHERE merged_event_id IS NULL")[0]["n"]
        bad = store.query("""SELECT m.merged_event_id FROM merged_events m
                             WHERE m.n_mentions <> (SELECT count(*) FROM events e
                                                    WHERE e.merged_event_id = m.merged_event_id)""")
    assert unassigned == 0 and not bad
    assert len(merged) < n_mentions
    assert sum(m["n_mentions"] for m in merged) == n_mentions
    for m in merged:
        assert 1 <= m["n_documents"] <= m["n_mentions"] and m["n_sources"] == len(m["sources"]) >= 1
    assert any(m["n_documents"] >= 2 for m in merged)  # 000 and 003 report the same visits


def test_stories_and_merged_commands_list_them(seeds_store):
    db, _ = seeds_store
    listed = subprocess.run([sys.executable, "-m", "dyads.cli", "stories", "--db", str(db)],
                            capture_output=True, text=True, check=True).stdout
    assert listed.count("\n│ s") == 1  # one story of several documents
    merged = subprocess.run([sys.executable, "-m", "dyads.cli", "merged", "--db", str(db), "--min-docs", "2"],
                            capture_output=True, text=True, check=True).stdout
    counts = re.search(r"(\d+) event mentions -> (\d+) merged events \((\d+) reported by more", merged)
    assert counts and int(counts[2]) < int(counts[1]) and int(counts[3]) >= 1
    assert "CONSULT" in merged and "seeds/" in merged  # the sources carrying it


def test_export_has_story_counts_and_merged_counts(seeds_store, tmp_path):
    db, _ = seeds_store
    api.export(str(db), str(tmp_path), "jsonl")
    stories = [json.loads(line) for line in (tmp_path / "stories.jsonl").read_text().splitlines()]
    assert {"story_id", "doc_ids", "title", "first_date", "last_date", "n_documents", "n_sources"} <= set(stories[0])
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert all(e["merged_event_id"] and e["merged"]["n_documents"] >= 1 for e in events)


def test_adding_documents_updates_duplicates_stories_and_merged_events_incrementally(tmp_path):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, (later if path.name.startswith("003") else first) / path.name)
    copy = "By Jane Doe\n3 min read\n\n" + next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    (later / "copy_of_000.txt").write_text(copy + "\n\nShare | Print\nLeave a Reply\n", encoding="utf-8")
    db = str(tmp_path / "corpus.duckdb")

    api.run([str(first)], db)
    with Store(db, read_only=True) as store:
        before = {r["doc_id"]: r for r in store.query("SELECT doc_id, story_id FROM documents")}
        vectors_before = store.query("SELECT doc_id, lead FROM doc_vectors ORDER BY doc_id")
    assert len(set(r["story_id"] for r in before.values())) == 4

    summary = api.run([str(later)], db)
    assert summary.n_new == 2
    with Store(db, read_only=True) as store:
        ids = doc_ids_by_seed(store)
        rows = {r["doc_id"]: r for r in store.query("SELECT doc_id, story_id, duplicate_of FROM documents")}
        copy_id = next(d for d in rows if d not in before and d != ids["003"])
        copy_events = store.query("SELECT count(*) AS n FROM events WHERE doc_id = ?", [copy_id])[0]["n"]
        vectors_after = store.query("SELECT doc_id, lead FROM doc_vectors WHERE doc_id IN (SELECT UNNEST(?)) "
                                    "ORDER BY doc_id", [list(before)])
        story = store.query("SELECT * FROM stories WHERE story_id = ?", [rows[ids["000"]]["story_id"]])[0]
        merged_000 = store.query("""SELECT DISTINCT m.n_documents, m.n_sources FROM merged_events m
                                    JOIN events e USING (merged_event_id) WHERE e.doc_id = ?""", [ids["000"]])
    assert rows[copy_id]["duplicate_of"] == ids["000"] and copy_events == 0
    assert rows[ids["003"]]["story_id"] == rows[ids["000"]]["story_id"] == rows[copy_id]["story_id"]
    assert sorted(story["doc_ids"]) == sorted([ids["000"], ids["003"], copy_id]) and story["n_sources"] == 3
    assert all(n_sources > n_documents for n_documents, n_sources in
               [(m["n_documents"], m["n_sources"]) for m in merged_000])  # the copy's source counts
    assert vectors_after == vectors_before  # stored documents were not embedded again
    for doc_id in before:
        if doc_id != ids["000"]:
            assert rows[doc_id]["story_id"] == before[doc_id]["story_id"]


@pytest.mark.parametrize("second_date, together", [("2021-04-06", True), ("2021-05-20", False)])
def test_stories_hold_documents_published_within_days_of_each_other(tmp_path, second_date, together):
    texts = {p: next(SEEDS.glob(f"{p}_*.txt")).read_text(encoding="utf-8") for p in ("000", "003")}
    records = [{"id": "a", "text": texts["000"], "date": "2021-04-05"},
               {"id": "b", "text": texts["003"], "date": second_date}]
    source = tmp_path / "dated.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = str(tmp_path / "dated.duckdb")
    api.run([str(source)], db)
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT published, story_id FROM documents ORDER BY published")
    assert [r["published"] for r in rows] == ["2021-04-05", second_date]
    assert (rows[0]["story_id"] == rows[1]["story_id"]) is together
