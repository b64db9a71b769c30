"""The sample articles' toponyms, geocoded."""

from __future__ import annotations

import pytest

from dyads.store import Store


@pytest.mark.slow
@pytest.mark.parametrize("mention, country, feature", [
    ("Baghdad", "IRQ", "city"), ("Basra", "IRQ", "city"), ("Riyadh", "SAU", "city"), ("Abu Dhabi", "ARE", "city"),
    ("Tehran", "IRN", "city"), ("Washington", "USA", "city"), ("Brussels", "BEL", "city"),
    ("Diyala", "IRQ", "admin1"),
])
def test_seed_toponyms(seeds_store, mention, country, feature):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        rows = store.query("""SELECT DISTINCT p.country, p.feature, p.lat, p.lon FROM mentions m
                              JOIN places p USING (place_id) WHERE m.text = ?""", [mention])
    assert [(r["country"], r["feature"]) for r in rows] == [(country, feature)]
    assert rows[0]["lat"] is not None and rows[0]["lon"] is not None
