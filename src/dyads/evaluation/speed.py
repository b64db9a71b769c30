"""`dyads bench`: throughput of the per-document pipeline (docs/s, words/s, peak memory).

Models are loaded before the clock starts; reading files is timed apart from processing.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass

from dyads.errors import InputError
from dyads.ingest import make_document, read_sources
from dyads.pipeline import Resources
from dyads.runner import process_documents
from dyads.stages import DEFAULT_PIPELINE


@dataclass
class BenchResult:
    n_docs: int
    n_words: int
    load_seconds: float
    seconds: float  # best of the repeats
    peak_rss_mb: float
    events: int

    @property
    def docs_per_second(self) -> float:
        return self.n_docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0


def bench(paths: list[str], repeat: int = 3, pipeline=DEFAULT_PIPELINE) -> BenchResult:
    docs = [make_document(r) for r in read_sources(paths) if not isinstance(r, InputError)]
    resources = Resources()
    start = time.perf_counter()
    process_documents(docs[:1], pipeline, resources)  # loads every model the chain uses
    load_seconds = time.perf_counter() - start
    best, events = float("inf"), 0
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        results = process_documents(docs, pipeline, resources)
        best = min(best, time.perf_counter() - start)
        events = sum(len(r.events) for r in results)
    n_words = sum(len(d.text.split()) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(len(docs), n_words, load_seconds, best, peak, events)
