"""What the resolver prepares once per gazetteer, not per mention: each place's
context-free score entry, the per-key index of a name's entries read bare, the rule that
prefers a town to the unit named after it, and the fast `PlaceMatch` maker.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Set

from marsad.geo.gazetteer import Gazetteer
from marsad.geo.mention import KM_PER_DEG
from marsad.geo.place import Place
from marsad.model import PlaceMatch

#: Feature -> prior of an entry (the base of its score).
PRIOR = {
    "country": 2.0, "city": 1.2, "governorate": 1.0, "town": 0.8, "sea": 1.0, "region": 0.6,
    "district": -1.0, "subdistrict": -1.0, "village": 0.3, "neighbourhood": 0.0,
    "airbase": 0.5, "airport": 0.5, "border crossing": 0.5, "oil field": 0.5, "unresolved": 0.2,
}
SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood"})


#: A candidate with what its score needs that does not depend on the context: (place, base,
#: kx, population bonus, then the place's feature, admin_ids, adminset, idset, lat, lon,
#: country, id, and whether it is a settlement). base: the feature prior, user overlay and
#: exact-key bonuses, added in the order of `resolve._rank`'s sum; kx: km per degree of
#: longitude at the place; the population bonus of a settlement, else None. A plain tuple,
#: unpacked at once: scoring reads no attribute of the place.
Entry = tuple[Place, float, float, "float | None", str, tuple[str, ...], frozenset[str],
              frozenset[str], float, float, "str | None", str, bool]


def _place_entries(place: Place, overlay: frozenset[str]) -> tuple[Entry, Entry]:
    """`place`'s entry without and with the exact-key bonus."""
    base = PRIOR.get(place.feature, 0.3)
    if place.id in overlay:
        base += 10
    pop = None
    if place.population and place.feature in SETTLEMENTS:
        pop = min(math.log10(place.population) / 6, 1.0) * 0.8
    kx = KM_PER_DEG * math.cos(math.radians(place.lat))
    rest = (place.feature, place.admin_ids, place.adminset, place.idset, place.lat, place.lon,
            place.country, place.id, place.feature in SETTLEMENTS)
    # the exact-key bonus comes after the prior and overlay ones, as in the sum it stands for
    return (place, base, kx, pop, *rest), (place, base + 0.5, kx, pop, *rest)


