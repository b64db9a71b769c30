"""Turn the head token of an actor phrase into a coded `Participant`.

The participant is the name mention that covers the token when there is one (and its
entity's code), else the noun phrase. A phrase without a coded entity takes its country
from a nationality or country modifier ("Iraqi security forces" -> IRQ), from a coded
name inside it ("Arab League Secretary-General Klibi" -> the League's code), or from an
attached "of / in / from" phrase ("leaders of Romania's government", "groups in Zimbabwe"),
and its sector from its head noun or title ("forces" -> MIL, "Prime Minister" -> GOV).
A pronoun takes the participant of the mention it refers to: the linker's pronoun mention
when there is one, else the nearest earlier person (he, she) or group (they, it).
"""

from __future__ import annotations

import bisect

from dyads.actors.gazetteer import CountryGazetteer
from dyads.actors.sectors import SectorLexicon
from dyads.records import Entity, Mention, Participant

CLAUSE_DEPS = frozenset({"relcl", "acl", "prep", "appos", "advcl", "ccomp", "punct", "cc", "conj"})
ATTACHED_PREPS = frozenset({"of", "in", "from"})
REGION_WORDS = frozenset({f"{d}{e}" for d in ("north", "south", "east", "west", "northeast", "northwest",
                                              "southeast", "southwest") for e in ("", "ern")}
                         | {"central", "upper", "lower", "far"})
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "their", "them", "it", "its", "we", "our", "us", "themselves", "itself"})
PRONOUN_WINDOW = 400  # characters back to look for the referent of a pronoun
# Supranational pseudo-countries of coded organisations: their code is their "country".
SUPRANATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})


