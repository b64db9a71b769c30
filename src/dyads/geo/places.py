"""Geocode a document's toponyms: GPE, LOC and FAC mentions, and border areas.

A name with several places ("Washington", "Georgia", "Baghdad" the city or the
governorate) is read in the light of the document's country focus: the countries its
mentions name, weighted by how often. A place far from that focus is accepted only
when it is prominent (a country, a capital, a city of a million) or its wording says
what it is ("Diyala Governorate"). Border areas ("the Iraqi-Syrian border", "the border
with Iran") become places of their own, between the two countries' centroids.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from dyads.actors.gazetteer import CountryGazetteer
from dyads.actors.names import name_key
from dyads.clean.mask import inside_removed
from dyads.geo.gazetteer import Entry, PlaceGazetteer
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Mention, Place
from dyads.resources import load_yaml

COMPONENT = "dyads.geo.places"
VERSION = "2"
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
PROMINENT_POPULATION = 1_000_000
WORD = r"[A-Z][\w'’]+"
BORDERS = (
    re.compile(rf"\b(?P<a>{WORD})\s*(?:[-–/]|\s+and\s+)\s*(?P<b>{WORD})\s+(?:border|frontier)"
               r"(?:\s+(?:area|region|crossing|strip|zone))?\b"),
    re.compile(rf"\bborder\s+(?:area\s+)?between\s+(?P<a>{WORD}(?:\s+{WORD})?)\s+and\s+(?P<b>{WORD}(?:\s+{WORD})?)"),
    re.compile(rf"\b(?P<a>{WORD})['’]s\s+border\s+with\s+(?P<b>{WORD}(?:\s+{WORD})?)"),
    re.compile(rf"\bborder\s+with\s+(?P<b>{WORD}(?:\s+{WORD})?)"),
)


def country_focus(mentions: list[Mention], entities: list, countries: CountryGazetteer) -> dict[str, float]:
    """Share of the document's country-bearing mentions that point at each country."""
    by_entity = {e.entity_id: e.country for e in entities if getattr(e, "country", None)}
    counts: Counter[str] = Counter()
    for mention in mentions:
        country = by_entity.get(mention.entity_id or "") or countries.country_of(mention.text)
        if country:
            counts[country] += 1
    total = sum(counts.values())
    return {country: n / total for country, n in counts.items()} if total else {}


def score(entry: Entry, wanted: str | None, focus: dict[str, float]) -> float:
    place = entry.place
    value = {"country": 4.0, "admin1": 2.5}.get(place.feature, 1.0 + math.log10(max(entry.population, 10)) / 2)
    value += 1.5 * entry.capital + 0.5 * entry.primary + (2.0 if wanted == place.feature else 0.0)
    share = focus.get(place.country or "", 0.0)
    return value + (1.0 + 3.0 * share if share else 0.0)


def acceptable(entry: Entry, wanted: str | None, focus: dict[str, float]) -> bool:
    if entry.place.country in focus or wanted == entry.place.feature:
        return True
    if not entry.primary and not entry.spelling:
        return False  # another name far from the focus: "White House" is also Casablanca
    return entry.place.feature == "country" or entry.capital or entry.newsworthy or \
        entry.population >= PROMINENT_POPULATION


def geocode(text: str, gazetteer: PlaceGazetteer, focus: dict[str, float]) -> Entry | None:
    """The place a toponym most likely names in this document, or None."""
    entries, wanted = gazetteer.candidates(text)
    ranked = sorted(entries, key=lambda e: score(e, wanted, focus), reverse=True)
    for entry in ranked[:1]:
        if acceptable(entry, wanted, focus):
            return entry
    return None


