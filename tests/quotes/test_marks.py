"""Quotation marks: which stretches of text are quoted."""

from __future__ import annotations

from dyads.quotes.marks import find_quotes


def quoted(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    assert quoted('He said "we will stay" and she said \u201cwe will go.\u201d') == ["we will stay", "we will go."]


def test_a_quote_can_span_sentences():
    assert quoted('\u201cWe lost everything. The river took our house,\u201d she said.') == [
        "We lost everything. The river took our house,"]


def test_a_quote_left_open_runs_to_the_paragraph_end_and_goes_on_in_the_next():
    text = 'He said: \u201cWe will not leave.\n\u201cWe will stay until the end,\u201d he added.\nNext paragraph.'
    [quote] = find_quotes(text)
    assert text[quote.start:quote.end] == "We will not leave.\n\u201cWe will stay until the end,"


def test_apostrophes_are_not_single_quotes():
    text = "Iraq\u2019s prime minister called it a \u2018new chapter\u2019 in the country\u2019s ties."
    assert quoted(text) == ["new chapter"]


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = 'the first, he said: "The progress we have made prompts us\nAnother paragraph.'
    [quote] = find_quotes(text)
    assert text[quote.start:quote.end] == "The progress we have made prompts us" and not quote.closed
