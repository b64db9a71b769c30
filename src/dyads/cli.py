"""The `dyads` command. Thin: each command parses its options, calls the API and prints."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyads import __version__, api, queries
from dyads.errors import DyadsError
from dyads.ingest.readers import DEFAULT_MAX_CHARS
from dyads.store import Store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Read news, rebuild the political system it describes: PLOVER events in DuckDB.")
eval_app = typer.Typer(no_args_is_help=True, help="Score dyads against gold data.")
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(no_args_is_help=True, help="Train dyads' models from the training data.")
app.add_typer(train_app, name="train")

out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DB_OPTION = typer.Option("corpus.duckdb", "--db", help="DuckDB store file.")
SUMMARY_TABLES = ("documents", "sentences", "mentions", "entities", "events", "quotes", "places",
                  "quantities", "times", "stories")


def fail(message: str, code: int = 1) -> None:
    err.print(f"dyads: error {message}", markup=False)
    raise typer.Exit(code)


def print_rows(rows: list[dict], title: str, columns: list[str] | None = None, wrap: tuple[str, ...] = ()) -> None:
    if not rows:
        out.print(f"{title}: none found")
        return
    table = Table(title=title, show_lines=bool(wrap))
    columns = columns or list(rows[0])
    for column in columns:
        table.add_column(column, overflow="fold", max_width=70 if column in wrap else 40)
    for row in rows:
        table.add_row(*[_cell(row.get(c), c in wrap) for c in columns])
    out.print(table)


def _cell(value, long: bool = False) -> str:
    if value is None:
        return ""
    if long and isinstance(value, str) and len(value) > 300:
        return value[:297] + "..."
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


@app.command()
def run(paths: list[str] = typer.Argument(..., help="Files, directories or globs to read."),
        db: str = DB_OPTION,
        workers: int = typer.Option(1, help="Worker processes for the per-document stages."),
        batch_size: int = typer.Option(16, help="Documents per batch (and per store transaction)."),
        encoding: Optional[str] = typer.Option(None, help="Text encoding of the inputs (default UTF-8)."),
        max_chars: int = typer.Option(DEFAULT_MAX_CHARS, help="Refuse documents longer than this."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        actors: Optional[str] = typer.Option(None, "--actors",
                                             help="Actor dictionary (YAML or CSV) that overrides what is learned.")
        ) -> None:
    """Read news files into the store and print a summary."""
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)
    with progress:
        task = progress.add_task("documents", total=None)

        def on_error(error) -> None:
            progress.console.print(f"dyads: error {error.message}", markup=False, soft_wrap=True)

        try:
            summary = api.run(paths, db, workers=workers, batch_size=batch_size, encoding=encoding,
                              max_chars=max_chars, on_error=on_error,
                              on_progress=lambda n: progress.advance(task, n), actors=actors)
        except DyadsError as error:
            progress.stop()
            fail(str(error), 2 if error.code == "E015" else 1)
    table = Table(title=f"dyads run {summary.run_id}: {db}")
    table.add_column("record")
    table.add_column("in store", justify="right")
    for name in SUMMARY_TABLES:
        table.add_row(name, str(summary.counts.get(name, 0)))
    out.print(table)
    out.print(f"read {summary.n_read} documents: {summary.n_new} new, {summary.n_known} already stored, "
              f"{len(summary.errors)} errors")


@app.command()
def code(input: str = typer.Argument(..., help="JSONL file: one {\"id\", \"text\", \"date\"?} per line."),
         output: Optional[str] = typer.Option(None, "--out", help="Write here instead of standard output."),
         actors: Optional[str] = typer.Option(None, "--actors",
                                              help="Actor dictionary (YAML or CSV) that overrides what is learned.")
         ) -> None:
    """Code each input line's text into PLOVER events (one JSON line out per line in)."""
    try:
        items = list(api.read_code_input(input))
        if actors:
            from dyads.runner import use_actor_files

            use_actor_files(actors)
    except DyadsError as error:
        fail(str(error))
    sink = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for result in api.code(items, actors=actors):
            if "error" in result:
                err.print(f"dyads: error {result['error']}", markup=False)
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
    finally:
        if output:
            sink.close()


