"""The trained event coder: lexicon candidates, a sentence classifier and a candidate ranker.

A cascade, per batch of documents:
1. every sentence gets its trigger candidates from the lexicon and the parse (cheap);
2. only sentences with a candidate are embedded (all-MiniLM-L6-v2), in one batch;
3. the type head gives P(type | sentence) for the 16 PLOVER types and NONE;
4. the ranker scores each candidate from that probability, its place in the parse and its
   roles; the best candidate of a clause becomes the event when its calibrated score passes
   the model's threshold (a further main clause of another type can add a second event);
5. actors and recipients come from the parse (events/roles.py), coded through the document's
   mentions and entities (events/participants.py); the status from events/status.py; the
   PLOVER score from the type and mode; the confidence is the calibrated ranker score.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dyads.events.candidates import Candidate, sentence_candidates
from dyads.events.features import classifier_features, prior_features, structural_features, vector
from dyads.events.lexicon import TriggerLexicon
from dyads.events.model import CoderModel
from dyads.events.ontology import MODES, QUAD, score
from dyads.events.participants import ParticipantBuilder
from dyads.events.roles import reporting_speakers
from dyads.events.status import clause_tokens, event_status, event_year, is_refusal
from dyads.pipeline import DocContext, Resources, stage
from dyads.records import Event, Participant, stable_id

COMPONENT = "dyads.events.coder"
VERSION = "2"
STAGE = f"{COMPONENT}.v{VERSION}"
RECIPROCAL_LEMMAS = frozenset({"meet", "talk", "discuss", "negotiate", "confer", "consult", "hold", "meeting",
                               "summit", "negotiation", "discussion", "consultation", "dialogue", "conversation",
                               "call", "speak", "chat"})
SECOND_EVENT_MARGIN = 0.15  # a second event in a sentence needs this much more than the threshold
MAX_CONTEXTS = 3


@dataclass
class Scored:
    cand: Candidate
    actors: list[Participant]
    recipients: list[Participant]
    features: dict = field(default_factory=dict)
    p: float = 0.0  # ranker score
    confidence: float = 0.0  # calibrated
    speakers: list[Participant] = field(default_factory=list)  # who reports the event, when it is reported speech
    named_place: bool = False  # a participant is a named place ("attacks on the Green Zone")
    event: str = ""  # the PLOVER type after the single-category rules (see `recode`)
    mode: str | None = None
    status: str = "occurred"


@dataclass
class SentencePlan:
    sent: object
    text: str
    start: int
    scored: list[Scored]
    probs: dict = field(default_factory=dict)
    contexts: dict = field(default_factory=dict)
    vector: np.ndarray | None = None


def plan_document(ctx: DocContext, resources: Resources) -> list[SentencePlan]:
    """The sentences of a document that hold trigger candidates, with their participants and parse features."""
    lexicon: TriggerLexicon = resources.get("triggers")
    year = reference_year(ctx)
    builder = ParticipantBuilder(ctx["mentions"], ctx.get("entities", []), resources.get("countries"),
                                 resources.get("sectors"), _places(resources))
    removed = ctx.get("removed", [])
    plans = []
    for sent in ctx["spacy_doc"].sents:
        text = sent.text.strip()
        if len(text) < 8:
            continue
        cands = sentence_candidates(sent, lexicon, removed)
        if not cands:
            continue
        scored = []
        event_words = {c.token.i for c in cands if c.token.pos_ in ("NOUN", "PROPN")}
        sentence_place = None  # the sentence's one country, looked up once for all its candidates
        for cand in cands:
            actors, recipients = participants_of(cand, builder, event_words)
            place, where = located_country(cand, builder)
            if not place:  # groups without a country take the sentence's one country ("23 people ... in Tel Aviv")
                if sentence_place is None:
                    sentence_place = located_country(cand, builder, whole_sentence=True)[0] or ""
                around = sentence_place
                if around:
                    actors = [with_country(p, around, builder) for p in actors]
                    recipients = [with_country(p, around, builder) for p in recipients]
            if place:
                actors = [with_country(p, place, builder) for p in actors]
                recipients = [with_country(p, place, builder) for p in recipients]
                if where is not None and not any(p.country for p in recipients) and not _reciprocal(cand) \
                        and (where.start, where.end) not in {(p.start, p.end) for p in actors}:
                    # "imposed a curfew in southeastern Turkey": the place is the target of a domestic act
                    recipients = recipients + [Participant(text=where.text, start=where.start, end=where.end,
                                                           code=place, country=place)]
            home = _police_country(actors)
            if home and not place and not sentence_place:
                recipients = [with_country(p, home, builder) for p in recipients]
            info = {
                "has_actor": bool(cand.roles.actors), "actor_named": bool(actors),
                "actor_coded": any_coded(actors),
                "has_recipient": bool(cand.roles.recipients), "recipient_named": bool(recipients),
                "recipient_coded": any_coded(recipients),
            }
            feats = structural_features(cand, cands, lexicon.speech_verbs, lexicon.light_verbs, info)
            speakers = [builder.build(t) for t in reporting_speakers(cand.token)]
            item = Scored(cand, actors, recipients, feats, speakers=speakers,
                          named_place=any(builder.is_named_place(p) for p in actors + recipients))
            status = event_status(cand.token, cand.event, year, sent)
            if status == "historical" and (then := event_year(cand.token)):
                # "In 1974, Gerald Ford pardoned Richard Nixon": people hold the offices of the event's year
                item.actors = [as_of_year(p, then, builder) for p in item.actors]
                item.recipients = [as_of_year(p, then, builder) for p in item.recipients]
            mode = cand.trigger.mode if cand.trigger.mode in MODES.get(cand.event, ()) else None
            item.event, item.mode, item.status = recode(cand.event, mode, status, item)
            scored.append(item)
        if REQUIRE_CODED_PARTICIPANT and not any(has_coded_participant(item) for item in scored):
            continue  # no candidate can become an event: do not embed the sentence (lossless cascade)
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        plans.append(SentencePlan(sent, text, start, scored))
    return plans


def participants_of(cand: Candidate, builder: ParticipantBuilder, event_words: frozenset | set = frozenset()
                    ) -> tuple[list[Participant], list[Participant]]:
    """Coded actors and recipients; an event noun ("talks in Oman") is never a participant."""
    def named(tokens) -> list[Participant]:
        found = []
        for t in tokens:
            if t.i not in event_words and builder.is_actor(t, p := builder.build(t)):
                found.append(p)
                if p.country:
                    found.extend(builder.coordinated(t, p))  # "French and Egyptian warships"
        return _dedupe(found)

    actors = named(cand.roles.actors)
    recipients = named(cand.roles.recipients) or named(cand.roles.fallback)
    if _reciprocal(cand):
        actors, recipients = _dedupe(actors + recipients), []  # a meeting is reciprocal: all take part
    spans = {(p.start, p.end) for p in actors}
    # an actor does not act on itself: "Putin met the president" is not Putin meeting Putin
    selves = {p.entity_id for p in actors if p.entity_id}
    recipients = [p for p in recipients if (p.start, p.end) not in spans and
                  (p.entity_id is None or p.entity_id not in selves)]
    # "Fiji withdrew its peacekeeping troops from the Golan Heights": what the actor moves is its own; the
    # recipient is the other party (kept when it is the only one: "the president sacked his minister")
    possessed = [t for t in [*cand.roles.recipients, *cand.roles.fallback] if _possessed_by_actor(t)]
    own = {(p.start, p.end) for p in recipients if p.country and p.country in {a.country for a in actors}
           and any(p.start <= t.idx < p.end for t in possessed)}
    if own and len(own) < len(recipients):
        recipients = [p for p in recipients if (p.start, p.end) not in own]
    return actors, recipients


def as_of_year(p: Participant, year: int, builder: ParticipantBuilder) -> Participant:
    """A listed person's code in `year`, from the dated roles of their entity (the office held then)."""
    entity = builder.entities.get(p.entity_id or "")
    if entity is None or entity.kind != "PERSON":
        return p
    held = [r for r in entity.roles if r.sector and r.start_date and int(r.start_date[:4]) <= year
            and (not r.end_date or int(r.end_date[:4]) >= year)]
    if not held:
        return p
    role = max(held, key=lambda r: r.start_date)
    country = role.country or p.country
    return Participant(text=p.text, start=p.start, end=p.end, entity_id=p.entity_id,
                       code=f"{country or ''}{role.sector}", country=country, sector=role.sector)


