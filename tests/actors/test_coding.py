"""The phrase coder: actor phrase -> country and sector."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def coder(resources):
    from dyads.actors.coding import phrase_coder

    return phrase_coder(resources)


@pytest.mark.parametrize("text,date,country,sector", [
    ("Iraqi security forces", None, "IRQ", "COP"),
    ("Turkish riot police", None, "TUR", "COP"),
    ("Egypt's interior minister", None, "EGY", "GOV"),
    ("a former Iraqi defence minister", None, "IRQ", "ELI"),
    ("the spokesman for the Popular Mobilization Forces", None, "IRQ", "PRM"),
    ("Kenyan farmers", None, "KEN", "AGR"),
    ("Nairobi", None, "KEN", "GOV"),              # a capital as an actor: the government
    ("Germany", None, "DEU", None),
    ("protesters", None, None, "CVL"),
    ("Iran-backed militias", None, None, "PRM"),  # backed by Iran, not Iranian
    ("France's ambassador to Mali", None, "FRA", "GOV"),  # "to" gives no country
    ("the largest unions in Spain", None, "ESP", "LAB"),  # "in" does, when nothing else does
    ("Taliban", "2010-01-01", "AFG", "REB"),
    ("Taliban", "2023-01-01", "AFG", "GOV"),
    ("Angela Merkel", "2015-01-01", "DEU", "GOV"),
    ("Angela Merkel", "2023-01-01", "DEU", "ELI"),
    ("she", None, None, "UNK"),
])
def test_phrases(coder, text, date, country, sector):
    coded = coder.code_text(text, date=date)
    assert (coded.country, coded.sector) == (country, sector)


@pytest.mark.parametrize("text", ["a cat", "the weather", "a demand", "Zorblatt Quenwick"])
def test_what_is_no_actor_gets_no_code(coder, text):
    coded = coder.code_text(text)
    assert not coded.country and not coded.sector


def test_context_gives_a_country_to_a_phrase_without_one(coder):
    assert coder.code_text("Defense Minister", context="German").country == "DEU"
    assert coder.code_text("Defense Minister").country is None


def test_code_phrase_api():
    from dyads.actors.coding import code_phrase

    assert code_phrase("Iraqi soldiers") == ("IRQ", "MIL")
