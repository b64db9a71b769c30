"""Status accuracy: did the coder tell an event that occurred from a future, hypothetical,
negated, historical or claimed one?

Gold: `data/gold/status.jsonl`, one sentence a line: `{"id", "text", "event", "status", "note"}`,
written by the dyads developers (not used for training). Each sentence is coded; its event is
the coded event of the gold type (the most confident one when there are several). Status
accuracy is over all gold sentences (a sentence whose event type was not found counts as
wrong) and, separately, over the sentences whose event type was found.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyads import api
from dyads.evaluation.gold import read_jsonl
from dyads.events.ontology import STATUSES

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "data" / "gold" / "status.jsonl"


@dataclass
class StatusReport:
    name: str
    n: int = 0
    found: int = 0
    right: int = 0
    per_status: dict = field(default_factory=dict)  # gold status -> [right, total]
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> count
    failures: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.n if self.n else 0.0

    @property
    def accuracy_found(self) -> float:
        return self.right / self.found if self.found else 0.0


def evaluate_status(path: str | Path = DEFAULT_GOLD) -> StatusReport:
    gold = read_jsonl(path)
    report = StatusReport(Path(path).name, per_status={s: [0, 0] for s in STATUSES})
    for g, out in zip(gold, api.code({"id": g["id"], "text": g["text"]} for g in gold)):
        report.n += 1
        tally = report.per_status.setdefault(g["status"], [0, 0])
        tally[1] += 1
        same_type = sorted((e for e in out["events"] if e["event"] == g["event"]), key=lambda e: -e["confidence"])
        if not same_type:
            report.confusion[(g["status"], "type not found")] += 1
            report.failures.append({"id": g["id"], "gold": f"{g['event']} {g['status']}",
                                    "predicted": [f"{e['event']} {e['status']}" for e in out["events"]],
                                    "text": g["text"]})
            continue
        report.found += 1
        predicted = same_type[0]["status"]
        report.confusion[(g["status"], predicted)] += 1
        if predicted == g["status"]:
            report.right += 1
            tally[0] += 1
        else:
            report.failures.append({"id": g["id"], "gold": f"{g['event']} {g['status']}",
                                    "predicted": [f"{e['event']} {e['status']}" for e in out["events"]],
                                    "text": g["text"]})
    return report
