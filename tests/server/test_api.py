"""The REST API, in-process: the same rows as the CLI, one error shape, spans into the original text."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dyads.server.app import create_app  # noqa: E402


@pytest.fixture
def client(hand_db):
    return TestClient(create_app(hand_db))


def test_summary_counts_the_store(client):
    body = client.get("/api").json()
    assert body["counts"]["documents"] == 3 and body["counts"]["events"] == 6


def test_events_filter_by_actor_variant_type_and_status(client):
    rows = client.get("/api/events", params={"actor": "Tehran", "status": "occurred"}).json()
    assert sorted(r["event"] for r in rows) == ["ASSAULT", "CONSULT"]
    rows = client.get("/api/events", params={"type": "assault"}).json()
    assert [r["status"] for r in rows] == ["occurred", "negated"]


def test_relations_endpoint_returns_the_dyad_series(client):
    rows = client.get("/api/relations", params={"actor": "IRQGOV", "recipient": "USAGOV"}).json()
    assert [(r["period"], r["events"], r["score"]) for r in rows] == [("2021-04", 1, 2.5)]


def test_document_endpoint_gives_the_text_and_its_records(client):
    [doc] = [d for d in client.get("/api/documents").json() if d["source"] == "a.txt"]
    body = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert body["text"] == "Iraq and Washington agreed. Tehran was attacked."
    assert len(body["events"]) == 4
    actor = body["events"][0]["actors"][0]
    assert body["text"][actor["start"]:actor["end"]] == actor["text"] == "Iraq"


@pytest.mark.parametrize("url, status, code", [
    ("/api/documents/nope", 404, "E403"),  # an unknown document
    ("/api/events?limit=0", 400, "E402"),  # a limit out of range
    ("/api/events?limit=many", 400, "E402"),  # a limit that is not a number
    ("/api/relations?interval=week", 400, "E402"),  # an unknown interval
])
def test_errors_have_one_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"].startswith(f"[{code}]")


def test_a_missing_store_is_a_clear_error(tmp_path):
    response = TestClient(create_app(str(tmp_path / "none.duckdb"))).get("/api/events")
    assert response.status_code == 503
    assert "no such store" in response.json()["error"]["message"]


def test_the_page_is_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "<title>dyads</title>" in page.text
    assert client.get("/static/app.js").status_code == 200
