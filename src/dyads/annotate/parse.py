"""The annotate stage: one spaCy pass per batch gives sentences and NER mentions."""

from __future__ import annotations

from dyads.annotate.spacy_model import model_version
from dyads.pipeline import DocContext, Resources, stage
from dyads.records import Mention, Sentence

COMPONENT = "dyads.annotate.spacy"
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
BATCH_SIZE = 32


@stage("dyads.annotate.spacy.v1", requires=("nlp_text",), produces=("spacy_doc", "sentences", "mentions"))
def annotate(contexts: list[DocContext], resources: Resources) -> list[dict]:
    """Parse each document's NLP text (removed spans blanked) with spaCy."""
    nlp = resources.get("spacy")
    version = model_version(nlp)
    texts = [ctx["nlp_text"] for ctx in contexts]
    outputs = []
    for ctx, doc in zip(contexts, nlp.pipe(texts, batch_size=BATCH_SIZE)):
        doc_id = ctx.doc.doc_id
        outputs.append({
            "spacy_doc": doc,
            "sentences": sentences_of(doc, doc_id),
            "mentions": mentions_of(doc, doc_id, version),
        })
    return outputs


def sentences_of(doc, doc_id: str) -> list[Sentence]:
    sentences = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        sentences.append(Sentence(doc_id, len(sentences), start, start + len(stripped)))
    return sentences


def mentions_of(doc, doc_id: str, version: str) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or not ent.text.strip():
            continue
        mentions.append(Mention(doc_id, ent.start_char, ent.end_char, ent.text, ent.label_,
                                method="ner", confidence=0.8, component=COMPONENT, version=version))
    return mentions
