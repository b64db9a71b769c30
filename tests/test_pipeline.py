"""The stage chain is checked before a run, and one failing document never sinks a batch."""

from __future__ import annotations

import pytest

from dyads.errors import DyadsError
from dyads.pipeline import STAGES, Resources, check_chain, per_document, run_stages, to_result
from dyads.records import SourceRecord
from dyads.ingest import make_document
from dyads.stages import DEFAULT_PIPELINE, load_builtin_stages


def test_default_pipeline_chain_is_complete():
    load_builtin_stages()
    assert [s.name for s in check_chain(DEFAULT_PIPELINE)] == list(DEFAULT_PIPELINE)


def test_a_stage_whose_input_nobody_produces_is_refused():
    load_builtin_stages()
    with pytest.raises(DyadsError, match=r"\[E301\] stage 'dyads.events.rules.v1' requires spacy_doc, mentions, "
                                         r"entities but no earlier stage produces it"):
        check_chain(["dyads.clean.boilerplate.v1", "dyads.events.rules.v1"])


def test_an_unknown_stage_lists_the_known_ones():
    load_builtin_stages()
    with pytest.raises(DyadsError, match=r"\[E302\] unknown stage 'nope.v1'; registered stages: .*dyads.annotate"):
        check_chain(["nope.v1"])


def test_a_document_that_breaks_a_stage_is_recorded_and_the_others_go_on():
    @per_document("tests.fragile.v1", requires=("doc",), produces=("length",))
    def fragile(ctx, resources):
        if "boom" in ctx.doc.text:
            raise ValueError("cannot handle boom")
        return {"length": len(ctx.doc.text)}

    try:
        docs = [make_document(SourceRecord(source=f"{i}.txt", text=t)) for i, t in enumerate(["ok", "boom", "fine"])]
        contexts = run_stages(docs, check_chain(["tests.fragile.v1"]), Resources())
        assert [c.get("length") for c in contexts] == [2, None, 4]
        [error] = to_result(contexts[1]).errors
        assert error.code == "E306" and "1.txt" in error.message and "ValueError: cannot handle boom" in error.message
    finally:
        STAGES.pop("tests.fragile.v1")
