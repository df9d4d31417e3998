"""Events for the scorer's tests: a capture by SYR_MIL at a point `km` north of 35N 40E."""

from __future__ import annotations

import datetime as dt
import math

from marsad.geo.distance import EARTH_KM
from marsad.model import Event, Span

BASE_LAT, BASE_LON = 35.0, 40.0


def north(km: float) -> float:
    """Latitude `km` north of BASE_LAT on the same meridian (haversine is exact there)."""
    return BASE_LAT + math.degrees(km / EARTH_KM)


def ev(place: str = "قرية", kind: str = "capture", actor1: str | None = "SYR_MIL",
       place_id: str | None = None, km: float | None = None, **fields: object) -> Event:
    """An event at `km` north of the base point (no coordinates when `km` is None)."""
    base: dict[str, object] = {
        "kind": kind, "actor1": actor1, "assoc1": (), "actor2": None,
        "place": place, "place_id": place_id,
        "lat": None if km is None else north(km), "lon": None if km is None else BASE_LON,
        "geo_precision": 1, "date": dt.date(2017, 10, 25), "time_precision": 1,
        "modality": "asserted", "source": None, "fatalities": None, "partial": False,
        "evidence": Span(0, 0),
    }  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]
