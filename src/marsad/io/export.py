"""Write stored events as JSON lines, CSV, ACLED-style CSV or GeoJSON.

Writers stream: they take an iterable of `StoredEvent`s and a text stream, write as they
go (a store of a million events never sits in memory), and return how many they wrote.
"""

from __future__ import annotations

import csv
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TextIO

from marsad.io.acled import ACLED_COLUMNS, Locator, acled_actors, acled_row
from marsad.lexicon import Lexicon, load_lexicon
from marsad.model import StoredEvent

__all__ = [
    "EVENT_COLUMNS",
    "FORMATS",
    "event_record",
    "evidence_texts",
    "write_acled_csv",
    "write_events",
    "write_events_csv",
    "write_geojson",
    "write_jsonl",
]

#: Columns of the plain CSV of events (`marsad events --format csv`).
EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "document_id",
    "outlet",
    "published",
    "kind",
    "actor1",
    "assoc1",
    "actor2",
    "place",
    "place_id",
    "lat",
    "lon",
    "geo_precision",
    "date",
    "time_precision",
    "modality",
    "source",
    "fatalities",
    "partial",
    "evidence_start",
    "evidence_end",
    "sources",
)

#: A function from a stored event to the text of its evidence (the sentence that states it).
EvidenceText = Callable[[StoredEvent], str]


def event_record(stored: StoredEvent, evidence: EvidenceText | None = None) -> dict[str, object]:
    """The JSON form of a stored event: its EVENTS.md fields plus where it is stored and
    who reports it (and, given `evidence`, the text of its evidence)."""
    record: dict[str, object] = {
        "id": stored.id,
        "doc_id": stored.doc_id,
        "document_id": stored.document_id,
        "outlet": stored.outlet,
        "published": stored.published.isoformat() if stored.published else None,
        **stored.event.to_dict(),
        "sources": list(stored.sources),
    }
    if evidence is not None:
        record["evidence_text"] = evidence(stored)
    return record


def evidence_texts(get_text: Callable[[int], str], cache_size: int = 64) -> EvidenceText:
    """An `EvidenceText` reading documents through `get_text(document_id)`, a few cached."""
    cache: OrderedDict[int, str] = OrderedDict()

    def evidence(stored: StoredEvent) -> str:
        text = cache.get(stored.document_id)
        if text is None:
            text = get_text(stored.document_id)
            cache[stored.document_id] = text
            if len(cache) > cache_size:
                cache.popitem(last=False)
        else:
            cache.move_to_end(stored.document_id)
        return stored.event.evidence.slice(text)

    return evidence


def write_jsonl(
    events: Iterable[StoredEvent], out: TextIO, *, evidence: EvidenceText | None = None
) -> int:
    """One JSON object per line per event (UTF-8, Arabic as is)."""
    count = 0
    for stored in events:
        out.write(json.dumps(event_record(stored, evidence), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_events_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    """A CSV with a header and one row per event (lists joined with "; ")."""
    writer = csv.writer(out)
    writer.writerow(EVENT_COLUMNS)
    count = 0
    for stored in events:
        record = event_record(stored)
        evidence = record.pop("evidence")
        record["evidence_start"], record["evidence_end"] = evidence  # type: ignore[misc]
        row = []
        for column in EVENT_COLUMNS:
            value = record[column]
            if isinstance(value, list):
                value = "; ".join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            row.append("" if value is None else value)
        writer.writerow(row)
        count += 1
    return count


def write_acled_csv(
    events: Iterable[StoredEvent],
    out: TextIO,
    *,
    evidence: EvidenceText | None = None,
    timestamp: int | None = None,
    lexicon: Lexicon | None = None,
    locate: Locator | None = None,
) -> int:
    """An ACLED-style CSV (the codebook's columns); `notes` holds the evidence text.

    Actor names and inter codes come from `lexicon` (the shipped one when None); `locate`
    fills country and admin columns (see `io.acled.gazetteer_locator`).
    """
    stamp = int(time.time()) if timestamp is None else timestamp
    actors = acled_actors(lexicon if lexicon is not None else load_lexicon())
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for stored in events:
        notes = evidence(stored) if evidence is not None else ""
        writer.writerow(acled_row(stored, actors, notes=notes, timestamp=stamp, locate=locate))
        count += 1
    return count


def write_geojson(
    events: Iterable[StoredEvent], out: TextIO, *, evidence: EvidenceText | None = None
) -> int:
    """A GeoJSON FeatureCollection: a Point [lon, lat] per event (null geometry when the
    place is unresolved), every field as a property."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for stored in events:
        record = event_record(stored, evidence)
        lat, lon = stored.event.lat, stored.event.lon
        geometry = (
            None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        )
        feature = {"type": "Feature", "id": stored.id, "geometry": geometry, "properties": record}
        out.write(",\n" if count else "\n")
        out.write(json.dumps(feature, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


#: The formats `write_events` writes (the writer functions above).
FORMATS = ("jsonl", "csv", "acled-csv", "geojson")


def write_events(
    fmt: str,
    events: Iterable[StoredEvent],
    out: TextIO,
    *,
    evidence: EvidenceText | None = None,
    lexicon: Lexicon | None = None,
    locate: Locator | None = None,
) -> int:
    """Write `events` to `out` in format `fmt` (one of `FORMATS`); return how many."""
    if fmt == "jsonl":
        return write_jsonl(events, out, evidence=evidence)
    if fmt == "csv":
        return write_events_csv(events, out)
    if fmt == "acled-csv":
        return write_acled_csv(events, out, evidence=evidence, lexicon=lexicon, locate=locate)
    if fmt == "geojson":
        return write_geojson(events, out, evidence=evidence)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
