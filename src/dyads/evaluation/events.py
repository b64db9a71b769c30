"""`dyads eval events`: code gold sentences and score event types, actors and recipients.

Reads two gold formats (detected per record):
- PLOVER gold standard records: `event_v2`, `sources`/`targets` with `code_norm`.
- PETRARCH2 unit tests: `expected_outcome` (event | no_event), `plover_event`, grouped by `sentence_id`.

Event types are scored per sentence: the set of types dyads codes against the gold set
(negated events are left out of the predictions: they did not happen). Actor (recipient)
country accuracy is over gold records whose event dyads found: correct when one of dyads'
actors (recipients) of that type has the gold country (the first three letters of the gold
code: a country, IGO, NGO ...). The GSR codes every intergovernmental body as IGO, so UN and
EU bodies (coded UNO, EUR by dyads' actor dictionary) count as IGO.

Calibration: every predicted event of a scorable sentence is right when its type is in the
sentence's gold set; the reliability table compares the mean confidence with the share of
right events in bins of confidence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from dyads import api
from dyads.evaluation.gold import read_jsonl
from dyads.evaluation.metrics import PRF
from dyads.events.ontology import EVENT_TYPES, LEGACY_NAMES


@dataclass
class GoldSentence:
    id: str
    text: str
    events: set[str]
    actors: dict[str, set[str]] = field(default_factory=dict)  # event type -> gold actor countries
    recipients: dict[str, set[str]] = field(default_factory=dict)
    no_event: bool = False


@dataclass
class EventEval:
    name: str
    prf: PRF
    n_sentences: int
    actor: list[int]  # [correct, total]
    recipient: list[int]
    no_event: list[int]  # [sentences with no event coded, no-event sentences]
    failures: list[dict]
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # (confidence, type right)
    seconds: float = 0.0

    @property
    def macro_f1(self) -> float:
        return self.prf.macro_f1([t for t in EVENT_TYPES if self.prf.tp[t] + self.prf.fn[t] > 0])


def load_gold(path: str) -> list[GoldSentence]:
    sentences: dict[str, GoldSentence] = {}
    for record in read_jsonl(path):
        _add_record(sentences, record)
    return list(sentences.values())


SAME_GROUP = {"UNO": "IGO", "EUR": "IGO"}  # the GSR codes UN and EU bodies as IGO


def _country(code: str | None) -> str | None:
    if not code:
        return None
    head = code[:3].upper()
    return SAME_GROUP.get(head, head)


def _add_record(sentences: dict[str, GoldSentence], rec: dict) -> None:
    if "event_v2" in rec or "sources" in rec:  # PLOVER GSR
        event = LEGACY_NAMES.get(rec.get("event_v2") or rec.get("event"), rec.get("event_v2") or rec.get("event"))
        gold = GoldSentence(rec["id"], rec["text"], {event} if event else set())
        gold.actors[event] = {c for s in rec.get("sources", []) if (c := _country(s.get("code_norm") or s.get("code")))}
        gold.recipients[event] = {c for t in rec.get("targets", []) if (c := _country(t.get("code_norm") or t.get("code")))}
        sentences[rec["id"]] = gold
        return
    key = rec.get("sentence_id") or rec["id"]
    gold = sentences.setdefault(key, GoldSentence(key, rec["text"], set()))
    outcome = rec.get("expected_outcome")
    if outcome == "no_event":
        gold.no_event = True
    elif outcome == "event" and rec.get("plover_event"):
        gold.events.add(rec["plover_event"])


def evaluate_events(path: str, limit: int | None = None) -> EventEval:
    gold = load_gold(path)[:limit]
    started = time.time()
    coded = list(api.code({"id": g.id, "text": g.text} for g in gold))
    seconds = time.time() - started
    prf = PRF()
    actor, recipient, no_event = [0, 0], [0, 0], [0, 0]
    failures, confidences = [], []
    for g, out in zip(gold, coded):
        events = [e for e in out["events"] if e["status"] != "negated"]
        predicted = {e["event"] for e in events}
        if g.no_event:
            no_event[1] += 1
            no_event[0] += not predicted
            prf.add(set(), predicted)
            confidences.extend((e["confidence"], False) for e in events)
            if predicted:
                failures.append({"id": g.id, "gold": "no event", "predicted": sorted(predicted), "text": g.text})
            continue
        if not g.events:
            continue  # a PETRARCH record whose CAMEO code has no PLOVER mapping: not scorable
        confidences.extend((e["confidence"], e["event"] in g.events) for e in events)
        prf.add(g.events, predicted)
        if g.events != predicted:
            failures.append({"id": g.id, "gold": sorted(g.events), "predicted": sorted(predicted), "text": g.text})
        for event_type in g.events & predicted:
            _score_roles(actor, g.actors.get(event_type), events, event_type, "actors")
            _score_roles(recipient, g.recipients.get(event_type), events, event_type, "recipients")
    return EventEval(Path(path).name, prf, len(gold), actor, recipient, no_event, failures, confidences, seconds)


def reliability(confidences: list[tuple[float, bool]], bins: int = 5) -> list[dict]:
    """Bins of predicted confidence: how many events, their mean confidence and the share that were right."""
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in confidences if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        rows.append({"confidence": f"{low:.1f}-{high:.1f}", "events": len(inside),
                     "mean confidence": sum(c for c, _ in inside) / len(inside),
                     "right": sum(r for _, r in inside) / len(inside)})
    return rows


def expected_calibration_error(confidences: list[tuple[float, bool]], bins: int = 5) -> float:
    """The events-weighted mean gap between confidence and accuracy over the reliability bins."""
    total = len(confidences)
    if not total:
        return 0.0
    return sum(row["events"] / total * abs(row["mean confidence"] - row["right"])
               for row in reliability(confidences, bins))


def _score_roles(tally: list[int], gold: set[str] | None, events: list[dict], event_type: str, role: str) -> None:
    if not gold:
        return
    found = {_country(p.get("country") or p.get("code")) for e in events if e["event"] == event_type
             for p in e[role]}
    tally[1] += 1
    tally[0] += bool(gold & found)
