"""Whether an event happened: occurred, future, hypothetical, negated, historical or claimed.

Rules over the parse, walking from the trigger up through the words that govern it
("did not [agree] to meet", "is scheduled to [visit]", "reportedly [struck]"):

- negated: a negation of the trigger ("did not attack", "never met"), a negative determiner
  on an event noun ("no attacks", "made no arrests") or on its subject ("neither side
  violated"), a negative implicative governor ("failed to meet", "refrained from imposing",
  "have yet to arrest"), a denial of reports ("denied reports that convoys were attacked").
  Not negated: litotes ("did not hide their dissatisfaction", "did not prevent shelling":
  the event is asserted) and double negation ("not a day goes by without a rocket attack").
- hypothetical: a conditional clause (if, unless, whether, inverted "should"/"had") or a
  modal (could, would, might, may, should) on the event's clause; a threat is not hypothetical
  because of its condition ("threatened to strike if ...").
- future: will/shall, "is to", "is set/due/scheduled/expected/about/preparing/planning to",
  reported "would" ("announced it would withdraw"), "planned/upcoming" event nouns.
- claimed: hedges (reportedly, allegedly, purportedly, apparently), "is said/believed/thought/
  alleged to", "appeared to", "quoted as saying", "claimed that", "denied that" (contested),
  "according to (unconfirmed) reports/sources", "if confirmed", "could not be verified".
- historical: the event's own clause dates it two or more years before the document (or, for
  a text without a date, before today): "in 2003", "in the 1980s", "18 years ago", "decades
  ago", "back in 2013", "during the 1979 revolution", "during the war" with a past verb.
"""

from __future__ import annotations

import datetime as _dt
import re

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
FUTURE_GOVERNORS = frozenset({"plan", "schedule", "expect", "intend", "prepare", "set", "aim", "due", "poise",
                              "about", "slate", "go", "expected", "scheduled", "set", "likely"})
NEGATIVE_IMPLICATIVES = frozenset({"fail", "refrain", "avoid", "forgo", "forego", "cease", "neglect", "abstain",
                                   "stop", "halt", "omit", "decline", "refuse"})
LITOTES = frozenset({"hide", "conceal", "mask", "prevent", "stop", "rule", "hesitate", "disguise", "spare",
                     "shy", "deter", "end", "deny", "keep"})
CLAIM_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly", "reputedly",
                           "ostensibly", "seemingly"})
CLAIM_RAISING = frozenset({"say", "believe", "think", "allege", "report", "rumor", "rumour", "suspect",
                           "understand", "claim", "know"})
CLAIM_GOVERNORS = frozenset({"allege", "claim", "accuse", "quote", "rumor", "rumour", "purport", "suspect",
                             "charge"})
SEEM_VERBS = frozenset({"appear", "seem"})
REPORT_NOUNS = frozenset({"report", "reports", "claim", "claims", "allegation", "allegations", "rumour", "rumor",
                          "rumours", "rumors", "source", "sources", "account", "accounts"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither", "nor", "never"})
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "noone"})
SPEECH_HEADS = frozenset({"say", "tell", "announce", "state", "report", "add", "declare", "confirm", "warn",
                          "indicate", "write", "tweet", "note", "explain", "insist", "reveal", "signal",
                          "predict", "expect", "hope", "believe", "think", "fear", "suggest"})
FUTURE_NOUN_MODIFIERS = frozenset({"planned", "upcoming", "proposed", "forthcoming", "scheduled", "future",
                                   "expected", "impending", "imminent", "prospective", "next"})
HISTORY_PERIODS = frozenset({"war", "revolution", "famine", "occupation", "uprising", "invasion", "genocide",
                             "dictatorship", "regime", "era", "reign", "crisis"})
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
UNIT_YEARS = {"year": 1, "years": 1, "decade": 10, "decades": 10, "century": 100, "centuries": 100}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": 3, "many": 3, "some": 2, "few": 2}
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "conj", "nsubj", "nsubjpass", "attr",
                        "acomp", "advcl", "oprd", "appos", "dative", "agent", "npadvmod"})
CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
HISTORICAL_GAP = 2  # years before the reference year


