"""The sample corpus (examples/seeds): who is who, with the dictionary and with the general matcher only."""

from __future__ import annotations

import pytest

from dyads import api
from dyads.evaluation.actors import actor_pipeline
from dyads.store import Store
from tests.conftest import SEEDS

KADHIMI = ["Mustafa Al-Kazemi", "Al-Kazimi", "Kazemi", "Al-Kadhimi", "Kadhemi", "Mustafa al-Kadhemi",
           "Mustafa Al-Kadhimi", "Al-Kazemi", "@MAKadhimi"]


@pytest.fixture(scope="module", params=["dictionary", "matcher only"])
def seeds_db(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds_actors")
    actors = None
    if request.param == "matcher only":
        actors = folder / "none.yaml"
        actors.write_text("use_shipped: false\nactors: []\n", encoding="utf-8")
    db = folder / "seeds.duckdb"
    api.run([str(SEEDS)], str(db), pipeline=actor_pipeline(), actors=str(actors) if actors else None)
    yield db, request.param
    from dyads.runner import use_actor_files

    use_actor_files(None)


def linked(db, texts):
    with Store(str(db), read_only=True) as store:
        return store.query("""
            SELECT m.text, m.entity_id, e.name, e.code, e.country, e.sector, e.variants FROM mentions m
            JOIN entities e USING (entity_id) WHERE m.text IN (SELECT UNNEST(?))""", [list(texts)])


@pytest.mark.slow
def test_every_spelling_of_al_kadhimi_is_one_entity_coded_irq_gov(seeds_db):
    db, _ = seeds_db
    rows = linked(db, KADHIMI)
    assert {r["text"] for r in rows} == set(KADHIMI)
    assert len({r["entity_id"] for r in rows}) == 1
    assert rows[0]["code"] == "IRQGOV"


@pytest.mark.slow
def test_the_two_allawis_stay_apart(seeds_db):
    db, _ = seeds_db
    rows = {r["text"]: r for r in linked(db, ["Ali Allawi", "Hussein Allawi"])}
    assert rows["Ali Allawi"]["entity_id"] != rows["Hussein Allawi"]["entity_id"]
    assert rows["Ali Allawi"]["code"] == "IRQGOV"


@pytest.mark.slow
@pytest.mark.parametrize("spellings", [["Ihssan Al-Shammari", "Ihsan al-Shammari"],
                                       ["Qassem Soleimani", "Qasem Soleimani"],
                                       ["Adel Abdel-Mahdi", "Adel Abdul-Mahdi"]])
def test_variants_merge(seeds_db, spellings):
    db, _ = seeds_db
    rows = linked(db, spellings)
    assert {r["text"] for r in rows} == set(spellings)
    assert len({r["entity_id"] for r in rows}) == 1


@pytest.mark.slow
def test_capitals_acting_as_governments(seeds_db):
    db, _ = seeds_db
    codes = {r["text"]: r["code"] for r in linked(db, ["Washington", "Tehran", "Riyadh"])}
    assert codes == {"Washington": "USAGOV", "Tehran": "IRNGOV", "Riyadh": "SAUGOV"}


@pytest.mark.slow
def test_islamic_state_under_its_names(seeds_db):
    db, mode = seeds_db
    if mode == "matcher only":
        pytest.skip("acronyms and translations of a group's name come from the dictionary")
    rows = linked(db, ["Islamic State", "ISIS", "IS", "Islamic State group"])
    assert {r["text"] for r in rows} >= {"Islamic State", "ISIS", "IS"}
    assert len({r["entity_id"] for r in rows}) == 1


@pytest.mark.slow
def test_entities_export_lists_variants_and_dated_roles(seeds_db, tmp_path):
    import json

    db, _ = seeds_db
    api.export(str(db), str(tmp_path), "jsonl")
    entities = [json.loads(line) for line in open(tmp_path / "entities.jsonl", encoding="utf-8")]
    kadhimi = next(e for e in entities if "Mustafa Al-Kazemi" in e["variants"])
    assert set(KADHIMI) <= set(kadhimi["variants"])
    text_roles = [r for r in kadhimi["roles"] if r["evidence"] and r["evidence"].get("doc_id")]
    assert any(r["role"] == "prime minister" and r["country"] == "IRQ" and r["start_date"] for r in text_roles)
    assert any(r["former"] and r["role"] == "intelligence chief" for r in text_roles)
