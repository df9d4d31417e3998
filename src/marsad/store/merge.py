"""Cross-document merge: when two reports from different articles are the same real event.

ARCHITECTURE.md: one real event reported by many outlets is one row with many sources.
Two events are the same when they have the same `kind`, `actor1` and `modality`, the same
place (equal `place_id`, or points within 10 km, or, with neither, the same folded surface
form), and dates that agree at the coarser of their two `time_precision`s (day, ISO week,
month), the rule EVENTS.md uses to score dates. Events of one document are never merged
with each other: the extractor already decided they are different events.
"""

from __future__ import annotations

import datetime as dt

from marsad.geo.distance import haversine_km
from marsad.model import Event, same_period
from marsad.text.normalize import fold

__all__ = ["MERGE_KM", "date_window", "same_event", "same_period", "same_place"]

#: Two resolved places closer than this are the same place (the scorer's tolerance).
MERGE_KM = 10.0


def date_window(day: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a candidate for the same event can have (the widest period: a month, with
    ISO weeks reaching into the neighbouring months)."""
    first = day.replace(day=1) - dt.timedelta(days=6)
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) + dt.timedelta(days=5)
    return first, last


def same_place(a: Event, b: Event) -> bool:
    """True when two events name the same place (id, 10 km, or folded surface form)."""
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_KM  # type: ignore[arg-type]
    if a.place_id is None and b.place_id is None:
        return bool(a.place) and fold(a.place).strip() == fold(b.place).strip()
    return False


def same_event(a: Event, b: Event) -> bool:
    """True when `a` and `b`, from different documents, report the same real event."""
    if a.kind != b.kind or a.actor1 != b.actor1 or a.modality != b.modality:
        return False
    if a.date is None or b.date is None:
        return False
    if not same_period(a.date, a.time_precision, b.date, b.time_precision):
        return False
    return same_place(a, b)
