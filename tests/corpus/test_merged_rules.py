"""When two event mentions are one real-world event (no store, no models)."""

from __future__ import annotations

import numpy as np

from dyads.corpus.merged import Mention, compatible, joins, shares
from dyads.corpus.stories import same_story
from dyads.corpus.vectors import aligned_sentences, name_key

IRAQ = {"text": "Iraq", "entity_id": "e-irq", "code": "IRQ", "country": "IRQ", "sector": None}
BAGHDAD = {"text": "Baghdad", "entity_id": "e-bgd", "code": "IRQGOV", "country": "IRQ", "sector": "GOV"}
WASHINGTON = {"text": "Washington", "entity_id": "e-was", "code": "USAGOV", "country": "USA", "sector": "GOV"}
RIYADH = {"text": "Riyadh", "entity_id": "e-riy", "code": "SAUGOV", "country": "SAU", "sector": "GOV"}
KADHEMI = {"text": "Kadhemi", "entity_id": "e-1", "code": None, "country": None, "sector": None}
AL_KAZEMI = {"text": "Al-Kazemi", "entity_id": "e-2", "code": None, "country": None, "sector": None}


def mention(event="CONSULT", actors=(), recipients=(), doc="d1", story="s1", date=None, status="occurred", mid=None):
    return Mention(f"v-{doc}-{len(actors)}-{len(recipients)}", doc, story, event, status, date, list(actors),
                   list(recipients), mid)


def test_same_type_and_shared_recipient_in_one_story_is_one_event():
    a = mention(actors=[KADHEMI], recipients=[WASHINGTON], doc="d1")
    b = mention(actors=[], recipients=[WASHINGTON], doc="d2")
    assert compatible(a, b) and shares(a, b)


def test_other_spelling_of_a_name_is_the_same_participant():
    a = mention(actors=[KADHEMI], recipients=[RIYADH], doc="d1")
    b = mention(actors=[AL_KAZEMI], recipients=[RIYADH], doc="d2")
    assert compatible(a, b) and shares(a, b)
    assert name_key("Mustafa al-Kadhimi") == name_key("Al-Kazemi") == name_key("Kadhemi")
    assert name_key("Ihssan Al-Shammari") == name_key("Ihsan al-Shammari")


def test_a_state_agrees_with_its_government():
    a = mention(recipients=[IRAQ, WASHINGTON])
    b = mention(actors=[BAGHDAD], recipients=[WASHINGTON], doc="d2")
    assert compatible(a, b)


def test_different_type_status_or_participants_are_different_events():
    base = mention(actors=[KADHEMI], recipients=[WASHINGTON])
    assert not compatible(base, mention(event="COOPERATE", actors=[KADHEMI], recipients=[WASHINGTON], doc="d2"))
    assert not compatible(base, mention(actors=[KADHEMI], recipients=[WASHINGTON], status="future", doc="d2"))
    assert not compatible(base, mention(actors=[KADHEMI], recipients=[RIYADH], doc="d2"))


def test_different_stories_merge_only_on_a_shared_date():
    a = mention(actors=[KADHEMI], recipients=[WASHINGTON], story="s1")
    b = mention(actors=[KADHEMI], recipients=[WASHINGTON], story="s2", doc="d2")
    assert not compatible(a, b)
    a.date, b.date = "2021-04-07", "2021-04-08"
    assert compatible(a, b)
    b.date = "2021-04-12"
    assert not compatible(a, b)


def test_symmetric_types_match_either_way_round():
    a = mention(actors=[IRAQ], recipients=[WASHINGTON])
    b = mention(actors=[WASHINGTON], recipients=[IRAQ], doc="d2")
    assert compatible(a, b) and shares(a, b)
    assert not compatible(mention("ASSAULT", [IRAQ], [WASHINGTON]), mention("ASSAULT", [WASHINGTON], [IRAQ], "d2"))


def test_mentions_without_participants_never_merge():
    assert not compatible(mention(), mention(doc="d2"))


def test_a_mention_must_agree_with_every_member_so_no_chains_form():
    tour = mention(actors=[], recipients=[RIYADH], mid="m1")
    bridge = mention(actors=[KADHEMI], recipients=[RIYADH, WASHINGTON], doc="d2", mid="m1")
    talks = mention(actors=[], recipients=[WASHINGTON], doc="d3")
    assert compatible(talks, bridge) and not compatible(talks, tour)
    assert not joins(talks, [tour, bridge])
    assert joins(mention(actors=[KADHEMI], recipients=[RIYADH], doc="d4"), [tour, bridge])


def test_sentence_alignment_decides_a_story_and_names_gate_it():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(10, 16))
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    retold = base + rng.normal(scale=0.05, size=base.shape)
    retold /= np.linalg.norm(retold, axis=1, keepdims=True)
    unrelated = rng.normal(size=(10, 16))
    unrelated /= np.linalg.norm(unrelated, axis=1, keepdims=True)
    assert aligned_sentences(base, retold, 0.65) == 10
    assert same_story(base, retold, {"kzm"}, {"kzm", "bdn"})
    assert not same_story(base, retold, {"kzm"}, {"trmp"})  # same words, other actors: another story
    assert not same_story(base, unrelated, {"kzm"}, {"kzm"})


def test_corpus_stages_run_duplicates_then_stories_then_actors_then_merged_events():
    from dyads.corpus import CORPUS_STAGES
    from dyads.stages import load_builtin_stages

    load_builtin_stages()  # this module imported merged and stories first: order must not depend on that
    names = [n for n in CORPUS_STAGES if n.startswith("dyads.corpus.")]
    assert names == ["dyads.corpus.dedup.v1", "dyads.corpus.stories.v1", "dyads.corpus.actors.v1",
                     "dyads.corpus.merged.v1"]
