"""The read-only queries behind the CLI listings and the REST API, on a store written by hand."""

from __future__ import annotations

import pytest

from dyads import queries
from dyads.store import Store


@pytest.fixture
def hand_store(hand_db):
    with Store(hand_db, read_only=True) as store:
        yield store


def test_relations_count_each_real_world_event_once(hand_store):
    rows = queries.dyad_series(hand_store, by="code")
    as_tuples = [(r["period"], r["actor"], r["recipient"], r["events"], r["score"]) for r in rows]
    assert as_tuples == [
        ("2021-04", "IRQGOV", "USAGOV", 1, 2.5),  # two documents, one merged event; the duplicate adds nothing
        ("2021-04", "USAGOV", "IRNGOV", 1, -9.0),  # the negated attack on Iraq is not a relation
        ("2021-05", "IRNGOV", "IRQGOV", 1, 4.0),  # a meeting: the two actors pair with each other
    ]


def test_relations_by_entity_name_the_actors_and_filter_on_any_variant(hand_store):
    rows = queries.dyad_series(hand_store, by="entity", actor="Baghdad", interval="year")
    assert [(r["period"], r["actor"], r["recipient"], r["types"]) for r in rows] == [
        ("2021", "Iraq", "United States", "AGREE")]


def test_relations_of_another_status(hand_store):
    rows = queries.dyad_series(hand_store, status="negated")
    assert [(r["actor"], r["recipient"], r["conflict"]) for r in rows] == [("USAGOV", "IRQGOV", 1)]


def test_relations_refuse_an_unknown_interval(hand_store):
    with pytest.raises(ValueError, match="interval must be one of day, month, year"):
        queries.dyad_series(hand_store, interval="week")


def test_document_view_gives_spans_into_the_original_text(hand_store):
    [doc] = [d for d in queries.list_documents(hand_store) if d["source"] == "a.txt"]
    view = queries.document_view(hand_store, doc["doc_id"])
    assert view["text"].startswith("Iraq and Washington agreed.")
    assert [e["event"] for e in view["events"]] == ["AGREE", "ASSAULT", "ASSAULT", "CONSULT"]
    assert queries.document_view(hand_store, "no-such-doc") is None
