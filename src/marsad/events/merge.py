"""One event per telling: the headline and the body tell it once (`merge_duplicates`).

The same kind, actor1, place and modality told twice in an article is one event, kept
from its richest telling; what one telling does not say (the source, the dead) another
may fill in. Two tellings that date themselves to different days are two events, unless
one dates itself only roughly ("في مطلع أيار") around the other's day; an undated telling
merges with a dated one only a day away at most. A telling that says
it is one more ("مرة جديدة", lexicon `again`) is a new event, not the one told before;
naming no side, it is by the one side that struck there before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from marsad.geo.names import surface_key
from marsad.model import Event

__all__ = ["AGAIN", "STOPPED", "UNARMED", "VAGUE", "fold_vague", "merge_duplicates"]

#: the bonus bit of a telling that says it is one more attack ("استُهدفت مجدداً")
AGAIN = 4
#: the bit of a telling whose one place is a whole country ("شنت غارات جوية في سوريا")
VAGUE = 8
#: the bit of a telling of an attack whose weapon its clause does not name: its kind is the
#: author's default ("القوات اليمنية تستهدف سفناً في البحر الأحمر")
UNARMED = 16
#: the bit of a telling of an attack its target stopped ("أسقط الجيش مسيرات حاولت
#: الاعتداء على X": triggers.yaml `named_by: attempt`)
STOPPED = 32
#: the kinds of an attack from afar, which a weapon named settles
_REMOTE = ("airstrike", "shelling")


@dataclass(slots=True)
class _Telling:
    """The telling of one event kept so far, and what the next telling is compared with."""

    event: Event
    score: int
    dated: bool  # a telling kept so far dated itself (a date expression of its text)
    again: bool  # it said it was one more ("مرة جديدة"): no earlier telling is the same
    unarmed: bool  # no telling kept so far named the weapon (bit `UNARMED`)
    key: tuple[str, str | None, str, str]  # kind, actor1, place, modality
    stopped: bool = False  # an attack stopped by the side struck (bit `STOPPED`)


def merge_duplicates(events: list[tuple[Event, int]]) -> list[Event]:
    """One event per (kind, actor1, place, modality) and day: the headline and the body tell it once.

    Two tellings that each date themselves, to different days, are two events (the same
    sea struck on Monday and on Wednesday); a telling with no date of its own is the same
    event as a dated one a day away at most. The telling kept is the richest: a date the
    text gives, a source, the other side; what it does not say (the source, the dead)
    another telling may fill in. `events` pairs each event with its bonus (2 when its text
    dates it, 1 when it is not in the headline, `AGAIN` when it says it is one more: such
    a telling merges only with an earlier one that said so too).
    """
    kept: dict[tuple[str, str | None, str, str], list[_Telling]] = {}
    order: list[_Telling] = []
    for event, bonus in events:
        key = (event.kind, event.actor1, surface_key(event.place), event.modality)
        dated = bool(bonus & 2)
        again = bool(bonus & AGAIN)
        score = _richness(event) + (bonus & 3)
        tellings = kept.get(key, []) + [t for t in kept.get(_id_key(key, event), []) if t.key != key]
        same = next((t for t in tellings if (t.again or not again) and (
            t.event.date == event.date or _within(t.event, event) or (
                not (dated and t.dated) and _near_days(t.event.date, event.date)))), None)
        if same is None:
            telling = _Telling(event, score, dated, again, bool(bonus & UNARMED), key,
                               bool(bonus & STOPPED))
            kept.setdefault(key, []).append(telling)
            if event.place_id is not None:
                kept.setdefault(_id_key(key, event), []).append(telling)
            order.append(telling)
            continue
        dating = event if dated and not same.dated else same.event if same.dated and not dated else None
        if dating is None and dated and event.time_precision != same.event.time_precision:
            # "في مطلع أيار" and "في 2 أيار": the finer day of two dated tellings
            dating = min((event, same.event), key=lambda e: e.time_precision or 9)
        if score > same.score:
            same.event, same.score = _filled(event, same.event), score
        else:
            same.event = _filled(same.event, event)
        if dating is not None:
            # the day a telling's own text gives beats an undated telling's publication day
            same.event = replace(same.event, date=dating.date, time_precision=dating.time_precision)
        same.dated = same.dated or dated
        same.unarmed = same.unarmed and bool(bonus & UNARMED)
        same.stopped = same.stopped or bool(bonus & STOPPED)
    order = _armed(order)
    captured = {(t.key[1], t.key[2]) for t in order if t.key[0] == "capture"}
    # a telling that does not say who did it is the same event as one that does; not an
    # attack stopped by the side that did that one ("أسقط الجيش مسيرات حاولت الاعتداء على
    # X" after "نفذ الجيش ضربات في X": the drones' attack is another event)
    known: dict[tuple[str, str], set[str]] = {}
    for t in order:
        if t.key[1] is not None:
            known.setdefault((t.key[0], t.key[2]), set()).add(t.key[1])
    return [_same_side(t, known) for t in order
            if not (t.key[0] == "advance" and (t.key[1], t.key[2]) in captured)
            and not (t.key[1] is None and (t.key[0], t.key[2]) in known and not t.again
                     and not (t.stopped and known[t.key[0], t.key[2]] == {t.event.actor2}))]


def _same_side(t: _Telling, known: dict[tuple[str, str], set[str]]) -> Event:
    """The telling's event; one more attack that names no side ("عادت الطائرات لتستهدف
    المدينة") is by the one side that the article says struck there before."""
    sides = known.get((t.key[0], t.key[2]), set())
    if t.again and t.key[1] is None and len(sides) == 1 and t.event.actor2 not in sides:
        return replace(t.event, actor1=next(iter(sides)))
    return t.event


