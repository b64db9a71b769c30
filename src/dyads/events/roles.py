"""Actors and recipients of a trigger, read off the dependency parse.

Handles active and passive voice, inherited subjects ("X agreed to meet Y"), object control
("X urged Y to [support] Z": Y acts), relative clauses ("the group, which [attacked] ..."),
participles ("protesters [killed] by police"), compound actors ("X and Y"), possessive actors
of event nouns ("Iran's attacks"), nationality modifiers ("Israeli air raids"), prepositional
recipients ("attacks on the Green Zone"), light verbs ("held talks with", "launched strikes
against") and recipient light verbs ("came under attack": the subject is the target).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
RECIPIENT_PREPS = frozenset({"on", "against", "with", "to", "at", "toward", "towards", "into", "upon", "from",
                             "for", "over", "in"})
# Prepositions that introduce a recipient only when the lexicon entry names them (or for these types).
WEAK_RECIPIENT_PREPS = frozenset({"for", "over", "in"})
NOUN_RECIPIENT_PREPS = frozenset({"on", "against", "with", "to", "at", "toward", "towards", "into", "upon", "between",
                                  "of", "for", "from"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"})
PRONOUN_ACTORS = frozenset({"he", "she", "they", "we", "it", "i", "you", "him", "her", "them", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom", "whose"})
# Verbs whose object performs their complement: "urged Y to act", "asked Y to leave".
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "order", "tell", "force", "compel", "press", "persuade", "invite",
                            "encourage", "pressure", "allow", "permit", "help", "push", "request", "direct",
                            "instruct", "demand", "oblige", "convince", "authorize", "authorise", "appeal", "warn"})


@dataclass
class Roles:
    actors: list  # spaCy tokens (heads of the actor phrases)
    recipients: list
    passive: bool = False
    recipient_preps: tuple = ()  # the preposition (or None) that introduced each recipient
    # Recipients of a complement clause, used when no recipient above names an actor: "threatened on
    # Monday to break relations with Russia", "demanded on Tuesday that the US cancel ...".
    fallback: list = field(default_factory=list)


def conjuncts(token) -> list:
    """The token and the tokens coordinated with it ("Iraq and Iran")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            found.extend(conjuncts(child))
    return found


def antecedent(token):
    """The noun a relative pronoun stands for ("the group, which attacked" -> group)."""
    if token.lower_ not in RELATIVE_PRONOUNS:
        return token
    verb = token.head
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
        return verb.head
    return token


PARTITIVE_HEADS = frozenset({"scores", "hundreds", "thousands", "dozens", "tens", "millions", "one", "two", "three",
                             "some", "most", "many", "several", "group", "groups", "number", "third", "half",
                             "quarter", "majority", "members", "member", "part", "all", "each", "none", "unit",
                             "units", "batch", "team", "delegation", "contingent", "detachment", "handful", "dozen",
                             "couple", "pair", "wave", "band", "bands", "squad"})
# Nouns that carry someone else's act: "rejected calls by X", "accepted an offer from X", "aid to X".
MESSAGE_NOUNS = frozenset({"call", "calls", "appeal", "appeals", "offer", "offers", "invitation", "invitations",
                           "proposal", "proposals", "demand", "demands", "request", "requests", "plea", "pleas",
                           "plan", "plans", "bid", "ultimatum", "initiative", "resolution", "suggestion", "action",
                           "actions", "measures", "aid", "assistance", "help", "support", "sanctions", "restrictions",
                           "criticism", "pressure", "admission", "apology", "formula", "ties", "relations",
                           "electricity", "supplies", "weapons", "arms", "troops", "activities", "attacks",
                           "retaliation", "reprisals", "strikes", "moves", "steps", "talks", "negotiations",
                           "dialogue", "mediation", "ban", "embargo", "curfew", "blockade", "accusations",
                           "allegations", "charges", "warnings", "threats", "deal", "agreement", "accord",
                           "suppression", "crackdown", "treatment", "policy", "policies", "decision", "removal",
                           "resignation", "release", "return", "withdrawal", "extradition", "recognition", "refusal",
                           "rejection", "occupation", "presence", "intervention", "invasion", "rule"})
