"""Verb lemmas the English rule lemmatizer gets wrong, repaired against the event vocabulary.

The lemmatizer strips "-ed" and keeps the first form it knows as a verb, so "staged" becomes "stag",
"waged" "wag", "fined" "fin" and "raped" "rap"; some "-ing" forms keep their ending ("deploring"), and
an irregular verb with a prefix is not found at all ("retook", "overran" is, "outfought" is not).
Every event rule looks verbs up by lemma, so such a slip hides a trigger or a light verb. The repair
only moves a verb whose lemma is not in the vocabulary to an inflection of it that is.
"""

from __future__ import annotations

from spacy.language import Language

VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VB", "VBP"})


def lemma_candidates(word: str) -> list[str]:
    """Base forms an inflected English verb may come from, most likely first."""
    w = word.lower()
    out = []
    if w.endswith("ied") or w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "banned" -> "ban"
    elif w.endswith("ing"):
        out += [w[:-3] + "e", w[:-3]]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])  # "shelling" stays, "banning" -> "ban"
    elif w.endswith("es"):
        out += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        out.append(w[:-1])
    return [c for c in out if len(c) >= 2]


PREFIXES = ("re", "out", "over", "under", "with", "mis", "up")


def repair_lemma(word: str, lemma: str, verbs: frozenset[str], irregular: dict | None = None) -> str:
    """`irregular` maps irregular forms to their base ("took" -> "take"), from the lemmatizer's own table."""
    if lemma.lower() in verbs:
        return lemma
    for candidate in lemma_candidates(word):
        if candidate in verbs:
            return candidate
    w = word.lower()
    for prefix in PREFIXES if irregular else ():
        bases = irregular.get(w[len(prefix):]) if w.startswith(prefix) else None
        for base in bases or ():
            if prefix + base in verbs:
                return prefix + base  # "retook" -> "retake"
    return lemma


def _irregular_verbs(nlp: Language) -> dict:
    """The English lemmatizer's exception table for verbs ("took" -> ["take"]); empty if the pipeline has none."""
    try:
        return dict(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"])
    except (KeyError, ValueError, AttributeError):
        return {}


@Language.factory("dyads_verb_lemmas", default_config={"verbs": []})
def make_verb_lemmas(nlp: Language, name: str, verbs: list[str]):
    vocabulary = frozenset(v.lower() for v in verbs)
    irregular = _irregular_verbs(nlp)

    def verb_lemmas(doc):
        for token in doc:
            if token.tag_ in VERB_TAGS:
                fixed = repair_lemma(token.text, token.lemma_, vocabulary, irregular)
                if fixed != token.lemma_:
                    token.lemma_ = fixed
        return doc

    return verb_lemmas
