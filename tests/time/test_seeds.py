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
@pytest.mark.parametrize("seed, around, earliest", [
    # "summer of 2017" bounds it from below; "Iraqi Prime Minister Mustafa Al-Kazemi" dates it to his term
    ("000", "2021-04-06", "2020-05-07"),
    # "January 2020", then "Prime Minister ... al-Kadhemi" and "President Joe Biden": Biden's term began 2021-01-20
    ("003", "2021-04-06", "2021-01-20"),
    # no dated reference at all: only "The new Iraqi Prime Minister, Mustafa Al-Kazemi"
    ("001", "2020-05-20", "2020-05-07"),
])
def test_undated_seeds_get_an_honest_inferred_range(seed_docs, seed, around, earliest):
    doc = seed_docs[seed]
    assert doc["published"] is None and doc["published_basis"] == "inferred"
    low, high = doc["published_range"]
    assert low == earliest and high is not None
    assert low <= around <= high  # the range holds the day the article really appeared


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
