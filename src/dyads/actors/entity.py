"""When two name clusters may be one actor, and how an entity's code is chosen at a date.

`same_actor` is the merge rule used in a document and across the corpus: the names must be
compatible (names.compare_names) and nothing may speak against it:
- different countries (both known) -> different actors;
- roles in incompatible sectors (both known; an office of state against a journalist, a
  rebel against a businessman) -> different actors;
- a bare surname joins a full name only when the caller has checked it is the only
  candidate (in the document, or across the corpus).
"""

from __future__ import annotations

from dyads.actors.names import PersonName, compare_names
from dyads.records import Role

# Sectors a person can plausibly move between in a career; a pair from two different
# families (and neither in BRIDGE) is a conflict.
FAMILIES = {
    "state": {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "ELI", "IGO"},
    "armed": {"REB", "PRM", "UAF", "CRM", "OPP"},
    "society": {"JRN", "MED", "HLH", "EDU", "BUS", "CVL", "REL", "LAB", "AGR", "HRI", "NGO", "ENV", "REF"},
}
BRIDGE = {"PTY", "UNK", "OPP", "EDU", "REL"}  # politicians, academics and clerics cross over


def sectors_conflict(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b or a in BRIDGE or b in BRIDGE:
        return False
    family = {s: name for name, members in FAMILIES.items() for s in members}
    return family.get(a) is not None and family.get(b) is not None and family[a] != family[b]


def countries_conflict(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def same_actor(a: PersonName, b: PersonName, a_country: str | None = None, b_country: str | None = None,
               a_sector: str | None = None, b_sector: str | None = None) -> bool:
    """Whether two names (with what is known of each) can be one person."""
    how = compare_names(a, b, strict=not (a.is_full and b.is_full))
    if how is None:
        return False
    if countries_conflict(a_country, b_country) or sectors_conflict(a_sector, b_sector):
        return False
    return True


def role_code(roles: list[Role], date: str | None = None) -> tuple[str | None, str | None, bool]:
    """Country and sector from roles learned in text: a current role first, then a former one (ELI)."""
    current = [r for r in roles if not r.former and (r.sector or r.country)]
    with_sector = [r for r in current if r.sector]
    if with_sector:
        best = with_sector[0]
        country = best.country or next((r.country for r in roles if r.country), None)
        return country, best.sector, False
    former = [r for r in roles if r.former]
    country = next((r.country for r in current + former if r.country), None)
    if former:
        return country, "ELI", True
    return country, None, False
