"""Score quote extraction on a gold JSONL: quote spans found, and their speaker, kind and cue.

Each gold line is `{"id", "text", "published"?, "quotes": [{"text", "speaker", "kind", "cue"}]}`,
where a quote's "text" is the exact quoted or reported words in the line's text. A predicted
quote matches a gold one when each covers at least half of the other. A speaker is right
when the gold name and the predicted speaker (its entity's name, else its words) share a
name word, compared without case or accents ("Al-Sahaf" matches "Ahmed Al-Sahaf").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from unidecode import unidecode

from dyads.evaluation.gold import read_jsonl
from dyads.ingest import make_document
from dyads.records import DocResult, Quote, SourceRecord

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "data" / "gold" / "quotes.jsonl"
TITLE_WORDS = frozenset({"al", "el", "bin", "ben", "abu", "abdel", "the", "of", "dr", "mr", "mrs", "ms"})


@dataclass
class QuoteReport:
    name: str
    n_gold: int = 0
    n_predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    cue_right: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.n_predicted if self.n_predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Quotes found with the right speaker, over all gold quotes."""
        return self.speaker_right / self.n_gold if self.n_gold else 0.0


def run_items(items: list[dict]) -> list[DocResult]:
    """The full default pipeline over gold items, in order."""
    from dyads.runner import process_documents

    docs = [make_document(SourceRecord(source=f"gold:{item['id']}", text=item["text"], source_id=str(item["id"]),
                                       published=item.get("published"))) for item in items]
    return process_documents(docs)


def name_words(name: str | None) -> set[str]:
    words = unidecode(name or "").lower().replace("-", " ").replace("'", " ").split()
    return {w.strip(".,") for w in words if w.strip(".,") not in TITLE_WORDS and len(w) > 1}


def speaker_name(quote: Quote, result: DocResult) -> str | None:
    if quote.speaker is None:
        return None
    names = {e.entity_id: e.name for e in result.entities}
    return names.get(quote.speaker.entity_id or "") or quote.speaker.text


def overlaps(start: int, end: int, quote: Quote) -> bool:
    shared = min(end, quote.end) - max(start, quote.start)
    return shared > 0 and shared >= 0.5 * (end - start) and shared >= 0.5 * (quote.end - quote.start)


def score_item(item: dict, result: DocResult, report: QuoteReport) -> None:
    predicted = list(result.quotes)
    report.n_predicted += len(predicted)
    for gold in item.get("quotes", []):
        report.n_gold += 1
        start = item["text"].find(gold["text"])
        end = start + len(gold["text"])
        match = next((q for q in predicted if overlaps(start, end, q)), None)
        if match is None:
            report.failures.append({"id": item["id"], "gold": gold["text"], "problem": "not found"})
            continue
        predicted.remove(match)
        report.matched += 1
        name = speaker_name(match, result)
        said_by = name_words(name) | name_words(match.speaker.text if match.speaker else None)
        if name_words(gold.get("speaker")) & said_by:
            report.speaker_right += 1
        else:
            report.failures.append({"id": item["id"], "gold": gold["text"], "problem": f"speaker {name!r}, "
                                    f"gold {gold.get('speaker')!r}"})
        report.kind_right += gold.get("kind") == match.kind
        report.cue_right += (gold.get("cue") or "").lower() in (match.cue or "").lower()
    for extra in predicted:
        report.failures.append({"id": item["id"], "gold": None, "problem": f"extra quote {extra.text[:80]!r}"})


def evaluate_quotes(path: str | Path = DEFAULT_GOLD) -> QuoteReport:
    items = read_jsonl(path)
    report = QuoteReport(Path(path).name)
    for item, result in zip(items, run_items(items)):
        score_item(item, result, report)
    return report
