"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent (a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.records import Entity, Event, Participant

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"
SHARED = REPO.parent / "shared"


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: development data lives in ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def resources():
    from dyads.pipeline import Resources
    from dyads.stages import load_builtin_stages

    load_builtin_stages()
    return Resources()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.get("spacy")


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The five sample articles processed once into a store, shared by read-only tests."""
    from dyads import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = api.run([str(SEEDS)], str(db))
    return db, summary


_IRQ = Participant("Iraq", 0, 4, entity_id="e-irq", code="IRQGOV", country="IRQ", sector="GOV")
_USA = Participant("Washington", 0, 10, entity_id="e-usa", code="USAGOV", country="USA", sector="GOV")
_IRN = Participant("Tehran", 0, 6, entity_id="e-irn", code="IRNGOV", country="IRN", sector="GOV")
_ENTITIES = [Entity("e-irq", "Iraq", "STATE", "IRQ", "GOV", "IRQGOV", ["Iraq", "Baghdad"]),
             Entity("e-usa", "United States", "STATE", "USA", "GOV", "USAGOV", ["Washington"]),
             Entity("e-irn", "Iran", "STATE", "IRN", "GOV", "IRNGOV", ["Tehran"])]


def _hand_event(doc, n, event, actors, recipients, date, score, status="occurred", merged=None) -> Event:
    return Event(f"v{doc.doc_id}{n}", doc.doc_id, 0, 10, "x", 0, 1, event, status=status, actors=actors,
                 recipients=recipients, date=date, score=score, merged_event_id=merged)


@pytest.fixture
def hand_db(tmp_path) -> str:
    """A store written by hand (closed; its path): events with known dyads, a merge and a duplicate."""
    from dyads.ingest import make_document
    from dyads.records import DocResult, SourceRecord
    from dyads.store import Store

    one = make_document(SourceRecord("a.txt", "Iraq and Washington agreed. Tehran was attacked."))
    two = make_document(SourceRecord("b.txt", "Washington and Iraq agreed, another outlet wrote."))
    three = make_document(SourceRecord("c.txt", "A copy of the first story.", published="2021-05-02"))
    three.duplicate_of = one.doc_id
    results = [
        DocResult(one, entities=_ENTITIES, events=[
            _hand_event(one, 1, "AGREE", [_IRQ], [_USA], "2021-04-07", 2.5, merged="m-agree"),
            _hand_event(one, 2, "ASSAULT", [_USA], [_IRN], "2021-04", -9.0),
            _hand_event(one, 3, "ASSAULT", [_USA], [_IRQ], "2021-04-09", -9.0, status="negated"),
            _hand_event(one, 4, "CONSULT", [_IRQ, _IRN], [], "2021-05-01", 4.0)]),
        DocResult(two, events=[_hand_event(two, 1, "AGREE", [_IRQ], [_USA], "2021-04-08", 2.5, merged="m-agree")]),
        DocResult(three, events=[_hand_event(three, 1, "AGREE", [_IRQ], [_USA], None, 2.5)]),
    ]
    path = str(tmp_path / "hand.duckdb")
    with Store(path) as store:
        store.write_batch(results, "run1")
        store.upsert_entities(_ENTITIES)
    return path


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: text (str) or raw bytes."""

    def _write(name: str, content) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