def _possessed_by_actor(token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in token.children)


LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})


def located_country(cand: Candidate, builder: ParticipantBuilder, whole_sentence: bool = False):
    """The one country where the event's clause places it ("... the demonstration in Baku"), and the place
    mention naming it (None when several places of that country are named); (None, None) if none or several.
    With `whole_sentence`, places anywhere in the sentence count ("killed 23 people when they blew themselves
    up in Tel Aviv")."""
    found: dict[str, list] = {}
    for tok in (cand.sent if whole_sentence else clause_tokens(cand.token)):
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        mention = builder.mention_at(tok.idx, tok.idx + len(tok))
        if mention is None or mention.kind not in ("GPE", "LOC", "FAC"):
            continue
        country = builder.place_country(mention.text)
        if country:
            found.setdefault(country, []).append(mention)
    if len(found) != 1:
        return None, None
    [(country, mentions)] = found.items()
    return country, mentions[0]


DOMESTIC_SECTORS = frozenset({"COP"})


def _police_country(actors: list[Participant]) -> str | None:
    """ "Egyptian police opened fire on demonstrators": police act at home, so with no place named, the
    groups they act on are of their country. Not the army, which also fights abroad."""
    countries = {p.country for p in actors if p.country}
    if len(countries) == 1 and any(p.sector in DOMESTIC_SECTORS for p in actors):
        return countries.pop()
    return None


