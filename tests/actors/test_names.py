"""The general name matcher: transliteration variants merge, different people stay apart.

The names here are not looked up in any dictionary: only names.py decides.
"""

from __future__ import annotations

import pytest

from dyads.actors.entity import same_actor
from dyads.actors.names import compare_names, handle_matches, parse_person, skeletons
from dyads.actors.sectors import load_title_words

STRIP = load_title_words()


def p(text):
    return parse_person(text, STRIP)


@pytest.mark.parametrize("a,b", [
    ("Kazemi", "Kadhimi"), ("Kathimi", "Kazimi"), ("Qassem", "Kasem"), ("Ihssan", "Ihsan"),
    ("Soleimani", "Suleimani"), ("Mohammed", "Muhammad"), ("Youssef", "Yusuf"), ("Sahhaf", "Sahaf"),
])
def test_spelling_variants_share_a_skeleton(a, b):
    assert set(skeletons(a.lower())) & set(skeletons(b.lower()))


@pytest.mark.parametrize("a,b,how", [
    ("Yousef al-Qaraghouli", "Yusuf Qaraghuli", "exact"),          # ou/u, article dropped
    ("Hamid Abdel-Razzaq", "Hamid Abdul Razak", "exact"),          # Abdel/Abdul, zz/z, q/k
    ("Sheikh Jamal al-Dhari", "Jamal Al-Dari", "exact"),          # honorific, dh/d
    ("Abu Ali al-Basri", "Abou Ali Basri", "exact"),               # kunya
    ("Youssef Chahine", "Yusuf Shahin", "exact"),                  # French transliteration
    ("Dmitry Medvedchuk", "Dmitri Medvedchuk", "exact"),          # Slavic profile
    ("Aleksandr Bortnikov", "Alexander Bortnikov", "exact"),
    ("Nouri Kamel al-Maliki", "Nuri al-Maliki", "full"),           # a middle name missing
    ("Obaidi", "Khaled al-Obeidi", "surname"),                     # a surname alone
    ("Abdul-Razzaq", "Hamid Abdel-Razzaq", "surname"),
])
def test_variants_of_names_in_no_gazetteer_match(a, b, how):
    assert compare_names(p(a), p(b)) == how


@pytest.mark.parametrize("a,b", [
    ("Ali Allawi", "Hussein Allawi"),          # same surname, different given names
    ("George W. Bush", "George H. W. Bush"),   # different middle initials
    ("Jaafar al-Husseini", "Jaafar Hussein"),  # Husseini is not Hussein
    ("Ali Hassan", "Alaa Hassan"),             # short names keep their vowels
    ("Mahmoud Abbas", "Mahmoud Abbasi"),
    ("Adel Abdel-Mahdi", "Adel Abdel-Hadi"),
    ("Ibrahim", "Ibrahim al-Jaafari"),         # a given name alone is not the surname
    ("Hassan", "Hussein"),
])
def test_different_people_do_not_match(a, b):
    assert compare_names(p(a), p(b)) is None


def test_a_bare_surname_keeps_its_vowel_classes_where_it_must():
    # "Coles" and "Kallas" share a consonant skeleton; a surname alone against a name from elsewhere
    # (the dictionary, the corpus) is compared strictly
    assert compare_names(p("Coles"), p("Kaja Kallas"), strict=True) is None
    assert compare_names(p("Kazemi"), p("Mustafa al-Kadhimi"), strict=True) == "surname"


def test_country_and_sector_guards():
    assert not same_actor(p("Ahmed Saleh"), p("Ahmed Saleh"), "YEM", "IRQ")
    assert not same_actor(p("Omar Farouk"), p("Omar Farouk"), a_sector="JRN", b_sector="MIL")
    assert same_actor(p("Omar Farouk"), p("Omar Farouk"), a_sector="GOV", b_sector="ELI")
    assert same_actor(p("Nasser al-Rubaie"), p("Nasser Al-Rubaie"), "IRQ", None)


def test_particles_titles_and_possessives_are_not_name_words():
    assert [t.key for t in p("Dr. Mustafa Al-Kazemi's").tokens] == ["mustafa", "kazemi"]
    assert [t.key for t in p("Adel Abd al-Mahdi").tokens] == ["adel", "abdmahdi"]
    assert [t.key for t in p("Mohammed bin Salman").tokens] == ["mohammed", "salman"]
    assert [t.key for t in p("Ursula von der Leyen").tokens] == ["ursula", "vonderleyen"]


def test_handles_match_the_name_they_spell():
    assert handle_matches("@MAKadhimi", p("Mustafa Al-Kazemi"))
    assert handle_matches("@JoeBiden", p("Joe Biden"))
    assert not handle_matches("@last_knights_iq", p("Joe Biden"))
    assert not handle_matches("@JoeBiden", p("Hunter Smith"))


def test_the_name_pair_gold_set():
    from dyads.evaluation.actors import evaluate_names

    report = evaluate_names()
    assert report.n >= 50
    assert report.accuracy >= 0.9, report.failures
    assert report.precision >= 0.9, report.failures
