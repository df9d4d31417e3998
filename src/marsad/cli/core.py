"""Commands: ingest, events, extract, export, demo (thin: parse, call the library, format).

Machine-readable output (JSON lines, CSV, GeoJSON) goes to stdout or `-o FILE` and nothing
else does; progress bars, summaries, warnings and errors go to stderr.
"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from marsad.cli.app import app, err_console, out_console
from marsad.cli.common import (
    DbOption,
    LexiconOption,
    errors_as_lines,
    fail_plain,
    load_resources,
    machine_stdout,
    note,
    output_file,
    parse_day,
    print_table,
    progress_bar,
)
from marsad.geo import load_gazetteer
from marsad.io import estimate_count, parse_size
from marsad.io.acled import gazetteer_locator
from marsad.io.batch import Extracted, Failure, extract_documents
from marsad.io.export import evidence_texts, write_events
from marsad.lexicon import load_lexicon
from marsad.model import KINDS, MODALITIES, Document, Event, StoredEvent
from marsad.store import open_store
from marsad.store.ingest import IngestReport, ingest

__all__ = ["demo_command", "events_command", "export_command", "extract_command", "ingest_command"]


class EventFormat(enum.StrEnum):
    """Output formats of `marsad events`."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExtractFormat(enum.StrEnum):
    """Output formats of `marsad extract`."""

    jsonl = "jsonl"
    table = "table"


class ExportFormat(enum.StrEnum):
    """Output formats of `marsad export`."""

    acled_csv = "acled-csv"
    geojson = "geojson"
    jsonl = "jsonl"
    csv = "csv"


def _size(value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _listed(
    values: list[str] | None, allowed: tuple[str, ...], noun: str, plural: str, option: str
) -> list[str] | None:
    """The values of a repeatable, comma-separated option, each checked against `allowed`."""
    if not values:
        return None
    found = [v.strip().lower() for value in values for v in value.split(",") if v.strip()]
    unknown = [v for v in found if v not in allowed]
    if unknown:
        raise typer.BadParameter(
            f"unknown {noun} {', '.join(unknown)}; {plural} are: {', '.join(allowed)}",
            param_hint=option,
        )
    return found


def _filters(
    since: str | None,
    until: str | None,
    kind: list[str] | None,
    actor: str | None,
    place: str | None,
    modality: list[str] | None,
) -> dict[str, object]:
    """`Store.iter_events` keywords for the filter options `events` and `export` share."""
    return {
        "since": parse_day(since),
        "until": parse_day(until, end=True),
        "kinds": _listed(kind, KINDS, "kind", "kinds", "--kind"),
        "actor": actor.strip().upper() if actor else None,
        "place": place.strip() if place else None,
        "modality": _listed(modality, MODALITIES, "modality", "modalities", "--modality"),
    }


MaxBytesOption = Annotated[
    str,
    typer.Option(
        "--max-bytes",
        help="Largest file (or JSON line) to read: 20MB, 512k, 1G; 0 for no limit.",
    ),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Events on or after this day (YYYY[-MM[-DD]]).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Events on or before this day (YYYY[-MM[-DD]]).")
]
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind", help=f"Only these kinds (repeatable or comma-separated): {', '.join(KINDS)}."
    ),
]
ActorOption = Annotated[
    str | None,
    typer.Option("--actor", help="Only events with this actor id as actor1, actor2 or associate."),
]
PlaceOption = Annotated[
    str | None,
    typer.Option("--place", help="Only events at this place: a place_id, or part of its name."),
]
ModalityOption = Annotated[
    list[str] | None,
    typer.Option("--modality", help="Only these modalities: asserted, planned, negated."),
]


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _warn(failure: Failure) -> None:
    err_console.print(Text(f"failed: {failure}", style="yellow"), soft_wrap=True)


