"""Merge source entries into places: which entries are one place, and the row it becomes.

Entries of different sources are one place when they share a canonical name (or an
explicit id join such as Syrian Archive's OCHA P-code) and lie within a few km. The
merged place keeps the id of the preferred source (Syrian Archive for Syrian towns,
GeoNames for Iraqi and foreign towns and countries, OCHA P-codes for admin units).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from marsad.geo.distance import haversine_km
from marsad.geo.names import canonical, en_canonical, name_variants, surface_key
from marsad.geo.place import ADMIN_FEATURES
from marsad.geo.sources import Entry

__all__ = ["Row", "merge_entries", "place_row"]

#: Feature types, most specific first: a merged place takes the first one any source gives.
_FEATURE_ORDER = (
    "country", "governorate", "district", "subdistrict", "airbase", "airport",
    "border crossing", "oil field", "station", "dam", "port", "camp", "bridge", "site",
    "city", "town", "neighbourhood", "village", "mountain", "river", "sea", "region",
)

#: Which source's id a merged place keeps, by country ("*" for the rest); lower wins.
_SOURCE_RANK = {
    "SY": {"syrianarchive": 0, "ocha-communities": 1, "geonames": 2, "curated": 3},
    "*": {"geonames": 0, "ocha-communities": 1, "curated": 2, "syrianarchive": 3},
}


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merge_radius(a: Entry, b: Entry) -> float:
    big = {"city", "town"}
    if a.feature in big or b.feature in big:
        return 8.0
    return 4.0


def merge_entries(entries: list[Entry]) -> list[list[Entry]]:
    """Group entries that are one place: explicit id joins, then same name within a few km."""
    uf = _Union(len(entries))
    by_id: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e.id in by_id:
            uf.union(by_id[e.id], i)  # the same id from two sources (OCHA polygon + OpenSyria)
        else:
            by_id[e.id] = i
    for i, e in enumerate(entries):
        for alias in e.aliases:
            j = by_id.get(alias)
            if j is not None and (
                e.feature in ADMIN_FEATURES
                or haversine_km(e.lat, e.lon, entries[j].lat, entries[j].lon) <= 10.0
            ):
                uf.union(i, j)
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        if e.feature in ADMIN_FEATURES or e.feature == "unresolved":
            continue
        keys = {canonical(n) for n in e.names_ar} | {"en:" + en_canonical(n) for n in e.names_en}
        for key in keys:
            if len(key) >= 2 and key != "en:":
                buckets[key].append(i)
    for members in buckets.values():
        if len(members) < 2 or len(members) > 60:
            continue
        for x in range(len(members)):
            a = entries[members[x]]
            for y in range(x + 1, len(members)):
                b = entries[members[y]]
                if a.source == b.source or a.country != b.country:
                    continue
                if haversine_km(a.lat, a.lon, b.lat, b.lon) <= _merge_radius(a, b):
                    uf.union(members[x], members[y])
    groups: dict[int, list[Entry]] = defaultdict(list)
    for i, e in enumerate(entries):
        groups[uf.find(i)].append(e)
    return list(groups.values())


def _primary(group: list[Entry]) -> Entry:
    """The entry whose id (and coordinates) a merged place keeps."""
    admin = [e for e in group if e.feature in ADMIN_FEATURES]
    if admin:
        # OCHA polygon centroids first (gold codes admin units at their polygon centroid).
        return min(admin, key=lambda e: (not e.source.startswith("ocha-admin"), e.source))
    country = group[0].country
    ranks = _SOURCE_RANK.get(country, _SOURCE_RANK["*"])
    return min(group, key=lambda e: (ranks.get(e.source, 9), e.id))


@dataclass(slots=True)
class Row:
    """One output line of places.tsv.gz."""

    id: str
    aliases: list[str]
    feature: str
    lat: float
    lon: float
    population: int | None
    country: str
    admin: list[str]
    name: str
    name_en: str
    names: list[str]
    keys: set[str]
    canon: set[str]
    sources: list[str]


def place_row(group: list[Entry]) -> Row:
    """The one place a group of merged entries becomes: the preferred id, every name."""
    primary = _primary(group)
    ids = list(dict.fromkeys([primary.id] + [e.id for e in group] + [a for e in group for a in e.aliases]))
    features = {e.feature for e in group}
    feature = next((f for f in _FEATURE_ORDER if f in features), primary.feature)
    if primary.feature in ADMIN_FEATURES:
        feature = primary.feature
    names_ar = list(dict.fromkeys(n for e in [primary, *group] for n in e.names_ar))
    names_en = list(dict.fromkeys(n for e in [primary, *group] for n in e.names_en))
    pops = [e.population for e in group if e.population]
    keys: set[str] = set()
    canon: set[str] = set()
    for n in names_ar:
        keys |= name_variants(n)
        canon.add(canonical(n))
    for n in names_en:
        k = surface_key(n)
        if len(k) >= 4:
            keys.add(k)
        c = en_canonical(n)
        if len(c) >= 3:
            canon.add("en:" + c)
    canon |= {canonical(k) for k in keys if not k.isascii()}
    return Row(
        id=primary.id,
        aliases=[i for i in ids if i != primary.id],
        feature=feature,
        lat=primary.lat,
        lon=primary.lon,
        population=max(pops) if pops else None,
        country=primary.country,
        admin=list(primary.admin),
        name=names_ar[0] if names_ar else (names_en[0] if names_en else primary.id),
        name_en=names_en[0] if names_en else "",
        names=names_ar + names_en[:4],
        keys={k for k in keys if len(k) >= 2},
        canon={c for c in canon if c and c != "en:"},
        sources=sorted({e.source for e in group}),
    )

