"""Speech cues in the parse: the verb that reports a statement and the phrase that made it.

    X said (that) ...          X told AFP ...           X wrote on Twitter that ...
    X confirmed the refusal    "...," X added           ... , adding, "..."
    according to X, ...        X was quoted as saying   media quoted X as saying ...
"""

from __future__ import annotations

# Verbs that report speech with a clause ("said that ...") or a quotation.
SPEECH = frozenset({
    "say", "tell", "add", "state", "announce", "confirm", "affirm", "stress", "emphasize", "emphasise", "note",
    "explain", "declare", "insist", "warn", "claim", "deny", "write", "tweet", "post", "argue", "reply", "respond",
    "comment", "reveal", "acknowledge", "admit", "assert", "indicate", "mention", "report", "suggest", "predict",
    "vow", "pledge", "promise", "urge", "ask", "underline", "reiterate", "disclose", "allege", "maintain",
    "conclude", "continue", "recall", "point", "accuse", "describe", "threaten", "demand", "caution", "concede",
})
# Of those, the ones whose object alone is a statement: "X confirmed the refusal to ...".
OBJECT_STATEMENT = frozenset({"confirm", "affirm", "stress", "emphasize", "emphasise", "deny", "announce",
                              "reiterate", "underline", "reveal", "acknowledge", "reject"})
# Verbs that introduce a quotation but not a clause: "called for ... 'to be ...'".
QUOTATION_ONLY = frozenset({"call", "describe", "quote"})
PARTICLE_REQUIRED = {"point": "out", "continue": None}  # "pointed out that"; "continue" only before a quote
CONTENT_DEPS = ("ccomp", "parataxis")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def is_cue(token, with_quote: bool = False) -> bool:
    """True when `token` is a verb that reports speech (some only when a quotation follows)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in QUOTATION_ONLY:
        return with_quote
    if lemma not in SPEECH:
        return False
    if lemma in PARTICLE_REQUIRED:
        particle = PARTICLE_REQUIRED[lemma]
        return with_quote if particle is None else any(c.lower_ == particle for c in token.children)
    return True


def is_participle_cue(token) -> bool:
    """", adding ...", ", insisting that ...": a cue with no subject of its own."""
    return token.tag_ == "VBG" and is_cue(token, with_quote=True) and \
        not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def separate_report(token) -> bool:
    """A cue inside another report's clause that is a report of its own: a participle of the same
    speaker, or a coordinated clause with its own subject ("..., and an official told AFP that ...")."""
    if not is_cue(token, with_quote=True):
        return False
    own_subject = any(c.dep_ in SUBJECT_DEPS for c in token.children)
    return is_participle_cue(token) or (token.dep_ == "conj" and own_subject)


def cue_text(token) -> str:
    """The cue as written, with its particle: "said", "pointed out"."""
    particles = [c for c in token.children if c.dep_ == "prt"]
    return token.text + "".join(" " + p.text for p in particles)


def subject_of(verb, depth: int = 0):
    """The speaker phrase's head: the verb's subject, inherited along "and said", ", adding" and
    "was quoted as saying"; the inverted "said analyst X" is the same nsubj after the verb."""
    if depth > 4:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:  # "army chief Abdel Fattah al-Burhan said": two subjects in the parse, the name wins
        return next((s for s in subjects if s.pos_ == "PROPN"), subjects[0])
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":  # quoted X as saying / was quoted as saying
        quoted = verb.head.head
        objects = [c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")]
        if objects:
            return objects[0]
    if is_participle_cue(verb):  # ", adding: ..." reports for the speaker of the cue it hangs from
        above = next((a for a in verb.ancestors if is_cue(a, with_quote=True)
                      and any(c.dep_ in SUBJECT_DEPS for c in a.children)), None)
        if above is not None:
            return subject_of(above, depth + 1)
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl") and verb.head.i != verb.i:
        head = verb.head if verb.dep_ != "pcomp" else verb.head.head
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
    return None


def content_of(verb):
    """The reported clause of a cue ("said that X did Y"), or its object for "confirmed the refusal"."""
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS and child.i > verb.i:
            return child
    for token in verb.subtree:  # "told reporters on condition of anonymity that ...": a clause parsed too low
        if token.i > verb.i and token.dep_ in ("ccomp", "acl") and _that_clause(token) and token.head.pos_ != "VERB":
            return token
    if verb.lemma_.lower() in OBJECT_STATEMENT:
        for child in verb.children:
            if child.dep_ == "dobj" and len(list(child.subtree)) >= 3:
                return child
    return None


def _that_clause(token) -> bool:
    children = list(token.children)
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in children) and \
        any(c.dep_ in SUBJECT_DEPS for c in children)


def according_to(sent):
    """(the "according" token, the source's head token) for "according to X" in a sentence."""
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if source is not None:
                return token, source
    return None
