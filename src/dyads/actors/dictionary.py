"""The actor dictionary: known people and organizations with their variants and dated roles.

Built from the shipped resources (resources/actors/people.yaml, organizations.yaml) and
from user dictionaries (`--actors FILE`, YAML or CSV, see `load_user_file`). User entries
come first: an entry of theirs that shares a name or variant with a shipped entry hides
the shipped one, and the code of a matched user entry overrides what the text says.

A person is found by name through the general matcher (names.compare_names), so spelling
variants the file does not list still match ("Mustafa Al-Kazemi" finds "Mustafa
al-Kadhimi"). A bare surname finds a person only when it is unambiguous: one person in
the dictionary with that surname who holds a role at the date, or a one-word alias that the
file lists (a mononym, "Saddam"), and never a person out of office by the surname alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyads.actors.names import PersonName, compare_names, name_key, parse_person, skeletons
from dyads.errors import DyadsError
from dyads.records import stable_id

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# Rank of sectors when several roles are valid at once: an office of state beats a party post.
SECTOR_RANK = {"GOV": 0, "MIL": 1, "SPY": 1, "COP": 1, "JUD": 2, "LEG": 2, "REB": 3, "PRM": 3, "IGO": 3,
               "OPP": 4, "PTY": 5, "ELI": 8}
SUPRANATIONAL = frozenset({"UNO", "EUR", "IGO", "NGO"})
PERSON_KINDS = frozenset({"PERSON"})
ORG_STOP = frozenset({"the", "of", "for", "and", "in", "on", "de", "al", "el"})
ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,8}$")


class ActorFileError(DyadsError):
    """A user actor dictionary that cannot be used (codes E204/E205; kept here, beside the loader)."""

    TEMPLATES = {
        "E204": "{path}: actor dictionary not found (--actors expects a .yaml, .yml or .csv file)",
        "E205": "{path}: not a valid actor dictionary: {reason}; see examples/actors.yaml for the format",
    }

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        Exception.__init__(self, f"[{code}] " + self.TEMPLATES[code].format(**fields))


def today() -> str:
    return dt.date.today().isoformat()


def norm_date(value) -> str | None:
    """"2021", "2021-05", "2021-05-07", a date, "today" -> comparable ISO text (None if unknown)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    if text.lower() in ("today", "now", "present"):
        return today()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    try:
        import dateparser

        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # noqa: BLE001 - an unreadable date is an unknown date
        parsed = None
    return parsed.date().isoformat() if parsed else None


def _start_key(value: str | None) -> str:
    return value or "0000"


def _end_key(value: str | None) -> str:
    if not value:
        return "9999"
    # a year or month end date covers the whole year or month
    return value + ("-12-31" if len(value) == 4 else "-31" if len(value) == 7 else "")


@dataclass(frozen=True, slots=True)
class DictRole:
    role: str
    sector: str | None
    sector2: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None

    def valid_at(self, date: str) -> bool:
        return _start_key(self.start) <= date <= _end_key(self.end)


@dataclass(frozen=True, slots=True)
class Coded:
    """An actor's code at a date, and the role that gave it."""

    country: str | None
    sector: str | None
    sector2: str | None = None
    role: str | None = None
    former: bool = False

    @property
    def code(self) -> str | None:
        return f"{self.country or ''}{self.sector or ''}" or None