class ParticipantBuilder:
    """Builds participants for one document from its mentions and entities."""

    def __init__(self, mentions: list[Mention], entities: list[Entity], countries: CountryGazetteer,
                 sectors: SectorLexicon, places=None):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.entities = {e.entity_id: e for e in entities}
        self.countries = countries
        self.sectors = sectors
        self.places = places  # optional dyads.geo PlaceGazetteer: cities -> their country
        self._city_cache: dict[str, str | None] = {}

    def place_country(self, text: str) -> str | None:
        """The country of a country, capital or (with the place gazetteer) a city that is unambiguous; a region
        named by a direction ("western Cambodia", "south Lebanon", "eastern Beirut") is in that place's country.
        Whole names come first: "South Sudan", "West Bank", "North Korea" are their own."""
        hit = self.countries.lookup(text)
        if hit is not None:
            return hit.country
        if self.places is not None:
            if text not in self._city_cache:
                self._city_cache[text] = _city_country(self.places, text)
            if self._city_cache[text]:
                return self._city_cache[text]  # "North Darfur" is a province's own name
        first, _, rest = text.partition(" ")
        if rest and first.lower().replace("-", "") in REGION_WORDS:
            return self.place_country(rest)
        return None

    def is_named_place(self, p: Participant) -> bool:
        mention = self.mention_at(p.start, p.end)
        return mention is not None and mention.kind in ("GPE", "LOC", "FAC")

    def mention_at(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, start)
        for mention in reversed(self.mentions[max(0, i - 4): i]):
            if mention.start <= start and end <= mention.end:
                return mention
        return None

    def entity_of(self, mention: Mention | None) -> Entity | None:
        if mention is None or not mention.entity_id:
            return None
        return self.entities.get(mention.entity_id)

    def build(self, token) -> Participant:
        if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and token.pos_ == "PRON":
            referent = self._pronoun_referent(token)
            if referent is not None:
                return referent
        phrase = phrase_tokens(token)
        mention = self.mention_at(token.idx, token.idx + len(token))
        entity = self.entity_of(mention)
        if mention is not None and mention.end - mention.start >= len(token):
            text, start, end = mention.text, mention.start, mention.end
        else:
            start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            text = token.doc.text[start:end]
        own_mention = mention
        if entity is not None and token.pos_ == "NOUN" and entity.kind == "PERSON":
            # "negotiate with the president of Armenia": a descriptor with its own country is not the
            # person the linker took it for (Putin, the president of the sentence before)
            own = self._attached_country(token)
            if own and entity.country and own != entity.country:
                entity, mention = None, None
        country = entity.country if entity else None
        sector = entity.sector if entity else None
        if mention is not None and mention.kind == "NORP" and token.pos_ in ("PROPN", "NOUN") and \
                token.lower_.endswith("s"):
            resident = self._attached_country(token)  # "ethnic Albanians in south Serbia": where they live
            if resident:
                country = resident
        if country is None and entity is not None and entity.code and entity.code[:3] in SUPRANATIONAL:
            country = entity.code[:3]
        if country is None and mention is not None and mention.kind in ("GPE", "NORP", "ORG", "PERSON", "LOC"):
            hit = self.countries.lookup(mention.text)  # a country the NER labelled oddly ("Benin" as PERSON)
            if hit is not None and (entity is None or entity.kind != "PERSON" or mention.kind != "PERSON"
                                    or hit.how != "demonym"):
                country = hit.country
                if sector is None and hit.how == "capital":
                    sector = "GOV"
        if country is None and mention is not None and mention.kind in ("GPE", "LOC", "FAC") and self.places:
            country = self.place_country(mention.text)  # a city: "Juba", "Tel Aviv"
        if country is None and entity is None and token.pos_ == "PROPN" and \
                (mention is None or mention.kind in ("GPE", "NORP", "LOC")):
            # a country the NER missed ("Uzbekistan finally opened ...") or that is misspelt ("Ethopia")
            hit = self.countries.lookup_misspelt(text if mention is not None else token.text)
            if hit is not None:
                country = hit.country
        if country is None and (sector or self._phrase_sector(phrase)):
            country = self._possessor_country(token)  # "its troops" (an agent; not "its lands")
        if country is None and token.pos_ == "PROPN" and (entity is None or not entity.code):
            apposed = self._apposition(token)  # "Kenzo Oshima, the United Nations Emergency Relief Coordinator"
            if apposed is not None:
                country, sector = apposed.country, sector or apposed.sector
        if country is None:
            country = self._modifier_country(phrase, own_mention)
        if country is None:
            country = self._attached_country(token)
        if sector is None:
            sector = self._phrase_sector(phrase)
        code = f"{country or ''}{sector or ''}" or None
        if entity is not None and entity.code and entity.country == country and entity.sector == sector:
            code = entity.code
        return Participant(text=text, start=start, end=end, entity_id=entity.entity_id if entity else None,
                           code=code, country=country, sector=sector)

    def coordinated(self, token, participant: Participant) -> list[Participant]:
        """The further countries of coordinated modifiers: "French and Egyptian warships" are French warships
        and Egyptian warships (the second is anchored on its own word, "Egyptian")."""
        found = []
        for child in token.children:
            if child.dep_ not in ("amod", "compound") or child.i > token.i:
                continue
            for other in child.conjuncts:
                if other.i > token.i or _opposed(other):
                    continue
                country = self.countries.country_of(other.text)
                if country and country != participant.country and \
                        all(country != p.country for p in found):
                    sector = participant.sector
                    found.append(Participant(text=other.text, start=other.idx, end=other.idx + len(other),
                                             code=f"{country}{sector or ''}", country=country, sector=sector))
        return found

    def is_actor(self, token, participant: Participant) -> bool:
        """Whether the phrase names an actor at all (not "a hand", "the raid", "anonymity")."""
        if participant.code or participant.entity_id:
            return True
        mention = self.mention_at(participant.start, participant.end)
        return mention is not None and mention.kind in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")

    def _phrase_sector(self, phrase) -> str | None:
        # a participle modifier is not a sector word: "neighboring Lebanon" (but "armed forces" keeps "forces")
        words = [t for t in phrase if not (t.dep_ in ("amod", "compound") and t.tag_ in ("VBG", "VBN"))] or phrase
        return self.sectors.sector_of([t.lemma_.lower() for t in words], [t.lower_ for t in words])

    def _apposition(self, token) -> Participant | None:
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                apposed = self.build(child)
                if apposed.country:
                    return apposed
        return None

    def _possessor_country(self, token) -> str | None:
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PRON" and child.lower_ in GROUP_PRONOUNS:
                referent = self._pronoun_referent(child)
                return referent.country if referent is not None else None
        return None

    def _modifier_country(self, phrase, own_mention: Mention | None) -> str | None:
        for tok in phrase:
            mention = self.mention_at(tok.idx, tok.idx + len(tok))
            if mention is None or mention is own_mention or _opposed(tok) or _sponsor(tok):
                continue  # "an anti-Syria journalist" is not Syrian, "Syrian-backed militia" not Syrian
            entity = self.entity_of(mention)
            if entity is not None and entity.country:
                return entity.country
            if entity is not None and entity.code and entity.code[:3] in SUPRANATIONAL:
                return entity.code[:3]
            hit = self.countries.lookup(mention.text)
            if hit is not None:
                return hit.country
        for tok in phrase:  # a demonym the NER missed ("Iraqi forces")
            if _opposed(tok):
                continue
            if tok.pos_ in ("ADJ", "PROPN", "NOUN") and (tok.dep_ in ("amod", "compound", "poss") or _leader(tok)):
                hit = self.countries.lookup(tok.text)
                if hit is not None:
                    return hit.country
        return None

    def _attached_country(self, token) -> str | None:
        """ "Leaders of Romania's government", "opposition groups in Zimbabwe": the attached phrase's country."""
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in ATTACHED_PREPS:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                phrase = phrase_tokens(obj)
                # the place itself first; "Israeli-occupied" names the occupier, not the place
                for tok in [obj] + [t for t in phrase if t.i != obj.i]:
                    if (_hyphen_participle(tok) is not None and not _leader(tok)) or _opposed(tok):
                        continue  # "from pro-US Arab states" are not American
                    mention = self.mention_at(tok.idx, tok.idx + len(tok))
                    entity = self.entity_of(mention)
                    if entity is not None and entity.country:
                        return entity.country
                    if entity is not None and entity.code and entity.code[:3] in SUPRANATIONAL:
                        return entity.code[:3]
                    found = self.place_country(mention.text) if mention is not None and \
                        mention.kind in ("GPE", "LOC", "FAC") else self.countries.country_of(tok.text)
                    if found:
                        return found
        return None

    def _pronoun_referent(self, token) -> Participant | None:
        own = self.mention_at(token.idx, token.idx + len(token))
        entity = self.entity_of(own)
        if entity is not None:  # the linker resolved this pronoun
            return Participant(text=token.text, start=token.idx, end=token.idx + len(token),
                               entity_id=entity.entity_id, code=entity.code, country=entity.country,
                               sector=entity.sector)
        person = token.lower_ in PERSON_PRONOUNS
        kinds = ("PERSON",) if person else ("ORG", "GPE", "NORP")
        i = bisect.bisect_left(self.starts, token.idx)
        for mention in reversed(self.mentions[:i]):
            if token.idx - mention.end > PRONOUN_WINDOW:
                break
            if mention.kind not in kinds:
                continue
            referent = self.entity_of(mention)
            if referent is None or not (referent.code or referent.country or referent.sector):
                continue
            return Participant(text=token.text, start=token.idx, end=token.idx + len(token),
                               entity_id=referent.entity_id, code=referent.code, country=referent.country,
                               sector=referent.sector)
        return None


