"""The actor dictionary: time-aware codes, surname rules, user files (YAML and CSV) that override."""

from __future__ import annotations

import pytest

from dyads.actors.dictionary import ActorFileError, build_dictionary, load_user_file
from dyads.actors.names import parse_person


@pytest.fixture(scope="module")
def shipped():
    return build_dictionary()


def person(dictionary, text, date):
    return dictionary.find_person(parse_person(text, dictionary.strip_words), date)


def test_codes_follow_the_date(shipped):
    merkel = person(shipped, "Angela Merkel", "2019-06-01")
    assert merkel.code_at("2019-06-01").code == "DEUGOV"
    assert merkel.code_at("2023-01-01").code == "DEUELI"  # after her last office: a former official
    taliban = shipped.find_org("Taliban")
    assert taliban.code_at("2002-05-01").code == "AFGREB"
    assert taliban.code_at("2022-05-01").code == "AFGGOV"


def test_leaders_of_earlier_decades_are_listed_with_their_dates(shipped):
    # archives reach back before 2000: GSR and CAMEO-era news name Cold War leaders
    thatcher = person(shipped, "Margaret Thatcher", "1985-03-01")
    assert thatcher.code_at("1985-03-01").code == "GBRGOV"
    assert person(shipped, "Mikhail Gorbachev", "1987-12-08").code_at("1987-12-08").code == "RUSGOV"


def test_a_spelling_the_file_does_not_list_still_finds_the_person(shipped):
    entry = person(shipped, "Mustafa Al-Kazimi", "2021-02-01")  # not among the listed aliases
    assert entry is not None and entry.name == "Mustafa al-Kadhimi"
    assert "Mustafa Al-Kazimi" not in entry.aliases


def test_a_bare_surname_finds_only_someone_in_office(shipped):
    assert person(shipped, "Kadhimi", "2021-02-01").name == "Mustafa al-Kadhimi"
    assert person(shipped, "Allawi", "2021-02-01") is None  # Ayad Allawi held no office in 2021
    assert person(shipped, "Coles", "2022-01-01") is None  # not Kallas: the vowels differ


def test_a_surname_the_entry_lists_as_a_name_alone_finds_its_one_bearer_out_of_office(shipped):
    # "Reagan and Gorbachev first met in Geneva": both entries list the surname as an alias
    assert person(shipped, "Reagan", "2026-01-01").name == "Ronald Reagan"
    assert person(shipped, "Gorbachev", None).name == "Mikhail Gorbachev"


def test_organizations_by_alias_and_acronym(shipped):
    assert shipped.find_org("Daesh").name == "Islamic State"
    assert shipped.find_org("IS").name == "Islamic State"
    assert shipped.find_org("is") is None  # acronyms match in capitals only
    assert shipped.find_org("Hashd al-Shaabi").name == "Popular Mobilization Forces"
    assert shipped.find_org("Iraqi Hezbollah Brigades").name == "Kataib Hezbollah"


def test_user_yaml_overrides_the_shipped_entry(write):
    path = write("actors.yaml", """
actors:
  - name: Ayad Allawi
    variants: [Allawi, Iyad Allawi]
    kind: PERSON
    country: IRQ
    roles:
      - {role: adviser, sector: GOV, start: 2020-01-01, end: null}
""")
    dictionary = build_dictionary((str(path),))
    entry = person(dictionary, "Iyad Allawi", "2021-02-01")
    assert entry.user and entry.code_at("2021-02-01").code == "IRQGOV"
    assert person(dictionary, "Allawi", "2021-02-01") is entry  # the user's one-word variant


def test_user_csv_rows_are_roles_of_one_actor(write):
    path = write("actors.csv", "name,variants,kind,country,sector,role,start,end\n"
                               "Karim Salman,K. Salman|Kareem Salman,PERSON,IRQ,GOV,finance minister,2020-05-07,2022-10-27\n"
                               "Karim Salman,,PERSON,IRQ,ELI,former minister,2022-10-28,\n")
    [entry] = load_user_file(path)
    assert entry.aliases == ["K. Salman", "Kareem Salman"]
    assert entry.code_at("2021-01-01").code == "IRQGOV"
    assert entry.code_at("2023-01-01").code == "IRQELI"


def test_a_user_file_can_replace_the_shipped_dictionary(write):
    path = write("only.yaml", "use_shipped: false\nactors:\n  - {name: Gondor Army, country: GON, sector: MIL}\n")
    dictionary = build_dictionary((str(path),))
    assert dictionary.find_org("Islamic State") is None
    assert dictionary.find_org("Gondor Army").code_at(None).code == "GONMIL"


@pytest.mark.parametrize("content,code", [(None, "E204"), ("actors: {name: x}\n", "E205"),
                                          ("actors:\n  - {country: IRQ}\n", "E205"), (": : bad", "E205")])
def test_bad_user_files_are_refused_with_a_code(write, tmp_path, content, code):
    path = write("bad.yaml", content) if content is not None else tmp_path / "missing.yaml"
    with pytest.raises(ActorFileError, match=rf"\[{code}\]"):
        load_user_file(path)


def test_the_shipped_resources_are_well_formed(shipped):
    from dyads.actors.dictionary import shipped_entries
    from dyads.actors.sectors import SECTOR_CODES

    supranational = {"UNO", "EUR", "IGO", "NGO"}
    for entry in shipped_entries():
        assert entry.name
        assert entry.country is None or len(entry.country) == 3, entry.name
        for role in entry.roles:
            assert role.sector in SECTOR_CODES, (entry.name, role)
            assert not (role.start and role.end and role.start > role.end + "z"), (entry.name, role)
            assert role.country is None or len(role.country) == 3 or role.country in supranational
        if not entry.is_person:
            assert entry.sector in SECTOR_CODES, entry.name
