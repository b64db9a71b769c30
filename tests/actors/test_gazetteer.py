"""The country gazetteer: names, aliases, demonyms (and plurals) and capitals to ISO alpha-3."""

from __future__ import annotations

import pytest

CASES = [
    ("Iraq", "IRQ", "name"), ("the United States", "USA", "alias"), ("U.S.", "USA", "alias"),
    ("Iraqi", "IRQ", "demonym"), ("Iraqis", "IRQ", "demonym"), ("American", "USA", "demonym"),
    ("Saudi", "SAU", "alias"), ("Emirati", "ARE", "demonym"), ("British", "GBR", "demonym"),
    ("Washington", "USA", "capital"), ("Tehran", "IRN", "capital"), ("Riyadh", "SAU", "capital"),
    ("the United Arab Emirates", "ARE", "name"), ("Kosovo", "XKX", "alias"), ("Great Britain", "GBR", "alias"),
    ("People's Republic of China", "CHN", "alias"),
]


@pytest.mark.parametrize("text,country,how", CASES)
def test_country_lookup(resources, text, country, how):
    hit = resources.get("countries").lookup(text)
    assert (hit.country, hit.how) == (country, how)


@pytest.mark.parametrize("text", ["Gondor", "Hezbollah", "Kurdish", "Arab", "Sunni"])
def test_non_countries_are_not_coded(resources, text):
    assert resources.get("countries").lookup(text) is None


@pytest.mark.parametrize("text,country", [
    ("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Quatar", "QAT"), ("Isreal", "ISR"), ("Britian", "GBR"),
    ("Palestinain", "PSE"),
])
def test_a_misspelt_country_is_found_one_slip_away(resources, text, country):
    hit = resources.get("countries").lookup_misspelt(text)
    assert hit is not None and hit.country == country


@pytest.mark.parametrize("text", ["Irani", "Gondor", "Moskow", "Hamas", "Bush", "Sudanis", "Russel"])
def test_short_or_distant_words_are_not_taken_for_misspelt_countries(resources, text):
    assert resources.get("countries").lookup_misspelt(text) is None


@pytest.mark.parametrize("text,country", [
    ("Zaire", "COD"), ("Kampuchea", "KHM"), ("Kampuchean", "KHM"), ("Ceylon", "LKA"), ("Rhodesia", "ZWE"),
    ("Yugoslavia", "SRB"), ("Czechoslovakia", "CZE"), ("West Germany", "DEU"), ("Trinidad", "TTO"),
])
def test_former_country_names_are_their_successor_state(resources, text, country):
    assert resources.get("countries").lookup(text).country == country
