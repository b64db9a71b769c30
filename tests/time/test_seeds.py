"""The sample articles' publication dates and the dates of their events."""

from __future__ import annotations

import pytest

from dyads.store import Store


@pytest.fixture(scope="module")
def seed_docs(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT source, published, published_basis, published_range FROM documents")
    return {row["source"].rsplit("/", 1)[-1][:3]: row for row in rows}


@pytest.mark.slow
@pytest.mark.parametrize("seed, published, basis", [
    ("002", "2021-07-09", "text"),  # its byline date "July 9, 2021 00:17 am"
    ("004", "2021-02-24", "text"),  # the date of the embedded tweet
])
def test_seed_dates_read_from_the_text(seed_docs, seed, published, basis):
    assert (seed_docs[seed]["published"], seed_docs[seed]["published_basis"]) == (published, basis)


@pytest.mark.slow
@pytest.mark.parametrize("seed, earliest", [
    ("000", "2017-06-01"),  # "he himself visited Riyadh ... in the summer of 2017"
    ("003", "2020-01-01"),  # "The legislature demanded their withdrawal in January 2020"
])
def test_undated_seeds_get_an_honest_inferred_range(seed_docs, seed, earliest):
    doc = seed_docs[seed]
    assert doc["published"] is None and doc["published_basis"] == "inferred"
    assert doc["published_range"][0] == earliest


@pytest.mark.slow
def test_a_seed_without_any_dated_reference_stays_undated(seed_docs):
    assert (seed_docs["001"]["published"], seed_docs["001"]["published_basis"]) == (None, None)


@pytest.mark.slow
def test_the_june_27_strikes_get_their_date_and_the_border_area(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        rows = store.query("""
            SELECT e.date, e.date_precision, e.date_basis, p.name, p.feature FROM events e
            LEFT JOIN places p USING (place_id)
            WHERE e.event = 'ASSAULT' AND e.trigger_text = 'raids'""")
    assert rows
    assert all(r["date"] == "2021-06-27" and r["date_precision"] == "day" for r in rows)
    assert any(r["feature"] == "border" and r["name"] == "Iraq–Syria border" for r in rows)
