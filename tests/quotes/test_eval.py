"""`dyads eval quotes` and `dyads eval dates` score what they should, on tiny gold files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dyads.cli import app
from dyads.evaluation.dates import evaluate_dates
from dyads.evaluation.quotes import evaluate_quotes, name_words


def write_gold(write, name, items):
    return write(name, "".join(json.dumps(item) + "\n" for item in items))


def test_quote_scores_count_misses_and_wrong_speakers(write):
    path = write_gold(write, "q.jsonl", [
        {"id": 1, "text": "Kenyan President William Ruto said the government would not raise taxes.",
         "quotes": [{"text": "the government would not raise taxes", "speaker": "William Ruto", "kind": "indirect",
                     "cue": "said"}]},
        {"id": 2, "text": "Officials met in Rome on Monday.",
         "quotes": [{"text": "Officials met in Rome", "speaker": "Nobody", "kind": "direct", "cue": "said"}]},
    ])
    report = evaluate_quotes(path)
    assert (report.n_gold, report.matched, report.speaker_right) == (2, 1, 1)
    assert report.recall == 0.5 and report.precision == 1.0


def test_speaker_names_compare_without_titles_case_or_accents():
    assert name_words("Dr. Ahmed Al-Sahaf") & name_words("al-Sahaf")
    assert not name_words("Ali Allawi") & name_words("Ahmed Al-Sahaf")


def test_date_scores_values_and_publication(write):
    path = write_gold(write, "d.jsonl", [
        {"id": 1, "published": "2021-06-30", "text": "The ministry said on Monday that talks would resume.",
         "dates": [{"text": "Monday", "value": "2021-06-28"}]},
        {"id": 2, "published": None, "expect_published": {"value": "2019-03-12", "basis": "text"},
         "text": "Posted on March 12, 2019\n\nThe governor spoke.", "dates": []},
    ])
    report = evaluate_dates(path)
    assert (report.n_gold, report.found, report.value_right) == (1, 1, 1)
    assert (report.n_published, report.published_right) == (2 - 1, 1)


def test_eval_commands_print_their_numbers(write):
    gold = write_gold(write, "q.jsonl", [{"id": 1, "text": "\"We will stay,\" said Gustavo Petro.",
                                          "quotes": [{"text": "We will stay,", "speaker": "Gustavo Petro",
                                                      "kind": "direct", "cue": "said"}]}])
    result = CliRunner().invoke(app, ["eval", "quotes", str(gold)])
    assert result.exit_code == 0 and "quotes P/R/F1 1.000/1.000/1.000" in result.output
    missing = CliRunner().invoke(app, ["eval", "dates", "nope.jsonl"])
    assert missing.exit_code == 1 and "[E305] nope.jsonl: gold file not found" in missing.output
