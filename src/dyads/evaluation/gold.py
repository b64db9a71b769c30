"""Reading gold and training files: JSON Lines, one record per non-blank line."""

from __future__ import annotations

import json
from pathlib import Path

from dyads.errors import DyadsError


def read_jsonl(path: str | Path) -> list[dict]:
    """The records of a JSONL file; a missing file is E305 naming it."""
    file = Path(path)
    if not file.exists():
        raise DyadsError("E305", path=str(path))
    with open(file, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