def _reciprocal(cand: Candidate) -> bool:
    return cand.event == "CONSULT" and cand.trigger.mode is None and cand.token.lemma_.lower() in RECIPROCAL_LEMMAS


def with_country(p: Participant, country: str, builder: ParticipantBuilder) -> Participant:
    """A participant without a country takes the event's place when it is a group or office there ("police in
    Baku"); a named person is not ("Prime Minister Karim Wadi met officials in Tehran" may be a visitor)."""
    if p.country or not p.sector:
        return p
    entity = builder.entities.get(p.entity_id or "")
    if entity is not None and entity.kind == "PERSON":
        return p
    return Participant(text=p.text, start=p.start, end=p.end, entity_id=p.entity_id, code=f"{country}{p.sector}",
                       country=country, sector=p.sector)


def _dedupe(people: list[Participant]) -> list[Participant]:
    """One participant per span and per entity (the first mention of an entity stands for it)."""
    seen, entities, out = set(), set(), []
    for p in people:
        if (p.start, p.end) in seen or (p.entity_id and p.entity_id in entities):
            continue
        seen.add((p.start, p.end))
        if p.entity_id:
            entities.add(p.entity_id)
        out.append(p)
    return out


def score_plans(plans: list[SentencePlan], model: CoderModel, vectors: np.ndarray) -> None:
    """Fill in the type probabilities, ranker scores and calibrated confidences of the plans."""
    if not plans:
        return
    probs = model.type_head.proba(vectors)
    classes = model.type_head.classes
    context_probs = model.context_head.proba(vectors) if model.context_head is not None else None
    rows, owners = [], []
    for i, plan in enumerate(plans):
        plan.probs = dict(zip(classes, probs[i].tolist()))
        plan.vector = vectors[i]
        if context_probs is not None:
            plan.contexts = dict(zip(model.context_head.classes, context_probs[i].tolist()))
        for s in plan.scored:
            s.features.update(classifier_features(s.event, plan.probs, s.cand.event))
            s.features.update(prior_features(s.cand, s.event, model.priors, model.type_rates))
            rows.append(vector(s.features, s.event))
            owners.append(s)
    p = model.ranker.proba(np.asarray(rows))[:, 0]
    calibrated = model.calibration(p)
    for s, raw, cal in zip(owners, p, calibrated):
        s.p, s.confidence = float(raw), float(cal)
    for plan in plans:
        _pool_token_readings(plan.scored)


def has_coded_participant(s: Scored) -> bool:
    """An identifiable participant: one with an actor code, or a named place as the target."""
    return s.named_place or any_coded(s.actors + s.recipients)


def any_coded(people: list[Participant]) -> bool:
    return any(p.code or p.country for p in people)


def _places(resources: Resources):
    try:
        return resources.get("places")
    except KeyError:  # the geo module is not loaded: cities are not resolved
        return None


