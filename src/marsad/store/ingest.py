"""Ingest: read articles, extract their events, store both (what `marsad ingest` runs)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from marsad import pipeline
from marsad.io.batch import Extracted, Failure, extract_documents
from marsad.io.readers import DEFAULT_MAX_BYTES
from marsad.model import Document, Event
from marsad.store.sql import DEFAULT_BATCH, Store

__all__ = ["IngestReport", "ingest"]


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The outcome of one ingest: documents read, stored new, skipped, failed (and why)."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    events: int = 0
    merged: int = 0
    failures: tuple[Failure, ...] = field(default_factory=tuple)

    @property
    def failed(self) -> int:
        """How many inputs or articles failed (to read or to extract)."""
        return len(self.failures)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    resources: pipeline.Resources | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH,
    stdin: BinaryIO | None = None,
    on_item: Callable[[Extracted | Failure | Document], None] | None = None,
) -> IngestReport:
    """Read, extract and store every article under `paths`; a bad article never stops it.

    Texts already in the store are counted as duplicates without being extracted again.
    `on_item` is called for every article or failure as it is read (for progress bars).
    """
    read = known = 0
    failures: list[Failure] = []

    def items() -> Iterator[tuple[Document, list[Event]]]:
        nonlocal read, known
        for item in extract_documents(
            paths, resources, max_bytes=max_bytes, stdin=stdin, skip=store.contains_text
        ):
            if on_item is not None:
                on_item(item)
            if isinstance(item, Failure):
                failures.append(item)
                if item.stage != "read":
                    read += 1
            elif isinstance(item, Document):
                read += 1
                known += 1
            else:
                read += 1
                yield item.document, item.events

    result = store.add(items(), batch_size=batch_size)
    return IngestReport(
        read=read,
        new=result.new,
        duplicate=result.duplicate + known,
        events=result.events,
        merged=result.merged,
        failures=tuple(failures),
    )
