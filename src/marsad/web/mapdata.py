"""The data the map page shows, as one JSON-ready dict (the edge where records become dicts).

Events carry their evidence sentence (the original text of the article between the
event's evidence offsets) with the place and actor marked; offsets are converted to
UTF-16 code units because that is how JavaScript strings count. Control, contacts and
front lines are precomputed: control as the whole timeline (the page finds the interval in
force on the slider's day), contacts and front lines as snapshots on the days they can
change (days control changes hands, and days a reported contact enters or leaves its
window).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from marsad.model import KINDS, ControlInterval, Document, NormText, StoredEvent
from marsad.text.normalize import fold, normalize_text
from marsad.track.coalitions import CoalitionTable
from marsad.track.contacts import find_contacts
from marsad.track.control import CONTESTED, ControlIndex, intervals_by_place
from marsad.track.export import interval_state
from marsad.track.frontlines import front_lines
from marsad.web.basemap import Basemap

__all__ = ["KIND_COLORS", "MapOptions", "evidence_view", "map_payload"]

log = logging.getLogger(__name__)

#: one colour per event kind (EVENTS.md order), picked to stay apart from coalition fills
KIND_COLORS = {
    "capture": "#e31a1c",
    "withdrawal": "#fb9a99",
    "advance": "#ff7f00",
    "clash": "#b15928",
    "airstrike": "#6a3d9a",
    "shelling": "#cab2d6",
    "explosion": "#000000",
    "attack_civilians": "#f781bf",
    "deployment": "#33a02c",
    "contact": "#1f78b4",
    "other": "#999999",
}


@dataclass(frozen=True, slots=True)
class MapOptions:
    """What the map shows and how contacts and front lines are derived."""

    #: the day the page opens on (default: the last day with data)
    day: dt.date | None = None
    #: the slider's range and the events shown (control before `since` still counts)
    since: dt.date | None = None
    until: dt.date | None = None
    online_tiles: bool = False
    contact_km: float = 15.0
    contact_window_days: int = 7
    front_max_km: float = 50.0
    #: contacts and front lines are computed on at most this many days (evenly spread) ...
    max_snapshots: int = 400
    #: ... and on at most this many places in force summed over those days
    max_snapshot_places: int = 200_000
    #: at most this many events are inlined (the latest ones up to `day`)
    max_events: int = 50_000
    title: str = "marsad"


def map_payload(
    events: Sequence[StoredEvent],
    intervals: Sequence[ControlInterval],
    coalitions: CoalitionTable,
    *,
    documents: Callable[[int], Document | None],
    basemap: Basemap | None = None,
    options: MapOptions | None = None,
    actor_aliases: Mapping[str, Sequence[str]] | None = None,
    contact_events: Sequence[StoredEvent] | None = None,
    truncated: int = 0,
) -> dict[str, object]:
    """Everything the map page needs, as plain JSON-ready data (see module doc).

    `events` are the events to show; `contact_events` the reported contacts for contact
    points (default: those among `events`); `truncated` how many events the caller
    already left out (reported on the page).
    """
    options = options or MapOptions()
    basemap = basemap or Basemap()
    lo, hi = options.since or dt.date.min, options.until or dt.date.max
    shown = [s for s in events if s.event.date is not None and s.event.lat is not None
             and s.event.lon is not None and lo <= s.event.date <= hi]
    shown.sort(key=lambda s: (s.event.date, s.id))
    intervals = [iv for iv in intervals if iv.start <= hi and (iv.end is None or iv.end > lo)]
    days = [s.event.date for s in shown] + [max(iv.start, lo) for iv in intervals]
    days += [iv.end for iv in intervals if iv.end is not None and iv.end <= hi]
    days += [d for d in (options.day, options.since, options.until) if d is not None]
    first = min(days) if days else dt.date.today()
    last = max(days) if days else first
    day = min(max(options.day or last, first), last)
    if len(shown) > options.max_events:
        upto = [s for s in shown if s.event.date <= day]
        keep = upto[-options.max_events:]
        truncated += len(shown) - len(keep)
        shown = keep
    texts: list[str] = []
    text_index: dict[str, int] = {}
    docs: dict[int, Document | None] = {}
    event_rows = []
    for stored in shown:
        if stored.document_id not in docs:
            docs[stored.document_id] = documents(stored.document_id)
        row = _event_row(stored, docs[stored.document_id], coalitions, actor_aliases or {})
        evidence = row.pop("_evidence_text", None)
        if evidence is not None:
            if evidence not in text_index:
                text_index[evidence] = len(texts)
                texts.append(evidence)
            row["evidence"]["text"] = text_index[evidence]  # type: ignore[index]
        event_rows.append(row)
    present = {c for iv in intervals for c in iv.claims}
    present |= {r["coalition"] for r in event_rows if r["coalition"]}
    return {
        "version": 1,
        "title": options.title,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "day": day.isoformat(),
        "online_tiles": options.online_tiles,
        "truncated_events": truncated,
        "kinds": {k: KIND_COLORS[k] for k in KINDS},
        "coalitions": {
            c: {"label": coalitions.info(c).label, "color": coalitions.info(c).color}
            for c in sorted(present) if c and c != CONTESTED
        },
        "basemap": {"countries": basemap.countries, "admin1": basemap.admin1},
        "texts": texts,
        "events": event_rows,
        "places": _places(intervals),
        "derived": _snapshots(
            events if contact_events is None else contact_events,
            intervals, coalitions, basemap, options, first, last,
        ),
        "settings": {
            "contact_km": options.contact_km,
            "contact_window_days": options.contact_window_days,
            "front_max_km": options.front_max_km,
        },
    }


def evidence_view(
    document: Document | None,
    stored: StoredEvent,
    actor_aliases: Mapping[str, Sequence[str]],
) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The evidence text of an event and the [start, end) of its place and actor in it."""
    if document is None:
        return None
    ev = stored.event
    span = ev.evidence
    if span.end <= span.start or span.end > len(document.text):
        return None
    text = span.slice(document.text)
    norm = normalize_text(text)
    marks: list[tuple[int, int, str]] = []
    place = _find(norm, [ev.place])
    if place is not None:
        marks.append((*place, "place"))
    for role, actor in (("actor", ev.actor1), ("actor2", ev.actor2)):
        if actor:
            found = _find(norm, actor_aliases.get(actor, ()))
            if found is not None and not any(found[0] < e and s < found[1] for s, e, _ in marks):
                marks.append((*found, role))
    marks.sort()
    return text, marks