def select(plan: SentencePlan, threshold: float) -> list[Scored]:
    """The events a sentence states: its best candidate, and a second main clause of another type.

    An event needs an identifiable political actor: at least one actor or recipient with a code.
    """
    # An event told in a relative or temporal clause ("who lost his son when bombers [detonated] ...") is
    # background to the sentence: it needs a surer score to stand as the sentence's event.
    pool = [s for s in plan.scored if s.p >= BACKGROUND_THRESHOLD or not _background(s)]
    ranked = sorted(pool, key=lambda s: -s.p)
    if not ranked or ranked[0].p < threshold:
        # a sentence whose main clause states no event ("the message came days after the [raids] ...") still
        # tells a material event it takes for granted, when surer than a bare pass (a background verbal act,
        # "whom authorities [blame]", is attribution, not news; nor is a relative clause that describes a
        # person, "Russell, who lost his son when bombers [detonated] a device")
        pool = [s for s in plan.scored if s.p >= threshold + _background_margin(s) and not s.features.get("in_relcl")
                and QUAD.get(s.event, '').startswith('material')]
        ranked = sorted(pool, key=lambda s: -s.p)
        if not ranked:
            return []
    governor = _governing_event(ranked[0], plan.scored) or _purpose_protest(ranked[0], plan.scored)
    if governor is not None:
        # the governed act is the content of the governing one ("demand that Israel [ease]"), not a second event
        governor.confidence = max(governor.confidence, ranked[0].confidence)
        ranked = [governor] + [s for s in ranked if s is not governor and s.cand.token.i != ranked[0].cand.token.i]
    if REQUIRE_CODED_PARTICIPANT:
        if not has_coded_participant(ranked[0]):
            # another trigger of the same event may name its participants ("launched mortar fire ..., killing
            # 50": the fire has no actor in the parse, the killing has); else code nothing rather than a lesser event
            same = [s for s in ranked[1:] if s.event == ranked[0].event and s.p >= threshold
                    and has_coded_participant(s)]
            if not same:
                return []
            ranked = [same[0]] + [s for s in ranked if s is not same[0]]
        ranked = [s for s in ranked if has_coded_participant(s)]
    chosen = [ranked[0]]
    # a "where" clause may add the sentence's second event, never displace its first
    later = [s for s in plan.scored if s not in pool and _in_where_clause(s.cand.token)]
    if REQUIRE_CODED_PARTICIPANT:
        later = [s for s in later if has_coded_participant(s)]
    for s in sorted(ranked[1:] + later, key=lambda s: -s.p):
        if s.p < threshold + SECOND_EVENT_MARGIN:
            break
        if any(s.event == c.event or s.cand.token.i == c.cand.token.i for c in chosen):
            continue
        if _in_where_clause(s.cand.token):
            chosen.append(s)  # under the first event's place, but an event of its own
        elif s.features.get("is_main") and not s.features.get("governed_by_trigger") and \
                all(_separate_clauses(s.cand.token, c.cand.token) for c in chosen):
            chosen.append(s)
    return chosen


def _pool_token_readings(scored: list[Scored]) -> None:
    """Readings of one word as material conflict of different types ("raids": ASSAULT or COERCE) pool their
    scores on the likeliest reading: the word states an event even when its type is split."""
    by_token: dict[int, list[Scored]] = {}
    for s in scored:
        if QUAD.get(s.event) == "material conflict":
            by_token.setdefault(s.cand.token.i, []).append(s)
    for readings in by_token.values():
        if len(readings) > 1:
            best = max(readings, key=lambda s: s.p)
            best.p = min(1.0, sum(s.p for s in readings))


def _in_where_clause(token) -> bool:
    """"visited Tehran, where he signed an agreement": a "where" clause tells the next event, not background."""
    for clause in [token, *token.ancestors]:
        if clause.dep_ == "relcl":
            return any(c.lower_ == "where" for c in clause.children)
    return False


# PLOVER codes "X agreed to [act]", "X urged Y to [act]", "X threatened to [act]", "X refused to [act]" as the
# governing verb's type (manual: AGREE "agree to, offer, promise ... to cooperate"; REJECT "all refusals").
ATTITUDE_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "acomp", "pcomp"})


