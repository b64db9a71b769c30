"""Corpus stages: work that needs the whole store (dedup and stories, cross-document actors,
merged events). Each runs after the new documents are written, on the store, in its own
transaction, and only looks at what the new documents change (incremental).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CorpusFunc = Callable[..., None]  # (store, new_doc_ids, resources) -> None


@dataclass(frozen=True)
class CorpusStage:
    name: str
    func: CorpusFunc


CORPUS_STAGES: dict[str, CorpusStage] = {}


def corpus_stage(name: str):
    def register(func: CorpusFunc) -> CorpusFunc:
        CORPUS_STAGES[name] = CorpusStage(name, func)
        return func

    return register
