"""Quantities: each number with its value, unit, what it counts and whose it is.

Numbers come from spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities, durations
with a number ("120 days"), and bare numerals the model left out ("from 5200 ... to
2,700"). What a number counts is read from the parse: the noun it modifies ("2,500 US
troops" -> troops), the event that befell them ("killed more than 500 people" -> killed),
or, for a bare number, the noun phrase it measures ("the redeployment of US forces ...
from 5200 to 2,700" -> troops). The subject is that noun phrase and the actor it names.
"""

from __future__ import annotations

import re

from dyads.clean.mask import inside_removed
from dyads.events.participants import ParticipantBuilder, phrase_tokens
from dyads.pipeline import DocContext, Resources, per_document
from dyads.quantities.numbers import parse_number
from dyads.records import Quantity

COMPONENT = "dyads.quantities.rules"
VERSION = "1"
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DURATION = re.compile(r"\b\d[\d,.]*\s+(?:days|weeks|months|years|hours)\b", re.I)
NUMERAL = re.compile(r"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?![\w/-])|(?<![\w.,/-])\d{2,}(?![\w.,/:-])")
CLASSES = {
    "troops": {"troop", "soldier", "force", "personnel", "fighter", "marine", "servicemember", "service", "army"},
    "people": {"people", "person", "civilian", "protester", "demonstrator", "colleague", "resident", "refugee",
               "child", "woman", "man", "worker", "migrant", "prisoner", "hostage", "militant"},
}
EVENTS = {"killed": {"kill", "killing", "death", "die", "dead", "massacre"},
          "injured": {"injure", "wound", "injury", "hurt"},
          "arrested": {"arrest", "detain", "detention", "arrests"},
          "displaced": {"displace", "flee"}}
TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "decade"}
CURRENCIES = {"dollar": "USD", "$": "USD", "usd": "USD", "euro": "EUR", "€": "EUR", "pound": "GBP", "£": "GBP",
              "dinar": "IQD", "riyal": "SAR", "rial": "IRR", "dirham": "AED", "yuan": "CNY", "ruble": "RUB"}


def number_spans(spacy_doc, removed, times) -> list[tuple[int, int, str]]:
    """(start, end, label) of every number phrase, outside removed text and calendar dates."""
    spans = [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents if e.label_ in NUMBER_LABELS]
    for ent in spacy_doc.ents:
        if ent.label_ == "DATE":
            spans += [(ent.start_char + m.start(), ent.start_char + m.end(), "DURATION")
                      for m in DURATION.finditer(ent.text)]
    dated = [(t.start, t.end) for t in times if t.value and not t.value.startswith("P")]
    for match in NUMERAL.finditer(spacy_doc.text):
        start, end = match.span()
        if not any(s <= start < e or start <= s < end for s, e, _ in spans) and \
                not any(s <= start < e for s, e in dated):
            spans.append((start, end, "NUMERAL"))
    return sorted(s for s in spans if not inside_removed(s[0], s[1], removed))


def counted_noun(root):
    """The noun the number counts: the one it modifies, its "of" object, or the phrase it measures."""
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    if root.pos_ == "NOUN":
        return root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for ancestor in list(root.ancestors)[:5]:
        found = _class_noun(ancestor)
        if found is not None:
            return found
    if root.dep_ == "pobj":  # "forces from 5200 ... to 2,700": the countable noun just before
        for token in reversed(root.doc[max(root.sent.start, root.i - 8):root.i]):
            if _class_of(token) is not None and token.pos_ == "NOUN":
                return token
    return None


def _class_noun(token):
    if token.pos_ == "NOUN" and _class_of(token) is not None:
        return token
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in prep.children:
            if obj.dep_ == "pobj" and _class_of(obj) is not None:
                return obj
    return None


def _class_of(noun) -> str | None:
    lemma = noun.lemma_.lower()
    return next((name for name, lemmas in CLASSES.items() if lemma in lemmas), None)


def what_counted(noun, label: str, text: str) -> tuple[str | None, str | None]:
    """(unit, counts) of a number phrase."""
    if label == "PERCENT" or "%" in text or "percent" in text.lower():
        return "percent", "percent"
    lemma = noun.lemma_.lower() if noun is not None else ""
    currency = next((code for word, code in CURRENCIES.items() if word in text.lower() or lemma == word), None)
    if label == "MONEY" or currency:
        return currency, "dollars" if currency in (None, "USD") else (lemma + "s" if lemma else "money")
    if noun is None:
        return None, None
    if lemma in TIME_UNITS:
        return lemma, lemma + "s"
    event = _event_of(noun)
    return None, event or _class_of(noun) or noun.lower_


def _event_of(noun) -> str | None:
    """"killed more than 500 people", "the killing of 500 colleagues", "100 soldiers were wounded"."""
    heads = [noun.head, noun.head.head] if noun.dep_ == "pobj" else [noun.head]
    for head in heads:
        for name, lemmas in EVENTS.items():
            if head.lemma_.lower() in lemmas or head.lower_ in lemmas:
                return name
    return None


def quantity_of(spacy_doc, start: int, end: int, label: str, builder: ParticipantBuilder, doc_id: str):
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    text = spacy_doc.text[start:end]
    value = parse_number(text)
    if value is None or _referential(span, value):
        return None
    noun = counted_noun(span.root)
    unit, counts = what_counted(noun, label, text)
    subject_text = subject_id = None
    if noun is not None and counts not in (None, "percent") and noun.lemma_.lower() not in TIME_UNITS:
        phrase = [t for t in phrase_tokens(noun) if not (start <= t.idx < end)]
        if phrase:
            subject_text = spacy_doc.text[phrase[0].idx:phrase[-1].idx + len(phrase[-1])]
            subject_id = _entity_in(phrase, builder)
        if noun.i == span.end or (noun.i > span.end and noun.dep_ != "pobj" and noun.i - span.end <= 3):
            end = noun.idx + len(noun)  # "2,500 US troops"
    return Quantity(doc_id, start, end, spacy_doc.text[start:end], value, unit, counts, subject_text, subject_id,
                    0.7 if counts else 0.4, COMPONENT, VERSION)


def _referential(span, value: float) -> bool:
    """"the two countries", "one side": a number that refers, not one that reports."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return value < 10 and span.text.replace(" ", "").isalpha() and (before in ("the", "these", "those", "both") or value == 1)


def _entity_in(tokens, builder: ParticipantBuilder) -> str | None:
    for token in tokens:
        mention = builder.mention_at(token.idx, token.idx + len(token))
        if mention is not None and mention.entity_id:
            return mention.entity_id
    return None


@per_document("dyads.quantities.rules.v1", requires=("spacy_doc", "mentions", "entities"),
              produces=("quantities",))
def quantities_stage(ctx: DocContext, resources: Resources) -> dict:
    """Numbers with their value, unit, what they count and the actor they belong to."""
    builder = ParticipantBuilder(ctx["mentions"], ctx.get("entities", []), resources.get("countries"),
                                 resources.get("sectors"))
    spacy_doc = ctx["spacy_doc"]
    found = []
    for start, end, label in number_spans(spacy_doc, ctx.get("removed", []), ctx.get("times", [])):
        quantity = quantity_of(spacy_doc, start, end, label, builder, ctx.doc.doc_id)
        if quantity is not None:
            found.append(quantity)
    return {"quantities": found}
