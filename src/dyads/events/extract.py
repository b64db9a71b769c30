"""The first event extractor: trigger lexicon + dependency parse, one event per trigger.

For each sentence, verbs and event nouns found in the trigger lexicon become events of
their PLOVER type; actors and recipients come from the parse (events/roles.py) and are
coded through the document's entities (events/participants.py).
"""

from __future__ import annotations

from dyads.clean.mask import inside_removed
from dyads.events.candidates import particle_child
from dyads.events.lexicon import Trigger, TriggerLexicon
from dyads.events.ontology import score
from dyads.events.participants import ParticipantBuilder
from dyads.events.roles import Roles, noun_roles, verb_roles
from dyads.events.status import event_status
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Event, stable_id

COMPONENT = "dyads.events.rules"
VERSION = "1"
RECIPROCAL_LEMMAS = frozenset({"meet", "talk", "discuss", "negotiate", "confer", "consult", "hold"})


def match_trigger(token, lexicon: TriggerLexicon) -> tuple[Trigger, list] | None:
    """The most specific lexicon entry that this token starts, with the tokens it spans."""
    best = None
    for trigger in lexicon.candidates(token.lemma_, token.pos_):
        span = [token]
        if trigger.rest:
            following = [t for t in token.doc[token.i + 1: token.i + 1 + len(trigger.rest) + 1]
                         if t.dep_ != "det"][: len(trigger.rest)]
            if [t.lemma_.lower() for t in following] != list(trigger.rest) and \
                    [t.lower_ for t in following] != list(trigger.rest):
                continue
            span += following
        if trigger.particle and particle_child(token, trigger.particle) is None:
            continue
        if trigger.objects and not _has_object(token, trigger.objects):
            continue
        rank = len(span) + (2 if trigger.particle else 0) + (2 if trigger.objects else 0) - 0.5 * trigger.ambiguous
        if best is None or rank > best[0]:
            best = (rank, trigger, span)
    return (best[1], best[2]) if best else None


def _has_object(token, objects: tuple[str, ...]) -> bool:
    """True when the trigger's object (direct, passive subject or prepositional) is one of `objects`."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and child.lemma_.lower() in objects:
            return True
        if child.dep_ == "prep" and any(g.lemma_.lower() in objects for g in child.children if g.dep_ == "pobj"):
            return True
    return False


def extract_events(ctx: DocContext, resources: Resources) -> list[Event]:
    spacy_doc = ctx["spacy_doc"]
    lexicon: TriggerLexicon = resources.get("triggers")
    builder = ParticipantBuilder(ctx["mentions"], ctx.get("entities", []), resources.get("countries"),
                                 resources.get("sectors"))
    removed = ctx.get("removed", [])
    events = []
    for sent in spacy_doc.sents:
        if not sent.text.strip():
            continue
        for token in sent:
            if token.pos_ not in ("VERB", "NOUN") or inside_removed(token.idx, token.idx + 1, removed):
                continue
            found = match_trigger(token, lexicon)
            if found is None:
                continue
            trigger, span = found
            if token.pos_ == "NOUN":
                roles = noun_roles(token, lexicon.light_verbs)
            else:
                roles = verb_roles(token)
            if trigger.requires_object and not roles.recipients:
                continue
            if token.pos_ == "NOUN" and not roles.actors and not roles.recipients:
                continue  # a bare event noun ("the dialogue") states no event between actors
            events.append(_make_event(ctx.doc.doc_id, sent, token, span, trigger, roles, builder))
    return events


def _make_event(doc_id, sent, token, span, trigger: Trigger, roles: Roles, builder) -> Event:
    actors = [builder.build(t) for t in roles.actors]
    recipients = [builder.build(t) for t in roles.recipients]
    if trigger.event == "CONSULT" and trigger.mode is None and token.lemma_.lower() in RECIPROCAL_LEMMAS:
        actors, recipients = actors + recipients, []  # a meeting is reciprocal: all are actors
    start, end = span[0].idx, span[-1].idx + len(span[-1])
    sentence_start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    confidence = 0.35 + 0.25 * bool(actors) + 0.15 * bool(recipients) + (0.1 if token.pos_ == "VERB" else 0)
    return Event(
        event_id=stable_id("v", doc_id, start, end, trigger.event),
        doc_id=doc_id, sentence_start=sentence_start, sentence_end=sentence_start + len(sent.text.strip()),
        trigger_text=token.doc.text[start:end], trigger_start=start, trigger_end=end,
        event=trigger.event, mode=trigger.mode, context=list(trigger.context),
        status=event_status(token), actors=actors, recipients=recipients,
        score=score(trigger.event, trigger.mode), confidence=round(min(confidence, 0.95), 3),
        component=COMPONENT, version=VERSION,
    )


@per_document("dyads.events.rules.v1", requires=("spacy_doc", "mentions", "entities"), produces=("events",))
def events_stage(ctx: DocContext, resources: Resources) -> dict:
    """PLOVER events from trigger words and the dependency parse."""
    return {"events": extract_events(ctx, resources)}
