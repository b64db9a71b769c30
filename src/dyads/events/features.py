"""Features of one trigger candidate for the trained ranker (events/model.py).

Three kinds: what the sentence classifier thinks of the candidate's type (from the sentence
embedding), where the trigger sits in the parse (main predicate or buried in a clause,
governed by another trigger, under a reporting verb), and what the lexicon and the roles
say (ambiguous entry, coded actor and recipient found).
"""

from __future__ import annotations

import math

from dyads.events.candidates import Candidate
from dyads.events.ontology import EVENT_TYPES

# Verbs through which the main event is reported: "officials said [X attacked Y]" -- X attacked is the main event.
BACKGROUND_MARKS = frozenset({"after", "following", "since", "before", "when", "as", "amid", "while", "until",
                              "despite", "because", "following", "over", "during"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp", "csubj"})
# Governors that do not make an event less central: "continued to send arms", "began shelling".
ASPECTUAL = frozenset({"continue", "begin", "start", "resume", "keep", "decide", "try", "attempt", "move", "manage",
                       "go", "proceed", "get", "come", "be", "have", "seem", "appear", "choose", "opt", "dare",
                       "step", "rush", "hasten", "set", "need"})
# Head nouns of "an X effort/operation/campaign": the event noun modifies a light head.
LIGHT_NOUNS = frozenset({"effort", "efforts", "operation", "operations", "campaign", "mission", "process", "drive",
                         "plan", "programme", "program", "initiative", "bid", "deal", "round", "session", "package",
                         "deliveries", "delivery", "talks", "force", "exercise", "exercises", "measures", "move"})

STRUCTURAL = (
    "pos_verb", "pos_noun", "pos_adj", "is_root", "is_main", "depth", "governed_by_trigger", "governs_trigger",
    "in_relcl", "in_advcl", "in_acl", "in_prep", "noun_subject", "noun_object", "light_verb_object", "compound",
    "background", "speech_governed", "has_actor", "actor_named", "actor_coded", "has_recipient", "recipient_named",
    "recipient_coded", "inv_n_types", "ambiguous", "rank", "multiword", "particle", "objects", "requires_object",
    "prep_matched", "rel_position", "first_candidate", "log_candidates", "in_quote", "passive", "same_token_types",
    "head_is_noun_trigger", "pattern", "light_noun_modifier", "aspectual_governed", "lemma_prior", "lemma_seen",
)
CLASSIFIER = ("p_type", "log_p_type", "is_top1", "is_top2", "p_none", "p_max", "margin")
FEATURES: tuple[str, ...] = STRUCTURAL + CLASSIFIER + tuple(f"type_{t}" for t in EVENT_TYPES)


def _ancestors(token):
    chain = []
    while token.head.i != token.i and len(chain) < 12:
        chain.append(token)
        token = token.head
    return chain  # the tokens whose head is above them, from the token upwards


def structural_features(cand: Candidate, cands: list[Candidate], speech_verbs: frozenset[str],
                        light_verbs: frozenset[str], roles_info: dict) -> dict[str, float]:
    tok, sent = cand.token, cand.sent
    trigger_ids = {c.token.i for c in cands}
    f: dict[str, float] = {}
    f["pos_verb"] = float(tok.pos_ == "VERB")
    f["pos_noun"] = float(tok.pos_ in ("NOUN", "PROPN"))
    f["pos_adj"] = float(tok.pos_ == "ADJ")
    f["is_root"] = float(tok.dep_ == "ROOT")
    depth, governed, background, speech_gov, aspectual = 0, 0.0, 0.0, 0.0, 0.0
    in_relcl = in_advcl = in_acl = in_prep = 0.0
    for step in _ancestors(tok):
        head = step.head
        transparent = head.lemma_.lower() in speech_verbs and step.dep_ in ("ccomp", "parataxis", "xcomp", "conj")
        if transparent:
            speech_gov = 1.0 if step.i == tok.i else speech_gov
            continue
        if step.dep_ in ("xcomp", "acomp") and head.lemma_.lower() in ASPECTUAL and head.i not in trigger_ids:
            aspectual = 1.0
            continue
        if step.dep_ == "compound" and head.lower_ in LIGHT_NOUNS and head.i not in trigger_ids:
            continue  # "a mediation effort": as central as its head
        if step.dep_ == "conj":
            continue  # a coordinated predicate is as high as its first conjunct
        depth += 1
        if head.i in trigger_ids and step.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "acomp"):
            governed = 1.0
        if step.dep_ == "relcl":
            in_relcl = 1.0
        if step.dep_ == "advcl":
            in_advcl = 1.0
        if step.dep_ == "acl":
            in_acl = 1.0
        if step.dep_ == "pobj":
            in_prep = 1.0
            if head.lower_ in BACKGROUND_MARKS:
                background = 1.0
        if step.dep_ in SUBORDINATE_DEPS and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                                 for c in step.children):
            background = 1.0
    f["depth"] = min(depth, 5) / 5
    f["is_main"] = float(depth == 0 or (depth == 1 and tok.pos_ in ("NOUN", "PROPN") and
                                        tok.head.lemma_.lower() in light_verbs))
    f["governed_by_trigger"] = governed
    f["governs_trigger"] = float(any(c.i in trigger_ids and c.dep_ in ("xcomp", "ccomp", "dobj", "acomp")
                                     for c in tok.children))
    f["in_relcl"], f["in_advcl"], f["in_acl"], f["in_prep"] = in_relcl, in_advcl, in_acl, in_prep
    f["noun_subject"] = float(f["pos_noun"] and tok.dep_ in ("nsubj", "nsubjpass"))
    f["noun_object"] = float(f["pos_noun"] and tok.dep_ in ("dobj", "attr"))
    f["light_verb_object"] = float(f["pos_noun"] and tok.dep_ in ("dobj", "pobj", "attr")
                                   and tok.head.lemma_.lower() in light_verbs)
    f["compound"] = float(tok.dep_ in ("compound", "amod"))
    f["background"] = background
    f["speech_governed"] = speech_gov
    for key in ("has_actor", "actor_named", "actor_coded", "has_recipient", "recipient_named", "recipient_coded"):
        f[key] = float(roles_info.get(key, 0.0))
    trig = cand.trigger
    f["inv_n_types"] = 1.0 / max(cand.n_types, 1)
    f["ambiguous"] = float(trig.ambiguous)
    f["rank"] = min(cand.rank, 6) / 6
    f["multiword"] = float(len(cand.span) > 1)
    f["particle"] = float(bool(trig.particle))
    f["objects"] = float(bool(trig.objects))
    f["requires_object"] = float(trig.requires_object)
    f["prep_matched"] = float(bool(trig.prep) and any(c.dep_ == "prep" and c.lower_ == trig.prep
                                                       for c in tok.children))
    f["rel_position"] = (tok.i - sent.start) / max(len(sent), 1)
    f["first_candidate"] = float(tok.i == min(trigger_ids))
    f["log_candidates"] = math.log(1 + len(trigger_ids)) / 3
    before = sent.doc.text[sent.start_char: tok.idx]
    f["in_quote"] = float((before.count('"') + before.count("\u201c") - before.count("\u201d")) % 2 == 1)
    f["passive"] = float(cand.roles.passive)
    f["same_token_types"] = float(cand.n_types > 1)
    f["head_is_noun_trigger"] = float(tok.head.i in trigger_ids and tok.head.pos_ in ("NOUN", "PROPN")
                                      and tok.head.i != tok.i)
    f["pattern"] = float(trig.source != "lexicon")
    f["light_noun_modifier"] = float(tok.dep_ == "compound" and tok.head.lower_ in LIGHT_NOUNS)
    f["aspectual_governed"] = aspectual
    return f