def _summary(report: IngestReport, store_name: str) -> str:
    merged = f" ({report.merged} merged with earlier reports)" if report.merged else ""
    return (
        f"{report.read} documents read: {report.new} new, "
        f"{report.duplicate} skipped as duplicates, {report.failed} failed; "
        f"{report.events} events stored{merged} in {store_name}"
    )


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders of .txt, .html, .jsonl, .json, RSS/Atom; '-' for stdin."
        ),
    ],
    db: DbOption = None,
    lexicon: LexiconOption = None,
    max_bytes: MaxBytesOption = "20MB",
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Documents per database transaction.")
    ] = 100,
) -> None:
    """Read articles, extract their events and store both; a text already stored is skipped.

    Example: marsad ingest news/ feed.xml articles.jsonl --db events.db
    """
    limit = _size(max_bytes)
    with errors_as_lines():
        resources = load_resources(lexicon)
        with open_store(db) as store:
            progress = progress_bar()
            task = progress.add_task("ingesting", total=estimate_count(paths), current="")

            def on_item(item: Extracted | Failure | Document) -> None:
                if isinstance(item, Failure):
                    _warn(item)
                    current = item.where
                else:
                    current = (item.document if isinstance(item, Extracted) else item).doc_id
                progress.update(task, advance=1, current=_shorten(current))

            try:
                with progress:
                    report = ingest(
                        paths,
                        store,
                        resources=resources,
                        max_bytes=limit,
                        batch_size=batch_size,
                        on_item=on_item,
                    )
            except KeyboardInterrupt:
                raise fail_plain(
                    "interrupted: the batch in progress was not stored; earlier batches are kept",
                    130,
                ) from None
            name = store.name
    note(_summary(report, name))
    if report.read == 0:
        raise fail_plain("nothing could be read", 1)


_COLUMNS = (
    ("id", "right", True),
    ("date", "left", True),
    ("kind", "left", True),
    ("actors", "left", False),
    ("place", "right", False),
    ("dead", "right", True),
)


