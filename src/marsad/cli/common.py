"""What the command modules share: common options, day arguments, error lines and outputs.

Machine-readable output goes to stdout (or `-o FILE`, written whole or not at all);
tables print to stdout; notes, progress and errors go to stderr.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from marsad import pipeline
from marsad.cli.app import err_console, fail, out_console
from marsad.errors import MarsadError
from marsad.store import ENV_VAR

__all__ = [
    "DbOption",
    "LexiconOption",
    "errors_as_lines",
    "fail_plain",
    "machine_stdout",
    "note",
    "output_file",
    "parse_day",
    "print_table",
    "progress_bar",
    "spinner",
]

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=ENV_VAR,
        show_envvar=True,
        help="Database: a SQLAlchemy URL or a SQLite file path [default: ./marsad.db].",
    ),
]
LexiconOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon",
        help="Extra lexicon file (YAML) added to the shipped ones; repeatable.",
        exists=True,
        dir_okay=False,
    ),
]


def parse_day(value: str | None, *, end: bool = False) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY; a partial date is the first day (or last, for `end`)."""
    if value is None:
        return None
    parts = value.strip().split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(value.strip())
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end else 1)
        if len(parts) == 1 and len(parts[0]) == 4:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        pass
    raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def load_resources(lexicon: list[Path] | None) -> pipeline.Resources:
    """Lexicons, gazetteer and matcher for a command that reads many articles.

    They live as long as the command; `gc.freeze` takes their millions of objects out of
    the collector's view, so its full passes no longer walk them again and again while the
    articles are read (about a tenth of a cold run's time).
    """
    resources = pipeline.load_resources(lexicons=tuple(lexicon or ()))
    gc.freeze()
    return resources


def fail_plain(message: str, code: int = 1) -> typer.Exit:
    """`fail` for a message that is plain text (file names may hold brackets: no markup)."""
    return fail(escape(message), code)


def note(message: str) -> None:
    """One line of plain text on stderr (file names may hold brackets: no markup)."""
    err_console.print(message, highlight=False, soft_wrap=True, markup=False)


@contextlib.contextmanager
def errors_as_lines() -> Iterator[None]:
    """Turn library errors into one line on stderr and exit status 1 (never a traceback)."""
    try:
        yield
    except MarsadError as exc:
        raise fail_plain(str(exc)) from None
    except BrokenPipeError:
        # `marsad events --format jsonl | head`: the reader left; stop quietly.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def spinner() -> Progress:
    """A transient spinner with the current step and the time elapsed, on stderr."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )


def progress_bar() -> Progress:
    """A transient bar on stderr: step, done of total, the item at hand (task field `current`)."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", style="dim", markup=False),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        # Not a terminal (a log file, a pipe): no bar, not even the blank line it leaves.
        disable=not err_console.is_terminal,
    )


def print_table(table: Table) -> None:
    """Print to stdout; piped, at a width that keeps rows on one line where it can."""
    console = out_console if out_console.is_terminal else Console(width=160)
    console.print(table)


def machine_stdout() -> TextIO:
    """stdout as UTF-8 text (JSON and CSV with Arabic must not depend on the locale)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(encoding="utf-8")
    return stream


@contextlib.contextmanager
def output_file(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written whole or not at all (a temporary file renamed at the end)."""
    if path is None or str(path) == "-":
        yield machine_stdout()
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise fail_plain(f"cannot write {path}: folder {folder} does not exist")
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
