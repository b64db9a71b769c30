"""Temporal expressions in documents, publication dates, and the dates events get."""

from __future__ import annotations

import pytest

from dyads.ingest import make_document
from dyads.records import SourceRecord
from dyads.runner import process_documents
from dyads.time.expressions import find_candidates


def process(resources, text: str, published: str | None = None):
    [result] = process_documents([make_document(SourceRecord(source="t.txt", text=text, published=published))],
                                 resources=resources)
    assert not result.errors, result.errors
    return result


def texts_of(nlp, text):
    return [c.text for c in find_candidates(nlp(text), [])]


def test_candidates_join_pieces_and_borrow_a_year(nlp):
    text = "The rounds took place in June and August 2020; she spoke Tuesday evening, June 29, 2021, in Rome."
    candidates = find_candidates(nlp(text), [])
    assert [c.text for c in candidates] == ["June", "August 2020", "Tuesday evening, June 29, 2021"]
    assert candidates[0].parse_text == "June 2020"


def test_candidates_split_a_count_from_a_date_and_keep_event_anchors(nlp):
    found = texts_of(nlp, "Troops fell from 5200 last September. Days after taking office, he resigned.")
    assert "last September" in found and "Days after taking office" in found
    assert not any(t.startswith("5200") for t in found)


def test_times_are_resolved_against_the_metadata_date(resources):
    result = process(resources, "The minister said on Monday that talks would resume next month.", "2021-06-30")
    values = {t.text: (t.value, t.precision, t.basis) for t in result.times}
    assert values["Monday"] == ("2021-06-28", "day", "publication:2021-06-30")
    assert values["next month"] == ("2021-07", "month", "publication:2021-06-30")
    assert result.document.published_basis == "metadata"


@pytest.mark.parametrize("text, published, how", [
    ("Iraq and its neighbours\n\nJuly 9, 2021 00:17 am\n\nThe talks resumed in Baghdad.", "2021-07-09", "byline"),
    ("Posted on March 12, 2019 by the newsroom\n\nThe governor spoke on Monday.", "2019-03-12", "posted"),
    ("KABUL, August 14, 2016 - Gunmen attacked a police post, officials said.", "2016-08-14", "dateline"),
    ("Officials reacted angrily.\n\nA. Writer (@a_writer) May 3, 2020\n\nNo comment was given.", "2020-05-03", "tweet"),
])
def test_publication_date_from_the_text(resources, text, published, how):
    result = process(resources, text)
    assert (result.document.published, result.document.published_basis) == (published, "text")
    evidence = [t for t in result.times if "dates the document" in (t.basis or "")]
    assert len(evidence) == 1 and f"({how})" in evidence[0].basis and evidence[0].value == published
    assert text[evidence[0].start:evidence[0].end] == evidence[0].text


def test_a_date_inside_a_sentence_does_not_date_the_page(resources):
    result = process(resources, "The agreement was signed on April 7, 2021 in Baghdad after long talks.")
    assert result.document.published is None
    assert result.document.published_basis == "inferred"
    assert result.document.published_range == ["2021-04-07", None]  # signed before it was reported


def test_inferred_range_uses_past_and_future_references(resources):
    text = "Parliament voted in January 2020 to expel foreign troops. Elections will be held in October 2023."
    result = process(resources, text)
    doc = result.document
    assert (doc.published, doc.published_basis, doc.published_range) == (None, "inferred", ["2020-01-01", "2023-10-31"])


def test_no_dated_reference_means_no_date(resources):
    result = process(resources, "The minister visited the refugee camp last week and promised more aid.")
    assert (result.document.published, result.document.published_basis) == (None, None)
    [week] = [t for t in result.times if t.text == "last week"]
    assert week.value is None and week.basis == "unanchored"


