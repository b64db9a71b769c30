"""In-document linking: group a document's name mentions into entities and code them.

First version: mentions with the same normalized name are one entity; countries,
demonyms and capitals are the state actor coded with ISO alpha-3 (a capital used
as an actor is the government: GOV). Entity ids are derived from the name key, so
the same name in another document lands on the same corpus-wide entity.
"""

from __future__ import annotations

from dataclasses import replace

from dyads.actors.gazetteer import CountryGazetteer
from dyads.actors.names import clean_surface, name_key
from dyads.pipeline import DocContext, Resources, per_document
from dyads.records import Entity, Mention, stable_id

COMPONENT = "dyads.actors.link"
VERSION = "1"
STATE_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})


def state_entity_id(country: str) -> str:
    return stable_id("e", "STATE", country)


def code_of(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return f"{country or ''}{sector or ''}"


def link_mentions(mentions: list[Mention], countries: CountryGazetteer) -> tuple[list[Mention], list[Entity]]:
    """Give each mention an entity; return the updated mentions and the document's entities."""
    entities: dict[str, Entity] = {}
    linked = []
    for mention in mentions:
        entity = _entity_for(mention, countries)
        if entity is None:
            linked.append(mention)
            continue
        known = entities.setdefault(entity.entity_id, entity)
        surface = clean_surface(mention.text)
        if surface not in known.variants:
            known.variants.append(surface)
        method = "gazetteer" if entity.kind == "STATE" else "name"
        linked.append(replace(mention, local_id=entity.entity_id, entity_id=entity.entity_id, method=method))
    return linked, list(entities.values())


def _entity_for(mention: Mention, countries: CountryGazetteer) -> Entity | None:
    if mention.kind in STATE_LABELS:
        hit = countries.lookup(mention.text)
        if hit is not None:
            sector = "GOV" if hit.how == "capital" else None
            entity_id = state_entity_id(hit.country) if sector is None else stable_id("e", "STATE", hit.country, sector)
            return Entity(entity_id, hit.country if sector is None else f"{hit.country} government",
                          "STATE", country=hit.country, sector=sector, code=code_of(hit.country, sector),
                          method=f"gazetteer:{hit.how}", confidence=0.9, component=COMPONENT, version=VERSION)
    if mention.kind in ("NORP", "LOC", "FAC", "GPE") and mention.kind != "GPE":
        return None  # an unknown nationality, region or building is not an actor by itself
    key = name_key(mention.text)
    if not key:
        return None
    kind = "PERSON" if mention.kind == "PERSON" else ("PLACE" if mention.kind == "GPE" else "ORG")
    return Entity(stable_id("e", kind, key), clean_surface(mention.text), kind, method="name",
                  confidence=0.6, component=COMPONENT, version=VERSION)


@per_document("dyads.actors.link.v1", requires=("mentions",), produces=("mentions", "entities"))
def link_document(ctx: DocContext, resources: Resources) -> dict:
    """Group the document's mentions into coded entities."""
    mentions, entities = link_mentions(ctx["mentions"], resources.get("countries"))
    return {"mentions": mentions, "entities": entities}
