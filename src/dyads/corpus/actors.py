"""Cross-document actor resolution: the same person in two documents is one entity.

The per-document linker (actors/link.py) gives dictionary people and organizations, states and
generic agents corpus-wide ids; every other name gets an id of its document. This stage maps
those onto the corpus, for the new documents only:

- each corpus entity has its name keys in `entity_keys` (surname skeletons for people, the
  name skeleton for organizations): a new name finds its candidates with one indexed join;
- a full name joins the corpus person whose name it matches (names.compare_names: exact or
  full) when nothing speaks against it (another country, a role in an incompatible sector) and
  the match is unique; a bare surname joins the one corpus person with a full name it fits;
  an organization joins the corpus organization of the same name;
- a new full name also takes in the corpus's bare-surname entities that fit it and no other
  full name ("Kazemi" seen alone last week, "Mustafa Al-Kazemi" today);
- a name that joins nothing becomes a corpus entity and registers its keys.
Merging an entity rewrites the references to it (mentions, events, quotes, quantities, merged
events) and merges its variants and roles into the target; the code is the one of the latest
date (store/merge.py). Everything happens inside the runner's corpus transaction.
Work is proportional to the new documents' names (and the mentions of entities they absorb).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from dyads.actors.dictionary import org_skeleton
from dyads.actors.entity import countries_conflict, sectors_conflict
from dyads.actors.names import PersonName, compare_names, parse_person
from dyads.corpus import corpus_stage, registered
from dyads.store import schema
from dyads.store.merge import merge_entity_rows

COMPONENT = "dyads.corpus.actors"
VERSION = "1"
LINKED_KINDS = ("PERSON", "ORG")


@dataclass
class Known:
    row: dict
    names: list[PersonName]

    @property
    def entity_id(self) -> str:
        return self.row["entity_id"]

    @property
    def full(self) -> bool:
        return any(n.is_full for n in self.names)

    @property
    def provisional(self) -> bool:
        return str(self.row.get("method") or "") in ("name", "name:ambiguous")


def _strip_words(resources) -> frozenset[str]:
    try:
        return resources.get("actor_dictionary").strip_words
    except Exception:  # noqa: BLE001 - without the dictionary: the shipped title words
        from dyads.actors.sectors import load_title_words

        return load_title_words()


def person_names(row: dict, strip: frozenset[str]) -> list[PersonName]:
    names = []
    for text in [row.get("name"), *(row.get("variants") or [])]:
        if not text or str(text).startswith("@"):
            continue
        parsed = parse_person(str(text), strip)
        if parsed.tokens and parsed.surname is not None:
            names.append(parsed)
    return names


def _surname_like_org(row: dict) -> bool:
    """A one-word organization of the text alone that reads as a surname ("Rikabi said ..."): NER's slip."""
    name = str(row.get("name") or "")
    return row.get("kind") == "ORG" and str(row.get("method")) == "name" and " " not in name.strip() and \
        name[:1].isupper() and not name.isupper() and len(name) >= 4


def keys_of(known: Known) -> list[tuple[str, bool]]:
    if known.row.get("kind") == "PERSON":
        keys = {(k, n.is_full) for n in known.names for k in n.surname_keys}
        return sorted(keys)
    skeleton = org_skeleton(known.row.get("name") or "")
    return [(skeleton, True)] if skeleton else []


def _match(new: Known, candidates: list[Known]) -> Known | None:
    """The one corpus entity the new entity is, or None (no candidate, or more than one)."""
    if new.row.get("kind") == "ORG":
        same = [c for c in candidates if c.row.get("kind") == "ORG" and
                org_skeleton(c.row.get("name") or "") == org_skeleton(new.row.get("name") or "") and
                not countries_conflict(c.row.get("country"), new.row.get("country"))]
        return same[0] if len(same) == 1 else None
    if str(new.row.get("method")) == "name:ambiguous":
        return None
    scored = []
    for cand in candidates:
        if cand.row.get("kind") != "PERSON" or cand.entity_id == new.entity_id:
            continue
        if countries_conflict(cand.row.get("country"), new.row.get("country")) or \
                sectors_conflict(cand.row.get("sector"), new.row.get("sector")):
            continue
        best = None
        for a in new.names:
            for b in cand.names:
                how = compare_names(a, b, strict=not (a.is_full and b.is_full))
                if how == "surname" and not (b.is_full or a.is_full):
                    how = None  # two bare surnames are no evidence
                if how and (best is None or _RANK[how] < _RANK[best]):
                    best = how
        if best:
            scored.append((best, cand))
    if not scored:
        return None
    if new.full:
        exact = [c for how, c in scored if how == "exact" and c.full]
        strong = [c for how, c in scored if how in ("exact", "full") and c.full]
        for group in (exact, strong):
            if len(group) == 1:
                return group[0]
            if len(group) > 1:
                return None
        return None
    full = [c for how, c in scored if c.full]
    return full[0] if len(full) == 1 else None


_RANK = {"exact": 0, "full": 1, "surname": 2}


