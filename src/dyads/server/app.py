"""The REST API over a store, and the web page that explores it.

Every endpoint returns what the matching `dyads` command prints, from the same query
functions (dyads.queries), so the page, the API and the CLI cannot drift apart. The
store is opened read-only for each request: a `dyads run` that finishes while the
server is up is seen by the next request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from dyads import __version__, queries
from dyads.corpus.listing import list_merged_events, list_stories
from dyads.errors import DyadsError
from dyads.store import Store

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000


class ApiError(Exception):
    """A DyadsError answered as JSON, {"error": {"code", "message"}}, with an HTTP status."""

    def __init__(self, status: int, error: DyadsError):
        super().__init__(str(error))
        self.status, self.code, self.message = status, error.code, str(error)


def create_app(db: str):
    """The FastAPI application serving the store at `db`."""
    try:
        from fastapi import FastAPI, Query, Request
        from fastapi.exceptions import RequestValidationError
        from fastapi.responses import FileResponse, JSONResponse
        from fastapi.staticfiles import StaticFiles
    except ImportError as err:
        raise DyadsError("E401", package="fastapi") from err

    app = FastAPI(title="dyads", version=__version__, description="PLOVER events, actors, quotes and stories.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError):
        return JSONResponse({"error": {"code": error.code, "message": error.message}}, status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError):
        reasons = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors())
        return await api_error(request, ApiError(400, DyadsError("E402", reason=reasons)))

    @contextmanager
    def store() -> Iterator[Store]:
        try:
            opened = Store(db, read_only=True)
        except DyadsError as error:
            raise ApiError(503, error) from error
        try:
            yield opened
        finally:
            opened.close()

    def limited(limit: int) -> int:
        if not 1 <= limit <= MAX_LIMIT:
            raise ApiError(400, DyadsError("E402", reason=f"limit must be between 1 and {MAX_LIMIT} (got {limit})"))
        return limit

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html")

    @app.get("/api")
    def summary():
        with store() as s:
            return {"dyads_version": __version__, "db": db, "counts": s.counts()}

    @app.get("/api/events")
    def events(actor: Optional[str] = None, type: Optional[str] = None, status: Optional[str] = None,
               doc: Optional[str] = None, limit: int = 50):
        with store() as s:
            return queries.list_events(s, actor=actor, event=type, status=status, doc=doc, limit=limited(limit))

    @app.get("/api/actors")
    def actors(name: Optional[str] = None, country: Optional[str] = None, limit: int = 50):
        with store() as s:
            return queries.list_actors(s, name=name, country=country, limit=limited(limit))

    @app.get("/api/quotes")
    def quotes(actor: Optional[str] = None, limit: int = 50):
        with store() as s:
            return queries.list_quotes(s, actor=actor, limit=limited(limit))

    @app.get("/api/stories")
    def stories(min_documents: int = Query(1, ge=1), limit: int = 50):
        with store() as s:
            return list_stories(s, min_documents=min_documents, limit=limited(limit))

    @app.get("/api/merged")
    def merged(type: Optional[str] = None, min_documents: int = Query(1, ge=1), limit: int = 50):
        with store() as s:
            return list_merged_events(s, min_documents=min_documents, event=type, limit=limited(limit))

    @app.get("/api/relations")
    def relations(actor: Optional[str] = None, recipient: Optional[str] = None, by: str = "code",
                  interval: str = "month", status: str = "occurred", limit: int = 200):
        with store() as s:
            try:
                return queries.dyad_series(s, actor=actor, recipient=recipient, by=by, interval=interval,
                                           status=status, limit=limited(limit))
            except ValueError as err:
                raise ApiError(400, DyadsError("E402", reason=str(err))) from err

    @app.get("/api/claims")
    def claims(counts: Optional[str] = None, limit: int = 50):
        with store() as s:
            return queries.list_claims(s, counts=counts, limit=limited(limit))

    @app.get("/api/documents")
    def documents(limit: int = 100, offset: int = Query(0, ge=0)):
        with store() as s:
            return queries.list_documents(s, limit=limited(limit), offset=offset)

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str):
        with store() as s:
            view = queries.document_view(s, doc_id)
        if view is None:
            raise ApiError(404, DyadsError("E403", doc_id=doc_id, db=db))
        return view

    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store's API and web page until interrupted."""
    try:
        import uvicorn
    except ImportError as err:
        raise DyadsError("E401", package="uvicorn") from err
    with Store(db, read_only=True):
        pass  # fail now, with the store's own message, rather than on the first request
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
