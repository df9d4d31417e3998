"""Command: eval, scoring the extractor against gold files (EVENTS.md "Scoring").

The default output ends with the summary (attributes, then the strict and loose lines),
so `marsad eval ... | tail -n 25` shows what matters; per-kind rows and, with
`--errors`, the per-article listing come before it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli.app import app, err_console, out_console
from marsad.cli.common import LexiconOption, errors_as_lines, load_resources, progress_bar
from marsad.eval import Counts, DocumentResult, Report, evaluate, evidence_excerpt, report_to_dict
from marsad.eval.match import place_key
from marsad.eval.report import attribute_value
from marsad.model import Event


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (EVENTS.md 'Gold files').")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as one JSON object.")
    ] = False,
    errors: Annotated[
        bool,
        typer.Option("--errors", help="List missed, spurious and disagreeing events per article."),
    ] = False,
    lexicon: LexiconOption = None,
    doc: Annotated[
        list[str] | None, typer.Option("--doc", help="Score only this doc_id (repeatable).")
    ] = None,
) -> None:
    """Score event extraction against gold files: strict and loose P/R/F1, attributes, km.

    Example: marsad eval gold/*.jsonl --errors
    """
    # errors_as_lines: a gold file's name may hold brackets, which must not read as markup
    with errors_as_lines():
        resources = load_resources(lexicon)
        with progress_bar() as bar:
            task = bar.add_task("extracting", total=None, current="")

            def advance(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            report = evaluate(gold, resources, doc_ids=doc or (), progress=advance)
    for doc_id, message in report.failures:
        err_console.print(
            Text(f"warning: extraction failed on {doc_id}: {message}", style="yellow")
        )
    if as_json:
        typer.echo(json.dumps(report_to_dict(report, errors=errors), ensure_ascii=False))
        return
    if errors:
        print_errors(out_console, report)
    print_report(out_console, report)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def print_report(console: Console, report: Report) -> None:
    """Print the per-kind table, then attributes and km error, then the strict/loose lines."""
    kinds = _table()
    for name in ("kind", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"):
        kinds.add_column(name, justify="left" if name == "kind" else "right")
    for row in report.kinds:
        kinds.add_row(row.kind, *_count_cells(row.counts))
    _print_table(console, "strict line, per kind", kinds)

    attrs = _table()
    attrs.add_column("attribute")
    for name in ("agree", "of", "accuracy"):
        attrs.add_column(name, justify="right")
    for acc in report.attributes:
        attrs.add_row(acc.attribute, str(acc.correct), str(acc.total), _pct(acc.value))
    n_km = str(len(report.distances_km))
    attrs.add_row("km error median", "", n_km, _km(report.km_median))
    attrs.add_row("km error p90", "", n_km, _km(report.km_p90))
    title = f"attributes over the {report.strict.tp} strict matched pairs"
    _print_table(console, title, attrs)

    overall = _table()
    for name in ("line", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"):
        overall.add_column(name, justify="left" if name == "line" else "right")
    overall.add_row("strict", *_count_cells(report.strict), style="bold")
    overall.add_row("loose", *_count_cells(report.loose))
    _print_table(console, "strict: kind, actor1 and place agree; loose: kind and place", overall)
    failed = f", {len(report.failures)} failed to extract" if report.failures else ""
    console.print(
        f"{_plural(report.articles, 'article')}, {_plural(report.strict.gold, 'gold event')}, "
        f"{report.strict.predicted} extracted{failed}",
        highlight=False,
    )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _table() -> Table:
    """A compact aligned table: a rule under the header, no blank edge lines."""
    return Table(box=box.SIMPLE_HEAD, show_edge=False)


def _print_table(console: Console, title: str, table: Table) -> None:
    """A blank line, the title on its own line (never wrapped to the table's width), the table."""
    console.print()
    console.print(Text(title, style="bold"))
    console.print(table)


def _count_cells(counts: Counts) -> list[str]:
    return [
        str(counts.gold),
        str(counts.predicted),
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
        _pct(counts.precision),
        _pct(counts.recall),
        _pct(counts.f1),
    ]


def _describe(event: Event) -> str:
    """One line naming an event by the fields a reader checks first."""
    fields = (
        event.kind,
        event.actor1 or "-",
        event.place,
        attribute_value(event, "date"),
        event.modality,
        f"source={attribute_value(event, 'source')}",
    )
    return "  ".join(fields)


def print_errors(console: Console, report: Report) -> None:
    """List, per article, missed and spurious events with their sentence and disagreements."""
    for doc in report.documents:
        if doc.has_errors:
            _print_document_errors(console, doc)


def _print_document_errors(console: Console, doc: DocumentResult) -> None:
    # One event per line, never hard-wrapped at the console width: the terminal wraps
    # (and lays out Arabic right to left) on screen, and piped output stays greppable.
    def say(text: Text) -> None:
        console.print(text, soft_wrap=True)

    disagreeing = doc.disagreeing
    header = Text(f"── {doc.doc_id} ", style="bold")
    header.append(
        f"(missed {len(doc.missed)}, spurious {len(doc.spurious)}, disagreeing {len(disagreeing)})",
        style="dim",
    )
    say(header)
    for label, style, events in (
        ("MISSED", "red", doc.missed),
        ("SPURIOUS", "yellow", doc.spurious),
    ):
        for event in events:
            line = Text(f"  {label:<9}", style=style)
            line.append(_describe(event))
            say(line)
            say(Text(f"             « {evidence_excerpt(doc.text, event)} »", style="dim"))
    for pair in disagreeing:
        line = Text("  DIFFERS  ", style="cyan")
        line.append(_describe(pair.gold))
        say(line)
        if place_key(pair.gold.place) != place_key(pair.predicted.place):
            say(
                Text(
                    f"             place: gold {pair.gold.place} ≈ extracted "
                    f"{pair.predicted.place}",
                    style="dim",
                )
            )
        for name in pair.disagreements:
            say(
                Text(
                    f"             {name}: gold {attribute_value(pair.gold, name)} "
                    f"≠ extracted {attribute_value(pair.predicted, name)}"
                )
            )
    console.print()
