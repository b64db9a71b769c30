"""The two contracts of DESIGN.md: `dyads code` output and `dyads export` files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from dyads import api

EVENT_FIELDS = {"event", "mode", "context", "status", "trigger", "actors", "recipients", "confidence"}
PARTICIPANT_FIELDS = {"text", "start", "end", "code", "country", "sector", "entity"}

EXPORT_FIELDS = {
    "documents": {"doc_id", "source", "source_id", "title", "published", "published_basis", "language",
                  "story_id", "duplicate_of", "removed"},
    "entities": {"entity_id", "name", "kind", "country", "sector", "code", "variants", "roles"},
    "mentions": {"doc_id", "start", "end", "text", "kind", "entity_id", "place_id", "method", "confidence"},
    "events": {"event_id", "doc_id", "sentence", "trigger", "event", "mode", "context", "status", "actors",
               "recipients", "date", "date_precision", "place_id", "score", "confidence", "merged_event_id"},
    "quotes": {"quote_id", "doc_id", "start", "end", "text", "kind", "speaker", "cue", "confidence"},
    "places": {"place_id", "name", "country", "lat", "lon", "feature"},
    "quantities": {"doc_id", "start", "end", "text", "value", "unit", "counts", "subject_entity_id"},
    "times": {"doc_id", "start", "end", "text", "value", "precision", "basis"},
    "stories": {"story_id", "doc_ids", "title", "first_date", "last_date"},
}


def run_cli(*args, check=True):
    return subprocess.run([sys.executable, "-m", "dyads.cli", *args], capture_output=True, text=True, check=check)


def test_code_writes_one_line_per_input_line_in_order(write):
    lines = [
        {"id": "a", "text": "Iran accused the United States of violating the nuclear deal."},
        {"id": "b", "text": "The weather was mild in Paris.", "date": "2021-07-09"},
        {"id": 3, "text": "Protesters rallied in Baghdad against the government."},
    ]
    path = write("in.jsonl", "\n".join(json.dumps(l) for l in lines) + "\n")
    result = run_cli("code", str(path))
    out = [json.loads(l) for l in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", 3]
    assert out[1]["events"] == []
    accuse = [e for e in out[0]["events"] if e["event"] == "ACCUSE"]
    assert accuse, out[0]
    event = accuse[0]
    assert EVENT_FIELDS <= set(event)
    assert set(event["trigger"]) == {"text", "start", "end"}
    text = lines[0]["text"]
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    for participant in event["actors"] + event["recipients"]:
        assert PARTICIPANT_FIELDS <= set(participant)
        assert text[participant["start"]:participant["end"]] == participant["text"]
    assert [a["country"] for a in event["actors"]] == ["IRN"]
    assert [r["country"] for r in event["recipients"]] == ["USA"]
    assert 0 <= event["confidence"] <= 1


def test_code_keeps_alignment_on_malformed_lines(write):
    path = write("in.jsonl", '{"id": 1, "text": "Iran and Iraq signed an agreement."}\n{broken\n{"id": 2}\n')
    result = run_cli("code", str(path))
    out = [json.loads(l) for l in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, None, 2]
    assert out[1]["events"] == [] and "line 2: malformed JSON" in out[1]["error"]
    assert "line 3" in out[2]["error"] and "in.jsonl: line 2: malformed JSON" in result.stderr


@pytest.mark.slow
def test_export_jsonl_has_every_file_and_the_contract_fields(seeds_store, tmp_path):
    db, _ = seeds_store
    written = api.export(str(db), str(tmp_path / "out"), "jsonl")
    assert set(written) == set(EXPORT_FIELDS)
    docs = {}
    for name, fields in EXPORT_FIELDS.items():
        rows = [json.loads(l) for l in (tmp_path / "out" / f"{name}.jsonl").read_text().splitlines()]
        assert len(rows) == written[name]
        for row in rows:
            assert fields <= set(row), (name, fields - set(row))
        if name == "documents":
            docs = {r["doc_id"]: r for r in rows}
    events = [json.loads(l) for l in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert {e["doc_id"] for e in events} == set(docs), "every seed document has at least one event"
    for event in events:
        text = docs[event["doc_id"]]["text"]
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
        assert event["sentence"]["start"] <= trigger["start"] < trigger["end"] <= event["sentence"]["end"]
        for actor in event["actors"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]
            assert {"entity_id", "text", "start", "end", "code"} <= set(actor)
    mentions = [json.loads(l) for l in (tmp_path / "out" / "mentions.jsonl").read_text().splitlines()]
    for mention in mentions:
        assert docs[mention["doc_id"]]["text"][mention["start"]:mention["end"]] == mention["text"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_parquet_and_csv_hold_the_same_rows(seeds_store, tmp_path, fmt):
    db, _ = seeds_store
    written = api.export(str(db), str(tmp_path / fmt), fmt)
    for name, fields in EXPORT_FIELDS.items():
        path = tmp_path / fmt / f"{name}.{fmt}"
        if fmt == "parquet":
            table = pq.read_table(path)
            columns, n_rows = set(table.column_names), table.num_rows
        else:
            with open(path, newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                rows = list(reader)
            columns, n_rows = set(reader.fieldnames or []), len(rows)
        assert fields <= columns and n_rows == written[name]


def test_export_unknown_format_is_a_clear_error(seeds_store, tmp_path):
    db, _ = seeds_store
    result = run_cli("export", "--db", str(db), "--format", "xml", "--out", str(tmp_path), check=False)
    assert result.returncode == 1
    assert "[E304] unknown export format 'xml'; choose one of jsonl, parquet, csv" in result.stderr