OCCUR_VERBS = frozenset({"take", "occur", "happen", "begin", "start", "continue", "resume", "end", "last", "come",
                         "hold", "be", "go"})
CARRIER_PREPS = frozenset({"by", "from", "of", "against", "to", "on", "for", "with", "toward", "towards", "into"})


def through_partitive(token):
    """ "scores of refugees" -> refugees, "one third of the guerrillas" -> guerrillas."""
    if token.lower_ in PARTITIVE_HEADS or token.like_num:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return through_partitive(obj)
    return token


def _expand(tokens) -> list:
    out = []
    for tok in tokens:
        for t in conjuncts(antecedent(tok)):
            inner = through_partitive(t)
            # "scores of Sierra Leonean and Liberian refugees": the conjuncts are inside the partitive
            for u in (conjuncts(inner) if inner.i != t.i else [t]):
                if all(u.i != o.i for o in out):
                    out.append(u)
    return out


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _pobjs(prep) -> list:
    """The objects of a preposition; a date or time ("on Monday", "in March") is never a participant."""
    return [t for obj in prep.children if obj.dep_ == "pobj" and obj.ent_type_ not in TIME_ENTITIES
            for t in conjuncts(obj)]


NAMED_KINDS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
PLACE_OR_NAMED_KINDS = NAMED_KINDS | {"LOC", "FAC"}


def named_like(token) -> bool:
    """Whether a recipient token could name an actor by itself (a name, a nationality or a pronoun)."""
    return token.ent_type_ in PLACE_OR_NAMED_KINDS or token.pos_ == "PROPN" or \
        (token.pos_ == "PRON" and token.lower_ in PRONOUN_ACTORS)


def verb_roles(verb, preps: frozenset[str] | None = None) -> Roles:
    actors, recipients, via, passive = [], [], [], False
    allowed = preps if preps is not None else RECIPIENT_PREPS - WEAK_RECIPIENT_PREPS
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
            actors.extend(_expand([child]))
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            passive = True
            got = _expand([child])
            recipients.extend(got)
            via.extend([None] * len(got))
        elif child.dep_ == "agent":
            actors.extend(_expand(_pobjs(child)))
        elif child.dep_ == "dative" and child.pos_ == "ADP":  # "granted asylum [to] four officers"
            got = _expand(_pobjs(child))
            recipients.extend(got)
            via.extend([child.lower_] * len(got))
        elif child.dep_ in OBJECT_DEPS:
            got = _expand([child])
            recipients.extend(got)
            via.extend([None] * len(got))
        elif child.dep_ == "prep" and child.lower_ in allowed:
            got = _pobjs(child)
            recipients.extend(got)
            via.extend([child.lower_] * len(got))
        elif child.dep_ == "prt":  # "pulled out of Iraq", "cracked down on protesters"
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ in RECIPIENT_PREPS:
                    got = _pobjs(grand)
                    recipients.extend(got)
                    via.extend([grand.lower_] * len(got))
    if not actors and verb.dep_ == "acl" and verb.head.i != verb.i:
        if verb.tag_ == "VBN" or passive:  # "protesters killed by police": the head noun is the target
            recipients = [verb.head] + recipients
            via = [None] + via
        else:  # "militants attacking the base": the head noun acts
            actors = conjuncts(verb.head)
    if not actors:
        actors = _inherited_subject(verb)
    stance = _stance_targets(verb)
    if stance:  # "blocked roads in defiance of the government": whom the act is aimed at comes first
        forum = "to" if verb.lemma_.lower() in COMPLAINT_VERBS else None  # "complained to the UN over ..."
        rest = [(r, p) for r, p in zip(recipients, via) if p != forum and all(r.i != t.i for t in stance)]
        if not any(named_like(r) for r, _ in rest):  # "fired at Israel in retaliation for ...": Israel stays
            recipients = stance + [r for r, _ in rest]
            via = ["stance"] * len(stance) + [p for _, p in rest]
    for r in list(recipients):  # "rejected calls by X", "threatened action against X", "aid to X"
        message = r.lower_ in MESSAGE_NOUNS or r.lemma_.lower() in MESSAGE_NOUNS
        if message or _action_noun(r):
            for child in r.children:
                if child.dep_ == "poss" and child.pos_ != "PRON":
                    got = _expand([child])
                    recipients.extend(got)
                    via.extend(["poss"] * len(got))
                elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in NAMED_KINDS:
                    got = conjuncts(child)  # "a U.S. request", "a Senegalese peace plan"
                    recipients.extend(got)
                    via.extend(["poss"] * len(got))
                elif child.dep_ == "prep" and child.lower_ in CARRIER_PREPS and (message or child.lower_ == "by"):
                    got = _expand(_pobjs(child))  # "the annexation of Crimea": what is acted on is not the actor
                    recipients.extend(got)
                    via.extend([child.lower_] * len(got))
    # "threatened to ban X", "demanded that the US cancel", "offered to negotiate with X"
    fallback = []
    if not recipients:
        inner, inner_via = complement_recipients(verb, preps, purpose=True)
        recipients.extend(inner)
        via.extend(inner_via)
    elif not any(named_like(r) for r in recipients):
        # "shared evidence with the U.S.": the thing handed over carries the recipient
        fallback = [t for r in recipients if r.pos_ == "NOUN" for t in _carried(r)]
        fallback += complement_recipients(verb, preps, purpose=True)[0]
    keep = [i for i, r in enumerate(recipients) if r.pos_ != "PRON" or r.lower_ in PRONOUN_ACTORS]
    actor_ids = {a.i for a in actors}
    keep = [i for i in keep if recipients[i].i not in actor_ids]
    fallback = [r for r in fallback if r.i not in actor_ids and (r.pos_ != "PRON" or r.lower_ in PRONOUN_ACTORS)]
    return Roles(actors, [recipients[i] for i in keep], passive, tuple(via[i] for i in keep), fallback)


