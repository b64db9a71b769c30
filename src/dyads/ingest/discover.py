"""Expand the paths a user gives (files, directories, globs) into files to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.errors import InputError

GLOB_CHARS = set("*?[")


def discover_files(paths: Iterable[str], supported: tuple[str, ...]) -> Iterator[Path | InputError]:
    """Yield each file to read, in a stable order; directories are walked recursively.

    Inside a directory, hidden files and unsupported types are skipped silently
    (a news dump holds many); a file named explicitly must be readable or it is an error.
    """
    seen: set[Path] = set()
    for raw in paths:
        if GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError("E001", path=raw)
            for match in matches:
                yield from _expand(Path(match), supported, seen, explicit=False)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError("E001", path=raw)
            continue
        yield from _expand(path, supported, seen, explicit=True)


def _expand(path: Path, supported, seen: set[Path], explicit: bool) -> Iterator[Path | InputError]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                child = Path(root) / name
                if not name.startswith(".") and _is_supported(child, supported):
                    yield from _once(child, seen)
        return
    if explicit and not _is_supported(path, supported):
        yield InputError("E012", path=str(path), suffix="".join(path.suffixes) or path.name,
                         supported=", ".join(supported))
        return
    if _is_supported(path, supported):
        yield from _once(path, seen)


def _once(path: Path, seen: set[Path]) -> Iterator[Path]:
    resolved = path.resolve()
    if resolved not in seen:
        seen.add(resolved)
        yield path


def _is_supported(path: Path, supported) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return any(name.endswith(s) for s in supported)
