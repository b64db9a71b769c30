"""Actors and recipients from the parse: passive, compound, reciprocal, possessive, prepositional, control."""

from __future__ import annotations

import pytest

from dyads.events.train import Example, prepare


def candidate(resources, text: str, trigger: str, event: str):
    [plans] = prepare([Example("t", text, event)], resources)
    for plan in plans:
        for s in plan.scored:
            if s.cand.token.text == trigger and s.event == event:
                return s
    found = [(s.cand.token.text, s.event) for p in plans for s in p.scored]
    raise AssertionError(f"no {event} candidate on {trigger!r}; candidates: {found}")


def countries(participants) -> list:
    return [p.country for p in participants]


def test_passive_voice_swaps_roles(resources):
    s = candidate(resources, "The Iraqi prime minister was criticized by Iran.", "criticized", "ACCUSE")
    assert countries(s.actors) == ["IRN"]
    assert countries(s.recipients) == ["IRQ"]


def test_compound_actor_list(resources):
    s = candidate(resources, "Iraq and Iran agreed to expand trade in electricity.", "agreed", "AGREE")
    assert sorted(countries(s.actors)) == ["IRN", "IRQ"]


def test_meeting_is_reciprocal_both_actors_no_recipient(resources):
    s = candidate(resources, "Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran.",
                  "met", "CONSULT")
    assert sorted(countries(s.actors)) == ["IRN", "IRQ"]
    assert s.recipients == []


def test_possessive_forces_give_the_country(resources):
    s = candidate(resources, "Turkey's forces attacked Kurdish positions in northern Syria.", "attacked", "ASSAULT")
    assert countries(s.actors) == ["TUR"]


def test_prepositional_recipient_of_an_event_noun(resources):
    s = candidate(resources, "Iranian-backed militias launched rocket attacks on Israel.", "attacks", "ASSAULT")
    assert countries(s.recipients) == ["ISR"]


def test_nationality_modifier_of_an_event_noun_is_the_actor(resources):
    s = candidate(resources, "Israeli air strikes on Gaza killed twelve people.", "strikes", "ASSAULT")
    assert countries(s.actors) == ["ISR"]
    assert countries(s.recipients) == ["PSE"]


def test_object_control_the_urged_party_acts(resources):
    s = candidate(resources, "The United States urged Israel to halt the offensive.", "urged", "REQUEST")
    assert countries(s.actors) == ["USA"]
    assert countries(s.recipients) == ["ISR"]


def test_relative_pronoun_takes_its_antecedent(resources):
    s = candidate(resources, "Syria, which attacked Turkish troops last week, denied the report.", "attacked",
                  "ASSAULT")
    assert countries(s.actors) == ["SYR"]
    assert countries(s.recipients) == ["TUR"]


def test_modal_demand_in_reported_speech_is_a_request(resources):
    s = candidate(resources, "France said Iran must release the detained teacher.", "said", "REQUEST")
    assert countries(s.actors) == ["FRA"]
    assert countries(s.recipients) == ["IRN"]


@pytest.mark.parametrize("text,trigger,event", [
    ("The weather in Paris was mild and sunny.", None, None),
])
def test_no_candidate_without_a_trigger(resources, text, trigger, event):
    [plans] = prepare([Example("t", text, None)], resources)
    assert all(not p.scored for p in plans)
