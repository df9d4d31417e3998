"""The offline basemap: country and governorate outlines from the shipped gazetteer.

The map page has no tiles unless asked for: its background is the outlines the gazetteer
ships (`geo/data/admin.jsonl.gz`: Natural Earth countries, OCHA governorates of Syria and
Iraq), simplified and inlined as GeoJSON. The union of the countries is also the land that
front lines are clipped to.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

import shapely
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry

from marsad.errors import MarsadError

__all__ = ["DEFAULT_BOUNDS", "Basemap", "Outline", "basemap_from_outlines", "load_basemap"]

log = logging.getLogger(__name__)

#: (west, south, east, north) shown when there is no data: Syria, Iraq and their neighbours.
DEFAULT_BOUNDS = (33.0, 27.5, 50.0, 39.5)
#: degrees added around the data's extent when choosing which countries to draw
_MARGIN = 6.0


@dataclass(frozen=True, slots=True)
class Outline:
    """One admin outline: gazetteer id, level (0 country, 1 governorate), names, shape."""

    id: str
    level: int
    name: str
    name_en: str
    geometry: BaseGeometry


@dataclass(frozen=True, slots=True)
class Basemap:
    """Countries and governorates as GeoJSON for the page, and the land for clipping."""

    countries: dict[str, object] = field(default_factory=lambda: _collection([]))
    admin1: dict[str, object] = field(default_factory=lambda: _collection([]))
    land: BaseGeometry | None = None


def basemap_from_outlines(
    outlines: Iterable[Outline],
    bounds: tuple[float, float, float, float] | None = None,
    *,
    tolerance: float = 0.01,
    precision: float = 0.001,
) -> Basemap:
    """Simplify the outlines that meet `bounds` (+ a margin) into a `Basemap`."""
    west, south, east, north = bounds or DEFAULT_BOUNDS
    area = box(west - _MARGIN, south - _MARGIN, east + _MARGIN, north + _MARGIN)
    countries, admin1, land_parts = [], [], []
    for outline in sorted(outlines, key=lambda o: (o.level, o.id)):
        if outline.level > 1 or not outline.geometry.intersects(area):
            continue
        # clip first: Russia or Kazakhstan need not travel whole into the page
        geom = outline.geometry.intersection(area) if outline.level == 0 else outline.geometry
        geom = shapely.simplify(geom, tolerance / (1 + outline.level), preserve_topology=True)
        geom = shapely.set_precision(geom, precision)
        if geom.is_empty:
            continue
        feature = {
            "type": "Feature",
            "properties": {"id": outline.id, "name": outline.name, "name_en": outline.name_en},
            "geometry": mapping(geom),
        }
        if outline.level == 0:
            countries.append(feature)
            land_parts.append(outline.geometry)
        else:
            admin1.append(feature)
    land = shapely.union_all(land_parts) if land_parts else None
    return Basemap(countries=_collection(countries), admin1=_collection(admin1), land=land)


def load_basemap(
    bounds: tuple[float, float, float, float] | None = None, gazetteer: object | None = None
) -> Basemap:
    """The basemap from the shipped gazetteer's outlines (an empty one if it cannot load)."""
    try:
        if gazetteer is None:
            from marsad.geo import load_gazetteer  # the gazetteer is big: load it only here

            gazetteer = load_gazetteer()
        areas = gazetteer.admin_areas.areas  # type: ignore[attr-defined]
    except (MarsadError, OSError, ImportError, AttributeError) as exc:
        log.warning("no country outlines for the map (%s): drawing without a basemap", exc)
        return Basemap()
    outlines = []
    for area in areas:
        place = gazetteer.get(area.id)  # type: ignore[attr-defined]
        outlines.append(Outline(
            id=area.id,
            level=area.level,
            name=getattr(place, "name", "") or "",
            name_en=getattr(place, "name_en", "") or "",
            geometry=area.geometry,
        ))
    return basemap_from_outlines(outlines, bounds)


def _collection(features: list[dict[str, object]]) -> dict[str, object]:
    return {"type": "FeatureCollection", "features": features}
