"""The annotate stage's repairs to the spaCy pipeline."""

from __future__ import annotations

from dyads.annotate.lemmas import repair_lemma

VERBS = frozenset({"stage", "wage", "fine", "ban", "deplore", "carry", "shell"})


def test_a_misread_verb_lemma_is_moved_to_the_vocabulary_form():
    assert repair_lemma("staged", "stag", VERBS) == "stage"
    assert repair_lemma("waging", "wag", VERBS) == "wage"
    assert repair_lemma("banned", "bann", VERBS) == "ban"
    assert repair_lemma("deploring", "deploring", VERBS) == "deplore"
    assert repair_lemma("carried", "carri", VERBS) == "carry"


def test_a_prefixed_irregular_verb_is_found_through_its_base():
    irregular = {"took": ["take"], "ran": ["run"]}
    assert repair_lemma("retook", "retook", VERBS | {"retake"}, irregular) == "retake"
    assert repair_lemma("outran", "outran", VERBS, irregular) == "outran"  # "outrun" is no event word


def test_a_lemma_already_known_or_with_no_known_form_is_kept():
    assert repair_lemma("shelled", "shell", VERBS) == "shell"
    assert repair_lemma("bored", "bore", VERBS) == "bore"  # no vocabulary form: left as spaCy read it


def test_the_loaded_pipeline_repairs_lemmas(nlp):
    doc = nlp("Nurses staged a rally and rebels waged war.")
    assert {t.text: t.lemma_ for t in doc}["staged"] == "stage"
    assert {t.text: t.lemma_ for t in doc}["waged"] == "wage"
    assert {t.text: t.lemma_ for t in nlp("Syrian troops retook the town.")}["retook"] == "retake"
