"""Command-line interface: thin commands over the library (HOUSE_STYLE.md §5).

Each submodule registers its commands on the one typer `app`.
"""

from marsad.cli import core, evaluate, gazetteer, track  # noqa: F401  (register commands)
from marsad.cli.app import app, main

__all__ = ["app", "main"]
