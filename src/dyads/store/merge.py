"""Merging two versions of the same entity row: variants and roles are unions, the code is the latest.

The code (country, sector, code) is the one `as_of` the latest date: a row that holds for a later
date replaces it; a row without a date only fills what is missing. Roles learned from text are
kept once per (role, country, sector, former) with the earliest start and the latest end seen;
dictionary roles (whose evidence is the dictionary) are kept as they are.
"""

from __future__ import annotations

CODE_FIELDS = ("country", "sector", "code")


def merge_entity_rows(old: dict | None, new: dict) -> dict:
    if old is None:
        return dict(new)
    merged = dict(old)
    newer = bool(new.get("as_of")) and (not old.get("as_of") or new["as_of"] >= old["as_of"])
    if newer and (new.get("country") or new.get("sector")):
        # the later code wins; what it does not say (a country) is kept from the earlier one
        merged["country"] = new.get("country") or old.get("country")
        merged["sector"] = new.get("sector") or old.get("sector")
        merged["code"] = f"{merged['country'] or ''}{merged['sector'] or ''}" or None
        merged["as_of"] = new["as_of"]
    else:
        for key in CODE_FIELDS:
            if not merged.get(key) and new.get(key):
                merged[key] = new[key]
        if newer:
            merged["as_of"] = new["as_of"]
    if not merged.get("kind") and new.get("kind"):
        merged["kind"] = new["kind"]
    merged["variants"] = _union(old.get("variants") or [], new.get("variants") or [])
    merged["roles"] = union_roles(old.get("roles") or [], new.get("roles") or [])
    if len(new.get("name") or "") > len(merged.get("name") or "") and new.get("kind") == "PERSON" and \
            not str(merged.get("method") or "").startswith("dictionary"):
        merged["name"] = new["name"]  # the fullest form of a person's name is the canonical one
    if str(new.get("method") or "").startswith("dictionary") and not str(merged.get("method") or "").startswith(
            "dictionary"):
        merged["name"], merged["method"] = new["name"], new["method"]
    merged["confidence"] = max(old.get("confidence") or 0, new.get("confidence") or 0)
    return merged


def _union(first: list, second: list) -> list:
    out = list(first)
    for item in second:
        if item not in out:
            out.append(item)
    return out


def _from_dictionary(role: dict) -> bool:
    evidence = role.get("evidence") or {}
    return str(evidence.get("text") or "").startswith("dictionary:") and not evidence.get("doc_id")


def _role_key(role: dict) -> tuple:
    if _from_dictionary(role):
        return ("dict", role.get("role"), role.get("country"), role.get("start_date"), role.get("end_date"))
    return ("text", role.get("role"), role.get("country"), role.get("sector"), bool(role.get("former")))


def union_roles(first: list[dict], second: list[dict]) -> list[dict]:
    out: dict[tuple, dict] = {}
    for role in list(first) + list(second):
        key = _role_key(role)
        known = out.get(key)
        if known is None:
            out[key] = dict(role)
            continue
        if key[0] == "text":
            starts = [d for d in (known.get("start_date"), role.get("start_date")) if d]
            ends = [d for d in (known.get("end_date"), role.get("end_date")) if d]
            if starts and min(starts) != known.get("start_date"):
                known["start_date"], known["evidence"] = min(starts), role.get("evidence") or known.get("evidence")
            if ends:
                known["end_date"] = max(ends)
    return list(out.values())