def _find(norm: NormText, needles: Sequence[str]) -> tuple[int, int] | None:
    """Where a needle stands in normalized text, as original offsets.

    Prefers whole words (a needle may follow the clitics و ف ب ل ك and the article, as
    in "وبالقائم"), then the longer needle, then the earlier place: "سان" inside "لسان" is
    taken only when no better occurrence exists.
    """
    best: tuple[tuple[int, int, int, int], tuple[int, int]] | None = None
    text = norm.text
    for needle in {fold(n).strip() for n in needles if n}:
        if not needle:
            continue
        i = text.find(needle)
        while i >= 0:
            end = i + len(needle)
            start_ok, end_ok = _word_start(text, i), _word_end(text, end)
            score = (int(start_ok > 0 and end_ok > 0), start_ok + end_ok, len(needle), -i)
            if best is None or score > best[0]:
                span = norm.original_span(i, end)
                best = (score, (span.start, span.end))
            i = text.find(needle, i + 1)
    return best[1] if best else None


_CLITICS = re.compile(r"(?:^|[^\w])(?:[وف]?[بلك]?(?:ال|ل)?|[وف])$")


def _word_start(text: str, i: int) -> int:
    """2 when `i` starts a word, 1 when it follows proclitics ("و", "ب", "ال", "وبال")."""
    if i == 0 or not text[i - 1].isalnum():
        return 2
    return 1 if _CLITICS.search(text[max(0, i - 6) : i]) else 0


def _word_end(text: str, end: int) -> int:
    """1 when `end` ends a word."""
    return 1 if end >= len(text) or not text[end].isalnum() else 0


def _utf16(text: str, offset: int) -> int:
    """A code-point offset as a JavaScript (UTF-16 code unit) offset."""
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def _event_row(
    stored: StoredEvent,
    document: Document | None,
    coalitions: CoalitionTable,
    actor_aliases: Mapping[str, Sequence[str]],
) -> dict[str, object]:
    ev = stored.event
    row: dict[str, object] = {
        "id": stored.id,
        "kind": ev.kind if ev.kind in KINDS else "other",
        "modality": ev.modality,
        "actor1": ev.actor1,
        "assoc1": list(ev.assoc1),
        "actor2": ev.actor2,
        "coalition": coalitions.coalition_of(ev.actor1, ev.date),
        "place": ev.place,
        "place_id": ev.place_id,
        "lat": round(float(ev.lat), 5),  # type: ignore[arg-type]
        "lon": round(float(ev.lon), 5),  # type: ignore[arg-type]
        "geo_precision": ev.geo_precision,
        "date": ev.date.isoformat(),  # type: ignore[union-attr]
        "time_precision": ev.time_precision,
        "source": ev.source,
        "fatalities": ev.fatalities,
        "partial": ev.partial,
        "outlet": stored.outlet,
        "doc_id": stored.doc_id,
        "published": stored.published.isoformat() if stored.published else None,
        "sources": list(stored.sources),
        "url": document.url if document is not None else None,
        "title": document.title if document is not None else None,
        "evidence": None,
    }
    view = evidence_view(document, stored, actor_aliases)
    if view is not None:
        text, marks = view
        row["_evidence_text"] = text
        row["evidence"] = {
            "text": None,
            "marks": [[_utf16(text, s), _utf16(text, e), role] for s, e, role in marks],
        }
    return row


