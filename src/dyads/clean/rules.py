"""Line rules: patterns that only page furniture matches, each with the junk kind it marks.

A rule fires on a whole line (segment) and only when the line is short enough that it cannot
be a paragraph of prose that merely mentions the words ("share", "photo", "reply").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


@dataclass(frozen=True)
class LineRule:
    kind: str
    pattern: re.Pattern
    max_words: int  # longer lines are prose, whatever they contain


def _rule(kind: str, pattern: str, max_words: int) -> LineRule:
    return LineRule(kind, re.compile(pattern, re.I), max_words)


LINE_RULES: tuple[LineRule, ...] = (
    _rule("comment_form", r"^(leave a (reply|comment)|fill in your details below|you are commenting using your\b"
          r"|connecting to %s|log out\s*/|notify me of (new|follow-up)|post a comment|post comment"
          r"|(twitter|facebook|google|wordpress\.com) (picture|photo|account)$|cancel reply|click here to cancel"
          r"|your email address will not be published|required fields are marked|save my name, email"
          r"|comments are closed|log in to reply|\d+ (comments?|responses?)$|this site uses akismet"
          r"|add (a|your) comment|be the first to comment|view comments|show comments)", 25),
    _rule("share_links", r"^((share|print|email|e-mail|tweet|send|pin|copy link|whatsapp)( (this|on|to|via))?"
          r"( the)?( article| story| page| link| facebook| twitter| whatsapp| linkedin| email| telegram)?"
          r"[\s|/,:•·-]*){1,6}$", 12),
    _rule("share_links", r"^(share this:?|like this:?|like loading\.*|click to (share|print|email)\b|.*\(opens in new "
          r"window\)$|related$|print the article|print this (article|page))", 14),
    _rule("read_time", r"(\b\d+\s*-?\s*(min|mins|minutes?)\s*(read|reading)|\breading time\b|\blisten to "
          r"(this )?article\b|^listen$)", 14),
    _rule("byline", r"^(by|written by|reporting by|story by|posted by|words by|author:?)\s+\S.{0,80}$", 10),
    _rule("byline", r"^(dr\.+|prof\.|professor)\s*[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){1,4}$", 6),
    _rule("byline", r"^(reporting|writing|editing|additional reporting) by\b.*$", 25),
    _rule("caption", r"^((photo|image|picture|video|file photo|photograph)( credit)?s?\s*[:|/-]|\(?(afp|ap|reuters|"
          r"getty images|epa|anadolu)( photo| via getty images)?\)?$|credit:|getty images$|[A-Z]+/[A-Z][\w ]+$)", 20),
    _rule("embed", r"\(@\w{1,30}\)\s+" + MONTHS + r"\s+\d{1,2},\s+\d{4}$", 14),
    _rule("embed", r"^(pic\.twitter\.com/\w+|https?://t\.co/\w+)$", 3),
    _rule("promo", r"^(advertisement|advertising|sponsored( content)?|subscribe( now)?|sign up( for (our|the) "
          r"newsletter)?|follow us( on \w+)?|read (more|also)\b|also read\b|related (articles|stories|news|posts)"
          r"|recommended( for you)?|most (read|popular|viewed)|trending( now)?|more from\b|you may also like"
          r"|don'?t miss\b|download (our|the) app)", 14),
    _rule("separator", r"^[\W_]{1,20}$", 3),
)

# A caption is a standalone line that ends with a credit in brackets: "... Washington (Al-Jazeera)".
CAPTION_CREDIT = re.compile(r"\((?:photo:?\s*|file\s*|image:?\s*)?([A-Z@][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4})\)$")
# A tweet quoted in the page: @handles or t.co links.
SOCIAL_MARKS = re.compile(r"(^|\s)@\w{2,}|pic\.twitter\.com/|https?://t\.co/")
DATE_LINE = re.compile(r"^(\w+,?\s+)?(" + MONTHS + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + MONTHS + r",?\s+\d{4}"
                       r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})\b[\s\d:.,apmAPMGT|-]*$", re.I)


def match_line(text: str, n_words: int) -> str | None:
    """The junk kind a line rule gives this line, or None."""
    for rule in LINE_RULES:
        if n_words <= rule.max_words and rule.pattern.search(text):
            return rule.kind
    if n_words <= 10 and EMAIL.search(text):
        return "email"
    return None


def is_caption(text: str, n_words: int) -> bool:
    """A short standalone line, not ending a sentence, closed by a credit such as (Reuters)."""
    if n_words > 45 or not text.endswith(")"):
        return False
    found = CAPTION_CREDIT.search(text)
    if not found:
        return False
    before = text[:found.start()].rstrip()
    return bool(before) and not before.endswith((".", "!", "?", ":", ",", ";", '"', "”"))


def is_date_line(text: str) -> bool:
    return bool(DATE_LINE.match(text))
