"""One event per telling: the headline and the body tell it once (`merge_duplicates`).

The same kind, actor1, place and modality told twice in an article is one event, kept
from its richest telling; what one telling does not say (the source, the dead) another
may fill in. Two tellings that date themselves to different days are two events, and
an undated telling merges with a dated one only a day away at most.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from marsad.geo.names import surface_key
from marsad.model import Event

__all__ = ["merge_duplicates"]


def merge_duplicates(events: list[tuple[Event, int]]) -> list[Event]:
    """One event per (kind, actor1, place) and day: the headline and the body tell it once.

    Two tellings that each date themselves, to different days, are two events (the same
    sea struck on Monday and on Wednesday); a telling with no date of its own is the same
    event as a dated one. The telling kept is the richest: a date the text gives, a
    source, the other side; what it does not say (the source, the dead) another telling
    may fill in.
    """
    kept: dict[tuple[str, str | None, str], list[list]] = {}
    order: list[list] = []
    for event, bonus in events:
        key = (event.kind, event.actor1, surface_key(event.place), event.modality)
        dated = bonus >= 2
        score = _richness(event) + bonus
        same = next((k for k in kept.get(key, ()) if k[0].date == event.date or (
            not (dated and k[2]) and _near_days(k[0].date, event.date))), None)
        if same is None:
            entry = [event, score, dated, key]
            kept.setdefault(key, []).append(entry)
            order.append(entry)
        elif score > same[1]:
            same[0], same[1] = _filled(event, same[0]), score
            same[2] = same[2] or dated
        else:
            same[0] = _filled(same[0], event)
            same[2] = same[2] or dated
    captured = {(k[3][1], k[3][2]) for k in order if k[3][0] == "capture"}
    # a telling that does not say who did it is the same event as one that does
    known = {(k[3][0], k[3][2]) for k in order if k[3][1] is not None}
    return [k[0] for k in order
            if not (k[3][0] == "advance" and (k[3][1], k[3][2]) in captured)
            and not (k[3][1] is None and (k[3][0], k[3][2]) in known)]


def _near_days(a: dt.date | None, b: dt.date | None) -> bool:
    """Days one telling may shift by: the publication day and "أمس" tell one event."""
    return a is None or b is None or abs((a - b).days) <= 1


def _filled(event: Event, other: Event) -> Event:
    """`event` with the source and dead it lacks taken from `other`."""
    missing = {name: getattr(other, name) for name in ("source", "fatalities")
               if getattr(event, name) is None and getattr(other, name) is not None}
    return replace(event, **missing) if missing else event


def _richness(event: Event) -> int:
    return (event.source is not None) * 2 + (event.actor2 is not None) + \
        (event.time_precision == 1) + (event.place_id is not None)
