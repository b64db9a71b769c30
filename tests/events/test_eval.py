"""`dyads eval events`: gold formats, the IGO convention, the reliability table and the status test set."""

from __future__ import annotations

import json

from dyads.evaluation.events import _country, evaluate_events, expected_calibration_error, reliability
from dyads.evaluation.status import DEFAULT_GOLD, evaluate_status
from dyads.events.ontology import STATUSES


def test_un_and_eu_bodies_count_as_igo_like_the_gsr():
    assert _country("UNOIGO") == "IGO"
    assert _country("EURGOV") == "IGO"
    assert _country("IRQGOV") == "IRQ"
    assert _country(None) is None


def test_reliability_bins_compare_confidence_with_accuracy():
    confidences = [(0.9, True), (0.95, True), (0.85, False), (0.3, False), (0.35, True)]
    rows = {row["confidence"]: row for row in reliability(confidences)}
    assert rows["0.8-1.0"]["events"] == 3
    assert abs(rows["0.8-1.0"]["right"] - 2 / 3) < 1e-9
    assert rows["0.2-0.4"]["right"] == 0.5
    perfect = [(1.0, True), (0.0, False)]
    assert expected_calibration_error(perfect) == 0.0
    assert expected_calibration_error(confidences) > 0.0


def test_gsr_format_scores_types_and_countries(tmp_path):
    gold = tmp_path / "gsr.jsonl"
    records = [
        {"id": "g1", "text": "Russian warplanes bombed rebel positions near Idlib on Sunday.", "event_v2": "ASSAULT",
         "sources": [{"code_norm": "RUS"}], "targets": [{"code_norm": "SYR"}]},
        {"id": "g2", "text": "Egypt and Ethiopia agreed to resume talks on the Nile dam.", "event_v2": "AGREE",
         "sources": [{"code_norm": "EGY"}, {"code_norm": "ETH"}], "targets": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    report = evaluate_events(str(gold))
    assert report.prf.tp["ASSAULT"] == 1 and report.prf.tp["AGREE"] == 1
    assert report.actor == [2, 2]
    assert report.confidences and all(0 <= c <= 1 for c, _ in report.confidences)


def test_status_test_set_covers_every_status_and_is_scored(tmp_path):
    rows = [json.loads(line) for line in open(DEFAULT_GOLD, encoding="utf-8") if line.strip()]
    assert len(rows) >= 60
    assert {r["status"] for r in rows} == set(STATUSES)
    small = tmp_path / "status.jsonl"
    small.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Turkey did not attack the Kurdish fighters in Syria.", "event": "ASSAULT",
         "status": "negated"},
        {"id": "b", "text": "Russian warplanes bombed rebel positions near Idlib on Sunday.", "event": "ASSAULT",
         "status": "occurred"},
    ]) + "\n")
    report = evaluate_status(small)
    assert report.n == 2 and report.found == 2 and report.right == 2
