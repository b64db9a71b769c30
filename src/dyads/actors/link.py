"""In-document linking: one entity per actor of the document, under every name it goes by.

Stage `dyads.actors.link.v2` (per document, pure). In order:

1. Names: the NER mentions, plus organizations of the dictionary that NER missed ("Islamic
   State", "IS", "Hashd"), found by a scan of the text; a scan hit replaces NER mentions
   inside it ("State" in "the Islamic State").
2. States: a country name, demonym or capital (countries gazetteer) is the state actor; a
   capital is its government (GOV), unless it is a place ("in Baghdad").
3. Organizations: by name, alias or acronym in the dictionary (organizations.yaml and user
   files); "Iraqi Popular Mobilization" is the Popular Mobilization Forces.
4. People: names are grouped by the general matcher (names.py): full names that are spelling
   variants of each other are one person; a surname alone ("Kazemi") joins the one full name
   of the document it fits, and stays apart when two fit ("Allawi" with Ali and Hussein
   Allawi). Mentions that NER took for places ("Kadhemi" as GPE) join a person the same way.
   Social-media handles (@MAKadhimi) join the person they spell.
5. Roles: titles and appositions (roles.py) give each person a country, a sector and a dated
   role; the roles of every mention belong to the person.
6. Dictionary: a person's name is looked up in the actor dictionary (people.yaml, user files);
   a match gives the corpus-wide id and the dated roles. Codes: a user entry's code at the
   document date; else the current role the text gives; else the dictionary's code at the
   date; else a former role (ELI).
7. Pronouns and definite descriptions ("he", "the premier", "the Kingdom": pronouns.py).
8. Generic agents: noun phrases headed by an agent or title word ("Iraqi security forces",
   "protesters", "officials") become NOMINAL mentions of a generic entity per country and
   sector ("IRQ COP").

Entity ids: dictionary entries, states and generic agents have corpus-wide ids; other names
get a document-scoped id that the corpus stage (corpus/actors.py) maps onto the corpus's
entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dyads.actors.coding import Word, phrase_coder
from dyads.actors.dictionary import ActorDictionary, DictEntry, norm_date
from dyads.actors.entity import countries_conflict, role_code
from dyads.actors.gazetteer import CountryGazetteer
from dyads.actors.names import PersonName, clean_surface, compare_names, handle_matches, name_key, parse_person
from dyads.actors.pronouns import PronounResolver
from dyads.actors.roles import RoleReader
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Entity, Mention, Role, stable_id

COMPONENT = "dyads.actors.link"
VERSION = "2"
STATE_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "throughout", "within", "across"})
HANDLE = re.compile(r"(?<![\w@])@([A-Za-z][A-Za-z0-9_]{2,30})")
NOT_NAMES = frozenset({"brittle", "state", "supreme", "corona", "covid", "coronavirus", "katyusha", "twitter",
                       "facebook", "god", "allah"})
DESCRIPTOR_DETS = frozenset({"the", "this"})
STATE_WORDS = frozenset({"kingdom", "republic", "emirate", "sultanate", "principality", "federation"})


def state_entity_id(country: str) -> str:
    return stable_id("e", "STATE", country)


def government_entity_id(country: str) -> str:
    return stable_id("e", "STATE", country, "GOV")


def agent_entity_id(country: str | None, sector: str | None) -> str:
    return stable_id("e", "AGENT", country or "", sector or "")


def code_of(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return f"{country or ''}{sector or ''}"


# Head words of an organization's name that make an unlisted one non-governmental.
NGO_HEADS = frozenset({"association", "associations", "forum", "foundation", "society", "federation",
                       "institute", "network", "organization",
                       "organisation", "watch", "initiative", "centre", "center", "trust"})


@dataclass
class Cluster:
    kind: str  # PERSON or ORG
    mentions: list[Mention] = field(default_factory=list)
    names: list[PersonName] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    entry: DictEntry | None = None
    ambiguous: bool = False
    key: str = ""  # ORG clusters: the name key
    title_country: str | None = None  # "President Bush": the one country of the listed presidents Bush

    @property
    def full_names(self) -> list[PersonName]:
        return [n for n in self.names if n.is_full]

    def best_name(self) -> PersonName:
        return max(self.names, key=lambda n: (n.n_words, -self.names.index(n)))

    def compatible(self, name: PersonName) -> str | None:
        best = None
        for own in self.names:
            how = compare_names(name, own)
            if how == "exact" or (how and best is None) or (how == "full" and best == "surname"):
                best = how
        return best


class DocumentLinker:
    def __init__(self, resources: Resources):
        self.countries: CountryGazetteer = resources.get("countries")
        self.sectors = resources.get("sectors")
        self.dictionary: ActorDictionary = resources.get("actor_dictionary")
        self.coder = phrase_coder(resources)
        self.roles = RoleReader(self.coder)
        self.strip = self.dictionary.strip_words | frozenset(
            k for k, hit in self.countries.table.items() if " " not in k and hit.how in ("demonym", "alias"))
        self.scanner = OrgScanner.for_dictionary(self.dictionary, self.countries)

    def link(self, ctx: DocContext) -> tuple[list[Mention], list[Entity]]:
        doc_id = ctx.doc.doc_id
        text = ctx.doc.text
        sdoc = ctx.get("spacy_doc")
        date = norm_date(ctx.get("published") or ctx.doc.published)
        mentions = sorted(ctx["mentions"], key=lambda m: (m.start, m.end))
        if sdoc is not None:
            mentions = self.scanner.merge(mentions, sdoc, doc_id)
        self.focus = self._focus(mentions)
        out: list[Mention] = []
        entities: dict[str, Entity] = {}
        pending: list[Mention] = []  # candidates for people
        orgs: dict[str, Cluster] = {}
        for mention in mentions:
            linked = self._state_or_org(mention, sdoc, date, entities, orgs, doc_id)
            if linked is not None:
                out.append(linked)
            else:
                pending.append(mention)
        people, rest = self._people(pending, sdoc)
        if sdoc is not None:
            self._surnames_missed(people, sdoc, doc_id, mentions)
        handles = self._handles(text, people, doc_id, mentions)
        for cluster in people:
            if sdoc is not None:
                for mention in cluster.mentions:
                    for obs in self.roles.observe(sdoc, mention, date, pending):
                        cluster.roles.append(obs.role(doc_id, date))
            self._dictionary(cluster, date)
        if date is None:  # an undated document: the time its titles were held, or its inferred range
            date = self._date_from_roles(people, ctx.get("published_range"))
        person_entities = {}
        for cluster in people:
            entity = self._person_entity(cluster, doc_id, date)
            person_entities[id(cluster)] = entity
            entities[entity.entity_id] = entity
            method = "dictionary" if cluster.entry else "name"
            for mention in cluster.mentions:
                how = self._how(mention, cluster, method)
                out.append(replace(mention, kind="PERSON", local_id=entity.entity_id, entity_id=entity.entity_id,
                                   method=how, confidence=_CONFIDENCE.get(how, 0.7)))
        for cluster, mention in handles:
            entity = person_entities[id(cluster)]
            out.append(replace(mention, local_id=entity.entity_id, entity_id=entity.entity_id))
            if mention.text not in entity.variants:
                entity.variants.append(mention.text)
        out.extend(rest)
        if sdoc is not None:
            out.extend(self._references(sdoc, out, entities, people, person_entities, doc_id, date))
        out.sort(key=lambda m: (m.start, m.end))
        return out, list(entities.values())

    def _focus(self, mentions: list[Mention]) -> dict[str, float]:
        """How often each country is named: the document's countries, for ambiguous names."""
        counts: dict[str, float] = {}
        for mention in mentions:
            if mention.kind in ("GPE", "NORP"):
                hit = self.countries.lookup(mention.text)
                if hit is not None:
                    counts[hit.country] = counts.get(hit.country, 0.0) + 1.0
        return counts

    # -- states and organizations ---------------------------------------------------------
    def _state_or_org(self, mention: Mention, sdoc, date, entities, orgs, doc_id) -> Mention | None:
        surface = clean_surface(mention.text)
        if mention.kind in STATE_LABELS:
            hit = self.countries.lookup(mention.text)
            if hit is not None:
                if hit.how == "capital":
                    if _locative(mention, sdoc) or _dateline(mention, sdoc):
                        return replace(mention, method="gazetteer:capital-place", confidence=0.7)
                    entity = self._state(entities, hit.country, "GOV", surface, hit.how)
                else:
                    entity = self._state(entities, hit.country, None, surface, hit.how)
                return replace(mention, local_id=entity.entity_id, entity_id=entity.entity_id,
                               method=f"gazetteer:{hit.how}", confidence=0.9)
        if mention.kind in ("ORG", "NORP", "FAC", "GPE", "LOC", "PERSON") or mention.method == "scan":
            entry = self._org_entry(mention)
            if entry is not None:
                coded = entry.code_at(date)
                entity = entities.get(entry.entry_id)
                if entity is None:
                    entity = Entity(entry.entry_id, entry.name, "ORG", country=coded.country, sector=coded.sector,
                                    code=coded.code, roles=_dict_roles(entry), method=f"dictionary:{entry.source}",
                                    confidence=0.9, component=COMPONENT, version=VERSION, as_of=date)
                    entities[entry.entry_id] = entity
                _variant(entity, surface)
                return replace(mention, kind="ORG", local_id=entity.entity_id, entity_id=entity.entity_id,
                               method="dictionary" if mention.method != "scan" else "scan", confidence=0.85)
        if mention.kind == "ORG":
            if self._looks_like_person(mention):
                return None
            key = name_key(surface)
            if not key or len(key) < 2 or key in NOT_NAMES or self._honorific_only(surface) or \
                    (" " not in key and key in self.dictionary.strip_words):
                return mention
            cluster = orgs.get(key) or _acronym_cluster(orgs, surface)
            if cluster is None:
                cluster = Cluster("ORG", key=key)
                orgs[key] = cluster
            entity_id = stable_id("e", "ORG", doc_id, cluster.key)
            entity = entities.get(entity_id)
            if entity is None:
                code = self.coder.code_text(surface, date)
                sector = code.sector if code.kind != "PERSON" else None
                country = code.country
                if sector in (None, "UNK") and set(key.split()) & NGO_HEADS:
                    # "the Association of African Jurists", "the Third World Water Forum": an unlisted
                    # association is a non-governmental actor (of its country when its name says one)
                    sector, country = "NGO", country or "NGO"
                entity = Entity(entity_id, surface, "ORG", country=country, sector=sector,
                                code=code_of(country, sector), method="name", confidence=0.6,
                                component=COMPONENT, version=VERSION)
                entities[entity_id] = entity
            _variant(entity, surface)
            return replace(mention, local_id=entity_id, entity_id=entity_id, method="name", confidence=0.6)
        return None  # a person's name (or a place NER took for one: decided with the people)

    def _org_entry(self, mention: Mention) -> DictEntry | None:
        surface = clean_surface(mention.text)
        if mention.kind == "PERSON":
            # a group the NER took for a person ("Kataib Hezbollah"): only an exact name or alias, and only
            # when no listed person has that name
            entry = self.dictionary.find_org(surface, fuzzy=False, focus=self.focus)
            if entry is None or entry.kind == "PERSON":
                return None
            if " " in surface.strip() and self.dictionary.find_person(parse_person(surface)) is not None:
                return None
            return entry
        entry = self.dictionary.find_org(surface, focus=self.focus)
        if entry is not None:
            return entry
        words = surface.split()
        if len(words) >= 2:  # "Iraqi Popular Mobilization": a country word, then the name
            hit = self.countries.lookup(words[0])
            if hit is not None:
                entry = self.dictionary.find_org(" ".join(words[1:]), country=hit.country)
                if entry is not None and (not entry.country or entry.country == hit.country):
                    return entry
        return None

    def _state(self, entities, country: str, sector: str | None, surface: str, how: str) -> Entity:
        entity_id = state_entity_id(country) if sector is None else government_entity_id(country)
        entity = entities.get(entity_id)
        if entity is None:
            name = country if sector is None else f"{country} government"
            entity = Entity(entity_id, name, "STATE", country=country, sector=sector, code=code_of(country, sector),
                            method=f"gazetteer:{how}", confidence=0.9, component=COMPONENT, version=VERSION)
            entities[entity_id] = entity
        _variant(entity, surface)
        return entity

    def _honorific_only(self, text: str) -> bool:
        """"His Holiness", "Sheikh": a form of address with no name in it."""
        words = tuple(w.lower() for w in clean_surface(text).split())
        return words in self.sectors.honorifics or all(w.strip(".") in self.dictionary.strip_words for w in words)

    def _looks_like_person(self, mention: Mention) -> bool:
        """An ORG mention that is a person's name ("Ministry Abdul Karim" is junk, "Al-Sahhaf" a name)."""
        words = clean_surface(mention.text).split()
        return len(words) == 1 and words[0][:1].isupper() and "-" in words[0] and \
            words[0].split("-")[0].lower() in ("al", "el")

    # -- people ---------------------------------------------------------------------------
    def _people(self, pending: list[Mention], sdoc) -> tuple[list[Cluster], list[Mention]]:
        """Group person-name mentions; return the clusters and the mentions that are not people."""
        parsed = []
        rest = []
        for mention in pending:
            name = parse_person(clean_surface(mention.text), self.strip)
            if not name.tokens or name.surname is None or not _name_like(mention.text) or \
                    name_key(name.text) in NOT_NAMES or self._honorific_only(mention.text):
                rest.append(mention)
                continue
            parsed.append((mention, name))
        clusters: list[Cluster] = []
        order = sorted(range(len(parsed)), key=lambda i: (-parsed[i][1].n_words, parsed[i][0].start))
        held: list[tuple[Mention, PersonName]] = []
        for i in order:
            mention, name = parsed[i]
            if mention.kind != "PERSON":
                held.append((mention, name))
                continue
            self._place(clusters, mention, name)
        for mention, name in held:  # "Kadhemi" as GPE: a person only if it fits one
            fits = [c for c in clusters if c.full_names and any(compare_names(name, n) for n in c.full_names)]
            if len(fits) == 1 and name.n_words == 1:
                fits[0].mentions.append(mention)
                fits[0].names.append(name)
            else:
                rest.append(mention)
        for cluster in clusters:
            cluster.mentions.sort(key=lambda m: m.start)
        return clusters, rest

    def _place(self, clusters: list[Cluster], mention: Mention, name: PersonName) -> None:
        if name.is_full:
            for cluster in clusters:
                if not cluster.ambiguous and cluster.full_names and \
                        any(compare_names(name, n) in ("exact", "full") for n in cluster.full_names):
                    cluster.mentions.append(mention)
                    cluster.names.append(name)
                    return
        else:
            fits = [c for c in clusters if c.compatible(name)]
            full = [c for c in fits if c.full_names]
            if len(full) == 1:
                full[0].mentions.append(mention)
                full[0].names.append(name)
                return
            if len(full) > 1:
                cluster = next((c for c in clusters if c.ambiguous and c.compatible(name)), None)
                if cluster is None:
                    cluster = Cluster("PERSON", ambiguous=True)
                    clusters.append(cluster)
                cluster.mentions.append(mention)
                cluster.names.append(name)
                return
            if fits:
                fits[0].mentions.append(mention)
                fits[0].names.append(name)
                return
        clusters.append(Cluster("PERSON", [mention], [name]))

    def _surnames_missed(self, people: list[Cluster], sdoc, doc_id: str, mentions: list[Mention]) -> None:
        """A person's surname that NER did not mark ("Allawi during his visit ..."): a mention of that person."""
        surnames = {}
        for cluster in people:
            if cluster.ambiguous or not cluster.full_names:
                continue
            for name in cluster.full_names:
                surnames.setdefault(name.surname.key, set()).add(id(cluster))
        if not surnames:
            return
        by_id = {id(c): c for c in people}
        taken = sorted((m.start, m.end) for c in people for m in c.mentions) + [(m.start, m.end) for m in mentions]
        for tok in sdoc:
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 4:
                continue
            start = tok.idx
            if tok.i > 1 and sdoc[tok.i - 1].text in ("-", "‐") and sdoc[tok.i - 2].lower_ in ("al", "el"):
                start = sdoc[tok.i - 2].idx  # "Al-Kazemi" written as three tokens
            end = tok.idx + len(tok)
            if any(s < end and start < e for s, e in taken):
                continue
            name = parse_person(sdoc.text[start:end], self.strip)
            if name.n_words != 1 or name.surname is None:
                continue
            fits = {cid for key, ids in surnames.items() for cid in ids
                    if compare_names(name, parse_person(key), strict=True)}
            if len(fits) != 1:
                continue
            cluster = by_id[fits.pop()]
            mention = Mention(doc_id, start, end, sdoc.text[start:end], "PERSON", method="surname", confidence=0.65,
                              component=COMPONENT, version=VERSION)
            cluster.mentions.append(mention)
            cluster.names.append(name)
            taken.append((start, end))
        for cluster in people:
            order = sorted(range(len(cluster.mentions)), key=lambda i: cluster.mentions[i].start)
            cluster.mentions = [cluster.mentions[i] for i in order]
            cluster.names = [cluster.names[i] for i in order]

    @staticmethod
    def _date_from_roles(people: list[Cluster], published_range) -> str | None:
        """When the people of the document held the titles it gives them: the latest such date, up to today.

        "Iraqi Prime Minister Mustafa al-Kadhimi" dates a text to 2020-05-07 .. 2022-10-27; so the
        dictionary codes of its other people are taken then, not today."""
        from dyads.actors.dictionary import _end_key, _start_key, today

        low, high = "0000", today()
        if published_range and len(published_range) == 2 and published_range[1]:
            high = min(high, str(published_range[1]))
        for cluster in people:
            entry = cluster.entry
            if entry is None:
                continue
            sectors = {r.sector for r in cluster.roles if not r.former and r.sector}
            spans = [(_start_key(r.start), _end_key(r.end)) for r in entry.roles if r.sector in sectors]
            if not spans:
                continue
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            if max(low, start) <= min(high, end):
                low, high = max(low, start), min(high, end)
        return high[:10] if high != today() or low != "0000" else None

    def _handles(self, text: str, people: list[Cluster], doc_id: str, mentions: list[Mention]):
        found = []
        taken = [(m.start, m.end) for m in mentions]
        for match in HANDLE.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            fits = [c for c in people if not c.ambiguous and any(handle_matches(match.group(), n)
                                                                  for n in c.full_names)]
            if len(fits) == 1:
                found.append((fits[0], Mention(doc_id, start, end, match.group(), "PERSON", method="handle",
                                               confidence=0.7, component=COMPONENT, version=VERSION)))
        return found

    def _dictionary(self, cluster: Cluster, date: str | None) -> None:
        if cluster.ambiguous:
            return
        country = next((r.country for r in cluster.roles if r.country and not r.former), None)
        names = sorted(cluster.names, key=lambda n: -n.n_words)
        for name in names:
            entry = self.dictionary.find_person(name, date, country=None, surname_only=not cluster.full_names)
            if entry is None:
                continue
            if not entry.user and countries_conflict(country, entry.code_at(date).country) and \
                    countries_conflict(country, entry.country):
                continue  # the text says another country: another person of that name
            cluster.entry = entry
            return
        if not country and not cluster.full_names:
            titles = {name_key(r.role) for r in cluster.roles if r.role and not r.former}
            cluster.title_country = self.dictionary.title_country(names[0], titles)

    def _person_entity(self, cluster: Cluster, doc_id: str, date: str | None) -> Entity:
        name = cluster.best_name()
        entry = cluster.entry
        variants = []
        for mention in cluster.mentions:
            _add(variants, clean_surface(mention.text))
        roles = list(_merge_roles(cluster.roles))
        country, sector, former = role_code(roles, date)
        method = "name"
        if entry is not None:
            coded = entry.code_at(date)
            if entry.user or not sector:
                country, sector = coded.country or country, coded.sector or (sector if not entry.user else None)
            elif not country:
                country = coded.country
            roles = roles + _dict_roles(entry)
            entity_id, display, method = entry.entry_id, entry.name, f"dictionary:{entry.source}"
            confidence = 0.9
        else:
            country = country or cluster.title_country
            key = name.key if not cluster.ambiguous else "?" + name.key
            entity_id = stable_id("e", "PERSON", doc_id, key)
            display = clean_surface(cluster.mentions[cluster.names.index(name)].text)
            confidence = 0.6 if not name.is_full else 0.75
        if cluster.ambiguous:
            method = "name:ambiguous"
        return Entity(entity_id, display, "PERSON", country=country, sector=sector, code=code_of(country, sector),
                      variants=variants, roles=roles, method=method, confidence=confidence, component=COMPONENT,
                      version=VERSION, as_of=date)

    @staticmethod
    def _how(mention: Mention, cluster: Cluster, method: str) -> str:
        name = cluster.names[cluster.mentions.index(mention)] if mention in cluster.mentions else None
        if name is not None and not name.is_full and cluster.full_names:
            return "surname"
        if method == "dictionary":
            return "dictionary"
        best = cluster.best_name()
        if name is not None and name is not best and name_key(name.text) != name_key(best.text):
            return "variant"
        return "name"

    # -- pronouns, descriptors, generic agents --------------------------------------------
    def _references(self, sdoc, linked: list[Mention], entities: dict[str, Entity], people, person_entities,
                    doc_id: str, date: str | None) -> list[Mention]:
        kinds = {e.entity_id: e.kind for e in entities.values()}
        titles: dict[str, set[str]] = {}
        for cluster in people:
            entity = person_entities[id(cluster)]
            held = titles.setdefault(entity.entity_id, set())
            for role in entity.roles:
                if role.start_date and date and role.start_date > date:
                    continue
                term = self.sectors.match(role.role.lower().split()) if role.role else None
                words = " ".join(term[0].words) if term else role.role.lower()
                held.add(words)
                if term and term[0].head_of:
                    held.add(f"head_of:{term[0].head_of}")
                if role.former:
                    held.add("former " + words)
        resolver = PronounResolver(sdoc, [m for m in linked if m.kind in ("PERSON", "ORG", "GPE", "NORP", "FAC",
                                                                          "LOC")],
                                   kinds, titles, self.sectors)
        found = resolver.pronouns(doc_id)
        taken = [(m.start, m.end) for m in linked if m.entity_id]
        for tok in sdoc:  # "the Kingdom", "the Islamic Republic": the state of that official name
            if tok.lower_ not in STATE_WORDS or tok.i == 0 or sdoc[tok.i - 1].lower_ not in DESCRIPTOR_DETS:
                continue
            if tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "of":
                continue
            country = resolver.state_by_word(tok.lower_, tok.idx, self.countries)
            if country is None:
                continue
            entity = self._state(entities, country, None, tok.text, "descriptor")
            found.append(Mention(doc_id, tok.idx, tok.idx + len(tok), tok.text, "NOMINAL", local_id=entity.entity_id,
                                 entity_id=entity.entity_id, method="descriptor", confidence=0.6,
                                 component=COMPONENT, version=VERSION))
            taken.append((tok.idx, tok.idx + len(tok)))
        found.extend(self._nominals(sdoc, taken, entities, resolver, doc_id, date))
        return found

    def _nominals(self, sdoc, taken, entities, resolver: PronounResolver, doc_id, date) -> list[Mention]:
        out = []
        taken_people = [(m.start, m.end) for m in resolver.named if resolver.kinds.get(m.entity_id) == "PERSON"]
        for chunk in sdoc.noun_chunks:
            root = chunk.root
            if root.pos_ not in ("NOUN", "PROPN") or root.lower_ in self.sectors.non_actors:
                continue
            tokens = [t for t in chunk if not (t.pos_ == "DET" and t.i == chunk.start)]
            while tokens and tokens[0].pos_ in ("DET", "PRON", "NUM", "PUNCT", "ADV", "CCONJ") and \
                    tokens[0].i != root.i:
                tokens = tokens[1:]
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            head_start = root.idx
            if any(s <= head_start < e for s, e in taken):
                continue  # the head is a name (an organization, a person, a state)
            determiner = chunk[0].lower_ if chunk[0].pos_ == "DET" else ""
            words = [Word(t.text, t.idx, t.idx + len(t)) for t in tokens]
            if root.lower_ in STATE_WORDS and len(tokens) == 1:
                continue  # "the Kingdom": resolved above, or no actor of its own
            term = self.sectors.match([t.text for t in tokens])
            if term is None or term[2] != len(tokens):
                continue  # the head noun is no agent or title
            following = sdoc[chunk.end] if chunk.end < len(sdoc) else None
            if following is not None and following.pos_ == "PROPN":
                continue  # a title before a name: the name's role, not an actor of its own
            if _apposed_to_name(chunk, taken_people):
                continue  # "the spokesman ..., Jaafar al-Husseini": the role of the name beside it
            if term[0].title and root.tag_ in ("NN", "NNP") and determiner not in DESCRIPTOR_DETS and \
                    chunk[0].pos_ != "DET":
                continue  # "as prime minister", "was intelligence chief": a role, not an actor
            code = self.coder.code_words(words, date)
            if determiner in DESCRIPTOR_DETS and term[0].title:
                former = any(t.lower_ in self.sectors.former_markers for t in tokens)
                title = " ".join(term[0].words)
                target = resolver.descriptor_target([t.lower_ for t in tokens], start,
                                                    ("former " + title) if former else title, term[0].head_of)
                if target is not None:
                    out.append(Mention(doc_id, start, end, sdoc.text[start:end], "NOMINAL", local_id=target,
                                       entity_id=target, method="descriptor", confidence=0.65,
                                       component=COMPONENT, version=VERSION))
                    continue
            if not code.sector or code.kind in ("PERSON", "ORG") or code.sector == "UNK" and not code.country:
                continue
            entity_id = agent_entity_id(code.country, code.sector)
            entity = entities.get(entity_id)
            if entity is None:
                name = f"{code.country + ' ' if code.country else ''}{code.sector} (generic)"
                entity = Entity(entity_id, name, "AGENT", country=code.country, sector=code.sector,
                                code=code_of(code.country, code.sector), method="agent", confidence=0.6,
                                component=COMPONENT, version=VERSION)
                entities[entity_id] = entity
            _variant(entity, sdoc.text[start:end])
            out.append(Mention(doc_id, start, end, sdoc.text[start:end], "NOMINAL", local_id=entity_id,
                               entity_id=entity_id, method="agent", confidence=0.6, component=COMPONENT,
                               version=VERSION))
        return out