def event_status(trigger, event: str | None = None, reference_year: int | None = None, sent=None) -> str:
    """The status of the event whose trigger token is given (`sent`: its sentence span, if known)."""
    chain = governing_chain(trigger)
    negated = _negated(trigger, chain)
    if negated is not None:
        return negated
    if _claimed(trigger, chain, sent):
        return "claimed"
    modal = _modality(trigger, chain, event)
    if modal is not None:
        return modal
    if _historical(trigger, reference_year):
        return "historical"
    return "occurred"


def governing_chain(trigger, limit: int = 6) -> list[tuple[object, str]]:
    """(token, dependency of the step below it) from the trigger up through its governors.

    The first element is (trigger, ""). The walk stops at a relative or adverbial clause boundary
    of a governor above a reporting verb, and after `limit` steps.
    """
    chain = [(trigger, "")]
    tok = trigger
    while tok.head.i != tok.i and len(chain) <= limit:
        dep = tok.dep_
        if dep not in CHAIN_DEPS and dep not in ("aux", "auxpass"):
            break
        tok = tok.head
        chain.append((tok, dep))
        if dep in ("ccomp",) and tok.lemma_.lower() in SPEECH_HEADS:
            break  # "officials said [X attacked]": the reporting clause does not change X's status
    return chain


def _children(tok, deps) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _is_negated_word(tok) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NEGATIVE_SUBJECTS or
                                                   any(d.dep_ in ("det", "preconj") and d.lower_ in NEGATIVE_DETERMINERS
                                                       for d in c.children) or c.lower_ == "neither"):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("never", "not"):
            return True
    return False


def _negated(trigger, chain) -> str | None:
    """'negated', 'occurred' (litotes, double negation) or None (no negation found)."""
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    if is_noun and any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in trigger.children):
        return "negated"
    if trigger.pos_ in ("VERB", "AUX", "ADJ") and _is_negated_word(trigger):
        return "negated"
    for i, (tok, dep) in enumerate(chain[1:], start=1):
        below = chain[i - 1][0]
        lemma = tok.lemma_.lower()
        if tok.lower_ == "without" or lemma == "without":
            # "withdrew without firing a shot" is negated; "not a day goes by without an attack" happened
            clause = tok.head
            if _is_negated_word(clause) or any(c.dep_ == "nsubj" and _is_negated_word(c) for c in clause.children) \
                    or any(d.lower_ == "not" for c in clause.children for d in c.subtree if d.i < tok.i):
                return "occurred"
            return "negated"
        if tok.pos_ in ("VERB", "AUX", "ADJ") and _is_negated_word(tok):
            if lemma in LITOTES:
                return "occurred"
            if dep in ("xcomp", "dobj", "conj", "pobj", "prep", "pcomp", "nsubjpass", "attr"):
                if is_noun and dep == "dobj" and not any(c.dep_ == "det" and c.lower_ in ("any", "a", "an")
                                                         for c in trigger.children):
                    # "did not condemn the coup": the coup is not negated, the condemning is
                    return None if below.i == trigger.i else "negated"
                return "negated"
            return None
        if lemma in NEGATIVE_IMPLICATIVES and dep in ("xcomp", "prep", "pcomp", "pobj"):
            return "negated"
        if lemma == "have" and dep == "xcomp" and any(c.lower_ == "yet" for c in tok.children):
            return "negated"  # "police have yet to arrest anyone"
        if lemma == "deny" and dep in ("ccomp", "acl", "relcl"):
            obj = [c for c in tok.children if c.dep_ == "dobj"]
            if obj and obj[0].lower_ in REPORT_NOUNS:
                return "negated"
        if lemma in REPORT_NOUNS and dep in ("acl", "ccomp") and tok.head.lemma_.lower() == "deny":
            return "negated"
    return None


ALLEGATION_VERBS = frozenset({"charge", "allege", "claim", "contend", "assert", "maintain"})


