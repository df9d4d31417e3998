"""`Store`: documents and their events in a SQL database (SQLite file by default).

Every write is one transaction per batch of documents: a document and its events are
stored together or not at all, and an interrupted ingest (Ctrl-C, SIGKILL, power loss)
loses at most the batch in progress, never half a document (SQLite's WAL journal rolls
back what was not committed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from marsad.errors import StoreError
from marsad.model import Document, Event, Span, StoredEvent
from marsad.store import dialects, merge
from marsad.store.schema import documents, events, migrate
from marsad.text.normalize import fold

__all__ = ["IngestResult", "Store", "content_hash", "open_store"]

log = logging.getLogger(__name__)

#: Documents per transaction when `Store.add` is not told otherwise.
DEFAULT_BATCH = 100
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What `Store.add` did: documents new and already stored, events stored and merged."""

    new: int = 0
    duplicate: int = 0
    events: int = 0
    merged: int = 0
    document_ids: tuple[int, ...] = ()


def content_hash(text: str) -> str:
    """The sha256 of `text` in UTF-8: a document's identity in the store."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def open_store(url: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) the store at `url`, `$MARSAD_DB` or `sqlite:///marsad.db`.

    A plain path is a SQLite file. With `create=False` a missing SQLite file is an error
    instead of a new empty database (for commands that only read).
    """
    resolved = dialects.resolve_url(url)
    engine = dialects.create_engine(resolved, create=create)
    shown = str(dialects.sqlite_path(resolved) or resolved.render_as_string(hide_password=True))
    try:
        migrate(engine, shown)
    except StoreError:
        engine.dispose()
        raise
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database {shown}: {_reason(exc)}") from None
    return Store(engine, shown)


