"""The sample articles: the statements of the people they quote, with the right speakers."""

from __future__ import annotations

import pytest

from dyads import queries
from dyads.store import Store


@pytest.fixture(scope="module")
def seed_quotes(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        return store.query("""
            SELECT q.text, q.kind, q.cue, q.method, coalesce(e.name, q.speaker.text) AS speaker,
                   array_to_string(e.variants, ' | ') AS variants
            FROM quotes q LEFT JOIN entities e ON e.entity_id = q.speaker.entity_id""")


@pytest.mark.slow
@pytest.mark.parametrize("words, speaker", [
    ("is a message to Iran that Iraq has the right", "Shammari"),  # 000, said to Agence France-Presse
    ("Iraq does not depend on Tehran for its diplomatic decisions", "Shammari"),  # 003, inverted "said analyst X"
    ("The negotiations are of no value", "Husseini"),  # "the spokesman ..., Jaafar al-Husseini, ... said"
    ("The Iraqi resistance continues to pressure America", "Husseini"),  # ", adding, ..."
    ("the opening of Iraq to the Arab countries is a step", "Sadr"),  # "said in a tweet that ..."
    ("We will not allow any aggression against the Kingdom", "Kazemi"),  # ", saying, ..."
    ("restore balance to Iraq relations", "Allawi"),  # partial quote inside reported speech
    ("the communication carries deep indications", "Allawi"),  # "A member ..., Dr. Hussein Allawi, said"
    ("The strategic dialogue continues", "Sahaf"),
    ("Iraq's keenness to continue the dialogue", "Sahaf"),  # "affirmed ..."
    ("the State Department had previously conducted two rounds", "Sahaf"),  # "He told Al-Jazeera Net"
    ("Biden’s contact with Kazemi is an indication", "Mahbouba"),  # "..., the expert, X, wrote on his Twitter page"
    ("use its lands to attack its neighbors", "Kadhimi"),  # "Al-Kadhimi concluded his speech by refusing to '...'"
    ("The progress we have made on the security front", "Kazemi"),  # "he said:" + a quotation left open
])
def test_seed_statements_have_their_speakers(seed_quotes, words, speaker):
    found = [q for q in seed_quotes if words in q["text"]]
    assert found, f"no quote holding {words!r}"
    names = f"{found[0]['speaker']} | {found[0]['variants'] or ''}"  # the entity's name or any of its spellings
    assert speaker.lower() in names.lower(), found[0]


@pytest.mark.slow
def test_quotes_by_actor_finds_pronoun_speakers_too(seeds_store):
    db, _ = seeds_store
    with Store(db, read_only=True) as store:
        rows = queries.list_quotes(store, actor="Sahaf")
    assert len(rows) >= 3
    assert all("Sahaf" in row["speaker"] for row in rows)


@pytest.mark.slow
def test_scare_quotes_of_the_seeds_are_not_quotes(seed_quotes):
    texts = [q["text"] for q in seed_quotes]
    assert "strategic dialogue" not in texts and "The Wall Street Journal" not in texts
