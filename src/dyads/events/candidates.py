"""Trigger candidates: every reading the lexicon allows for a sentence's words, with roles.

This is the cheap first pass of the event coder. A token can start several lexicon entries
of different PLOVER types ("strike" is ASSAULT, PROTEST or AGREE with "a deal"); each type
becomes one candidate, and the trained coder (events/coder.py) chooses among them with the
sentence classifier and the parse. Sentences without a candidate are never embedded.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyads.clean.mask import inside_removed
from dyads.events.lexicon import Trigger, TriggerLexicon
from dyads.events.roles import (RECIPIENT_PREPS, WEAK_RECIPIENT_PREPS, Roles, adjective_roles, noun_roles,
                                verb_roles)
from dyads.events.status import trailing_allegation

DEFAULT_PREPS = RECIPIENT_PREPS - WEAK_RECIPIENT_PREPS

TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})


@dataclass
class Candidate:
    sent: object  # spaCy Span of the sentence
    token: object  # the trigger's head token
    span: list  # the trigger's tokens (multiword lemmas, particles)
    trigger: Trigger
    roles: Roles
    rank: float  # how specific the lexicon match is (longer, with particle or object: higher)
    n_types: int = 1  # how many PLOVER types the lexicon gives this token

    @property
    def event(self) -> str:
        return self.trigger.event

    @property
    def start(self) -> int:
        return self.span[0].idx

    @property
    def end(self) -> int:
        return self.span[-1].idx + len(self.span[-1])


def match_triggers(token, lexicon: TriggerLexicon) -> list[tuple[float, Trigger, list]]:
    """Every PLOVER type the lexicon gives this token, each with its most specific entry."""
    best: dict[str, tuple[float, Trigger, list]] = {}
    pos = "NOUN" if token.pos_ == "PROPN" else token.pos_
    entries = lexicon.candidates(token.lemma_, pos)
    if token.lower_ != token.lemma_.lower():  # the lexicon lists some nouns in the plural: "talks", "sanctions"
        entries = entries + [t for t in lexicon.candidates(token.lower_, pos) if t not in entries]
    if pos == "ADJ":  # multiword nouns that open with an adjective: "joint exercises", "hunger strike"
        entries = entries + [t for t in lexicon.candidates(token.lemma_, "NOUN") if t.rest and t not in entries]
    for trigger in entries:
        span = [token]
        if trigger.rest:
            following = _following(token, trigger.rest)
            if following is None:
                continue
            span += following
        particle = None
        if trigger.particle:
            particle = particle_child(token, trigger.particle)
            if particle is None:
                continue
        if trigger.objects and not has_object(token, trigger.objects):
            continue
        if trigger.heads and token.head.lemma_.lower() not in trigger.heads:
            continue
        rank = len(span) + (2 if trigger.particle else 0) + (2 if trigger.objects else 0) - 0.5 * trigger.ambiguous
        if particle is not None and particle.i == span[-1].i + 1:
            span = span + [particle]
        if trigger.event not in best or rank > best[trigger.event][0]:
            best[trigger.event] = (rank, trigger, span)
    return sorted(best.values(), key=lambda b: -b[0])


SKIPPABLE = frozenset({"det", "amod", "compound", "nummod", "poss", "advmod", "quantmod", "punct"})


def _following(token, rest: tuple[str, ...]) -> list | None:
    """The tokens after `token` that spell `rest`, allowing modifiers in between ("hold joint [military] exercises")."""
    doc, found, i = token.doc, [], token.i + 1
    limit = min(len(doc), token.i + 1 + len(rest) + 3)
    for word in rest:
        while i < limit:
            tok = doc[i]
            i += 1
            if tok.lemma_.lower() == word or tok.lower_ == word:
                found.append(tok)
                break
            if tok.dep_ not in SKIPPABLE or tok.is_sent_start:
                return None
        else:
            return None
    return found


def particle_child(token, particle: str):
    """The particle or preposition child that a multiword trigger needs ("pulled *out*", "cracked *down*")."""
    for child in token.children:
        if child.dep_ in ("prt", "prep", "advmod") and child.lower_ == particle.lower():
            if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
                                            for o in child.children):
                continue  # "called on Sunday for ..." is not "call on"
            return child
    return None


def has_object(token, objects: tuple[str, ...]) -> bool:
    """True when the trigger's object (direct, passive subject or prepositional) is one of `objects`."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and _matches(child, objects):
            return True
        if child.dep_ == "prep" and any(_matches(g, objects) for g in child.children if g.dep_ == "pobj"):
            return True
    shifted = shifted_object(token)
    return shifted is not None and _matches(shifted, objects)


def shifted_object(token):
    """The object after an inserted phrase that the parser missed: in "shortened by one hour the nightly
    curfew imposed ..." it reads "curfew" as the subject of a later verb. Only for a verb with no object."""
    if token.pos_ != "VERB" or any(c.dep_ in ("dobj", "xcomp", "nsubjpass") for c in token.children):
        return None
    doc = token.doc
    for tok in doc[token.i + 1: min(token.i + 9, token.sent.end)]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":", "--", "—"):
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "appos", "npadvmod") \
                and tok.head.i > token.i:
            return tok
    return None


