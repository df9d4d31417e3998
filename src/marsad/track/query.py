"""Control, contacts and front lines straight from a store (what the CLI commands call)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from marsad.model import ControlInterval, StoredEvent
from marsad.track.coalitions import CoalitionTable
from marsad.track.contacts import Contact, find_contacts
from marsad.track.control import ControlIndex, ControlSettings, Timeline, build_timeline
from marsad.track.frontlines import FrontLine, front_lines

__all__ = ["TrackState", "control_events", "track_state"]

_KINDS = ("capture", "withdrawal", "contact")


@dataclass(frozen=True, slots=True)
class TrackState:
    """The control timeline of a store and the contact events it holds."""

    timeline: Timeline
    contact_events: tuple[StoredEvent, ...]
    index: ControlIndex

    def latest_day(self) -> dt.date | None:
        """The last day anything changes: an interval starts or ends, or a contact is reported."""
        days = [iv.start for iv in self.timeline.intervals]
        days += [iv.end for iv in self.timeline.intervals if iv.end is not None]
        days += [s.event.date for s in self.contact_events if s.event.date is not None]
        return max(days) if days else None

    def at(self, day: dt.date) -> list[ControlInterval]:
        """The intervals in force on `day`."""
        return self.index.at(day)

    def contacts(self, day: dt.date, coalitions: CoalitionTable, *, km: float = 15.0,
                 window_days: int = 7, nearest_only: bool = False) -> list[Contact]:
        """Contact points on `day` (see `marsad.track.contacts.find_contacts`)."""
        return find_contacts(self.at(day), day, events=self.contact_events,
                             coalitions=coalitions, km=km, window_days=window_days,
                             nearest_only=nearest_only)

    def fronts(self, day: dt.date, *, land: BaseGeometry | None = None,
               max_km: float = 50.0) -> list[FrontLine]:
        """Front lines on `day` (see `marsad.track.frontlines.front_lines`)."""
        return front_lines(self.at(day), land=land, max_km=max_km)


def control_events(store: object) -> list[StoredEvent]:
    """The asserted captures, withdrawals and contacts of a store: all control and contacts read."""
    return list(store.iter_events(kinds=list(_KINDS), modality="asserted"))  # type: ignore[attr-defined]


def track_state(
    store: object, coalitions: CoalitionTable, settings: ControlSettings | None = None
) -> TrackState:
    """Read a store once and derive its control timeline (with an index for day queries)."""
    events = control_events(store)
    timeline = build_timeline(events, coalitions, settings)
    contacts = tuple(s for s in events if s.event.kind == "contact")
    return TrackState(timeline, contacts, ControlIndex(timeline.intervals))
