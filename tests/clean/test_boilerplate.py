"""Junk removal: what the line classifier removes, what it keeps, and that offsets stay valid."""

from __future__ import annotations

import json

import pytest

from dyads.clean.boilerplate import classify_lines, find_removed
from dyads.clean.mask import masked_text
from dyads.evaluation.junk import evaluate_junk
from tests.conftest import SEEDS

ARTICLE = ("Iraq and the United States held a new round of talks in Baghdad on Wednesday, officials said.\n\n"
           "The two delegations discussed the withdrawal of combat troops and economic cooperation.\n")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds_of(text: str) -> dict[str, str]:
    return {text[s.start:s.end]: s.kind for s in find_removed(text)}


def test_comment_form_of_002_is_removed_whole():
    text = seed("002")
    removed = kinds_of(text)
    tail = text[text.index("Leave a Reply"):]
    for line in filter(None, (line.strip() for line in tail.split("\n"))):
        assert removed.get(line) == "comment_form", line
    assert any(kind == "email" for kind in removed.values())  # "mohamed...@gmail.comprint the article"


def test_headline_list_at_end_of_003_is_removed_and_the_article_kept():
    text = seed("003")
    removed = kinds_of(text)
    assert removed.get("Prince William Dodges Humiliating Question In Saudi Arabia -") == "headline_list"
    assert sum(1 for kind in removed.values() if kind == "headline_list") >= 16
    assert "Iraqi engagement with US upsets pro-Iranians" not in removed  # the title stays
    first_junk = min(s.start for s in find_removed(text))
    assert "parliamentary vote." in text[:first_junk]


def test_seed_gold_less_than_two_percent_of_article_text_removed():
    report = evaluate_junk()
    assert report.total.real_lost < 0.02
    assert report.total.junk_recall > 0.9
    assert {"comment_form", "headline_list", "caption", "byline"} <= set(report.per_kind_recall)


def test_gold_span_that_no_longer_matches_its_file_is_refused(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "000_0f4a67fce32eecd1.txt", "start": 0, "end": 5, "kind": "byline",
                                "text": "Hello"}) + "\n")
    with pytest.raises(ValueError, match="no longer reads"):
        evaluate_junk(gold, SEEDS)


def test_nlp_text_keeps_length_and_newlines_and_blanks_removed_text():
    text = seed("002")
    removed = find_removed(text)
    masked = masked_text(text, removed)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    assert "Leave a Reply" not in masked and "Iraqi Prime Minister" in masked
    for span in removed:
        assert masked[span.start:span.end].strip() == ""


@pytest.mark.parametrize("line, kind", [
    ("By Jane Doe", "byline"),
    ("Reporting by Ahmed Rasheed; Editing by Alex Richardson", "byline"),
    ("4 min read", "read_time"),
    ("Share | Print | Email", "share_links"),
    ("Click to share on Twitter (Opens in new window)", "share_links"),
    ("Your email address will not be published. Required fields are marked *", "comment_form"),
    ("Protesters gather outside the parliament in Baghdad (Reuters)", "caption"),
    ("Photo: Iraqi soldiers at a checkpoint", "caption"),
    ("Sign up for our newsletter", "promo"),
    ("Advertisement", "promo"),
    ("editor@example.com", "email"),
    ("***", "separator"),
])
def test_page_furniture_lines_are_removed_with_their_kind(line, kind):
    text = ARTICLE + "\n" + line + "\n\n" + ARTICLE
    assert kinds_of(text) == {line: kind}


@pytest.mark.parametrize("line", [
    "He urged readers to share the article with the ministry, which has not replied to requests for comment.",
    "The minister said the photo, taken in 2019 by a local reporter, showed the convoy near Mosul (Nineveh).",
    "Conflicting positions",  # a section heading
    "By the end of the week, the talks had produced a timetable for the withdrawal of US troops.",
])
def test_article_prose_and_headings_are_kept(line):
    text = ARTICLE + "\n" + line + "\n\n" + ARTICLE
    assert kinds_of(text) == {}


def test_e_mail_inside_a_sentence_removes_only_the_address():
    text = "Readers can write to the desk at news@example.org with corrections about the Baghdad talks."
    assert kinds_of(text) == {"news@example.org": "email"}


def test_quoted_tweet_and_its_attribution_are_an_embed():
    tweet = "Great call with @POTUS on our partnership https://t.co/abc123"
    attribution = "Mustafa Al-Kadhimi (@MAKadhimi) February 24, 2021"
    text = ARTICLE + "\n" + tweet + "\n\n" + attribution + "\n\n" + ARTICLE
    assert kinds_of(text) == {tweet: "embed", attribution: "embed"}


def test_bulleted_list_inside_the_article_is_kept_but_headline_links_at_the_end_are_not():
    bullets = "* American Friends Service Committee\n* Environmental Defense Fund\n* National Wildlife Federation\n"
    links = "Stocks Rally As Oil Prices Fall Sharply\nCelebrity Chef Opens New Restaurant In Paris\n" \
            "Five Things To Watch At The Film Festival\n"
    text = ARTICLE + "The groups that signed the letter:\n" + bullets + ARTICLE + links
    removed = kinds_of(text)
    assert not any(line.startswith("*") for line in removed)
    assert [kind for kind in removed.values()] == ["headline_list"] * 3


def test_byline_in_header_next_to_the_date_but_a_title_case_title_is_kept():
    text = "Iraq Signs Deal With Iran\nJuly 9, 2021\nSarah Lee\n\n" + ARTICLE
    segments, kinds = classify_lines(text)
    verdicts = {s.text: k for s, k in zip(segments, kinds)}
    assert verdicts["Sarah Lee"] == "byline"
    assert verdicts["Iraq Signs Deal With Iran"] is None
    assert verdicts["July 9, 2021"] is None  # the date is metadata the date finder reads


def test_removed_spans_point_into_the_original_text():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for span in find_removed(text):
            piece = text[span.start:span.end]
            assert piece and piece == piece.strip(), (path.name, span)


def test_a_one_line_text_is_never_furniture():
    assert find_removed("Rebels attacked the convoy near Mosul (Reuters)") == []
    assert kinds_of("Write to desk@example.org") == {"desk@example.org": "email"}
