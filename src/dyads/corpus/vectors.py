"""Per-document story vectors, computed once when a document arrives and kept in the store.

- `lead`: the normalized mean embedding of the first LEAD_SENTENCES sentences: one SQL
  similarity per pair finds a document's candidate stories among many.
- `sentences`: embeddings of up to MAX_SENTENCES sentences (float16 bytes), read only for
  candidates, to see how many sentences two documents share in meaning.
- `names`: surname-like keys of the people and organisations named, spelling-tolerant.
Only article text is embedded: sentences come from the NLP text, where junk is blanked.
"""

from __future__ import annotations

import re

import numpy as np
from unidecode import unidecode

from dyads.embed import DIMENSION

COMPONENT = "dyads.corpus.vectors"
VERSION = "1"
LEAD_SENTENCES = 5
MAX_SENTENCES = 24
MIN_WORDS = 5  # shorter "sentences" are headings and datelines
NAME_KINDS = ("PERSON", "ORG", "GPE", "NORP")
_PARTICLES = re.compile(r"^(al|el|ad|as|ash|bin|ibn|abu|de|van|von)[-\s]+", re.I)
_LETTERS = re.compile(r"[^a-z]")


def document_sentences(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text of the document's sentences long enough to carry meaning, in order."""
    out = []
    for start, end in spans:
        sentence = " ".join(text[start:end].split())
        if len(sentence.split()) >= MIN_WORDS:
            out.append(sentence)
        if len(out) >= MAX_SENTENCES:
            break
    return out


def name_key(name: str) -> str | None:
    """A spelling-tolerant key of a name's last word: "Ihssan Al-Shammari" and "Ihsan al-Shammari" agree."""
    words = unidecode(name).replace("’", "'").split()
    if not words:
        return None
    last = _PARTICLES.sub("", words[-1].split("'")[0])
    letters = _LETTERS.sub("", last.lower())
    if len(letters) < 3:
        return None
    # transliterations differ in vowels, doubled letters and dh/z (Kadhimi, Kazemi): keep a consonant skeleton
    letters = letters.replace("dh", "z")
    skeleton = letters[0] + re.sub(r"[aeiouy]", "", letters[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


def embed_documents(embedder, sentences_of: dict[str, list[str]]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """doc_id -> (lead vector, sentence vectors), embedding all documents' sentences in one batch."""
    flat = [s for doc_id in sentences_of for s in sentences_of[doc_id]]
    vectors = embedder.encode(flat) if flat else np.zeros((0, DIMENSION), dtype=np.float32)
    out, at = {}, 0
    for doc_id, sentences in sentences_of.items():
        block = vectors[at:at + len(sentences)]
        at += len(sentences)
        lead = block[:LEAD_SENTENCES].mean(axis=0) if len(block) else np.zeros(DIMENSION, dtype=np.float32)
        norm = float(np.linalg.norm(lead))
        out[doc_id] = (lead / norm if norm else lead, block)
    return out


def pack(vectors: np.ndarray) -> bytes:
    return vectors.astype(np.float16).tobytes()


def unpack(blob: bytes | None) -> np.ndarray:
    if not blob:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.frombuffer(blob, dtype=np.float16).reshape(-1, DIMENSION).astype(np.float32)


def aligned_sentences(a: np.ndarray, b: np.ndarray, threshold: float) -> int:
    """Sentences of `a` and `b` that are each other's best match, with cosine >= threshold."""
    if not len(a) or not len(b):
        return 0
    sims = a @ b.T
    best_b = sims.argmax(axis=1)
    best_a = sims.argmax(axis=0)
    return int(sum(1 for i, j in enumerate(best_b) if best_a[j] == i and sims[i, j] >= threshold))
