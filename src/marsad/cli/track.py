"""Commands: track (filled in by its issue)."""

from marsad.cli.app import app  # noqa: F401