class Store:
    """Documents and events in one database; open it with `open_store`."""

    def __init__(self, engine: sa.Engine, name: str) -> None:
        self._engine = engine
        self.name = name

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    # -- writing --------------------------------------------------------------------------

    def add(
        self,
        items: Iterable[Document | tuple[Document, Sequence[Event]]],
        *,
        batch_size: int = DEFAULT_BATCH,
        on_stored: Callable[[Document, bool], None] | None = None,
    ) -> IngestResult:
        """Store documents with their events, `batch_size` documents per transaction.

        A text already stored (same sha256) is skipped as a duplicate, events and all.
        `on_stored(document, is_new)` is called for each document once its batch commits.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        done: list[IngestResult] = []
        batch: list[tuple[Document, Sequence[Event]]] = []
        for item in items:
            batch.append(item if isinstance(item, tuple) else (item, ()))
            if len(batch) >= batch_size:
                done.append(self._add_batch(batch, on_stored))
                batch = []
        if batch:
            done.append(self._add_batch(batch, on_stored))
        return IngestResult(
            new=sum(r.new for r in done),
            duplicate=sum(r.duplicate for r in done),
            events=sum(r.events for r in done),
            merged=sum(r.merged for r in done),
            document_ids=tuple(i for r in done for i in r.document_ids),
        )

    def _add_batch(
        self,
        batch: list[tuple[Document, Sequence[Event]]],
        on_stored: Callable[[Document, bool], None] | None,
    ) -> IngestResult:
        outcome: list[tuple[Document, bool]] = []
        new = duplicate = n_events = merged = 0
        ids: list[int] = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        try:
            with self._write() as conn:
                for document, doc_events in batch:
                    _check_events(document, doc_events)
                    digest = content_hash(document.text)
                    exists = conn.execute(
                        sa.select(documents.c.id).where(documents.c.content_hash == digest)
                    ).first()
                    if exists is not None:
                        duplicate += 1
                        outcome.append((document, False))
                        continue
                    document_id = conn.execute(
                        documents.insert().values(_document_row(document, digest, now))
                    ).inserted_primary_key[0]
                    rows = [_event_row(document_id, seq, ev) for seq, ev in enumerate(doc_events)]
                    for row, event in zip(rows, doc_events, strict=True):
                        row["merged_into"] = _find_same(conn, event, document_id)
                        merged += row["merged_into"] is not None
                    if rows:
                        conn.execute(events.insert(), rows)
                    new += 1
                    n_events += len(rows)
                    ids.append(document_id)
                    outcome.append((document, True))
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot write to {self.name}: {_reason(exc)}") from None
        if on_stored is not None:
            for document, is_new in outcome:
                on_stored(document, is_new)
        return IngestResult(new, duplicate, n_events, merged, tuple(ids))

    # -- reading --------------------------------------------------------------------------

    def count_documents(self) -> int:
        """How many documents are stored."""
        return self._scalar(sa.select(sa.func.count()).select_from(documents))

    def count_events(self, *, merged: bool = False) -> int:
        """How many event rows are stored (with `merged=True`: how many distinct events)."""
        query = sa.select(sa.func.count()).select_from(events)
        if merged:
            query = query.where(events.c.merged_into.is_(None))
        return self._scalar(query)

    def contains_text(self, document: Document | str) -> bool:
        """True when this exact text (a document's, or a string) is already stored."""
        text = document if isinstance(document, str) else document.text
        query = sa.select(documents.c.id).where(documents.c.content_hash == content_hash(text))
        return self._read(lambda conn: conn.execute(query).first()) is not None

    def get_document(self, document_id: int | str) -> Document:
        """The stored document with row id `document_id` (an int) or `doc_id` (a str)."""
        if isinstance(document_id, int):
            condition = documents.c.id == document_id
        else:
            condition = documents.c.doc_id == document_id
        query = sa.select(documents).where(condition).order_by(documents.c.id.desc()).limit(1)
        row = self._read(lambda conn: conn.execute(query).first())
        if row is None:
            raise StoreError(f"no document {document_id!r} in {self.name}")
        return _document(row)

    def iter_documents(self) -> Iterator[tuple[int, Document]]:
        """Every stored document with its row id, in the order they were stored."""
        query = sa.select(documents).order_by(documents.c.id)
        with self._connect() as conn:
            for row in conn.execute(query):
                yield row.id, _document(row)

    def iter_events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        kinds: Sequence[str] | str | None = None,
        actor: str | None = None,
        place: str | None = None,
        modality: Sequence[str] | str | None = None,
        limit: int | None = None,
        merged: bool = True,
    ) -> Iterator[StoredEvent]:
        """Stored events, by date (undated last) then id, filtered as asked.

        `actor` matches actor1, actor2 or assoc1; `place` matches a `place_id` exactly or a
        part of the place's name (Arabic folded: "الرقه" finds "الرقة"). With `merged`
        (the default) an event reported by several documents comes once, first report
        first, with every reporting outlet in `sources`; `merged=False` gives every row.
        """
        query = sa.select(events, documents.c.doc_id, documents.c.outlet, documents.c.published)
        query = query.join(documents, events.c.document_id == documents.c.id)
        if merged:
            query = query.where(events.c.merged_into.is_(None))
        if since is not None:
            query = query.where(events.c.date >= since)
        if until is not None:
            query = query.where(events.c.date <= until)
        if kinds:
            query = query.where(events.c.kind.in_([kinds] if isinstance(kinds, str) else kinds))
        if modality:
            values = [modality] if isinstance(modality, str) else modality
            query = query.where(events.c.modality.in_(values))
        if actor:
            query = query.where(
                sa.or_(
                    events.c.actor1 == actor,
                    events.c.actor2 == actor,
                    events.c.assoc1.like(f'%"{_escape_like(actor)}"%', escape="\\"),
                )
            )
        query = query.order_by(events.c.date.is_(None), events.c.date, events.c.id)
        wanted = fold(place).strip() if place else None
        if limit is not None and wanted is None:
            query = query.limit(limit)
        if limit is not None and limit <= 0:
            return
        produced = 0
        with self._connect() as conn:
            chunk: list[sa.Row] = []
            for row in conn.execute(query):
                if wanted is not None and row.place_id != place and wanted not in fold(row.place):
                    continue
                chunk.append(row)
                produced += 1
                if len(chunk) >= _CHUNK or (limit is not None and produced >= limit):
                    yield from self._stored(conn, chunk, merged)
                    chunk = []
                if limit is not None and produced >= limit:
                    return
            yield from self._stored(conn, chunk, merged)

    def _stored(
        self, conn: sa.Connection, rows: list[sa.Row], merged: bool
    ) -> Iterator[StoredEvent]:
        """StoredEvents for `rows`, with the outlets of every report of each merged event."""
        others: dict[int, list[str]] = {}
        if merged and rows:
            query = (
                sa.select(events.c.merged_into, documents.c.outlet, documents.c.doc_id)
                .join(documents, events.c.document_id == documents.c.id)
                .where(events.c.merged_into.in_([row.id for row in rows]))
                .order_by(events.c.id)
            )
            for head, outlet, doc_id in conn.execute(query):
                others.setdefault(head, []).append(outlet or doc_id)
        for row in rows:
            sources = [row.outlet or row.doc_id, *others.get(row.id, ())]
            yield StoredEvent(
                id=row.id,
                document_id=row.document_id,
                doc_id=row.doc_id,
                outlet=row.outlet,
                published=row.published,
                event=_event(row),
                sources=tuple(dict.fromkeys(sources)),
            )

    # -- plumbing -------------------------------------------------------------------------

    def _write(self) -> _Transaction:
        return _Transaction(self._engine)

    def _connect(self) -> sa.Connection:
        try:
            return self._engine.connect()
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot read {self.name}: {_reason(exc)}") from None

    def _read(self, work: Callable[[sa.Connection], object]) -> object:
        try:
            with self._connect() as conn:
                return work(conn)
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot read {self.name}: {_reason(exc)}") from None

    def _scalar(self, query: sa.Select) -> int:
        return int(self._read(lambda conn: conn.execute(query).scalar()) or 0)  # type: ignore[arg-type]


