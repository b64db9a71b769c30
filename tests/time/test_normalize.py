"""TIMEX3 values of temporal expressions, resolved against a publication date (2021-07-09, a Friday)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.time.normalize import FUTURE, NEAREST, PAST, normalize
from dyads.time.published import period_bounds

FRIDAY = dt.date(2021, 7, 9)


@pytest.mark.parametrize("text, direction, value, precision", [
    ("Wednesday", PAST, "2021-07-07", "day"),  # a bare weekday in a past-tense clause: the one just gone
    ("Wednesday", FUTURE, "2021-07-14", "day"),  # "will meet on Wednesday"
    ("Friday", PAST, "2021-07-09", "day"),  # the publication day itself
    ("on Sunday", NEAREST, "2021-07-11", "day"),  # present tense: the nearest Sunday
    ("last Friday", PAST, "2021-07-02", "day"),
    ("last January", PAST, "2021-01", "month"),
    ("last September", PAST, "2020-09", "month"),  # not yet September this year
    ("next month", FUTURE, "2021-08", "month"),
    ("the middle of next month", FUTURE, "2021-08", "month"),
    ("the end of July", FUTURE, "2021-07", "month"),  # the current month counts in both directions
    ("October", PAST, "2020-10", "month"),
    ("October", FUTURE, "2021-10", "month"),
    ("in the summer of 2017", PAST, "2017-SU", "season"),
    ("last summer", PAST, "2020-SU", "season"),
    ("18 years ago", PAST, "2003", "year"),
    ("two weeks ago", PAST, "2021-W25", "week"),
    ("this year", PAST, "2021", "year"),
    ("early 2019", PAST, "2019", "year"),
    ("the 1990s", PAST, "199", "decade"),
    ("on Sunday 27/6 2021", PAST, "2021-06-27", "day"),  # the explicit date decides, not the weekday
    ("Tuesday evening, June 29, 2021", PAST, "2021-06-29", "day"),
    ("April 7, 2021", FUTURE, "2021-04-07", "day"),
    ("2021-07-09", PAST, "2021-07-09", "day"),
    ("yesterday", PAST, "2021-07-08", "day"),
    ("another 120 days", PAST, "P120D", "duration"),
    ("less than three weeks", PAST, "P3W", "duration"),
    ("the past three years", PAST, "P3Y", "duration"),
    ("months", PAST, "PXM", "duration"),
    ("every day", PAST, "P1D", "set"),
    ("recently", PAST, "PAST_REF", "ref"),
    ("a few days ago", PAST, "PAST_REF", "ref"),  # only "before publication" is known
])
def test_expression_values(text, direction, value, precision):
    found = normalize(text, FRIDAY, direction)
    assert (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("text", ["days after taking office", "within hours of Al-Kazemi taking office",
                                  "three days after the shelling", "the previous day"])
def test_expressions_anchored_to_another_event_stay_unresolved(text):
    found = normalize(text, FRIDAY)
    assert found.value is None and found.basis == "event"


def test_relative_expressions_without_an_anchor_are_not_guessed():
    assert normalize("last week", None).value is None
    assert normalize("Wednesday", None).basis == "unanchored"
    assert normalize("January 2020", None).value == "2020-01"  # an explicit year needs no anchor


def test_basis_says_what_resolved_the_expression():
    assert normalize("April 7, 2021", FRIDAY).basis == "absolute"
    assert normalize("last week", FRIDAY).basis == "publication"


@pytest.mark.parametrize("value, first, last", [
    ("2021-04-07", "2021-04-07", "2021-04-07"),
    ("2020-02", "2020-02-01", "2020-02-29"),
    ("2017-SU", "2017-06-01", "2017-08-31"),
    ("2020-WI", "2020-12-01", "2021-02-28"),
    ("2021-W14", "2021-04-05", "2021-04-11"),
    ("199", "1990-01-01", "1999-12-31"),
])
def test_period_bounds(value, first, last):
    low, high = period_bounds(value)
    assert (low.isoformat(), high.isoformat()) == (first, last)