def candidate_entries(places: list[Place], exact: Set[str],
                      gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The context-free part of each candidate's score (made once per gazetteer, not per name)."""
    parts = _parts(gazetteer)
    overlay = gazetteer.overlay_ids
    out = []
    for p in places:
        pair = parts.get(id(p))
        if pair is None:
            pair = _place_entries(p, overlay)
        out.append(pair[1] if p.id in exact else pair[0])
    return tuple(out)


def _parts(gazetteer: Gazetteer) -> dict[int, tuple[Entry, Entry]]:
    """Every place's two entries (`_place_entries`) by `id(place)`, made on first use."""
    parts = gazetteer.place_parts
    if not parts:
        # once per gazetteer: every place's entries, so that a name's candidates cost lookups only
        overlay = gazetteer.overlay_ids
        for p in gazetteer.places:
            parts[id(p)] = _place_entries(p, overlay)
    return parts


def build_resolver_index(gazetteer: Gazetteer) -> dict[str, tuple[tuple[Entry, ...], bool]]:
    """Build what the resolver reads per gazetteer key (else built on first resolve); return it.

    Index data, like the ranked index it is made from: for every surface key without a
    leading ال, the (entries, site) `resolve._rank` would compute for that key read bare
    (no feature word in or before it that changes the candidates), so that a new name
    costs a dict lookup instead of a ranking, a merge and a score table.
    """
    index = gazetteer.key_entries
    if index:
        return index
    surface = gazetteer.exact_key
    parts = _parts(gazetteer)
    # Most keys have one place, and most places several keys (spellings, variants): their
    # (entries, site) is one tuple per place, shared by its keys (equal, and half the memory).
    single: dict[int, tuple[tuple[Entry, ...], bool]] = {}
    for key, ranked in gazetteer.ranked_index().items():
        if key.startswith("ال"):
            continue  # `_key` strips it again: such names take the general path
        if len(ranked) == 1:
            p = ranked[0]
            pair = parts.get(id(p))
            if pair is not None and p in surface(key):
                # the key's exact place (one place ranked: the key's own, by `_lookup_key`)
                shared = single.get(id(p))
                if shared is None:
                    shared = single[id(p)] = ((pair[1],), False)
                index[key] = shared
                continue
        places = list(ranked)
        if len(places) > 1:
            places = settlements_over_units(places)
        index[key] = (candidate_entries(places, {p.id for p in surface(key)}, gazetteer), False)
    return index


def settlements_over_units(places: list[Place]) -> list[Place]:
    """Drop a district or sub-district when a town inside it has the same name.

    OCHA names most sub-districts after their seat ("ناحية سلحب" around the town of
    Tall Salhab); the news names the town, and says "ناحية"/"قضاء" when it means the unit.
    """
    for p in places:
        if p.feature in ("district", "subdistrict"):
            break
    else:
        return places  # no unit to drop (the usual case)
    inside = {a for p in places if p.feature in SETTLEMENTS for a in p.adminset}
    if not inside:
        return places
    kept = [p for p in places if not (p.feature in ("district", "subdistrict") and p.idset & inside)]
    return kept or places



#: PlaceMatch's fields, in order: what `match_factory`'s maker takes positionally.
_MATCH_FIELDS = ("place_id", "name", "lat", "lon", "geo_precision", "feature", "country",
                 "admin1", "admin2", "admin3", "population", "score", "reason")


@functools.cache
def match_factory() -> Callable[..., PlaceMatch]:
    """`PlaceMatch` itself, or a maker of the same records without the frozen dataclass's
    `__init__` (one `object.__setattr__` call per field: about 2 µs of each resolution).

    The maker is a plain slotted class with PlaceMatch's slots, whose `__init__` stores the
    fields (a slot store each, no call) and then makes the instance a PlaceMatch by
    assigning its `__class__`, which Python allows between classes of the same slots: the
    record is a PlaceMatch like any other, frozen from then on. It is used only while
    PlaceMatch is a plain frozen slotted dataclass whose first fields are `_MATCH_FIELDS`
    (no `__post_init__`, no field without default after them), else PlaceMatch is called.
    """
    fields = dataclasses.fields(PlaceMatch)
    extra = fields[len(_MATCH_FIELDS) :]
    if (
        tuple(f.name for f in fields[: len(_MATCH_FIELDS)]) != _MATCH_FIELDS
        or hasattr(PlaceMatch, "__post_init__")
        or not hasattr(PlaceMatch, "__slots__")
        or any(f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
               for f in extra)
    ):
        return PlaceMatch
    defaults = [(f.name, f.default, f.default_factory) for f in extra]
    record = PlaceMatch

    class Maker:
        __slots__ = PlaceMatch.__slots__

        def __init__(self, place_id: str | None, name: str, lat: float, lon: float,
                     geo_precision: int, feature: str, country: str | None, admin1: str | None,
                     admin2: str | None, admin3: str | None, population: int | None,
                     score: float, reason: str) -> None:
            self.place_id = place_id
            self.name = name
            self.lat = lat
            self.lon = lon
            self.geo_precision = geo_precision
            self.feature = feature
            self.country = country
            self.admin1 = admin1
            self.admin2 = admin2
            self.admin3 = admin3
            self.population = population
            self.score = score
            self.reason = reason
            for field_name, default, factory in defaults:
                setattr(self, field_name, factory() if default is dataclasses.MISSING else default)
            self.__class__ = record  # type: ignore[assignment]

    try:
        Maker(*(None,) * len(_MATCH_FIELDS))
    except TypeError:  # a layout `__class__` cannot move between: the dataclass then
        return PlaceMatch
    return Maker  # type: ignore[return-value]
