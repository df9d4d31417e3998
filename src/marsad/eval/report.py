"""The edges of a Report: its JSON form and the evidence excerpts that `--errors` shows."""

from __future__ import annotations

import re

from marsad.eval.score import Counts, DocumentResult, Report
from marsad.model import Event

__all__ = ["attribute_value", "evidence_excerpt", "report_to_dict"]

#: Evidence longer than this many characters is cut around the place name.
EXCERPT_WIDTH = 220
_SPACES = re.compile(r"\s+")


def _counts(counts: Counts) -> dict[str, object]:
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def report_to_dict(report: Report, errors: bool = False) -> dict[str, object]:
    """The JSON form of a report; with `errors`, every miss, spurious event and disagreement."""
    out: dict[str, object] = {
        "articles": report.articles,
        "strict": _counts(report.strict),
        "loose": _counts(report.loose),
        "kinds": {k.kind: _counts(k.counts) for k in report.kinds},
        "attributes": {
            a.attribute: {"correct": a.correct, "total": a.total, "accuracy": a.value}
            for a in report.attributes
        },
        "distance_km": {
            "pairs": len(report.distances_km),
            "median": report.km_median,
            "p90": report.km_p90,
        },
        "failures": [{"doc_id": d, "error": m} for d, m in report.failures],
    }
    if errors:
        out["errors"] = [_document_errors(doc) for doc in report.documents if doc.has_errors]
    return out


def _document_errors(doc: DocumentResult) -> dict[str, object]:
    def event(e: Event) -> dict[str, object]:
        return {**e.to_dict(), "evidence_text": evidence_excerpt(doc.text, e)}

    return {
        "doc_id": doc.doc_id,
        "missed": [event(e) for e in doc.missed],
        "spurious": [event(e) for e in doc.spurious],
        "disagreements": [
            {
                "kind": p.gold.kind,
                "actor1": p.gold.actor1,
                "place": p.gold.place,
                "predicted_place": p.predicted.place,
                "attributes": {
                    name: {
                        "gold": attribute_value(p.gold, name),
                        "predicted": attribute_value(p.predicted, name),
                    }
                    for name in p.disagreements
                },
            }
            for p in doc.disagreeing
        ],
    }


def attribute_value(event: Event, name: str) -> str:
    """One attribute of an event as printed in the error listing ("-" for null)."""
    if name == "date":
        if event.date is None:
            return "-"
        return f"{event.date.isoformat()}/p{event.time_precision or 1}"
    if name == "assoc1":
        return ",".join(event.assoc1) or "-"
    value = getattr(event, name)
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def evidence_excerpt(text: str, event: Event, width: int = EXCERPT_WIDTH) -> str:
    """The event's evidence sentence on one line, cut around its place when longer than `width`."""
    start = max(0, min(event.evidence.start, len(text)))
    end = max(start, min(event.evidence.end, len(text)))
    sentence = _SPACES.sub(" ", text[start:end]).strip()
    if len(sentence) <= width:
        return sentence
    # Centre the window on the place name when the sentence names it, so a reader sees
    # the words that tie the event to its place; else keep the sentence's beginning.
    at = sentence.find(event.place) if event.place else -1
    if at < 0:
        at = 0
    left = max(0, min(at + len(event.place) // 2 - width // 2, len(sentence) - width))
    right = left + width
    # Cut at word boundaries (a space within a few characters), never inside the place.
    if left > 0:
        space = sentence.find(" ", left, min(at, left + 20))
        left = space + 1 if space >= 0 else left
    if right < len(sentence):
        space = sentence.rfind(" ", max(at + len(event.place), right - 20), right)
        right = space if space >= 0 else right
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(sentence) else ""
    return prefix + sentence[left:right].strip() + suffix
