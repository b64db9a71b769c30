"""Resolve who spoke: the speaker phrase of a cue, as a coded participant with an entity.

In order: the name mention at the speaker's head (its entity, set by the actor linker);
a name in apposition ("the spokesman ..., Jaafar al-Husseini,"); for a pronoun, the entity
the actor linker gave its PRON mention, else the most recent speaker or subject person in
the last sentences ("he added"); for a definite title ("the spokesman said"), the same
recent person, or the recent organisation for "the newspaper". An indefinite source ("a
Western diplomat", "officials") is anonymous: coded from its words, with no entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyads.events.participants import ParticipantBuilder
from dyads.records import Mention, Participant

PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
PERSON_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "official", "analyst", "expert", "leader",
    "ambassador", "envoy", "commander", "chief", "diplomat", "premier", "general", "secretary", "researcher",
    "director", "head", "chairman", "governor", "mayor", "senator", "lawmaker", "deputy", "adviser", "advisor",
    "prince", "king", "emir", "cleric", "professor", "author", "writer", "correspondent", "source", "man", "woman",
})
ORG_NOUNS = frozenset({"newspaper", "paper", "agency", "ministry", "channel", "network", "daily", "broadcaster",
                       "station", "website", "magazine", "television", "radio", "government", "command",
                       "office", "council", "committee", "movement", "department", "army", "statement"})
WINDOW_SENTENCES = 3
SUBJECTISH = frozenset({"nsubj", "nsubjpass", "poss", "appos", "ROOT"})


@dataclass(frozen=True, slots=True)
class Speaker:
    participant: Participant | None
    method: str  # mention, appositive, pronoun:actors, pronoun:recent-speaker, nominal:recent-person, anonymous ...
    confidence: float


class SpeakerResolver:
    """Speakers of one document, remembering who spoke last for "he added"."""

    def __init__(self, spacy_doc, mentions: list[Mention], builder: ParticipantBuilder):
        self.doc = spacy_doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.builder = builder
        self.recent: list[tuple[int, Participant]] = []  # (position, speaker) of quotes so far
        self.sentence_starts = [s.start_char for s in spacy_doc.sents]

    def remember(self, position: int, speaker: Speaker) -> None:
        if speaker.participant is not None and speaker.participant.entity_id:
            self.recent.append((position, speaker.participant))

    def resolve(self, head) -> Speaker:
        mention = self._mention(head)
        if mention is not None and mention.kind == "NOMINAL":
            return self._nominal(head, mention)
        if mention is not None and mention.entity_id and mention.kind != "PRON":
            return Speaker(self.builder.build(head), "mention", 0.85)
        named = self._appositive(head)
        if named is not None:
            return Speaker(self.builder.build(named), "appositive", 0.85)
        if head.lower_ in PRONOUNS:
            return self._pronoun(head, mention)
        if self._definite(head):
            return self._anaphoric(head, "nominal")
        participant = self.builder.build(head)
        return Speaker(participant, "anonymous" if participant.entity_id is None else "mention", 0.7)

    def _nominal(self, head, mention: Mention) -> Speaker:
        """A title or generic agent the linker found: "the spokesman ..., X," names X; "a Western diplomat" no one."""
        named = self._appositive(head)
        if named is not None:
            return Speaker(self.builder.build(named), "appositive", 0.85)
        if mention.method == "agent" or not mention.entity_id:
            # Coded by its words ("Iraqi officials": IRQGOV) but no one's quote: not the generic agent's entity.
            return Speaker(replace(self.builder.build(head), entity_id=None), "anonymous", 0.7)
        return Speaker(self._as(head, self.builder.build(head), mention.entity_id), "nominal:actors", 0.75)

    def _mention(self, token) -> Mention | None:
        return self.builder.mention_at(token.idx, token.idx + len(token))

    def _appositive(self, head):
        """A name in apposition anywhere in the speaker phrase: "the spokesman for X, Jaafar al-Husseini,"."""
        stack = list(head.children)
        while stack:
            child = stack.pop(0)
            if child.dep_ in ("relcl", "acl", "ccomp", "advcl", "conj"):
                continue
            mention = self._mention(child) if child.dep_ == "appos" else None
            if mention is not None and mention.kind == "PERSON" and mention.entity_id:
                return child
            stack.extend(child.children)
        return None

    def _definite(self, head) -> bool:
        return head.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                           for c in head.children)

    def _pronoun(self, head, mention: Mention | None) -> Speaker:
        if mention is not None and mention.entity_id:
            return Speaker(self._as(head, self.builder.build(head), mention.entity_id), "pronoun:actors", 0.8)
        return self._anaphoric(head, "pronoun")

    def _anaphoric(self, head, kind: str) -> Speaker:
        noun = head.lemma_.lower()
        if kind == "nominal" and noun not in PERSON_NOUNS and noun not in ORG_NOUNS:
            return Speaker(self.builder.build(head), "unresolved", 0.3)  # "the report": no one to point back to
        kind_wanted = "ORG" if noun in ORG_NOUNS else "PERSON"
        antecedent, how = self._titled(head, noun, kind_wanted) if kind == "nominal" else (None, "")
        if antecedent is None:
            antecedent, how = self._recent(head.idx, kind_wanted)
        if antecedent is None:
            return Speaker(self.builder.build(head), "unresolved", 0.3)
        own = self.builder.build(head)
        return Speaker(self._as(head, own, antecedent.entity_id, antecedent), f"{kind}:{how}", 0.6)

    def _titled(self, head, noun: str, kind: str) -> tuple[Participant | None, str]:
        """"the newspaper" -> the name earlier introduced with that noun ("the newspaper 'The Wall Street Journal'")."""
        best = None
        for mention in self.mentions:
            if mention.start >= head.idx:
                break
            if mention.kind != kind or not mention.entity_id:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            if noun in self._title_words(span) or span.root.head.lemma_.lower() == noun:
                best = span.root
        return (self.builder.build(best), "titled") if best is not None else (None, "")

    def _title_words(self, span) -> set[str]:
        """The words of the title just before a name: "Foreign Ministry spokesman Nasser Kanaani"."""
        words = set()
        for i in range(span.start - 1, max(-1, span.start - 7), -1):
            token = self.doc[i]
            if token.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ", "PRON") and token.lower_ not in ("of", "for"):
                break
            words.add(token.lemma_.lower())
        return words

    def _recent(self, position: int, kind: str) -> tuple[Participant | None, str]:
        """The most recent speaker or subject-like name of `kind` in the last few sentences."""
        floor = self._window_start(position)
        best: tuple[int, Participant, str] | None = None
        if kind == "PERSON":
            for at, participant in self.recent:
                if floor <= at < position and (best is None or at > best[0]):
                    best = (at, participant, "recent-speaker")
        if kind == "ORG":
            floor = self._window_start(position, 2 * WINDOW_SENTENCES)
        for mention in self.mentions:
            if mention.start >= position:
                break
            if mention.start < floor or mention.kind != kind or not mention.entity_id:
                continue
            token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            salient = kind == "ORG" or (token is not None and token.root.dep_ in SUBJECTISH)
            if token is not None and salient and (best is None or mention.start > best[0]):
                best = (mention.start, self.builder.build(token.root), f"recent-{kind.lower()}")
        return (best[1], best[2]) if best else (None, "")

    def _window_start(self, position: int, sentences: int = WINDOW_SENTENCES) -> int:
        starts = [s for s in self.sentence_starts if s <= position]
        return starts[-1 - sentences] if len(starts) > sentences else 0

    def _as(self, head, own: Participant, entity_id: str | None, antecedent: Participant | None = None) -> Participant:
        """The speaker phrase as written ("he"), standing for the antecedent's entity and code."""
        source = antecedent or self.builder.build(head)
        entity = self.builder.entities.get(entity_id or "")
        return replace(own, entity_id=entity_id, code=source.code or (entity.code if entity else None),
                       country=source.country or (entity.country if entity else None),
                       sector=source.sector or (entity.sector if entity else None))
