"""`dyads train events` is reproducible: the same sample gives the same weights, and the model works."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dyads.events.model import CoderModel
from dyads.events.train import FORBIDDEN, load_examples, train
from tests.conftest import REPO, shared_file


@pytest.mark.slow
def test_training_on_a_sample_reproduces_the_weights(tmp_path, resources):
    ngec = str(shared_file("eval", "ngec_synthetic.dev.jsonl"))
    written = [str(REPO / "data" / "training")]
    first = train(written, ngec, str(tmp_path / "a"), limit=120, resources=resources, log=lambda m: None)
    second = train(written, ngec, str(tmp_path / "b"), limit=120, resources=resources, log=lambda m: None)
    assert first.meta["data"]["sha1"] == second.meta["data"]["sha1"]
    a, b = np.load(tmp_path / "a" / "coder.npz"), np.load(tmp_path / "b" / "coder.npz")
    assert sorted(a.files) == sorted(b.files)
    for key in a.files:
        np.testing.assert_allclose(a[key], b[key], atol=1e-5, err_msg=key)
    model = CoderModel.load(tmp_path / "a")
    assert model.meta["data"]["n_examples"] == 120
    assert (tmp_path / "a" / "MODEL_CARD.md").read_text().startswith("# dyads event coder")


def test_training_refuses_the_evaluation_sets(tmp_path):
    for name in FORBIDDEN:
        path = tmp_path / f"{name}.dev.jsonl"
        path.write_text(json.dumps({"id": "x", "text": "Iran attacked Iraq.", "label": "ASSAULT"}) + "\n")
        with pytest.raises(ValueError):
            load_examples([], str(path))


def test_written_examples_are_read_with_their_labels(tmp_path):
    path = tmp_path / "mine.jsonl"
    rows = [{"id": "m1", "text": "Iran accused Iraq of shelling its border posts.", "event": "ACCUSE",
             "trigger": "accused", "context": ["military"]},
            {"id": "m2", "text": "Oil prices rose on Monday.", "event": None}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    examples = load_examples([str(path)], None)
    assert [(e.event, e.trigger, e.contexts) for e in examples] == [("ACCUSE", "accused", ["military"]),
                                                                    (None, None, [])]
