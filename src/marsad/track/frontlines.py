"""Front lines on a day: the boundaries between the areas of different coalitions.

Each held place gets the area nearer to it than to any other held place (its Voronoi
cell); a coalition's area is the union of its places' cells, and a front line is every
edge shared by two cells of different coalitions. The lines are clipped to land (the
country outlines passed in) and to `max_km` from the places either side: a point on a
shared edge is equally far from both places and nearer to them than to any other, so the
clip by one of them is exact.

Distances use a local equirectangular projection (x = lon·cos(lat0), y = lat, lat0 the
mean latitude of the places): exact for the perpendicular bisector of two places at one
latitude, and off by well under 1% across the 6° of latitude of Syria and Iraq.

Contested places are left out (they lie on the front; `find_contacts` reports them), as
are two coalitions' places at one identical point (no line can separate them).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, box
from shapely.geometry.base import BaseGeometry

from marsad.geo.distance import EARTH_KM, haversine_km_array
from marsad.model import ControlInterval

__all__ = ["KM_PER_DEGREE", "FrontLine", "front_lines"]

#: km per degree of latitude on the sphere every marsad distance uses (`geo.distance`)
KM_PER_DEGREE = math.radians(EARTH_KM)


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A front between two coalitions: `left` lies to the left of the line's direction."""

    left: str
    right: str
    #: LineString or MultiLineString in lon/lat
    geometry: BaseGeometry
    length_km: float
    places_left: tuple[str, ...]
    places_right: tuple[str, ...]

    def to_feature(self) -> dict[str, object]:
        """This front line as a GeoJSON Feature."""
        return {
            "type": "Feature",
            "geometry": shapely.geometry.mapping(self.geometry),
            "properties": {
                "left": self.left,
                "right": self.right,
                "coalitions": [self.left, self.right],
                "length_km": round(self.length_km, 2),
                "places_left": list(self.places_left),
                "places_right": list(self.places_right),
            },
        }


def front_lines(
    in_force: Sequence[ControlInterval],
    *,
    land: BaseGeometry | None = None,
    max_km: float = 50.0,
) -> list[FrontLine]:
    """Front lines between the coalitions holding the places `in_force` (see module doc)."""
    points, coalition, places = _held_points(in_force)
    if len(points) < 2 or len(set(coalition)) < 2:
        return []
    lat0 = math.radians(float(np.mean([p[1] for p in points])))
    k = math.cos(lat0)
    xy = np.array([(lon * k, lat) for lon, lat in points])
    radius = max_km / KM_PER_DEGREE
    minx, miny = xy.min(axis=0)
    maxx, maxy = xy.max(axis=0)
    extent = box(minx - 2 * radius, miny - 2 * radius, maxx + 2 * radius, maxy + 2 * radius)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=extent, ordered=True)
    )
    coal = np.array(coalition, dtype=object)
    # Neighbouring cells of different coalitions, each pair once, the side whose coalition
    # sorts first as `a` (it will lie on the left of the line).
    li, ri = shapely.STRtree(cells).query(cells, predicate="intersects")
    keep = (li < ri) & (coal[li] != coal[ri])
    li, ri = li[keep], ri[keep]
    swap = coal[li] > coal[ri]
    a, b = np.where(swap, ri, li), np.where(swap, li, ri)
    edges = shapely.boundary(cells)
    shared = shapely.intersection(edges[a], edges[b])
    # a point of the shared edge is as far from place a as from place b: clip by one disk
    shared = shapely.intersection(shared, shapely.buffer(shapely.points(xy[a]), radius,
                                                         quad_segs=32))
    parts, owner = shapely.get_parts(shared, return_index=True)
    lines = (shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 0)
    parts, owner = parts[lines], owner[lines]
    if len(parts) == 0:
        return []
    start = shapely.get_coordinates(shapely.get_point(parts, 0))
    end = shapely.get_coordinates(shapely.get_point(parts, -1))
    left = xy[a[owner]]
    cross = (end[:, 0] - start[:, 0]) * (left[:, 1] - start[:, 1]) - (
        end[:, 1] - start[:, 1]) * (left[:, 0] - start[:, 0])
    parts = np.where(cross > 0, parts, shapely.reverse(parts))
    pieces: dict[tuple[str, str], list[LineString]] = defaultdict(list)
    sides: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for part, n in zip(parts.tolist(), owner.tolist(), strict=True):
        i, j = int(a[n]), int(b[n])
        pair = (coalition[i], coalition[j])
        pieces[pair].append(part)
        sides[pair][0].add(places[i])
        sides[pair][1].add(places[j])
    land_xy = shapely.transform(land, lambda c: c * [k, 1.0]) if land is not None else None
    if land_xy is not None:
        shapely.prepare(land_xy)
    out = []
    for pair in sorted(pieces):
        merged = shapely.line_merge(MultiLineString(pieces[pair]), directed=True)
        if land_xy is not None and not land_xy.contains(merged):
            merged = merged.intersection(land_xy)
        found = [ln for ln in _lines(merged) if ln.length > 0]
        if not found:
            continue
        lonlat = [shapely.transform(ln, lambda c: c * [1.0 / k, 1.0]) for ln in found]
        geometry = lonlat[0] if len(lonlat) == 1 else MultiLineString(lonlat)
        out.append(FrontLine(
            left=pair[0],
            right=pair[1],
            geometry=geometry,
            length_km=_length_km(geometry),
            places_left=tuple(sorted(sides[pair][0])),
            places_right=tuple(sorted(sides[pair][1])),
        ))
    return out


def _held_points(
    in_force: Sequence[ControlInterval],
) -> tuple[list[tuple[float, float]], list[str], list[str]]:
    """One point per distinct location held by one coalition, in a stable order."""
    at: dict[tuple[float, float], list[ControlInterval]] = defaultdict(list)
    for iv in in_force:
        if iv.status != "held" or iv.lat is None or iv.lon is None:
            continue
        at[(round(iv.lon, 6), round(iv.lat, 6))].append(iv)
    points, coalition, places = [], [], []
    for point in sorted(at):
        ivs = at[point]
        if len({iv.coalition for iv in ivs}) != 1:
            continue
        points.append(point)
        coalition.append(ivs[0].coalition)
        places.append(min(iv.place_id for iv in ivs))
    return points, coalition, places


def _lines(geom: BaseGeometry) -> list[LineString]:
    """The LineStrings inside any geometry (points and polygons dropped)."""
    if geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if hasattr(geom, "geoms"):
        return [ln for g in geom.geoms for ln in _lines(g)]
    return []


def _length_km(geometry: BaseGeometry) -> float:
    """Great-circle length of a (Multi)LineString in lon/lat, in kilometres."""
    total = 0.0
    for line in _lines(geometry):
        c = shapely.get_coordinates(line)
        lon, lat = c[:, 0], c[:, 1]
        total += float(np.sum(haversine_km_array(lat[:-1], lon[:-1], lat[1:], lon[1:])))
    return total