def _governing_event(best: Scored, scored: list[Scored]) -> Scored | None:
    """The candidate the best one is the complement or the required object of, when that one is the event:
    "agreed to [re-open] the border" is AGREE, "called off a [strike]" is CONCEDE, "agreed to hold joint
    [exercises]" is AGREE too (up through the verb whose object the noun is)."""
    by_token: dict[int, list[Scored]] = {}
    for s in scored:
        by_token.setdefault(s.cand.token.i, []).append(s)
    cur = best.cand.token
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return None
        options = sorted(by_token.get(head.i, []), key=lambda s: -s.p)
        if cur.dep_ == "pobj" and head.dep_ == "prep" and cur.pos_ in ("NOUN", "PROPN"):
            # "called for [sanctions] against Nigeria": the noun is what the "call for" asks, not an event
            for s in sorted(by_token.get(head.head.i, []), key=lambda s: -s.p):
                if s.event in ATTITUDE_TYPES and s.event != best.event and \
                        (head.lower_ in (s.cand.trigger.particle, s.cand.trigger.prep) or
                         any(t.i == head.i for t in s.cand.span)):
                    return s
        if cur.dep_ in ("dobj", "nsubjpass", "pobj") and cur.pos_ in ("NOUN", "PROPN"):
            for s in options:
                if s.cand.trigger.objects and s.event != best.event:
                    return s  # the verb's entry requires this noun: the noun is its argument, not an event
            if head.pos_ == "VERB" and (not options or any(s.event == best.event for s in options)
                                        or cur.dep_ == "dobj"):
                cur = head  # "hold joint exercises": the verb and its object state one event
                continue
            return None
        if cur.dep_ == "ccomp" and head.pos_ == "VERB" and not any(s.event in ATTITUDE_TYPES for s in options):
            # "reiterated its demand that Israel ease ...": the clause completes the verb's message noun
            options = options + sorted((s for c in head.children if c.dep_ == "dobj"
                                        for s in by_token.get(c.i, [])), key=lambda s: -s.p)
        if cur.dep_ in GOVERNED_DEPS or (cur.dep_ == "advcl" and head.pos_ == "ADJ") or _noun_complement(cur):
            for s in options:
                if s.event in ATTITUDE_TYPES and s.event != best.event:
                    if s.event == "AGREE" and best.event in CONFLICT_TYPES:
                        s.event, s.mode = "THREATEN", THREAT_ACTIONS.get(best.event)  # "ready to impose martial law"
                    return s
        return None
    return None


PROTEST_PURPOSES = frozenset({"protest", "demonstrate", "denounce", "condemn"})


def _purpose_protest(best: Scored, scored: list[Scored]) -> Scored | None:
    """"Workers shunned work to [protest] the settlements", "began a fast to [denounce] ...": the purpose clause
    says what the act is, a protest."""
    for child in best.cand.token.children:
        if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in PROTEST_PURPOSES and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            options = [s for s in scored if s.cand.token.i == child.i and s.event in ("PROTEST", "ACCUSE")]
            if options and best.event not in ("PROTEST", "ACCUSE", "ASSAULT", "COERCE"):
                return max(options, key=lambda s: s.p)
    return None


def _noun_complement(token) -> bool:
    """An infinitive or "that" clause completing a noun: "a consensus to [exchange]", "calls to [release]"."""
    return token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") and \
        any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in token.children)


def _separate_clauses(a, b) -> bool:
    """Neither trigger is inside the other's phrase (coordinated predicates, not a verb and its object)."""
    return not _dominates(a, b) and not _dominates(b, a)


def _dominates(a, b) -> bool:
    """True when b lies under a through a non-coordination edge ("agreed to [meet]", "ordered the [raid]")."""
    tok = b
    while tok.head.i != tok.i:
        if tok.head.i == a.i:
            return tok.dep_ != "conj"
        tok = tok.head
    return False


# PLOVER: future cooperative actions are AGREE; announced future retreats are CONCEDE (manual, AGREE/CONCEDE notes).
FUTURE_RECODE = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
# A conflictual action that its own actor announces for the future, or makes conditional, is a threat
# (manual: "THREATEN could be ASSAULT + hypothetical ... return the single event category").
THREAT_ACTIONS = {"ASSAULT": "violence", "COERCE": None, "SANCTION": "relations"}
THREAT_MODES = {("COERCE", "arrest"): "arrest", ("COERCE", "restrict"): "restrict", ("COERCE", "curfew"): "restrict",
                ("COERCE", "martial-law"): "restrict", ("SANCTION", "expel"): "expel", ("COERCE", "deport"): "expel",
                ("COERCE", "seize"): "territory"}
# Refusing a cooperative act ("will not accept", "does not agree") is a REJECT (manual: "All rejections and refusals").
REFUSAL_MODES = {"AGREE": None, "CONSULT": "meet", "SUPPORT": "assist", "COOPERATE": "assist", "AID": "assist",
                 "CONCEDE": "yield", "RETREAT": "yield"}
