"""Score actor coding: NGEC actor cases (actor text -> country and sector), and name resolution.

NGEC cases (`../shared/eval/ngec_actor_cases.dev.jsonl`) have several tasks. In scope for
"actor text -> country and sector": `actor_text_to_code` (agent_to_code), `nationality_detection`
(search_nat: country only), `agent_pattern_match` (short_text_to_agent: sector only) and
`agent_embedding_match` (texts that are no actor: right when nothing is coded). Out of scope:
`wikipedia_title_lookup` (which Wikipedia article a name is: no Wikipedia offline),
`co_actor_expansion` and `actor_span_expansion` (splitting and growing spans in a sentence).

A case is right when every field it checks is right: `country` (ISO alpha-3, "" = none),
`code_1` (the primary sector, "" = none; {"one_of": [...]} = any of them). A case that
expects none (or checks no field) is right when neither country nor sector is coded.
`code_2` (secondary sector) is reported on its own. Every line counts, including those NGEC
marks xfail or skip (their accuracy without them is printed too).

Name resolution gold (`data/gold/actors_names.jsonl`, ours): lines
`{"id", "a": name, "b": name, "same": bool, "a_country"?, "b_country"?, "why"}`: pairs of
names that are or are not one person, judged by the general matcher with no dictionary.
Pronoun gold (`data/gold/actors_pronouns.jsonl`): `{"id", "text", "date"?, "pronouns":
[{"text", "start", "antecedent": name or null}]}`; resolved pronouns are scored against it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dyads.evaluation.gold import read_jsonl

REPO = Path(__file__).resolve().parents[3]
DEFAULT_NGEC = REPO.parent / "shared" / "eval" / "ngec_actor_cases.dev.jsonl"
DEFAULT_NAMES = REPO / "data" / "gold" / "actors_names.jsonl"
DEFAULT_PRONOUNS = REPO / "data" / "gold" / "actors_pronouns.jsonl"
SEEDS_PRONOUNS = REPO / "data" / "gold" / "actors_pronouns_seeds.jsonl"
IN_SCOPE = ("actor_text_to_code", "nationality_detection", "agent_pattern_match", "agent_embedding_match")
OUT_OF_SCOPE = ("wikipedia_title_lookup", "co_actor_expansion", "actor_span_expansion")


@dataclass
class CaseResult:
    id: str
    task: str
    text: str
    right: bool
    expected: dict
    predicted: dict
    marked: bool = False  # NGEC marks it xfail or skip


@dataclass
class NgecReport:
    name: str
    results: list[CaseResult] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # out-of-scope tasks
    code2: list[bool] = field(default_factory=list)

    def accuracy(self, task: str | None = None, unmarked: bool = False) -> tuple[int, int]:
        chosen = [r for r in self.results if (task is None or r.task == task) and not (unmarked and r.marked)]
        return sum(r.right for r in chosen), len(chosen)

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.right]


def _case_input(case: dict) -> tuple[str, str | None, str | None]:
    data = case.get("input") or {}
    text = data.get("text") or data.get("non_ent_text") or data.get("query_term") or ""
    context = data.get("context") or data.get("known_country") or None
    date = data.get("query_date") or None
    return text, context, date


def _field_right(expected, predicted: str | None) -> bool:
    if isinstance(expected, dict) and "one_of" in expected:
        return (predicted or "") in [str(v) for v in expected["one_of"]]
    return (predicted or "") == (str(expected) if expected is not None else "")


def evaluate_ngec(path: str | Path = DEFAULT_NGEC, resources=None) -> NgecReport:
    from dyads.actors.coding import _default_resources, phrase_coder

    coder = phrase_coder(resources or _default_resources())
    report = NgecReport(Path(path).name)
    for case in read_jsonl(path):
        task = case.get("task", "")
        if task not in IN_SCOPE:
            report.skipped[task] += 1
            continue
        text, context, date = _case_input(case)
        coded = coder.code_text(text, date=date, context=context)
        predicted = {"country": coded.country or "", "code_1": coded.sector or "", "code_2": coded.sector2 or ""}
        expected = case.get("expected_fields") or {}
        checked = [k for k in ("country", "code_1") if k in expected]
        if case.get("expect_none") or not checked:
            right = not coded.country and not coded.sector
        else:
            right = all(_field_right(expected[k], predicted[k]) for k in checked)
        if "code_2" in expected:
            report.code2.append(_field_right(expected["code_2"], predicted["code_2"]))
        marked = bool(set(case.get("markers") or {}) & {"xfail", "skip"})
        report.results.append(CaseResult(case.get("id", ""), task, text, right, expected, predicted, marked))
    return report


# -- name variants and false merges ---------------------------------------------------------


@dataclass
class NamesReport:
    n: int = 0
    right: int = 0
    same_total: int = 0
    same_found: int = 0
    merged: int = 0
    merged_right: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.n if self.n else 0.0

    @property
    def recall(self) -> float:
        return self.same_found / self.same_total if self.same_total else 0.0

    @property
    def precision(self) -> float:
        return self.merged_right / self.merged if self.merged else 1.0


def evaluate_names(path: str | Path = DEFAULT_NAMES) -> NamesReport:
    from dyads.actors.entity import same_actor
    from dyads.actors.names import parse_person
    from dyads.actors.sectors import load_title_words

    report = NamesReport()
    strip = load_title_words()
    for case in read_jsonl(path):
        a, b = parse_person(case["a"], strip), parse_person(case["b"], strip)
        merged = same_actor(a, b, case.get("a_country"), case.get("b_country"),
                            case.get("a_sector"), case.get("b_sector"))
        report.n += 1
        report.right += merged == case["same"]
        report.same_total += bool(case["same"])
        report.same_found += bool(case["same"] and merged)
        report.merged += merged
        report.merged_right += bool(merged and case["same"])
        if merged != case["same"]:
            report.failures.append(case)
    return report


# -- pronouns -------------------------------------------------------------------------------


@dataclass
class PronounReport:
    n_gold: int = 0  # pronouns with an antecedent in the gold
    n_resolved: int = 0  # pronouns the resolver resolved
    right: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.n_resolved if self.n_resolved else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.n_gold if self.n_gold else 0.0


def evaluate_pronouns(path: str | Path = DEFAULT_PRONOUNS) -> PronounReport:
    from dyads.actors.names import parse_person
    from dyads.ingest import make_document
    from dyads.records import SourceRecord
    from dyads.runner import process_documents

    from dyads.actors.coding import _default_resources

    items = read_jsonl(path)
    for item in items:  # an item may name a file of the repository instead of giving its text
        if "text" not in item and item.get("file"):
            item["text"] = (REPO / item["file"]).read_text(encoding="utf-8")
    docs = [make_document(SourceRecord(source=f"gold:{i['id']}", text=i["text"], source_id=str(i["id"]),
                                       published=i.get("date"))) for i in items]
    countries = _default_resources().get("countries")
    report = PronounReport()
    for item, result in zip(items, process_documents(docs, actor_pipeline())):
        entities = {e.entity_id: e for e in result.entities}
        resolved = [m for m in result.mentions if m.method in ("pronoun", "descriptor")]
        for gold in item["pronouns"]:
            start = gold["start"]
            end = start + len(gold["text"])
            mention = next((m for m in resolved if m.start < end and start < m.end), None)
            antecedent = gold.get("antecedent")
            if antecedent:
                report.n_gold += 1
            if mention is None or not mention.entity_id:
                if antecedent:
                    report.failures.append({"id": item["id"], "text": gold["text"], "start": start,
                                            "gold": antecedent, "got": None})
                continue
            report.n_resolved += 1
            entity = entities.get(mention.entity_id)
            names = [entity.name, *entity.variants] if entity else []
            if entity is not None and entity.kind == "STATE":
                ok = bool(antecedent) and countries.country_of(antecedent) == entity.country
            else:
                ok = bool(antecedent) and any(_same_name(antecedent, n, parse_person) for n in names)
            report.right += ok
            if not ok:
                report.failures.append({"id": item["id"], "text": gold["text"], "start": start, "gold": antecedent,
                                        "got": entity.name if entity else mention.entity_id})
    return report


def actor_pipeline() -> tuple[str, ...]:
    """The default chain up to the actor linker (what actor resolution needs; events are not run)."""
    from dyads.stages import DEFAULT_PIPELINE

    chain = []
    for name in DEFAULT_PIPELINE:
        chain.append(name)
        if name.startswith("dyads.actors.link."):
            break
    return tuple(chain)


def _same_name(a: str, b: str, parse) -> bool:
    from dyads.actors.names import compare_names, name_key

    if name_key(a) == name_key(b):
        return True
    return compare_names(parse(a), parse(b)) is not None