def _opposed(token) -> bool:
    """Whether a name is the object of an "anti-" or "pro-" prefix ("anti-Syria", "pro-Iranian")."""
    doc = token.doc
    i = token.i
    if token.lower_.startswith(("anti-", "pro-")):
        return True
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro"):
        return True
    return i >= 1 and doc[i - 1].lower_ in ("anti-", "pro-")


# "Vietnamese-led forces", "a Trinidad-based group": the name is the group's own country;
# "Syrian-backed militia", "Iranian-allied groups": it is a sponsor, not the group's country.
LEADING_PARTICIPLES = frozenset({"lead", "led", "base", "based", "run", "command", "commanded", "dominate",
                                 "dominated", "control", "controlled"})
SPONSORING_PARTICIPLES = frozenset({"back", "backed", "ally", "allied", "support", "supported", "sponsor",
                                    "sponsored", "arm", "armed", "fund", "funded", "train", "trained", "align",
                                    "aligned", "inspire", "inspired"})


def _hyphen_participle(token):
    """The participle a name is hyphenated to ("Vietnamese" in "Vietnamese-led"), or None."""
    head = token.head
    if token.dep_ in ("npadvmod", "compound", "amod", "nmod") and head.tag_ in ("VBN", "VBD") and \
            head.i == token.i + 2 and token.doc[token.i + 1].text == "-":
        return head
    return None


def _leader(token) -> bool:
    head = _hyphen_participle(token)
    return head is not None and (head.lower_ in LEADING_PARTICIPLES or head.lemma_.lower() in LEADING_PARTICIPLES)


def _sponsor(token) -> bool:
    head = _hyphen_participle(token)
    return head is not None and (head.lower_ in SPONSORING_PARTICIPLES or
                                 head.lemma_.lower() in SPONSORING_PARTICIPLES)


MIN_CITY_POPULATION = 50_000


def _city_country(places, text: str) -> str | None:
    try:
        entries, _ = places.candidates(text)
    except Exception:  # noqa: BLE001 - a gazetteer without the expected interface gives no answer
        return None
    # a big city, a capital, or a province ("Diyala", "North Darfur"); a small town's name is too often also
    # a person's or a town's elsewhere
    big = [e for e in entries if getattr(e, "population", 0) >= MIN_CITY_POPULATION or getattr(e, "capital", False)
           or e.place.feature == "admin1"]
    countries = {e.place.country for e in big if e.place.country}
    return countries.pop() if len(countries) == 1 else None


def phrase_tokens(token) -> list:
    """The noun phrase headed by `token`, without clauses, prepositional phrases or conjuncts."""
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    if token.dep_ == "compound":  # "Turkish police custody": the nationality before a compound is its own
        keep.update(c.i for c in token.head.lefts if c.i < token.i and c.dep_ in ("amod", "compound")
                    and c.ent_type_ == "NORP")
    doc = token.doc
    first, last = min(keep), max(keep)
    tokens = [doc[i] for i in range(first, last + 1)]
    while tokens and tokens[0].dep_ in ("det", "punct") and tokens[0].i != token.i:
        tokens = tokens[1:]
    return tokens
