"""The gazetteer's records: a `Place` entry and the `PlaceContext` a mention is resolved in."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model import NormText, PlaceMatch

#: Features that are admin units or wide areas: naming only them gives ACLED precision 3.
AREA_FEATURES = frozenset(
    {"country", "governorate", "district", "subdistrict", "region", "sea", "river", "mountain"}
)
#: Admin levels of the admin features (country 0 .. sub-district 3).
ADMIN_LEVEL = {"country": 0, "governorate": 1, "district": 2, "subdistrict": 3}
#: The admin features: countries and the admin units inside them.
ADMIN_FEATURES = frozenset(ADMIN_LEVEL)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a town, village, site or admin unit, with where it comes from."""

    id: str
    name: str
    feature: str
    lat: float
    lon: float
    country: str | None = None
    aliases: tuple[str, ...] = ()
    name_en: str = ""
    names: tuple[str, ...] = ()
    population: int | None = None
    #: ids (or names, abroad) of the enclosing admin units, governorate first
    admin_ids: tuple[str, ...] = ()
    #: names of the enclosing admin units, governorate first
    admin: tuple[str, ...] = ()
    source: str = ""
    #: `ids` as a set, and `admin_ids` as a set: the resolver intersects them per mention
    idset: frozenset[str] = field(init=False, repr=False, compare=False)
    adminset: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "idset", frozenset((self.id, *self.aliases)))
        object.__setattr__(self, "adminset", frozenset(self.admin_ids))

    @property
    def ids(self) -> tuple[str, ...]:
        """This place's id and every alias id (ids of merged duplicates in other sources)."""
        return (self.id, *self.aliases)

    @property
    def is_area(self) -> bool:
        """True for admin units and wide areas (governorate, country, sea...)."""
        return self.feature in AREA_FEATURES

    def match(self, geo_precision: int, score: float = 0.0, reason: str = "",
              place_id: str | bool | None = True, name: str | None = None) -> PlaceMatch:
        """This place as a `PlaceMatch` (place_id=False/None drops the id: unknown sites)."""
        return PlaceMatch(
            place_id=self.id if place_id is True else (place_id or None),
            name=name if name is not None else self.name,
            lat=self.lat,
            lon=self.lon,
            geo_precision=geo_precision,
            feature=self.feature,
            country=self.country,
            admin1=self.admin[0] if len(self.admin) > 0 else None,
            admin2=self.admin[1] if len(self.admin) > 1 else None,
            admin3=self.admin[2] if len(self.admin) > 2 else None,
            population=self.population,
            score=score,
            reason=reason,
        )


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """Where a place mention stands: the article, its span there, what was resolved before."""

    norm: NormText
    norm_span: tuple[int, int]
    resolved: tuple[PlaceMatch, ...] = ()
    country: str | None = None
    doc_id: str | None = None
