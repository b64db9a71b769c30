"""The Python API: everything the CLI, the REST API and users' scripts call.

    import dyads.api as dyads
    summary = dyads.run(["news/"], db="corpus.duckdb")
    coded = dyads.code([{"id": 1, "text": "Iraq and Iran agreed to ..."}])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.errors import DyadsError
from dyads.ingest import make_document
from dyads.ingest.readers import parse_metadata_date
from dyads.records import DocResult, Event, Participant, SourceRecord
from dyads.runner import RunSummary, process_documents
from dyads.runner import run as _run
from dyads.stages import DEFAULT_PIPELINE
from dyads.store import Store
from dyads.store.export import export_store

CODE_BATCH = 64


def run(paths: list[str], db: str = "corpus.duckdb", **options) -> RunSummary:
    """Process files and directories into the store at `db` (see runner.run for options)."""
    return _run(paths, db, **options)


def code(items: Iterable[dict], pipeline: Iterable[str] = DEFAULT_PIPELINE,
         actors: str | list[str] | None = None) -> Iterator[dict]:
    """Code texts without a store: for each `{"id", "text", "date"?}` yield `{"id", "events": [...]}`.

    `actors`: user actor dictionaries (YAML or CSV) that override what is learned from the text."""
    from dyads.runner import use_actor_files

    use_actor_files(actors)
    batch: list[dict] = []
    for item in items:
        batch.append(item)
        if len(batch) >= CODE_BATCH:
            yield from _code_batch(batch, tuple(pipeline))
            batch = []
    if batch:
        yield from _code_batch(batch, tuple(pipeline))


def _code_batch(items: list[dict], pipeline: tuple[str, ...]) -> Iterator[dict]:
    docs = []
    for item in items:
        text = item.get("text") if isinstance(item, dict) else None
        if isinstance(text, str) and text.strip():
            record = SourceRecord(source="<code>", text=text, source_id=str(item.get("id")),
                                  published=parse_metadata_date(item.get("date")))
            docs.append(make_document(record))
        else:
            docs.append(None)
    results = iter(process_documents([d for d in docs if d is not None], pipeline))
    for item, doc in zip(items, docs):
        ident = item.get("id") if isinstance(item, dict) else None
        if doc is None:
            yield {"id": ident, "events": [], "error": item.get("error", "no text") if isinstance(item, dict)
                   else "not a JSON object"}
            continue
        result = next(results)
        out = {"id": ident, "events": [coded_event(e, result) for e in result.events]}
        if result.errors:
            out["error"] = result.errors[0].message
        yield out


def coded_event(event: Event, result: DocResult) -> dict:
    names = {e.entity_id: e.name for e in result.entities}
    return {
        "event": event.event, "mode": event.mode, "context": event.context, "status": event.status,
        "trigger": {"text": event.trigger_text, "start": event.trigger_start, "end": event.trigger_end},
        "actors": [_participant(p, names) for p in event.actors],
        "recipients": [_participant(p, names) for p in event.recipients],
        "date": event.date, "score": event.score, "confidence": event.confidence,
    }


def _participant(p: Participant, names: dict[str, str]) -> dict:
    return {"text": p.text, "start": p.start, "end": p.end, "code": p.code, "country": p.country,
            "sector": p.sector, "entity": names.get(p.entity_id) if p.entity_id else None,
            "entity_id": p.entity_id}


def read_code_input(path: str) -> Iterator[dict]:
    """The lines of a `dyads code` input file; a malformed line becomes an item with an error."""
    file = Path(path)
    if not file.exists():
        raise DyadsError("E001", path=path)
    with open(file, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                yield {"id": None, "error": f"[E303] {path}: line {lineno}: malformed JSON ({err.msg})"}
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                ident = item.get("id") if isinstance(item, dict) else None
                yield {"id": ident, "error": f"[E303] {path}: line {lineno}: expected an object with a \"text\" string"}
                continue
            yield item


def export(db: str, out_dir: str, fmt: str = "jsonl") -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return export_store(store, out_dir, fmt)


def summary(db: str) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()
