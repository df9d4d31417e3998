"""Scoring marsad's event extraction against hand-coded gold files (EVENTS.md "Scoring")."""

from marsad.eval.gold import GoldDocument, load_gold
from marsad.eval.match import match_events, max_matching, place_key, places_agree
from marsad.eval.report import evidence_excerpt, report_to_dict
from marsad.eval.runner import evaluate, extract_gold, select_documents
from marsad.eval.score import (
    Accuracy,
    Counts,
    DocumentResult,
    KindScore,
    PairResult,
    Report,
    dates_agree,
    percentile,
    score,
    source_key,
    sources_agree,
)

__all__ = [
    "Accuracy",
    "Counts",
    "DocumentResult",
    "GoldDocument",
    "KindScore",
    "PairResult",
    "Report",
    "dates_agree",
    "evaluate",
    "evidence_excerpt",
    "extract_gold",
    "load_gold",
    "match_events",
    "max_matching",
    "percentile",
    "place_key",
    "places_agree",
    "report_to_dict",
    "score",
    "select_documents",
    "source_key",
    "sources_agree",
]
