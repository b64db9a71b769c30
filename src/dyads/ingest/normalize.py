"""Content normalization and hashing: the key that makes runs idempotent."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from dyads.records import Document, SourceRecord

_WS = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The form that is hashed: Unicode NFC, whitespace runs collapsed, ends stripped.

    Case and punctuation are kept: two texts that differ in words are different documents.
    """
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def make_document(record: SourceRecord) -> Document:
    """A `Document` keyed by its normalized content: the same text always gets the same doc_id."""
    digest = content_hash(record.text)
    return Document(
        doc_id="d" + digest[:15],
        source=record.source,
        source_id=record.source_id,
        text=record.text,
        content_hash=digest,
        title=record.title,
        published=record.published,
        published_basis="metadata" if record.published else None,
        outlet=record.outlet,
        url=record.url,
        fmt=record.fmt,
    )
