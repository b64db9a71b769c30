"""Whether an event happened: occurred, future, hypothetical, negated, historical or claimed.

First version: rules over the trigger's own dependents and the verbs that govern it.
"""

from __future__ import annotations

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
FUTURE_GOVERNORS = frozenset({"plan", "schedule", "expect", "intend", "prepare", "set", "aim", "seek", "hope",
                              "want", "propose", "pledge", "promise", "vow", "threaten"})
CLAIM_GOVERNORS = frozenset({"allege", "claim", "accuse", "quote", "report", "rumor", "rumour"})
NEGATIVE_DETERMINERS = frozenset({"no", "never", "neither", "nor"})


def event_status(trigger) -> str:
    """The status of the event whose trigger token is given."""
    chain = _governing_chain(trigger)
    for tok in chain:
        children = list(tok.children)
        if any(c.dep_ == "neg" for c in children):
            return "negated"
        if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in children):
            return "negated"
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return "hypothetical"
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        if auxes & FUTURE_AUX:
            return "future"
        if tok is not trigger and tok.lemma_.lower() in FUTURE_GOVERNORS and trigger.pos_ == "VERB":
            return "future"
    return "occurred"


def _governing_chain(trigger, limit: int = 3) -> list:
    """The trigger and the verbs it is the complement of ("agreed to [meet]")."""
    chain = [trigger]
    tok = trigger
    while tok.dep_ in ("xcomp", "dobj") and tok.head is not tok and len(chain) <= limit:
        tok = tok.head
        chain.append(tok)
    return chain
