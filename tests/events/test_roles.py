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


def test_a_date_is_no_recipient_and_the_complement_clause_gives_one(resources):
    s = candidate(resources, "Turkey threatened on Sunday to cut diplomatic ties with Israel.", "threatened",
                  "THREATEN")
    assert countries(s.recipients) == ["ISR"]
    s = candidate(resources, "Egypt demanded on Friday that Israel withdraw its forces.", "demanded", "REQUEST")
    assert countries(s.recipients) == ["ISR"]


def test_the_named_modifier_of_a_rejected_proposal_is_the_recipient(resources):
    s = candidate(resources, "Ankara rejected a French proposal for new talks.", "rejected", "REJECT")
    assert countries(s.recipients) == ["FRA"]


def test_what_is_handed_over_carries_the_recipient(resources):
    s = candidate(resources, "Egyptian intelligence officials shared evidence with Jordan about the plot.",
                  "shared", "COOPERATE")
    assert countries(s.recipients) == ["JOR"]


def test_a_mediator_acts_and_the_parties_between_are_recipients(resources):
    s = candidate(resources, "Qatar launched a mediation effort between Sudan and Chad.", "mediation", "CONSULT")
    assert countries(s.actors) == ["QAT"]
    assert sorted(countries(s.recipients)) == ["SDN", "TCD"]


def test_a_country_the_ner_misses_or_misspells_is_still_coded(resources):
    s = candidate(resources, "Afganistan rejected the plan of the neighbours.", "rejected", "REJECT")
    assert countries(s.actors) == ["AFG"]


def test_an_anti_country_modifier_is_not_the_country(resources):
    s = candidate(resources, "Gunmen shot dead an anti-Russia blogger on Monday.", "shot", "ASSAULT")
    assert "RUS" not in countries(s.recipients)


def test_a_possessive_pronoun_of_the_object_is_the_subject(resources):
    s = candidate(resources, "Kenyan teachers continued their strike over pay.", "strike", "PROTEST")
    assert countries(s.actors) == ["KEN"]


def test_an_apposition_codes_an_unknown_name(resources):
    s = candidate(resources, "Ahmed Ould Tolba, the United Nations envoy, urged the rebels to disarm.", "urged",
                  "REQUEST")
    assert countries(s.actors) == ["UNO"]


def test_a_group_without_a_country_takes_the_sentence_place(resources):
    s = candidate(resources, "Two bombers killed 30 people when they blew themselves up in Baghdad.", "killed",
                  "ASSAULT")
    assert "IRQ" in countries(s.recipients)


def test_a_possessed_thing_is_no_participant_but_possessed_troops_are(resources):
    s = candidate(resources, "Iraq refused the use of its lands for attacks on Kuwait.", "refused", "REJECT")
    assert all("lands" not in p.text for p in s.recipients)
    s = candidate(resources, "Syria said it was ready to withdraw its troops from Lebanon.", "withdraw", "RETREAT")
    assert "SYR" in countries(s.recipients) + countries(s.actors)


def test_a_verb_the_lemmatizer_misreads_still_lends_its_subject(resources):
    # spaCy's rule lemmatizer reads "staged" as "stag" and "waged" as "wag"; the light verb must still count
    s = candidate(resources, "Striking Kenyan nurses staged a rally outside parliament.", "rally", "PROTEST")
    assert countries(s.actors) == ["KEN"]


def test_a_group_led_from_a_country_has_it_and_a_backed_one_does_not(resources):
    s = candidate(resources, "Nigerian-led troops shelled rebel camps near the border.", "shelled", "ASSAULT")
    assert countries(s.actors) == ["NGA"]
    s = candidate(resources, "A Rwandan-backed militia shelled villages near the border.", "shelled", "ASSAULT")
    assert "RWA" not in countries(s.actors)


def test_residents_of_an_occupied_place_take_the_place_not_the_occupier(resources):
    s = candidate(resources, "Palestinians of the Israeli-occupied Gaza Strip staged a strike on Monday.", "strike",
                  "PROTEST")
    assert countries(s.actors) == ["PSE"]


def test_a_participle_before_its_noun_is_no_candidate(resources):
    # "detained journalists", "the Israeli-occupied West Bank": a condition of the noun, not an event
    text = "The families of detained Kenyan journalists appealed to Uganda for their release."
    [plans] = prepare([Example("t", text, None)], resources)
    assert "detained" not in [s.cand.token.text for p in plans for s in p.scored]


def test_the_one_whose_act_is_condemned_is_the_recipient(resources):
    s = candidate(resources, "Ukraine condemned Russia's annexation of Crimea.", "condemned", "ACCUSE")
    assert countries(s.recipients) == ["RUS"]


def test_the_party_a_threat_is_conditioned_on_is_its_recipient(resources):
    s = candidate(resources, "Russia threatened to quit the arms talks if the United States deploys new missiles.",
                  "threatened", "THREATEN")
    assert countries(s.recipients) == ["USA"]


def test_an_event_counted_in_days_or_waves_takes_the_verb_roles(resources):
    s = candidate(resources, "Indian police carried out a wave of arrests against Kashmiri students.", "arrests",
                  "COERCE")
    assert countries(s.actors) == ["IND"]


def test_a_gerund_after_a_preposition_takes_the_subject_of_its_verb(resources):
    s = candidate(resources, "Kashmiri youths resorted to throwing stones at Indian soldiers in Srinagar.",
                  "throwing", "PROTEST")
    assert [a.text for a in s.actors] == ["Kashmiri youths"]
    s = candidate(resources, "The Syrian officer was arrested for attacking a Turkish army post.", "attacking",
                  "ASSAULT")
    assert countries(s.actors) == ["SYR"] and countries(s.recipients) == ["TUR"]


def test_who_died_of_torture_is_its_recipient_and_the_custodian_its_actor(resources):
    s = candidate(resources, "A Kurdish detainee died as a result of torture in Turkish police custody.",
                  "torture", "ASSAULT")
    assert countries(s.actors) == ["TUR"] and [r.text for r in s.recipients] == ["Kurdish detainee"]
    s = candidate(resources, "Two prisoners died of torture in the custody of Egyptian police.", "torture", "ASSAULT")
    assert countries(s.actors) == ["EGY"] and [r.text for r in s.recipients] == ["prisoners"]
