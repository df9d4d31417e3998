"""Contact points on a day: where forces of different coalitions meet.

Three kinds of evidence, each kept apart in `Contact.basis`:

- `proximity`: two places held (or claimed) by different coalitions lie within `km` of
  each other. Pairs are found with a spatial index (shapely STRtree) over the places in
  force, so the cost grows with the number of nearby pairs, not with the square of places.
- `contested`: one place is claimed by several coalitions at once (a contested interval):
  the forces meet at the place itself (distance 0).
- `reported`: an asserted `contact` event ("نقاط تماس بين الجيش السوري والقوات العراقية")
  dated within `window_days` before the day.

Allied coalitions are still different coalitions (ACTORS.md: `syria_gov` and `iraq_gov`
meeting on the border is the seed article's headline), so their contacts are reported.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import shapely

from marsad.geo.distance import haversine_km_array
from marsad.model import ControlInterval, StoredEvent
from marsad.track.coalitions import CoalitionTable
from marsad.track.control import place_key
from marsad.track.frontlines import KM_PER_DEGREE

__all__ = ["Contact", "ContactSide", "find_contacts"]

_BASIS_ORDER = {"reported": 0, "contested": 1, "proximity": 2}


@dataclass(frozen=True, slots=True, order=True)
class ContactSide:
    """One side of a contact: a place and the coalition there."""

    place_id: str
    place: str
    lat: float
    lon: float
    coalition: str | None


@dataclass(frozen=True, slots=True)
class Contact:
    """Two coalitions in contact on a day, with the places, distance and events behind it."""

    basis: str
    a: ContactSide
    b: ContactSide
    distance_km: float
    event_ids: tuple[int, ...]
    #: the first day this contact holds (the later of the two intervals' starts, or the
    #: date of the newest contact event)
    since: dt.date

    def to_dict(self) -> dict[str, object]:
        """The JSON form used by the CLI and the map."""
        return {
            "basis": self.basis,
            "a": asdict(self.a),
            "b": asdict(self.b),
            "distance_km": round(self.distance_km, 2),
            "event_ids": list(self.event_ids),
            "since": self.since.isoformat(),
        }


def find_contacts(
    in_force: Sequence[ControlInterval],
    day: dt.date,
    *,
    events: Iterable[StoredEvent] = (),
    coalitions: CoalitionTable | None = None,
    km: float = 15.0,
    window_days: int = 7,
    nearest_only: bool = False,
) -> list[Contact]:
    """Contacts on `day` between the places `in_force` then and from recent contact events.

    `in_force` are the control intervals in force on `day` (`control_at` / `ControlIndex.at`);
    `events` may hold any stored events: only asserted `contact` events dated in
    `[day - window_days, day]` are used, and `coalitions` maps their actors. With
    `nearest_only`, a proximity pair is kept only when one of its places has no nearer
    place of the other coalition (dense fronts give one line per place, not a mesh).
    """
    located = [iv for iv in in_force if iv.lat is not None and iv.lon is not None]
    near = _proximity(located, km)
    if nearest_only:
        near = _nearest(near)
    contacts = _contested(located) + near
    if coalitions is not None:
        contacts += _reported(events, coalitions, day, window_days)
    contacts.sort(key=lambda c: (_BASIS_ORDER[c.basis], c.distance_km, c.a, c.b))
    return contacts


def _side(iv: ControlInterval, coalition: str) -> ContactSide:
    return ContactSide(iv.place_id, iv.place, float(iv.lat), float(iv.lon), coalition)  # type: ignore[arg-type]


def _contested(located: Sequence[ControlInterval]) -> list[Contact]:
    out = []
    for iv in located:
        for i, ca in enumerate(iv.claims):
            for cb in iv.claims[i + 1 :]:
                out.append(Contact("contested", _side(iv, ca), _side(iv, cb), 0.0,
                                   iv.event_ids, iv.start))
    return out


def _proximity(located: Sequence[ControlInterval], km: float) -> list[Contact]:
    if len(located) < 2 or km <= 0:
        return []
    lats = np.array([iv.lat for iv in located], dtype=float)
    lons = np.array([iv.lon for iv in located], dtype=float)
    points = shapely.points(lons, lats)
    tree = shapely.STRtree(points)
    # A degree radius that over-covers `km` at the highest latitude present (a degree of
    # longitude shrinks with cos(lat)), on the haversine's own sphere: a larger km per
    # degree would under-cover near the equator. The exact great-circle test follows.
    worst = math.cos(math.radians(min(89.0, float(np.abs(lats).max()) + 1.0)))
    radius = km / (KM_PER_DEGREE * worst)
    left, right = tree.query(points, predicate="dwithin", distance=radius)
    keep = left < right
    left, right = left[keep], right[keep]
    # one coalition per place for most places: drop same-coalition pairs before any object
    single = np.array([iv.claims[0] if len(iv.claims) == 1 else "" for iv in located],
                      dtype=object)
    keep = (single[left] == "") | (single[right] == "") | (single[left] != single[right])
    left, right = left[keep], right[keep]
    dist = haversine_km_array(lats[left], lons[left], lats[right], lons[right])
    keep = dist <= km
    left, right, dist = left[keep], right[keep], dist[keep]
    sides: dict[tuple[int, str], ContactSide] = {}

    def side(i: int, coalition: str) -> ContactSide:
        found = sides.get((i, coalition))
        if found is None:
            found = sides[(i, coalition)] = _side(located[i], coalition)
        return found

    out = []
    for i, j, d in zip(left.tolist(), right.tolist(), dist.tolist(), strict=True):
        a, b = located[i], located[j]
        ids = tuple(sorted(set(a.event_ids) | set(b.event_ids)))
        since = max(a.start, b.start)
        for ca in a.claims:
            for cb in b.claims:
                if ca == cb:
                    continue
                sa, sb = side(i, ca), side(j, cb)
                if sb < sa:
                    sa, sb = sb, sa
                out.append(Contact("proximity", sa, sb, d, ids, since))
    return out


def _nearest(contacts: list[Contact]) -> list[Contact]:
    """Keep a pair when it is, for either of its places, the nearest of that coalition pair."""
    best: dict[tuple[str, str | None, str | None], Contact] = {}
    for c in contacts:
        for here, there in ((c.a, c.b), (c.b, c.a)):
            key = (here.place_id, here.coalition, there.coalition)
            if key not in best or (c.distance_km, c.b, c.a) < (
                    best[key].distance_km, best[key].b, best[key].a):
                best[key] = c
    kept = {id(c) for c in best.values()}
    return [c for c in contacts if id(c) in kept]


def _reported(
    events: Iterable[StoredEvent], coalitions: CoalitionTable, day: dt.date, window_days: int
) -> list[Contact]:
    first = day - dt.timedelta(days=window_days)
    grouped: dict[tuple[object, ...], list[StoredEvent]] = defaultdict(list)
    for stored in events:
        ev = stored.event
        if ev.kind != "contact" or ev.modality != "asserted" or ev.date is None:
            continue
        if not first <= ev.date <= day or ev.lat is None or ev.lon is None:
            continue
        ca = coalitions.coalition_of(ev.actor1, ev.date)
        cb = coalitions.coalition_of(ev.actor2, ev.date)
        if cb is None:  # "التقت القوات العراقية مع ..." with the other side in assoc1
            cb = next(
                (c for c in (coalitions.coalition_of(a, ev.date) for a in ev.assoc1)
                 if c is not None and c != ca), None)
        if ca is not None and cb is not None and cb < ca:
            ca, cb = cb, ca
        grouped[(place_key(stored), ca, cb)].append(stored)
    out = []
    for (key, ca, cb), group in grouped.items():
        best = min(group, key=lambda s: (s.event.geo_precision or 9, s.id))
        ev = best.event
        side_a = ContactSide(str(key), ev.place, float(ev.lat), float(ev.lon), ca)  # type: ignore[arg-type]
        side_b = ContactSide(str(key), ev.place, float(ev.lat), float(ev.lon), cb)  # type: ignore[arg-type]
        ids = tuple(sorted(s.id for s in group))
        since = max(s.event.date for s in group)  # type: ignore[type-var]
        out.append(Contact("reported", side_a, side_b, 0.0, ids, since))
    return out
