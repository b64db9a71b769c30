"""Merging two versions of the same entity row: variants and roles are unions, codes fill gaps."""

from __future__ import annotations


def merge_entity_rows(old: dict | None, new: dict) -> dict:
    if old is None:
        return dict(new)
    merged = dict(old)
    for key in ("country", "sector", "code", "kind"):
        if not merged.get(key) and new.get(key):
            merged[key] = new[key]
    merged["variants"] = _union(old.get("variants") or [], new.get("variants") or [])
    merged["roles"] = _union_roles(old.get("roles") or [], new.get("roles") or [])
    if len(new.get("name") or "") > len(merged.get("name") or "") and new.get("kind") == "PERSON":
        merged["name"] = new["name"]  # the fullest form of a person's name is the canonical one
    merged["confidence"] = max(old.get("confidence") or 0, new.get("confidence") or 0)
    return merged


def _union(first: list, second: list) -> list:
    out = list(first)
    for item in second:
        if item not in out:
            out.append(item)
    return out


def _union_roles(first: list[dict], second: list[dict]) -> list[dict]:
    seen = {(r.get("role"), r.get("country"), r.get("start_date")) for r in first}
    out = list(first)
    for role in second:
        key = (role.get("role"), role.get("country"), role.get("start_date"))
        if key not in seen:
            seen.add(key)
            out.append(role)
    return out
