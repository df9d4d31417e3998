"""Reading gold files: one hand-coded article per JSONL line (EVENTS.md "Gold files")."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import EvalError
from marsad.model import GEO_PRECISIONS, KINDS, MODALITIES, TIME_PRECISIONS, Document, Event, Span

__all__ = ["GoldDocument", "load_gold", "parse_gold_line"]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold article: its text, publication date, outlet and hand-coded events."""

    doc_id: str
    text: str
    published: dt.date | None
    source: str | None
    events: tuple[Event, ...]
    path: str = ""
    line: int = 0

    def to_document(self) -> Document:
        """The article as the extractor sees it (outlet = the gold `source`)."""
        return Document(
            doc_id=self.doc_id,
            text=self.text,
            published=self.published,
            outlet=self.source,
            path=self.path or None,
        )


def load_gold(paths: Iterable[Path | str]) -> list[GoldDocument]:
    """Read gold JSONL files in order; a bad file or line raises EvalError naming `file:line`."""
    documents: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for raw_path in paths:
        path = Path(raw_path)
        try:
            handle = path.open(encoding="utf-8")
        except FileNotFoundError:
            raise EvalError(f"{path}: no such gold file") from None
        except IsADirectoryError:
            raise EvalError(f"{path}: is a directory, expected a gold .jsonl file") from None
        except OSError as exc:
            raise EvalError(f"{path}: cannot read gold file ({exc.strerror})") from None
        with handle:
            try:
                for number, line in enumerate(handle, start=1):
                    if not line.strip():
                        continue
                    doc = parse_gold_line(line, str(path), number)
                    if doc.doc_id in seen:
                        raise EvalError(
                            f"{path}:{number}: doc_id {doc.doc_id!r} already used at "
                            f"{seen[doc.doc_id]}"
                        )
                    seen[doc.doc_id] = f"{path}:{number}"
                    documents.append(doc)
            except UnicodeDecodeError:
                raise EvalError(f"{path}: not UTF-8 text") from None
    return documents


def parse_gold_line(line: str, path: str = "<gold>", number: int = 0) -> GoldDocument:
    """Parse one gold JSONL line into a GoldDocument, or raise EvalError naming `path:number`."""
    where = f"{path}:{number}"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise EvalError(f"{where}: expected a JSON object, got {type(data).__name__}")
    doc_id = data.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise EvalError(f"{where}: missing or empty 'doc_id'")
    text = data.get("text")
    if not isinstance(text, str):
        raise EvalError(f"{where}: {doc_id}: missing 'text' (the whole article)")
    published = _date(data.get("published"), f"{where}: {doc_id}: 'published'")
    source = data.get("source")
    if source is not None and not isinstance(source, str):
        raise EvalError(f"{where}: {doc_id}: 'source' must be a string or null")
    raw_events = data.get("events")
    if not isinstance(raw_events, list):
        raise EvalError(f"{where}: {doc_id}: 'events' must be a list")
    events = tuple(
        _event(raw, len(text), f"{where}: {doc_id}: event {k + 1}")
        for k, raw in enumerate(raw_events)
    )
    return GoldDocument(doc_id, text, published, source, events, path, number)


def _date(value: object, what: str) -> dt.date | None:
    """An ISO date or None; anything else is an EvalError."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise EvalError(f"{what} must be an ISO date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise EvalError(f"{what} is not an ISO date: {value!r}") from None


def _event(raw: object, text_length: int, where: str) -> Event:
    """Validate one gold event against EVENTS.md and build it."""
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: expected a JSON object")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise EvalError(f"{where}: unknown kind {kind!r} (EVENTS.md kinds: {', '.join(KINDS)})")
    place = raw.get("place")
    if not isinstance(place, str) or not place.strip():
        raise EvalError(f"{where}: missing or empty 'place'")
    modality = raw.get("modality", "asserted")
    if modality not in MODALITIES:
        raise EvalError(f"{where}: unknown modality {modality!r}")
    for name in ("actor1", "actor2", "place_id", "source"):
        if raw.get(name) is not None and not isinstance(raw.get(name), str):
            raise EvalError(f"{where}: {name!r} must be a string or null")
    assoc1 = raw.get("assoc1") or []
    if not isinstance(assoc1, list) or not all(isinstance(a, str) for a in assoc1):
        raise EvalError(f"{where}: 'assoc1' must be a list of actor ids")
    lat, lon = _coordinate(raw, "lat", where, 90.0), _coordinate(raw, "lon", where, 180.0)
    if (lat is None) != (lon is None):
        raise EvalError(f"{where}: 'lat' and 'lon' must both be given or both be null")
    geo_precision = _choice(raw, "geo_precision", GEO_PRECISIONS, where)
    time_precision = _choice(raw, "time_precision", TIME_PRECISIONS, where)
    fatalities = raw.get("fatalities")
    if fatalities is not None and (isinstance(fatalities, bool) or not isinstance(fatalities, int)):
        raise EvalError(f"{where}: 'fatalities' must be an integer or null")
    partial = raw.get("partial", False)
    if not isinstance(partial, bool):
        raise EvalError(f"{where}: 'partial' must be true or false")
    evidence = raw.get("evidence")
    if (
        not isinstance(evidence, list)
        or len(evidence) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in evidence)
        or not 0 <= evidence[0] <= evidence[1] <= text_length
    ):
        raise EvalError(
            f"{where}: 'evidence' must be [start, end] offsets inside the text "
            f"(0..{text_length}), got {evidence!r}"
        )
    return Event(
        kind=kind,
        actor1=raw.get("actor1"),
        assoc1=tuple(assoc1),
        actor2=raw.get("actor2"),
        place=place,
        place_id=raw.get("place_id"),
        lat=lat,
        lon=lon,
        geo_precision=geo_precision,
        date=_date(raw.get("date"), f"{where}: 'date'"),
        time_precision=time_precision,
        modality=modality,
        source=raw.get("source"),
        fatalities=fatalities,
        partial=partial,
        evidence=Span(evidence[0], evidence[1]),
    )


def _coordinate(raw: dict[str, object], name: str, where: str, bound: float) -> float | None:
    """A latitude or longitude in degrees, or None."""
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise EvalError(f"{where}: {name!r} must be a number or null, got {value!r}")
    number = float(value)
    if not math.isfinite(number) or abs(number) > bound:
        raise EvalError(f"{where}: {name!r} out of range: {value!r}")
    return number


def _choice(raw: dict[str, object], name: str, allowed: tuple[int, ...], where: str) -> int | None:
    """An ACLED precision code (1, 2 or 3) or None."""
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or value not in allowed:
        raise EvalError(f"{where}: {name!r} must be one of {allowed} or null, got {value!r}")
    return int(value)  # type: ignore[arg-type]