@dataclass
class DictEntry:
    entry_id: str
    name: str
    kind: str  # PERSON or an organization kind (IGO, NGO, ARMED_GROUP, PARTY, STATE_BODY, MEDIA, OTHER, ORG)
    country: str | None = None
    sector: str | None = None
    sector2: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[DictRole] = field(default_factory=list)
    source: str = ""
    user: bool = False
    parsed: list[PersonName] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def active_at(self, date: str | None) -> bool:
        date = date or today()
        return any(r.valid_at(date) for r in self.roles)

    def code_at(self, date: str | None) -> Coded:
        """The code at `date`: the highest-ranked role valid then; after the last state role, ELI."""
        date = date or today()
        valid = [r for r in self.roles if r.valid_at(date) and r.sector]
        if valid:
            best = min(valid, key=lambda r: (SECTOR_RANK.get(r.sector or "", 6), -_date_num(r.start)))
            return Coded(best.country or self.country, best.sector, best.sector2, best.role)
        if self.roles and self.is_person:
            past = [r for r in self.roles if _end_key(r.end) < date]
            if past:
                # after an office of state, a former official (ELI) of the person's own country
                state = [r for r in past if r.sector in STATE_SECTORS or r.sector == "ELI"]
                if state:
                    last = max(state, key=lambda r: _end_key(r.end))
                    country = self.country or (last.country if last.country not in SUPRANATIONAL else None)
                    return Coded(country, "ELI", None, last.role, former=True)
                last = max(past, key=lambda r: _end_key(r.end))
                return Coded(last.country or self.country, last.sector, last.sector2, last.role, former=True)
            return Coded(self.country, self.sector, self.sector2)  # before the first known role
        return Coded(self.country, self.sector, self.sector2)


def _date_num(value: str | None) -> int:
    digits = re.sub(r"\D", "", value or "")
    return int((digits + "0000")[:8]) if digits else 0


