"""Pronouns and definite descriptions that refer back to an actor of the same document.

No maintained coreference package works offline here (coreferee downloads its model and
rejects the renamed spaCy model; see STACK.md), so this is a small rule-based resolver,
measured on data/gold/actors_pronouns.jsonl (`dyads eval actors`):

- "he / him / his / himself", "she / her / herself": the person who is the subject of the
  same sentence before the pronoun; else the nearest person named before it in the sentence;
  else the subject person (or the only person) of the closest of the two previous sentences
  that names one. Nothing in reach: unresolved.
- "the premier", "the prime minister", "the former intelligence chief", "the minister": a
  definite title not followed by a name resolves to the one person of the document holding
  that title (learned from the text or the dictionary); with several, the most recent one
  named; with none, it stays a generic agent (coded by the phrase coder).
- "the Kingdom", "the Islamic Republic", "the Emirate", "the Sultanate": the most recently
  named state whose official name has that word (Saudi Arabia is the Kingdom of Saudi Arabia).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from dyads.records import Mention

SINGULAR = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
HONORIFIC_NOUNS = frozenset({"holiness", "majesty", "excellency", "highness", "eminence", "royal", "beatitude",
                             "grace", "honour", "honor", "lordship", "ladyship"})
HEAD_WORDS = ("kingdom", "republic", "emirate", "sultanate", "principality", "federation", "confederation",
              "commonwealth", "state of")
LOOKBACK_SENTENCES = 2
COMPONENT = "dyads.actors.pronouns"
VERSION = "1"


@lru_cache(maxsize=1)
def official_words() -> dict[str, frozenset[str]]:
    """ISO alpha-3 -> lower-case words of its official name ("SAU" -> {"kingdom", "saudi", "arabia"})."""
    import pycountry

    out = {}
    for country in pycountry.countries:
        name = getattr(country, "official_name", None) or country.name
        out[country.alpha_3] = frozenset(name.lower().replace(",", " ").split())
    return out


@dataclass
class Candidate:
    mention: Mention
    entity_id: str
    subject: bool
    sentence: int


class PronounResolver:
    """Resolve pronouns and descriptors of one document against its linked name mentions."""

    def __init__(self, spacy_doc, named: list[Mention], kinds: dict[str, str], titles: dict[str, set[str]],
                 title_terms):
        self.doc = spacy_doc
        self.named = sorted((m for m in named if m.entity_id), key=lambda m: m.start)
        self.kinds = kinds  # entity_id -> PERSON / ORG / STATE ...
        self.titles = titles  # entity_id -> title words it holds ("prime minister", "premier" ...)
        self.title_terms = title_terms  # SectorLexicon
        self.sent_index = {s.start: i for i, s in enumerate(spacy_doc.sents)}
        self.sents = list(spacy_doc.sents)
        self._token_mentions = {}
        for m in self.named:
            span = spacy_doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                self._token_mentions[m.start] = span

    def _sentence_of(self, token) -> int:
        return self.sent_index.get(token.sent.start, 0)

    def _candidates(self, before: int, sentence: int, kind: str) -> list[Candidate]:
        out = [c for c in getattr(self, "chain", []) if c.mention.start < before and sentence - c.sentence <=
               LOOKBACK_SENTENCES and self.kinds.get(c.entity_id) == kind]
        for m in self.named:
            if m.start >= before:
                break
            if self.kinds.get(m.entity_id) != kind:
                continue
            span = self._token_mentions.get(m.start)
            if span is None:
                continue
            s = self._sentence_of(span.root)
            if sentence - s > LOOKBACK_SENTENCES:
                continue
            out.append(Candidate(m, m.entity_id, _is_subject(span.root), s))
        return sorted(out, key=lambda c: c.mention.start)

    # -- pronouns -------------------------------------------------------------------------
    def pronouns(self, doc_id: str) -> list[Mention]:
        found = []
        self.chain: list[Candidate] = []  # resolved pronouns keep their person in reach
        for token in self.doc:
            if token.lower_ not in SINGULAR or token.pos_ not in ("PRON", "DET"):
                continue
            nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.lower_ in HONORIFIC_NOUNS:
                continue  # "His Holiness", "Her Majesty": a form of address
            entity = self._antecedent(token)
            if entity is None:
                continue
            mention_like = Mention(doc_id, token.idx, token.idx + len(token), token.text, "PRON", entity_id=entity)
            self.chain.append(Candidate(mention_like, entity, _is_subject(token), self._sentence_of(token)))
            found.append(Mention(doc_id, token.idx, token.idx + len(token), token.text, "PRON",
                                 local_id=entity, entity_id=entity, method="pronoun", confidence=0.6,
                                 component=COMPONENT, version=VERSION))
        return found

    def _antecedent(self, token) -> str | None:
        sentence = self._sentence_of(token)
        candidates = self._candidates(token.idx, sentence, "PERSON")
        same = [c for c in candidates if c.sentence == sentence]
        if not same and token.lower_ in ("his", "her"):
            ahead = self._subject_after(token)  # "During his visit to Riyadh, Al-Kazemi said ..."
            if ahead is not None:
                return ahead
        if not candidates:
            return None
        if same:
            named = [c for c in same if c.mention.kind != "PRON"]
            if token.lower_ in ("his", "her", "hers") and named:
                return named[-1].entity_id  # "opened by Foreign Minister X following his visit"
            subjects = [c for c in same if c.subject]
            return (subjects[-1] if subjects else same[-1]).entity_id
        last = max(c.sentence for c in candidates)
        recent = [c for c in candidates if c.sentence == last]
        subjects = [c for c in recent if c.subject]
        if subjects:
            return subjects[0].entity_id
        distinct = {c.entity_id for c in recent}
        return recent[-1].entity_id if len(distinct) == 1 else None

    def _subject_after(self, token) -> str | None:
        """The person who is the subject of the sentence, named after a possessive that opens it."""
        sent = token.sent
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i > token.i]
        if not subjects or token.head.i > subjects[0].i and token.head.i != root.i:
            return None
        subject = subjects[0]
        heads = {token.i}
        tok = token
        while tok.head.i != tok.i:
            tok = tok.head
            heads.add(tok.i)
        if subject.i in heads:
            return None  # the pronoun is inside the subject phrase itself
        for tok in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
            for m in self.named:
                if m.start <= tok.idx < m.end and self.kinds.get(m.entity_id) == "PERSON":
                    return m.entity_id
        return None

    # -- descriptors ----------------------------------------------------------------------
    def descriptor_target(self, words: list[str], start: int, title: str | None, head_of: str | None) -> str | None:
        """The entity a definite title refers to ("the premier"), or None."""
        if not title:
            return None
        holders = [e for e, held in self.titles.items() if _holds(held, title, head_of)]
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        recent = [m for m in self.named if m.start < start and m.entity_id in holders]
        return recent[-1].entity_id if recent else None

    def state_by_word(self, word: str, start: int, countries) -> str | None:
        """"the Kingdom" -> the most recently named state whose official name has the word."""
        word = word.lower()
        for m in reversed(self.named):
            if m.start >= start or self.kinds.get(m.entity_id) != "STATE":
                continue
            hit = countries.lookup(m.text)
            if hit is not None and word in official_words().get(hit.country, ()):
                return hit.country
        return None


def _holds(held: set[str], title: str, head_of: str | None) -> bool:
    """Holds the title, or is head of government under another name (premier / prime minister / PM)."""
    if title in held or any(h.endswith(" " + title) for h in held if not h.startswith("head_of:")):
        return True  # "the minister": the foreign minister
    return head_of == "government" and "head_of:government" in held


def _is_subject(token) -> bool:
    tok = token
    for _ in range(3):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ in ("compound", "appos", "flat", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return False


def with_entity(mention: Mention, entity_id: str, method: str, confidence: float) -> Mention:
    return replace(mention, local_id=entity_id, entity_id=entity_id, method=method, confidence=confidence)