def _event_table(events: list[StoredEvent], title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    for name, justify, no_wrap in _COLUMNS:
        table.add_column(name, justify=justify, no_wrap=no_wrap)  # type: ignore[arg-type]
    table.add_column("sources", overflow="fold")
    for stored in events:
        table.add_row(*_event_cells(str(stored.id), stored.event), ", ".join(stored.sources))
    return table


def _event_cells(label: str, event: Event) -> list[str]:
    """Table cells of an event: dates at their precision (day, ISO week, month), who acts
    (with associates) on whom, and the place as written (right-aligned, it is Arabic)."""
    if event.date is None:
        day = "—"
    elif event.time_precision == 2:
        year, week, _ = event.date.isocalendar()
        day = f"{year}-W{week:02d}"
    elif event.time_precision == 3:
        day = event.date.strftime("%Y-%m")
    else:
        day = event.date.isoformat()
    kind = event.kind if event.modality == "asserted" else f"{event.kind} ({event.modality})"
    actors = "+".join(a for a in (event.actor1, *event.assoc1) if a) or "—"
    if event.actor2:
        actors += f" → {event.actor2}"
    place = event.place + (" (part)" if event.partial else "")
    dead = "" if event.fatalities is None else str(event.fatalities)
    return [label, day, kind, actors, place, dead]


@app.command("events")
def events_command(
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    modality: ModalityOption = None,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N events.")] = None,
    output: Annotated[
        EventFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")
    ] = EventFormat.table,
    all_reports: Annotated[
        bool,
        typer.Option(
            "--all-reports",
            help="One row per report (document) instead of one per merged event.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """List stored events, by date, filtered by day, kind, actor or place.

    Example: marsad events --since 2017-10 --kind capture --place "دير الزور" --format csv
    """
    filters = _filters(since, until, kind, actor, place, modality)
    with errors_as_lines(), open_store(db, create=False) as store:
        found = store.iter_events(
            **filters, limit=limit, merged=not all_reports  # type: ignore[arg-type]
        )
        if output is EventFormat.table:
            rows = list(found)
            if not rows:
                note("no events match")
                return
            print_table(_event_table(rows))
            note(f"{len(rows)} events")
            return
        stream = machine_stdout()
        write_events(output.value, found, stream)
        stream.flush()


def _extract_table(document: Document, events: list[Event]) -> Table:
    title = f"{document.doc_id}: {len(events)} events"
    table = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left")
    for name, justify, no_wrap in (("#", "right", True), *_COLUMNS[1:]):
        table.add_column(name, justify=justify, no_wrap=no_wrap)  # type: ignore[arg-type]
    table.add_column("evidence", justify="right")
    for number, event in enumerate(events, start=1):
        evidence = event.evidence.slice(document.text).strip().replace("\n", " ")
        table.add_row(*_event_cells(str(number), event), _shorten_start(evidence))
    return table


def _shorten_start(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


@app.command("extract")
def extract_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders to read; standard input when none (or '-')."),
    ] = None,
    output: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="jsonl (one line per article) or table.")
    ] = ExtractFormat.jsonl,
    lexicon: LexiconOption = None,
    max_bytes: MaxBytesOption = "20MB",
) -> None:
    """Extract events from articles without storing them: one JSON line per article.

    Each line is {"doc_id": ..., "events": [...]}, events with the EVENTS.md fields.

    Example: marsad extract article.txt   or   cat article.txt | marsad extract
    """
    limit = _size(max_bytes)
    read = 0
    if not paths and _stdin_is_terminal():
        # Nothing piped in: waiting for the user to type an article is never what they meant.
        raise fail_plain("no input: give files or folders, or pipe articles into standard input")
    with errors_as_lines():
        resources = load_resources(lexicon)
        stream = machine_stdout() if output is ExtractFormat.jsonl else None
        for item in extract_documents(paths or ["-"], resources, max_bytes=limit):
            if isinstance(item, Failure):
                _warn(item)
                read += item.stage != "read"
                continue
            if not isinstance(item, Extracted):
                continue  # a bare Document comes only for a `skip`, and none is given
            read += 1
            if stream is not None:
                record = {
                    "doc_id": item.document.doc_id,
                    "events": [e.to_dict() for e in item.events],
                }
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                stream.flush()
            else:
                print_table(_extract_table(item.document, item.events))
    if read == 0:
        raise fail_plain("nothing could be read", 1)


@app.command("export")
def export_command(
    output: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="acled-csv, geojson, jsonl or csv."),
    ] = ExportFormat.jsonl,
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    modality: Annotated[
        list[str] | None,
        typer.Option(
            "--modality",
            help="Only these modalities [default: all; asserted only for acled-csv, as ACLED "
            "codes only events that happened].",
        ),
    ] = None,
    db: DbOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Export stored events: ACLED-style CSV, GeoJSON FeatureCollection, JSON lines or CSV.

    Example: marsad export --format acled-csv -o events.csv --since 2017-10-01
    """
    acled = output is ExportFormat.acled_csv
    filters = _filters(since, until, kind, actor, place, modality)
    if filters["modality"] is None and acled:
        filters["modality"] = ["asserted"]
    with errors_as_lines(), open_store(db, create=False) as store:
        found = store.iter_events(**filters)  # type: ignore[arg-type]
        evidence = evidence_texts(lambda document_id: store.get_document(document_id).text)
        # ACLED rows name actors as the lexicon does, and places by country and admin unit
        lexicon_ = load_lexicon(tuple(lexicon or ())) if acled else None
        locate = gazetteer_locator(load_gazetteer()) if acled else None
        with output_file(out) as stream:
            count = write_events(output.value, found, stream, evidence=evidence,
                                 lexicon=lexicon_, locate=locate)
            stream.flush()
    where = out if out is not None and str(out) != "-" else "stdout"
    note(f"exported {count} events as {output.value} to {where}")


@app.command("demo")
def demo_command(db: DbOption = None, lexicon: LexiconOption = None) -> None:
    """Ingest the bundled example articles into a fresh ./marsad-demo.db and show the events.

    Example: marsad demo
    """
    from marsad.examples.demo import run_demo  # the demo is the only command that needs it

    with errors_as_lines():
        summary = run_demo(db, lexicons=tuple(lexicon or ()))
    for failure in summary.report.failures:
        _warn(failure)
    documents = Table(box=box.SIMPLE_HEAD, title="documents", title_justify="left")
    documents.add_column("doc_id", no_wrap=True)
    documents.add_column("outlet")
    documents.add_column("published", no_wrap=True)
    documents.add_column("events", justify="right")
    documents.add_column("title", justify="right")
    for doc in summary.documents:
        published = doc.published.isoformat() if doc.published else "—"
        documents.add_row(
            doc.doc_id, doc.outlet or "—", published, str(doc.events), doc.title or ""
        )
    print_table(documents)
    if summary.events:
        print_table(_event_table(list(summary.events), title="events"))
    else:
        out_console.print("no events found: extraction found nothing in the examples")
    note(_summary(summary.report, summary.db))
    note(
        f"explore: marsad events --db {summary.db}   ·   marsad export --db {summary.db} "
        "--format geojson -o events.geojson"
    )
    if summary.map is not None:  # issue 5: the map page the demo wrote
        note(f"map: {summary.map.resolve()} (open it in a browser; works offline)")
