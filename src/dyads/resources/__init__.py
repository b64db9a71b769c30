"""Data shipped inside the package: gazetteers, lexicons, trained model heads."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dyads.errors import DyadsError

ROOT = Path(__file__).parent


def resource_path(*parts: str) -> Path:
    path = ROOT.joinpath(*parts)
    if not path.exists():
        raise DyadsError("E203", name="/".join(parts), path=str(path))
    return path


@lru_cache(maxsize=None)
def load_yaml(*parts: str):
    import yaml

    with open(resource_path(*parts), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=None)
def load_tsv(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file, skipping blank lines and `#` comments."""
    rows = []
    with open(resource_path(*parts), encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append(tuple(line.split("\t")))
    return tuple(rows)
