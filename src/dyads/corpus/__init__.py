"""Corpus stages: work that needs the whole store (dedup and stories, cross-document actors,
merged events). Each runs after the new documents are written, on the store, in its own
transaction, and only looks at what the new documents change (incremental).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

CorpusFunc = Callable[..., None]  # (store, new_doc_ids, resources) -> None


@dataclass(frozen=True)
class CorpusStage:
    name: str
    func: CorpusFunc
    order: int = 100


CORPUS_STAGES: dict[str, CorpusStage] = {}  # kept sorted by `order`: the order the runner calls them in


def corpus_stage(name: str, order: int = 100):
    """Register a corpus stage; lower `order` runs first (duplicates 10, stories 20, merged events 30),
    whatever order the modules happen to be imported in."""

    def register(func: CorpusFunc) -> CorpusFunc:
        CORPUS_STAGES[name] = CorpusStage(name, func, order)
        ranked = sorted(CORPUS_STAGES.values(), key=lambda stage: stage.order)
        CORPUS_STAGES.clear()
        CORPUS_STAGES.update((stage.name, stage) for stage in ranked)
        return func

    return register


@contextmanager
def registered(con, name: str, table):
    """An Arrow table visible to SQL as `name` for the duration of the block."""
    con.register(name, table)
    try:
        yield
    finally:
        try:
            con.unregister(name)
        except Exception:  # noqa: BLE001 - an aborted transaction: the error that aborted it is the one to see
            pass