ACTION_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ade", "sal")
STANCE_NOUNS = frozenset({"protest", "defiance", "opposition", "retaliation", "revenge", "reprisal"})
STANCE_PREPS = frozenset({"of", "against", "at", "to", "over", "for"})
COMPLAINT_VERBS = frozenset({"complain", "protest", "grumble"})
COMPLAINT_PREPS = frozenset({"over", "about", "against"})


def _stance_targets(verb) -> list:
    """Whom an act is aimed at, said in a phrase of stance: "in defiance of the government", "in protest at
    Russia's refusal", "in retaliation for Israeli raids"; for a complaint, what it is about ("complained to
    the UN over Israeli raids"). The one who did the thing opposed, when the phrase names an act."""
    found = []
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "in":
            for stance in _pobjs(child):
                if stance.lemma_.lower() in STANCE_NOUNS:
                    for prep in stance.children:
                        if prep.dep_ == "prep" and prep.lower_ in STANCE_PREPS:
                            found.extend(_doer(t) for t in _pobjs(prep))
        elif child.lower_ in COMPLAINT_PREPS and verb.lemma_.lower() in COMPLAINT_VERBS:
            found.extend(_doer(t) for t in _pobjs(child))
    return [t for t in found if t is not None]


def _doer(thing):
    """ "Russia's refusal" -> Russia, "Israeli raids" -> Israeli, "raids by Israel" -> Israel, "the government"
    -> itself; None for an act with no one named in it ("the new taxes")."""
    if named_like(thing) or thing.pos_ == "PROPN":
        return thing
    for child in thing.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            objs = _pobjs(child)
            if objs:
                return objs[0]
    for child in thing.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in NAMED_KINDS:
            return child
    if _action_noun(thing) or thing.lemma_.lower() in ("raid", "attack", "strike", "incursion", "shelling"):
        return None
    return thing


