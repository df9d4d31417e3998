"""Commands: control, contacts, frontlines, map (thin: parse, call marsad.track / marsad.web)."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from marsad.cli.app import app, err_console
from marsad.cli.common import (
    DbOption,
    LexiconOption,
    errors_as_lines,
    output_file,
    parse_day,
    print_table,
    spinner,
)
from marsad.model import ControlInterval
from marsad.store import open_store
from marsad.track.coalitions import CoalitionTable, coalitions_from_lexicon
from marsad.track.contacts import Contact
from marsad.track.control import CONTESTED, ControlSettings
from marsad.track.export import contacts_geojson, fronts_geojson, interval_dict, intervals_geojson
from marsad.track.frontlines import FrontLine
from marsad.track.query import TrackState, track_state

__all__ = ["contacts_command", "control_command", "frontlines_command", "map_command"]


class TrackFormat(enum.StrEnum):
    """Output formats of the control, contacts and frontlines commands."""

    table = "table"
    geojson = "geojson"
    jsonl = "jsonl"


DateOption = Annotated[
    str | None,
    typer.Option("--date", help="The day (YYYY-MM-DD; YYYY-MM or YYYY mean its first day)."),
]
FormatOption = Annotated[
    TrackFormat, typer.Option("--format", "-f", help="table (for reading), geojson or jsonl.")
]
OutOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
ContestOption = Annotated[
    int,
    typer.Option("--contest-days", min=0,
                 help="Claims by two coalitions this many days apart make a place contested."),
]
GeoPrecisionOption = Annotated[
    int,
    typer.Option("--max-geo-precision", min=1, max=3,
                 help="Count captures located this loosely (1: the place itself; 2: near it)."),
]
KmOption = Annotated[
    float, typer.Option("--km", min=0.0, help="Places of different coalitions this close meet.")
]
WindowOption = Annotated[
    int, typer.Option("--window", min=0, help="Reported contacts up to this many days old count.")
]
MaxKmOption = Annotated[
    float, typer.Option("--max-km", min=1.0, help="Draw fronts at most this far from a held place.")
]


def _load(db: str | None, lexicon: list[Path] | None, settings: ControlSettings
          ) -> tuple[TrackState, CoalitionTable]:
    from marsad.lexicon import load_lexicon

    coalitions = coalitions_from_lexicon(load_lexicon(tuple(lexicon or ())))
    with open_store(db, create=False) as store:
        return track_state(store, coalitions, settings), coalitions


def _on_day(state: TrackState, date: str | None) -> dt.date:
    day = parse_day(date)
    if day is not None:
        return day
    latest = state.latest_day()
    if latest is None:
        return dt.date.today()
    err_console.print(f"on {latest.isoformat()} (the last day with control data; --date to change)",
                      highlight=False)
    return latest


def _write(fmt: TrackFormat, out: Path | None, rows: list[dict[str, object]],
           geojson: dict[str, object], table: Callable[[], Table]) -> None:
    if fmt is TrackFormat.table and out is None:
        print_table(table())
        return
    with output_file(out) as stream:
        if fmt is TrackFormat.geojson:
            json.dump(geojson, stream, ensure_ascii=False)
            stream.write("\n")
        else:
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def _ids(ids: Iterable[int], limit: int = 6) -> str:
    ids = list(ids)
    text = ",".join(map(str, ids[:limit]))
    return text + (f",… ({len(ids)})" if len(ids) > limit else "")


def _holder(iv: ControlInterval) -> str:
    return f"contested: {', '.join(iv.claims)}" if iv.status == "contested" else iv.coalition


def _control_table(intervals: list[ControlInterval], title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    table.add_column("place", justify="right")
    table.add_column("place_id", no_wrap=True)
    table.add_column("held by")
    table.add_column("since", no_wrap=True)
    table.add_column("until", no_wrap=True)
    table.add_column("sources", justify="right")
    table.add_column("events")
    for iv in intervals:
        table.add_row(iv.place, iv.place_id, _holder(iv), iv.start.isoformat(),
                      iv.end.isoformat() if iv.end else "—", str(iv.sources), _ids(iv.event_ids))
    return table


@app.command("control")
def control_command(
    date: DateOption = None,
    coalition: Annotated[
        str | None,
        typer.Option("--coalition", help="Only this coalition (contested places it claims too)."),
    ] = None,
    fmt: FormatOption = TrackFormat.table,
    out: OutOption = None,
    contest_days: ContestOption = 3,
    max_geo_precision: GeoPrecisionOption = 1,
    db: DbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Who holds which place: the control timeline derived from stored captures and withdrawals.

    Without --date: every interval of the timeline; with it, those in force that day.

    Example: marsad control --date 2017-10-25 --coalition syria_gov --format geojson -o held.geojson
    """
    settings = ControlSettings(contest_days=contest_days, max_geo_precision=max_geo_precision)
    with errors_as_lines():
        state, coalitions = _load(db, lexicon, settings)
    intervals = list(state.timeline.intervals)
    if date is not None:
        intervals = state.at(_on_day(state, date))
    if coalition is not None:
        known = {c for iv in state.timeline.intervals for c in iv.claims} | set(coalitions.coalitions)
        if coalition not in known and coalition != CONTESTED:
            raise typer.BadParameter(f"unknown coalition {coalition!r}; known: {', '.join(sorted(known))}",
                                     param_hint="--coalition")
        intervals = [iv for iv in intervals if iv.coalition == coalition or coalition in iv.claims]
    places = len({iv.place_id for iv in intervals})
    title = f"control on {date}" if date else "control timeline"
    _write(fmt, out, [interval_dict(iv) for iv in intervals], intervals_geojson(intervals),
           lambda: _control_table(intervals, title))
    skipped = "; ".join(f"{n} {why}" for why, n in state.timeline.skipped.items())
    err_console.print(f"{len(intervals)} intervals over {places} places"
                      + (f" (left out: {skipped})" if skipped else ""), highlight=False,
                      soft_wrap=True)


