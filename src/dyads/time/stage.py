"""The time stage: every temporal expression, and the document's publication date.

Order matters: absolute expressions are read first (they need no anchor) to date the
document; then every expression is resolved against that date. A relative expression
in a document whose date is unknown keeps value None with basis "unanchored".
"""

from __future__ import annotations

import datetime as dt

from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import TimeExpr
from dyads.time.expressions import Candidate, direction_of, find_candidates, pattern_spans, spans_to_candidates
from dyads.time.normalize import PAST, Normalized, normalize
from dyads.time.published import Dated, Publication, from_text, inferred, narrow, role_bounds

COMPONENT = "dyads.time.expressions"
VERSION = "1"
CONFIDENCE = {"absolute": 0.9, "publication": 0.75, "vague": 0.6, "event": 0.5, "unanchored": 0.4, "unparsed": 0.2}


def publication_of(doc, dated: list[Dated]) -> Publication:
    """Metadata first, then the text, then a range inferred from the document's references.

    The text is searched whole, page furniture included: a byline or an embedded tweet that
    the cleaner removed from the article still dates the page.
    """
    if doc.published:
        return Publication(doc.published, doc.published_basis or "metadata", how="metadata")
    return from_text(doc.text, page_dates(doc.text)) or inferred(dated) or Publication(None, None)


def page_dates(text: str) -> list[Dated]:
    """Absolute dates found by pattern anywhere in the original text."""
    dated = []
    for candidate in spans_to_candidates(pattern_spans(text), text):
        found = normalize(candidate.parse_text, None, PAST)
        if found.value is not None and found.basis == "absolute":
            dated.append(Dated(candidate.start, candidate.end, found, PAST))
    return dated


def anchor_of(publication: Publication) -> dt.date | None:
    try:
        return dt.date.fromisoformat(publication.published) if publication.published else None
    except ValueError:
        return None


def time_records(doc_id: str, text: str, candidates: list[Candidate], directions: list[str], anchor: dt.date | None,
                 publication: Publication) -> list[TimeExpr]:
    records = []
    for candidate, direction in zip(candidates, directions):
        found = normalize(candidate.parse_text, anchor, direction)
        basis = found.basis
        if found.basis == "publication":
            basis = f"publication:{anchor.isoformat()}"
        evidence = publication.evidence
        if evidence is not None and evidence.start < candidate.end and candidate.start < evidence.end \
                and found.value == evidence.value.value:
            basis = f"{found.basis}; dates the document ({publication.how})"
        records.append(TimeExpr(doc_id, candidate.start, candidate.end, candidate.text, found.value,
                                found.precision, basis, CONFIDENCE.get(found.basis, 0.5), COMPONENT, VERSION))
    evidence = publication.evidence
    if evidence is not None and not any("dates the document" in (r.basis or "") for r in records):
        records.append(_evidence_record(doc_id, text, publication))  # it sits in removed page furniture
        records.sort(key=lambda r: r.start)
    return records


def _evidence_record(doc_id: str, text: str, publication: Publication) -> TimeExpr:
    evidence = publication.evidence
    return TimeExpr(doc_id, evidence.start, evidence.end, text[evidence.start:evidence.end], evidence.value.value,
                    evidence.value.precision, f"absolute; dates the document ({publication.how})",
                    CONFIDENCE["absolute"], COMPONENT, VERSION)


@per_document("dyads.time.expressions.v1", requires=("spacy_doc",),
              produces=("times", "published", "published_basis", "published_range"))
def time_stage(ctx: DocContext, resources: Resources) -> dict:
    """Temporal expressions as TIMEX3 values, and the publication date they and the text give."""
    spacy_doc = ctx["spacy_doc"]
    candidates = find_candidates(spacy_doc, ctx.get("removed", []))
    directions = [direction_of(spacy_doc, c.start, c.end) for c in candidates]
    dated = []
    for candidate, direction in zip(candidates, directions):
        found: Normalized = normalize(candidate.parse_text, None, direction)
        if found.value is not None and found.basis == "absolute":
            dated.append(Dated(candidate.start, candidate.end, found, direction))
    publication = publication_of(ctx.doc, dated)
    times = time_records(ctx.doc.doc_id, ctx.doc.text, candidates, directions, anchor_of(publication), publication)
    return {"times": times, "published": publication.published, "published_basis": publication.basis,
            "published_range": publication.range}


@per_document("dyads.time.published_roles.v1", requires=("entities",),
              produces=("published", "published_basis", "published_range"))
def published_from_roles(ctx: DocContext, resources: Resources) -> dict:
    """A document that states no date of its own is bounded by when its people held the titles it gives."""
    published, basis = ctx.get("published", ctx.doc.published), ctx.get("published_basis", ctx.doc.published_basis)
    if published is not None and basis != "inferred":
        return {}
    bounds = role_bounds(ctx.get("entities", []))
    if bounds is None:
        return {}
    low, high = narrow(ctx.get("published_range", ctx.doc.published_range), bounds)
    return {"published": low if low is not None and low == high else None, "published_basis": "inferred",
            "published_range": [low, high]}
