"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent (a user's clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"
SHARED = REPO.parent / "shared"


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: development data lives in ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def resources():
    from dyads.pipeline import Resources
    from dyads.stages import load_builtin_stages

    load_builtin_stages()
    return Resources()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.get("spacy")


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The five sample articles processed once into a store, shared by read-only tests."""
    from dyads import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    summary = api.run([str(SEEDS)], str(db))
    return db, summary


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: text (str) or raw bytes."""

    def _write(name: str, content) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
