"""ACLED-style rows: our kinds and actor ids in the vocabulary of the ACLED codebook.

The kind mapping is the table of EVENTS.md; actor names are the "ACLED actor name" column
of ACTORS.md; `inter` codes are ACLED's (1 state forces, 2 rebel groups, 3 political
militias, 4 identity militias, 7 civilians, 8 external/other forces). This module is the
one table of that mapping, kept separate so the event-extraction lead can move it.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import StoredEvent

__all__ = ["ACLED_ACTORS", "ACLED_COLUMNS", "ACLED_KINDS", "acled_row"]

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

#: actor id -> (ACLED actor name, inter code), from ACTORS.md.
ACLED_ACTORS: dict[str, tuple[str, int]] = {
    "SYR_MIL": ("Military Forces of Syria", 1),
    "SYR_ALLIES": ("Military Forces of Syria (allies)", 3),
    "SYR_NDF": ("NDF: National Defense Forces", 3),
    "HEZBOLLAH": ("Hezbollah", 8),
    "IRN_MIL": ("Military Forces of Iran", 8),
    "RUS_MIL": ("Military Forces of Russia", 8),
    "IRQ_MIL": ("Military Forces of Iraq", 1),
    "IRQ_PMF": ("Popular Mobilization Forces", 1),
    "KATAIB_HEZBOLLAH": ("Kataib Hezbollah", 3),
    "IRQ_RESISTANCE": ("Unidentified Armed Group (Iraq)", 3),
    "KRG_PESHMERGA": ("Military Forces of Iraq (Kurdistan Regional Government)", 1),
    "ISIS": ("Islamic State", 2),
    "SDF": ("SDF: Syrian Democratic Forces", 2),
    "YPG": ("YPG: People's Protection Units", 2),
    "US_COALITION": ("Military Forces of the United States", 8),
    "TUR_MIL": ("Military Forces of Turkey", 8),
    "SNA": ("Syrian National Army", 2),
    "HTS": ("Hayat Tahrir al Sham", 2),
    "ISR_MIL": ("Military Forces of Israel", 8),
    "TRIBES": ("Arab Ethnic Militia", 4),
    "PKK": ("PKK: Kurdistan Workers Party", 2),
    "HOUTHIS": ("Ansar Allah (Houthis)", 2),
    "SAUDI_COALITION": ("Military Forces of Saudi Arabia", 8),
    "LNA": ("LNA: Libyan National Army", 2),
    "LBY_GOV": ("Military Forces of Libya (Government of National Unity)", 1),
    "UNKNOWN": ("Unidentified Armed Group", 3),
    "CIVILIANS": ("Civilians", 7),
}

_DISORDER = {
    _BATTLES: "Political violence",
    _REMOTE: "Political violence",
    _CIVILIANS: "Political violence",
    _STRATEGIC: "Strategic developments",
}


def _actor(actor_id: str | None) -> tuple[str, str]:
    """(ACLED name, inter code) of an actor id; unknown ids keep their id and no code."""
    if actor_id is None:
        return "", ""
    name, inter = ACLED_ACTORS.get(actor_id, (actor_id, 0))
    return name, str(inter) if inter else ""


def _sub_event_type(stored: StoredEvent) -> tuple[str, str]:
    event = stored.event
    event_type, sub = ACLED_KINDS.get(event.kind, (_STRATEGIC, "Other"))
    if event.kind == "capture" and ACLED_ACTORS.get(event.actor1 or "", ("", 0))[1] == 1:
        sub = "Government regains territory"
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
    stored: StoredEvent, *, notes: str = "", timestamp: int | None = None
) -> dict[str, str]:
    """One ACLED-style CSV row (column -> text) for a stored event."""
    event = stored.event
    event_type, sub_event_type = _sub_event_type(stored)
    actor1, inter1 = _actor(event.actor1)
    actor2, inter2 = _actor(event.actor2)
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
        "assoc_actor_1": "; ".join(_actor(a)[0] for a in event.assoc1),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": "",
        "region": "",
        "country": "",
        "admin1": "",
        "admin2": "",
        "admin3": "",
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
