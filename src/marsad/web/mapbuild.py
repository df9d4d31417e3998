"""Build the map page from a store: the one call `marsad map` and `marsad demo` make."""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import StoreError
from marsad.model import Document, StoredEvent
from marsad.track.coalitions import CoalitionTable, coalitions_from_lexicon
from marsad.track.control import ControlSettings, build_timeline
from marsad.track.query import control_events
from marsad.web.basemap import Basemap, load_basemap
from marsad.web.mapdata import MapOptions, map_payload
from marsad.web.page import write_map

__all__ = ["MapSummary", "actor_aliases", "build_map"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MapSummary:
    """What `build_map` wrote: where, for which day, and how much it holds."""

    path: Path
    day: dt.date
    first_day: dt.date
    last_day: dt.date
    events: int
    places: int
    snapshots: int
    truncated_events: int
    bytes: int


def actor_aliases(lexicon: object) -> dict[str, list[str]]:
    """Surface forms per actor id from an actor lexicon, to mark actors in evidence text."""
    out: dict[str, list[str]] = {}
    for entry in getattr(lexicon, "entries", ()):
        if getattr(entry, "kind", None) != "actor":
            continue
        forms = out.setdefault(entry.value, [])
        forms.append(entry.form)
        if entry.article:  # the lexicon keeps the form without its article
            forms.append("ال" + entry.form)
    return out


def build_map(
    store: object,
    path: Path,
    *,
    options: MapOptions | None = None,
    coalitions: CoalitionTable | None = None,
    control: ControlSettings | None = None,
    lexicon: object | None = None,
    basemap: Basemap | None = None,
    gazetteer: object | None = None,
    progress: Callable[[str], None] | None = None,
) -> MapSummary:
    """Read every stored event, derive control, contacts and fronts, write the map page.

    `lexicon` (actor coalitions and names) and `gazetteer` (outlines) are loaded when not
    given; pass the ones already loaded to save the time.
    """
    options = options or MapOptions()
    step = progress or (lambda _what: None)
    if lexicon is None:
        from marsad.lexicon import load_lexicon

        lexicon = load_lexicon()
    coalitions = coalitions or coalitions_from_lexicon(lexicon)
    step("reading control events")
    control_evs = control_events(store)
    step("deriving control")
    timeline = build_timeline(control_evs, coalitions, control)
    step("reading events")
    # the newest `max_events` in the window; a deque keeps memory bounded on big stores
    upto = options.until or options.day
    shown: deque[StoredEvent] = deque(maxlen=options.max_events)
    read = 0
    for stored in store.iter_events(since=options.since, until=upto):  # type: ignore[attr-defined]
        shown.append(stored)
        read += 1
    if options.day is not None and options.until is None:
        # events after the opening day are shown too when the slider moves on
        for stored in store.iter_events(since=options.day + dt.timedelta(days=1)):  # type: ignore[attr-defined]
            if len(shown) >= options.max_events:
                break
            shown.append(stored)
    step("loading outlines")
    if basemap is None:
        basemap = load_basemap(_bounds([*shown, *control_evs]), gazetteer=gazetteer)
    step("contacts and front lines")
    payload = map_payload(
        list(shown),
        timeline.intervals,
        coalitions,
        documents=_documents(store),
        basemap=basemap,
        options=options,
        actor_aliases=actor_aliases(lexicon),
        contact_events=[s for s in control_evs if s.event.kind == "contact"],
        truncated=read - min(read, options.max_events),
    )
    step("writing the page")
    written = write_map(path, payload)
    return MapSummary(
        path=written,
        day=dt.date.fromisoformat(str(payload["day"])),
        first_day=dt.date.fromisoformat(str(payload["first_day"])),
        last_day=dt.date.fromisoformat(str(payload["last_day"])),
        events=len(payload["events"]),  # type: ignore[arg-type]
        places=len(payload["places"]),  # type: ignore[arg-type]
        snapshots=len(payload["derived"]["days"]),  # type: ignore[index]
        truncated_events=int(payload["truncated_events"]),  # type: ignore[call-overload]
        bytes=written.stat().st_size,
    )


def _documents(store: object) -> Callable[[int], Document | None]:
    def get(document_id: int) -> Document | None:
        try:
            return store.get_document(document_id)  # type: ignore[attr-defined]
        except StoreError as exc:
            log.warning("evidence not shown: %s", exc)
            return None

    return get


def _bounds(events: Sequence[object]) -> tuple[float, float, float, float] | None:
    lats = [e.event.lat for e in events if e.event.lat is not None]  # type: ignore[attr-defined]
    lons = [e.event.lon for e in events if e.event.lon is not None]  # type: ignore[attr-defined]
    if not lats or not lons:
        return None
    return (min(lons), min(lats), max(lons), max(lats))
