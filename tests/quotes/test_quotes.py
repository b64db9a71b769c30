"""Quotes and reported speech with their cue and resolved speaker, one pattern per case."""

from __future__ import annotations

import pytest

from dyads.ingest import make_document
from dyads.records import SourceRecord
from dyads.runner import process_documents


def quotes_of(resources, text):
    [result] = process_documents([make_document(SourceRecord(source="t.txt", text=text))], resources=resources)
    assert not result.errors, result.errors
    names = {e.entity_id: e.name for e in result.entities}
    rows = []
    for quote in result.quotes:
        assert text[quote.start:quote.end] == quote.text
        speaker = quote.speaker
        name = names.get(speaker.entity_id) if speaker and speaker.entity_id else (speaker.text if speaker else None)
        rows.append((quote.kind, quote.text, quote.cue, name, quote.method))
    return rows


@pytest.mark.parametrize("text, kind, words, cue, speaker", [
    # direct, straight quotes, cue after the quotation
    ('"We will not negotiate under fire," Defence Minister Yoav Gallant told reporters.', "direct",
     "We will not negotiate under fire,", "told", "Yoav Gallant"),
    # direct, curly quotes, inverted "said X"
    ("\u201cThere is no deal on the table,\u201d said Ukrainian negotiator Mykhailo Podolyak.", "direct",
     "There is no deal on the table,", "said", "Mykhailo Podolyak"),
    # direct after a colon
    ('Hamas official Osama Hamdan told a news conference: "The occupation bears full responsibility."', "direct",
     "The occupation bears full responsibility.", "told", "Osama Hamdan"),
    # a partial quotation that is most of the reported clause
    ("Political analyst Ihssan Al-Shammari said that all of this \"is a message to Iran that Iraq has the right "
     "to take another course.\"", "direct", "is a message to Iran that Iraq has the right to take another course.",
     "said", "Ihssan Al-Shammari"),
    # reported speech: said that
    ("Kenyan President William Ruto said on Monday that the government would not raise fuel taxes.", "indirect",
     "the government would not raise fuel taxes", "said", "William Ruto"),
    # reported speech: told AFP
    ("Foreign Minister Mauro Vieira told AFP that Brasilia would host a regional summit.", "indirect",
     "Brasilia would host a regional summit", "told", "Mauro Vieira"),
    # reported speech: according to
    ("According to police spokesman Olumuyiwa Adejobi, at least 12 suspects were arrested in Kano.", "indirect",
     "at least 12 suspects were arrested in Kano", "according to", "Olumuyiwa Adejobi"),
    # reported speech: confirmed + object
    ("Interior Minister Ali Yerlikaya confirmed the arrest of 34 people suspected of links to the group.",
     "indirect", "the arrest of 34 people suspected of links to the group", "confirmed", "Ali Yerlikaya"),
    # reported speech: wrote on Twitter
    ("Prime Minister Shehbaz Sharif wrote on Twitter that the floods had affected 30 million people.", "indirect",
     "the floods had affected 30 million people", "wrote", "Shehbaz Sharif"),
    # a short quoted phrase inside reported speech stays one indirect quote
    ("Prime Minister Fumio Kishida said Tokyo would \"respond firmly\" to any missile launch.", "indirect",
     "Tokyo would \"respond firmly\" to any missile launch", "said", "Fumio Kishida"),
    # was quoted as saying
    ("Minister Subrahmanyam Jaishankar was quoted as saying that relations with China were strained.", "indirect",
     "relations with China were strained", "saying", "Subrahmanyam Jaishankar"),
])
def test_one_pattern(resources, text, kind, words, cue, speaker):
    rows = quotes_of(resources, text)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [(kind, words, cue, speaker)]


def test_he_added_resolves_to_the_last_speaker(resources):
    text = ('Colombian President Gustavo Petro defended the ceasefire. "Peace is built with those who were at war," '
            "he said. He added that the army would remain in the region.")
    rows = quotes_of(resources, text)
    assert [(r[0], r[3]) for r in rows] == [("direct", "Gustavo Petro"), ("indirect", "Gustavo Petro")]
    assert all(r[4].startswith("pronoun:") for r in rows)


def test_the_spokesman_said_resolves_through_the_title(resources):
    text = ("The spokesman for the Egyptian Foreign Ministry, Ahmed Abu Zeid, said the ministry was following the "
            "case. Separately, the spokesman said Cairo had summoned the ambassador.")
    rows = quotes_of(resources, text)
    assert [r[3] for r in rows] == ["Ahmed Abu Zeid", "Ahmed Abu Zeid"]
    assert rows[0][4] == "appositive" and rows[1][4].startswith("nominal:")


def test_adding_and_a_quote_over_two_sentences(resources):
    text = ('The spokesman for the Brigades, Jaafar al-Husseini, said, "The talks are of no value. They will fail," '
            'adding, "The resistance continues."')
    rows = quotes_of(resources, text)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("The talks are of no value. They will fail,", "said", "Jaafar al-Husseini"),
        ("The resistance continues.", "adding", "Jaafar al-Husseini")]


def test_an_anonymous_source_gets_no_entity(resources):
    rows = quotes_of(resources, 'On this, a Western diplomat said, "There is some hope and optimism."')
    assert [(r[0], r[3], r[4]) for r in rows] == [("direct", "Western diplomat", "anonymous")]


@pytest.mark.parametrize("text", [
    'The government launched a "national dialogue" on Wednesday, but the opposition stayed away.',
    'Protesters carried banners as the newspaper "The Wall Street Journal" reported on the march.',
    "Some even described him as an \"American agent.\"",
])
def test_titles_and_scare_quotes_are_not_quotes(resources, text):
    assert quotes_of(resources, text) == []
