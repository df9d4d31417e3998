"""Extraction of one invented sentence, for the event rule tests.

Each test module's sentences are invented in the style of the news and published, as far as
their relative dates go, on PUBLISHED.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import Resources, extract

PUBLISHED = dt.date(2023, 10, 25)  # a Wednesday


def events_of(resources: Resources, text: str,
              published: dt.date | None = PUBLISHED) -> list[Event]:
    """The events marsad extracts from `text` as an article published on `published`."""
    return extract(Document("t", text, published, "test"), resources)


def told(resources: Resources, text: str) -> set[tuple[str, str | None, str]]:
    """(kind, actor1, place) of each event of `text`."""
    return {(e.kind, e.actor1, e.place) for e in events_of(resources, text)}


def at(events: list[Event], place: str) -> Event:
    """The one event at `place` (fails the test if there is none or more than one)."""
    found = [e for e in events if e.place == place]
    assert len(found) == 1, f"expected one event at {place}, got {events}"
    return found[0]
