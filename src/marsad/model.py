"""Records that flow between the stages of marsad (ARCHITECTURE.md, HOUSE_STYLE.md §2).

Every record is a frozen, slotted dataclass. Offsets are always half-open `[start, end)`
character offsets into the ORIGINAL text of a document, so that every field can be shown
highlighted in its article.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

#: Event kinds of EVENTS.md, in the order of its table.
Kind = Literal[
    "capture",
    "withdrawal",
    "advance",
    "clash",
    "airstrike",
    "shelling",
    "explosion",
    "attack_civilians",
    "deployment",
    "contact",
    "other",
]
KINDS: tuple[str, ...] = get_args(Kind)

Modality = Literal["asserted", "planned", "negated"]
MODALITIES: tuple[str, ...] = get_args(Modality)

#: ACLED geo_precision: 1 the place itself, 2 near / part of / countryside of, 3 region only.
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)
#: ACLED time_precision: 1 day, 2 week, 3 month or vaguer.
TIME_PRECISIONS: tuple[int, ...] = (1, 2, 3)


def same_period(a: dt.date, pa: int | None, b: dt.date, pb: int | None) -> bool:
    """True when the two dates agree at the coarser of their time precisions (EVENTS.md:
    day, ISO week, month)."""
    precision = max(pa or 1, pb or 1)
    if precision <= 1:
        return a == b
    if precision == 2:
        return a.isocalendar()[:2] == b.isocalendar()[:2]
    return (a.year, a.month) == (b.year, b.month)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open `[start, end)` character offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the part of `text` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """True when `other` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from a file, feed or standard input; `text` is kept exactly as read."""

    doc_id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str = "ar"
    path: str | None = None


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalized text and, for every normalized character, its offset in the original.

    `to_original` has `len(text) + 1` entries: entry `i` is the offset in `original` of the
    character that produced normalized character `i` (both characters of an expansion such
    as "ﻻ" -> "لا" point at the same original character), and the last entry is
    `len(original)`. Entries never decrease.
    """

    text: str
    to_original: Sequence[int]
    original: str

    def original_span(self, start: int, end: int) -> Span:
        """Map a normalized `[start, end)` to the original text span it came from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside normalized text of {len(self.text)}")
        o_start = self.to_original[start]
        o_end = self.to_original[end]
        if end > start and o_end <= self.to_original[end - 1]:
            # `end` falls inside an expansion: close the span after that original character.
            o_end = self.to_original[end - 1] + 1
        return Span(o_start, max(o_start, o_end))

    def original_slice(self, start: int, end: int) -> str:
        """The original text behind normalized `[start, end)`."""
        return self.original_span(start, end).slice(self.original)

    def spaced_slice(self, start: int, end: int) -> str:
        """`original_slice`, with a space put back wherever normalization split glued words.

        Web pages lose the space around a link ("مراسلالميادينفي"); normalization puts one
        in the normalized text (a space whose original character is not white space), and
        a phrase quoted back to the user (a source, a place) should read as split too.
        """
        span = self.original_span(start, end)
        text, original, offsets = self.text, self.original, self.to_original
        # only a space can be put back: `find` visits the spaces, not every character
        cuts = []
        i = text.find(" ", start, end)
        while i >= 0:
            if not original[offsets[i]].isspace():
                cuts.append(offsets[i + 1])
            i = text.find(" ", i + 1, end)
        if not cuts:
            return span.slice(original)
        pieces, prev = [], span.start
        for cut in cuts:
            if span.start < cut < span.end:
                pieces.append(original[prev:cut])
                prev = cut
        pieces.append(original[prev:span.end])
        return " ".join(pieces)

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """The normalized span of original `[start, end)`: the first normalized characters at
        or after each offset (the inverse of `original_span` on span boundaries)."""
        return bisect.bisect_left(self.to_original, start), bisect.bisect_left(self.to_original, end)


@dataclass(frozen=True, slots=True)
class Token:
    """A token of normalized text with its proclitics and enclitic split off.

    `start`/`end` are offsets into the NORMALIZED text; `stem` is the form that lexicon
    entries are matched against ("وبالقائم" -> prefixes ("و", "ب", "ال"), stem "قائم").
    """

    start: int
    end: int
    surface: str
    prefixes: tuple[str, ...] = ()
    stem: str = ""
    suffix: str = ""
    article: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or clause) as spans of normalized and original text."""

    norm: tuple[int, int]
    span: Span
    clauses: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text, resolved against the publication date."""

    span: Span
    text: str
    day: dt.date
    time_precision: int
    form: str
    #: set when the text's weekday disagrees with an explicit date ("الثلاثاء 25/10/2017")
    weekday_conflict: bool = False
    #: the end of a range ("بين 2013 - 2018"), when the expression is one
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A count in text ("12", "ثلاثة", "عشرات", "أكثر من 20"), optionally with its noun."""

    span: Span
    text: str
    value: int | None
    vague: bool = False
    at_least: bool = False
    approximate: bool = False
    noun: str | None = None
    noun_span: Span | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A gazetteer entry chosen for a place mention, with why it was chosen."""

    place_id: str | None
    name: str
    lat: float
    lon: float
    geo_precision: int
    feature: str = "unknown"
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    population: int | None = None
    score: float = 0.0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One event of EVENTS.md: exactly its fields, in its order."""

    kind: str
    actor1: str | None
    assoc1: tuple[str, ...]
    actor2: str | None
    place: str
    place_id: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date: dt.date | None
    time_precision: int | None
    modality: str
    source: str | None
    fatalities: int | None
    partial: bool
    evidence: Span

    def to_dict(self) -> dict[str, object]:
        """The EVENTS.md JSON form of this event (dates as ISO strings, evidence as a pair)."""
        return {
            "kind": self.kind,
            "actor1": self.actor1,
            "assoc1": list(self.assoc1),
            "actor2": self.actor2,
            "place": self.place,
            "place_id": self.place_id,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "date": self.date.isoformat() if self.date else None,
            "time_precision": self.time_precision,
            "modality": self.modality,
            "source": self.source,
            "fatalities": self.fatalities,
            "partial": self.partial,
            "evidence": [self.evidence.start, self.evidence.end],
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Event:
        """Build an event from its EVENTS.md JSON form (the inverse of `to_dict`)."""
        evidence = data.get("evidence") or [0, 0]
        day = data.get("date")
        return cls(
            kind=str(data["kind"]),
            actor1=data.get("actor1"),  # type: ignore[arg-type]
            assoc1=tuple(data.get("assoc1") or ()),  # type: ignore[arg-type]
            actor2=data.get("actor2"),  # type: ignore[arg-type]
            place=str(data.get("place") or ""),
            place_id=data.get("place_id"),  # type: ignore[arg-type]
            lat=_float_or_none(data.get("lat")),
            lon=_float_or_none(data.get("lon")),
            geo_precision=_int_or_none(data.get("geo_precision")),
            date=dt.date.fromisoformat(str(day)) if day else None,
            time_precision=_int_or_none(data.get("time_precision")),
            modality=str(data.get("modality") or "asserted"),
            source=data.get("source"),  # type: ignore[arg-type]
            fatalities=_int_or_none(data.get("fatalities")),
            partial=bool(data.get("partial", False)),
            evidence=Span(int(evidence[0]), int(evidence[1])),  # type: ignore[index]
        )


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as kept in the store: its row id, the document(s) that report it."""

    id: int
    document_id: int
    doc_id: str
    outlet: str | None
    published: dt.date | None
    event: Event
    #: outlets (or documents) that report this same event, after the cross-document merge
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ControlInterval:
    """Who held a place from `start` until `end` (None: still holds), and why we think so."""

    place_id: str
    place: str
    lat: float | None
    lon: float | None
    coalition: str
    start: dt.date
    end: dt.date | None
    event_ids: tuple[int, ...] = ()
    sources: int = 0
    status: Literal["held", "contested"] = "held"
    claims: tuple[str, ...] = field(default_factory=tuple)


def _float_or_none(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[arg-type]