def test_event_gets_the_date_attached_to_its_clause(resources):
    text = ("The raids carried out by American planes on Sunday 27/6 2021 killed four fighters, "
            "the Pentagon said Tuesday.")
    result = process(resources, text, "2021-07-09")
    assault = [e for e in result.events if e.event == "ASSAULT"]
    assert assault and all(e.date == "2021-06-27" and e.date_precision == "day" for e in assault)
    assert {e.date_basis for e in assault} <= {"clause", "sentence"}


def test_a_reported_event_is_not_dated_by_the_report(resources):
    text = "The spokesman said on Tuesday that the army had attacked rebel positions."
    result = process(resources, text, "2021-07-09")
    [attack] = [e for e in result.events if e.event == "ASSAULT"]
    assert attack.date == "2021-07-09" and attack.date_basis == "publication"


def test_an_event_dated_by_another_event_keeps_no_date(resources):
    result = process(resources, "Days after taking office, the governor ordered the arrest of three officials.",
                     "2018-09-12")
    # the order of an arrest: the coder may code the order or the arrest, the date is unknown either way
    dated = [e for e in result.events if e.trigger_text.startswith(("order", "arrest"))]
    assert dated and all(e.date is None and e.date_basis == "unresolved" for e in dated)


def test_without_a_publication_date_events_stay_undated(resources):
    result = process(resources, "Rebels attacked an army base near the town.")
    assert result.events and all(e.date is None for e in result.events)


def _person(*roles):
    from dyads.records import Entity, Role

    made = []
    for title, start, end, source in roles:
        evidence = {"doc_id": None, "start": None, "end": None, "text": "dictionary:people.yaml"} \
            if source == "dictionary" else {"doc_id": "d1", "start": 0, "end": 9, "text": title}
        made.append(Role(role=title, start_date=start, end_date=end, former=source == "former", evidence=evidence))
    return Entity("e1", "Someone", "PERSON", roles=made)


@pytest.mark.parametrize("entities, bounds", [
    # the title the text gives, dated by the dictionary
    ([_person(("president", None, None, "text"), ("president", "2021-01-20", "2025-01-20", "dictionary"),
              ("vice president", "2009-01-20", "2017-01-20", "dictionary"))], ("2021-01-20", "2025-01-20")),
    # a title still held has no end; a year-precision start is the year's first day
    ([_person(("supreme leader", None, None, "text"), ("supreme leader", "1989", None, "dictionary"))],
     ("1989-01-01", None)),
    # "former president" says nothing of when the text was written
    ([_person(("president", None, None, "former"), ("president", "2017-01-20", "2021-01-20", "dictionary"))], None),
    # a title the dictionary does not date for that person
    ([_person(("general", None, None, "text"), ("commander", "1998", "2020-01-03", "dictionary"))], None),
    # two people: the ranges intersect; a third that contradicts them is left out
    ([_person(("prime minister", None, None, "text"), ("prime minister", "2020-05-07", "2022-10-27", "dictionary")),
      _person(("president", None, None, "text"), ("president", "2021-01-20", "2025-01-20", "dictionary")),
      _person(("minister", None, None, "text"), ("minister", "2005", "2006", "dictionary"))],
     ("2021-01-20", "2022-10-27")),
])
def test_titles_bound_when_a_text_was_written(entities, bounds):
    from dyads.time.published import role_bounds

    assert role_bounds(entities) == bounds


@pytest.mark.parametrize("references, titles, expected", [
    ([None, None], ("2020-05-07", "2022-10-27"), ["2020-05-07", "2022-10-27"]),
    (["2017-06-01", None], ("2020-05-07", "2022-10-27"), ["2020-05-07", "2022-10-27"]),
    (["2021-03-01", "2021-05-31"], ("2020-05-07", "2022-10-27"), ["2021-03-01", "2021-05-31"]),
    (["2023-01-01", None], ("2020-05-07", "2022-10-27"), ["2023-01-01", None]),  # they disagree: the dates win
])
def test_titles_narrow_the_range_from_references(references, titles, expected):
    from dyads.time.published import narrow

    assert narrow(references, titles) == expected
