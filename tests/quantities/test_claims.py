"""`dyads claims`: where documents disagree about the same quantity."""

from __future__ import annotations

import pytest

from dyads import queries
from dyads.store import Store


@pytest.mark.slow
def test_seed_documents_disagree_on_us_troop_numbers(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        rows = queries.list_claims(store, counts="troops")
        countries = {r["entity_id"]: r["country"] for r in store.query("SELECT entity_id, country FROM entities")}
    values = {(countries.get(r["subject_entity_id"]), r["value"]) for r in rows}
    assert {("USA", 2500.0), ("USA", 2700.0)} <= values
    assert len({r["doc_id"] for r in rows}) == 2


@pytest.mark.slow
def test_claims_command_prints_the_disagreement(seeds_store):
    from typer.testing import CliRunner

    from dyads.cli import app

    db, _ = seeds_store
    result = CliRunner().invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 0
    assert "2,500 US troops" in result.output and "2700" in result.output