_CONFIDENCE = {"dictionary": 0.9, "name": 0.85, "variant": 0.8, "surname": 0.7, "handle": 0.7}


def _variant(entity: Entity, surface: str) -> None:
    _add(entity.variants, surface)


def _add(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)


def _name_like(text: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", clean_surface(text)) if w]
    return any(w[:1].isupper() for w in words)


def _apposed_to_name(chunk, people: list[tuple[int, int]]) -> bool:
    """A noun phrase set off by a comma right before or right after a person's name."""
    doc = chunk.doc
    after = chunk.end
    if after + 1 < len(doc) and doc[after].text == ",":
        start = doc[after + 1].idx
        if any(s <= start < e for s, e in people):
            return True
    before = chunk.start - 1
    if before - 1 >= 0 and doc[before].text == ",":
        end = doc[before - 1].idx + len(doc[before - 1])
        if any(s < end <= e for s, e in people):
            return True
    return False


def _locative(mention: Mention, sdoc) -> bool:
    if sdoc is None:
        return False
    span = sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _dateline(mention: Mention, sdoc) -> bool:
    """"Baghdad: Iraqi Prime Minister ...": a place name opening a line, then a colon or dash."""
    if sdoc is None:
        return False
    text = sdoc.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    after = text[mention.end:mention.end + 3].lstrip()
    return not text[line_start:mention.start].strip() and after[:1] in (":", "-", "—", "–")


def _acronym_cluster(orgs: dict[str, Cluster], surface: str) -> Cluster | None:
    """"NATO" after "North Atlantic Treaty Organization": an all-capitals acronym of a longer name."""
    if not surface.isupper() or len(surface) < 2 or " " in surface:
        return None
    for key, cluster in orgs.items():
        words = [w for w in key.split() if w not in ("of", "the", "and", "for")]
        if len(words) >= 2 and "".join(w[0] for w in words) == surface.lower():
            return cluster
    return None


def _dict_roles(entry: DictEntry) -> list[Role]:
    return [Role(role=r.role, country=r.country or entry.country, sector=r.sector, start_date=r.start,
                 end_date=r.end, former=False, evidence={"doc_id": None, "start": None, "end": None,
                                                           "text": f"dictionary:{entry.source}"})
            for r in entry.roles]


def _merge_roles(roles: list[Role]) -> list[Role]:
    """One role per (title, country, former) in a document."""
    seen = {}
    for role in roles:
        key = (role.role, role.country, role.former)
        if key not in seen:
            seen[key] = role
        elif not seen[key].sector and role.sector:
            seen[key] = role
    return list(seen.values())


# -- organizations NER missed --------------------------------------------------------------


class OrgScanner:
    """Dictionary organizations found in the text by their aliases (token sequences)."""

    def __init__(self, index: dict[str, list[tuple[tuple[str, ...], bool]]]):
        self.index = index  # first word key -> [(word keys, case-sensitive acronym)]

    @classmethod
    def for_dictionary(cls, dictionary: ActorDictionary, countries: CountryGazetteer) -> OrgScanner:
        cached = getattr(dictionary, "_scanner", None)
        if cached is not None:
            return cached
        index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for key, entries in dictionary.by_key.items():
            if not any(not e.is_person for e in entries) or key in countries.table:
                continue
            words = tuple(key.split())
            if len(words) == 1 and len(key) < 4:
                continue
            index.setdefault(words[0], []).append((words, False))
        for acronym, entries in dictionary.by_acronym.items():
            if any(not e.is_person for e in entries) and acronym.isalpha():
                index.setdefault(acronym, []).append(((acronym,), True))
        for options in index.values():
            options.sort(key=lambda o: -len(o[0]))
        scanner = cls(index)
        dictionary._scanner = scanner
        return scanner

    def hits(self, sdoc) -> list[tuple[int, int]]:
        tokens = [t for t in sdoc if not (t.is_punct and t.text in ("-", "‐", "'", "’", "."))]
        found = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            match = None
            for words, exact in self.index.get(tok.text if tok.text.isupper() else "", []) + \
                    self.index.get(name_key(tok.text), []):
                if exact:
                    if tok.text == words[0]:
                        match = (i, i + 1)
                        break
                    continue
                if not tok.text[:1].isupper():
                    continue
                n = len(words)
                seq = tokens[i:i + n]
                if len(seq) == n and all(name_key(t.text) == w for t, w in zip(seq, words)):
                    if n == 1 and tok.pos_ != "PROPN" and tok.is_sent_start and \
                            (tok.is_stop or tok.pos_ in ("VERB", "AUX", "ADV", "ADP", "DET", "PRON", "CCONJ",
                                                         "SCONJ", "NUM")):
                        continue  # a common word opening a sentence
                    if seq[-1].i - seq[0].i > 2 * n:  # the words are not together
                        continue
                    match = (i, i + n)
                    break
            if match:
                first, last = tokens[match[0]], tokens[match[1] - 1]
                found.append((first.idx, last.idx + len(last)))
                i = match[1]
            else:
                i += 1
        return found

    def merge(self, mentions: list[Mention], sdoc, doc_id: str) -> list[Mention]:
        hits = self.hits(sdoc)
        if not hits:
            return mentions
        out = list(mentions)
        for start, end in hits:
            overlapping = [m for m in out if m.start < end and start < m.end]
            if any(m.start <= start and end <= m.end and (m.start, m.end) != (start, end) for m in overlapping):
                continue  # inside a longer name NER found
            if any((m.start, m.end) == (start, end) for m in overlapping):
                continue
            if any(m.kind == "PERSON" for m in overlapping):
                continue
            out = [m for m in out if m not in overlapping]
            out.append(Mention(doc_id, start, end, sdoc.text[start:end], "ORG", method="scan", confidence=0.8,
                               component=COMPONENT, version=VERSION))
        return sorted(out, key=lambda m: (m.start, m.end))


def link_mentions(mentions: list[Mention], countries: CountryGazetteer) -> tuple[list[Mention], list[Entity]]:
    """States only (kept for callers without a parse): each country, demonym or capital mention coded."""
    entities: dict[str, Entity] = {}
    linked = []
    for mention in mentions:
        hit = countries.lookup(mention.text) if mention.kind in STATE_LABELS else None
        if hit is None:
            linked.append(mention)
            continue
        sector = "GOV" if hit.how == "capital" else None
        entity_id = state_entity_id(hit.country) if sector is None else government_entity_id(hit.country)
        entity = entities.setdefault(entity_id, Entity(
            entity_id, hit.country if sector is None else f"{hit.country} government", "STATE", country=hit.country,
            sector=sector, code=code_of(hit.country, sector), method=f"gazetteer:{hit.how}", confidence=0.9,
            component=COMPONENT, version=VERSION))
        _variant(entity, clean_surface(mention.text))
        linked.append(replace(mention, local_id=entity_id, entity_id=entity_id, method="gazetteer"))
    return linked, list(entities.values())


def _linker(resources: Resources) -> DocumentLinker:
    cached = resources._cache.get("_actor_linker")
    if cached is None:
        cached = DocumentLinker(resources)
        resources._cache["_actor_linker"] = cached
    return cached


@per_document("dyads.actors.link.v2", requires=("mentions",), produces=("mentions", "entities"))
def link_document(ctx: DocContext, resources: Resources) -> dict:
    """Group the document's mentions into coded entities (names, roles, pronouns, generic agents)."""
    mentions, entities = _linker(resources).link(ctx)
    return {"mentions": mentions, "entities": entities}


@per_document("dyads.actors.link.v1", requires=("mentions",), produces=("mentions", "entities"))
def link_document_v1(ctx: DocContext, resources: Resources) -> dict:
    """The v2 linker under its old name, so that stored pipelines naming v1 still run."""
    return link_document(ctx, resources)
