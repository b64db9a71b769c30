"""Roles learned from the text around a name: titles before it, appositions after or before it.

- a title before the name: "Iraqi Prime Minister Mustafa Al-Kazemi", "former US President Donald
  Trump", "Political analyst Ihssan Al-Shammari" (and "analyst Ihsan al-Shammari of the Iraqi
  Centre ...": an "of/for" phrase right after the name attaches to that title);
- an apposition after it: "Kadhemi, a former intelligence chief who ...", "David Schenker, the US
  Assistant Secretary of State for Near East Affairs, was quoted";
- an apposition before it: "the spokesman for the Iraqi Hezbollah Brigades, Jaafar al-Husseini,".

Each phrase is coded by the phrase coder (coding.py); a phrase that gives no title or agent
term is no role ("Western and Iraqi officials believe that Al-Kazimi" gives nothing to
Al-Kazimi). The role is dated by the document: a current role starts at the document date, a
"former" one ends by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyads.actors.coding import PhraseCode, PhraseCoder, Word
from dyads.records import Mention, Role

LEFT_STOP_POS = frozenset({"VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "INTJ"})
KEEP_PUNCT = frozenset({"-", "'s", "’s", "'", "’", ".", "&"})
CLAUSE_WORDS = frozenset({"who", "which", "that", "whose", "whom", "where", "when", "and", "or", "but"})
MAX_ROLE_TOKENS = 14


@dataclass(frozen=True, slots=True)
class RoleObservation:
    mention: Mention
    code: PhraseCode
    start: int
    end: int
    text: str
    how: str  # title, appos-after, appos-before

    def role(self, doc_id: str, date: str | None) -> Role:
        former = self.code.former
        return Role(role=self.code.title or (self.code.name or self.text), country=self.code.country,
                    sector=None if self.code.sector == "ELI" and former else self.code.sector,
                    start_date=None if former else date, end_date=date if former else None, former=former,
                    evidence={"doc_id": doc_id, "start": self.start, "end": self.end, "text": self.text})


def _words(tokens) -> list[Word]:
    return [Word(t.text, t.idx, t.idx + len(t)) for t in tokens]


def _is_title(code: PhraseCode) -> bool:
    return bool(code.title) and code.kind not in ("PERSON",)


class RoleReader:
    def __init__(self, coder: PhraseCoder):
        self.coder = coder

    def observe(self, spacy_doc, mention: Mention, date: str | None, names: list[Mention]) -> list[RoleObservation]:
        """The roles that the words around `mention` give it."""
        span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        found = []
        before = self._title_before(spacy_doc, span)
        after_of = self._of_after(spacy_doc, span)
        titled = False
        if before:
            tokens = before + after_of
            code = self.coder.code_words(_words(tokens), date)
            if _is_title(code):
                found.append(self._obs(mention, code, spacy_doc, tokens, "title"))
                titled = True
        appos = self._appos_after(spacy_doc, span, names)
        if appos:
            code = self.coder.code_words(_words(appos), date)
            if _is_title(code):
                found.append(self._obs(mention, code, spacy_doc, appos, "appos-after"))
        prior = self._appos_before(spacy_doc, span, names) if not titled else []
        if prior:
            code = self.coder.code_words(_words(prior), date)
            if _is_title(code):
                found.append(self._obs(mention, code, spacy_doc, prior, "appos-before"))
        return found

    @staticmethod
    def _obs(mention, code, doc, tokens, how) -> RoleObservation:
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return RoleObservation(mention, code, start, end, doc.text[start:end], how)

    def _title_before(self, doc, span) -> list:
        """Title words right before the name, in its noun phrase."""
        tokens = []
        i = span.start - 1
        sent_start = span.sent.start
        while i >= sent_start and len(tokens) < MAX_ROLE_TOKENS:
            tok = doc[i]
            low = tok.lower_
            if "\n" in tok.whitespace_ or "\n" in tok.text:
                break
            if tok.is_punct and tok.text not in KEEP_PUNCT:
                break
            if tok.pos_ in LEFT_STOP_POS and low not in ("former", "then", "us"):
                break
            if low in CLAUSE_WORDS:
                break
            if tok.pos_ == "ADP" and low not in ("of", "for"):
                break
            tokens.insert(0, tok)
            if tok.pos_ == "DET":
                break
            i -= 1
        while tokens and (tokens[0].pos_ == "ADP" or tokens[0].text in KEEP_PUNCT):
            tokens = tokens[1:]
        return tokens

    def _of_after(self, doc, span) -> list:
        """"analyst X of the Iraqi Centre for Political Thought": the of/for phrase after the name."""
        i = span.end
        if i >= len(doc) or doc[i].lower_ not in ("of", "for") or doc[i].sent.start != span.sent.start:
            return []
        tokens = [doc[i]]
        i += 1
        while i < len(doc) and len(tokens) < MAX_ROLE_TOKENS:
            tok = doc[i]
            if (tok.is_punct and tok.text not in KEEP_PUNCT) or tok.pos_ in ("VERB", "AUX") or \
                    tok.lower_ in CLAUSE_WORDS or tok.sent.start != span.sent.start:
                break
            tokens.append(tok)
            i += 1
        return tokens if len(tokens) > 1 else []

    def _appos_after(self, doc, span, names: list[Mention]) -> list:
        """", a former intelligence chief who ..." / ", head of the US delegation to the UN, said"."""
        i = span.end
        if i >= len(doc) - 1 or doc[i].text != "," or doc[i].sent.start != span.sent.start:
            return []
        tokens = []
        i += 1
        while i < len(doc) and len(tokens) < MAX_ROLE_TOKENS:
            tok = doc[i]
            if tok.sent.start != span.sent.start or (tok.is_punct and tok.text not in KEEP_PUNCT):
                break
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in CLAUSE_WORDS:
                break
            tokens.append(tok)
            i += 1
        if not tokens or tokens[0].pos_ in ("ADP", "ADV") or _has_name(tokens, names):
            return []
        return tokens

    def _appos_before(self, doc, span, names: list[Mention]) -> list:
        """"the spokesman for the Iraqi Hezbollah Brigades, Jaafar al-Husseini," (closed after the name)."""
        i = span.start - 1
        while i >= span.sent.start and self.coder._titleish(doc[i].lower_):  # "Dr." before the name
            i -= 1
        if i < span.sent.start + 1 or doc[i].text != ",":
            return []
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.text not in (",", ".", ";", ")") and after.pos_ not in ("VERB", "AUX"):
            return []
        tokens = []
        i -= 1
        while i >= span.sent.start and len(tokens) < MAX_ROLE_TOKENS:
            tok = doc[i]
            if (tok.is_punct and tok.text not in KEEP_PUNCT) or tok.pos_ in ("VERB", "AUX") or \
                    tok.lower_ in CLAUSE_WORDS:
                break
            tokens.insert(0, tok)
            i -= 1
        if not tokens or _has_name(tokens, names):
            return []
        first = tokens[0]
        if first.pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
            return []
        return tokens


def _has_name(tokens, names: list[Mention]) -> bool:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return any(m.kind == "PERSON" and m.start >= start and m.end <= end for m in names)
