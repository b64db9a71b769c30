"""The per-document pipeline: registered stages over batches of documents.

A stage is a function `(contexts, resources) -> list[dict]`: for each document it
returns the values it produces, under the names it declared. Stages compute and
never write; the runner attaches their outputs to each document's context and,
at the end, turns the context into a `DocResult` for the store. Because stages
hold no global state, the same chain runs in-process, in a process pool, or on Ray.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dyads.errors import DyadsError, Errors
from dyads.records import DocResult, Document, DocumentError

StageFunc = Callable[[list["DocContext"], "Resources"], list[dict[str, Any]]]


@dataclass(frozen=True)
class Stage:
    name: str  # versioned: dyads.<area>.<what>.v<N>
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    func: StageFunc


STAGES: dict[str, Stage] = {}


def stage(name: str, requires: Iterable[str] = (), produces: Iterable[str] = ()):
    """Register a batch stage under a versioned name."""

    def register(func: StageFunc) -> StageFunc:
        STAGES[name] = Stage(name, tuple(requires), tuple(produces), func)
        return func

    return register


def per_document(name: str, requires: Iterable[str] = (), produces: Iterable[str] = ()):
    """Register a stage written for one document at a time: `(context, resources) -> dict`."""

    def register(func: Callable[["DocContext", "Resources"], dict[str, Any]]):
        def batch(contexts: list[DocContext], resources: Resources) -> list[dict[str, Any]]:
            return [func(ctx, resources) for ctx in contexts]

        batch.__doc__ = func.__doc__
        STAGES[name] = Stage(name, tuple(requires), tuple(produces), batch)
        return func

    return register


@dataclass
class DocContext:
    """One document on its way through the stages: the document plus what stages produced."""

    doc: Document
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[DocumentError] = field(default_factory=list)
    failed: bool = False

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


class Resources:
    """Models and gazetteers, loaded once per process on first use."""

    loaders: dict[str, Callable[[], Any]] = {}

    def __init__(self, **overrides: Any):
        self._cache: dict[str, Any] = dict(overrides)

    @classmethod
    def register(cls, name: str):
        def decorator(loader: Callable[[], Any]):
            cls.loaders[name] = loader
            return loader

        return decorator

    def get(self, name: str) -> Any:
        if name not in self._cache:
            self._cache[name] = self.loaders[name]()
        return self._cache[name]


def check_chain(names: Iterable[str], initial: Iterable[str] = ("doc",)) -> list[Stage]:
    """The stages for `names`, after checking that each one's inputs are produced earlier."""
    available = set(initial)
    chain = []
    names = list(names)
    for name in names:
        if name not in STAGES:
            raise DyadsError("E302", stage=name, known=", ".join(sorted(STAGES)))
        current = STAGES[name]
        missing = [key for key in current.requires if key not in available]
        if missing:
            raise DyadsError("E301", stage=name, missing=", ".join(missing), pipeline=" > ".join(names))
        available.update(current.produces)
        chain.append(current)
    return chain


def run_stages(docs: list[Document], chain: list[Stage], resources: Resources,
               on_error: Callable[[DocContext, Stage, Exception], None] | None = None) -> list[DocContext]:
    """Run a checked chain over a batch; a failing document is recorded and skipped, never fatal."""
    handle = on_error or record_error
    contexts = [DocContext(doc) for doc in docs]
    for current in chain:
        live = [ctx for ctx in contexts if not ctx.failed]
        if not live:
            break
        try:
            outputs = current.func(live, resources)
        except Exception:
            # Retry one by one so that one bad document does not sink the batch.
            outputs = []
            for ctx in live:
                try:
                    outputs.extend(current.func([ctx], resources))
                except Exception as err:  # noqa: BLE001 - any stage error is recorded
                    handle(ctx, current, err)
                    outputs.append(None)
        for ctx, produced in zip(live, outputs):
            if produced is not None:
                ctx.data.update(produced)
    return contexts


def record_error(ctx: DocContext, failed_stage: Stage, err: Exception) -> None:
    """The default error handler: remember the failure on the document and stop its processing."""
    ctx.failed = True
    message = Errors.E306.format(stage=failed_stage.name, doc_id=ctx.doc.doc_id, source=ctx.doc.source,
                                 error=f"{type(err).__name__}: {err}")
    ctx.errors.append(DocumentError(source=ctx.doc.source, code="E306", message=f"[E306] {message}",
                                    stage=failed_stage.name, doc_id=ctx.doc.doc_id))
    ctx.data["traceback"] = traceback.format_exc()


def to_result(ctx: DocContext) -> DocResult:
    """Collect a context's records into the `DocResult` that the store writes."""
    doc = ctx.doc
    doc.removed = ctx.get("removed", doc.removed)
    for key in ("published", "published_basis", "published_range"):
        if ctx.get(key) is not None:
            setattr(doc, key, ctx.get(key))
    return DocResult(
        document=doc,
        sentences=ctx.get("sentences", []),
        mentions=ctx.get("mentions", []),
        entities=ctx.get("entities", []),
        events=ctx.get("events", []),
        quotes=ctx.get("quotes", []),
        places=ctx.get("places", []),
        quantities=ctx.get("quantities", []),
        times=ctx.get("times", []),
        errors=ctx.errors,
    )
