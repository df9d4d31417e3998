"""ACLED-style rows: our kinds and actor ids in the vocabulary of the ACLED codebook.

The kind mapping is the table of EVENTS.md (kept here, its one consumer); actor names and
ACLED `inter` codes come from the lexicon (`actors.yaml`: `acled`, `inter`), so a user
lexicon that adds an actor also gives it its ACLED name. Country and admin columns come
from the gazetteer's admin polygons when a locator is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from marsad.model import StoredEvent

if TYPE_CHECKING:
    from marsad.geo import Gazetteer
    from marsad.lexicon import Lexicon

__all__ = ["ACLED_COLUMNS", "ACLED_KINDS", "Locator", "acled_actors", "acled_row",
           "gazetteer_locator"]

#: The ACLED codebook's columns, in its order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

_BATTLES = "Battles"
_REMOTE = "Explosions/Remote violence"
_CIVILIANS = "Violence against civilians"
_STRATEGIC = "Strategic developments"

#: kind -> (event_type, sub_event_type), from the table of EVENTS.md. `capture` depends on
#: who captures: see `_sub_event_type`.
ACLED_KINDS: dict[str, tuple[str, str]] = {
    "capture": (_BATTLES, "Non-state actor overtakes territory"),
    "withdrawal": (_STRATEGIC, "Non-violent transfer of territory"),
    "advance": (_BATTLES, "Armed clash"),
    "clash": (_BATTLES, "Armed clash"),
    "airstrike": (_REMOTE, "Air/drone strike"),
    "shelling": (_REMOTE, "Shelling/artillery/missile attack"),
    "explosion": (_REMOTE, "Remote explosive/landmine/IED"),
    "attack_civilians": (_CIVILIANS, "Attack"),
    "deployment": (_STRATEGIC, "Change to group/activity"),
    "contact": (_STRATEGIC, "Other"),
    "other": (_STRATEGIC, "Other"),
}

#: Where a point lies, ACLED's way: (iso, region, country, admin1, admin2, admin3).
Locator = Callable[[float, float], tuple[str, str, str, str, str, str]]


def acled_actors(lexicon: Lexicon) -> dict[str, tuple[str, int]]:
    """actor id -> (ACLED actor name, inter code), from the lexicon (actors.yaml)."""
    return {a.id: (a.acled, a.inter or 0) for a in lexicon.actors.values()}


def gazetteer_locator(gazetteer: Gazetteer) -> Locator:
    """A `Locator` over the gazetteer's admin polygons (countries, governorates, districts)."""

    def locate(lat: float, lon: float) -> tuple[str, str, str, str, str, str]:
        units = gazetteer.locate(lat, lon)
        by_feature = {p.feature: p for p in units}
        country = by_feature.get("country")
        names = [(by_feature[f].name_en or by_feature[f].name) if f in by_feature else ""
                 for f in ("governorate", "district", "subdistrict")]
        iso = country.country or "" if country else ""
        return (iso, _REGIONS.get(iso, ""), (country.name_en or country.name) if country else "",
                *names)

    return locate


#: ACLED regions of the countries these wars touch.
_REGIONS = {
    "SY": "Middle East", "IQ": "Middle East", "LB": "Middle East", "JO": "Middle East",
    "IL": "Middle East", "PS": "Middle East", "TR": "Middle East", "IR": "Middle East",
    "YE": "Middle East", "SA": "Middle East", "KW": "Middle East", "QA": "Middle East",
    "AE": "Middle East", "BH": "Middle East", "OM": "Middle East", "EG": "Northern Africa",
    "LY": "Northern Africa", "SD": "Northern Africa",
}

_DISORDER = {
    _BATTLES: "Political violence",
    _REMOTE: "Political violence",
    _CIVILIANS: "Political violence",
    _STRATEGIC: "Strategic developments",
}


def _actor(actors: Mapping[str, tuple[str, int]], actor_id: str | None) -> tuple[str, str]:
    """(ACLED name, inter code) of an actor id; unknown ids keep their id and no code."""
    if actor_id is None:
        return "", ""
    name, inter = actors.get(actor_id, (actor_id, 0))
    return name, str(inter) if inter else ""


def _sub_event_type(actors: Mapping[str, tuple[str, int]], stored: StoredEvent) -> tuple[str, str]:
    event = stored.event
    event_type, sub = ACLED_KINDS.get(event.kind, (_STRATEGIC, "Other"))
    if event.kind == "capture" and actors.get(event.actor1 or "", ("", 0))[1] == 1:
        sub = "Government regains territory"  # ACLED: a state force takes ground back
    return event_type, sub


def _interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction code: the two inter codes, smaller first; "10" for one actor alone."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1}0"
    low, high = sorted((int(inter1), int(inter2)))
    return f"{low}{high}"


def acled_row(
    stored: StoredEvent,
    actors: Mapping[str, tuple[str, int]],
    *,
    notes: str = "",
    timestamp: int | None = None,
    locate: Locator | None = None,
) -> dict[str, str]:
    """One ACLED-style CSV row (column -> text) for a stored event.

    `actors` is `acled_actors(lexicon)`; `locate`, when given, fills the country and admin
    columns from the event's coordinates.
    """
    event = stored.event
    event_type, sub_event_type = _sub_event_type(actors, stored)
    actor1, inter1 = _actor(actors, event.actor1)
    actor2, inter2 = _actor(actors, event.actor2)
    where = ("",) * 6
    if locate is not None and event.lat is not None and event.lon is not None:
        where = locate(event.lat, event.lon)
    civilian = event.actor2 == "CIVILIANS" or event.kind == "attack_civilians"
    tags = []
    if event.partial:
        tags.append("partial control of location")
    if event.fatalities is None:
        tags.append("fatalities not reported")
    if event.source:
        tags.append(f"reported by: {event.source}")
    day: dt.date | None = event.date
    return {
        "event_id_cnty": f"MARSAD{stored.id}",
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": _text(event.time_precision),
        "disorder_type": _DISORDER.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(_actor(actors, a)[0] for a in event.assoc1),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": where[0],
        "region": where[1],
        "country": where[2],
        "admin1": where[3],
        "admin2": where[4],
        "admin3": where[5],
        "location": event.place,
        "latitude": _text(event.lat),
        "longitude": _text(event.lon),
        "geo_precision": _text(event.geo_precision),
        "source": "; ".join(stored.sources or ((stored.outlet or stored.doc_id),)),
        "source_scale": "",
        "notes": notes,
        # ACLED writes 0 when no number is reported; the tag above keeps that distinction.
        "fatalities": str(event.fatalities or 0),
        "tags": "; ".join(tags),
        "timestamp": str(timestamp) if timestamp is not None else "",
    }


def _text(value: object) -> str:
    return "" if value is None else str(value)
