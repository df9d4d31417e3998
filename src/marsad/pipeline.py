"""The one place where the stages are wired: `extract(document) -> list[Event]`.

Loading lexicons and the gazetteer is explicit (`load_resources`) and done once by the
caller, which passes the result to every `extract` call (HOUSE_STYLE.md §3):

    document -> normalize, segment, dates (text) -> one Aho-Corasick pass (recognize)
             -> actors and frames (events) -> places resolved (geo) -> events
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.events.analysis import Analysis, analyse
from marsad.events.frames import build_events
from marsad.events.places import PlaceRef
from marsad.geo import Gazetteer, PlaceContext, UnknownPlaces, guess_country, load_gazetteer
from marsad.geo import resolve_place as geo_resolve
from marsad.lexicon import Lexicon, load_lexicon
from marsad.model import Document, Event, PlaceMatch
from marsad.recognize.matcher import Matcher, build_matcher
from marsad.text.unglue import glue_words


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything extraction needs, loaded once: lexicons, gazetteer, and their matcher."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    matcher: Matcher
    #: where the names no gazetteer knows are recorded (None: not recorded)
    unknown: UnknownPlaces | None = None


def load_resources(
    lexicons: Sequence[str | Path] = (),
    gazetteer: Path | None = None,
    *,
    overlay: Path | None = None,
    unknown: UnknownPlaces | None = None,
) -> Resources:
    """Load the shipped lexicons (plus the user's `lexicons`) and the gazetteer."""
    lexicon = load_lexicon(lexicons)
    gaz = load_gazetteer(gazetteer, overlay=overlay, common_words=lexicon.common_words,
                         outlet_nouns=lexicon.words("outlet_nouns"))
    return Resources(lexicon, gaz, build_matcher(lexicon, gaz, glue_words()), unknown)


def extract(document: Document, resources: Resources | None = None) -> list[Event]:
    """Return the events `document` reports, each with its evidence span."""
    res = resources if resources is not None else load_resources()
    an = analyse(document, res.matcher)
    # the article's country costs a scan of its text: made when the first place is
    # resolved, not for articles that resolve none
    country: list[str | None] = []

    def resolve(place: PlaceRef, analysis: Analysis, resolved: list[PlaceMatch]) -> PlaceMatch | None:
        if not country:
            country.append(guess_country(an.norm, res.gazetteer))
        context = PlaceContext(analysis.norm, (place.name_start, place.name_end),
                               tuple(resolved[-8:]), country[0], document.doc_id)
        match = geo_resolve(place.surface, context, res.gazetteer)
        if res.unknown is not None and (match is None or match.place_id is None):
            res.unknown.record(place.surface, document.doc_id)
        return match

    return build_events(an, res.lexicon, resolve)