class _Transaction:
    """A connection in a write transaction: committed on success, rolled back on any error."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def __enter__(self) -> sa.Connection:
        self._conn = self._engine.connect().execution_options(marsad_write=True)
        self._tx = self._conn.begin()
        return self._conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            if exc_type is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self._conn.close()


def _find_same(conn: sa.Connection, event: Event, document_id: int) -> int | None:
    """The id of an earlier report of the same event in another document, if any."""
    if event.date is None:
        return None
    first, last = merge.date_window(event.date)
    actor = events.c.actor1.is_(None) if event.actor1 is None else events.c.actor1 == event.actor1
    # Places that can be the same (a superset; `merge.same_event` decides): the same id,
    # a point in a box around ours, or no id (compared by name).
    places = []
    if event.place_id is not None:
        places.append(events.c.place_id == event.place_id)
    else:
        places.append(events.c.place_id.is_(None))
    if event.lat is not None and event.lon is not None:
        dlat = merge.MERGE_KM / 110.0
        dlon = dlat / max(math.cos(math.radians(event.lat)), 0.05)
        places.append(
            sa.and_(
                events.c.lat.between(event.lat - dlat, event.lat + dlat),
                events.c.lon.between(event.lon - dlon, event.lon + dlon),
            )
        )
    query = (
        sa.select(events)
        .where(
            events.c.merged_into.is_(None),
            events.c.kind == event.kind,
            actor,
            events.c.modality == event.modality,
            events.c.date.between(first, last),
            events.c.document_id != document_id,
            sa.or_(*places),
        )
        .order_by(events.c.id)
    )
    for row in conn.execute(query):
        if merge.same_event(event, _event(row)):
            return int(row.id)
    return None


def _check_events(document: Document, doc_events: Sequence[Event]) -> None:
    for event in doc_events:
        if not isinstance(event, Event):
            raise TypeError(f"{document.doc_id}: expected Event, got {type(event).__name__}")
        if event.evidence.end > len(document.text):
            raise StoreError(
                f"{document.doc_id}: event evidence [{event.evidence.start}, "
                f"{event.evidence.end}) is outside the text ({len(document.text)} characters)"
            )


def _document_row(document: Document, digest: str, now: dt.datetime) -> dict[str, object]:
    return {
        "doc_id": document.doc_id,
        "content_hash": digest,
        "text": document.text,
        "published": document.published,
        "outlet": document.outlet,
        "url": document.url,
        "title": document.title,
        "lang": document.lang,
        "path": document.path,
        "ingested_at": now,
    }


def _event_row(document_id: int, seq: int, event: Event) -> dict[str, object]:
    return {
        "document_id": document_id,
        "seq": seq,
        "kind": event.kind,
        "actor1": event.actor1,
        "assoc1": json.dumps(list(event.assoc1), ensure_ascii=False),
        "actor2": event.actor2,
        "place": event.place,
        "place_id": event.place_id,
        "lat": event.lat,
        "lon": event.lon,
        "geo_precision": event.geo_precision,
        "date": event.date,
        "time_precision": event.time_precision,
        "modality": event.modality,
        "source": event.source,
        "fatalities": event.fatalities,
        "partial": bool(event.partial),
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
    }


def _event(row: sa.Row) -> Event:
    return Event(
        kind=row.kind,
        actor1=row.actor1,
        assoc1=tuple(json.loads(row.assoc1)),
        actor2=row.actor2,
        place=row.place,
        place_id=row.place_id,
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
        date=row.date,
        time_precision=row.time_precision,
        modality=row.modality,
        source=row.source,
        fatalities=row.fatalities,
        partial=bool(row.partial),
        evidence=Span(row.evidence_start, row.evidence_end),
    )


def _document(row: sa.Row) -> Document:
    return Document(
        doc_id=row.doc_id,
        text=row.text,
        published=row.published,
        outlet=row.outlet,
        url=row.url,
        title=row.title,
        lang=row.lang,
        path=row.path,
    )


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _reason(exc: sa.exc.DBAPIError) -> str:
    return str(exc.orig) if exc.orig is not None else str(exc)
