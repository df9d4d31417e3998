"""The one place where the stages are wired: `extract(document) -> list[Event]`.

Loading lexicons and the gazetteer is explicit (`load_resources`) and done once by the
caller, which passes the result to every `extract` call (HOUSE_STYLE.md §3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.model import Document, Event


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything extraction needs, loaded once: lexicons and gazetteer."""

    lexicon: object | None = None
    gazetteer: object | None = None


def load_resources(
    lexicons: Sequence[Path] = (), gazetteer: Path | None = None
) -> Resources:
    """Load the shipped lexicons (plus user `lexicons`) and the gazetteer."""
    return Resources()


def extract(document: Document, resources: Resources | None = None) -> list[Event]:
    """Return the events `document` reports, each with its evidence span."""
    return []
