"""How closely a modifier (a date, a place) belongs to an event trigger in the parse.

    3  in the trigger's own phrase or clause: "the raids carried out ... on Sunday 27/6 2021"
    2  in the clause of the verb whose object or complement the trigger is: "launched strikes on Monday"
    1  elsewhere in the sentence, but not dating a report of the event: "X said Tuesday that ..."
    0  not in the sentence, or in a clause below the trigger ("told AFP that ... in August")

Other events' clauses (ccomp, advcl, relcl, conj ...) are cut off a verb's phrase, so a
date in "after the talks that ended Monday, they signed ..." does not date "signed".
"""

from __future__ import annotations

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "conj", "acl"})
NOUN_CUT_DEPS = frozenset({"conj", "appos", "parataxis"})
DEEP_CUT_DEPS = CLAUSE_DEPS - {"acl"}  # below the first level a reduced relative still describes its noun
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "state", "announce", "confirm", "affirm", "report", "claim", "write", "tweet", "note",
    "explain", "stress", "declare", "insist", "warn", "deny", "reveal", "indicate", "mention", "argue", "reply",
    "respond", "quote", "post", "publish", "acknowledge", "admit", "disclose", "emphasize", "emphasise",
})


def local_indices(token) -> set[int]:
    """The token's phrase: a noun's whole subtree (its acl/relcl describe it), a verb's without other clauses."""
    cut = NOUN_CUT_DEPS if token.pos_ in ("NOUN", "PROPN") else CLAUSE_DEPS
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ not in cut]
    while stack:
        current = stack.pop()
        keep.add(current.i)
        stack.extend(c for c in current.children if c.dep_ not in DEEP_CUT_DEPS)
    return keep


def frame_verb(trigger):
    """The verb whose object or complement a nominal trigger is ("launched" for "launched strikes")."""
    current = trigger
    while current.head.i != current.i and current.dep_ not in CLAUSE_DEPS:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def reporting_verbs(trigger) -> list:
    """Speech verbs above the trigger: their dates are the report's, not the event's."""
    return [a for a in trigger.ancestors if a.lemma_.lower() in SPEECH_LEMMAS and a.i != trigger.i]


def attachment(trigger, target) -> int:
    """How closely `target` (a token) modifies the event whose trigger token is `trigger`."""
    if target.sent.start != trigger.sent.start:
        return 0
    if target.i in local_indices(trigger):
        return 3
    if any(t.i == target.i for t in trigger.subtree):
        return 0  # in a clause below the trigger: it belongs to the event told there
    frame = frame_verb(trigger)
    if frame is not None and frame.lemma_.lower() not in SPEECH_LEMMAS and target.i in local_indices(frame):
        return 2
    for verb in reporting_verbs(trigger):
        if target.i in local_indices(verb):
            return 0
    return 1


def echo_tokens(trigger, taken: set[int]) -> list:
    """The trigger and its echoes: the same word repeated in its sentence ("the raids carried out
    on Sunday on the border, raids that ..."), which name the same event; `taken` are other
    events' triggers, never echoes."""
    lemma = trigger.lemma_.lower()
    echoes = [t for t in trigger.sent if t.i != trigger.i and t.i not in taken and t.lemma_.lower() == lemma
              and t.pos_ in ("NOUN", "VERB")]
    return [trigger, *echoes]


def best_attachment(triggers: list, target) -> int:
    return max((attachment(t, target) for t in triggers), default=0)


def clause_head(token):
    """The head of the smallest clause holding `token` (a subordinate clause's verb, or the root)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in CLAUSE_DEPS - {"conj"} or ancestor.head.i == ancestor.i:
            return ancestor
    return token


def same_clause(first, second) -> bool:
    return clause_head(first).i == clause_head(second).i


def token_at(spacy_doc, start: int, end: int):
    """The syntactic head of the text between two character offsets, or None."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
