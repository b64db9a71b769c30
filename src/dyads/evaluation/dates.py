"""Score temporal expressions and publication dates on a gold JSONL.

Each gold line is `{"id", "text", "published"?, "dates": [{"text", "value"}], "expect_published"?}`.
"published" is given to dyads as metadata (the anchor of relative expressions); when it
is null, "expect_published" says what dyads should find itself: `{"value", "basis", "range"?}`.
A gold expression is found when a predicted one overlaps it; its value is right when the
TIMEX3 value is equal (null included: "days after taking office" must stay unresolved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dyads.evaluation.gold import read_jsonl
from dyads.evaluation.quotes import run_items
from dyads.records import DocResult

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "data" / "gold" / "dates.jsonl"


@dataclass
class DateReport:
    name: str
    n_gold: int = 0
    found: int = 0
    value_right: int = 0
    n_predicted: int = 0
    predicted_in_gold: int = 0
    n_published: int = 0
    published_right: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def detection_recall(self) -> float:
        return self.found / self.n_gold if self.n_gold else 0.0

    @property
    def detection_precision(self) -> float:
        return self.predicted_in_gold / self.n_predicted if self.n_predicted else 0.0

    @property
    def value_accuracy(self) -> float:
        """Gold expressions found with the right value, over all gold expressions."""
        return self.value_right / self.n_gold if self.n_gold else 0.0

    @property
    def published_accuracy(self) -> float:
        return self.published_right / self.n_published if self.n_published else 0.0


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score_item(item: dict, result: DocResult, report: DateReport) -> None:
    spans = []
    for gold in item.get("dates", []):
        report.n_gold += 1
        start = item["text"].find(gold["text"])
        end = start + len(gold["text"])
        spans.append((start, end))
        best = max(result.times, key=lambda t: _overlap(start, end, t.start, t.end), default=None)
        if best is None or not _overlap(start, end, best.start, best.end):
            report.failures.append({"id": item["id"], "gold": gold["text"], "problem": "not found"})
            continue
        report.found += 1
        if best.value == gold.get("value"):
            report.value_right += 1
        else:
            report.failures.append({"id": item["id"], "gold": gold["text"],
                                    "problem": f"value {best.value!r} ({best.text!r}), gold {gold.get('value')!r}"})
    for time in result.times:
        report.n_predicted += 1
        report.predicted_in_gold += any(_overlap(s, e, time.start, time.end) for s, e in spans)
    if "expect_published" in item:
        _score_published(item, result, report)


def _score_published(item: dict, result: DocResult, report: DateReport) -> None:
    expected = item["expect_published"]
    doc = result.document
    report.n_published += 1
    right = doc.published == expected.get("value") and doc.published_basis == expected.get("basis")
    if "range" in expected:
        right = right and (doc.published_range or None) == expected["range"]
    if right:
        report.published_right += 1
    else:
        report.failures.append({"id": item["id"], "gold": f"published {expected}",
                                "problem": f"got {doc.published!r} {doc.published_basis!r} {doc.published_range!r}"})


def evaluate_dates(path: str | Path = DEFAULT_GOLD) -> DateReport:
    items = read_jsonl(path)
    report = DateReport(Path(path).name)
    for item, result in zip(items, run_items(items)):
        score_item(item, result, report)
    return report