def trailing_allegation(token) -> bool:
    """An allegation verb after the clause it reports, with no accused of its own: "Guards beat inmates, a
    rights group charged" (the parse makes the verb the root or a clause on its subject)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ALLEGATION_VERBS:
        return False
    if any(c.dep_ in ("dobj", "dative", "nsubjpass", "ccomp") and c.i > token.i for c in token.children):
        return False
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < token.i and c.pos_ in ("VERB", "AUX") for c in token.children):
        return True
    head = token.head
    return token.dep_ == "acl" and head.dep_ in ("appos", "npadvmod") and head.i < token.i and \
        token.doc[head.left_edge.i - 1].text == ","


def _claimed(trigger, chain, sent=None) -> bool:
    doc = trigger.doc
    for i, (tok, dep) in enumerate(chain):
        lemma = tok.lemma_.lower()
        if any(c.dep_ == "advmod" and c.lower_ in CLAIM_ADVERBS for c in tok.children):
            return True
        if i == 0:
            continue
        if lemma in CLAIM_GOVERNORS and dep in ("ccomp", "pcomp", "pobj", "prep", "xcomp", "dobj"):
            return True
        if lemma == "deny" and dep == "ccomp":
            return True  # "he denied that his forces had shelled the village": contested
        if lemma in CLAIM_RAISING and dep == "xcomp" and tok.tag_ == "VBN":
            return True  # "is said to have sent", "is believed to have accepted"
        if lemma in SEEM_VERBS and dep == "xcomp":
            return True
        if lemma == "say" and "quote" in (tok.head.lemma_.lower(), tok.head.head.lemma_.lower()):
            return True  # "officials were quoted as saying the drones were launched from Iraq"
    sent = sent if sent is not None else trigger.sent  # Token.sent walks the document: pass the span when known
    for tok in sent:
        if tok.i > trigger.i and trailing_allegation(tok):
            return True
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            words = {t.lower_ for t in doc[tok.i + 2: min(tok.i + 6, sent.end)]}
            if words & REPORT_NOUNS or "unconfirmed" in words:
                return True
        if tok.lower_ in ("unconfirmed", "unverified"):
            return True
        if tok.lemma_.lower() in ("verify", "confirm") and tok.tag_ == "VBN":
            if any(c.dep_ == "neg" for c in tok.children) or any(c.lower_ == "not" for c in tok.head.children
                                                                     if tok.dep_ in ("xcomp", "advcl")):
                return True
            if any(c.dep_ == "mark" and c.lower_ == "if" for c in tok.children):
                return True  # "if confirmed, the strike would be the deadliest ..."
    return False


def _modality(trigger, chain, event: str | None) -> str | None:
    reported = any(tok.lemma_.lower() in SPEECH_HEADS and dep == "ccomp" for tok, dep in chain[1:])
    for i, (tok, dep) in enumerate(chain):
        children = list(tok.children)
        if event not in ("THREATEN", "REQUEST", "AGREE", "REJECT") or i == 0:
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children) and \
                    (i == 0 or dep in ("xcomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "prep")):
                return "hypothetical"
            if event not in ("THREATEN",) and tok.pos_ in ("VERB", "AUX") and _inverted_conditional(tok):
                return "hypothetical"
        auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        purpose = dep == "advcl" and _is_to_infinitive(chain[i - 1][0])  # "will visit Washington [to meet] Biden"
        if i > 0 and dep not in ("xcomp", "conj", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "acomp") \
                and not purpose:
            auxes = set()
        if auxes & HYPOTHETICAL_AUX:
            if auxes & {"would", "'d"} and reported and not _has_conditional(tok) and i == 0:
                return "future"  # "announced that it would withdraw": reported future
            if event == "THREATEN" and i > 0:
                return None
            return "hypothetical"
        if auxes & FUTURE_AUX:
            return "future"
        if i > 0 and dep == "xcomp" and tok.lemma_.lower() in FUTURE_GOVERNORS | {"be"}:
            if tok.lemma_.lower() != "be" or _is_to_infinitive(chain[i - 1][0]):
                return "future"
        if i > 0 and dep == "xcomp" and tok.lemma_.lower() == "be" and _is_to_infinitive(chain[i - 1][0]):
            return "future"
        if i > 0 and dep == "xcomp" and tok.lower_ in ("about", "likely", "due", "set", "poised"):
            return "future"
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ in ("amod", "compound") and c.lower_ in FUTURE_NOUN_MODIFIERS for c in trigger.children):
            return "future"
    return None


def _is_to_infinitive(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _has_conditional(tok) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
               for c in tok.children)


def _inverted_conditional(tok) -> bool:
    """ "Should the talks fail, ...", "Had the army not intervened, ...": an aux before its subject."""
    if tok.dep_ != "advcl":
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were")]
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj and aux[0].i < subj[0].i)


def clause_tokens(trigger) -> list:
    """The tokens of the clause the trigger belongs to (not its relative or adverbial sub-clauses)."""
    head = trigger
    while head.dep_ not in CLAUSE_EDGES and head.dep_ != "ROOT" and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX") and head.i != trigger.i and head.dep_ in ("ccomp",):
            break
        head = head.head
    out = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_EDGES or c.i == trigger.i or
                     _contains(c, trigger))
    return sorted(out, key=lambda t: t.i)


def _contains(tok, target) -> bool:
    probe = target
    while probe.head.i != probe.i:
        if probe.i == tok.i:
            return True
        probe = probe.head
    return probe.i == tok.i


def event_year(trigger) -> int | None:
    """The year the trigger's own clause gives its event ("In 1974, Ford pardoned Nixon" -> 1974), if any."""
    for tok in clause_tokens(trigger):
        if _dating_year(tok, trigger):
            return int(tok.lower_[:4])
    return None