REQUIRE_CODED_PARTICIPANT = True
BACKGROUND_THRESHOLD = 0.7
BACKGROUND_MARGIN = 0.05  # above the threshold, for a background event in a sentence with no other


def _background_margin(s: "Scored") -> float:
    """A background act whose actor and recipient are both coded ("raids carried out by American planes against
    Iraqi militias") is a full dyad: the bare threshold is enough; any other needs the margin."""
    return 0.0 if any_coded(s.actors) and any_coded(s.recipients) else BACKGROUND_MARGIN


def _background(s: "Scored") -> bool:
    return bool(s.features.get("in_relcl") or s.features.get("background"))


def recode(event: str, mode: str | None, status: str, s: "Scored") -> tuple[str, str | None, str]:
    """PLOVER's single-category rules: a future, conditional or refused act becomes AGREE, CONCEDE, THREATEN or REJECT."""
    if status == "future" and event in FUTURE_RECODE:
        return FUTURE_RECODE[event], None, "occurred"
    if status in ("future", "hypothetical") and event in THREAT_ACTIONS and announced_by_actor(s):
        return "THREATEN", THREAT_MODES.get((event, mode), THREAT_ACTIONS[event]), "occurred"
    if status == "negated" and event in REFUSAL_MODES and is_refusal(s.cand.token):
        return "REJECT", REFUSAL_MODES[event], "occurred"
    return event, mode, status


def announced_by_actor(s: "Scored") -> bool:
    """The event is reported by its own actor: "Nigeria announced that it will withdraw", "Egyptian officials warned"."""
    if not s.speakers:
        return False
    if not s.actors:
        return True  # "X announced [a curfew will be imposed]": the announcer is the one who imposes it
    for speaker in s.speakers:
        for actor in s.actors:
            if (speaker.start, speaker.end) == (actor.start, actor.end):
                return True
            if speaker.entity_id and speaker.entity_id == actor.entity_id:
                return True
            if speaker.country and speaker.country == actor.country:
                return True
    return False


def make_event(doc_id: str, plan: SentencePlan, s: Scored, model: CoderModel) -> Event:
    cand = s.cand
    event, mode, status = s.event, s.mode, s.status
    if mode is None and MODES.get(event) and plan.vector is not None and event == cand.event:
        mode = model.mode_of(event, plan.vector)
    contexts = list(cand.trigger.context)
    for name, p in sorted(plan.contexts.items(), key=lambda kv: -kv[1]):
        if p >= 0.5 and name not in contexts and len(contexts) < MAX_CONTEXTS:
            contexts.append(name)
    start, end = cand.start, cand.end
    return Event(
        event_id=stable_id("v", doc_id, start, end, event),
        doc_id=doc_id, sentence_start=plan.start, sentence_end=plan.start + len(plan.text),
        trigger_text=cand.token.doc.text[start:end], trigger_start=start, trigger_end=end,
        event=event, mode=mode, context=contexts, status=status,
        actors=s.actors, recipients=s.recipients, score=score(event, mode),
        confidence=round(min(max(s.confidence, 0.0), 1.0), 3), component=COMPONENT, version=VERSION,
    )


def reference_year(ctx: DocContext) -> int | None:
    published = ctx.get("published") or ctx.doc.published
    if published and str(published)[:4].isdigit():
        return int(str(published)[:4])
    return None


def code_contexts(contexts: list[DocContext], resources: Resources) -> list[list[Event]]:
    model: CoderModel = resources.get("event_coder")
    plans_per_doc = [plan_document(ctx, resources) for ctx in contexts]
    flat = [plan for plans in plans_per_doc for plan in plans]
    if flat:
        vectors = resources.get("embedder").encode([plan.text for plan in flat])
        score_plans(flat, model, vectors)
    out = []
    for ctx, plans in zip(contexts, plans_per_doc):
        events = []
        for plan in plans:
            for s in select(plan, model.threshold):
                events.append(make_event(ctx.doc.doc_id, plan, s, model))
        out.append(events)
    return out


@stage(STAGE, requires=("spacy_doc", "mentions", "entities"), produces=("events",))
def coder_stage(contexts: list[DocContext], resources: Resources) -> list[dict]:
    """PLOVER events: lexicon candidates ranked by a trained model over sentence embeddings and the parse."""
    return [{"events": events} for events in code_contexts(contexts, resources)]