def border_place(first: str, second: str, gazetteer: PlaceGazetteer) -> Place | None:
    a, b = gazetteer.country(first), gazetteer.country(second)
    if a is None or b is None or first == second:
        return None
    (a, b) = sorted((a, b), key=lambda e: e.place.country)
    lat = _mean(a.place.lat, b.place.lat)
    lon = _mean(a.place.lon, b.place.lon)
    return Place(f"border:{a.place.country}-{b.place.country}", f"{a.place.name}–{b.place.name} border", None,
                 lat, lon, "border", "dyads.geo (midpoint of the two countries' centroids)")


def _mean(x: float | None, y: float | None) -> float | None:
    return None if x is None or y is None else round((x + y) / 2, 4)


def border_mentions(ctx: DocContext, countries: CountryGazetteer, gazetteer: PlaceGazetteer,
                    focus: dict[str, float]) -> list[tuple[Mention, Place]]:
    text, removed = ctx.get("nlp_text", ctx.doc.text), ctx.get("removed", [])
    found, taken = [], []
    for pattern in BORDERS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if inside_removed(start, end, removed) or any(s < end and start < e for s, e in taken):
                continue
            second = countries.country_of(match.group("b"))
            first = countries.country_of(match.group("a")) if "a" in pattern.groupindex else \
                home_side(second, gazetteer, focus)
            place = border_place(first, second, gazetteer) if first and second else None
            if place is None:
                continue
            taken.append((start, end))
            confidence = 0.75 if "a" in pattern.groupindex else 0.5  # one side read from the focus
            found.append((Mention(ctx.doc.doc_id, start, end, text[start:end], "LOC", method="geo:border",
                                  confidence=confidence, component=COMPONENT, version=VERSION), place))
    return found


def home_side(other: str | None, gazetteer: PlaceGazetteer, focus: dict[str, float]) -> str | None:
    """"the border with Iran": the neighbour of Iran that the document is most about."""
    near = [c for c in gazetteer.neighbours.get(other or "", ()) if c in focus]
    return max(near, key=lambda c: focus[c]) if near else None


@lru_cache(maxsize=1)
def _not_places() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("geo", "not_places.yaml")
    return (frozenset(name_key(n) for n in data.get("diseases", [])),
            frozenset(str(h).lower() for h in data.get("disease_heads", [])))


def names_a_disease(mention: Mention, spacy_doc=None) -> bool:
    """"the spread of Corona", "the Zika virus": a disease, not the place of that name."""
    diseases, heads = _not_places()
    if name_key(mention.text) in diseases:
        return True
    if spacy_doc is None:
        return False
    span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return root is not None and root.dep_ == "compound" and root.head.lemma_.lower() in heads


def is_toponym(mention: Mention, countries: CountryGazetteer, spacy_doc=None) -> bool:
    if names_a_disease(mention, spacy_doc):
        return False
    if mention.kind in PLACE_KINDS:
        return True
    hit = countries.lookup(mention.text) if mention.kind == "ORG" else None
    return hit is not None and hit.how in ("name", "alias", "capital")  # "Abu Dhabi" tagged ORG


@per_document("dyads.geo.places.v2", requires=("spacy_doc", "mentions", "entities"), produces=("mentions", "places"))
def places_stage(ctx: DocContext, resources: Resources) -> dict:
    """Set place_id on toponym mentions, add border-area mentions, and return the places."""
    gazetteer, countries = resources.get("places"), resources.get("countries")
    focus = country_focus(ctx["mentions"], ctx.get("entities", []), countries)
    places: dict[str, Place] = {}
    mentions = []
    for mention in ctx["mentions"]:
        toponym = is_toponym(mention, countries, ctx.get("spacy_doc"))
        entry = geocode(mention.text, gazetteer, focus) if toponym else None
        if entry is not None:
            places[entry.place.place_id] = entry.place
            mention = replace(mention, place_id=entry.place.place_id)
        mentions.append(mention)
    for mention, place in border_mentions(ctx, countries, gazetteer, focus):
        places[place.place_id] = place
        mentions.append(replace(mention, place_id=place.place_id))
    mentions.sort(key=lambda m: (m.start, m.end))
    return {"mentions": mentions, "places": list(places.values())}
