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

import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, box
from shapely.geometry.base import BaseGeometry

from marsad.model import ControlInterval
from marsad.track.contacts import haversine_km

__all__ = ["FrontLine", "front_lines"]

_KM_PER_DEGREE = 111.32


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
    radius = max_km / _KM_PER_DEGREE
    minx, miny = xy.min(axis=0)
    maxx, maxy = xy.max(axis=0)
    extent = box(minx - 2 * radius, miny - 2 * radius, maxx + 2 * radius, maxy + 2 * radius)
    cells = list(shapely.voronoi_polygons(shapely.multipoints(xy), extend_to=extent,
                                          ordered=True).geoms)
    tree = shapely.STRtree(cells)
    left_idx, right_idx = tree.query(cells, predicate="intersects")
    pieces: dict[tuple[str, str], list[LineString]] = defaultdict(list)
    sides: dict[tuple[str, str], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for i, j in zip(left_idx.tolist(), right_idx.tolist(), strict=True):
        if i >= j or coalition[i] == coalition[j]:
            continue
        shared = shapely.line_merge(cells[i].boundary.intersection(cells[j].boundary))
        shared = shared.intersection(shapely.Point(xy[i]).buffer(radius, quad_segs=32))
        for seg in _lines(shared):
            a, b = sorted((i, j), key=lambda n: coalition[n])
            pair = (coalition[a], coalition[b])
            pieces[pair].append(_orient(seg, xy[a]))
            sides[pair][0].add(places[a])
            sides[pair][1].add(places[b])
    land_xy = shapely.transform(land, lambda c: c * [k, 1.0]) if land is not None else None
    out = []
    for pair in sorted(pieces):
        merged = shapely.line_merge(MultiLineString(pieces[pair]), directed=True)
        if land_xy is not None:
            merged = merged.intersection(land_xy)
        lines = [ln for ln in _lines(merged) if ln.length > 0]
        if not lines:
            continue
        lonlat = [shapely.transform(ln, lambda c: c * [1.0 / k, 1.0]) for ln in lines]
        geometry = lonlat[0] if len(lonlat) == 1 else MultiLineString(lonlat)
        out.append(FrontLine(
            left=pair[0],
            right=pair[1],
            geometry=geometry,
            length_km=sum(_length_km(ln) for ln in lonlat),
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


def _orient(seg: LineString, left_point: np.ndarray) -> LineString:
    """Direct `seg` so that `left_point` (the left coalition's place) lies on its left."""
    (x0, y0), (x1, y1) = seg.coords[0], seg.coords[-1]
    cross = (x1 - x0) * (left_point[1] - y0) - (y1 - y0) * (left_point[0] - x0)
    return seg if cross > 0 else shapely.reverse(seg)


def _lines(geom: BaseGeometry) -> list[LineString]:
    """The LineStrings inside any geometry (points and polygons dropped)."""
    if geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if hasattr(geom, "geoms"):
        return [ln for g in geom.geoms for ln in _lines(g)]
    return []


def _length_km(line: LineString) -> float:
    coords = list(line.coords)
    return sum(
        haversine_km(a[1], a[0], b[1], b[0]) for a, b in itertools.pairwise(coords)
    )
