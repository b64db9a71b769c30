"""Precision, recall and F1 per class, with micro and macro averages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class PRF:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[str], predicted: set[str]) -> None:
        for label in gold & predicted:
            self.tp[label] += 1
        for label in predicted - gold:
            self.fp[label] += 1
        for label in gold - predicted:
            self.fn[label] += 1

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def scores(self, label: str) -> tuple[float, float, float, int]:
        tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
        return (*_prf(tp, fp, fn), tp + fn)

    def macro_f1(self, labels: list[str] | None = None) -> float:
        labels = labels if labels is not None else [l for l in self.labels() if self.tp[l] + self.fn[l] > 0]
        return sum(self.scores(l)[2] for l in labels) / len(labels) if labels else 0.0

    def micro(self) -> tuple[float, float, float]:
        return _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def rows(self) -> list[dict]:
        return [{"label": l, "precision": p, "recall": r, "f1": f, "support": s}
                for l in self.labels() for p, r, f, s in [self.scores(l)]]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
