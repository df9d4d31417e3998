"""Read and extract many articles, carrying on past the bad ones.

A batch records `(where, stage, error)` for every article it could not read or extract
(HOUSE_STYLE.md §4) and goes on with the next.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from marsad import pipeline
from marsad.io.readers import DEFAULT_MAX_BYTES, read_documents
from marsad.io.records import ReadFailure
from marsad.model import Document, Event

__all__ = ["Extracted", "Failure", "check_events", "extract_documents"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """An article (or input) the batch skipped: where, at which stage, and why."""

    where: str
    stage: str
    error: str

    def __str__(self) -> str:
        if self.stage == "read":
            return f"{self.where}: {self.error}"
        return f"{self.where}: {self.stage} failed: {self.error}"


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document and the events extraction found in it."""

    document: Document
    events: list[Event]


def check_events(document: Document, events: object) -> list[Event]:
    """The events as a list, after checking each is an `Event` whose evidence is in the text."""
    if not isinstance(events, (list, tuple)):
        raise TypeError(f"extract() returned {type(events).__name__}, not a list of events")
    size = len(document.text)
    for event in events:
        if not isinstance(event, Event):
            raise TypeError(f"extract() returned a {type(event).__name__}, not an Event")
        if event.evidence.end > size:
            raise ValueError(
                f"evidence [{event.evidence.start}, {event.evidence.end}) of a "
                f"{event.kind} event is outside the text ({size} characters)"
            )
    return list(events)


def extract_documents(
    paths: Iterable[str | os.PathLike[str]],
    resources: pipeline.Resources | None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    skip: Callable[[Document], bool] | None = None,
) -> Iterator[Extracted | Failure | Document]:
    """Read every article under `paths` and extract its events.

    Yields `Extracted` per article, `Failure` per input that could not be read or article
    whose extraction failed, and the bare `Document` for articles `skip` says need no
    extraction (e.g. already stored). Without `resources`, the shipped ones are loaded
    once, when the first article needs them.
    """
    for item in read_documents(paths, max_bytes=max_bytes, stdin=stdin):
        if isinstance(item, ReadFailure):
            yield Failure(item.where, "read", item.error)
            continue
        if skip is not None and skip(item):
            yield item
            continue
        if resources is None:
            resources = pipeline.load_resources()
        try:
            events = check_events(item, pipeline.extract(item, resources))
        except Exception as exc:  # one article's extraction bug must not stop the batch
            log.debug("extraction failed for %s", item.doc_id, exc_info=True)
            yield Failure(item.doc_id, "extract", f"{type(exc).__name__}: {exc}")
            continue
        yield Extracted(item, events)