class ActorDictionary:
    """Lookups over people and organizations (user entries first)."""

    def __init__(self, entries: list[DictEntry], strip_words: frozenset[str] = frozenset()):
        self.entries = entries
        self.strip_words = strip_words
        self.by_key: dict[str, list[DictEntry]] = {}
        self.by_acronym: dict[str, list[DictEntry]] = {}
        self.by_skeleton: dict[str, list[DictEntry]] = {}
        self.by_surname: dict[str, list[DictEntry]] = {}
        hidden: set[str] = set()
        for entry in entries:
            if entry.user:
                hidden.update(name_key(n) for n in entry.names)
        for entry in entries:
            if not entry.user and any(name_key(n) in hidden for n in entry.names):
                continue  # a user entry with this name replaces the shipped one
            self._index(entry)

    def _index(self, entry: DictEntry) -> None:
        for name in entry.names:
            surface = _surface(name)
            if not surface:
                continue
            if entry.is_person:
                parsed = parse_person(surface, self.strip_words)
                if parsed.tokens:
                    entry.parsed.append(parsed)
                    for key in parsed.surname_keys:
                        bucket = self.by_surname.setdefault(key, [])
                        if entry not in bucket:
                            bucket.append(entry)
            key = name_key(surface)
            if ACRONYM.match(surface.replace(" ", "")) and len(key.replace(" ", "")) <= 5 and not entry.is_person:
                self.by_acronym.setdefault(surface.replace(".", "").replace(" ", ""), []).append(entry)
                continue
            if key:
                self.by_key.setdefault(key, []).append(entry)
                if not entry.is_person:
                    skel = org_skeleton(surface)
                    if skel and skel != key:
                        self.by_skeleton.setdefault(skel, []).append(entry)

    # -- organizations --------------------------------------------------------------------
    def find_org(self, text: str, country: str | None = None, fuzzy: bool = True,
                 focus: dict[str, float] | None = None) -> DictEntry | None:
        """An organization by name, alias or acronym (acronyms match in capitals only)."""
        surface = _surface(text)
        compact = surface.replace(".", "").replace(" ", "")
        if ACRONYM.match(compact) or sum(c.isupper() for c in compact) >= 2 and len(compact) <= 6:
            found = self.by_acronym.get(compact.upper() if sum(c.isupper() for c in compact) >= 2 else compact)
            if found:
                return _pick(found, country, focus)
        key = name_key(surface)
        skeleton = org_skeleton(surface) if fuzzy else ""
        fuzzy_ok = len(skeleton.replace(" ", "")) >= 7 and (" " in skeleton or len(skeleton) >= 8)
        for candidates in (self.by_key.get(key), self.by_skeleton.get(skeleton) if fuzzy_ok else None):
            orgs = [e for e in candidates or [] if not e.is_person]
            if orgs:
                return _pick(orgs, country, focus)
        return None

    # -- people ---------------------------------------------------------------------------
    def find_person(self, name: PersonName, date: str | None = None, country: str | None = None,
                    surname_only: bool = True) -> DictEntry | None:
        """The person this name is, or None when no entry or more than one fits."""
        if not name.tokens or name.surname is None:
            return None
        candidates: list[DictEntry] = []
        for key in name.surname_keys:
            for entry in self.by_surname.get(key, []):
                if entry not in candidates:
                    candidates.append(entry)
        for entry in self.by_key.get(name_key(name.text), []):  # a one-word alias that is a given name
            if entry.is_person and entry not in candidates:
                candidates.append(entry)
        if country:
            candidates = [e for e in candidates if not e.country or e.country == country
                          or any(r.country == country for r in e.roles)]
        scored = []
        for entry in candidates:
            best = None
            for variant in entry.parsed:
                how = compare_names(name, variant)
                if how and (best is None or _HOW_RANK[how] < _HOW_RANK[best]):
                    best = how
            if best:
                scored.append((best, entry))
        if not scored:
            return None
        if name.is_full:
            strong = [e for how, e in scored if how in ("exact", "full")]
            exact = [e for how, e in scored if how == "exact"]
            for group in (exact, strong):
                if len(group) == 1:
                    return group[0]
                if len(group) > 1:
                    return _unique([e for e in group if e.user]) or _unique([e for e in group if e.active_at(date)])
            return None
        if not surname_only:
            return None
        # a single word: a listed one-word alias (mononym or distinctive surname), or the surname of
        # the one person with that surname who is in office at the date
        listed = [e for how, e in scored
                  if how == "exact" and any(compare_names(name, v, strict=True) == "exact" for v in e.parsed)]
        users = [e for e in listed if e.user]
        if len(users) == 1:
            return users[0]
        by_surname = [e for how, e in scored if any(compare_names(name, v, strict=True) for v in e.parsed)]
        active = [e for e in by_surname if e.active_at(date)]
        if len(active) == 1 and (active[0] in listed or len(by_surname) == 1):
            return active[0]
        if len(by_surname) == 1 and by_surname[0] in listed:
            return by_surname[0]  # the one listed person of that surname, whose entry gives it as a name alone
        mononyms = [e for e in listed if not _is_surname_of(name, e)]
        if len(mononyms) == 1 and len(listed) == 1:
            return mononyms[0]
        return None

    def title_country(self, name: PersonName, titles: set[str]) -> str | None:
        """The country of a bare surname under a title ("President Bush") when every listed person of that
        surname who held that title is of one country: the country is known even if the person is not."""
        if not titles or name.surname is None:
            return None
        countries = set()
        for key in name.surname_keys:
            for entry in self.by_surname.get(key, []):
                if not any(compare_names(name, v, strict=True) for v in entry.parsed):
                    continue
                if any(name_key(r.role) in titles for r in entry.roles):
                    countries.add(entry.country or next((r.country for r in entry.roles if r.country), None))
        return countries.pop() if len(countries) == 1 and None not in countries else None

    def find_name(self, text: str, date: str | None = None, country: str | None = None) -> DictEntry | None:
        """Any entry by its exact name or alias key (people and organizations)."""
        found = self.by_key.get(name_key(_surface(text)))
        return _pick(found, country) if found else None


_HOW_RANK = {"exact": 0, "full": 1, "surname": 2}


def _unique(entries: list[DictEntry]) -> DictEntry | None:
    return entries[0] if len(entries) == 1 else None


def _is_surname_of(name: PersonName, entry: DictEntry) -> bool:
    surnames = {s for p in entry.parsed if p.is_full for s in p.surname_keys}
    return bool(set(name.surname_keys) & surnames)


