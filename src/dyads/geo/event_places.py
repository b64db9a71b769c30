"""Give each event the place where it happened, not every place in its sentence.

A place counts when it is the object of a locative preposition ("in Basra", "on the
Iraqi-Syrian border"), the destination of a visit ("visited Tehran", "his trip to
Riyadh"), or the antecedent of "where" ("Tehran, where he met officials"), and is
attached to the event's trigger phrase or the clause it is the object of. Failing that,
a locative place elsewhere in the sentence is taken when it belongs to no other event's
phrase and to no clause apart from the event's. A state that is the event's actor or
recipient ("Washington warned Iran") is not its place.
"""

from __future__ import annotations

from dataclasses import replace

from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Event, Mention
from dyads.time.attach import best_attachment, echo_tokens, local_indices, same_clause, token_at

LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "along", "around", "into",
                      "within", "throughout", "off"})
SURFACE_LOCATIVE = frozenset({"on", "over"})  # "on the border", but not "depend on Tehran"
MOVEMENT_LEMMAS = frozenset({"visit", "trip", "tour", "travel", "arrive", "fly", "go", "come", "return", "head",
                             "journey", "deploy", "move"})


def is_locative(token, trigger, mention: Mention) -> bool:
    """True when the place token is where something happens, not who acts or what is named."""
    while token.dep_ == "conj":  # "in Syria and Iraq"
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and (head.lower_ in LOCATIVE or (head.lower_ in SURFACE_LOCATIVE
                                                            and mention.kind in ("LOC", "FAC"))):
        return True
    if trigger.lemma_.lower() in MOVEMENT_LEMMAS:  # "visited Tehran", "his trip to Riyadh"
        return (token.dep_ == "dobj" and head.i == trigger.i) or \
            (token.dep_ == "pobj" and head.lower_ == "to" and head.head.i == trigger.i)
    return False


def where_antecedent(trigger) -> int | None:
    """"Tehran, where he met officials": the token index of the noun that "where" points back to."""
    for clause in [trigger, *trigger.ancestors]:
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            return clause.head.i
    return None


def place_score(event: Event, trigger, echoes: list, mention: Mention, token, others: list[set[int]]) -> int:
    if token.i == where_antecedent(trigger):
        return 4
    # Only a locative use counts, so a state that acts or is acted on ("Washington warned Iran") is not the
    # place; a located target that the coder made the recipient ("attacked a convoy in Basra") still is.
    if not is_locative(token, trigger, mention):
        return 0
    score = best_attachment(echoes, token)
    if score == 1 and (any(token.i in local for local in others) or not same_clause(trigger, token)):
        return 0  # the place of another event, or of another clause
    return score


def place_event(event: Event, spacy_doc, places: list[tuple[Mention, object]], taken: set[int],
                others: list[set[int]]) -> Event:
    trigger = token_at(spacy_doc, event.trigger_start, event.trigger_end)
    if trigger is None:
        return event
    echoes = echo_tokens(trigger, taken - {trigger.i})
    ranked = [(place_score(event, trigger, echoes, m, t, others), m) for m, t in places]
    ranked = [r for r in ranked if r[0] > 0]
    if not ranked:
        return event
    best = max(ranked, key=lambda r: (r[0], -abs(r[1].start - event.trigger_start)))
    return replace(event, place_id=best[1].place_id)


@per_document("dyads.geo.event_places.v1", requires=("spacy_doc", "events", "mentions", "places"),
              produces=("events",))
def event_places_stage(ctx: DocContext, resources: Resources) -> dict:
    """Set place_id on events from the geocoded place attached to them."""
    spacy_doc = ctx["spacy_doc"]
    located = [(m, t) for m in ctx["mentions"] if m.place_id and (t := token_at(spacy_doc, m.start, m.end)) is not None]
    triggers = {e.event_id: token_at(spacy_doc, e.trigger_start, e.trigger_end) for e in ctx["events"]}
    taken = {t.i for t in triggers.values() if t is not None}
    phrases = {i: local_indices(spacy_doc[i]) for i in taken}
    events = []
    for event in ctx["events"]:
        own = triggers[event.event_id]
        in_sentence = [(m, t) for m, t in located if event.sentence_start <= m.start and m.end <= event.sentence_end]
        if own is None or not in_sentence:
            events.append(event)
            continue
        others = [phrases[t.i] for eid, t in triggers.items()
                  if t is not None and eid != event.event_id and t.i != own.i
                  and event.sentence_start <= t.idx < event.sentence_end]
        events.append(place_event(event, spacy_doc, in_sentence, taken, others))
    return {"events": events}