def _action_noun(token) -> bool:
    """A noun naming an act ("Serbia's suppression of ...", "Russia's annexation", "Israel's refusal"): its
    possessor or named modifier is the one who acts, so the one a reaction to it is aimed at."""
    return token.pos_ == "NOUN" and token.lemma_.lower().endswith(ACTION_SUFFIXES) and len(token) > 5


OBJECT_CARRIER_PREPS = frozenset({"with", "to", "against", "toward", "towards", "for"})


def _carried(thing, depth: int = 0) -> list:
    """Who a thing goes to: "evidence with the U.S.", "70 million dollars of aid for Romania and Poland"."""
    found = []
    for child in thing.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in OBJECT_CARRIER_PREPS:
            found.extend(_pobjs(child))
        elif child.lower_ == "of" and depth < 2:
            for obj in _pobjs(child):
                found.extend(_carried(obj, depth + 1))
    return found


def complement_recipients(head, preps: frozenset[str] | None = None, purpose: bool = False) -> tuple[list, list]:
    """The subjects of a "that" clause and the recipients of a "to" clause under `head` (with `purpose`,
    also of a purpose clause: "began a hunger strike to protest against X")."""
    recipients, via = [], []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "for" and head.pos_ == "VERB":
            # "called for sanctions against Nigeria", "pressed for talks with Iran": the asked act's target
            for asked in _pobjs(child):
                for prep in asked.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("against", "on", "with", "to", "at"):
                        got = _pobjs(prep)
                        recipients.extend(got)
                        via.extend([prep.lower_] * len(got))
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            got = _expand([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")])
            recipients.extend(got)
            via.extend(["that"] * len(got))
        elif purpose and child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
            # "threatened to stop the talks if the United States goes ahead": the one the condition is set for
            got = _expand([c for c in child.children if c.dep_ == "nsubj"])
            recipients.extend(got)
            via.extend(["if"] * len(got))
        elif (child.dep_ == "xcomp" or (purpose and child.dep_ == "advcl" and
                                        any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))) \
                and child.pos_ == "VERB":
            sub = verb_roles(child, preps)
            recipients.extend(sub.recipients)
            via.extend(sub.recipient_preps)
            recipients.extend(sub.fallback)
            via.extend([None] * len(sub.fallback))
    return recipients, via


def _inherited_subject(verb, depth: int = 0) -> list:
    """Subject of a governing verb: "X agreed to [meet]", "X met Y and [signed]", "X urged Y to [act]"."""
    if depth > 3 or verb.dep_ not in INHERIT_DEPS or verb.head.i == verb.i:
        return []
    head = verb.head
    through_prep = verb.dep_ == "pcomp" and head.dep_ == "prep" and (
        head.head.pos_ in ("VERB", "AUX") or (head.head.pos_ == "ADJ" and head.head.dep_ in ("acomp", "oprd")))
    if through_prep:  # "X resorted to [throwing] stones", "X was arrested for [attacking] Y"
        head = head.head
        if head.pos_ == "ADJ":  # "X are guilty of [violating] the truce", "X is capable of [striking]"
            head = head.head
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN") and \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            return conjuncts(head.head)  # "youths resorting to [throwing] stones", "soldiers accused of [killing]"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if objects:
            return _expand(objects[:1])
    for child in head.children:
        # "X is scheduled to [visit]": the passive subject of the governing verb acts
        if child.dep_ in SUBJECT_DEPS - {"expl"} or (child.dep_ in PASSIVE_SUBJECT_DEPS and
                                                    (verb.dep_ == "xcomp" or through_prep)):
            return _expand([child])
        if child.dep_ == "agent":
            return _expand(_pobjs(child))
    if head.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("acl",):
        return conjuncts(head)
    return _inherited_subject(head, depth + 1)


def adjective_roles(adj) -> Roles:
    """"X is ready to negotiate with Y": the roles of the copula's clause."""
    small_clause = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
    if adj.dep_ in ("ccomp", "xcomp") and small_clause and adj.head.pos_ == "VERB":
        # "a court found the activist guilty": the finder acts on the one found so
        found = verb_roles(adj.head)
        return Roles(found.actors, _expand(small_clause), False, (None,) * len(_expand(small_clause)))
    head = adj.head if adj.dep_ in ("acomp", "oprd", "amod") else adj
    roles = verb_roles(head) if head.i != adj.i else Roles([], [])
    extra = []
    for child in adj.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            extra.extend(_pobjs(child))
    recipients = roles.recipients + extra
    preps = roles.recipient_preps + (None,) * len(extra)
    if not any(named_like(r) for r in recipients):  # "X is willing to withdraw from Lebanon"
        inner, inner_via = complement_recipients(adj)
        actor_ids = {a.i for a in roles.actors}
        inner_keep = [(r, p) for r, p in zip(inner, inner_via) if r.i not in actor_ids]
        recipients = recipients + [r for r, _ in inner_keep]
        preps = preps + tuple(p for _, p in inner_keep)
    return Roles(roles.actors, recipients, roles.passive, preps)


def noun_roles(noun, light_verbs: frozenset[str], recipient_light_verbs: frozenset[str] = frozenset()) -> Roles:
    """Roles of an event noun: "Iran's attacks on US bases", "X launched air strikes against Y"."""
    actors, recipients, via = [], [], []
    between = []
    clause_subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")] \
        if noun.dep_ == "dobj" else []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON" and \
                any(c.pos_ in ("NOUN", "PROPN") for c in clause_subjects):
            # "fundamentalists continued their hunger strike": "their" is the subject of the clause
            actors.extend(_expand(clause_subjects))
        elif child.dep_ == "poss":
            actors.extend(_expand([child]))
        elif child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
            actors.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ == "between":
            between.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ == "by":
            actors.extend(_expand(_pobjs(child)))
        elif child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS:
            got = [_named_holder(g) for g in _pobjs(child)]
            if child.lower_ in ("of", "for") and not any(g.ent_type_ or _has_named_modifier(g) for g in got):
                continue  # "a campaign of violence", "calls for calm": not a recipient
            recipients.extend(got)
            via.extend([child.lower_] * len(got))
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "strikes carried out by US jets against ..."
            sub = verb_roles(child)
            actors.extend(a for a in sub.actors if a.i != noun.i)
            for r, p in zip(sub.recipients, sub.recipient_preps):
                if r.i != noun.i:
                    recipients.append(r)
                    via.append(p)
    if not actors:
        for child in noun.children:  # "the call that Biden made with Kadhimi": a light verb in a relative clause
            if child.dep_ == "relcl" and child.lemma_.lower() in light_verbs | {"make", "place", "hold", "have"}:
                sub = verb_roles(child)
                actors.extend(a for a in sub.actors if a.lower_ not in RELATIVE_PRONOUNS and a.i != noun.i)
                for r, p in zip(sub.recipients, sub.recipient_preps):
                    if r.i != noun.i and r.lower_ not in RELATIVE_PRONOUNS:
                        recipients.append(r)
                        via.append(p)
    if not actors and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in OCCUR_VERBS:
        for child in noun.head.children:  # "the phone call took place between X and Y"
            if child.dep_ == "prep" and child.lower_ in ("between", "with", "among"):
                between.extend(_pobjs(child))
    mediation = noun.lemma_.lower() in MEDIATION_NOUNS or \
        any(c.dep_ == "compound" and c.lemma_.lower() in MEDIATION_NOUNS for c in noun.children)
    if between and noun.lemma_.lower() in TRAVEL_NOUNS:
        recipients.extend(between)  # "a tour between Abu Dhabi and Riyadh": the places visited
        via.extend(["between"] * len(between))
    elif between and mediation and (actors or _light_subjects(noun, light_verbs)):
        recipients.extend(between)  # "X launched a mediation effort between Y and Z": Y and Z are mediated
        via.extend(["between"] * len(between))
    elif between:
        actors.extend(between)  # "talks between X and Y": both take part
    anchor = _through_quantity(noun)  # "launched ten days of [war games]": the verb governs the quantity
    head = anchor.head
    governor = head
    if anchor.dep_ == "pobj" and head.dep_ == "prep":  # "engaged in talks", "went on strike"
        governor = head.head
    lemma = governor.lemma_.lower()
    if anchor.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "conj") and governor.i != anchor.i:
        if lemma in recipient_light_verbs and anchor.dep_ in ("dobj", "pobj"):
            gov_roles = verb_roles(governor)
            if not recipients:
                recipients = list(gov_roles.actors)
                via = [None] * len(recipients)
            if not actors:
                actors = [r for r, p in zip(gov_roles.recipients, gov_roles.recipient_preps)
                          if p in ("from", "by") and r.i not in (noun.i, anchor.i)]
        elif lemma in light_verbs or anchor.dep_ == "nsubjpass" or \
                (anchor.dep_ == "pobj" and head.lower_ in MEANS_PREPS and governor.pos_ == "VERB"):
            # "reached out to Gulf parties through a recent tour": the means is the actor's own act
            gov_roles = verb_roles(governor)
            if not actors:
                actors = [a for a in gov_roles.actors if a.i not in (noun.i, anchor.i)]
            if not recipients:
                for r, p in zip(gov_roles.recipients, gov_roles.recipient_preps):
                    if r.i not in (noun.i, anchor.i) and not _inside(r, anchor):
                        recipients.append(r)
                        via.append(p)
            if not recipients:  # "began a hunger strike to protest against Sweden's decision"
                inner, inner_via = complement_recipients(governor, purpose=True)
                for r, p in zip(inner, inner_via):
                    if r.i not in (noun.i, anchor.i):
                        recipients.append(r)
                        via.append(p)
    if not recipients:  # "a hunger strike in protest of X's refusal", "went on strike in defiance of X"
        got = [t for t in _stance_targets(noun) + (_stance_targets(governor) if governor.i != anchor.i else [])
               if t.i != noun.i]
        recipients.extend(got)
        via.extend(["stance"] * len(got))
    if not recipients and noun.lemma_.lower() in DIRECTIVE_NOUNS:
        # "its demand that Israel ease ...", "a call today that Egypt free ...": the one addressed
        for clause in _message_clauses(noun):
            got = _expand([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
            recipients.extend(got)
            via.extend(["that"] * len(got))
    if not recipients:
        victims, custodians = _died_of(noun)
        recipients.extend(victims)
        via.extend([None] * len(victims))
        actors.extend(c for c in custodians if not actors)
    actor_ids = {a.i for a in actors}
    keep = [i for i, r in enumerate(recipients) if r.i not in actor_ids and r.i != noun.i]
    return Roles(actors, [recipients[i] for i in keep], False, tuple(via[i] for i in keep))


DEATH_VERBS = frozenset({"die", "succumb", "perish"})
CAUSE_NOUNS = frozenset({"result", "consequence", "effect", "effects"})


def _died_of(noun) -> tuple[list, list]:
    """ "A prisoner died of torture in police custody", "... died as a result of torture": the one who died is
    the recipient of the act that killed them, and whoever held them in custody its actor."""
    probe = noun
    for _ in range(2):  # "of torture", or "as a result of torture"
        if probe.dep_ != "pobj" or probe.head.lower_ not in ("of", "from", "after", "as"):
            return [], []
        governor = probe.head.head
        if governor.lemma_.lower() in DEATH_VERBS and governor.pos_ == "VERB":
            victims = _expand([c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")])
            return victims, _custodians(governor) or _custodians(noun)
        if governor.lemma_.lower() not in CAUSE_NOUNS:
            return [], []
        probe = governor
    return [], []


def _custodians(token) -> list:
    """ "in Israeli police custody" -> police; "in the custody of the army" -> army."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "under")):
        for custody in _pobjs(prep):
            if custody.lemma_.lower() not in ("custody", "detention"):
                continue
            holders = [g for of in custody.children if of.dep_ == "prep" and of.lower_ == "of" for g in _pobjs(of)]
            if holders:
                return _expand(holders[:1])
            holders = [c for c in custody.children if c.dep_ in ("compound", "poss")] or \
                [c for c in custody.children if c.ent_type_ in NAMED_KINDS]
            return _expand(holders[-1:])  # "Turkish police custody" -> police (with its nationality)
    return []


DIRECTIVE_NOUNS = frozenset({"call", "appeal", "demand", "request", "plea", "ultimatum", "proposal", "offer",
                             "invitation", "warning", "insistence", "order"})


def _message_clauses(noun) -> list:
    """The "that" clause a message noun carries, whether the parse hangs it on the noun or on its verb."""
    def that_clauses(token, deps) -> list:
        return [c for c in token.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX") and
                any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]

    clauses = that_clauses(noun, ("acl", "ccomp"))
    if not clauses and noun.dep_ == "dobj":
        clauses = that_clauses(noun.head, ("ccomp",))
    return clauses


QUANTITY_HEADS = frozenset({"day", "days", "week", "weeks", "month", "months", "hour", "hours", "round", "rounds",
                            "series", "wave", "waves", "spate", "string", "number", "couple", "flurry", "barrage",
                            "volley", "salvo", "night", "nights", "year", "years"})


def _through_quantity(noun):
    """The quantity phrase an event noun is counted by: "days" in "ten days of war games", "a wave of arrests"."""
    anchor = noun
    for _ in range(2):
        prep = anchor.head
        if anchor.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in QUANTITY_HEADS:
            anchor = prep.head
        else:
            break
    return anchor


MEDIATION_NOUNS = frozenset({"mediation", "mediator", "mediating", "arbitration", "go-between"})
TRAVEL_NOUNS = frozenset({"tour", "trip", "journey", "shuttle", "swing"})
MEANS_PREPS = frozenset({"through", "via"})


def _light_subjects(noun, light_verbs: frozenset[str]) -> list:
    head = noun.head
    if noun.dep_ in ("dobj", "compound") and head.lemma_.lower() in light_verbs | {"launch", "offer", "begin"}:
        return [c for c in head.children if c.dep_ in SUBJECT_DEPS - {"expl"}]
    if noun.dep_ == "compound" and head.dep_ == "dobj":  # "a mediation effort"
        return _light_subjects(head, light_verbs)
    return []


def _has_named_modifier(token) -> bool:
    """ "Chinese authorities", "the U.S. embassy": a common noun that a name or nationality qualifies."""
    return any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in NAMED_KINDS for c in token.children)


def _named_holder(token):
    """ "the Russian government's refusal" -> government: a message noun stands for its named possessor."""
    if token.ent_type_ or (token.lower_ not in MESSAGE_NOUNS and token.lemma_.lower() not in MESSAGE_NOUNS):
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and (child.ent_type_ or _has_named_modifier(child)):
            return child
    return token


def _inside(token, ancestor) -> bool:
    while token.head.i != token.i:
        if token.head.i == ancestor.i:
            return True
        token = token.head
    return False


REPORTING_HEADS = frozenset({"say", "tell", "announce", "state", "add", "declare", "confirm", "warn", "indicate",
                             "write", "tweet", "note", "explain", "insist", "reveal", "signal", "reiterate",
                             "stress", "threaten", "vow", "pledge", "promise", "decide", "report"})


def reporting_speakers(trigger, limit: int = 5) -> list:
    """The subject(s) of the reporting verb whose clause holds the trigger ("X announced it will [extend] ...")."""
    tok = trigger
    for _ in range(limit):
        if tok.head.i == tok.i:
            return []
        dep, head = tok.dep_, tok.head
        if dep in ("ccomp", "parataxis", "xcomp") and head.lemma_.lower() in REPORTING_HEADS:
            return _expand([c for c in head.children if c.dep_ in SUBJECT_DEPS - {"expl"}])
        if dep not in ("xcomp", "conj", "ccomp", "dobj", "pobj", "prep", "acomp", "advcl", "aux"):
            return []
        tok = head
    return []
