"""Who holds each place over time, derived from stored capture and withdrawal events.

The timeline is never edited by hand (HOUSE_STYLE.md §7): `build_timeline` recomputes it
from the events, and the same events always give the same intervals, whatever their order.

Rules (EVENTS.md "control" column, ACTORS.md coalitions):

- Only ASSERTED `capture` and `withdrawal` events with a date count; planned and negated
  ones say nothing about who holds the ground. By default only events located at the place
  itself (`geo_precision` 1) count: "captured villages in the countryside of X" (precision 2)
  does not mean X changed hands.
- Events are grouped per place: by `place_id`, or, without one, by the folded surface form
  and the coordinates rounded to 0.01° (about 1 km).
- Intervals are half-open `[start, end)`: on `end` the next holder (if any) holds.
- A capture by coalition X starts X's interval; a later capture by another coalition ends it.
- A withdrawal by the holder ends its interval; the place is then unheld (no interval)
  until someone captures it. A withdrawal by a coalition that holds nothing there is
  counted in `Timeline.skipped` and changes nothing.
- Two coalitions claiming the place within `contest_days` of each other make it
  "contested": the interval keeps every claimant and every claim, and stays contested
  until a capture comes more than `contest_days` after every other claimant's last claim
  (or the other claimants withdraw). Nothing is resolved silently.
- A partial capture ("قسم كبير من حي الصناعة") makes the place contested. A partial report
  by the coalition that already holds the whole place is kept as evidence only, and so is
  one made the same day as that coalition's full capture (the full report stands).
- Vague dates (`time_precision` 3: month or year): the claim counts at the date given (the
  start of its period, EVENTS.md), but with no weight in contest windows: it neither opens
  nor prolongs a contest, because its real day could be anywhere in the period. It still
  ends an earlier holder's interval, and it can end a contest the way any capture can.
- Same-day ordering: vaguer claims first, then captures before withdrawals (a withdrawal
  presumes the place was held), then by coalition and event id, so the result is a
  function of the set of events.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from marsad.model import ControlInterval, StoredEvent
from marsad.text.normalize import fold
from marsad.track.coalitions import CoalitionTable

__all__ = [
    "CONTESTED",
    "ControlIndex",
    "ControlSettings",
    "Timeline",
    "build_control",
    "build_timeline",
    "control_at",
    "event_sources",
    "holder_on",
    "intervals_by_place",
    "place_key",
]

log = logging.getLogger(__name__)

#: `ControlInterval.coalition` of a contested interval; its claimants are in `claims`.
CONTESTED = "contested"
_CONTROL_KINDS = ("capture", "withdrawal")
#: the end ordinal of an interval still in force
_NEVER = np.iinfo(np.int32).max


@dataclass(frozen=True, slots=True)
class ControlSettings:
    """Knobs of the control timeline; the defaults are the documented behaviour."""

    #: two coalitions claiming a place within this many days make it contested
    contest_days: int = 3
    #: events less precisely located than this (ACLED geo_precision) are ignored
    max_geo_precision: int = 1
    #: claims with a time_precision at or above this carry no weight in contest windows
    vague_precision: int = 3


@dataclass(frozen=True, slots=True)
class Timeline:
    """The control intervals, and how many control events were left out and why."""

    intervals: tuple[ControlInterval, ...]
    skipped: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Claim:
    day: dt.date
    vague: bool
    kind: str
    coalition: str
    partial: bool
    event_id: int
    sources: tuple[str, ...]

    def sort_key(self) -> tuple[object, ...]:
        return (self.day, not self.vague, self.kind != "capture", self.coalition, self.event_id)


@dataclass(slots=True)
class _Open:
    """The interval being built for one place while its claims are replayed."""

    start: dt.date
    coalitions: set[str]
    partial: set[str]
    claims: list[_Claim]
    #: day of each coalition's last claim that counts for contest windows
    last: dict[str, dt.date]

    @property
    def contested(self) -> bool:
        return len(self.coalitions) > 1 or bool(self.partial)


@dataclass(frozen=True, slots=True)
class _Place:
    key: str
    name: str
    lat: float | None
    lon: float | None


def place_key(event: StoredEvent) -> str:
    """The key control is grouped by: the place_id, else folded surface + rounded point."""
    ev = event.event
    if ev.place_id:
        return ev.place_id
    if ev.lat is None or ev.lon is None:
        return f"surface:{fold(ev.place).strip()}"
    return f"surface:{fold(ev.place).strip()}@{ev.lat:.2f},{ev.lon:.2f}"


def event_sources(event: StoredEvent) -> tuple[str, ...]:
    """The distinct sources behind a stored event: merged outlets, else outlet, else document."""
    if event.sources:
        return tuple(event.sources)
    if event.outlet:
        return (event.outlet,)
    return (f"doc:{event.doc_id}",)


def build_timeline(
    events: Iterable[StoredEvent],
    coalitions: CoalitionTable,
    settings: ControlSettings | None = None,
) -> Timeline:
    """Replay capture/withdrawal events per place into control intervals (see module doc)."""
    settings = settings or ControlSettings()
    skipped: Counter[str] = Counter()
    claims: dict[str, list[_Claim]] = defaultdict(list)
    located: dict[str, list[StoredEvent]] = defaultdict(list)
    for stored in events:
        ev = stored.event
        if ev.kind not in _CONTROL_KINDS:
            continue
        coalition, reason = _coalition_or_reason(stored, coalitions, settings)
        if coalition is None or ev.date is None:
            skipped[reason or "no date"] += 1
            continue
        key = place_key(stored)
        claims[key].append(
            _Claim(
                day=ev.date,
                vague=(ev.time_precision or 1) >= settings.vague_precision,
                kind=ev.kind,
                coalition=coalition,
                partial=ev.kind == "capture" and ev.partial,
                event_id=stored.id,
                sources=event_sources(stored),
            )
        )
        located[key].append(stored)
    intervals: list[ControlInterval] = []
    for key in sorted(claims):
        place = _representative(key, located[key])
        intervals.extend(_replay(place, claims[key], settings, skipped))
    return Timeline(intervals=tuple(intervals), skipped=dict(sorted(skipped.items())))


def build_control(
    events: Iterable[StoredEvent],
    coalitions: CoalitionTable,
    settings: ControlSettings | None = None,
) -> list[ControlInterval]:
    """The control intervals of `events`, sorted by place and start (see `build_timeline`)."""
    return list(build_timeline(events, coalitions, settings).intervals)


def control_at(intervals: Iterable[ControlInterval], day: dt.date) -> list[ControlInterval]:
    """The intervals in force on `day` (start <= day < end), one per place at most."""
    return [iv for iv in intervals if iv.start <= day and (iv.end is None or day < iv.end)]


class ControlIndex:
    """An in-memory interval index: built once, answers "who holds what on day D" fast.

    Intervals of one place never overlap, so a day query is a vectorised comparison over
    two integer columns (start and end as day ordinals) followed by a gather.
    """

    __slots__ = ("_end", "_intervals", "_start")

    def __init__(self, intervals: Sequence[ControlInterval]) -> None:
        self._intervals = tuple(intervals)
        self._start = np.fromiter(
            (iv.start.toordinal() for iv in self._intervals), dtype=np.int32,
            count=len(self._intervals),
        )
        self._end = np.fromiter(
            (_NEVER if iv.end is None else iv.end.toordinal() for iv in self._intervals),
            dtype=np.int32, count=len(self._intervals),
        )

    def __len__(self) -> int:
        return len(self._intervals)

    def at(self, day: dt.date) -> list[ControlInterval]:
        """The intervals in force on `day`, in index order."""
        d = day.toordinal()
        hits = np.flatnonzero((self._start <= d) & (self._end > d))
        intervals = self._intervals
        return [intervals[i] for i in hits.tolist()]

    def counts(self, days: Sequence[dt.date]) -> list[int]:
        """How many intervals are in force on each of `days`, without gathering them."""
        # in force on d: start <= d < end; as no interval ends before it starts, that is
        # #(start <= d) - #(end <= d): two binary searches per day instead of a scan
        d = np.fromiter((x.toordinal() for x in days), dtype=np.int64, count=len(days))
        started = np.searchsorted(np.sort(self._start), d, side="right")
        ended = np.searchsorted(np.sort(self._end), d, side="right")
        return (started - ended).tolist()

    def change_days(self) -> list[dt.date]:
        """Every day on which some place changes hands (interval starts and ends), sorted."""
        days = np.union1d(self._start, self._end[self._end != _NEVER])
        return [dt.date.fromordinal(int(d)) for d in days]


def _coalition_or_reason(
    stored: StoredEvent, coalitions: CoalitionTable, settings: ControlSettings
) -> tuple[str | None, str | None]:
    """The coalition a control event counts for, or None and why it is left out."""
    ev = stored.event
    if ev.modality != "asserted":
        return None, f"{ev.modality} (not asserted)"
    if ev.date is None:
        return None, "no date"
    if ev.geo_precision is not None and ev.geo_precision > settings.max_geo_precision:
        return None, f"geo_precision {ev.geo_precision} > {settings.max_geo_precision}"
    if not ev.place_id and not ev.place and ev.lat is None:
        return None, "no place"
    coalition = coalitions.coalition_of(ev.actor1, ev.date)
    if coalition is None:
        if ev.actor1 is None:
            return None, "actor1 missing"
        return None, f"actor {ev.actor1} in no coalition"
    if not coalitions.is_territorial(coalition):
        return None, f"coalition {coalition} holds no ground"
    return coalition, None


def _representative(key: str, events: list[StoredEvent]) -> _Place:
    """Name and point of a place: from its best-located event, ties to the lowest id."""
    best = min(events, key=lambda s: (s.event.geo_precision or 9, s.event.lat is None, s.id))
    names = Counter(s.event.place for s in events if s.event.place)
    name = min(names, key=lambda n: (-names[n], n)) if names else key
    lat, lon = best.event.lat, best.event.lon
    if lat is not None and lon is not None and (math.isnan(lat) or math.isnan(lon)):
        lat = lon = None
    return _Place(key, name, lat, lon)


def _replay(
    place: _Place, claims: list[_Claim], settings: ControlSettings, skipped: Counter[str]
) -> list[ControlInterval]:
    """Run the control state machine over one place's claims (see the module doc)."""
    window = dt.timedelta(days=settings.contest_days)
    out: list[ControlInterval] = []
    state: _Open | None = None

    def close(end: dt.date, extra: _Claim | None = None) -> None:
        nonlocal state
        if state is None:
            return
        kept = [*state.claims, extra] if extra is not None else state.claims
        out.append(_interval(place, state, end, kept))
        state = None

    def recent(coalition: str, day: dt.date) -> bool:
        last = state.last.get(coalition) if state else None
        return last is not None and day - last <= window

    for c in sorted(claims, key=_Claim.sort_key):
        if c.kind == "withdrawal":
            if state is None or c.coalition not in state.coalitions:
                skipped["withdrawal by a coalition not holding the place"] += 1
                continue
            remaining = state.coalitions - {c.coalition}
            partial = state.partial - {c.coalition}
            carried = [k for k in state.claims if k.coalition in remaining]
            last = {k: v for k, v in state.last.items() if k in remaining}
            close(c.day, c)
            if remaining:
                state = _Open(c.day, set(remaining), set(partial), carried, last)
            continue
        # a capture (possibly partial)
        if state is None:
            state = _Open(c.day, {c.coalition}, {c.coalition} if c.partial else set(), [c], {})
        elif state.coalitions == {c.coalition}:
            if state.partial and not c.partial and c.day == state.start:
                # a partial and a full report on one day: the full one stands, both kept
                state.partial.clear()
                state.claims.append(c)
            elif state.partial and not c.partial:
                # the holder that had only part of the place now reports all of it
                close(c.day)
                state = _Open(c.day, {c.coalition}, set(), [c], {})
            else:
                state.claims.append(c)
        elif not state.contested:
            (holder,) = state.coalitions
            if (not c.vague and recent(holder, c.day)) or c.partial:
                if c.day - state.start <= window and not c.partial:
                    # the holder's own claim is inside the window: the whole interval is disputed
                    state.coalitions.add(c.coalition)
                    state.claims.append(c)
                else:
                    # keep the holder's recent claims, or at least its latest one
                    own = [k for k in state.claims if k.coalition == holder]
                    kept = [k for k in own if not k.vague and c.day - k.day <= window] or own[-1:]
                    last = {holder: state.last[holder]} if recent(holder, c.day) else {}
                    close(c.day)
                    state = _Open(
                        c.day,
                        {holder, c.coalition},
                        {c.coalition} if c.partial else set(),
                        [*kept, c],
                        last,
                    )
            else:
                close(c.day)
                state = _Open(c.day, {c.coalition}, {c.coalition} if c.partial else set(), [c], {})
        else:
            others = state.coalitions - {c.coalition}
            if not c.partial and not any(recent(o, c.day) for o in others):
                close(c.day)
                state = _Open(c.day, {c.coalition}, set(), [c], {})
            else:
                state.coalitions.add(c.coalition)
                if c.partial:
                    state.partial.add(c.coalition)
                else:
                    state.partial.discard(c.coalition)
                state.claims.append(c)
        if state is not None and not c.vague:
            state.last[c.coalition] = max(c.day, state.last.get(c.coalition, c.day))
    if state is not None:
        out.append(_interval(place, state, None, state.claims))
    return out