def _armed(order: list[_Telling]) -> list[_Telling]:
    """Drop each telling of an attack with no weapon named that another telling of the same
    side, place and day tells with its weapon: the headline "تستهدف سفناً في البحر الأحمر"
    and the body's "سلاح الجو المسيّر استهدف سفناً في البحر الأحمر" are one air strike.
    What the dropped telling says and the kept one does not (the source, the dead) is kept."""
    kept = []
    for t in order:
        armed = None if not t.unarmed or t.key[0] not in _REMOTE else next((
            u for u in order if not u.unarmed and u.key[0] in _REMOTE and u.key[0] != t.key[0]
            and u.key[1:] == t.key[1:] and not (u.again or t.again) and (
                u.event.date == t.event.date or (
                    not (u.dated and t.dated) and _near_days(u.event.date, t.event.date)))),
            None)
        if armed is None:
            kept.append(t)
        else:
            armed.event = _filled(armed.event, t.event)
    return kept


def fold_vague(events: list[tuple[Event, int]],
               countries: dict[Event, str | None]) -> list[tuple[Event, int]]:
    """Drop the tellings placed in a whole country (bit `VAGUE`) that the article also tells
    at a precise place in that country: the same kind, by the same side (or by a side it
    does not name), a day away at most.

    "قالت الوزارة إن طائراتها نفذت ضربات في سوريا" retells the raid told at its town;
    `countries` maps an event to the country code of its place (PlaceMatch.country). A place
    no gazetteer names counts as precise when the text locates it near a town ("منطقة ...
    جنوب شرقي مدينة X": `geo_precision` 2), not when it is only put in a region or country.
    """
    precise = [(e, countries.get(e)) for e, bonus in events if not bonus & VAGUE
               and (e.place_id is not None or (e.geo_precision or 3) <= 2)]
    return [(e, bonus) for e, bonus in events if not (bonus & VAGUE and any(
        p.kind == e.kind and e.actor1 in (p.actor1, None) and country is not None
        and country == countries.get(e) and _near_days(p.date, e.date)
        for p, country in precise))]


def _id_key(key: tuple[str, str | None, str, str], event: Event) -> tuple[str, str | None, str, str]:
    """`key` with the gazetteer id of the place for its surface: "قاعدة ... في حقل غاز كونيكو"
    and "القصف على قاعدة كونيكو" spell one place twice, and are one event."""
    return (key[0], key[1], f"@{event.place_id}", key[3])


def _within(a: Event, b: Event) -> bool:
    """Does the telling dated only roughly ("في مطلع أيار": `time_precision` 2, a week; 3, its
    month) hold the day the other gives?"""
    coarse, fine = (a, b) if (a.time_precision or 0) >= (b.time_precision or 0) else (b, a)
    if coarse.date is None or fine.date is None or (coarse.time_precision or 0) < 2 or \
            (fine.time_precision or 0) >= (coarse.time_precision or 0):
        return False
    if coarse.time_precision == 2:
        return abs((coarse.date - fine.date).days) <= _WEEK
    return (coarse.date.year, coarse.date.month) == (fine.date.year, fine.date.month)


#: how many days a date of `time_precision` 2 may be from the day it stands for
_WEEK = 7


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
