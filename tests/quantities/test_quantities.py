"""Numbers with their value, unit, what they count and their subject."""

from __future__ import annotations

import pytest

from dyads.ingest import make_document
from dyads.quantities.numbers import parse_number
from dyads.records import SourceRecord
from dyads.runner import process_documents


@pytest.mark.parametrize("text, value", [
    ("2,700", 2700), ("5200", 5200), ("more than 500", 500), ("two and a half billion dollars", 2.5e9),
    ("$73m", 73e6), ("1.5 million people", 1.5e6), ("three hundred thousand", 3e5), ("another 120 days", 120),
    ("dozens", 24), ("no number here", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def quantities_of(resources, text):
    [result] = process_documents([make_document(SourceRecord(source="t.txt", text=text))], resources=resources)
    assert not result.errors, result.errors
    countries = {e.entity_id: e.country for e in result.entities}  # whose: the subject's country
    rows = []
    for q in result.quantities:
        assert text[q.start:q.end] == q.text
        rows.append((q.text, q.value, q.unit, q.counts, countries.get(q.subject_entity_id)))
    return rows


@pytest.mark.parametrize("text, expected", [
    ("Parliament voted to expel the 2,500 US troops still in the country.",
     ("2,500 US troops", 2500, None, "troops", "USA")),
    ("The missile attacks injured more than 100 American soldiers.",
     ("more than 100 American soldiers", 100, None, "injured", "USA")),
    ("Security forces have killed more than 500 people since October.",
     ("more than 500 people", 500, None, "killed", None)),
    ("Riyadh pledged more than two and a half billion dollars in investments.",
     ("more than two and a half billion dollars", 2.5e9, "USD", "dollars", None)),
    ("The waiver allows imports of gas for another 120 days.", ("120 days", 120, "day", "days", None)),
    ("Turnout reached 41 percent in the capital.", ("41 percent", 41, "percent", "percent", None)),
])
def test_quantity_patterns(resources, text, expected):
    assert expected in quantities_of(resources, text)


def test_bare_numbers_count_what_the_phrase_measures(resources):
    text = "The talks led to the redeployment of US forces from 5200 last September to 2,700 by this year."
    rows = {r[0]: r for r in quantities_of(resources, text)}
    assert rows["5200"][1:] == (5200, None, "troops", "USA")
    assert rows["2,700"][1:] == (2700, None, "troops", "USA")


def test_referring_numbers_are_not_quantities(resources):
    assert quantities_of(resources, "The two countries signed the deal in Rome.") == []
