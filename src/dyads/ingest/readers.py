"""Readers for each input format. Each turns one file into `SourceRecord`s or `InputError`s.

A reader never raises for bad input: it yields an `InputError` naming the file (and the
record or line), so one bad file or line never stops a run.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlparse

from dyads.errors import InputError
from dyads.ingest.discover import discover_files
from dyads.records import SourceRecord

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit per document

ReadResult = SourceRecord | InputError


def read_sources(paths: Iterable[str], encoding: str | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    """Read every document under `paths`, in a stable order."""
    for item in discover_files(paths, SUPPORTED_SUFFIXES):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, encoding=encoding, max_chars=max_chars)


def read_file(path: Path, encoding: str | None = None,
              max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadResult]:
    name = path.name.lower()
    try:
        raw = path.read_bytes()
    except OSError as err:
        yield InputError("E002", path=str(path), reason=err.strerror or str(err))
        return
    if name.endswith(".gz"):
        name = name[:-3]
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            yield InputError("E011", path=str(path), reason=str(err) or type(err).__name__)
            return
    text = _decode(raw, str(path), encoding)
    if isinstance(text, InputError):
        yield text
        return
    reader = _reader_for(name)
    for item in reader(text, str(path)):
        if isinstance(item, SourceRecord):
            item = _check_size(item, max_chars)
        yield item


def _reader_for(name: str):
    if name.endswith((".html", ".htm")):
        return _read_html
    if name.endswith(".jsonl"):
        return _read_jsonl
    if name.endswith(".json"):
        return _read_json
    if name.endswith(".csv"):
        return _read_csv
    return _read_text


def _decode(raw: bytes, path: str, encoding: str | None) -> str | InputError:
    if not raw.strip():
        return InputError("E005", path=path)
    if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError("E003", path=path)
    codec = encoding or "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding is None:
        codec = "utf-16"
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as err:
        return InputError("E004", path=path, encoding=encoding or "UTF-8", position=err.start)
    except LookupError:
        return InputError("E002", path=path, reason=f"unknown encoding {encoding!r}")
    # Universal newlines, as Python's open() reads text: offsets are into this text.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return InputError("E005", path=path)
    return text


def _check_size(record: SourceRecord, max_chars: int) -> ReadResult:
    if len(record.text) > max_chars:
        where = record.source + (f" ({record.locator})" if record.locator else "")
        return InputError("E010", path=where, size=len(record.text), limit=max_chars)
    return record


def _read_text(text: str, path: str) -> Iterator[ReadResult]:
    yield SourceRecord(source=path, text=text, fmt="text")


def _read_html(html: str, path: str) -> Iterator[ReadResult]:
    import trafilatura  # slow to import; only HTML needs it

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                include_tables=False)
    except Exception:  # trafilatura raises many types on broken markup
        extracted = None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        yield InputError("E009", path=path)
        return
    url = getattr(extracted, "url", None)
    yield SourceRecord(
        source=path, text=text, fmt="html", title=getattr(extracted, "title", None),
        published=parse_metadata_date(getattr(extracted, "date", None)), url=url,
        outlet=getattr(extracted, "sitename", None) or _outlet_from_url(url),
    )


def _read_json(text: str, path: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputError("E006", path=path, line=err.lineno, column=err.colno, reason=err.msg)
        return
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        yield InputError("E014", path=path, kind=type(data).__name__)
        return
    for index, obj in enumerate(data, start=1):
        yield _record_from_fields(obj, path, f"record {index}", "json")


def _read_jsonl(text: str, path: str) -> Iterator[ReadResult]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError("E006", path=path, line=lineno, column=err.colno, reason=err.msg)
            continue
        yield _record_from_fields(obj, path, f"line {lineno}", "jsonl")


def _read_csv(text: str, path: str) -> Iterator[ReadResult]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames or []
        if "text" not in fields:
            yield InputError("E007", path=path, record="header", fields=", ".join(fields) or "none")
            return
        for rowno, row in enumerate(reader, start=2):
            if None in row:  # more cells than header columns
                yield InputError("E008", path=path, reason=f"row {rowno} has more cells than the header")
                continue
            yield _record_from_fields(row, path, f"row {rowno}", "csv")
    except csv.Error as err:
        yield InputError("E008", path=path, reason=str(err))


def _record_from_fields(obj, path: str, locator: str, fmt: str) -> ReadResult:
    if not isinstance(obj, dict):
        return InputError("E014", path=f"{path} ({locator})", kind=type(obj).__name__)
    if "text" not in obj:
        return InputError("E007", path=path, record=locator, fields=", ".join(sorted(obj)) or "none")
    text = obj["text"]
    if not isinstance(text, str):
        return InputError("E013", path=path, record=locator, kind=type(text).__name__)
    if not text.strip():
        return InputError("E016", path=path, record=locator)
    source_id = obj.get("id")
    url = obj.get("url") or None
    return SourceRecord(
        source=path, text=text, fmt=fmt, locator=locator,
        source_id=None if source_id in (None, "") else str(source_id),
        title=obj.get("title") or None,
        published=parse_metadata_date(obj.get("published") or obj.get("date")),
        url=url, outlet=obj.get("outlet") or obj.get("source") or _outlet_from_url(url),
    )


def parse_metadata_date(value) -> str | None:
    """A metadata date (ISO string, 'July 9, 2021', epoch seconds) as YYYY-MM-DD, or None."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.utcfromtimestamp(value).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    value = str(value).strip()
    for candidate in (value, value.replace("Z", "+00:00")):
        try:
            return datetime.fromisoformat(candidate).date().isoformat()
        except ValueError:
            pass
    if len(value) == 8 and value.isdigit():  # 20210709
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first",
                                               "REQUIRE_PARTS": ["year"]})
    return parsed.date().isoformat() if parsed else None


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(str(url)).netloc.lower()
    return host[4:] if host.startswith("www.") else (host or None)
