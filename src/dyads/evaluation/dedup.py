"""`dyads eval dedup`: duplicate precision and recall on a corpus built from NGEC stories.

The items go through the same path as `dyads run` (documents keyed by content hash, batches
marked by `BatchDeduplicator` against an in-memory store, fingerprints saved after each
batch), without the NLP stages, which duplicates do not need.

- duplicate precision: of the documents flagged as copies (`duplicate_of` set, or an exact
  copy of a stored document), the share whose original is in the same story group;
- duplicate recall: of the items that copy an earlier item of their group, the share flagged so;
- pair precision/recall: over all pairs of items, "same group" against "same original".
The same corpus also measures junk removal: furniture the corpus added that was removed, and
story text (never junk) that was removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from dyads.clean.boilerplate import find_removed
from dyads.corpus.dedup import BatchDeduplicator
from dyads.evaluation.gold import read_jsonl
from dyads.evaluation.dedup_corpus import Item, build_corpus
from dyads.evaluation.junk import JunkCounts, count_chars
from dyads.ingest import make_document
from dyads.records import DocResult, SourceRecord
from dyads.store import Store

DEFAULT_NGEC = Path("../shared/eval/ngec_synthetic.dev.jsonl")
BATCH = 16


@dataclass
class DedupReport:
    n_items: int
    n_groups: int
    n_copies: int  # items that copy an earlier item of their group
    flagged: int
    flagged_right: int
    copies_found: int
    pair_tp: int
    pair_fp: int
    pair_fn: int
    junk: JunkCounts
    by_variant: dict[str, tuple[int, int]]  # variant -> (found, total) copies

    @property
    def precision(self) -> float:
        return self.flagged_right / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.copies_found / self.n_copies if self.n_copies else 1.0

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fp) if self.pair_tp + self.pair_fp else 1.0

    @property
    def pair_recall(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fn) if self.pair_tp + self.pair_fn else 1.0


def find_originals(items: list[Item]) -> tuple[list[str], list[str]]:
    """Each item's doc_id, and the doc_id of the original it was judged to copy (or its own)."""
    store = Store(":memory:")
    docs = [make_document(SourceRecord(source=f"item-{i}", text=item.text)) for i, item in enumerate(items)]
    root: dict[str, str] = {}
    for start in range(0, len(docs), BATCH):
        fresh = list({d.doc_id: d for d in docs[start:start + BATCH] if d.doc_id not in root}.values())
        dedup = BatchDeduplicator(store)
        dedup.mark(fresh)
        store.write_batch([DocResult(document=d) for d in fresh], run_id="eval")
        dedup.save(d.doc_id for d in fresh)
        for doc in fresh:
            root[doc.doc_id] = doc.duplicate_of or doc.doc_id
    store.close()
    return [d.doc_id for d in docs], [root[d.doc_id] for d in docs]


def evaluate_dedup(path: str | Path = DEFAULT_NGEC, n_groups: int = 250, n_single: int = 250,
                   seed: int = 13) -> DedupReport:
    items = build_corpus(read_jsonl(path), n_groups=n_groups, n_single=n_single, seed=seed)
    doc_ids, roots = find_originals(items)
    group_of_doc: dict[str, int] = {}  # a document's group: that of the first item read as it
    first_of_group: set[int] = set()
    flagged = flagged_right = copies = found = 0
    by_variant: dict[str, list[int]] = {}
    for item, doc_id, root in zip(items, doc_ids, roots):
        judged_copy = root != doc_id or doc_id in group_of_doc  # near copy, or exact copy of an earlier item
        group_of_doc.setdefault(doc_id, item.group)
        right = judged_copy and group_of_doc[root] == item.group
        flagged += judged_copy
        flagged_right += right
        if item.group in first_of_group:
            copies += 1
            found += right
            counts = by_variant.setdefault(item.variant, [0, 0])
            counts[0] += right
            counts[1] += 1
        first_of_group.add(item.group)
    tp, fp, fn = _pair_counts(items, roots)
    return DedupReport(len(items), len(first_of_group), copies, flagged, flagged_right, found, tp, fp, fn,
                       _junk_counts(items), {k: (v[0], v[1]) for k, v in sorted(by_variant.items())})


def _pair_counts(items: list[Item], roots: list[str]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for a, b in combinations(range(len(items)), 2):
        same_gold = items[a].group == items[b].group
        same_pred = roots[a] == roots[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp, fp, fn


def _junk_counts(items: list[Item]) -> JunkCounts:
    total = JunkCounts()
    for item in items:
        counts, _ = count_chars(item.text, item.junk, find_removed(item.text))
        total.add(counts)
    return total