def _contact_table(contacts: list[Contact], title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    table.add_column("basis")
    table.add_column("coalition")
    table.add_column("place", justify="right")
    table.add_column("coalition")
    table.add_column("place", justify="right")
    table.add_column("km", justify="right")
    table.add_column("since", no_wrap=True)
    table.add_column("events")
    for c in contacts:
        table.add_row(c.basis, c.a.coalition or "?", c.a.place, c.b.coalition or "?", c.b.place,
                      f"{c.distance_km:.1f}", c.since.isoformat(), _ids(c.event_ids))
    return table


@app.command("contacts")
def contacts_command(
    date: DateOption = None,
    km: KmOption = 15.0,
    window: WindowOption = 7,
    nearest: Annotated[
        bool, typer.Option("--nearest", help="Per place, only the nearest place of each other "
                                             "coalition (no mesh on dense fronts).")
    ] = False,
    fmt: FormatOption = TrackFormat.table,
    out: OutOption = None,
    contest_days: ContestOption = 3,
    db: DbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Contact points on a day: places of different coalitions within --km, contested places,
    and contact events reported within --window days.

    Example: marsad contacts --date 2017-10-25 --km 20 --format geojson -o contacts.geojson
    """
    with errors_as_lines():
        state, coalitions = _load(db, lexicon, ControlSettings(contest_days=contest_days))
    day = _on_day(state, date)
    contacts = state.contacts(day, coalitions, km=km, window_days=window, nearest_only=nearest)
    _write(fmt, out, [c.to_dict() for c in contacts], contacts_geojson(contacts),
           lambda: _contact_table(contacts, f"contacts on {day.isoformat()}"))
    err_console.print(f"{len(contacts)} contacts on {day.isoformat()}", highlight=False)


def _front_table(fronts: list[FrontLine], title: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    table.add_column("left")
    table.add_column("right")
    table.add_column("km", justify="right")
    table.add_column("places left", justify="right")
    table.add_column("places right", justify="right")
    for f in fronts:
        table.add_row(f.left, f.right, f"{f.length_km:.1f}", str(len(f.places_left)),
                      str(len(f.places_right)))
    return table


@app.command("frontlines")
def frontlines_command(
    date: DateOption = None,
    max_km: MaxKmOption = 50.0,
    fmt: Annotated[TrackFormat, typer.Option("--format", "-f", help="geojson, jsonl or table.")
                   ] = TrackFormat.geojson,
    out: OutOption = None,
    contest_days: ContestOption = 3,
    db: DbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Front lines on a day: where the areas nearest to each coalition's places meet, clipped
    to land and to --max-km from the places, as GeoJSON LineStrings with both sides.

    Example: marsad frontlines --date 2017-10-25 -o fronts.geojson
    """
    from marsad.web.basemap import load_basemap

    with errors_as_lines():
        state, _ = _load(db, lexicon, ControlSettings(contest_days=contest_days))
        day = _on_day(state, date)
        fronts = state.fronts(day, land=load_basemap().land, max_km=max_km)
    _write(fmt, out, [f.to_feature() for f in fronts], fronts_geojson(fronts),
           lambda: _front_table(fronts, f"front lines on {day.isoformat()}"))
    err_console.print(f"{len(fronts)} front lines on {day.isoformat()}", highlight=False)


@app.command("map")
def map_command(
    date: DateOption = None,
    out: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")
                   ] = Path("map.html"),
    online_tiles: Annotated[
        bool, typer.Option("--online-tiles", help="Also show OpenStreetMap tiles (needs network).")
    ] = False,
    since: Annotated[
        str | None, typer.Option("--since", help="The slider starts here (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="The slider ends here (YYYY[-MM[-DD]]).")
    ] = None,
    km: KmOption = 15.0,
    window: WindowOption = 7,
    max_km: MaxKmOption = 50.0,
    contest_days: ContestOption = 3,
    db: DbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Write ONE self-contained HTML map (works offline): events by kind, control by
    coalition, contested places, contact points and front lines, with a day-by-day slider.

    Control before --since still counts (who holds what on the first day); --since/--until
    keep a map of a big store small and quick.

    Example: marsad map --date 2017-10-25 --since 2017-09 --until 2017-12 -o deir-ez-zor.html
    """
    from marsad.lexicon import load_lexicon
    from marsad.web.mapbuild import build_map
    from marsad.web.mapdata import MapOptions

    options = MapOptions(day=parse_day(date), since=parse_day(since),
                         until=parse_day(until, end=True), online_tiles=online_tiles,
                         contact_km=km, contact_window_days=window, front_max_km=max_km)
    progress = spinner()
    with errors_as_lines(), progress:
        task = progress.add_task("map", total=None)
        lex = load_lexicon(tuple(lexicon or ()))
        with open_store(db, create=False) as store:
            summary = build_map(
                store, out, options=options, lexicon=lex,
                control=ControlSettings(contest_days=contest_days),
                progress=lambda what: progress.update(task, description=what),
            )
    note = f"; {summary.truncated_events} older events left out" if summary.truncated_events else ""
    err_console.print(
        f"wrote {summary.path} ({summary.bytes / 1024:.0f} kB): {summary.events} events, "
        f"{summary.places} places, {summary.first_day} … {summary.last_day}, opens on "
        f"{summary.day}{note}. Open it in a browser (no network needed).",
        highlight=False, soft_wrap=True,
    )
