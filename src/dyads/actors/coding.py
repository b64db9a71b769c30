"""Actor phrase -> code: "Iraqi security forces" -> IRQ COP, "Russia's ambassador to Poland" -> RUS GOV.

One general reader of actor phrases, used for the titles and appositions of names in text
(roles), for generic-agent noun phrases, for `dyads eval actors`, and by anything that
needs a code for a phrase (`code_phrase`). It looks, in order, for:

1. the whole phrase as a known actor: a country, demonym or capital (a capital is the
   government: GOV), an organization, a person (at the date: "Angela Merkel" in 2022 is
   ELI, a former official);
2. otherwise the phrase's parts: a possessive owner ("Chile's", "the company's"), the head
   noun phrase and its prepositional attachments ("of/for X" gives a country and, to a
   title that inherits its sector (spokesman, leader, head), X's sector; "in/from X" gives
   a country only if nothing else does; "to X" gives nothing: an ambassador *to* Poland is
   not Polish), and inside the head: former/future markers, country words ("Iraqi", "US",
   "Somalia-based"), places (a city's or region's country), organization and person names,
   and the agent or title term (agents.yaml, titles.yaml: the longest ending rightmost);
3. commas: "Harry Tseng, Taiwan's deputy foreign minister" codes each part and combines.
"former" makes a state-sector role ELI (the CAMEO / NGEC habit for former officials).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dyads.actors.dictionary import STATE_SECTORS, ActorDictionary, DictEntry, norm_date
from dyads.actors.gazetteer import CountryGazetteer, CountryHit
from dyads.actors.names import name_key, osa_distance, parse_person
from dyads.actors.sectors import SectorLexicon, Term

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "i", "you", "his", "hers", "their"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                         "some", "any", "another", "other", "such", "which"})
QUANTIFIERS = frozenset({"several", "some", "many", "most", "all", "few", "dozens", "hundreds", "thousands", "scores",
                         "members", "member", "part", "none", "each", "both", "majority", "number", "couple",
                         "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
                         "millions", "tens", "group", "groups", "band", "crowd", "crowds", "representatives",
                         "leaders", "elements", "units", "unit", "contingent", "delegation"})
NUMBER = re.compile(r"^\d[\d,.]*$")
PREPOSITIONS = frozenset({"of", "for", "to", "in", "at", "from", "with", "on", "against", "by", "inside", "within",
                          "near", "over", "under", "across", "toward", "towards", "into", "among"})
COUNTRY_PREPS = ("of", "for")  # give a country (and an inherited sector)
WEAK_COUNTRY_PREPS = ("in", "from", "inside", "within", "at", "across")  # give a country only if nothing else
ORDINARY = frozenset({"ordinary", "local", "common", "average"})  # "ordinary Kazakhs" -> CVL
CIVILIAN_WORDS = frozenset({"men", "women", "children", "people", "persons", "man", "woman"})
RELIGION_WORDS = {"jewish": "REL", "muslim": "REL", "christian": "REL", "catholic": "REL", "buddhist": "REL",
                  "hindu": "REL", "islamic": None, "sunni": None, "shiite": None, "shia": None}
MODIFIER_SECTORS = {"congressional": "LEG", "parliamentary": "LEG", "legislative": "LEG", "senate": "LEG",
                    "military": "MIL", "army": "MIL", "naval": "MIL", "police": "COP", "judicial": "JUD",
                    "rebel": "REB", "insurgent": "REB", "opposition": "OPP", "government": "GOV",
                    "governmental": "GOV", "ministerial": "GOV", "diplomatic": "GOV", "intelligence": "SPY",
                    "religious": "REL", "clerical": "REL", "business": "BUS", "corporate": "BUS",
                    "student": "EDU", "academic": "EDU", "medical": "MED", "humanitarian": "NGO",
                    "militia": "PRM", "paramilitary": "PRM", "criminal": "CRM", "labor": "LAB", "labour": "LAB"}
NOT_PLACES = frozenset({"jewish", "muslim", "christian", "arab", "western", "eastern", "northern", "southern",
                        "sunni", "shiite", "shia", "kurdish", "islamic", "royal", "national", "central", "federal",
                        "general", "united", "supreme", "arctic", "president", "minister", "gulf", "east", "west",
                        "north", "south", "middle", "coast", "highlands", "islands", "capital", "mountain", "river",
                        "delta", "lakes", "plateau", "border", "centre", "center", "interior", "atlantic", "pacific",
                        "red", "black", "white", "green", "blue", "new", "upper", "lower", "greater"})
INHERIT_HEADS = frozenset({"president", "chairman", "chairwoman", "chair", "head", "leader", "speaker",
                           "director", "chief", "secretary general", "secretary-general", "member", "members",
                           "spokesman", "spokeswoman", "spokesperson", "official", "officials"})
TOKEN = re.compile(r"[’']s\b|\w+(?:[-.&]\w+|['’](?!s\b)\w+)*\.?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int = 0
    end: int = 0

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def words_of(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


@dataclass(frozen=True, slots=True)
class PhraseCode:
    country: str | None = None
    sector: str | None = None
    sector2: str | None = None
    kind: str | None = None  # STATE, ORG, PERSON, AGENT, PLACE, PRON
    entry: DictEntry | None = None  # the dictionary person or organization it names
    title: str | None = None  # the title or agent term ("prime minister", "security forces")
    former: bool = False
    future: bool = False
    country_how: str | None = None  # demonym, name, capital, org, person, place, owner, of, in, hint
    name: str | None = None  # the person's or organization's name as written
    inherit: bool = False  # the title takes the sector of what it is attached to

    @property
    def code(self) -> str | None:
        return f"{self.country or ''}{self.sector or ''}" or None

    @property
    def empty(self) -> bool:
        return not (self.country or self.sector or self.entry)


EMPTY = PhraseCode()


class PhraseCoder:
    def __init__(self, countries: CountryGazetteer, sectors: SectorLexicon, dictionary: ActorDictionary,
                 places=None):
        self.countries = countries
        self.sectors = sectors
        self.dictionary = dictionary
        self.places = places  # a geo PlaceGazetteer (optional): cities and regions to their country
        self._fuzzy_keys: list[tuple[str, CountryHit]] | None = None

    # -- public ---------------------------------------------------------------------------
    def code_text(self, text: str, date=None, context: str | None = None,
                  known_country: str | None = None) -> PhraseCode:
        """Code an actor phrase; `context`/`known_country`: a country (name or demonym) to fall back on."""
        hint = None
        for extra in (known_country, context):
            if extra and not hint:
                hit = self.countries.lookup(extra) or self._fuzzy_country(extra)
                hint = hit.country if hit else None
        return self.code_words(words_of(text), norm_date(date), hint)

    def code_words(self, words: list[Word], date: str | None = None, hint: str | None = None) -> PhraseCode:
        words = _join_hyphens(words)
        segments = _split(words, ",")
        segments = [s for s in segments if s]
        if not segments:
            return EMPTY
        codes = [self._segment(s, date) for s in segments]
        result = codes[0]
        for other in codes[1:]:
            result = _combine(result, other)
        if hint and not result.country and not result.kind == "PRON" and (result.sector or result.entry is None):
            if result.sector or result.title:
                result = replace(result, country=hint, country_how="hint")
        return result

    # -- one comma-free segment -----------------------------------------------------------
    def _segment(self, words: list[Word], date: str | None) -> PhraseCode:
        words = [w for w in words if w.text not in ('"', "“", "”", "(", ")")]
        core = _strip_front(words)
        if not core:
            return EMPTY
        if len(core) == 1 and core[0].lower in PRONOUNS:
            return PhraseCode(sector="UNK", kind="PRON")
        whole = self._whole(core, date)
        if whole is not None:
            return whole
        # partitives: "members of SANDF", "several of the largest trade unions in Denmark"
        if core[0].lower in QUANTIFIERS or NUMBER.match(core[0].text):
            rest = core[1:]
            if rest and rest[0].lower == "of":
                inner = self._segment(rest[1:], date)
                if not inner.empty:
                    return inner
        head, attachments = _attachments(core)
        owner, head = _possessive(head)
        code = self._head(head, date)
        if owner:
            owned = self._segment(owner, date)
            code = self._with_owner(code, owned)
        for prep, part in attachments:
            attached = self._segment(part, date)
            code = self._attach(code, prep, attached)
        if code.former and (code.sector in STATE_SECTORS or code.sector in (None, "ELI")) and \
                (code.title or code.sector):
            code = replace(code, sector="ELI", sector2=None)
        if code.future and code.sector in STATE_SECTORS:
            code = replace(code, sector="PTY" if code.sector == "GOV" else code.sector)
        return code

    def _whole(self, words: list[Word], date: str | None, person: bool = True) -> PhraseCode | None:
        text = " ".join(w.text for w in words)
        if len(words) <= 6:
            hit = self.countries.lookup(text)
            if hit is not None and (hit.how != "demonym" or len(words) == 1):
                return self._state(hit, text)
            org = self.dictionary.find_org(text)
            if org is not None:
                return self._org(org, date, text)
            if person and any(w.capital for w in words):
                found = self._person(words, date)
                if found is not None and found.sector:
                    return found
            if len(words) == 1 and words[0].capital:
                place = self._place(text, cities=True)
                if place is not None:  # a town as an actor: its people (the NGEC habit)
                    return PhraseCode(place[0], "CVL" if place[1] == "city" else None, kind="PLACE",
                                      country_how="place", name=text)
        return None

    def _state(self, hit: CountryHit, text: str) -> PhraseCode:
        sector = "GOV" if hit.how == "capital" else None
        return PhraseCode(hit.country, sector, kind="STATE", country_how=hit.how, name=text)

    def _org(self, org: DictEntry, date: str | None, text: str) -> PhraseCode:
        coded = org.code_at(date)
        return PhraseCode(coded.country, coded.sector, coded.sector2, kind="ORG", entry=org,
                          country_how="org", name=text)

    def _person(self, words: list[Word], date: str | None) -> PhraseCode | None:
        caps = [w for w in words if w.capital or w.text.lower() in ("al", "el", "bin", "ibn", "de", "van", "von")]
        if len(caps) < len(words) or len(words) > 6:
            return None
        name = parse_person(" ".join(w.text for w in words), self.dictionary.strip_words)
        entry = self.dictionary.find_person(name, date)
        if entry is None:
            return None
        coded = entry.code_at(date)
        return PhraseCode(coded.country, coded.sector, coded.sector2, kind="PERSON", entry=entry,
                          title=coded.role, former=coded.former, country_how="person", name=name.text)

    def _head(self, words: list[Word], date: str | None) -> PhraseCode:
        """The head noun phrase: markers, country words, names and the agent or title term."""
        if not words:
            return EMPTY
        whole = self._whole(words, date, person=False)
        if whole is not None:
            return whole
        former = future = False
        country = country_how = None
        entry: DictEntry | None = None
        name = None
        rest: list[Word] = []
        sector_hint = modifier_sector = None
        i = 0
        while i < len(words):
            word = words[i]
            low = word.lower.strip("-")
            if low in self.sectors.former_markers or low.startswith(("ex-", "former")):
                former = True
                i += 1
                continue
            if low in self.sectors.future_markers or low.endswith("-elect"):
                future = True
                if low.endswith("-elect"):
                    rest.append(Word(word.text[:-6], word.start, word.end - 6))
                i += 1
                continue
            if low in RELIGION_WORDS:
                sector_hint = RELIGION_WORDS[low] or sector_hint
                rest.append(word)
                i += 1
                continue
            if low in ORDINARY:
                sector_hint = sector_hint or "CVL"
            if low in MODIFIER_SECTORS:
                modifier_sector = modifier_sector or MODIFIER_SECTORS[low]
            if word.capital and self._titleish(low):  # "Lt. Gen.", "President", "Dr.": a title, not a name
                rest.append(word)
                i += 1
                continue
            if word.capital or low in ("u.s.", "u.s", "us"):
                span = self._names_at(words, i, date)
                if span is not None:
                    found, size = span
                    if found.kind == "STATE":
                        if country is None:
                            country, country_how = found.country, found.country_how
                    elif found.kind in ("ORG", "PERSON") and entry is None:
                        entry, name = found.entry, found.name
                        if country is None and found.country:
                            country, country_how = found.country, found.kind.lower()
                    elif found.kind == "PLACE" and country is None:
                        country, country_how = found.country, "place"
                    elif found.kind == "NAME":
                        name = name or found.name
                    i += size
                    continue
            based = re.match(r"^(.+?)-(based|born|headquartered)$", word.text)
            if based:
                hit = self.countries.lookup(based.group(1))
                if hit is not None and country is None:
                    country, country_how = hit.country, "based"
                i += 1
                continue
            if re.match(r"^(.+?)-(backed|led|allied|aligned|sponsored|funded|supported|linked|friendly)$", word.text) \
                    or re.match(r"^(pro|anti|non|ex)-", word.lower):
                i += 1  # "Iran-backed militias" are not Iranian
                continue
            rest.append(word)
            i += 1
        term_match = self.sectors.match([w.text.replace("-", " ") if "-" not in w.text else w.text for w in rest]) \
            if rest else None
        if term_match is None and rest:
            term_match = self.sectors.match([p for w in rest for p in w.lower.split("-")])
        term: Term | None = term_match[0] if term_match else None
        if term is not None and " ".join(term.words) in self.sectors.non_actors:
            term = None
        sector = sector2 = None
        inherit = False
        title = None
        if term is not None:
            sector, sector2, title, inherit = term.sector, term.sector2, " ".join(term.words), term.inherit
            if " ".join(term.words) in INHERIT_HEADS or term.words[-1] in INHERIT_HEADS:
                inherit = inherit or term.sector is None
        elif rest and all(w.lower in self.sectors.non_actors for w in rest[-1:]):
            return PhraseCode(former=former)
        if entry is not None:
            coded = entry.code_at(date)
            if term is None or inherit or entry.is_person:
                if entry.is_person:
                    sector, sector2 = coded.sector, coded.sector2
                    if term is not None and term.sector and not coded.sector:
                        sector = term.sector
                    title = title or coded.role
                else:
                    sector = sector if (term is not None and not inherit and sector) else coded.sector
                    sector2 = sector2 if term is not None and not inherit else coded.sector2
                inherit = False
            if country is None:
                country, country_how = coded.country, "org"
        if sector_hint == "REL" and sector in (None, "CVL", "UNK"):
            sector = "REL"  # "a Jewish community leader", "Muslim groups"
        if modifier_sector and sector in (None, "UNK"):
            sector = modifier_sector  # "Congressional group", "parliamentary bloc"
        if sector is None and sector_hint:
            sector = sector_hint
        if sector is None and term is None and country and rest and rest[-1].lower in CIVILIAN_WORDS:
            sector = "CVL"
        if term is not None and term.sector == "UNK" and sector_hint:
            sector = sector_hint
        if sector_hint == "CVL" and country and term is None:
            sector = "CVL"
        kind = "AGENT" if term is not None and entry is None else ("PERSON" if entry and entry.is_person
                                                                    else "ORG" if entry else None)
        if kind is None and country:
            kind = "STATE" if not rest else "AGENT"
        return PhraseCode(country, sector, sector2, kind, entry, title, former, future, country_how, name, inherit)

    def _names_at(self, words: list[Word], i: int, date: str | None) -> tuple[PhraseCode, int] | None:
        """The longest known name starting at word i: a country word, organization, person or place."""
        run = 0
        while i + run < len(words) and words[i + run].capital:
            run += 1
        after_title = any(self.sectors.entries.get((w.lower.strip("."),)) is not None for w in words[:i])
        for size in range(min(6, len(words) - i), 0, -1):
            span = words[i:i + size]
            if not span[-1].capital and not span[-1].lower.startswith(("u.s", "us")) and size > 1:
                continue
            text = " ".join(w.text for w in span)
            hit = self.countries.lookup(text)
            if hit is not None:
                return self._state(hit, text), size
            org = self.dictionary.find_org(text, fuzzy=size > 1)
            if org is not None:
                return self._org(org, date, text), size
            if size >= 2 and size == run:  # a person's name is the whole run of capitalized words
                person = self._person(span, date)
                if person is not None:
                    return person, size
                if after_title:  # "Defense Minister Diego Molano": an unknown name, not places
                    return PhraseCode(kind="NAME", name=text), size
            nxt = words[i + size].lower if i + size < len(words) else ""
            place_ok = size == run or (nxt,) in self.sectors.entries  # "Massachusetts Institute", "Kano State"
            place = self._place(text) if all(w.capital for w in span) and place_ok else None
            if place is not None:
                return PhraseCode(place[0], None, kind="PLACE", country_how="place", name=text), size
        fuzzy = self._fuzzy_country(words[i].text) if len(words[i].text) >= 5 else None
        if fuzzy is not None:
            return self._state(CountryHit(fuzzy.country, "demonym"), words[i].text), 1
        return None

    def _titleish(self, low: str) -> bool:
        if (low,) in self.sectors.entries or (low.rstrip("."),) in self.sectors.entries:
            term = self.sectors.entries.get((low,)) or self.sectors.entries.get((low.rstrip("."),))
            return term is not None and term.title
        return any(h == (low,) for h in self.sectors.honorifics)

    def _place(self, text: str, cities: bool = False) -> tuple[str, str] | None:
        """(country, feature) of a city or region name; `cities`: a settlement of 50,000+ only."""
        if self.places is None or name_key(text) in NOT_PLACES:
            return None
        try:
            entries, _ = self.places.candidates(text)
        except Exception:  # noqa: BLE001 - the place gazetteer is optional here
            return None
        entries = [e for e in entries if e.place.country and (e.primary or e.spelling) and e.place.feature != "country"]
        if not entries:
            return None
        best = max(entries, key=lambda e: e.population)
        if best.place.feature == "city" and best.population < 50_000:
            return None
        if cities and best.place.feature != "city":
            return None
        return best.place.country, best.place.feature or ""

    def _fuzzy_country(self, text: str) -> CountryHit | None:
        """A misspelt country word (Kazahks, Dehli): one edit from exactly one key of 5+ letters."""
        key = name_key(text)
        if len(key) < 5 or " " in key:
            return None
        if self._fuzzy_keys is None:
            table = getattr(self.countries, "table", {})
            self._fuzzy_keys = [(k, h) for k, h in table.items() if " " not in k and len(k) >= 5]
        found = {}
        for candidate in (key, key[:-1] if key.endswith("s") else key):
            for other, hit in self._fuzzy_keys:
                if other[0] == candidate[0] and abs(len(other) - len(candidate)) <= 1 and \
                        osa_distance(candidate, other, 1) <= 1:
                    found[hit.country] = hit
        return next(iter(found.values())) if len(found) == 1 else None

    # -- combining ------------------------------------------------------------------------
    def _with_owner(self, code: PhraseCode, owner: PhraseCode) -> PhraseCode:
        """"Chile's Ministry of Mines": the owner gives the country and, to a generic head, a sector."""
        country, how = code.country, code.country_how
        if owner.country and (country is None or how in ("hint",)):
            country, how = owner.country, "owner"
        sector, sector2 = code.sector, code.sector2
        if (sector is None or code.inherit or sector == "UNK") and owner.sector and owner.kind in ("ORG", "AGENT"):
            sector, sector2 = owner.sector, owner.sector2
        if code.empty and not owner.empty and owner.kind in ("ORG",):
            return owner
        return replace(code, country=country, country_how=how, sector=sector, sector2=sector2,
                       inherit=code.inherit and not owner.sector)

    def _attach(self, code: PhraseCode, prep: str, attached: PhraseCode) -> PhraseCode:
        if attached.empty:
            return code
        if prep == "to" or prep not in COUNTRY_PREPS + WEAK_COUNTRY_PREPS:
            return code
        country, how = code.country, code.country_how
        sector, sector2 = code.sector, code.sector2
        if prep in COUNTRY_PREPS:
            if country is None and attached.country:
                country, how = attached.country, "of"
            takes = code.inherit or sector is None or sector == "UNK" or \
                (code.title in INHERIT_HEADS and attached.kind == "ORG" and attached.sector not in (None, "GOV"))
            if takes and attached.sector and attached.kind != "PRON":
                sector, sector2 = attached.sector, attached.sector2
            if code.empty and code.title is None:
                return attached
        elif country is None and attached.country:
            country, how = attached.country, "in"
        return replace(code, country=country, country_how=how, sector=sector, sector2=sector2,
                       inherit=code.inherit and sector is None)


def _combine(first: PhraseCode, other: PhraseCode) -> PhraseCode:
    if first.empty:
        return other
    if other.empty:
        return first
    return replace(first, country=first.country or other.country, sector=first.sector or other.sector,
                   sector2=first.sector2 or other.sector2, title=first.title or other.title,
                   former=first.former or (other.former and not first.sector))


def _join_hyphens(words: list[Word]) -> list[Word]:
    """Tokens written as one hyphenated word ("pro", "-", "Iranian") become one word again."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        while i + 2 < len(words) and words[i + 1].text in ("-", "‐", "‑") and word.end == words[i + 1].start and \
                words[i + 1].end == words[i + 2].start and word.end > 0:
            word = Word(word.text + "-" + words[i + 2].text, word.start, words[i + 2].end)
            i += 2
        out.append(word)
        i += 1
    return out