def _pick(entries: list[DictEntry], country: str | None, focus: dict[str, float] | None = None) -> DictEntry | None:
    """One of the entries sharing a name: the user's, the one of the country asked for, the one of the
    country the document is most about; else the first listed."""
    users = [e for e in entries if e.user]
    pool = users or entries
    if country:
        local = [e for e in pool if e.country == country]
        if local:
            return local[0]
    if len({e.entry_id for e in pool}) == 1:
        return pool[0]
    if focus:
        ranked = sorted(pool, key=lambda e: -focus.get(e.country or "", 0.0))
        if focus.get(ranked[0].country or "", 0.0) > 0:
            return ranked[0]
    return pool[0]


def _surface(text: str) -> str:
    """A name as written, without a parenthetical qualifier ("The Economist (magazine)")."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", str(text)).strip()


def org_skeleton(text: str) -> str:
    """Organization names compared by the skeletons of their content words."""
    words = [w for w in name_key(text).split() if w not in ORG_STOP]
    return " ".join(skeletons(w)[0] for w in words) if words else ""


# -- loading --------------------------------------------------------------------------------


def _roles(items, default_country: str | None) -> list[DictRole]:
    roles = []
    for item in items or []:
        if not isinstance(item, dict):
            continue
        roles.append(DictRole(role=str(item.get("role") or item.get("title") or ""), sector=_code(item.get("sector")),
                              sector2=_code(item.get("sector2")), country=_code(item.get("country")) or default_country,
                              start=norm_date(item.get("start") or item.get("start_date")),
                              end=norm_date(item.get("end") or item.get("end_date"))))
    return roles


def _code(value) -> str | None:
    text = str(value).strip().upper() if value not in (None, "") else ""
    return text or None


def entry_from_dict(item: dict, source: str, user: bool = False, kind_default: str | None = None) -> DictEntry:
    name = str(item.get("name") or "").strip()
    if not name:
        raise ValueError("an actor entry needs a name")
    code = _code(item.get("code"))
    country = _code(item.get("country"))
    sector = _code(item.get("sector"))
    if code and not (country or sector):
        country, sector = _split_code(code)
    aliases = [str(a) for a in (item.get("aliases") or []) + (item.get("variants") or []) if str(a).strip()]
    roles = _roles(item.get("roles"), country)
    kind = str(item.get("kind") or kind_default or ("PERSON" if roles and not item.get("sector") else "ORG")).upper()
    if kind in ("PERSON", "PEOPLE", "INDIVIDUAL"):
        kind = "PERSON"
    entry_id = str(item.get("id") or stable_id("e", "DICT", "PERSON" if kind == "PERSON" else "ORG", name_key(name),
                                             country or ""))
    return DictEntry(entry_id=entry_id, name=name, kind=kind, country=country, sector=sector,
                     sector2=_code(item.get("sector2")), aliases=aliases, roles=roles, source=source, user=user)


def _split_code(code: str) -> tuple[str | None, str | None]:
    """"IRQGOV" -> ("IRQ", "GOV"); "GOV" -> (None, "GOV"); "IRQ" -> ("IRQ", None)."""
    code = code.upper()
    if len(code) >= 6:
        return code[:3], code[3:6]
    from dyads.actors.sectors import SECTOR_CODES

    if code in SECTOR_CODES:
        return None, code
    return code, None


def load_user_file(path: str | Path) -> list[DictEntry]:
    """A user actor dictionary: YAML (a list, or {actors: [...]}) or CSV (one row per role)."""
    file = Path(path)
    if not file.exists():
        raise ActorFileError("E204", path=str(path))
    source = f"user:{file.name}"
    try:
        if file.suffix.lower() in (".csv", ".tsv"):
            return _load_csv(file, source)
        import yaml

        with open(file, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise ActorFileError("E205", path=str(path), reason=str(err).splitlines()[0]) from err
    except Exception as err:  # noqa: BLE001 - a YAML syntax error
        raise ActorFileError("E205", path=str(path), reason=str(err).splitlines()[0]) from err
    items = (data.get("actors") or []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ActorFileError("E205", path=str(path), reason="expected a list of actors or {actors: [...]}")
    entries = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ActorFileError("E205", path=str(path), reason=f"entry {number} is not a mapping")
        try:
            entries.append(entry_from_dict(item, source, user=True))
        except ValueError as err:
            raise ActorFileError("E205", path=str(path), reason=f"entry {number}: {err}") from err
    return entries


def _load_csv(file: Path, source: str) -> list[DictEntry]:
    delimiter = "\t" if file.suffix.lower() == ".tsv" else ","
    grouped: dict[str, dict] = {}
    with open(file, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter=delimiter), start=2):
            row = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
            name = row.get("name", "")
            if not name:
                raise ValueError(f"line {number}: no name")
            item = grouped.setdefault(name, {"name": name, "variants": [], "roles": []})
            for key in ("kind", "country", "sector", "sector2", "code", "id"):
                if row.get(key) and not item.get(key):
                    item[key] = row[key]
            for variant in re.split(r"[|;]", row.get("variants", "") or row.get("aliases", "")):
                if variant.strip() and variant.strip() not in item["variants"]:
                    item["variants"].append(variant.strip())
            if row.get("role") or row.get("start") or row.get("end"):
                item["roles"].append({"role": row.get("role", ""), "sector": row.get("role_sector") or row.get("sector"),
                                      "country": row.get("role_country") or row.get("country"),
                                      "start": row.get("start"), "end": row.get("end")})
    return [entry_from_dict(item, source, user=True) for item in grouped.values()]


def _load_yaml_list(*parts: str) -> list:
    import yaml

    from dyads.resources import resource_path

    with open(resource_path(*parts), encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data if isinstance(data, list) else []


@lru_cache(maxsize=1)
def shipped_entries() -> tuple[DictEntry, ...]:
    entries = []
    for item in _load_yaml_list("actors", "people.yaml"):
        entries.append(entry_from_dict(item, "people.yaml", kind_default="PERSON"))
    for item in _load_yaml_list("actors", "organizations.yaml"):
        entries.append(entry_from_dict(item, "organizations.yaml", kind_default="ORG"))
    return tuple(entries)


def uses_shipped(path: str | Path) -> bool:
    """False when a user YAML file says `use_shipped: false` (only the user's actors, no shipped ones)."""
    file = Path(path)
    if file.suffix.lower() not in (".yaml", ".yml") or not file.exists():
        return True
    import yaml

    with open(file, encoding="utf-8") as handle:
        try:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except Exception:  # noqa: BLE001 - load_user_file reports the error
            return True
    return not (isinstance(data, dict) and data.get("use_shipped") is False)


def build_dictionary(user_files: tuple[str, ...] = (), shipped: bool = True) -> ActorDictionary:
    from dyads.actors.sectors import load_title_words

    entries: list[DictEntry] = []
    for path in user_files:
        entries.extend(load_user_file(path))
        shipped = shipped and uses_shipped(path)
    if shipped:
        entries.extend(_fresh(e) for e in shipped_entries())
    return ActorDictionary(entries, strip_words=load_title_words())


def _fresh(entry: DictEntry) -> DictEntry:
    """A copy with its own parsed-name list (the dictionary fills it while indexing)."""
    return DictEntry(entry.entry_id, entry.name, entry.kind, entry.country, entry.sector, entry.sector2,
                     list(entry.aliases), list(entry.roles), entry.source, entry.user)


def _register() -> None:
    from dyads.pipeline import Resources

    @Resources.register("actor_dictionary")
    def load_actor_dictionary() -> ActorDictionary:
        """The shipped dictionary; `dyads run --actors FILE` passes one built with the user's files."""
        return build_dictionary()


_register()
