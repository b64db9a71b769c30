"""Run the pipeline over sources into a store: read, skip what is known, process, write.

The per-document chain runs in this process or in a pool of worker processes (each loads
its models once); only this process writes to the store.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from dyads.corpus import CORPUS_STAGES
from dyads.corpus.dedup import BatchDeduplicator
from dyads.errors import DyadsError, InputError
from dyads.ingest import make_document, read_sources
from dyads.ingest.readers import DEFAULT_MAX_CHARS
from dyads.pipeline import Resources, check_chain, run_stages, to_result
from dyads.records import DocResult, Document, DocumentError, SourceRecord
from dyads.stages import DEFAULT_PIPELINE, load_builtin_stages
from dyads.store import Store

DEFAULT_BATCH_SIZE = 16


@dataclass
class RunSummary:
    run_id: str
    n_read: int = 0
    n_new: int = 0
    n_known: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def n_input_errors(self) -> int:
        return sum(1 for e in self.errors if e.stage is None)


def source_row(doc: Document, record: SourceRecord) -> dict:
    locator = record.locator
    key = f"{record.source}\x1f{record.source_id or locator or ''}"
    return {"doc_id": doc.doc_id, "source_key": key, "source": record.source, "source_id": record.source_id,
            "locator": locator, "outlet": record.outlet}


def process_documents(docs: list[Document], pipeline: Iterable[str] = DEFAULT_PIPELINE,
                      resources: Resources | None = None) -> list[DocResult]:
    """Run the per-document chain over a batch (pure: reads nothing, writes nothing)."""
    load_builtin_stages()
    chain = check_chain(pipeline)
    contexts = run_stages(docs, chain, resources or _process_resources())
    return [to_result(ctx) for ctx in contexts]


_RESOURCES: Resources | None = None
_ACTOR_FILES: tuple[str, ...] = ()  # user actor dictionaries (`--actors FILE`) of this process's runs


def use_actor_files(files: str | Iterable[str] | None) -> None:
    """Use these user actor dictionaries from now on in this process (checked now: a bad file fails early)."""
    global _ACTOR_FILES, _RESOURCES
    files = (files,) if isinstance(files, str) else tuple(files or ())
    if files != _ACTOR_FILES:
        from dyads.actors.dictionary import build_dictionary

        kept = {k: v for k, v in (_RESOURCES._cache.items() if _RESOURCES else ()) if "actor" not in k}
        if files:
            kept["actor_dictionary"] = build_dictionary(files)
        _ACTOR_FILES, _RESOURCES = files, Resources(**kept)


def _process_resources() -> Resources:
    """One set of loaded models per process."""
    global _RESOURCES
    if _RESOURCES is None:
        _RESOURCES = Resources()
    return _RESOURCES


def _process_batch(args: tuple[list[Document], tuple[str, ...]]) -> list[DocResult]:
    docs, pipeline = args
    return process_documents(docs, pipeline)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(paths: list[str], db: str, *, pipeline: Iterable[str] = DEFAULT_PIPELINE,
        batch_size: int = DEFAULT_BATCH_SIZE, workers: int = 1, encoding: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS, on_error: Callable[[DocumentError], None] | None = None,
        on_progress: Callable[[int], None] | None = None, actors: str | list[str] | None = None) -> RunSummary:
    """Process every document under `paths` into the store at `db` (`actors`: user actor dictionaries)."""
    load_builtin_stages()
    use_actor_files(actors)
    pipeline = tuple(pipeline)
    check_chain(pipeline)  # fail before reading anything if the chain is broken
    summary = RunSummary(run_id=uuid.uuid4().hex[:12])
    report = on_error or (lambda err: None)
    with Store(db) as store:
        store.start_run(summary.run_id, list(paths), list(pipeline))
        pool = ProcessPoolExecutor(max_workers=workers, initializer=use_actor_files,
                                   initargs=(_ACTOR_FILES,)) if workers > 1 else None
        try:
            for batch in _batches(_read(paths, encoding, max_chars, summary, report), batch_size):
                _run_batch(store, batch, pipeline, pool, summary, report, on_progress)
            _run_corpus_stages(store, summary)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
            store.record_errors(summary.run_id, summary.errors)
            store.finish_run(summary.run_id, summary.n_new, summary.n_known, len(summary.errors))
            summary.counts = store.counts()
    if summary.n_read == 0:
        raise DyadsError("E015", count=len(paths))
    return summary


def _read(paths, encoding, max_chars, summary: RunSummary, report) -> Iterator[tuple[Document, SourceRecord]]:
    for item in read_sources(paths, encoding=encoding, max_chars=max_chars):
        if isinstance(item, InputError):
            error = DocumentError(source=item.path, code=item.code, message=str(item))
            summary.errors.append(error)
            report(error)
            continue
        summary.n_read += 1
        yield make_document(item), item


def _run_batch(store: Store, batch, pipeline, pool, summary: RunSummary, report, on_progress) -> None:
    sources = [source_row(doc, record) for doc, record in batch]
    known = store.known_doc_ids(doc.doc_id for doc, _ in batch)
    fresh: dict[str, Document] = {}
    for doc, _ in batch:
        if doc.doc_id not in known and doc.doc_id not in fresh:
            fresh[doc.doc_id] = doc
    summary.n_known += len(batch) - len(fresh)
    docs = list(fresh.values())
    dedup = BatchDeduplicator(store)  # near-duplicates run the clean stage only: they add no events
    results = dedup.process(docs, pipeline, lambda part, chain: _process(part, chain, pool))
    good = []
    for result in results:
        if result.errors:
            summary.errors.extend(result.errors)
            for error in result.errors:
                report(error)
        else:
            good.append(result)
    stored = {r.document.doc_id for r in good} | known
    store.write_batch(good, summary.run_id, [s for s in sources if s["doc_id"] in stored])
    dedup.save(r.document.doc_id for r in good)
    summary.n_new += len(good)
    if on_progress:
        on_progress(len(batch))


def _process(docs: list[Document], pipeline, pool) -> list[DocResult]:
    if pool is not None and docs:
        half = max(1, len(docs) // pool._max_workers)
        chunks = [docs[i:i + half] for i in range(0, len(docs), half)]
        return [r for part in pool.map(_process_batch, [(c, tuple(pipeline)) for c in chunks]) for r in part]
    return process_documents(docs, pipeline) if docs else []


def _run_corpus_stages(store: Store, summary: RunSummary) -> None:
    """Corpus stages see every document they have not seen yet, this run's or an interrupted one's.

    All of them and the clearing of the pending flags commit together, so a crash here
    means the next run redoes this step for the same documents.
    """
    pending = [r["doc_id"] for r in store.query("SELECT doc_id FROM documents WHERE corpus_pending ORDER BY doc_id")]
    if not pending:
        return
    resources = _process_resources()
    store.con.execute("BEGIN")
    try:
        for corpus in CORPUS_STAGES.values():
            corpus.func(store, pending, resources)
        store.con.execute("UPDATE documents SET corpus_pending = false WHERE doc_id IN (SELECT UNNEST(?))", [pending])
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))