def _places(intervals: Sequence[ControlInterval]) -> list[dict[str, object]]:
    out = []
    for key, ivs in sorted(intervals_by_place(intervals).items()):
        first = ivs[0]
        if first.lat is None or first.lon is None:
            continue
        out.append({
            "id": key,
            "name": first.place,
            "lat": round(first.lat, 5),
            "lon": round(first.lon, 5),
            "intervals": [interval_state(iv) for iv in ivs],
        })
    return out


def _snapshots(
    events: Sequence[StoredEvent],
    intervals: Sequence[ControlInterval],
    coalitions: CoalitionTable,
    basemap: Basemap,
    options: MapOptions,
    first: dt.date,
    last: dt.date,
) -> dict[str, object]:
    """Contacts and front lines on the days they may change, within a work budget.

    Contacts come back as intervals (`start`, `end`: the snapshot days between which they
    hold), each written once however many days it lasts; front lines as one collection per
    snapshot day where they differ from the day before. The candidate days are every day
    control changes hands and every day a reported contact enters or leaves its window;
    when those exceed `max_snapshots`, or the places to compute over exceed
    `max_snapshot_places`, evenly spread days are kept (the opening day always).
    """
    index = ControlIndex(intervals)
    contact_events = [s for s in events if s.event.kind == "contact" and s.event.date]
    window = dt.timedelta(days=options.contact_window_days)
    candidates = {first, *index.change_days()}
    for s in contact_events:
        candidates.add(s.event.date)  # type: ignore[arg-type]
        candidates.add(s.event.date + window + dt.timedelta(days=1))  # type: ignore[operator]
    days = sorted(d for d in candidates if first <= d <= last)
    opening = options.day if options.day is not None and first <= options.day <= last else None
    sizes = index.counts(days)
    budget = min(options.max_snapshots,
                 max(2, options.max_snapshot_places // max(1, max(sizes, default=1))))
    considered = len(days)
    if len(days) > budget:
        step = len(days) / budget
        days = sorted({days[int(i * step)] for i in range(budget)} | ({opening} if opening else set()))
        log.info("map: contacts and front lines on %d of %d days", len(days), considered)
    elif opening is not None and opening not in days:
        days = sorted({*days, opening})
    open_contacts: dict[tuple[object, ...], dict[str, object]] = {}
    contacts_out: list[dict[str, object]] = []
    fronts_out: list[dict[str, object]] = []
    previous: list[dict[str, object]] = []  # no front before the first day
    for day in days:
        in_force = index.at(day)
        # nearest pairs only: a dense front would otherwise become a mesh of lines
        found = find_contacts(in_force, day, events=contact_events, coalitions=coalitions,
                              km=options.contact_km, window_days=options.contact_window_days,
                              nearest_only=True)
        seen = set()
        for c in found:
            key = (c.basis, c.a.place_id, c.a.coalition, c.b.place_id, c.b.coalition)
            seen.add(key)
            row = open_contacts.get(key)
            if row is None:
                row = {**c.to_dict(), "start": day.isoformat(), "end": None}
                open_contacts[key] = row
                contacts_out.append(row)
            elif c.event_ids != tuple(row["event_ids"]):  # type: ignore[arg-type]
                row["event_ids"] = sorted({*row["event_ids"], *c.event_ids})  # type: ignore[misc]
        for key in [k for k in open_contacts if k not in seen]:
            open_contacts.pop(key)["end"] = day.isoformat()
        fronts = [_compact(f.to_feature()) for f in
                  front_lines(in_force, land=basemap.land, max_km=options.front_max_km)]
        if fronts != previous:
            fronts_out.append({"day": day.isoformat(),
                               "fronts": {"type": "FeatureCollection", "features": fronts}})
            previous = fronts
    return {"contacts": contacts_out, "fronts": fronts_out,
            "days": [d.isoformat() for d in days], "candidate_days": considered}


def _compact(feature: dict[str, object]) -> dict[str, object]:
    """A front line feature with coordinates rounded to 4 decimals (about 10 m)."""
    geometry = dict(feature["geometry"])  # type: ignore[arg-type]

    def rounded(coords: object) -> object:
        if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], float):
            return [round(c, 4) for c in coords]  # type: ignore[union-attr]
        return [rounded(c) for c in coords]  # type: ignore[union-attr]

    geometry["coordinates"] = rounded(geometry["coordinates"])
    return {**feature, "geometry": geometry}
