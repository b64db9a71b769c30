"""Turn the head token of an actor phrase into a coded `Participant`.

The participant is the name mention that covers the token when there is one (and its
entity's code), else the noun phrase. A phrase without a coded entity takes its country
from a nationality or country modifier ("Iraqi security forces" -> IRQ) and its sector
from its head noun or title ("forces" -> MIL, "Prime Minister" -> GOV).
"""

from __future__ import annotations

from dyads.actors.gazetteer import CountryGazetteer
from dyads.actors.sectors import SectorLexicon
from dyads.records import Entity, Mention, Participant

CLAUSE_DEPS = frozenset({"relcl", "acl", "prep", "appos", "advcl", "ccomp", "punct", "cc", "conj"})


class ParticipantBuilder:
    """Builds participants for one document from its mentions and entities."""

    def __init__(self, mentions: list[Mention], entities: list[Entity], countries: CountryGazetteer,
                 sectors: SectorLexicon):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.entities = {e.entity_id: e for e in entities}
        self.countries = countries
        self.sectors = sectors

    def mention_at(self, start: int, end: int) -> Mention | None:
        for mention in self.mentions:
            if mention.start <= start and end <= mention.end:
                return mention
            if mention.start > end:
                break
        return None

    def build(self, token) -> Participant:
        phrase = phrase_tokens(token)
        mention = self.mention_at(token.idx, token.idx + len(token))
        entity = self.entities.get(mention.entity_id) if mention and mention.entity_id else None
        if mention is not None:
            text, start, end = mention.text, mention.start, mention.end
        else:
            start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            text = token.doc.text[start:end]
        country = entity.country if entity else None
        sector = entity.sector if entity else None
        if country is None:
            country = self._modifier_country(phrase, mention)
        if sector is None:
            sector = self.sectors.sector_of([t.lemma_.lower() for t in phrase], [t.lower_ for t in phrase])
        code = f"{country or ''}{sector or ''}" or None
        return Participant(text=text, start=start, end=end, entity_id=entity.entity_id if entity else None,
                           code=code, country=country, sector=sector)

    def _modifier_country(self, phrase, own_mention: Mention | None) -> str | None:
        for tok in phrase:
            mention = self.mention_at(tok.idx, tok.idx + len(tok))
            if mention is None or mention is own_mention:
                continue
            entity = self.entities.get(mention.entity_id or "")
            if entity is not None and entity.kind == "STATE":
                return entity.country
            hit = self.countries.lookup(mention.text)
            if hit is not None:
                return hit.country
        return None


def phrase_tokens(token) -> list:
    """The noun phrase headed by `token`, without clauses, prepositional phrases or conjuncts."""
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
    doc = token.doc
    first, last = min(keep), max(keep)
    tokens = [doc[i] for i in range(first, last + 1)]
    while tokens and tokens[0].dep_ in ("det", "punct") and tokens[0] is not token:
        tokens = tokens[1:]
    return tokens
