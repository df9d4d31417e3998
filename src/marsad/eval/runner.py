"""Run the extractor over gold articles and score what it finds."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from marsad import pipeline
from marsad.errors import EvalError
from marsad.eval.gold import GoldDocument, load_gold
from marsad.eval.score import Report, score
from marsad.model import Event

__all__ = ["evaluate", "extract_gold", "select_documents"]

logger = logging.getLogger(__name__)


def select_documents(docs: Sequence[GoldDocument], doc_ids: Iterable[str]) -> list[GoldDocument]:
    """Keep the gold articles whose doc_id is in `doc_ids` (EvalError for an unknown id)."""
    wanted = list(dict.fromkeys(doc_ids))
    if not wanted:
        return list(docs)
    known = {doc.doc_id for doc in docs}
    missing = [d for d in wanted if d not in known]
    if missing:
        raise EvalError(f"no gold article with doc_id {', '.join(missing)}")
    keep = set(wanted)
    return [doc for doc in docs if doc.doc_id in keep]


def extract_gold(
    docs: Sequence[GoldDocument],
    resources: pipeline.Resources | None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, list[Event]], list[tuple[str, str]]]:
    """Run `pipeline.extract` on each gold article; return events by doc_id and failures.

    `progress(done, total)` is called after each article.
    """
    predicted: dict[str, list[Event]] = {}
    failures: list[tuple[str, str]] = []
    for done, doc in enumerate(docs, start=1):
        try:
            predicted[doc.doc_id] = list(pipeline.extract(doc.to_document(), resources))
        # A batch run records the failed article and carries on (HOUSE_STYLE.md §4): one
        # extractor bug must not hide the score of every other article.
        except Exception as exc:
            logger.debug("extraction failed on %s", doc.doc_id, exc_info=True)
            failures.append((doc.doc_id, f"{type(exc).__name__}: {exc}"))
            predicted[doc.doc_id] = []
        if progress is not None:
            progress(done, len(docs))
    return predicted, failures


def evaluate(
    paths: Iterable[Path | str],
    resources: pipeline.Resources | None = None,
    doc_ids: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Extract events from every gold article in `paths` (or only `doc_ids`) and score them."""
    docs = select_documents(load_gold(paths), doc_ids)
    predicted, failures = extract_gold(docs, resources, progress)
    return score(docs, predicted, failures)
