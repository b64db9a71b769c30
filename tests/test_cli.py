"""The `dyads` command end to end: run summary, error lines, listing commands, eval."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SEEDS, shared_file


def dyads(*args, check=False):
    return subprocess.run([sys.executable, "-m", "dyads.cli", *args], capture_output=True, text=True, check=check)


@pytest.mark.slow
def test_run_prints_a_summary_and_a_second_run_adds_nothing(tmp_path):
    db = str(tmp_path / "c.duckdb")
    first = dyads("run", str(SEEDS), "--db", db, "-q", check=True)
    assert "documents" in first.stdout and "read 5 documents: 5 new, 0 already stored, 0 errors" in first.stdout
    second = dyads("run", str(SEEDS), "--db", db, "-q", check=True)
    assert "read 5 documents: 0 new, 5 already stored, 0 errors" in second.stdout
    table = lambda out: [l for l in out.splitlines() if "│" in l and "record" not in l]
    assert table(first.stdout) == table(second.stdout)


def test_run_reports_bad_files_on_one_line_each_and_exits_2_when_nothing_is_read(write, tmp_path):
    bad = write("in/binary.txt", b"\x00\x01")
    write("in/empty.txt", "")
    result = dyads("run", str(tmp_path / "in"), "--db", str(tmp_path / "c.duckdb"), "-q")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert f"dyads: error [E003] {bad}: binary content (found NUL bytes)" in lines[0]
    assert any("[E005]" in l and "empty.txt" in l for l in lines)
    assert lines[-1].startswith("dyads: error [E015] nothing could be read")


def test_run_goes_on_past_bad_files_and_exits_0(write, tmp_path):
    write("in/good.txt", "Iran accused the United States of lying.")
    write("in/binary.txt", b"\x00\x01")
    result = dyads("run", str(tmp_path / "in"), "--db", str(tmp_path / "c.duckdb"), "-q")
    assert result.returncode == 0
    assert "1 new" in result.stdout and "[E003]" in result.stderr


@pytest.mark.slow
def test_listing_commands_show_seed_events_actors_and_filters(seeds_store):
    db, _ = seeds_store
    events = dyads("events", "--db", str(db), "--actor", "Kadhimi", "--limit", "200", check=True).stdout
    assert "CONSULT" in events
    assert "IRQ" in dyads("actors", "--db", str(db), "--country", "IRQ", check=True).stdout
    assert "none found" in dyads("events", "--db", str(db), "--actor", "Zzyzx", check=True).stdout
    assert dyads("quotes", "--db", str(db), check=True).returncode == 0


def test_listing_a_missing_store_says_how_to_create_it(tmp_path):
    result = dyads("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "[E103]" in result.stderr and "dyads run SOURCES --db" in result.stderr


@pytest.mark.slow
def test_eval_events_prints_per_type_scores_on_the_plover_gold(tmp_path):
    gold = shared_file("eval", "plover_gsr.dev.jsonl")
    result = dyads("eval", "events", str(gold), check=True)
    for word in ("precision", "recall", "f1", "ASSAULT", "macro-F1", "actor country accuracy"):
        assert word in result.stdout


def test_eval_of_a_missing_gold_file_is_a_clear_error(tmp_path):
    result = dyads("eval", "events", str(tmp_path / "gold.jsonl"))
    assert result.returncode == 1 and "[E305]" in result.stderr