@app.command()
def export(db: str = DB_OPTION,
           format: str = typer.Option("jsonl", "--format", help="jsonl, parquet or csv."),
           out_dir: str = typer.Option(..., "--out", help="Directory to write one file per record type into.")) -> None:
    """Write every record type of the store to files."""
    try:
        written = api.export(db, out_dir, format)
    except DyadsError as error:
        fail(str(error))
    for name, count in written.items():
        out.print(f"{out_dir}/{name}.{format}: {count} rows")


def _open(db: str) -> Store:
    try:
        return Store(db, read_only=True)
    except DyadsError as error:
        fail(str(error))


@app.command()
def events(db: str = DB_OPTION,
           actor: Optional[str] = typer.Option(None, help="Actor or recipient name (any variant)."),
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
           status: Optional[str] = typer.Option(None, help="occurred, future, hypothetical, negated, ..."),
           doc: Optional[str] = typer.Option(None, help="Only this document id."),
           limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """List coded events."""
    with _open(db) as store:
        rows = queries.list_events(store, actor=actor, event=type, status=status, doc=doc, limit=limit)
    print_rows(rows, "events", ["doc_id", "event", "mode", "status", "date", "actors", "recipients", "trigger",
                                "sentence"], wrap=("sentence",))


@app.command()
def actors(db: str = DB_OPTION,
           name: Optional[str] = typer.Option(None, help="Name or variant to look for."),
           country: Optional[str] = typer.Option(None, help="ISO alpha-3 country code."),
           limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """List actors (entities) with their codes and name variants."""
    with _open(db) as store:
        rows = queries.list_actors(store, name=name, country=country, limit=limit)
    print_rows(rows, "actors", ["name", "kind", "code", "mentions", "documents", "variants"], wrap=("variants",))


@app.command()
def quotes(db: str = DB_OPTION,
           actor: Optional[str] = typer.Option(None, help="Speaker name (any variant)."),
           limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """List quotations and reported speech with their speakers."""
    with _open(db) as store:
        rows = queries.list_quotes(store, actor=actor, limit=limit)
    print_rows(rows, "quotes", ["doc_id", "speaker", "code", "kind", "cue", "text"], wrap=("text",))


@app.command()
def stages() -> None:
    """List the registered pipeline stages and what they require and produce."""
    from dyads.pipeline import STAGES
    from dyads.stages import DEFAULT_PIPELINE, load_builtin_stages

    load_builtin_stages()
    rows = [{"stage": s.name, "default": "yes" if s.name in DEFAULT_PIPELINE else "",
             "requires": ", ".join(s.requires), "produces": ", ".join(s.produces)} for s in STAGES.values()]
    print_rows(rows, "stages")


@app.command()
def bench(paths: list[str] = typer.Argument(..., help="Files or directories to process."),
          repeat: int = typer.Option(3, help="Timed repetitions (the best is reported).")) -> None:
    """Measure pipeline speed: documents/s, words/s and peak memory."""
    from dyads.evaluation.speed import bench as run_bench

    result = run_bench(paths, repeat=repeat)
    print_rows([{"docs": result.n_docs, "words": result.n_words, "seconds": round(result.seconds, 3),
                 "docs/s": round(result.docs_per_second, 2), "words/s": round(result.words_per_second),
                 "model load s": round(result.load_seconds, 2), "peak MB": round(result.peak_rss_mb),
                 "events": result.events}], "dyads bench (1 process, best of repeats)")


@eval_app.command("events")
def eval_events(gold: list[str] = typer.Argument(..., help="Gold JSONL files (PLOVER GSR or PETRARCH2 format)."),
                show_failures: int = typer.Option(0, "--failures", help="Print this many misclassified sentences."),
                status_gold: Optional[str] = typer.Option(None, "--status",
                                                          help="Status test set (default data/gold/status.jsonl; "
                                                               "'' to skip).")
                ) -> None:
    """Per-type P/R/F1, actor and recipient country accuracy, calibration, and status accuracy."""
    from dyads.evaluation.events import evaluate_events, expected_calibration_error, reliability

    for path in gold:
        try:
            report = evaluate_events(path)
        except DyadsError as error:
            fail(str(error))
        rows = [{"event": r["label"], "precision": r["precision"], "recall": r["recall"], "f1": r["f1"],
                 "support": r["support"]} for r in report.prf.rows()]
        print_rows(rows, f"{report.name}: {report.n_sentences} sentences")
        micro = report.prf.micro()
        out.print(f"macro-F1 {report.macro_f1:.3f}   micro P/R/F1 {micro[0]:.3f}/{micro[1]:.3f}/{micro[2]:.3f}")
        for label, (right, total) in (("actor country accuracy", report.actor),
                                      ("recipient country accuracy", report.recipient),
                                      ("no-event sentences with no event", report.no_event)):
            if total:
                out.print(f"{label}: {right / total:.3f} ({right}/{total})")
        for failure in report.failures[:show_failures]:
            out.print(f"  {failure['id']}: gold {failure['gold']} got {failure['predicted']}: {failure['text'][:160]}",
                      markup=False)
        if report.confidences:
            print_rows(reliability(report.confidences), f"{report.name}: reliability of confidence "
                                                        f"(event right = its type is in the gold set)")
            out.print(f"expected calibration error {expected_calibration_error(report.confidences):.3f}")
        out.print(f"coded {report.n_sentences} sentences in {report.seconds:.1f} s")
    if status_gold != "":
        _eval_status(status_gold, show_failures)


def _eval_status(path: Optional[str], show_failures: int) -> None:
    from dyads.evaluation.status import DEFAULT_GOLD, evaluate_status

    try:
        report = evaluate_status(path or DEFAULT_GOLD)
    except DyadsError as error:
        fail(str(error))
    rows = [{"status": name, "right": right, "sentences": total, "accuracy": right / total}
            for name, (right, total) in report.per_status.items() if total]
    print_rows(rows, f"{report.name}: status of the gold event ({report.n} sentences)")
    out.print(f"status accuracy {report.accuracy:.3f} ({report.right}/{report.n}); where the event type was "
              f"found {report.accuracy_found:.3f} ({report.right}/{report.found})")
    for failure in report.failures[:show_failures]:
        out.print(f"  {failure['id']}: gold {failure['gold']} got {failure['predicted']}: {failure['text'][:160]}",
                  markup=False)


@app.command()
def stories(db: str = DB_OPTION,
            all_stories: bool = typer.Option(False, "--all", help="Also stories of a single document."),
            limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """List stories: documents that report the same events, with how many sources carried them."""
    from dyads.corpus.listing import list_stories

    with _open(db) as store:
        rows = list_stories(store, min_documents=1 if all_stories else 2, limit=limit)
    print_rows(rows, "stories", ["story_id", "documents", "sources", "first_date", "last_date", "title", "doc_ids"],
               wrap=("title", "doc_ids"))


@app.command()
def merged(db: str = DB_OPTION,
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
           min_documents: int = typer.Option(1, "--min-docs", help="Only events reported by this many documents."),
           limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """List merged events: each real-world event once, with its mentions, documents and sources."""
    from dyads.corpus.listing import list_merged_events, merged_summary

    with _open(db) as store:
        rows = list_merged_events(store, min_documents=min_documents, event=type, limit=limit)
        summary = merged_summary(store)
    print_rows(rows, "merged events", ["event", "status", "date", "actors", "recipients", "mentions", "documents",
                                       "sources", "source_list", "sentence"], wrap=("sentence", "source_list"))
    out.print(f"{summary['mentions']} event mentions -> {summary['merged_events']} merged events "
              f"({summary['multi_document']} reported by more than one document)")


@eval_app.command("dedup")
def eval_dedup(ngec: str = typer.Argument("../shared/eval/ngec_synthetic.dev.jsonl",
                                          help="NGEC synthetic stories (JSONL) to build the test corpus from."),
               seed: int = typer.Option(13, help="Random seed of the test corpus."),
               groups: int = typer.Option(250, help="Stories that get copies."),
               singles: int = typer.Option(250, help="Stories that appear once.")) -> None:
    """Duplicate precision and recall on a corpus of copied (wrapped, truncated, edited) and distinct stories."""
    from dyads.evaluation.dedup import evaluate_dedup

    try:
        report = evaluate_dedup(ngec, n_groups=groups, n_single=singles, seed=seed)
    except DyadsError as error:
        fail(str(error))
    rows = [{"variant": k, "copies found": f"{v[0]}/{v[1]}", "recall": v[0] / v[1] if v[1] else 1.0}
            for k, v in report.by_variant.items()]
    print_rows(rows, f"{report.n_items} documents, {report.n_groups} stories, {report.n_copies} copies")
    out.print(f"duplicate precision {report.precision:.3f} ({report.flagged_right}/{report.flagged})   "
              f"recall {report.recall:.3f} ({report.copies_found}/{report.n_copies})")
    out.print(f"pairwise precision {report.pair_precision:.3f}   recall {report.pair_recall:.3f}")
    junk = report.junk
    out.print(f"junk removal on the same corpus: added furniture removed {junk.junk_recall:.3f}, "
              f"story text removed {junk.real_lost:.4f} ({junk.real_removed}/{junk.real} characters)")


@eval_app.command("junk")
def eval_junk(gold: Optional[str] = typer.Argument(None, help="Span gold (default data/gold/junk_seeds.jsonl)."),
              texts: Optional[str] = typer.Option(None, help="Folder of the gold's files (default examples/seeds).")
              ) -> None:
    """Junk removal in characters: junk removed and article text lost, per file and per kind."""
    from dyads.evaluation.junk import DEFAULT_GOLD, DEFAULT_TEXTS, evaluate_junk

    try:
        report = evaluate_junk(gold or DEFAULT_GOLD, texts or DEFAULT_TEXTS)
    except DyadsError as error:
        fail(str(error))
    rows = [{"file": name, "junk chars": c.junk, "junk removed": c.junk_recall, "article chars": c.real,
             "article removed": c.real_lost} for name, c in report.per_file.items()]
    print_rows(rows, "junk removal (characters, whitespace not counted)")
    for kind, (removed, total) in report.per_kind_recall.items():
        out.print(f"  {kind}: {removed}/{total} characters removed")
    total = report.total
    out.print(f"junk removed {total.junk_recall:.3f}   article text removed {total.real_lost:.4f}   "
              f"precision of removal {total.precision:.3f}")


@app.command()
def claims(db: str = DB_OPTION,
           counts: Optional[str] = typer.Option(None, help="Only this kind of count: troops, killed, dollars ..."),
           limit: int = typer.Option(50, help="At most this many rows.")) -> None:
    """Quantities that documents report differently (2,500 vs 2,700 US troops)."""
    with _open(db) as store:
        rows = queries.list_claims(store, counts=counts, limit=limit)
    print_rows(rows, "disputed quantities", ["counts", "subject", "value", "text", "doc_id", "published", "sentence"],
               wrap=("sentence",))


@eval_app.command("quotes")
def eval_quotes(gold: Optional[str] = typer.Argument(None, help="Gold JSONL (default data/gold/quotes.jsonl)."),
                show_failures: int = typer.Option(0, "--failures", help="Print this many misses.")) -> None:
    """Quote detection precision/recall/F1, and speaker, kind and cue accuracy."""
    from dyads.evaluation.quotes import DEFAULT_GOLD, evaluate_quotes

    try:
        report = evaluate_quotes(gold or DEFAULT_GOLD)
    except DyadsError as error:
        fail(str(error))
    out.print(f"{report.name}: {report.n_gold} gold quotes, {report.n_predicted} predicted")
    out.print(f"quotes P/R/F1 {report.precision:.3f}/{report.recall:.3f}/{report.f1:.3f}   "
              f"right speaker {report.speaker_accuracy:.3f} ({report.speaker_right}/{report.n_gold})")
    if report.matched:
        out.print(f"of the {report.matched} found: speaker {report.speaker_right / report.matched:.3f}, "
                  f"kind {report.kind_right / report.matched:.3f}, cue {report.cue_right / report.matched:.3f}")
    for failure in report.failures[:show_failures]:
        out.print(f"  {failure['id']}: {failure['problem']} | {failure['gold']}", markup=False)


@eval_app.command("actors")
def eval_actors(ngec: str = typer.Argument("../shared/eval/ngec_actor_cases.dev.jsonl",
                                           help="NGEC actor cases (actor text -> country and sector)."),
                names: Optional[str] = typer.Option(None, help="Name-pair gold (default data/gold/actors_names.jsonl)."),
                pronouns: Optional[str] = typer.Option(None, help="Pronoun gold (default data/gold/actors_pronouns.jsonl)."),
                show_failures: int = typer.Option(100, "--failures", help="Print this many failed cases.")) -> None:
    """Actor coding accuracy on NGEC cases; name variants and false merges; pronoun resolution."""
    from dyads.evaluation.actors import (DEFAULT_NAMES, DEFAULT_PRONOUNS, SEEDS_PRONOUNS, evaluate_names,
                                         evaluate_ngec, evaluate_pronouns)

    try:
        report = evaluate_ngec(ngec)
    except DyadsError as error:
        fail(str(error))
    rows = []
    for task in sorted({r.task for r in report.results}):
        right, total = report.accuracy(task)
        rows.append({"task": task, "right": right, "cases": total, "accuracy": right / total if total else 0.0})
    print_rows(rows, f"{report.name}: actor text -> country and sector")
    right, total = report.accuracy()
    out.print(f"country-and-sector accuracy {right / total:.3f} ({right}/{total}); "
              f"without the cases NGEC marks xfail/skip {_ratio(*report.accuracy(unmarked=True))}; "
              f"secondary sector (code_2) {_ratio(sum(report.code2), len(report.code2))}")
    out.print("not scored (other tasks): " + ", ".join(f"{k} {v}" for k, v in sorted(report.skipped.items())
                                                      ))
    for failure in report.failures[:show_failures]:
        expected = {k: v for k, v in failure.expected.items() if k in ("country", "code_1")}
        out.print(f"  FAIL {failure.task}: {failure.text[:70]!r} expected {expected or 'nothing'} got "
                  f"{failure.predicted['country'] or '-'}/{failure.predicted['code_1'] or '-'}"
                  f"{' (NGEC marks it xfail/skip)' if failure.marked else ''}", markup=False)
    pronoun_sets = [pronouns] if pronouns else [DEFAULT_PRONOUNS, SEEDS_PRONOUNS]
    for path, evaluate, label in ((names or DEFAULT_NAMES, evaluate_names, "names"),
                                  *((p, evaluate_pronouns, "pronouns") for p in pronoun_sets)):
        try:
            result = evaluate(path)
        except DyadsError as error:
            err.print(f"dyads: {label}: {error}", markup=False)
            continue
        if label == "names":
            out.print(f"name pairs ({path}): accuracy {result.accuracy:.3f} ({result.right}/{result.n}); "
                      f"same-person pairs merged {result.recall:.3f}; merges right {result.precision:.3f}")
            for case in result.failures[:show_failures]:
                out.print(f"  FAIL {case['id']}: {case['a']!r} / {case['b']!r} same={case['same']}", markup=False)
        else:
            out.print(f"pronouns and descriptors ({path}): precision {result.precision:.3f} "
                      f"({result.right}/{result.n_resolved}), recall {result.recall:.3f} ({result.right}/{result.n_gold})")
            for case in result.failures[:show_failures]:
                out.print(f"  FAIL {case['id']} {case['text']!r}@{case['start']}: gold {case['gold']} got {case['got']}",
                          markup=False)


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "n/a"


@eval_app.command("dates")
def eval_dates(gold: Optional[str] = typer.Argument(None, help="Gold JSONL (default data/gold/dates.jsonl)."),
               show_failures: int = typer.Option(0, "--failures", help="Print this many misses.")) -> None:
    """Temporal expressions found and normalized (TIMEX3 value), and publication dates."""
    from dyads.evaluation.dates import DEFAULT_GOLD, evaluate_dates

    try:
        report = evaluate_dates(gold or DEFAULT_GOLD)
    except DyadsError as error:
        fail(str(error))
    out.print(f"{report.name}: {report.n_gold} gold expressions, {report.n_predicted} predicted")
    out.print(f"found {report.detection_recall:.3f} (precision {report.detection_precision:.3f})   "
              f"right value {report.value_accuracy:.3f} ({report.value_right}/{report.n_gold})   "
              f"publication dates {report.published_accuracy:.3f} ({report.published_right}/{report.n_published})")
    for failure in report.failures[:show_failures]:
        out.print(f"  {failure['id']}: {failure['problem']} | {failure['gold']}", markup=False)


@app.command()
def relations(db: str = DB_OPTION,
              actor: Optional[str] = typer.Option(None, help="Actor side: a name (any variant) or a code."),
              recipient: Optional[str] = typer.Option(None, help="Recipient side: a name or a code."),
              by: str = typer.Option("code", help="Pair actors by their code (IRQGOV) or by entity."),
              interval: str = typer.Option("month", help="day, month or year."),
              status: str = typer.Option("occurred", help="Only events of this status."),
              limit: int = typer.Option(200, help="At most this many rows.")) -> None:
    """Relations over time: events per actor-recipient pair and period, each real-world event once."""
    with _open(db) as store:
        try:
            rows = queries.dyad_series(store, actor=actor, recipient=recipient, by=by, interval=interval,
                                       status=status, limit=limit)
        except ValueError as error:
            fail(str(DyadsError("E402", reason=str(error))))
    print_rows(rows, "relations", ["period", "actor", "recipient", "events", "cooperation", "conflict", "score",
                                   "types"])


@app.command()
def serve(db: str = DB_OPTION,
          host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
          port: int = typer.Option(8000, help="Port to listen on.")) -> None:
    """Serve the REST API (/api/...) and the web page that explores the store."""
    from dyads.server.app import serve as run_server

    out.print(f"dyads: serving {db} on http://{host}:{port}/ (API under /api, docs at /docs); Ctrl-C stops")
    run_server(db, host=host, port=port)


@train_app.command("events")
def train_events(written: list[str] = typer.Option(["data/training"], "--written",
                                                   help="Written training sentences (JSONL files or folders)."),
                 ngec: str = typer.Option("../shared/eval/ngec_synthetic.dev.jsonl", "--ngec",
                                          help="NGEC synthetic stories (JSONL); '' to leave them out."),
                 out_dir: Optional[str] = typer.Option(None, "--out",
                                                       help="Write the model here (default: into the package)."),
                 limit: Optional[int] = typer.Option(None, "--limit", help="Train on a sample of this many texts."),
                 cache: Optional[str] = typer.Option(None, "--cache",
                                                     help="Folder to keep sentence embeddings in between runs."),
                 evaluate: list[str] = typer.Option([], "--eval",
                                                    help="Gold files to score the new model on; the scores go "
                                                         "into its model card.")
                 ) -> None:
    """Train the event coder (type head, candidate ranker, calibration, context and mode heads)."""
    from dyads.events.train import evaluate_into_card, train

    try:
        report = train(written, ngec or None, out_dir, limit, cache, log=lambda m: err.print(m, markup=False))
    except (DyadsError, ValueError) as error:
        fail(str(error))
    cv = report.cv
    out.print(f"trained on {report.n_examples} texts ({report.n_written} written, {report.n_ngec} NGEC), "
              f"{report.n_candidates} candidates, in {report.seconds:.0f} s -> {report.out_dir}")
    out.print(f"cross-validated: type head accuracy {cv['type_head_accuracy']:.3f}; written sentences "
              f"P/R/F1 {cv['written']['precision']:.3f}/{cv['written']['recall']:.3f}/{cv['written']['f1']:.3f} "
              f"at threshold {cv['threshold']:.2f}")
    if evaluate:
        try:
            scores = evaluate_into_card(report.out_dir, evaluate)
        except DyadsError as error:
            fail(str(error))
        for name, value in scores.items():
            out.print(f"{name}: {value}")


@app.command()
def version() -> None:
    """Print the dyads version."""
    out.print(__version__)


def main() -> None:
    try:
        app()
    except DyadsError as error:
        err.print(f"dyads: error {error}", markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
