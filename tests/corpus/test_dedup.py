"""Duplicates: fingerprints, the batch deduplicator against a store, and the NGEC evaluation."""

from __future__ import annotations

from dyads.clean.boilerplate import find_removed
from dyads.corpus.dedup import BatchDeduplicator, clean_only, is_near_duplicate
from dyads.corpus.fingerprint import fingerprint
from dyads.ingest import make_document
from dyads.records import DocResult, SourceRecord
from dyads.stages import DEFAULT_PIPELINE, load_builtin_stages
from dyads.store import Store
from tests.conftest import SEEDS, shared_file

WRAPPER_TOP = "By Jane Doe\n4 min read\n\n"
WRAPPER_BOTTOM = ("\n\nShare | Print\nLeave a Reply\n"
                  "You are commenting using your Twitter account. Log Out /  Change )\n")


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def fp(text: str, name: str = "x"):
    return fingerprint(name, text, find_removed(text))


def doc(text: str, source: str = "s"):
    return make_document(SourceRecord(source=source, text=text))


def test_same_article_in_other_page_furniture_has_the_same_cleaned_text():
    text = seed("001")
    assert fp(text).clean_hash == fp(WRAPPER_TOP + text + WRAPPER_BOTTOM).clean_hash
    assert make_document(SourceRecord("a", text)).doc_id != make_document(SourceRecord("b", WRAPPER_TOP + text)).doc_id


def test_truncated_and_lightly_edited_copies_are_near_duplicates():
    text = seed("001")
    words = text.split(" ")
    truncated = " ".join(words[: int(len(words) * 0.7)])
    edited = text.replace("Al-Kazemi", "Kadhimi").replace("more than 500", "over 500").replace("Brittle", "Fragile")
    assert is_near_duplicate(fp(text), fp(truncated))[0]
    assert is_near_duplicate(fp(text), fp(edited))[0]


def test_a_translation_of_the_same_dispatch_and_articles_on_one_topic_are_not_duplicates():
    prints = {p: fp(seed(p), p) for p in ("000", "001", "002", "003", "004")}
    for a in prints:
        for b in prints:
            if a < b:
                assert not is_near_duplicate(prints[a], prints[b])[0], (a, b)


def test_deduplicator_finds_copies_in_the_store_and_within_a_batch():
    store = Store(":memory:")
    original = doc(seed("001"), "first.txt")
    first = BatchDeduplicator(store)
    first.mark([original])
    assert original.duplicate_of is None
    store.write_batch([DocResult(document=original)], run_id="r1")
    first.save([original.doc_id])

    wrapped = doc(WRAPPER_TOP + seed("001") + WRAPPER_BOTTOM, "second.html")
    other = doc(seed("004"), "third.txt")
    copy_of_other = doc(" ".join(seed("004").split(" ")[:600]), "fourth.txt")
    second = BatchDeduplicator(store)
    second.mark([wrapped, other, copy_of_other])
    assert wrapped.duplicate_of == original.doc_id
    assert other.duplicate_of is None
    assert copy_of_other.duplicate_of == other.doc_id
    store.close()


def test_a_copy_of_a_copy_points_at_the_first_document():
    store = Store(":memory:")
    docs = [doc(seed("002"), "a"), doc(WRAPPER_TOP + seed("002"), "b"), doc(seed("002") + WRAPPER_BOTTOM, "c")]
    for d in docs:
        dedup = BatchDeduplicator(store)
        dedup.mark([d])
        store.write_batch([DocResult(document=d)], run_id="r")
        dedup.save([d.doc_id])
    assert [d.duplicate_of for d in docs] == [None, docs[0].doc_id, docs[0].doc_id]
    assert store.count("doc_lsh_bands") == 3 * 64
    store.close()


def test_duplicates_run_only_the_clean_stage():
    load_builtin_stages()
    store = Store(":memory:")
    calls = []

    def process(part, chain):
        calls.append(([d.doc_id for d in part], tuple(chain)))
        return [DocResult(document=d) for d in part]

    original, copy = doc(seed("003"), "a"), doc(WRAPPER_TOP + seed("003"), "b")
    results = BatchDeduplicator(store).process([original, copy], DEFAULT_PIPELINE, process)
    assert calls == [([original.doc_id], DEFAULT_PIPELINE), ([copy.doc_id], clean_only(DEFAULT_PIPELINE))]
    assert clean_only(DEFAULT_PIPELINE) == (DEFAULT_PIPELINE[0],)
    assert {r.document.doc_id: r.document.duplicate_of for r in results} == {original.doc_id: None,
                                                                             copy.doc_id: original.doc_id}
    store.close()


def test_a_copy_whose_original_failed_is_processed_as_an_original():
    load_builtin_stages()
    store = Store(":memory:")
    original, copy = doc(seed("003"), "a"), doc(WRAPPER_TOP + seed("003"), "b")

    def process(part, chain):
        results = [DocResult(document=d) for d in part]
        for result in results:
            if result.document.doc_id == original.doc_id:
                result.errors.append(object())
        return results

    BatchDeduplicator(store).process([original, copy], DEFAULT_PIPELINE, process)
    assert copy.duplicate_of is None
    store.close()


def test_eval_dedup_precision_and_recall_on_ngec():
    from dyads.evaluation.dedup import evaluate_dedup

    report = evaluate_dedup(shared_file("eval", "ngec_synthetic.dev.jsonl"), n_groups=120, n_single=120, seed=5)
    assert report.n_copies > 100
    assert report.precision >= 0.95 and report.recall >= 0.95
    assert report.junk.real_lost < 0.02 and report.junk.junk_recall > 0.9
