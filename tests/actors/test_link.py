"""In-document linking: names, variants, roles, states, groups, pronouns and generic agents."""

from __future__ import annotations

from tests.actors.conftest import entity_of


def test_variants_and_surnames_join_the_full_name(link_text):
    result = link_text("Finance Minister Hamid Abdel-Razzaq arrived in Kuwait on Monday. Abdul-Razzaq said the "
                       "talks went well. Hamid Abdul Razak will return on Friday.")
    ids = {entity_of(result, t).entity_id for t in ("Hamid Abdel-Razzaq", "Abdul-Razzaq", "Hamid Abdul Razak")}
    assert len(ids) == 1


def test_two_people_of_one_surname_stay_apart_and_the_bare_surname_is_not_guessed(link_text):
    result = link_text("Finance Minister Ali Jawadi met the adviser Hussein Jawadi in Baghdad. "
                       "Jawadi said the budget was ready.")
    ali, hussein = entity_of(result, "Ali Jawadi"), entity_of(result, "Hussein Jawadi")
    assert ali.entity_id != hussein.entity_id
    bare = entity_of(result, "Jawadi")
    assert bare.entity_id not in (ali.entity_id, hussein.entity_id)


def test_roles_from_titles_and_appositions(link_text):
    result = link_text("Iraqi Finance Minister Karim Wadi met Zaid Hamdan, a former intelligence chief, and the "
                       "spokesman for the Popular Mobilization Forces, Jaafar Naji, in Baghdad.")
    assert entity_of(result, "Karim Wadi").code == "IRQGOV"
    former = entity_of(result, "Zaid Hamdan")
    assert former.sector == "ELI" and any(r.former for r in former.roles)
    assert entity_of(result, "Jaafar Naji").code == "IRQPRM"
    role = next(r for r in entity_of(result, "Karim Wadi").roles if r.evidence and r.evidence.get("doc_id"))
    assert role.start_date == "2021-03-01" and role.evidence["text"] == "Iraqi Finance Minister"


def test_states_capitals_and_groups(link_text):
    result = link_text("Washington warned Tehran on Tuesday. Daesh fighters attacked a village, and the Hashd "
                       "sent reinforcements. Protesters gathered in Baghdad.")
    assert entity_of(result, "Washington").code == "USAGOV"
    assert entity_of(result, "Tehran").code == "IRNGOV"
    assert entity_of(result, "Daesh").name == "Islamic State"
    assert entity_of(result, "Hashd").code == "IRQPRM"
    baghdad = next(m for m in result.mentions if m.text == "Baghdad")
    assert baghdad.entity_id is None  # "in Baghdad" is a place


def test_pronouns_and_descriptors(link_text):
    result = link_text("Prime Minister Adnan Rikabi arrived in Cairo. The premier will meet business leaders. "
                       "He said trade would grow. Saudi officials welcomed him. Riyadh said the Kingdom would "
                       "invest.")
    rikabi = entity_of(result, "Adnan Rikabi").entity_id
    refs = {m.text: m.entity_id for m in result.mentions if m.method in ("pronoun", "descriptor")}
    assert refs.get("He") == rikabi and refs.get("him") == rikabi and refs.get("premier") == rikabi
    assert entity_of(result, "Kingdom").country == "SAU"


def test_a_pronoun_with_no_person_in_reach_stays_unresolved(link_text):
    result = link_text("The storm passed in the night. He said nothing.")
    assert not [m for m in result.mentions if m.method == "pronoun"]


def test_generic_agents_are_coded_mentions(link_text):
    result = link_text("Iraqi soldiers clashed with paramilitaries near Mosul while Turkish officials watched.")
    codes = {m.text: e.code for m in result.mentions if m.kind == "NOMINAL"
             for e in result.entities if e.entity_id == m.entity_id}
    assert codes.get("Iraqi soldiers") == "IRQMIL"
    assert codes.get("paramilitaries") == "PRM"
    assert codes.get("Turkish officials") == "TURGOV"


def test_handles_join_the_person(link_text):
    result = link_text("President Jomo Kariuki (@JKariuki) called his rival.")
    assert entity_of(result, "@JKariuki").entity_id == entity_of(result, "Jomo Kariuki").entity_id


def test_an_undated_text_is_dated_by_the_titles_it_gives(link_text):
    # Kadhimi was prime minister from 2020 to 2022: Biden is then president, not a former official
    result = link_text("Iraqi Prime Minister Mustafa al-Kadhimi spoke with Joe Biden.", date=None)
    assert entity_of(result, "Joe Biden").code == "USAGOV"


def test_a_bare_surname_under_a_title_takes_the_country_of_the_listed_holders(link_text):
    result = link_text("President Bush threatened further action.")
    assert entity_of(result, "Bush").country == "USA"


def test_a_group_the_ner_takes_for_a_person_is_found_in_the_dictionary(link_text):
    result = link_text("Kataib Hezbollah rejected the talks.")
    assert entity_of(result, "Kataib Hezbollah").code == "IRQPRM"


def test_an_unlisted_association_is_non_governmental(link_text):
    result = link_text("The Iraqi Forum for Dialogue condemned the arrests.")
    entity = entity_of(result, "The Iraqi Forum for Dialogue")
    assert entity.sector == "NGO"
    assert entity.country in ("IRQ", "NGO")
