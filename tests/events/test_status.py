"""Status rules (events/status.py) on the parse: the trigger's status, including the traps."""

from __future__ import annotations

import pytest

from dyads.events.status import event_status, event_year, is_refusal


def trigger_token(nlp, text: str, word: str):
    doc = nlp(text)
    for token in doc:
        if token.text == word:
            return token
    raise AssertionError(f"{word!r} not in {text!r}")


@pytest.mark.parametrize("text,word,event,expected", [
    # occurred, including the traps
    ("Not a day goes by without a rocket attack on US troops, an official said.", "attack", "ASSAULT", "occurred"),
    ("Iraqi factions did not hide their dissatisfaction with the decision.", "dissatisfaction", "ACCUSE",
     "occurred"),
    ("The militia commander threatened to attack US bases if the strikes continued.", "threatened", "THREATEN",
     "occurred"),
    ("Russian jets bombed rebel positions near Idlib on Sunday, officials said.", "bombed", "ASSAULT", "occurred"),
    ("The ceasefire did not prevent sporadic shelling of villages overnight.", "shelling", "ASSAULT", "occurred"),
    # negated
    ("Iraqi officials said there were no attacks on Riyadh from Iraq.", "attacks", "ASSAULT", "negated"),
    ("Turkey did not attack the Kurdish fighters.", "attack", "ASSAULT", "negated"),
    ("The minister said he had never met the rebel leader.", "met", "CONSULT", "negated"),
    ("Police made no arrests during the demonstration.", "arrests", "COERCE", "negated"),
    ("The two ministers failed to meet in Jakarta as planned.", "meet", "CONSULT", "negated"),
    ("Police have yet to arrest anyone in connection with the killing.", "arrest", "COERCE", "negated"),
    ("The government has so far refrained from imposing sanctions on the oil companies.", "imposing", "SANCTION",
     "negated"),
    # hypothetical
    ("The EU could impose sanctions on the officials if the crackdown continues, diplomats said.", "impose",
     "SANCTION", "hypothetical"),
    ("If Russian forces were to cross into Moldova, NATO would face a crisis.", "cross", "ASSAULT", "hypothetical"),
    ("The army may deploy troops to the capital if the protests turn violent.", "deploy", "MOBILIZE",
     "hypothetical"),
    ("Should the talks fail, dockworkers could strike again in October.", "strike", "PROTEST", "hypothetical"),
    # future
    ("Opposition supporters will march on the presidential palace on Saturday.", "march", "PROTEST", "future"),
    ("The Taiwanese army is scheduled to begin its annual drills next month.", "begin", "MOBILIZE", "future"),
    ("The government is to lift the state of emergency next week.", "lift", "CONCEDE", "future"),
    ("Washington is set to impose new sanctions on Chinese banks.", "impose", "SANCTION", "future"),
    ("The defence ministry announced that it would withdraw its troops by the end of the year.", "withdraw",
     "RETREAT", "future"),
    # claimed
    ("Saudi officials were quoted as saying the drones were launched from Iraq.", "launched", "ASSAULT", "claimed"),
    ("Israeli jets reportedly struck a weapons depot near Damascus overnight.", "struck", "ASSAULT", "claimed"),
    ("Security forces allegedly tortured detainees at a secret facility.", "tortured", "ASSAULT", "claimed"),
    ("North Korea is said to have sent thousands of troops to Russia.", "sent", "MOBILIZE", "claimed"),
    ("According to unconfirmed reports, the fighters killed dozens of civilians.", "killed", "ASSAULT", "claimed"),
    ("He denied that his forces had shelled the village.", "shelled", "ASSAULT", "claimed"),
    # historical
    ("In 2003, US-led forces invaded Iraq and toppled Saddam Hussein.", "invaded", "ASSAULT", "historical"),
    ("The cleric, who called 18 years ago on his followers to take up arms, is now a deputy.", "called", "REQUEST",
     "historical"),
    ("Decades ago, the two countries agreed to share the waters of the Indus.", "agreed", "AGREE", "historical"),
    ("During the 1979 revolution, militant students seized the US embassy in Tehran.", "seized", "ASSAULT",
     "historical"),
])
def test_status(nlp, text, word, event, expected):
    assert event_status(trigger_token(nlp, text, word), event, reference_year=2021) == expected


def test_recent_year_is_not_historical(nlp):
    token = trigger_token(nlp, "In January 2021, protesters marched in Baghdad.", "marched")
    assert event_status(token, "PROTEST", reference_year=2021) == "occurred"
    assert event_status(token, "PROTEST", reference_year=2030) == "historical"


def test_a_year_dating_a_noun_deep_in_the_clause_does_not_date_the_event(nlp):
    text = ("A Peruvian judge ordered the former minister to appear next week for questioning in an inquiry into "
            "illegal arms purchases in the 1990s.")
    assert event_status(trigger_token(nlp, text, "ordered"), "REQUEST", reference_year=2021) == "occurred"
    text = "The bombing of the embassy in 1998 killed 200 people."  # the year on the subject still dates it
    assert event_status(trigger_token(nlp, text, "killed"), "ASSAULT", reference_year=2021) == "historical"


def test_the_year_of_an_event_is_the_one_its_own_clause_gives(nlp):
    assert event_year(trigger_token(nlp, "In 1974, Gerald Ford pardoned Richard Nixon.", "pardoned")) == 1974
    assert event_year(trigger_token(nlp, "The talks have stalled since 2019.", "talks")) is None


def test_refusal_is_told_from_a_negated_fact(nlp):
    assert is_refusal(trigger_token(nlp, "Syria says it will not accept any more refugees.", "accept"))
    assert not is_refusal(trigger_token(nlp, "The rebels did not withdraw from Goma.", "withdraw"))
