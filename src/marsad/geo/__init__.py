"""Gazetteer and geocoder: build/load the place index, look names up, resolve mentions.

The API the event extractor calls:

- `load_gazetteer(path=None, *, overlay=None) -> Gazetteer`
- `Gazetteer.keys()`, `Gazetteer.lookup(name) -> list[Place]`
- `resolve_place(mention, PlaceContext(...), gazetteer) -> PlaceMatch | None`
- `guess_country(norm_text, gazetteer) -> str | None`, `explain(...)` for ranked candidates
- `UnknownPlaces` to record the names no gazetteer knows (the caller records; the
  resolver stays pure).
"""

from marsad.geo.gazetteer import Gazetteer, load_gazetteer
from marsad.geo.overlay import UnknownPlaces
from marsad.geo.place import Place, PlaceContext
from marsad.geo.resolve import Candidate, explain, guess_country, resolve_place

__all__ = [
    "Candidate",
    "Gazetteer",
    "Place",
    "PlaceContext",
    "UnknownPlaces",
    "explain",
    "guess_country",
    "load_gazetteer",
    "resolve_place",
]