def _dating_year(tok, trigger) -> bool:
    if not YEAR.match(tok.lower_):
        return False
    prep = tok.head.lower_ if tok.dep_ == "pobj" else (tok.head.head.lower_ if tok.head.dep_ == "pobj" else "")
    if prep in ("since", "until", "by", "till", "through") or tok.head.lower_ in ("since", "until", "by"):
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("$", "€", "£"):
        return False
    return not _dates_another_noun(tok, trigger)


def _historical(trigger, reference_year: int | None) -> bool:
    ref = reference_year or _dt.date.today().year
    tokens = clause_tokens(trigger)
    past_verb = any(t.tag_ in ("VBD", "VBN") for t in tokens if t.pos_ in ("VERB", "AUX"))
    for tok in tokens:
        text = tok.lower_
        if _dating_year(tok, trigger) and int(text[:4]) <= ref - HISTORICAL_GAP:
            return True
        if text == "ago":
            years = _years_ago(tok)
            if years is not None and years >= HISTORICAL_GAP:
                return True
        if text == "during" and past_verb:
            for obj in tok.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in HISTORY_PERIODS and \
                        not any(c.lower_ in ("current", "ongoing", "this", "latest", "recent") for c in obj.children):
                    return True
    return False


def _dates_another_noun(year, trigger) -> bool:
    """ "ordered Menem to appear for questioning in an investigation of arms sales in the 1990s": the year
    dates the sales, a noun deep in the clause, not the order. A year on a verb or on the trigger counts, and
    so does one on the trigger's own argument ("the bombing of the embassy in 1998 killed ...")."""
    anchor = year.head.head if year.dep_ == "pobj" and year.head.dep_ == "prep" else year.head
    if anchor.i == trigger.i or anchor.pos_ not in ("NOUN", "PROPN") or anchor.dep_ != "pobj":
        return False
    owner = anchor.head.head  # the word the dated noun's preposition hangs on
    return owner.i != trigger.i and not (owner.head.i == trigger.i and owner.dep_ in CORE_ARGUMENTS)


CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _years_ago(ago) -> float | None:
    """ "18 years ago" -> 18, "a decade ago" -> 10, "decades ago" -> 20, "two weeks ago" -> 0."""
    doc = ago.doc
    words = [t.lower_ for t in doc[max(ago.i - 3, 0): ago.i]]
    if not words:
        return None
    unit = words[-1]
    if unit not in UNIT_YEARS:
        return 0.0
    if unit in ("decades", "centuries") and (len(words) < 2 or not _number(words[-2])):
        return UNIT_YEARS[unit] * 2.0
    count = _number(words[-2]) if len(words) >= 2 else None
    return UNIT_YEARS[unit] * (count if count is not None else 1)


def _number(word: str) -> float | None:
    if word in WORD_NUMBERS:
        return float(WORD_NUMBERS[word])
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None


REFUSAL_AUX = frozenset({"will", "wo", "would", "shall", "can", "ca", "could", "'ll", "do", "does"})


def is_refusal(trigger) -> bool:
    """A negated intention or stance ("will not accept", "would not meet", "does not agree"), not a negated fact."""
    for tok, dep in governing_chain(trigger)[:3]:
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in tok.children) and auxes & REFUSAL_AUX:
            return True
        if tok.lemma_.lower() in ("refuse", "decline", "reject"):
            return True
    return False
