"""The trigger lexicon: which lemmas (with which particle) state which PLOVER event.

Loaded from resources/events/triggers.yaml, written by the dyads developers from the
PLOVER manual. Each entry: lemma (one or more words), pos, mode, context, and an
optional particle or preposition that must follow ("call on" is REQUEST, "call" alone is not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyads.events.ontology import EVENT_TYPES
from dyads.pipeline import Resources
from dyads.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Trigger:
    event: str
    lemma: str  # first word of the lemma
    pos: str  # VERB, NOUN, ADJ
    rest: tuple[str, ...] = ()  # following words of a multiword lemma ("fire" in "open fire")
    particle: str | None = None  # required particle child ("call on", "pull out")
    prep: str | None = None  # preposition that usually introduces the recipient (a hint, not required)
    mode: str | None = None
    context: tuple[str, ...] = ()
    requires_object: bool = False
    objects: tuple[str, ...] = ()  # head nouns the trigger needs as object ("impose" + "sanctions")
    heads: tuple[str, ...] = ()  # lemmas the trigger must hang on ("guilty" only when "found/pleaded guilty")
    ambiguous: bool = False  # the lexicon marks this reading as the less likely one
    source: str = "lexicon"  # lexicon | pattern (made by a parse pattern, e.g. "X said Y must ...")


@dataclass
class TriggerLexicon:
    by_lemma: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    recipient_light_verbs: frozenset[str] = frozenset()  # "came under attack": the subject is the target
    false_friends: tuple[tuple[str, ...], ...] = ()  # lower-cased word sequences that are not events

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.by_lemma.get((lemma.lower(), _pos_group(pos)), [])

    def verb_words(self) -> frozenset[str]:
        """Every verb the event rules look up by lemma (for the lemma repair in annotate/lemmas.py)."""
        entries = {lemma.split()[0] for (lemma, group) in self.by_lemma if group == "VERB"}
        return frozenset(entries) | self.speech_verbs | self.light_verbs | self.recipient_light_verbs

    def add(self, trigger: Trigger) -> None:
        self.by_lemma.setdefault((trigger.lemma, _pos_group(trigger.pos)), []).append(trigger)


def _pos_group(pos: str) -> str:
    return "NOUN" if pos in ("NOUN", "PROPN") else ("ADJ" if pos == "ADJ" else "VERB")


def parse_lexicon(data: dict) -> TriggerLexicon:
    lexicon = TriggerLexicon(
        speech_verbs=frozenset(w.lower() for w in data.get("speech_verbs", [])),
        light_verbs=frozenset(_first_word(w) for w in data.get("light_verbs", [])),
        recipient_light_verbs=frozenset(_recipient_light(w) for w in data.get("recipient_light_verbs", [])),
        false_friends=tuple(tuple(str(f["phrase"] if isinstance(f, dict) else f).lower().split())
                            for f in data.get("false_friends", []) or []),
    )
    types = data.get("types") or data.get("triggers") or data
    for event in EVENT_TYPES:
        for entry in types.get(event, []) or []:
            if isinstance(entry, str):
                entry = {"lemma": entry}
            words = str(entry["lemma"]).lower().split()
            if not words:
                continue
            lexicon.add(Trigger(
                event=event, lemma=words[0], rest=tuple(words[1:]), pos=entry.get("pos") or "VERB",
                particle=_yaml_word(entry.get("particle")), prep=_yaml_word(entry.get("prep")),
                mode=entry.get("mode") or None, context=tuple(entry.get("context") or ()),
                requires_object=bool(entry.get("requires_object", False)),
                objects=tuple(str(o).lower() for o in entry.get("object") or ()),
                heads=tuple(str(h).lower() for h in entry.get("head") or ()),
                ambiguous=str(entry.get("note") or "").upper().startswith("AMBIGUOUS"),
            ))
    return lexicon


def _yaml_word(value) -> str | None:
    """YAML 1.1 reads a bare `on`/`off` as a boolean; in this lexicon they are particles."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower() if value else None


def _recipient_light(text: str) -> str:
    """The lemma of a recipient light verb: "be subjected to" -> "subject", "come under" -> "come"."""
    words = [w for w in str(text).lower().split() if w != "be"]
    first = words[0] if words else ""
    return {"subjected": "subject", "targeted": "target", "granted": "grant", "denied": "deny"}.get(first, first)


def _first_word(text: str) -> str:
    return str(text).lower().split()[0]


@Resources.register("triggers")
def load_lexicon() -> TriggerLexicon:
    return parse_lexicon(load_yaml("events", "triggers.yaml"))
