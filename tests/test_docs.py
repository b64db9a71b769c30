"""The README is the front door: every command it should show is there, and what it shows exists."""

from __future__ import annotations

import re

from dyads.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "dyads") -> list[str]:
    names = [f"{prefix} {c.name or c.callback.__name__.replace('_', '-')}" for c in group.registered_commands]
    for sub in group.registered_groups:
        names += _commands(sub.typer_instance, f"{prefix} {sub.name}")
    return names


def test_every_command_is_in_the_readme():
    missing = [name for name in _commands(app) if name not in README]
    assert not missing, f"README.md does not show: {', '.join(missing)}"


def test_every_command_the_readme_shows_exists():
    known = set(_commands(app))
    blocks = re.findall(r"```(?:bash|console)?\n(.*?)```", README, flags=re.S)
    shown = [line.split("#")[0].split() for block in blocks for line in block.splitlines()
             if line.strip().startswith("dyads ")]
    unknown = sorted({" ".join(words[:3]) for words in shown
                      if " ".join(words[:2]) not in known and " ".join(words[:3]) not in known})
    assert not unknown, f"README.md shows commands that do not exist: {unknown}"


def test_the_two_setup_commands_are_there():
    assert "make run" in README and "make test" in README
