"""The typer application and what every command shares: consoles, error handling, --db."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from marsad.errors import MarsadError

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic conflict reporting to sourced, geolocated, dated events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Progress bars, summaries and errors go to stderr; only machine-readable output to stdout.
err_console = Console(stderr=True)
out_console = Console()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print marsad's version and exit."),
) -> None:
    """marsad (مرصد): Arabic conflict reporting to sourced, geolocated, dated events."""
    if version:
        from marsad import __version__

        typer.echo(__version__)
        raise typer.Exit()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line to stderr and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def main() -> None:
    """Console-script entry point: run the app, turning MarsadError into one line, exit 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except MarsadError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
