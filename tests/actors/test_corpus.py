"""Cross-document resolution in the store: one entity per person across documents, incrementally."""

from __future__ import annotations

import pytest

from dyads import api
from dyads.evaluation.actors import actor_pipeline
from dyads.store import Store

PIPE = actor_pipeline()


def run(paths, db):
    return api.run([str(p) for p in paths], str(db), pipeline=PIPE)


def entities_named(db, *texts):
    with Store(str(db), read_only=True) as store:
        rows = store.query("""
            SELECT m.text, m.entity_id, e.name, e.code, e.variants FROM mentions m JOIN entities e USING (entity_id)
            WHERE m.text IN (SELECT UNNEST(?))""", [list(texts)])
    return {r["text"]: r for r in rows}


def snapshot(db):
    with Store(str(db), read_only=True) as store:
        return (store.counts(), store.query("SELECT entity_id, name, code, variants FROM entities ORDER BY entity_id"),
                store.query("SELECT doc_id, start, entity_id FROM mentions ORDER BY doc_id, start, entity_id"))


def test_one_person_across_documents_under_every_spelling(write, tmp_path):
    a = write("a/1.txt", "Iraqi Finance Minister Hamid Abdel-Razzaq arrived in Kuwait on Monday.")
    b = write("a/2.txt", "Hamid Abdul Razak, the finance minister, said the loan was agreed.")
    c = write("a/3.txt", "Abdul-Razzaq later flew home.")
    db = tmp_path / "c.duckdb"
    run([a.parent], db)
    found = entities_named(db, "Hamid Abdel-Razzaq", "Hamid Abdul Razak", "Abdul-Razzaq")
    assert len({r["entity_id"] for r in found.values()}) == 1, found
    row = found["Hamid Abdel-Razzaq"]
    assert row["code"] == "IRQGOV"
    assert {"Hamid Abdel-Razzaq", "Hamid Abdul Razak", "Abdul-Razzaq"} <= set(row["variants"])
    with Store(str(db), read_only=True) as store:
        assert not store.integrity_problems()


def test_different_people_of_one_surname_stay_apart_across_documents(write, tmp_path):
    a = write("b/1.txt", "Iraqi Finance Minister Ali Jawadi met bankers in Baghdad.")
    b = write("b/2.txt", "Hussein Jawadi, an adviser to the prime minister, spoke to reporters.")
    c = write("b/3.txt", "Kenyan businessman Ali Jawadi opened a factory in Nairobi.")
    db = tmp_path / "c.duckdb"
    run([a.parent], db)
    with Store(str(db), read_only=True) as store:
        rows = store.query("SELECT m.doc_id, m.entity_id FROM mentions m JOIN entities e USING (entity_id) "
                           "WHERE m.text IN ('Ali Jawadi', 'Hussein Jawadi')")
    assert len({r["entity_id"] for r in rows}) == 3  # two Ali Jawadis: other country, other sector


def test_new_documents_join_existing_entities_and_nothing_else_moves(write, tmp_path):
    db = tmp_path / "c.duckdb"
    first = write("c/1.txt", "Kazem Wardi said the talks would continue. Wardi did not say when.")
    run([first], db)
    before = snapshot(db)[1]
    second = write("d/2.txt", "Defence Minister Kazem Wardi of Iraq visited the troops in Mosul.")
    run([first, second], db)
    found = entities_named(db, "Kazem Wardi")
    assert len({r["entity_id"] for r in found.values()}) == 1
    with Store(str(db), read_only=True) as store:
        rows = store.query("SELECT DISTINCT entity_id FROM mentions WHERE text IN ('Kazem Wardi', 'Wardi')")
    assert len(rows) == 1
    old_ids = {r["entity_id"] for r in before}
    assert list(found.values())[0]["entity_id"] in old_ids  # the new document joined the stored entity


def test_a_bare_surname_seen_first_joins_the_full_name_seen_later(write, tmp_path):
    db = tmp_path / "c.duckdb"
    run([write("e/1.txt", "Rikabi said the budget was ready.")], db)
    run([write("f/2.txt", "Iraqi Prime Minister Adnan Rikabi met bankers on Monday.")], db)
    found = entities_named(db, "Rikabi", "Adnan Rikabi")
    assert found["Rikabi"]["entity_id"] == found["Adnan Rikabi"]["entity_id"]
    with Store(str(db), read_only=True) as store:
        assert not store.integrity_problems()


def test_running_the_same_sources_twice_changes_nothing(write, tmp_path):
    db = tmp_path / "c.duckdb"
    src = [write("g/1.txt", "Iraqi Prime Minister Adnan Rikabi met Jordan's King Abdallah."),
           write("g/2.txt", "Rikabi, the premier, said he was pleased.")]
    run(src, db)
    before = snapshot(db)
    run(src, db)
    assert snapshot(db) == before


def test_an_interrupted_corpus_stage_leaves_the_store_as_it_was(write, tmp_path, monkeypatch):
    from dyads.corpus import actors as corpus_actors

    db = tmp_path / "c.duckdb"
    run([write("h/1.txt", "Kazem Wardi said the talks would continue.")], db)
    before = snapshot(db)

    def crash(self):
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(corpus_actors.Resolver, "_apply", crash)
    second = write("i/2.txt", "Defence Minister Kazem Wardi visited the troops.")
    with pytest.raises(RuntimeError):
        run([second], db)
    with Store(str(db), read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM documents WHERE corpus_pending")[0]["n"] == 1
        assert store.count("entity_keys") == before[0]["entity_keys"]  # the stage's writes were rolled back
    monkeypatch.undo()
    run([second], db)  # the next run finishes the job
    assert len({r["entity_id"] for r in entities_named(db, "Kazem Wardi").values()}) == 1
