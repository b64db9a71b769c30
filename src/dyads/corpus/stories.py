"""Stories: documents that report the same events, in the same or in different words.

For each new document (not a duplicate):
1. candidates: stored documents whose lead vector is close (one SQL query) and whose
   publication dates lie within WINDOW_DAYS (a document without a date is compared with all);
2. verification: how many sentences the two documents share in meaning (mutual best matches
   of sentence embeddings), plus the names both mention; a translation of a dispatch shares
   many sentences, two articles on one topic share few;
3. the document joins the story of the documents it matches (stories it bridges are merged),
   or starts a story of its own. Duplicates join the story of their original.
Only the stories touched by new documents are rewritten.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from dyads.corpus import corpus_stage, registered
from dyads.corpus.vectors import (
    COMPONENT,
    NAME_KINDS,
    VERSION,
    aligned_sentences,
    document_sentences,
    embed_documents,
    name_key,
    pack,
    unpack,
)
from dyads.errors import DyadsError
from dyads.records import stable_id

WINDOW_DAYS = 4
UNDATED_POOL = 20_000  # an undated document is compared with this many recent documents
LEAD_MIN = 0.45  # cosine of lead vectors for a candidate
MAX_CANDIDATES = 25
ALIGN_MIN = 0.65  # cosine for two sentences to say the same thing
MIN_ALIGNED = 3
MIN_ALIGNED_SHARE = 0.3  # of the shorter document's sentences


@corpus_stage("dyads.corpus.stories.v1", order=20)
def assign_stories(store, doc_ids: list[str], resources) -> None:
    """Give every new document a story; write the stories they touch."""
    new = _originals(store, doc_ids)
    _store_vectors(store, new, resources)
    touched: set[str] = set()
    for doc_id in new:
        touched |= _link(store, doc_id)
    touched |= _follow_originals(store, doc_ids)
    write_stories(store, touched)


def _originals(store, doc_ids: list[str]) -> list[str]:
    rows = store.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT UNNEST(?)) "
                             "AND duplicate_of IS NULL ORDER BY ingested_at, doc_id", [doc_ids]).fetchall()
    return [r[0] for r in rows]


def _store_vectors(store, doc_ids: list[str], resources) -> None:
    todo = [r[0] for r in store.con.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT UNNEST(?)) AND doc_id NOT IN "
        "(SELECT doc_id FROM doc_vectors)", [doc_ids]).fetchall()]
    if not todo:
        return
    try:
        embedder = resources.get("embedder")
    except DyadsError:
        embedder = None  # no embedding model installed: every document is a story of its own
    texts = dict(store.con.execute("SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT UNNEST(?))",
                                   [todo]).fetchall())
    spans: dict[str, list[tuple[int, int]]] = {d: [] for d in todo}
    for doc_id, start, end in store.con.execute(
            'SELECT doc_id, start, "end" FROM sentences WHERE doc_id IN (SELECT UNNEST(?)) ORDER BY doc_id, "index"',
            [todo]).fetchall():
        spans[doc_id].append((start, end))
    sentences = {d: document_sentences(texts[d], spans[d]) for d in todo}
    vectors = embed_documents(embedder, sentences) if embedder is not None else {}
    names = _names(store, todo)
    rows = [{"doc_id": d, "lead": vectors[d][0].tolist() if d in vectors else None,
             "sentences": pack(vectors[d][1]) if d in vectors else None,
             "n_sentences": len(sentences[d]), "names": sorted(names.get(d, ())), "component": COMPONENT,
             "version": VERSION} for d in todo]
    store._insert("doc_vectors", rows)


def _names(store, doc_ids: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for doc_id, text in store.con.execute(
            "SELECT doc_id, text FROM mentions WHERE doc_id IN (SELECT UNNEST(?)) AND kind IN (SELECT UNNEST(?))",
            [doc_ids, list(NAME_KINDS)]).fetchall():
        key = name_key(text)
        if key:
            out.setdefault(doc_id, set()).add(key)
    return out


def _candidates(store, doc_id: str) -> list[str]:
    """Documents already in a story, close in time and in lead vector. Where a date is missing, the
    comparison is with the UNDATED_POOL documents stored last, so that it stays bounded."""
    rows = store.con.execute(f"""
        WITH probe AS (
            SELECT v.lead, try_cast(d.published AS DATE) AS day
            FROM doc_vectors v JOIN documents d USING (doc_id) WHERE v.doc_id = ? AND v.lead IS NOT NULL),
        recent AS (
            SELECT doc_id FROM documents WHERE story_id IS NOT NULL AND duplicate_of IS NULL
            ORDER BY ingested_at DESC LIMIT {UNDATED_POOL})
        SELECT c.doc_id, list_cosine_similarity(p.lead, c.lead) AS sim
        FROM probe p, doc_vectors c JOIN documents d USING (doc_id)
        WHERE c.doc_id <> ? AND c.lead IS NOT NULL AND d.duplicate_of IS NULL AND d.story_id IS NOT NULL
          AND (abs(date_diff('day', p.day, try_cast(d.published AS DATE))) <= {WINDOW_DAYS}
               OR ((p.day IS NULL OR try_cast(d.published AS DATE) IS NULL) AND c.doc_id IN (FROM recent)))
          AND list_cosine_similarity(p.lead, c.lead) >= {LEAD_MIN}
        ORDER BY sim DESC LIMIT {MAX_CANDIDATES}""", [doc_id, doc_id]).fetchall()
    return [r[0] for r in rows]


def same_story(a: np.ndarray, b: np.ndarray, names_a: set[str], names_b: set[str]) -> bool:
    """Whether two documents report the same events: many sentences alike, and the same actors.

    The names are a gate, not evidence: one topic's articles share their names, but two stories
    told alike about different actors ("teachers strike in Haiti", "... in Tuvalu") share none.
    """
    shorter = min(len(a), len(b))
    if not shorter or (names_a and names_b and not names_a & names_b):
        return False
    aligned = aligned_sentences(a, b, ALIGN_MIN)
    return aligned >= min(MIN_ALIGNED, shorter) and aligned / shorter >= MIN_ALIGNED_SHARE


def _link(store, doc_id: str) -> set[str]:
    """Put one document into a story; return the story ids whose rows must be rewritten."""
    candidates = _candidates(store, doc_id)
    vectors = {r[0]: (unpack(r[1]), set(r[2] or ())) for r in store.con.execute(
        "SELECT doc_id, sentences, names FROM doc_vectors WHERE doc_id IN (SELECT UNNEST(?))",
        [[doc_id, *candidates]]).fetchall()}
    own, own_names = vectors.get(doc_id, (np.zeros((0, 1)), set()))
    matched = [c for c in candidates if c in vectors and same_story(own, vectors[c][0], own_names, vectors[c][1])]
    stories = sorted({r[0] for r in store.con.execute(
        "SELECT story_id FROM documents WHERE doc_id IN (SELECT UNNEST(?))", [matched]).fetchall()})
    keep = _largest(store, stories) if stories else stable_id("s", doc_id)
    store.con.execute("UPDATE documents SET story_id = ? WHERE doc_id = ? OR story_id IN (SELECT UNNEST(?))",
                      [keep, doc_id, stories])
    return {keep, *stories}


def _largest(store, stories: list[str]) -> str:
    rows = store.con.execute("SELECT story_id, count(*) AS n FROM documents WHERE story_id IN (SELECT UNNEST(?)) "
                             "GROUP BY story_id ORDER BY n DESC, story_id", [stories]).fetchall()
    return rows[0][0]


def _follow_originals(store, doc_ids: list[str]) -> set[str]:
    """New duplicates take their original's story."""
    store.con.execute("""
        UPDATE documents SET story_id = o.story_id FROM documents o
        WHERE documents.duplicate_of = o.doc_id AND documents.doc_id IN (SELECT UNNEST(?))""", [doc_ids])
    rows = store.con.execute("SELECT DISTINCT story_id FROM documents WHERE doc_id IN (SELECT UNNEST(?)) "
                             "AND duplicate_of IS NOT NULL AND story_id IS NOT NULL", [doc_ids]).fetchall()
    return {r[0] for r in rows}


