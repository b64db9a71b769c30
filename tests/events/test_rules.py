"""The first event extractor: trigger lexicon + parse give type, actors and recipients."""

from __future__ import annotations

import pytest

from dyads import api


def code_one(text: str) -> list[dict]:
    [out] = api.code([{"id": 1, "text": text}])
    return out["events"]


def find(events, event_type):
    found = [e for e in events if e["event"] == event_type]
    assert found, f"no {event_type} in {[(e['event'], e['trigger']['text']) for e in events]}"
    return found[0]


@pytest.mark.parametrize("text,event_type,actors,recipients", [
    ("Iran accused the United States of violating the deal.", "ACCUSE", ["IRN"], ["USA"]),
    ("Israeli troops attacked Palestinian protesters in Gaza.", "ASSAULT", ["ISR"], ["PSE"]),
    ("Egypt rejected the proposal from Ethiopia.", "REJECT", ["EGY"], []),
    ("Russia threatened Ukraine with retaliation.", "THREATEN", ["RUS"], ["UKR"]),
])
def test_type_actor_and_recipient_countries(text, event_type, actors, recipients):
    event = find(code_one(text), event_type)
    assert [a["country"] for a in event["actors"]] == actors
    assert [r["country"] for r in event["recipients"]][: len(recipients)] == recipients


def test_passive_voice_swaps_roles():
    event = find(code_one("The Iraqi prime minister was criticized by Iran."), "ACCUSE")
    assert [a["country"] for a in event["actors"]] == ["IRN"]
    assert [r["country"] for r in event["recipients"]] == ["IRQ"]


def test_compound_actors_are_one_list():
    event = find(code_one("Iraq and Iran signed an agreement on electricity."), "SUPPORT")
    assert sorted(a["country"] for a in event["actors"]) == ["IRN", "IRQ"]


def test_negated_event_is_marked():
    event = find(code_one("Turkey did not attack the Kurdish fighters."), "ASSAULT")
    assert event["status"] == "negated"


def test_sentence_without_an_event_gives_none():
    assert code_one("The weather in Paris was mild and sunny.") == []
