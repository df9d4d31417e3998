"""Commands: `marsad gazetteer build|lookup|add|import|unknown` (thin, over marsad.geo)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from marsad.cli.app import app, err_console, fail, out_console
from marsad.cli.common import spinner

gazetteer_app = typer.Typer(
    name="gazetteer",
    help="Build, query and extend the gazetteer (places of Syria, Iraq and neighbours).",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")

_OVERLAY_HELP = "User overlay TSV (default: $MARSAD_HOME/gazetteer/overlay.tsv or ~/.local/share/marsad/gazetteer/overlay.tsv)."


@gazetteer_app.command("build")
def build(
    source_dir: Annotated[
        Path, typer.Option("--source-dir", help="Folder with the source data (see SOURCES.md).")
    ] = Path("../shared/data"),
    dumps: Annotated[
        list[Path] | None,
        typer.Argument(help="More GeoNames dumps (after --geonames).", show_default=False),
    ] = None,
    geonames: Annotated[
        list[Path] | None,
        typer.Option("--geonames", help="Full GeoNames country dumps (SY.txt, IQ.txt, ...)."),
    ] = None,
    alternate_names: Annotated[
        Path | None,
        typer.Option("--alternate-names", help="GeoNames alternateNamesV2.txt (Arabic names)."),
    ] = None,
    user: Annotated[
        bool,
        typer.Option(
            "--user",
            help="Write to your data folder ($MARSAD_HOME/gazetteer/index), which load_gazetteer then prefers.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Output folder (default: the package's geo/data)."),
    ] = None,
) -> None:
    """Merge the sources into the compact index.

    Without the source folder, the dumps grow the index in use (the shipped one).
    Example: marsad gazetteer build --user --geonames SY.txt IQ.txt --alternate-names alternateNamesV2.txt
    """
    from marsad.geo.build import DATA_DIR, BuildOptions, build_gazetteer
    from marsad.geo.gazetteer import default_index
    from marsad.geo.overlay import user_dir

    extra = [*(geonames or ()), *(dumps or ())]
    for path in extra:
        if not path.is_file():
            raise fail(f"{path}: GeoNames dump not found")
    if not source_dir.is_dir() and not extra:
        raise fail(f"{source_dir}: source folder not found (give --source-dir or GeoNames dumps)")
    with spinner() as progress:
        task = progress.add_task("reading sources")
        options = BuildOptions(
            source_dir=source_dir if source_dir.is_dir() else None,
            # Without the source folder, grow the index in use (shipped or user's) instead.
            base=None if source_dir.is_dir() else default_index(),
            geonames=tuple(extra),
            alternate_names=alternate_names,
            output=output or (user_dir() / "index" if user else DATA_DIR),
            progress=lambda msg: progress.update(task, description=msg),
        )
        report = build_gazetteer(options)
    table = Table(title="gazetteer build", show_header=True)
    table.add_column("source")
    table.add_column("entries", justify="right")
    for label, count in report.read.items():
        table.add_row(label, f"{count:,}")
    table.add_row("[bold]places written", f"[bold]{report.places:,}")
    table.add_row("merged duplicates", f"{report.merged:,}")
    table.add_row("keys", f"{report.keys:,}")
    table.add_row("admin polygons", f"{report.admin_areas:,}")
    err_console.print(table)
    err_console.print(f"written to {report.output}")


@gazetteer_app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="A place name as written (Arabic or Latin).")],
    context: Annotated[
        str | None,
        typer.Option(
            "--context", help="A sentence or article the name appears in (ranks by context)."
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO2 of the article's country.")
    ] = None,
    index: Annotated[
        Path | None, typer.Option("--index", help="Gazetteer index folder or file.")
    ] = None,
    overlay: Annotated[Path | None, typer.Option("--overlay", help=_OVERLAY_HELP)] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many candidates to show.")] = 10,
) -> None:
    """Print the ranked candidates for NAME, with the reason for the ranking.

    Example: marsad gazetteer lookup "ربيعة" --context "استعادة السيطرة على منفذ ربيعة الحدودي مع سوريا"
    """
    from marsad.geo import PlaceContext, explain, load_gazetteer, resolve_place
    from marsad.lexicon.loader import load_lexicon
    from marsad.text.normalize import normalize_text

    # the outlet nouns the pipeline gives the article scan ("مراسل الميادين" is no town)
    gaz = load_gazetteer(index, overlay=overlay,
                         outlet_nouns=load_lexicon().words("outlet_nouns"))
    text = context if context and name in context else f"{context or ''} {name}".strip()
    norm = normalize_text(text)
    pos = text.rfind(name)
    span = norm.norm_span(pos, pos + len(name))
    ctx = PlaceContext(norm, span, country=country.upper() if country else None)
    ranked = explain(name, ctx, gaz)
    best = resolve_place(name, ctx, gaz)
    table = Table(title=f"candidates for {name}")
    for col, justify in (
        ("#", "right"),
        ("id", "left"),
        ("name", "right"),
        ("feature", "left"),
        ("country", "left"),
        ("admin", "right"),
        ("lat, lon", "right"),
        ("prec", "right"),
        ("score", "right"),
        ("why", "left"),
    ):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for i, c in enumerate(ranked[:limit], 1):
        p = c.place
        table.add_row(
            str(i),
            p.id,
            p.name,
            p.feature,
            p.country or "",
            " / ".join(p.admin),
            f"{p.lat:.4f}, {p.lon:.4f}",
            str(c.geo_precision),
            f"{c.score:.2f}",
            "; ".join(c.reasons),
        )
    out_console.print(table)
    if best is None:
        out_console.print("no match and no enclosing unit")
    elif best.place_id is None:
        out_console.print(
            f"unknown place: {best.reason} -> {best.admin1 or ''} "
            f"({best.lat:.4f}, {best.lon:.4f}), geo_precision {best.geo_precision}"
        )
    else:
        out_console.print(
            f"chosen: {best.place_id} ({best.lat:.4f}, {best.lon:.4f}), "
            f"geo_precision {best.geo_precision}"
        )


@gazetteer_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The place's name (Arabic as written in the news).")],
    lat: Annotated[float, typer.Option("--lat", help="Latitude, decimal degrees (WGS 84).")],
    lon: Annotated[float, typer.Option("--lon", help="Longitude, decimal degrees (WGS 84).")],
    kind: Annotated[
        str, typer.Option("--kind", help="Feature type: village, town, city, airbase, ...")
    ] = "village",
    admin: Annotated[
        str, typer.Option("--admin", help="Admin chain, governorate first, '|'-separated.")
    ] = "",
    country: Annotated[
        str | None, typer.Option("--country", help="ISO 3166 alpha-2 code, e.g. SY.")
    ] = None,
    names: Annotated[str, typer.Option("--names", help="Other spellings, '|'-separated.")] = "",
    overlay: Annotated[Path | None, typer.Option("--overlay", help=_OVERLAY_HELP)] = None,
) -> None:
    """Add a place to your overlay (it takes precedence over the shipped index).

    Example: marsad gazetteer add "حقل كونيكو" --lat 35.336 --lon 40.309 --kind "oil field" --country SY
    """
    from marsad.geo.overlay import add_places, default_overlay_path, make_place

    path = overlay or default_overlay_path()
    place = make_place(name, lat, lon, kind, country, admin, names)
    add_places(path, [place])
    err_console.print(f"added {place.id} ({name}) to {path}")


@gazetteer_app.command("import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="TSV with a header: name, lat, lon [, kind, country, admin, names, id]."
        ),
    ],
    overlay: Annotated[Path | None, typer.Option("--overlay", help=_OVERLAY_HELP)] = None,
) -> None:
    """Import places from a TSV file into your overlay.

    Example: marsad gazetteer import my_places.tsv
    """
    from marsad.geo.overlay import add_places, default_overlay_path, read_overlay

    path = overlay or default_overlay_path()
    places = read_overlay(file)  # same columns as the overlay; id optional
    count = add_places(path, places)
    err_console.print(f"imported {count} places into {path}")


@gazetteer_app.command("unknown")
def unknown(
    report: Annotated[
        Path | None,
        typer.Option("--report", help="The unknown-places report (default: beside the overlay)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many names to show.")] = 50,
) -> None:
    """List the place names the resolver could not find, most frequent first.

    Example: marsad gazetteer unknown --limit 20
    """
    from marsad.geo.overlay import UnknownPlaces

    found = UnknownPlaces.open(report)
    table = Table(title=f"unknown places ({found.path})")
    table.add_column("name", justify="right")
    table.add_column("count", justify="right")
    table.add_column("articles")
    for name, count, docs in found.rows()[:limit]:
        table.add_row(name, str(count), ", ".join(docs[:5]) + (" ..." if len(docs) > 5 else ""))
    out_console.print(table)
