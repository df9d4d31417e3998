"""`marsad demo`: ingest the bundled examples into a fresh database and report what was found.

`run_demo` is the one place the demo is assembled, so later stages (the map page) add
their output here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad import pipeline
from marsad.examples import example_paths
from marsad.io.batch import Extracted, Failure
from marsad.model import Document, StoredEvent
from marsad.store import open_store, resolve_url
from marsad.store.dialects import sqlite_path
from marsad.store.ingest import IngestReport, ingest

__all__ = ["DEMO_DB", "DemoDocument", "DemoSummary", "run_demo"]

#: The demo's database, in the current folder.
DEMO_DB = "marsad-demo.db"


@dataclass(frozen=True, slots=True)
class DemoDocument:
    """One example article as the demo reports it."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    events: int


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo did: where it stored, what it read, and the events it found."""

    db: str
    report: IngestReport
    documents: tuple[DemoDocument, ...]
    events: tuple[StoredEvent, ...]
    #: the map page written next to the database (issue 5)
    map: Path | None = None


def run_demo(
    db: str | os.PathLike[str] | None = None,
    *,
    lexicons: Sequence[Path] = (),
    on_item: Callable[[Extracted | Failure | Document], None] | None = None,
) -> DemoSummary:
    """Ingest the examples into a fresh database (`./marsad-demo.db` unless `db` says
    otherwise) and return what was stored and found."""
    target = db if db is not None else DEMO_DB
    _start_fresh(target)
    resources = pipeline.load_resources(lexicons=lexicons)
    with open_store(target) as store:
        report = ingest(example_paths(), store, resources=resources, on_item=on_item)
        stored = tuple(store.iter_events())
        per_document = Counter(e.document_id for e in store.iter_events(merged=False))
        documents = tuple(
            DemoDocument(
                doc_id=doc.doc_id,
                title=doc.title,
                outlet=doc.outlet,
                published=doc.published,
                events=per_document.get(row_id, 0),
            )
            for row_id, doc in store.iter_documents()
        )
        name = store.name
        # issue 5 (marsad.web): the demo also writes the map page, next to the database
        from marsad.web.mapbuild import build_map

        page = build_map(store, _map_path(target), lexicon=resources.lexicon,
                         gazetteer=resources.gazetteer).path
    return DemoSummary(db=name, report=report, documents=documents, events=stored, map=page)


def _map_path(target: str | os.PathLike[str]) -> Path:
    """`marsad-demo.html` beside a SQLite demo database (in the current folder otherwise)."""
    path = sqlite_path(resolve_url(target))
    return path.with_suffix(".html") if path is not None else Path("marsad-demo.html")


def _start_fresh(target: str | os.PathLike[str]) -> None:
    """Delete an earlier demo database, after checking it is a marsad database."""
    path = sqlite_path(resolve_url(target))
    if path is None or not path.exists():
        return
    # Opening it first refuses (StoreError) a file that is not a marsad database.
    open_store(path, create=False).close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