class Resolver:
    def __init__(self, store, resources):
        self.store = store
        self.con = store.con
        self.strip = _strip_words(resources)
        self.mapping: dict[str, str] = {}
        self.rows: dict[str, dict] = {}  # target rows to write back
        self.deleted: set[str] = set()
        self.rekind: dict[str, str] = {}  # a one-word "organization" that was a person's surname
        self.new_keys: list[dict] = []

    def known(self, row: dict) -> Known:
        if row.get("kind") == "PERSON" or _surname_like_org(row):
            return Known(row, person_names(row, self.strip))
        return Known(row, [])

    def candidates(self, keys: list[str]) -> list[Known]:
        if not keys:
            return []
        rows = self.store.query(
            "SELECT DISTINCT e.* FROM entity_keys k JOIN entities e USING (entity_id) "
            "WHERE k.key IN (SELECT UNNEST(?))", [keys])
        out = []
        for row in rows:
            entity_id = row["entity_id"]
            if entity_id in self.deleted:
                continue
            out.append(self.known(self.rows.get(entity_id, row)))
        return out

    def run(self, doc_ids: list[str]) -> None:
        self._register_unkeyed()
        rows = self.store.query(
            f"""SELECT e.*, min(m.doc_id) AS first_doc, min(m.start) AS first_start FROM entities e
                JOIN mentions m ON m.entity_id = e.entity_id
                WHERE m.doc_id IN (SELECT UNNEST(?)) AND e.kind IN (SELECT UNNEST(?))
                  AND e.entity_id NOT IN (SELECT entity_id FROM entity_keys)
                GROUP BY ALL ORDER BY first_doc, first_start""", [doc_ids, list(LINKED_KINDS)])
        for row in rows:
            row.pop("first_doc", None)
            row.pop("first_start", None)
            new = self.known(row)
            if not new.provisional:
                self._register(new)  # a dictionary entity: corpus-wide already
                self._absorb_surnames(new)
                continue
            keys = [k for k, _ in keys_of(new)]
            target = _match(new, self.candidates(keys))
            if target is None:
                self._register(new)
                if new.full:
                    self._absorb_surnames(new)
                continue
            self._merge(new, target)
            if new.full and not target.full:
                self._absorb_surnames(self.known(self.rows[target.entity_id]))
        self._apply()

    def _register_unkeyed(self) -> None:
        """Entities stored before this stage existed (an older store) get their keys once."""
        done = self.con.execute("SELECT value FROM meta WHERE key = 'actors_keys'").fetchone()
        if done:
            return
        rows = self.store.query(
            "SELECT * FROM entities WHERE kind IN (SELECT UNNEST(?)) AND entity_id NOT IN "
            "(SELECT entity_id FROM entity_keys) AND entity_id IN (SELECT entity_id FROM mentions "
            "WHERE doc_id IN (SELECT doc_id FROM documents WHERE NOT corpus_pending))", [list(LINKED_KINDS)])
        for row in rows:
            self._register(self.known(row))
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('actors_keys', ?)", [VERSION])

    def _register(self, known: Known) -> None:
        for key, full in keys_of(known):
            self.new_keys.append({"key": key, "entity_id": known.entity_id, "kind": known.row.get("kind"),
                                  "full": full})
        self._flush_keys()

    def _flush_keys(self) -> None:
        if self.new_keys:
            self.store._insert("entity_keys", self.new_keys)
            self.new_keys = []

    def _absorb_surnames(self, full: Known) -> None:
        """Bare-surname corpus entities that fit this full name and no other full name join it."""
        if not full.full or full.row.get("kind") != "PERSON":
            return
        keys = [k for k, is_full in keys_of(full) if is_full]
        for cand in self.candidates(keys):
            if cand.full or cand.entity_id == full.entity_id or not cand.provisional or \
                    str(cand.row.get("method")) == "name:ambiguous" or not cand.names:
                continue
            if countries_conflict(cand.row.get("country"), full.row.get("country")) or \
                    sectors_conflict(cand.row.get("sector"), full.row.get("sector")):
                continue
            if not any(compare_names(a, b, strict=True) for a in cand.names for b in full.names):
                continue
            rivals = [c for c in self.candidates([k for k, _ in keys_of(cand)])
                      if c.full and c.entity_id != full.entity_id and c.row.get("kind") == "PERSON" and
                      any(compare_names(a, b, strict=True) for a in cand.names for b in c.names)]
            if rivals:
                continue
            self._merge(cand, full)

    def _merge(self, source: Known, target: Known) -> None:
        """Map `source` onto `target`: the target row takes the source's variants and roles."""
        base = self.rows.get(target.entity_id, target.row)
        merged = merge_entity_rows(base, source.row)
        merged["entity_id"] = target.entity_id
        if not str(base.get("method") or "").startswith("dictionary"):
            merged["method"] = "name:corpus"
            merged["component"], merged["version"] = COMPONENT, VERSION
        self.rows[target.entity_id] = merged
        self.mapping[source.entity_id] = target.entity_id
        if source.row.get("kind") != merged.get("kind"):
            self.rekind[source.entity_id] = merged.get("kind")
        for old, new in list(self.mapping.items()):  # chains: a -> b, b -> c
            if new == source.entity_id:
                self.mapping[old] = target.entity_id
        self.deleted.add(source.entity_id)
        if source.entity_id in self.rows:
            del self.rows[source.entity_id]
        self.con.execute("DELETE FROM entity_keys WHERE entity_id = ?", [source.entity_id])
        known_target = self.known(merged)
        existing = {r[0] for r in self.con.execute("SELECT key FROM entity_keys WHERE entity_id = ?",
                                                   [target.entity_id]).fetchall()}
        if existing:  # the target is registered: add the keys its new names bring
            self.new_keys.extend({"key": k, "entity_id": target.entity_id, "kind": merged.get("kind"), "full": f}
                                 for k, f in keys_of(known_target) if k not in existing)
            self._flush_keys()

    # -- writing ----------------------------------------------------------------------------
    def _apply(self) -> None:
        if not self.mapping:
            return
        con = self.con
        ids = list(self.mapping)
        codes = {eid: (row.get("code"), row.get("country"), row.get("sector")) for eid, row in self.rows.items()}
        mapping_table = pa.table({"from_id": ids, "to_id": [self.mapping[i] for i in ids]})
        for source, kind in self.rekind.items():
            con.execute("UPDATE mentions SET kind = ? WHERE entity_id = ?", [kind, source])
        with registered(con, "_actor_map", mapping_table):
            con.execute("UPDATE mentions SET entity_id = m.to_id FROM _actor_map m WHERE mentions.entity_id = m.from_id")
            con.execute("UPDATE quantities SET subject_entity_id = m.to_id FROM _actor_map m "
                        "WHERE quantities.subject_entity_id = m.from_id")
        self._rewrite_participants("events", ("actors", "recipients"), "event_id", codes)
        self._rewrite_participants("quotes", ("speaker",), "quote_id", codes)
        self._rewrite_merged_events()
        con.execute("DELETE FROM entities WHERE entity_id IN (SELECT UNNEST(?))", [sorted(self.deleted)])
        if self.rows:
            targets = list(self.rows)
            con.execute("DELETE FROM entities WHERE entity_id IN (SELECT UNNEST(?))", [targets])
            self.store._insert("entities", list(self.rows.values()))

    def _rewrite_participants(self, table: str, columns: tuple[str, ...], key: str, codes: dict) -> None:
        ids = list(self.mapping)
        conditions = []
        for column in columns:
            if table == "quotes":
                conditions.append(f"{column}.entity_id IN (SELECT UNNEST($1))")
            else:
                conditions.append(f"len(list_filter({column}, lambda p: list_contains($1, p.entity_id))) > 0")
        rows = self.store.query(f"SELECT {key}, {', '.join(columns)} FROM {table} WHERE {' OR '.join(conditions)}",
                                [ids])
        if not rows:
            return
        for row in rows:
            for column in columns:
                value = row[column]
                if isinstance(value, list):
                    row[column] = [self._participant(p, codes) for p in value]
                elif value is not None:
                    row[column] = self._participant(value, codes)
        arrow_schema = schema.arrow_schema(table)
        fields = [arrow_schema.field(key)] + [arrow_schema.field(c) for c in columns]
        data = pa.Table.from_pylist(rows, schema=pa.schema(fields))
        with registered(self.con, "_actor_rows", data):
            sets = ", ".join(f"{c} = r.{c}" for c in columns)
            self.con.execute(f"UPDATE {table} SET {sets} FROM _actor_rows r WHERE {table}.{key} = r.{key}")

    def _participant(self, p: dict, codes: dict) -> dict:
        target = self.mapping.get(p.get("entity_id"))
        if target is None:
            return p
        p = dict(p)
        p["entity_id"] = target
        code, country, sector = codes.get(target, (None, None, None))
        if not p.get("country") and not p.get("sector") and (country or sector):
            p["code"], p["country"], p["sector"] = code, country, sector
        return p

    def _rewrite_merged_events(self) -> None:
        ids = list(self.mapping)
        rows = self.store.query(
            "SELECT merged_event_id, actors, recipients FROM merged_events WHERE "
            "len(list_filter(actors || recipients, lambda a: list_contains($1, a))) > 0", [ids])
        if not rows:
            return
        for row in rows:
            for column in ("actors", "recipients"):
                row[column] = _dedupe([self.mapping.get(a, a) for a in row[column] or []])
        arrow_schema = schema.arrow_schema("merged_events")
        fields = [arrow_schema.field(c) for c in ("merged_event_id", "actors", "recipients")]
        with registered(self.con, "_actor_merged", pa.Table.from_pylist(rows, schema=pa.schema(fields))):
            self.con.execute("UPDATE merged_events SET actors = r.actors, recipients = r.recipients "
                             "FROM _actor_merged r WHERE merged_events.merged_event_id = r.merged_event_id")


def _dedupe(items: list) -> list:
    out = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


@corpus_stage("dyads.corpus.actors.v1", order=25)
def resolve_actors(store, doc_ids: list[str], resources) -> None:
    """Map the new documents' names onto the corpus's entities (before merged events, which compare them)."""
    if not doc_ids:
        return
    Resolver(store, resources).run(doc_ids)
