"""Near-duplicate documents: found before a document's events are stored, so a copy adds none.

Exact copies (same normalized text) are already one document with several sources (ingest).
Here a new document is compared with the store and with the earlier documents of its batch:
- the same cleaned text (boilerplate left out) is a duplicate whatever its wrapping;
- otherwise MinHash LSH finds candidates (an SQL join on stored band keys) and a candidate is
  a duplicate when the estimated Jaccard similarity of the word 4-shingles is high, or when the
  smaller text lies almost whole inside the larger (a truncated copy).
A duplicate gets `duplicate_of` = the first-seen document of its group and runs only the clean
stage: no sentences, mentions or events. The first-seen copy stays the canonical one, so stored
events never move.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa

from dyads.clean.boilerplate import find_removed
from dyads.corpus import corpus_stage, registered
from dyads.corpus.fingerprint import Fingerprint, containment, fingerprint, jaccard
from dyads.pipeline import STAGES
from dyads.records import DocResult, Document, Span

COMPONENT = "dyads.corpus.dedup"
VERSION = "1"
MIN_JACCARD = 0.3  # lightly edited copies; distinct stories, even on one topic, stay under 0.1
MIN_CONTAINMENT = 0.6  # truncated or extended copies: 60% of the shorter text's shingles are in the longer
MIN_JACCARD_CONTAINED = 0.15  # ... and some overlap, so that MinHash noise on short texts does not decide
MIN_SHINGLES = 12  # below this a MinHash says little: only the exact cleaned text counts

ProcessFunc = Callable[[list[Document], Sequence[str]], list[DocResult]]


def is_near_duplicate(a: Fingerprint, b: Fingerprint) -> tuple[bool, float]:
    """Whether two fingerprints are copies of one text, and how similar they are."""
    if a.clean_hash == b.clean_hash:
        return True, 1.0
    small, large = sorted((a.n_shingles, b.n_shingles))
    if small < MIN_SHINGLES:
        return False, 0.0
    j = jaccard(a.signature, b.signature)
    inside = containment(j, small, large)
    contained = inside >= MIN_CONTAINMENT and j >= MIN_JACCARD_CONTAINED
    return (j >= MIN_JACCARD or contained), max(j, inside)


class BatchDeduplicator:
    """Marks the near-duplicates of one batch against the store and the batch itself."""

    def __init__(self, store):
        self.store = store
        self.fingerprints: dict[str, Fingerprint] = {}

    def mark(self, docs: list[Document]) -> None:
        """Set `duplicate_of` on each document that copies a stored one or an earlier one of the batch."""
        prints = [fingerprint(d.doc_id, d.text, find_removed(d.text)) for d in docs]
        stored = self._stored_candidates(prints)
        seen: list[tuple[Document, Fingerprint]] = []
        bands: dict[int, list[int]] = defaultdict(list)
        for doc, fp in zip(docs, prints):
            self.fingerprints[doc.doc_id] = fp
            best, score = None, 0.0
            for other_fp, root in stored.get(doc.doc_id, []):
                dup, similarity = is_near_duplicate(fp, other_fp)
                if dup and similarity > score:
                    best, score = root, similarity
            for index in {i for key in fp.band_keys for i in bands.get(key, [])} | _same_hash(seen, fp):
                other, other_fp = seen[index]
                dup, similarity = is_near_duplicate(fp, other_fp)
                if dup and similarity > score:
                    best, score = other.duplicate_of or other.doc_id, similarity
            doc.duplicate_of = best
            for key in fp.band_keys:
                bands[key].append(len(seen))
            seen.append((doc, fp))

    def _stored_candidates(self, prints: list[Fingerprint]) -> dict[str, list[tuple[Fingerprint, str]]]:
        """For each new fingerprint, stored fingerprints sharing a band or the cleaned-text hash, with roots."""
        if not prints or not self.store.con.execute("SELECT EXISTS (FROM doc_fingerprints)").fetchall()[0][0]:
            return {}
        probes = pa.table({
            "probe": [fp.doc_id for fp in prints for _ in fp.band_keys],
            "key": [k for fp in prints for k in fp.band_keys],
        })
        hashes = pa.table({"probe": [fp.doc_id for fp in prints], "clean_hash": [fp.clean_hash for fp in prints]})
        con = self.store.con
        with registered(con, "_dedup_probes", probes), registered(con, "_dedup_hashes", hashes):
            rows = con.execute("""
                WITH hits AS (
                    SELECT DISTINCT p.probe, b.doc_id FROM _dedup_probes p JOIN doc_lsh_bands b ON b.key = p.key
                    UNION
                    SELECT h.probe, f.doc_id FROM _dedup_hashes h JOIN doc_fingerprints f USING (clean_hash))
                SELECT hits.probe, f.doc_id, f.clean_hash, f.n_shingles, f.signature,
                       coalesce(d.duplicate_of, d.doc_id) AS root
                FROM hits JOIN doc_fingerprints f USING (doc_id) JOIN documents d USING (doc_id)
                WHERE hits.probe <> f.doc_id""").fetchall()
        found: dict[str, list[tuple[Fingerprint, str]]] = defaultdict(list)
        for probe, doc_id, clean_hash, n_shingles, signature, root in rows:
            other = Fingerprint(doc_id, clean_hash, n_shingles, np.array(signature, dtype=np.uint64), [])
            found[probe].append((other, root))
        return found

    def process(self, docs: list[Document], pipeline: Sequence[str], process: ProcessFunc) -> list[DocResult]:
        """Mark duplicates, run the full chain on originals and only the clean stage on duplicates."""
        self.mark(docs)
        originals = [d for d in docs if d.duplicate_of is None]
        results = process(originals, pipeline) if originals else []
        failed = {r.document.doc_id for r in results if r.errors}
        revived = [d for d in docs if d.duplicate_of in failed]  # its original failed: it stands alone
        for doc in revived:
            doc.duplicate_of = None
        if revived:
            results += process(revived, pipeline)
        copies = [d for d in docs if d.duplicate_of is not None]
        if copies:
            results += process(copies, clean_only(pipeline))
        return results

    def save(self, doc_ids) -> None:
        """Store the fingerprints of the documents that were written (call after the batch is stored)."""
        save_fingerprints(self.store, [self.fingerprints[d] for d in doc_ids if d in self.fingerprints])


def _same_hash(seen: list[tuple[Document, Fingerprint]], fp: Fingerprint) -> set[int]:
    return {i for i, (_, other) in enumerate(seen) if other.clean_hash == fp.clean_hash}


def clean_only(pipeline: Sequence[str]) -> tuple[str, ...]:
    """The chain up to the stage that produces the removed spans."""
    chain = []
    for name in pipeline:
        chain.append(name)
        if "removed" in STAGES[name].produces:
            break
    return tuple(chain)


def save_fingerprints(store, prints: list[Fingerprint]) -> None:
    """Insert fingerprints and band keys of documents that have none yet."""
    if not prints:
        return
    known = {r[0] for r in store.con.execute(
        "SELECT doc_id FROM doc_fingerprints WHERE doc_id IN (SELECT UNNEST(?))", [[fp.doc_id for fp in prints]]
    ).fetchall()}
    fresh = [fp for fp in prints if fp.doc_id not in known]
    store._insert("doc_fingerprints", [
        {"doc_id": fp.doc_id, "clean_hash": fp.clean_hash, "n_shingles": fp.n_shingles,
         "signature": fp.signature.astype(np.int64).tolist(), "component": COMPONENT, "version": VERSION}
        for fp in fresh])
    store._insert("doc_lsh_bands", [{"key": key, "doc_id": fp.doc_id} for fp in fresh for key in fp.band_keys])


@corpus_stage("dyads.corpus.dedup.v1", order=10)
def backfill_fingerprints(store, doc_ids: list[str], resources) -> None:
    """Fingerprint pending documents that have none (a run stopped between a batch and its fingerprints)."""
    rows = store.query(
        "SELECT doc_id, text, removed FROM documents WHERE doc_id IN (SELECT UNNEST(?)) "
        "AND doc_id NOT IN (SELECT doc_id FROM doc_fingerprints)", [doc_ids])
    prints = [fingerprint(r["doc_id"], r["text"], [Span(s["start"], s["end"], s["kind"]) for s in r["removed"] or []])
              for r in rows]
    save_fingerprints(store, prints)
