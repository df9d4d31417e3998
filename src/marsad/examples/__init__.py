"""Example articles shipped with marsad (see SOURCES.md here) and the demo that reads them."""

from __future__ import annotations

from pathlib import Path

__all__ = ["example_paths"]


def example_paths() -> list[Path]:
    """The bundled example articles (`.txt` with header lines), in a stable order."""
    return sorted(Path(__file__).parent.glob("*.txt"))