def write_stories(store, story_ids: set[str]) -> None:
    """Rewrite the rows of these stories from their documents (a merged-away story disappears)."""
    ids = sorted(story_ids)
    if not ids:
        return
    with registered(store.con, "_story_ids", pa.table({"story_id": ids})):
        store.con.execute("DELETE FROM stories WHERE story_id IN (SELECT story_id FROM _story_ids)")
        store.con.execute("""
            INSERT INTO stories BY NAME
            WITH docs AS (
                SELECT d.doc_id, d.story_id, d.published, d.ingested_at,
                       coalesce(d.title, trim(split_part(ltrim(d.text), chr(10), 1))) AS title,
                       -- the title: a real one first, then a first line short enough to be a headline
                       {'untitled': d.title IS NULL, 'long': len(coalesce(d.title, trim(split_part(ltrim(d.text),
                        chr(10), 1)))) > 150, 'day': coalesce(d.published, '9999'), 'at': d.ingested_at,
                        'doc': d.doc_id} AS title_rank
                FROM documents d WHERE d.story_id IN (SELECT story_id FROM _story_ids)),
            srcs AS (
                SELECT docs.story_id, list(DISTINCT coalesce(s.outlet, s.source) ORDER BY coalesce(s.outlet, s.source))
                       AS sources
                FROM docs JOIN document_sources s USING (doc_id) GROUP BY docs.story_id)
            SELECT docs.story_id, list(doc_id ORDER BY ingested_at, doc_id) AS doc_ids,
                   arg_min(left(title, 200), title_rank) AS title,
                   min(published) AS first_date, max(published) AS last_date,
                   count(*) AS n_documents, len(any_value(srcs.sources)) AS n_sources,
                   any_value(srcs.sources) AS sources
            FROM docs LEFT JOIN srcs USING (story_id) GROUP BY docs.story_id""")
