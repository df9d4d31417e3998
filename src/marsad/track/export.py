"""Control intervals, contacts and front lines as JSON lines and GeoJSON (the edge: dicts)."""

from __future__ import annotations

from collections.abc import Iterable

from marsad.model import ControlInterval
from marsad.track.contacts import Contact
from marsad.track.frontlines import FrontLine

__all__ = [
    "contacts_geojson",
    "fronts_geojson",
    "interval_dict",
    "interval_state",
    "intervals_geojson",
]


def interval_dict(iv: ControlInterval) -> dict[str, object]:
    """One control interval as a JSON-ready dict (dates ISO; `end` null while in force)."""
    return {
        "place_id": iv.place_id,
        "place": iv.place,
        "lat": iv.lat,
        "lon": iv.lon,
        **interval_state(iv),
    }


def interval_state(iv: ControlInterval) -> dict[str, object]:
    """Who holds the place and when, as in `interval_dict`, without the place itself."""
    return {
        "coalition": iv.coalition,
        "status": iv.status,
        "claims": list(iv.claims),
        "start": iv.start.isoformat(),
        "end": iv.end.isoformat() if iv.end else None,
        "event_ids": list(iv.event_ids),
        "sources": iv.sources,
    }


def intervals_geojson(intervals: Iterable[ControlInterval]) -> dict[str, object]:
    """Intervals with coordinates as a FeatureCollection of Points."""
    features = []
    for iv in intervals:
        if iv.lat is None or iv.lon is None:
            continue
        props = interval_dict(iv)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [iv.lon, iv.lat]},
            "properties": {k: v for k, v in props.items() if k not in ("lat", "lon")},
        })
    return {"type": "FeatureCollection", "features": features}


def contacts_geojson(contacts: Iterable[Contact]) -> dict[str, object]:
    """Contacts as a FeatureCollection: a LineString between two places, a Point at one."""
    features = []
    for c in contacts:
        a, b = [c.a.lon, c.a.lat], [c.b.lon, c.b.lat]
        geometry = (
            {"type": "Point", "coordinates": a}
            if a == b
            else {"type": "LineString", "coordinates": [a, b]}
        )
        features.append({"type": "Feature", "geometry": geometry, "properties": c.to_dict()})
    return {"type": "FeatureCollection", "features": features}


def fronts_geojson(fronts: Iterable[FrontLine]) -> dict[str, object]:
    """Front lines as a FeatureCollection of (Multi)LineStrings with both sides' coalitions."""
    return {"type": "FeatureCollection", "features": [f.to_feature() for f in fronts]}
