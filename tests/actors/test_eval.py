"""`dyads eval actors`: NGEC actor cases (from ../shared), and `--actors` on `dyads code`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import shared_file


@pytest.mark.slow
def test_ngec_actor_cases_country_and_sector_accuracy():
    from dyads.evaluation.actors import evaluate_ngec

    report = evaluate_ngec(shared_file("eval", "ngec_actor_cases.dev.jsonl"))
    right, total = report.accuracy()
    assert total >= 150  # the in-scope tasks are counted, the others are not
    assert set(report.skipped) >= {"wikipedia_title_lookup"}
    assert right / total >= 0.80, [(f.text, f.expected, f.predicted) for f in report.failures]


@pytest.mark.slow
def test_eval_actors_command_prints_accuracy_and_failures():
    shared_file("eval", "ngec_actor_cases.dev.jsonl")
    result = subprocess.run([sys.executable, "-m", "dyads.cli", "eval", "actors", "--failures", "3"],
                            capture_output=True, text=True, check=True)
    assert "country-and-sector accuracy" in result.stdout
    assert "FAIL" in result.stdout and "name pairs" in result.stdout and "pronouns" in result.stdout


@pytest.mark.slow
def test_code_with_a_user_actor_dictionary(write):
    item = {"id": 1, "text": "Prime Minister Karim Wadi met Iranian officials in Tehran on Monday.",
            "date": "2021-03-01"}
    source = write("in.jsonl", json.dumps(item) + "\n")
    actors = write("actors.yaml", "actors:\n  - name: Karim Wadi\n    variants: [Kareem Wadi]\n    country: IRQ\n"
                                  "    roles: [{role: interior minister, sector: COP, start: 2020-01-01}]\n")

    def code(*extra):
        out = subprocess.run([sys.executable, "-m", "dyads.cli", "code", str(source), *extra],
                             capture_output=True, text=True, check=True).stdout
        [line] = out.splitlines()
        return [a for e in json.loads(line)["events"] for a in e["actors"] if a["text"] == "Karim Wadi"]

    assert {a["code"] for a in code()} == {"GOV"}  # learned from the title: no country given
    assert {a["code"] for a in code("--actors", str(actors))} == {"IRQCOP"}  # the user's entry wins


def test_a_bad_actor_dictionary_stops_the_run_before_reading(write, tmp_path):
    bad = write("bad.yaml", "actors: 3\n")
    result = subprocess.run([sys.executable, "-m", "dyads.cli", "run", str(tmp_path), "--db",
                             str(tmp_path / "c.duckdb"), "--actors", str(bad), "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "[E205]" in result.stderr