PARTITIVES = frozenset({"kg", "kilogram", "kilograms", "ton", "tons", "tonne", "tonnes", "million", "billion",
                        "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "number", "group",
                        "batch", "shipment", "consignment", "package", "round", "wave", "series", "lot", "set",
                        "pair", "couple", "convoy", "load", "amount", "quantity", "supply", "supplies", "all",
                        "some", "most", "part", "rest", "each", "one", "two", "three", "several", "many", "%",
                        "percent", "worth", "mission", "team", "delegation", "contingent", "unit", "patch"})


CAPTIVE_WORDS = frozenset({"prisoners", "hostages", "detainees", "captives"})
PERSON_NOUNS = frozenset({"minister", "president", "leader", "official", "member", "officer", "citizen", "national",
                          "worker", "people", "man", "woman", "child", "student", "soldier", "journalist", "activist",
                          "opponent", "dissident", "politician", "diplomat", "tourist", "sailor", "pilot", "crew",
                          "civilian", "villager", "resident", "monk", "priest", "businessman", "lawmaker", "deputy"})


def _matches(token, objects: tuple[str, ...]) -> bool:
    if token.lemma_.lower() in objects or token.lower_ in objects:
        return True
    if CAPTIVE_WORDS & set(objects) and (token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_NOUNS):
        return True  # "released Prime Minister Chaudhry": a person is a captive when released
    modifiers = [t for t in token.lefts if t.dep_ in ("compound", "amod")]
    compound = " ".join(t.lower_ for t in modifiers) + " " + token.lower_
    if compound.strip() in objects:
        return True
    if modifiers and f"{modifiers[-1].lower_} {token.lower_}" in objects:
        return True  # "NATO peacekeeping troops": the modifier next to the head makes the listed phrase
    if any(t.dep_ == "compound" and (t.lemma_.lower() in objects or t.lower_ in objects) for t in modifiers):
        return True  # "suspended aid deliveries", "lifted the curfew order"
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if f"{token.lower_} of {obj.lower_}" in objects or f"{token.lemma_.lower()} of {obj.lower_}" in objects:
                return True  # "state of emergency"
            if token.lower_ in PARTITIVES or token.like_num or token.lemma_.lower() in PARTITIVES:
                if _matches(obj, objects):
                    return True  # "700 kg of medicine", "thousands of troops"
    return False


NAME_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "LAW"})


def blocked_tokens(sent, lexicon: TriggerLexicon) -> set[int]:
    """Token indices inside a false friend ("Amnesty International", "news conference", "-backed") or a name
    ("the Popular Mobilization", "Defense Cooperation Agreement"): a name states no event."""
    words = [t.lower_ for t in sent]
    blocked: set[int] = {t.i for t in sent if t.ent_type_ in NAME_TYPES}
    for phrase in lexicon.false_friends:
        if len(phrase) == 1 and phrase[0].startswith("-"):
            suffix = phrase[0][1:]
            for i, tok in enumerate(sent):
                if tok.lower_ == suffix and i > 0 and sent[i - 1].text == "-":
                    blocked.add(tok.i)
                elif tok.lower_.endswith(phrase[0]):
                    blocked.add(tok.i)
            continue
        size = len(phrase)
        for i in range(len(words) - size + 1):
            if tuple(words[i:i + size]) == phrase:
                if size == 1 and sent[i].pos_ != "NOUN":
                    continue
                blocked.update(sent[j].i for j in range(i, i + size))
    return blocked


def _attributive_participle(token) -> bool:
    """A participle before the noun it describes states a condition, not an event: "detained journalists",
    "the Israeli-occupied West Bank", "a besieged city"."""
    return token.dep_ == "amod" and token.tag_ in ("VBN", "VBG") and token.head.i > token.i


