"""Sector codes for generic agents and titles: "soldiers" -> MIL, "Prime Minister" -> GOV.

Loaded from resources/actors/agents.yaml and titles.yaml. Multiword titles are
matched before single words, and the last matching word of a phrase wins
("army accountant" is about the army's accountant: the head noun decides).
Regular plurals are made here (-s, -es, -ies, man -> men); irregular ones come from the
entry's `plural`. Titles keep their `head_of` and whether their sector is inherited
(a spokesman, an adviser or a leader has the sector of what they speak for or lead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dyads.pipeline import Resources
from dyads.resources import ROOT, load_yaml

SECTOR_CODES = frozenset("GOV MIL REB OPP PTY LEG JUD COP SPY ELI JRN MED HLH EDU BUS CVL REL LAB AGR CRM UAF "
                         "PRM REF PRE ENV HRI NGO IGO UNK".split())


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]
    sector: str | None  # None: inherits the sector of what it is attached to (spokesman for X)
    sector2: str | None = None
    title: bool = False
    head_of: str | None = None
    inherit: bool = False  # takes the sector of the organization it is attached to, when there is one


@dataclass
class SectorLexicon:
    terms: dict[tuple[str, ...], str] = field(default_factory=dict)  # word tuple -> sector
    non_actors: frozenset[str] = frozenset()
    max_len: int = 1
    entries: dict[tuple[str, ...], Term] = field(default_factory=dict)
    honorifics: tuple[tuple[str, ...], ...] = ()
    former_markers: frozenset[str] = frozenset()
    future_markers: frozenset[str] = frozenset()

    def add(self, term: str, sector: str | None, sector2: str | None = None, title: bool = False,
            head_of: str | None = None) -> None:
        words = tuple(str(term).lower().replace("-", " ").split())
        if not words:
            return
        self.max_len = max(self.max_len, len(words))
        known = self.entries.get(words)
        if known is not None and known.title and not title:
            if known.sector is None and sector:  # a title that inherits, with a default from agents.yaml
                self.entries[words] = Term(words, sector, sector2, True, known.head_of, inherit=True)
                self.terms[words] = sector
            return  # otherwise titles.yaml decides for the words it lists
        self.entries[words] = Term(words, sector, sector2, title, head_of, inherit=title and not sector)
        if sector:
            self.terms[words] = sector
        else:
            self.terms.pop(words, None)

    def match(self, words: list[str]) -> tuple[Term, int, int] | None:
        """The term of a phrase: the longest one ending rightmost (start, end indexes)."""
        seq = [w.lower() for w in words]
        for end in range(len(seq), 0, -1):
            for size in range(min(self.max_len, end), 0, -1):
                term = self.entries.get(tuple(seq[end - size:end]))
                if term is not None:
                    return term, end - size, end
        return None

    def sector_of(self, lemmas: list[str], words: list[str] | None = None) -> str | None:
        """The sector of a phrase: the longest term ending rightmost wins."""
        best, best_end = None, -1
        for seq in (lemmas, words or []):
            for end in range(len(seq), 0, -1):
                for size in range(min(self.max_len, end), 0, -1):
                    sector = self.terms.get(tuple(w.lower() for w in seq[end - size:end]))
                    if sector and end > best_end:
                        best, best_end = sector, end
                if best_end == end:
                    break
        return best


def plurals(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Regular plurals of a term's last word."""
    last = words[-1]
    forms = []
    if last.endswith("man") and len(last) > 3:
        forms.append(last[:-3] + "men")
    if re.search(r"[^aeiou]y$", last):
        forms.append(last[:-1] + "ies")
    elif re.search(r"(s|x|z|ch|sh)$", last):
        forms.append(last + "es")
    elif not last.endswith(("s", "people", "police", "personnel")):
        forms.append(last + "s")
    return [words[:-1] + (f,) for f in forms]


def _entries(data, *keys: str) -> list:
    if isinstance(data, list):
        return data
    for key in keys:
        if isinstance(data, dict) and isinstance(data.get(key), list):
            return data[key]
    return []


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


@lru_cache(maxsize=1)
def _build() -> SectorLexicon:
    lexicon = SectorLexicon()
    non_actors: set[str] = set()
    if (ROOT / "actors" / "titles.yaml").exists():
        data = load_yaml("actors", "titles.yaml")
        for entry in _entries(data, "titles"):
            title = str(entry.get("title", ""))
            sector, sector2 = entry.get("sector"), entry.get("sector2")
            lexicon.add(title, sector, sector2, title=True, head_of=entry.get("head_of"))
            words = tuple(title.lower().replace("-", " ").split())
            for plural in plurals(words) if words else []:
                lexicon.add(" ".join(plural), sector, sector2, title=True, head_of=entry.get("head_of"))
        if isinstance(data, dict):
            lexicon.honorifics = tuple(sorted({tuple(h.lower().split()) for h in data.get("honorifics", []) or []},
                                              key=len, reverse=True))
            lexicon.former_markers = frozenset(str(m).lower().strip("-") for m in data.get("former_markers", []) or [])
            lexicon.future_markers = frozenset(str(m).lower().strip("-") for m in data.get("future_markers", []) or [])
    if (ROOT / "actors" / "agents.yaml").exists():
        data = load_yaml("actors", "agents.yaml")
        for entry in _entries(data, "agents", "terms"):
            term, sector, sector2 = str(entry.get("term", "")), entry.get("sector"), entry.get("sector2")
            lexicon.add(term, sector, sector2)
            words = tuple(term.lower().replace("-", " ").split())
            irregular = _as_list(entry.get("plural")) + _as_list(entry.get("plurals"))
            for plural in irregular:
                lexicon.add(plural, sector, sector2)
            if words and not irregular:
                for plural in plurals(words):
                    lexicon.add(" ".join(plural), sector, sector2)
        if isinstance(data, dict):
            non_actors.update(str(w).lower() for w in data.get("non_actors", []) or [])
    lexicon.non_actors = frozenset(non_actors | {" ".join(p) for w in non_actors for p in plurals((w,))})
    return lexicon


@lru_cache(maxsize=1)
def load_title_words() -> frozenset[str]:
    """Lower-case words that open a title or an honorific: stripped from the front of a person's name."""
    lexicon = _build()
    words = {w.strip(".") for t in lexicon.entries.values() if t.title for w in t.words}
    words |= {w.strip(".") for h in lexicon.honorifics for w in h}
    words |= {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov",
              "pres", "amb", "rev", "st", "former", "late", "then", "acting", "interim", "deputy", "vice",
              "us", "u.s", "uk", "un"}
    return frozenset(w for w in words if w)


@Resources.register("sectors")
def load_sector_lexicon() -> SectorLexicon:
    return _build()
