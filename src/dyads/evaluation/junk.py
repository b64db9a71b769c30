"""Junk removal measured in characters against a span gold: junk caught vs article text lost.

The gold (data/gold/junk_seeds.jsonl) lists, per file, the spans a reader judged to be junk,
with their text so that a changed file is noticed. Characters are counted without whitespace,
so a span that ends one space early or late counts the same.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dyads.clean.boilerplate import find_removed
from dyads.errors import DyadsError
from dyads.records import Span

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "data" / "gold" / "junk_seeds.jsonl"
DEFAULT_TEXTS = REPO / "examples" / "seeds"


@dataclass
class JunkCounts:
    junk: int = 0  # junk characters in the gold
    junk_removed: int = 0
    real: int = 0  # article characters
    real_removed: int = 0

    def add(self, other: JunkCounts) -> None:
        self.junk += other.junk
        self.junk_removed += other.junk_removed
        self.real += other.real
        self.real_removed += other.real_removed

    @property
    def junk_recall(self) -> float:
        return self.junk_removed / self.junk if self.junk else 1.0

    @property
    def real_lost(self) -> float:
        return self.real_removed / self.real if self.real else 0.0

    @property
    def precision(self) -> float:
        removed = self.junk_removed + self.real_removed
        return self.junk_removed / removed if removed else 1.0


@dataclass
class JunkReport:
    total: JunkCounts = field(default_factory=JunkCounts)
    per_file: dict[str, JunkCounts] = field(default_factory=dict)
    per_kind_recall: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (removed, total)


def count_chars(text: str, gold: list[Span], removed: list[Span]) -> tuple[JunkCounts, dict[str, list[int]]]:
    """Character counts of one text; per gold kind, [removed, total] junk characters."""
    is_junk = _mask(len(text), gold)
    is_removed = _mask(len(text), removed)
    kind_of = {}
    for span in gold:
        for i in range(span.start, span.end):
            kind_of[i] = span.kind
    counts = JunkCounts()
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, char in enumerate(text):
        if char.isspace():
            continue
        if is_junk[i]:
            counts.junk += 1
            counts.junk_removed += is_removed[i]
            per_kind[kind_of[i]][0] += is_removed[i]
            per_kind[kind_of[i]][1] += 1
        else:
            counts.real += 1
            counts.real_removed += is_removed[i]
    return counts, per_kind


def _mask(length: int, spans: list[Span]) -> list[int]:
    mask = [0] * length
    for span in spans:
        for i in range(max(0, span.start), min(length, span.end)):
            mask[i] = 1
    return mask


def read_gold(path: Path, texts_dir: Path) -> dict[str, tuple[str, list[Span]]]:
    """file name -> (text, gold spans); every span's text is checked against the file."""
    if not path.exists():
        raise DyadsError("E305", path=str(path))
    gold: dict[str, list[Span]] = defaultdict(list)
    texts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        name = row["file"]
        if name not in texts:
            texts[name] = (texts_dir / name).read_text(encoding="utf-8")
        if texts[name][row["start"]:row["end"]] != row["text"]:
            raise ValueError(f"{path}: span {row['start']}-{row['end']} of {name} no longer reads {row['text']!r}")
        gold[name].append(Span(row["start"], row["end"], row["kind"]))
    for text_path in sorted(texts_dir.glob("*.txt")):  # files with no junk belong to the gold too
        texts.setdefault(text_path.name, text_path.read_text(encoding="utf-8"))
    return {name: (text, gold.get(name, [])) for name, text in texts.items()}


def evaluate_junk(gold_path: str | Path = DEFAULT_GOLD, texts_dir: str | Path = DEFAULT_TEXTS) -> JunkReport:
    report = JunkReport()
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, (text, gold) in sorted(read_gold(Path(gold_path), Path(texts_dir)).items()):
        counts, per_kind = count_chars(text, gold, find_removed(text))
        report.per_file[name] = counts
        report.total.add(counts)
        for kind, (removed, total) in per_kind.items():
            kinds[kind][0] += removed
            kinds[kind][1] += total
    report.per_kind_recall = {kind: (v[0], v[1]) for kind, v in sorted(kinds.items())}
    return report
