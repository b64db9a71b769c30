"""Geocoding toponyms offline, border areas, and the place an event gets."""

from __future__ import annotations

import pytest

from dyads.geo.places import country_focus, geocode
from dyads.ingest import make_document
from dyads.records import SourceRecord
from dyads.runner import process_documents

IRAQ_FOCUS = {"IRQ": 0.6, "USA": 0.2, "IRN": 0.2}


@pytest.fixture(scope="module")
def places(resources):
    return resources.get("places")


@pytest.mark.parametrize("name, place_name, country, feature", [
    ("Baghdad", "Baghdad", "IRQ", "city"),  # the city, not the governorate of the same name
    ("Basra", "Basrah", "IRQ", "city"),  # found by an alternate spelling
    ("Riyadh", "Riyadh", "SAU", "city"),
    ("Abu Dhabi", "Abu Dhabi", "ARE", "city"),
    ("Tehran", "Tehran", "IRN", "city"),
    ("Washington", "Washington", "USA", "city"),  # the capital, not the state or a town in England
    ("Brussels", "Brussels", "BEL", "city"),
    ("Diyala", "Diyala", "IRQ", "admin1"),
    ("Diyala Governorate", "Diyala", "IRQ", "admin1"),
    ("the United States", "United States", "USA", "country"),
    ("Chechnya", "Chechnya", "RUS", "admin1"),  # from resources/geo/regions.yaml: the packages lack it
    ("the Gaza Strip", "Gaza Strip", "PSE", "admin1"),
])
def test_toponyms_geocode_to_the_right_place(places, name, place_name, country, feature):
    entry = geocode(name, places, IRAQ_FOCUS)
    assert entry is not None
    place = entry.place
    assert (place.name, place.country, place.feature) == (place_name, country, feature)
    assert place.lat is not None and place.lon is not None


def test_coordinates_are_where_the_place_is(places):
    baghdad = geocode("Baghdad", places, IRAQ_FOCUS).place
    assert abs(baghdad.lat - 33.34) < 0.5 and abs(baghdad.lon - 44.40) < 0.5


def test_document_focus_decides_between_homonyms(places):
    assert geocode("Georgia", places, {"USA": 1.0}).place.feature == "admin1"
    assert geocode("Georgia", places, {"RUS": 0.5, "GEO": 0.5}).place.feature == "country"


def test_an_obscure_namesake_far_from_the_focus_is_refused(places):
    assert geocode("White House", places, IRAQ_FOCUS) is None  # an alternate name of Casablanca
    assert geocode("Gulf", places, IRAQ_FOCUS) is None  # a province of Papua New Guinea


def test_focus_counts_country_bearing_mentions(resources):
    from dyads.records import Mention

    mentions = [Mention("d", 0, 5, "Iraqi", "NORP"), Mention("d", 6, 10, "Iraq", "GPE"),
                Mention("d", 11, 15, "Iran", "GPE"), Mention("d", 16, 20, "Ahmed", "PERSON")]
    focus = country_focus(mentions, [], resources.get("countries"))
    assert focus == {"IRQ": 2 / 3, "IRN": 1 / 3}


def process(resources, text, published=None):
    [result] = process_documents([make_document(SourceRecord(source="t.txt", text=text, published=published))],
                                 resources=resources)
    assert not result.errors, result.errors
    return result


def test_mentions_get_place_ids_and_places_have_coordinates(resources):
    result = process(resources, "Protesters gathered in Basra and Baghdad on Friday.")
    by_id = {p.place_id: p for p in result.places}
    geocoded = {m.text: by_id[m.place_id].name for m in result.mentions if m.place_id}
    assert geocoded == {"Basra": "Basrah", "Baghdad": "Baghdad"}
    assert all(p.place_id.startswith("geonames:") for p in result.places)


@pytest.mark.parametrize("text, border", [
    ("American planes struck militia positions on the Iraqi-Syrian border on Sunday.", "border:IRQ-SYR"),
    ("Iraqi troops were sent to a camp near the border with Iran.", "border:IRN-IRQ"),  # the focus gives the other side
])
def test_border_areas_become_places(resources, text, border):
    result = process(resources, text)
    [place] = [p for p in result.places if p.feature == "border"]
    assert place.place_id == border and place.lat is not None
    [mention] = [m for m in result.mentions if m.place_id == border]
    assert text[mention.start:mention.end] == mention.text and "border" in mention.text


def test_an_event_gets_the_place_where_it_happened(resources):
    text = "Iranian-backed militias attacked a convoy in Basra, Washington said."
    result = process(resources, text)
    names = {p.place_id: p.name for p in result.places}
    [attack] = [e for e in result.events if e.event == "ASSAULT"]
    assert names.get(attack.place_id) == "Basrah"


def test_a_visit_happens_at_its_destination_and_a_where_clause_inherits_it(resources):
    result = process(resources, "Al-Kazemi visited Tehran, where he signed an agreement with Iran.")
    names = {p.place_id: p.name for p in result.places}
    placed = {e.trigger_text: names.get(e.place_id) for e in result.events}
    assert placed.get("visited") == "Tehran" and placed.get("signed") == "Tehran"


def test_a_state_that_acts_is_not_the_place(resources):
    result = process(resources, "Washington warned Tehran against further attacks.")
    assert result.events and all(e.place_id is None for e in result.events)


@pytest.mark.parametrize("text, name", [
    ("Iran faces severe pressures after the spread of Corona in the United States.", "Corona"),  # a listed disease
    ("Officials in Uganda confirmed an outbreak of the Marburg virus.", "Marburg"),  # compound of "virus"
])
def test_a_disease_named_like_a_place_is_not_geocoded(text, name):
    doc = make_document(SourceRecord(source="t.txt", text=text))
    result = process_documents([doc])[0]
    named = [m for m in result.mentions if m.text == name]
    assert all(m.place_id is None for m in named)
    assert not any(p.name == name for p in result.places)
    assert named, "the test needs the name to be tagged as a place"
    assert any(p.country in ("USA", "UGA") for p in result.places)  # real places still are
