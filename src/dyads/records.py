"""The typed records that flow between pipeline stages and into the store.

Every record names its document and a character span into the document's
original text (Python string indices), the component that made it and its
version. Records are plain dataclasses so they pickle across processes and
turn into Arrow rows with `asdict`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def stable_id(prefix: str, *parts: Any, length: int = 16) -> str:
    """A short deterministic id: the same inputs give the same id on every run."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


@dataclass(slots=True)
class Span:
    """A removed or otherwise marked region of a document's original text."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class SourceRecord:
    """One document as read from a file, before any processing."""

    source: str  # path or URL as given
    text: str
    source_id: str | None = None  # the record's `id` for JSON/JSONL/CSV input
    locator: str | None = None  # where in the source: "line 3", "row 7"
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD from metadata
    url: str | None = None
    outlet: str | None = None
    fmt: str = "text"  # text, html, json, jsonl, csv


@dataclass(slots=True)
class Document:
    doc_id: str
    source: str
    text: str
    content_hash: str
    source_id: str | None = None
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None  # metadata | text | inferred | None
    published_range: list[str] | None = None  # [earliest, latest] when inferred as a range
    language: str = "en"
    outlet: str | None = None
    url: str | None = None
    fmt: str = "text"
    removed: list[Span] = field(default_factory=list)
    duplicate_of: str | None = None
    story_id: str | None = None


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """A name, title or pronoun in the text that may refer to an actor or a place."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # PERSON, ORG, GPE, NORP, LOC, FAC, PRON, NOMINAL
    local_id: str | None = None  # in-document entity cluster
    entity_id: str | None = None  # corpus-wide entity
    place_id: str | None = None
    method: str = "ner"  # how it was resolved: ner, gazetteer, surname, title, pronoun ...
    confidence: float = 1.0
    component: str = ""
    version: str = ""


@dataclass(slots=True)
class Role:
    role: str
    country: str | None = None
    sector: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    former: bool = False
    evidence: dict | None = None  # {doc_id, start, end, text}


@dataclass(slots=True)
class Entity:
    """An actor: one real-world person, organisation or state, under all its names."""

    entity_id: str
    name: str
    kind: str  # PERSON, ORG, STATE, GROUP, ...
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # country + sector, e.g. IRQGOV
    variants: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    method: str = ""
    confidence: float = 1.0
    component: str = ""
    version: str = ""
    as_of: str | None = None  # the date (YYYY-MM-DD) that country/sector/code hold for; roles give the rest


@dataclass(slots=True)
class Participant:
    """An actor or recipient of an event or the speaker of a quote, as it appears in text."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence_start: int
    sentence_end: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    event: str  # one of the 16 PLOVER types
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    status: str = "occurred"  # occurred, future, hypothetical, negated, historical, claimed
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str | None = None  # year, month, day
    date_basis: str | None = None
    place_id: str | None = None
    score: float | None = None
    confidence: float = 0.5
    component: str = ""
    version: str = ""
    merged_event_id: str | None = None


@dataclass(slots=True)
class Quote:
    quote_id: str
    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    speaker: Participant | None = None
    cue: str | None = None
    confidence: float = 0.5
    component: str = ""
    version: str = ""
    method: str = ""  # how the speaker was found: mention, appositive, pronoun:recent-speaker, ...


@dataclass(slots=True)
class Place:
    place_id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country, admin1, city, ...
    source: str = ""


@dataclass(slots=True)
class Quantity:
    doc_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    counts: str | None = None  # troops, killed, dollars, days ...
    subject_text: str | None = None
    subject_entity_id: str | None = None
    confidence: float = 0.5
    component: str = ""
    version: str = ""


@dataclass(slots=True)
class TimeExpr:
    doc_id: str
    start: int
    end: int
    text: str
    value: str | None  # TIMEX3 style: 2021-04-07, 2021-04, 2021-W14, P3D, PRESENT_REF
    precision: str | None = None  # day, month, year, week, duration, ...
    basis: str | None = None  # what it was resolved against
    confidence: float = 0.5
    component: str = ""
    version: str = ""


@dataclass(slots=True)
class Story:
    story_id: str
    doc_ids: list[str]
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None


@dataclass(slots=True)
class DocumentError:
    """A failure while reading or processing one document: recorded, never fatal to a run."""

    source: str
    code: str
    message: str
    stage: str | None = None
    doc_id: str | None = None


@dataclass
class DocResult:
    """Everything the per-document stages made for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


def to_dict(record: Any) -> dict:
    return asdict(record)