def _interval(
    place: _Place, state: _Open, end: dt.date | None, claims: list[_Claim]
) -> ControlInterval:
    contested = state.contested
    sources = {s for k in claims for s in k.sources}
    return ControlInterval(
        place_id=place.key,
        place=place.name,
        lat=place.lat,
        lon=place.lon,
        coalition=CONTESTED if contested else next(iter(state.coalitions)),
        start=state.start,
        end=end,
        event_ids=tuple(sorted({k.event_id for k in claims})),
        sources=len(sources),
        status="contested" if contested else "held",
        claims=tuple(sorted(state.coalitions)),
    )


def intervals_by_place(intervals: Iterable[ControlInterval]) -> dict[str, list[ControlInterval]]:
    """Group intervals per place, each list sorted by start."""
    grouped: dict[str, list[ControlInterval]] = defaultdict(list)
    for iv in intervals:
        grouped[iv.place_id].append(iv)
    for ivs in grouped.values():
        ivs.sort(key=lambda iv: iv.start)
    return dict(grouped)


def holder_on(place_intervals: Sequence[ControlInterval], day: dt.date) -> ControlInterval | None:
    """The interval of one place (sorted by start) in force on `day`, if any."""
    i = bisect_right([iv.start for iv in place_intervals], day) - 1
    if i < 0:
        return None
    iv = place_intervals[i]
    return iv if iv.end is None or day < iv.end else None
