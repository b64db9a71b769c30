"""The trained heads of the event coder, stored as plain arrays (numpy .npz + JSON metadata).

- `type`: multinomial logistic regression over the sentence embedding (all-MiniLM-L6-v2,
  384 dimensions) -> 16 PLOVER types + NONE.
- `ranker`: binary logistic regression over one trigger candidate's features
  (events/features.py): is this the event the clause states?
- `context`: one-vs-rest logistic regressions over the embedding -> PLOVER contexts.
- `calibration`: isotonic map from the ranker's score to the observed rate of correct events
  (fitted on cross-validated scores), so that `confidence` is calibrated.

Inference needs numpy only; training (events/train.py) uses scikit-learn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dyads.errors import DyadsError
from dyads.pipeline import Resources
from dyads.resources import ROOT

MODEL_DIR = ROOT / "events"
WEIGHTS = "coder.npz"
META = "coder.json"


@dataclass
class LinearHead:
    classes: list[str]
    coef: np.ndarray  # (n_classes or 1, n_features)
    intercept: np.ndarray
    mean: np.ndarray | None = None  # feature standardization (ranker)
    scale: np.ndarray | None = None
    kind: str = "softmax"  # softmax | sigmoid (one column per class, independent)

    def scores(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        if self.mean is not None:
            x = (x - self.mean) / self.scale
        return x @ self.coef.T + self.intercept

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.scores(x)
        if self.kind == "sigmoid":
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


@dataclass
class Calibration:
    x: np.ndarray  # increasing raw scores
    y: np.ndarray  # calibrated probability at each x

    def __call__(self, p: np.ndarray | float) -> np.ndarray:
        return np.interp(p, self.x, self.y)


@dataclass
class CoderModel:
    type_head: LinearHead
    ranker: LinearHead
    context_head: LinearHead | None
    calibration: Calibration
    threshold: float
    meta: dict = field(default_factory=dict)
    mode_head: LinearHead | None = None  # softmax over "TYPE|mode" labels ("TYPE|" = no mode)
    priors: dict = field(default_factory=dict)  # "TYPE|lemma|P" -> (times it was the event, times seen)
    type_rates: dict = field(default_factory=dict)  # TYPE -> share of its candidates that were the event

    def mode_of(self, event: str, vector: np.ndarray, minimum: float = 0.5) -> str | None:
        """The most likely mode of `event` for this sentence, when the mode head is sure enough."""
        if self.mode_head is None:
            return None
        p = self.mode_head.proba(vector[None, :])[0]
        options = [(p[i], c.split("|", 1)[1]) for i, c in enumerate(self.mode_head.classes)
                   if c.startswith(event + "|")]
        total = sum(q for q, _ in options)
        if not options or total <= 0:
            return None
        q, mode = max(options)
        return (mode or None) if q / total >= minimum else None

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {
            "type_coef": self.type_head.coef, "type_intercept": self.type_head.intercept,
            "rank_coef": self.ranker.coef, "rank_intercept": self.ranker.intercept,
            "rank_mean": self.ranker.mean, "rank_scale": self.ranker.scale,
            "cal_x": self.calibration.x, "cal_y": self.calibration.y,
        }
        if self.context_head is not None:
            arrays["context_coef"] = self.context_head.coef
            arrays["context_intercept"] = self.context_head.intercept
        if self.mode_head is not None:
            arrays["mode_coef"] = self.mode_head.coef
            arrays["mode_intercept"] = self.mode_head.intercept
        np.savez_compressed(folder / WEIGHTS, **{k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()})
        meta = dict(self.meta)
        meta.update({"type_classes": self.type_head.classes, "ranker_features": self.ranker.classes,
                     "context_classes": self.context_head.classes if self.context_head else [],
                     "mode_classes": self.mode_head.classes if self.mode_head else [],
                     "threshold": self.threshold,
                     "lemma_priors": {k: [round(v[0], 3), round(v[1], 3)] for k, v in sorted(self.priors.items())},
                     "type_rates": {k: round(v, 4) for k, v in sorted(self.type_rates.items())}})
        (folder / META).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> "CoderModel":
        weights, meta_file = folder / WEIGHTS, folder / META
        if not weights.exists() or not meta_file.exists():
            raise DyadsError("E203", name=f"events/{WEIGHTS}", path=str(weights))
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        a = np.load(weights)
        f64 = lambda key: a[key].astype(np.float64)  # noqa: E731
        type_head = LinearHead(meta["type_classes"], f64("type_coef"), f64("type_intercept"))
        ranker = LinearHead(meta["ranker_features"], f64("rank_coef"), f64("rank_intercept"),
                            f64("rank_mean"), f64("rank_scale"), kind="sigmoid")
        context = None
        if "context_coef" in a.files and meta.get("context_classes"):
            context = LinearHead(meta["context_classes"], f64("context_coef"), f64("context_intercept"),
                                 kind="sigmoid")
        mode = None
        if "mode_coef" in a.files and meta.get("mode_classes"):
            mode = LinearHead(meta["mode_classes"], f64("mode_coef"), f64("mode_intercept"))
        priors = {k: tuple(v) for k, v in meta.pop("lemma_priors", {}).items()}
        return cls(type_head, ranker, context, Calibration(f64("cal_x"), f64("cal_y")),
                   float(meta["threshold"]), meta, mode, priors, dict(meta.get("type_rates", {})))


@Resources.register("event_coder")
def load_coder_model() -> CoderModel:
    return CoderModel.load()
