"""The quotes stage: statements of a document as `Quote` records with speakers and cues."""

from __future__ import annotations

from dyads.events.participants import ParticipantBuilder
from dyads.pipeline import DocContext, Resources, per_document
from dyads.quotes.extract import Found, find_statements
from dyads.quotes.speakers import SpeakerResolver
from dyads.records import Quote, stable_id

COMPONENT = "dyads.quotes.rules"
VERSION = "1"
KIND_CONFIDENCE = {"direct": 0.1, "indirect": 0.0}
METHOD_PENALTY = {"cue": 0.0, "according-to": 0.0, "governing-verb": 0.15, "continuation": 0.1}


def to_quote(doc_id: str, text: str, found: Found) -> Quote:
    speaker = found.speaker
    confidence = speaker.confidence + KIND_CONFIDENCE[found.kind] - METHOD_PENALTY.get(found.method, 0.0)
    method = speaker.method if found.method == "cue" else f"{found.method}; {speaker.method}"
    return Quote(
        quote_id=stable_id("q", doc_id, found.start, found.end), doc_id=doc_id, start=found.start, end=found.end,
        text=text[found.start:found.end], kind=found.kind, speaker=speaker.participant, cue=found.cue,
        confidence=round(max(0.05, min(confidence, 0.95)), 3), component=COMPONENT, version=VERSION, method=method,
    )


def document_quotes(ctx: DocContext, resources: Resources) -> list[Quote]:
    builder = ParticipantBuilder(ctx["mentions"], ctx.get("entities", []), resources.get("countries"),
                                 resources.get("sectors"))
    resolver = SpeakerResolver(ctx["spacy_doc"], ctx["mentions"], builder)
    found = find_statements(ctx["spacy_doc"], ctx.get("removed", []), resolver)
    return [to_quote(ctx.doc.doc_id, ctx.doc.text, f) for f in found]


@per_document("dyads.quotes.rules.v1", requires=("spacy_doc", "mentions", "entities"), produces=("quotes",))
def quotes_stage(ctx: DocContext, resources: Resources) -> dict:
    """Direct quotations and reported speech, each with its cue verb and resolved speaker."""
    return {"quotes": document_quotes(ctx, resources)}
