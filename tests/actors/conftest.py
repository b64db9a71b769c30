"""Fixtures for the actor tests: the chain up to the actor linker, run on small texts."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def link_text(resources):
    """Run the default chain up to the actor linker on one text; return its DocResult."""
    from dyads.evaluation.actors import actor_pipeline
    from dyads.ingest import make_document
    from dyads.records import SourceRecord
    from dyads.runner import process_documents

    def _link(text: str, date: str | None = "2021-03-01"):
        doc = make_document(SourceRecord(source="<test>", text=text, published=date))
        [result] = process_documents([doc], actor_pipeline(), resources=resources)
        assert not result.errors, result.errors
        return result

    return _link


def entity_of(result, surface: str):
    """The entity of the (first) mention whose text is `surface`."""
    entities = {e.entity_id: e for e in result.entities}
    for mention in result.mentions:
        if mention.text == surface and mention.entity_id:
            return entities[mention.entity_id]
    raise AssertionError(f"no linked mention {surface!r}: {[(m.text, m.entity_id) for m in result.mentions]}")