def sentence_candidates(sent, lexicon: TriggerLexicon, removed=()) -> list[Candidate]:
    """All trigger candidates of one sentence, in reading order."""
    blocked = blocked_tokens(sent, lexicon)
    found = []
    for token in sent:
        if token.pos_ not in TRIGGER_POS or token.i in blocked or _attributive_participle(token):
            continue
        if removed and inside_removed(token.idx, token.idx + 1, removed):
            continue
        matches = match_triggers(token, lexicon)
        if not matches:
            continue
        head = phrase_head(token, matches)
        if head.i != token.i:  # "hunger strike", "peace talks": the phrase's head carries the roles
            token = head
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound" and token.head.lower_ in LIGHT_HEADS:
            roles = noun_roles(token.head, lexicon.light_verbs, lexicon.recipient_light_verbs)  # "a mediation effort"
        elif token.pos_ in ("NOUN", "PROPN"):
            roles = noun_roles(token, lexicon.light_verbs, lexicon.recipient_light_verbs)
        elif token.pos_ == "ADJ":
            roles = adjective_roles(token)
        else:
            roles = verb_roles(token)
        by_prep = {}
        if _communicates(token):
            matches = [m for m in matches if m[1].event not in MATERIAL_TYPES]
        if trailing_allegation(token):
            # "Guards abused prisoners, a rights group charged": the allegation reports the event it follows
            # (coded with status claimed), it is not an accusation of its own
            matches = [m for m in matches if m[1].event != "ACCUSE"]
        if token.lemma_.lower() in lexicon.speech_verbs and not any(c.dep_ == "xcomp" for c in token.children):
            # "told reporters that ...": reporting, not a request ("told X to leave" is one)
            matches = [m for m in matches if m[1].event != "REQUEST" or m[1].particle or m[1].rest]
        for rank, trigger, span in matches:
            if token.pos_ == "VERB" and trigger.prep in WEAK_RECIPIENT_PREPS:
                if trigger.prep not in by_prep:  # "protested over X", "voted in favour": the entry's preposition
                    by_prep[trigger.prep] = verb_roles(token, DEFAULT_PREPS | {trigger.prep})
                roles_for = by_prep[trigger.prep]
            else:
                roles_for = roles
            if trigger.requires_object and not roles_for.recipients and not trigger.objects \
                    and not _has_complement(token):
                continue
            found.append(Candidate(sent, token, span, trigger, roles_for, rank, n_types=len(matches)))
    found.extend(modal_demands(sent, lexicon, blocked, {c.token.i for c in found if c.event == "REQUEST"}))
    best: dict[tuple[int, str], Candidate] = {}
    for cand in found:  # one candidate per head token and type: the most specific entry
        key = (cand.token.i, cand.event)
        if key not in best or cand.rank > best[key].rank:
            best[key] = cand
    return sorted(best.values(), key=lambda c: (c.token.i, -c.rank))


DEMAND_MODALS = frozenset({"must", "should", "ought"})
DEMAND_SPEECH = frozenset({"say", "state", "insist", "reiterate", "conclude", "declare", "stress", "tell", "argue",
                           "add", "emphasize", "emphasise", "maintain", "repeat", "write", "announce", "underline",
                           "note", "affirm", "reaffirm", "believe", "feel", "think", "agree", "decide", "rule"})


def modal_demands(sent, lexicon: TriggerLexicon, blocked: set[int], taken: set[int]) -> list[Candidate]:
    """ "Russia said Sudan must return the helicopter": a demand (REQUEST) of the speaker on the clause's subject."""
    found = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.i in blocked or token.i in taken:
            continue
        if token.lemma_.lower() not in DEMAND_SPEECH and token.lemma_.lower() not in lexicon.speech_verbs:
            continue
        for clause in token.children:
            if clause.dep_ not in ("ccomp", "parataxis"):
                continue
            modal = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS]
            have_to = clause.lemma_.lower() == "have" and any(c.dep_ == "xcomp" for c in clause.children)
            if not modal and not have_to:
                continue
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects or subjects[0].pos_ == "PRON":
                continue  # "we must act": a resolve, not a demand on someone
            speaker = verb_roles(token)
            if any(a.i == subjects[0].i for a in speaker.actors):
                continue
            trigger = Trigger(event="REQUEST", lemma=token.lemma_.lower(), pos="VERB", source="pattern")
            roles = Roles(speaker.actors, [subjects[0]] + [t for t in subjects[0].children
                                                          if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")],
                          False, (None,) * (1 + sum(1 for t in subjects[0].children if t.dep_ == "conj"
                                                    and t.pos_ in ("PROPN", "NOUN"))))
            found.append(Candidate(sent, token, [token], trigger, roles, 1.5, n_types=1))
            break
    return found


LIGHT_HEADS = frozenset({"effort", "efforts", "operation", "operations", "campaign", "mission", "drive", "plan",
                         "programme", "program", "initiative", "bid", "round", "session", "package", "deliveries",
                         "delivery", "measures", "move", "process", "convoy", "convoys", "flights", "shipments"})


def phrase_head(token, matches) -> object:
    """The syntactic head of a multiword noun trigger ("hunger [strike]"), else the token itself."""
    for _, trigger, span in matches:
        if len(span) > 1 and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ in ("compound", "amod"):
            ids = {t.i for t in span}
            if token.head.i in ids:
                return token.head
    return token


# "sent a clear message to Iran", "settling scores": a material verb with a word as its object says something.
WORD_OBJECTS = frozenset({"message", "messages", "signal", "signals", "letter", "letters", "note", "notes",
                          "greeting", "greetings", "condolence", "condolences", "speech", "address", "score",
                          "scores", "anonymity", "regards", "thanks", "word", "words", "email", "tweet", "memo"})
MATERIAL_TYPES = frozenset({"AID", "AGREE", "MOBILIZE", "REQUEST", "RETREAT", "COOPERATE", "ASSAULT"})


def _communicates(token) -> bool:
    return token.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in WORD_OBJECTS
                                        and not _quantity(c) for c in token.children)


def _quantity(token) -> bool:
    """"scores of refugees", "a score of villagers": a number, not the word "score"."""
    return token.lower_ in ("score", "scores") and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _has_complement(token) -> bool:
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "attr") for c in token.children)
