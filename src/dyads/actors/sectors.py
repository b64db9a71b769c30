"""Sector codes for generic agents and titles: "soldiers" -> MIL, "Prime Minister" -> GOV.

Loaded from resources/actors/agents.yaml and titles.yaml. Multiword titles are
matched before single words, and the last matching word of a phrase wins
("army accountant" is about the army's accountant: the head noun decides).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyads.pipeline import Resources
from dyads.resources import ROOT, load_yaml


@dataclass
class SectorLexicon:
    terms: dict[tuple[str, ...], str] = field(default_factory=dict)  # word tuple -> sector
    non_actors: frozenset[str] = frozenset()
    max_len: int = 1

    def add(self, term: str, sector: str | None) -> None:
        words = tuple(str(term).lower().replace("-", " ").split())
        if words and sector:
            self.terms[words] = sector
            self.max_len = max(self.max_len, len(words))

    def sector_of(self, lemmas: list[str], words: list[str] | None = None) -> str | None:
        """The sector of a phrase: the longest term ending rightmost wins."""
        best, best_end = None, -1
        for seq in (lemmas, words or []):
            for end in range(len(seq), 0, -1):
                for size in range(min(self.max_len, end), 0, -1):
                    sector = self.terms.get(tuple(seq[end - size:end]))
                    if sector and end > best_end:
                        best, best_end = sector, end
                if best_end == end:
                    break
        return best


def _entries(data, *keys: str) -> list:
    if isinstance(data, list):
        return data
    for key in keys:
        if isinstance(data, dict) and isinstance(data.get(key), list):
            return data[key]
    return []


@Resources.register("sectors")
def load_sector_lexicon() -> SectorLexicon:
    lexicon = SectorLexicon()
    non_actors: set[str] = set()
    if (ROOT / "actors" / "agents.yaml").exists():
        data = load_yaml("actors", "agents.yaml")
        for entry in _entries(data, "agents", "terms"):
            lexicon.add(entry.get("term", ""), entry.get("sector"))
            for plural in entry.get("plurals", []) or []:
                lexicon.add(plural, entry.get("sector"))
        if isinstance(data, dict):
            non_actors.update(str(w).lower() for w in data.get("non_actors", []) or [])
    if (ROOT / "actors" / "titles.yaml").exists():
        data = load_yaml("actors", "titles.yaml")
        for entry in _entries(data, "titles"):
            lexicon.add(entry.get("title", ""), entry.get("sector"))
    lexicon.non_actors = frozenset(non_actors)
    return lexicon
