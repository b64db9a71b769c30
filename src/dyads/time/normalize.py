"""Normalize one temporal expression to a TIMEX3-style value against an anchor date.

dateparser does the calendar work (explicit dates in any common format, "next month",
"18 years ago", "last week", "27/6 2021"). The rules here cover only what it does not:
"last January", seasons, decades, durations, vague references ("recently"), weekdays
read with the tense of their clause, expressions anchored to another event ("days
after taking office"), and refusing to guess when a relative expression has no anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

PAST, FUTURE, NEAREST = "past", "future", "nearest"

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a couple of": 2, "couple of": 2}
VAGUE_COUNTS = ("several", "few", "a few", "many", "some", "the past", "the last", "recent", "the coming",
                "the next", "")
UNITS = {"second": "PT{}S", "minute": "PT{}M", "hour": "PT{}H", "day": "P{}D", "week": "P{}W", "month": "P{}M",
         "year": "P{}Y", "decade": "P{}DE", "century": "P{}CE", "centurie": "P{}CE"}
VAGUE = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "past": "PAST_REF", "future": "FUTURE_REF", "previously": "PAST_REF", "earlier": "PAST_REF",
    "formerly": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF", "in the future": "FUTURE_REF",
    "later": "FUTURE_REF", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
}
LEADING = re.compile(r"^(?:(?:in|on|at|by|since|during|until|till|from|as of|of|for|over|within|around|"
                     r"about|nearly|almost|some|approximately|just|only|another|the|this past|the past|"
                     r"less than|more than|at least|up to|than)\s+)+")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
UNIT_WORD = r"(second|minute|hour|day|week|month|year|decade|centurie|century)s?"
COUNT_WORD = r"(\d+(?:\.\d+)?|" + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True)) + \
             r"|several|few|many|some|a few|recent|coming)"
DURATION = re.compile(rf"^(?:(?:past|last|next|coming|first)\s+(?=\S))?(?:{COUNT_WORD}\s+)?(?:more\s+|long\s+)?{UNIT_WORD}(?:\s+long|\s+old)?$")
ANCHORED = re.compile(rf"^(?:{COUNT_WORD}\s+)?{UNIT_WORD}\s+(?:after|before|of(?!\s+(?:\d|the\s+\d|"
                      rf"{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)}))|following|later|earlier|prior to|since)\b|^(?:same|previous|following)\s+(?:day|week|month|year)$|^next day$"
                      rf"|^(?:the\s+)?(?:day|week|month|year)\s+(?:before|after)\b")
AGO = re.compile(rf"^(?:{COUNT_WORD}\s+)?{UNIT_WORD}\s+ago$")
DECADE = re.compile(r"^(?:the\s+)?(?:(1[89]|20)|')?(\d)0s$")
SEASON = re.compile(r"^(?:(last|next|this|past|coming)\s+)?(?:(early|mid|late)[\s-]+)?(spring|summer|autumn|fall|"
                    r"winter)(?:\s+(?:of\s+)?(\d{4}))?$")
RELATIVE_MONTH = re.compile(r"^(last|next|this|past|coming|previous)\s+(" + "|".join(MONTHS) + r")$")
WEEKDAY = re.compile(r"^(?:(last|next|this|coming|past)\s+)?(" + "|".join(WEEKDAYS) +
                     r")(?:\s+(?:morning|afternoon|evening|night))?$")
WEEKDAY_PREFIX = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?[\s,]+")
MODIFIER = re.compile(r"^(?:(?:the\s+)?(?:early|mid|late|later|earlier|end of|beginning of|start of|middle of|turn of|first half of|"
                      r"second half of|latter part of)(?:\s+|-)|mid-)(.+)$")


@dataclass(frozen=True, slots=True)
class Normalized:
    value: str | None  # 2021-04-07, 2021-04, 2021-W14, 2017-SU, 199, P3D, PAST_REF, or None
    precision: str | None  # day, week, month, season, year, decade, duration, set, ref
    basis: str  # absolute | publication | unanchored | event | vague | unparsed


def clean_phrase(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip(" ,.;:()-").lower()
    return LEADING.sub("", phrase).strip()


@lru_cache(maxsize=4096)  # news repeats its dates; an absolute one is read once without, once with an anchor
def normalize(text: str, anchor: dt.date | None, direction: str = PAST) -> Normalized:
    """The TIMEX3 value of `text`, resolved against `anchor` (the publication date) when relative.

    `direction` says which way a bare weekday or month points: the tense of its clause.
    """
    phrase = clean_phrase(text)
    if not phrase:
        return Normalized(None, None, "unparsed")
    for rule in (_vague, _anchored, _duration, _decade, _season, _relative_month, _bare_month, _weekday, _modified):
        found = rule(phrase, anchor, direction)
        if found is not None:
            return found
    return with_dateparser(phrase, anchor, direction)


def _vague(phrase: str, anchor, direction) -> Normalized | None:
    every = re.fullmatch(r"(?:every|each)\s+(day|week|month|year)", phrase)
    if every:
        return Normalized(UNITS[every.group(1)].format(1), "set", "vague")
    value = VAGUE.get(phrase)
    if value is None:
        return None
    return Normalized(value, "ref" if value.endswith("_REF") else "set", "vague")


def _anchored(phrase: str, anchor, direction) -> Normalized | None:
    if ANCHORED.search(phrase):  # "days after taking office": dated by another event, not by the calendar
        return Normalized(None, None, "event")
    match = AGO.match(phrase)
    if match and _count(match.group(1)) is None:  # "a few days ago": only "before publication" is known
        return Normalized("PAST_REF", "ref", "vague")
    return None


def _count(word: str | None) -> int | float | None:
    if word is None:
        return 1
    if re.fullmatch(r"\d+(\.\d+)?", word):
        number = float(word)
        return int(number) if number.is_integer() else number
    return NUMBER_WORDS.get(word)


def _duration(phrase: str, anchor, direction) -> Normalized | None:
    match = DURATION.match(phrase)
    if match is None:
        return None
    count, unit = match.group(1), match.group(2)
    number = _count(count) if count not in (None, "coming", "recent") else None
    if count is None and not phrase.endswith("s"):
        return None  # a bare singular unit ("day") is not a duration
    return Normalized(UNITS[unit].format(number if number is not None else "X"), "duration", "vague")


def _decade(phrase: str, anchor, direction) -> Normalized | None:
    match = DECADE.match(phrase)
    if match is None:
        return None
    century = match.group(1) or ("20" if match.group(2) in "012" else "19")
    return Normalized(f"{century}{match.group(2)}", "decade", "absolute")


def _season(phrase: str, anchor, direction) -> Normalized | None:
    match = SEASON.match(phrase)
    if match is None:
        return None
    relation, _, season, year = match.groups()
    code, first_month = SEASONS[season]
    if year:
        return Normalized(f"{year}-{code}", "season", "absolute")
    if anchor is None:
        return Normalized(None, None, "unanchored")
    if relation in ("next", "coming"):
        target = anchor.year if first_month > anchor.month else anchor.year + 1
    elif relation in ("last", "past") or direction == PAST:
        target = anchor.year if first_month + 2 < anchor.month else anchor.year - 1
        if relation is None and first_month <= anchor.month:
            target = anchor.year  # "in the summer" read in the past: this year's if it has begun
    else:
        target = anchor.year if first_month + 2 >= anchor.month else anchor.year + 1
    return Normalized(f"{target}-{code}", "season", "publication")


def _relative_month(phrase: str, anchor, direction) -> Normalized | None:
    match = RELATIVE_MONTH.match(phrase)
    if match is None:
        return None
    if anchor is None:
        return Normalized(None, None, "unanchored")
    relation, month = match.group(1), MONTHS.index(match.group(2)) + 1
    year = anchor.year
    if relation in ("last", "past", "previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif relation in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    return Normalized(f"{year}-{month:02d}", "month", "publication")


def _bare_month(phrase: str, anchor, direction) -> Normalized | None:
    """"in October": the latest October in the past, the next in the future; this month counts for both."""
    if phrase not in MONTHS:
        return None
    if anchor is None:
        return Normalized(None, None, "unanchored")
    month = MONTHS.index(phrase) + 1
    year = anchor.year
    if direction == PAST and month > anchor.month:
        year -= 1
    elif direction == FUTURE and month < anchor.month:
        year += 1
    return Normalized(f"{year}-{month:02d}", "month", "publication")


def _weekday(phrase: str, anchor, direction) -> Normalized | None:
    match = WEEKDAY.match(phrase)
    if match is None:
        return None
    if anchor is None:
        return Normalized(None, None, "unanchored")
    relation, day = match.group(1), WEEKDAYS.index(match.group(2))
    back = (anchor.weekday() - day) % 7  # days back to the latest such weekday (0 = the anchor itself)
    ahead = (day - anchor.weekday()) % 7
    if relation == "last" or relation == "past":
        offset = -(back or 7)
    elif relation in ("next", "coming"):
        offset = ahead or 7
    elif direction == FUTURE:
        offset = ahead
    elif direction == NEAREST:
        offset = ahead if ahead < back else -back
    else:
        offset = -back
    return Normalized((anchor + dt.timedelta(days=offset)).isoformat(), "day", "publication")


def _modified(phrase: str, anchor, direction) -> Normalized | None:
    """"early 2019", "the end of July", "mid-2020": the value of what is modified, same precision."""
    match = MODIFIER.match(phrase)
    if match is None:
        stripped = WEEKDAY_PREFIX.sub("", phrase)  # "Sunday 27/6 2021": the explicit date decides
        if stripped == phrase:
            return None
        return normalize(stripped, anchor, direction)
    return normalize(match.group(1), anchor, direction)


def with_dateparser(phrase: str, anchor: dt.date | None, direction: str) -> Normalized:
    """Explicit and simple relative dates, through dateparser (with the anchor as RELATIVE_BASE)."""
    explicit = YEAR.search(phrase) is not None and not re.search(r"\b(ago|last|next|this|previous)\b", phrase)
    if explicit:
        anchor = None  # an explicit year needs no anchor: one parse serves every document
    if anchor is None and not explicit:
        return Normalized(None, None, "unanchored")
    parser = _parser(anchor or dt.date(2000, 1, 1), direction)
    try:
        data = parser.get_date_data(phrase)
    except (ValueError, OverflowError, TypeError):
        return Normalized(None, None, "unparsed")
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2100:
        return Normalized(None, None, "unparsed")
    value, precision = timex_value(data.date_obj.date(), data.period or "day")
    if explicit and precision in ("month", "year") and str(data.date_obj.year) not in phrase:
        return Normalized(None, None, "unparsed")
    return Normalized(value, precision, "absolute" if explicit else "publication")


@lru_cache(maxsize=64)
def _parser(anchor: dt.date, direction: str):
    """One dateparser parser per anchor and direction: building one costs more than a parse."""
    from dateparser.date import DateDataParser

    prefer = {PAST: "past", FUTURE: "future"}.get(direction, "current_period")
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(anchor, dt.time(12)), "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True})


def timex_value(day: dt.date, period: str) -> tuple[str, str]:
    """A calendar date and dateparser's period as a TIMEX3 value and its precision."""
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    if period == "week":
        iso = day.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", "week"
    return day.isoformat(), "day"  # day and time periods
