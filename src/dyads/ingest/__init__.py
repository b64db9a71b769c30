"""Ingest: files and directories in, `SourceRecord`s (or one-line `InputError`s) out."""

from dyads.ingest.discover import discover_files
from dyads.ingest.normalize import content_hash, make_document, normalize_text
from dyads.ingest.readers import SUPPORTED_SUFFIXES, read_file, read_sources

__all__ = [
    "SUPPORTED_SUFFIXES",
    "content_hash",
    "discover_files",
    "make_document",
    "normalize_text",
    "read_file",
    "read_sources",
]