def lemma_key(cand: Candidate, event: str) -> str:
    return f"{event}|{' '.join(t.lemma_.lower() for t in cand.span[:2])}|{cand.token.pos_[:1]}"


def prior_features(cand: Candidate, event: str, priors: dict, type_rates: dict) -> dict[str, float]:
    """How often this lemma's reading of this type was the event in the training data (smoothed)."""
    hits, seen = priors.get(lemma_key(cand, event), (0.0, 0.0))
    base = type_rates.get(event, 0.3)
    return {"lemma_prior": (hits + 2.0 * base) / (seen + 2.0), "lemma_seen": math.log1p(seen) / 5}


def classifier_features(event: str, probs: dict[str, float], raw: str | None = None) -> dict[str, float]:
    """What the type head says of the candidate's type; a recoded candidate ("will visit" -> AGREE) also
    draws on its lexicon type (CONSULT), since the sentence is about either."""
    ranked = sorted(((p, t) for t, p in probs.items() if t != "NONE"), reverse=True)
    p = probs.get(event, 0.0) + (probs.get(raw, 0.0) if raw and raw != event else 0.0)
    top = ranked[0][0] if ranked else 0.0
    return {
        "p_type": p,
        "log_p_type": math.log(max(p, 1e-4)) / 9.21,
        "is_top1": float(bool(ranked) and ranked[0][1] in (event, raw)),
        "is_top2": float(any(t in (event, raw) for _, t in ranked[:2])),
        "p_none": probs.get("NONE", 0.0),
        "p_max": top,
        "margin": p - top,
    }


def vector(features: dict[str, float], event: str) -> list[float]:
    row = [features.get(name, 0.0) for name in STRUCTURAL + CLASSIFIER]
    row += [float(event == t) for t in EVENT_TYPES]
    return row
