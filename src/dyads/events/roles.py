"""Actors and recipients of a trigger, read off the dependency parse.

Handles active and passive voice, inherited subjects ("X agreed to meet Y"), compound
actors ("X and Y"), possessive actors of event nouns ("Iran's attacks") and prepositional
recipients ("attacks on the Green Zone").
"""

from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
RECIPIENT_PREPS = frozenset({"on", "against", "with", "to", "at", "toward", "towards", "into", "upon", "from"})
NOUN_RECIPIENT_PREPS = frozenset({"on", "against", "with", "to", "at", "toward", "towards", "into", "upon", "between"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp"})
PRONOUN_ACTORS = frozenset({"he", "she", "they", "we", "it", "i", "you"})


@dataclass
class Roles:
    actors: list  # spaCy tokens (heads of the actor phrases)
    recipients: list
    passive: bool = False


def conjuncts(token) -> list:
    """The token and the tokens coordinated with it ("Iraq and Iran")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            found.extend(conjuncts(child))
    return found


def verb_roles(verb) -> Roles:
    actors, recipients, passive = [], [], False
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            actors.extend(conjuncts(child))
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            passive = True
            recipients.extend(conjuncts(child))
        elif child.dep_ == "agent":
            actors.extend(t for obj in child.children if obj.dep_ == "pobj" for t in conjuncts(obj))
        elif child.dep_ in OBJECT_DEPS:
            recipients.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            recipients.extend(t for obj in child.children if obj.dep_ == "pobj" for t in conjuncts(obj))
    if not actors:
        actors = _inherited_subject(verb)
    return Roles(actors, [r for r in recipients if r.pos_ != "PRON" or r.lower_ in PRONOUN_ACTORS], passive)


def _inherited_subject(verb, depth: int = 0) -> list:
    """Subject of a governing verb: "X agreed to [meet]", "X met Y and [signed]"."""
    if depth > 3 or verb.dep_ not in INHERIT_DEPS or verb.head is verb:
        return []
    head = verb.head
    for child in head.children:
        # "X is scheduled to [visit]": the passive subject of the governing verb acts
        if child.dep_ in SUBJECT_DEPS or (child.dep_ in PASSIVE_SUBJECT_DEPS and verb.dep_ == "xcomp"):
            return conjuncts(child)
        if child.dep_ == "agent":
            return [obj for obj in child.children if obj.dep_ == "pobj"]
    return _inherited_subject(head, depth + 1)


def noun_roles(noun, light_verbs: frozenset[str]) -> Roles:
    """Roles of an event noun: "Iran's attacks on US bases", "X launched air strikes against Y"."""
    actors, recipients = [], []
    for child in noun.children:
        if child.dep_ == "poss":
            actors.extend(conjuncts(child))
        elif child.dep_ in ("compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            actors.append(child)
        elif child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS:
            recipients.extend(t for obj in child.children if obj.dep_ == "pobj" for t in conjuncts(obj))
        elif child.dep_ == "prep" and child.lower_ == "by":
            actors.extend(t for obj in child.children if obj.dep_ == "pobj" for t in conjuncts(obj))
    head = noun.head
    if not actors and noun.dep_ in OBJECT_DEPS and head.lemma_.lower() in light_verbs:
        head_roles = verb_roles(head)
        actors = head_roles.actors
        if not recipients:
            recipients = [r for r in head_roles.recipients if r is not noun]
    if not actors and noun.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        pass  # "The attack killed ten": the event noun is the subject; its actor is unknown
    return Roles(actors, recipients)