def _split(words: list[Word], mark: str) -> list[list[Word]]:
    parts: list[list[Word]] = [[]]
    for word in words:
        if word.text == mark:
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def _strip_front(words: list[Word]) -> list[Word]:
    words = list(words)
    while words and (words[0].lower in DETERMINERS or words[0].text in ("-", "–", "—")):
        words = words[1:]
    while words and words[-1].text in (".", "-", ";", ":"):
        words = words[:-1]
    return words


def _attachments(words: list[Word]) -> tuple[list[Word], list[tuple[str, list[Word]]]]:
    """Split "head of X for Y" into the head and its prepositional attachments."""
    head: list[Word] = []
    attachments: list[tuple[str, list[Word]]] = []
    for word in words:
        if word.lower in PREPOSITIONS and head:
            attachments.append((word.lower, []))
        elif attachments:
            attachments[-1][1].append(word)
        else:
            head.append(word)
    return head, [(p, w) for p, w in attachments if w]


def _possessive(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """"Chile's Ministry" -> (["Chile"], ["Ministry"]); the last possessive marks the owner."""
    for i in range(len(words) - 1, 0, -1):
        if words[i].text in ("'s", "’s", "'", "’"):
            return words[:i], words[i + 1:]
    return [], words


def phrase_coder(resources) -> PhraseCoder:
    """The phrase coder over a Resources' country gazetteer, sector lexicon, actor dictionary and places."""
    cached = resources._cache.get("_actor_coder")
    if cached is None:
        places = None
        try:
            places = resources.get("places")
        except Exception:  # noqa: BLE001 - places make city and region modifiers work; optional
            places = None
        cached = PhraseCoder(resources.get("countries"), resources.get("sectors"), resources.get("actor_dictionary"),
                             places)
        resources._cache["_actor_coder"] = cached
    return cached


def code_phrase(text: str, date=None, context: str | None = None, resources=None) -> tuple[str | None, str | None]:
    """(country, sector) of an actor phrase: "Iraqi security forces" -> ("IRQ", "COP")."""
    coded = phrase_coder(resources or _default_resources()).code_text(text, date, context)
    return coded.country, coded.sector


_DEFAULT = None


def _default_resources():
    global _DEFAULT
    if _DEFAULT is None:
        from dyads.pipeline import Resources
        from dyads.stages import load_builtin_stages

        load_builtin_stages()
        _DEFAULT = Resources()
    return _DEFAULT
