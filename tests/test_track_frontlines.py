"""Front lines on small hand-built geometries with known answers (issue 5)."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
import shapely
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, box

from marsad.model import ControlInterval
from marsad.track.frontlines import front_lines

DAY = dt.date(2017, 10, 25)
# the projection's unit: a degree of latitude on the haversine's sphere (6371.0088 km)
KM_PER_DEG = 2 * math.pi * 6371.0088 / 360  # 111.195 km


def _half_chord(max_km: float, lat: float, dlon: float) -> float:
    """Half the chord, in degrees, that a meridian `dlon` degrees from a place at `lat` cuts
    through the `max_km` disk around it (in the projection x = lon·cos(lat), y = lat)."""
    return math.sqrt((max_km / KM_PER_DEG) ** 2 - (dlon * math.cos(math.radians(lat))) ** 2)


def held(pid: str, lat: float, lon: float, coalition: str, status: str = "held") -> ControlInterval:
    return ControlInterval(place_id=pid, place=pid, lat=lat, lon=lon, coalition=coalition,
                           start=DAY, end=None, event_ids=(1,), sources=1, status=status,
                           claims=(coalition,))


def test_two_places_give_their_perpendicular_bisector_clipped_to_max_km():
    (fl,) = front_lines([held("a", 35.0, 40.0, "syria_gov"), held("b", 35.0, 41.0, "iraq_gov")],
                        max_km=100)
    assert isinstance(fl.geometry, LineString)
    (x0, y0), (x1, y1) = fl.geometry.coords[0], fl.geometry.coords[-1]
    assert x0 == pytest.approx(40.5) and x1 == pytest.approx(40.5)
    # half-chord of the 100 km disk at 0.5 * cos(35°) degrees from the centre
    half = _half_chord(100, 35.0, 0.5)
    assert y0 == pytest.approx(35 + half, abs=1e-3) and y1 == pytest.approx(35 - half, abs=1e-3)
    # iraq_gov (east) is on the left of a line running north to south
    assert (fl.left, fl.right) == ("iraq_gov", "syria_gov")
    assert (fl.places_left, fl.places_right) == (("b",), ("a",))
    assert fl.length_km == pytest.approx(2 * half * 111.195, rel=1e-3)


def test_land_outline_clips_the_line():
    (fl,) = front_lines([held("a", 35.0, 40.0, "syria_gov"), held("b", 35.0, 41.0, "iraq_gov")],
                        max_km=100, land=box(39.0, 34.0, 42.0, 35.2))
    ys = [y for _, y in fl.geometry.coords]
    assert max(ys) == pytest.approx(35.2)
    # the south end is still the 100 km clip: 0.8006° (0.7995° when the disk was drawn
    # with 111.32 km per degree, 0.1% short of 100 km on the haversine's sphere)
    assert min(ys) == pytest.approx(35 - _half_chord(100, 35.0, 0.5), abs=1e-3)
    assert _half_chord(100, 35.0, 0.5) == pytest.approx(0.8006, abs=1e-4)


def test_places_too_far_apart_have_no_front():
    # 1° of longitude apart at 35°N is 91 km: the bisector is 45.6 km from each place
    ivs = [held("a", 35.0, 40.0, "syria_gov"), held("b", 35.0, 41.0, "iraq_gov")]
    assert front_lines(ivs, max_km=45) == []
    assert len(front_lines(ivs, max_km=46)) == 1


def test_cells_of_one_coalition_merge_and_only_the_boundary_between_coalitions_remains():
    ivs = [held("a", 34.5, 40.0, "syria_gov"), held("c", 35.5, 40.0, "syria_gov"),
           held("b", 35.0, 41.0, "iraq_gov")]
    (fl,) = front_lines(ivs, max_km=100)
    assert (fl.left, fl.right) == ("iraq_gov", "syria_gov")
    assert fl.places_right == ("a", "c")
    # the Voronoi vertex of the three places lies on the line, at lat 35
    k = math.cos(math.radians(35.0))
    vertex_x = ((41 * k) ** 2 - (40 * k) ** 2 - 0.25) / (2 * (41 * k - 40 * k))
    assert fl.geometry.distance(shapely.Point(vertex_x / k, 35.0)) < 1e-6
    # nothing separates the two syria_gov places: the line never crosses lon 40
    assert fl.geometry.bounds[0] > 40.0


def test_one_coalition_or_contested_only_gives_no_front():
    assert front_lines([held("a", 35, 40, "isis"), held("b", 35, 41, "isis")]) == []
    assert front_lines([held("a", 35, 40, "isis"),
                        held("b", 35, 40.2, "contested", status="contested")]) == []


def test_to_feature_is_geojson():
    (fl,) = front_lines([held("a", 35.0, 40.0, "syria_gov"), held("b", 35.0, 40.2, "isis")])
    feature = fl.to_feature()
    assert feature["geometry"]["type"] == "LineString"
    assert feature["properties"]["coalitions"] == ["isis", "syria_gov"]


def grid_points(span: int, most: int) -> st.SearchStrategy[list[tuple[int, int, str]]]:
    """2 to `most` distinct points (x, y) of a grid `span` steps wide, each with a coalition."""
    return st.lists(st.tuples(st.integers(0, span), st.integers(0, span),
                              st.sampled_from(["syria_gov", "iraq_gov", "isis"])),
                    min_size=2, max_size=most, unique_by=lambda t: (t[0], t[1]))


def grid_places(points: list[tuple[int, int, str]]) -> tuple[list[ControlInterval], float]:
    """Held places 0.05° apart from (34° N, 39° E), and the projection's cos(mean latitude)."""
    ivs = [held(f"p{i}", 34.0 + y * 0.05, 39.0 + x * 0.05, c) for i, (x, y, c) in enumerate(points)]
    return ivs, math.cos(math.radians(sum(iv.lat for iv in ivs) / len(ivs)))


@settings(max_examples=40, deadline=None)
@given(grid_points(40, 25))
def test_every_front_point_is_equidistant_from_the_nearest_places_of_both_sides(points):
    ivs, k = grid_places(points)
    assume(len({iv.coalition for iv in ivs}) > 1)
    for fl in front_lines(ivs, max_km=60):
        parts = getattr(fl.geometry, "geoms", [fl.geometry])
        for line in parts:
            for frac in (0.1, 0.5, 0.9):
                px, py = line.interpolate(frac, normalized=True).coords[0]

                def nearest(coalition, px=px, py=py):
                    return min(math.hypot((iv.lon - px) * k, iv.lat - py)
                               for iv in ivs if iv.coalition == coalition)

                d_left, d_right = nearest(fl.left), nearest(fl.right)
                others = [nearest(c) for c in {iv.coalition for iv in ivs} - {fl.left, fl.right}]
                assert d_left == pytest.approx(d_right, abs=1e-6)
                assert all(d >= d_left - 1e-6 for d in others)
                assert d_left <= 60 / KM_PER_DEG + 1e-6


@settings(max_examples=40, deadline=None)
@given(grid_points(30, 20))
def test_the_left_coalition_lies_left_of_every_segment(points):
    ivs, k = grid_places(points)
    for fl in front_lines(ivs, max_km=60):
        for line in getattr(fl.geometry, "geoms", [fl.geometry]):
            coords = [(x * k, y) for x, y in line.coords]
            for (x0, y0), (x1, y1) in itertools.pairwise(coords):
                length = math.hypot(x1 - x0, y1 - y0)
                if length < 1e-3:
                    continue
                # a point just left of the segment's middle (normal = direction turned +90°)
                mx, my = (x0 + x1) / 2, (y0 + y1) / 2
                lx, ly = mx - (y1 - y0) / length * 1e-4, my + (x1 - x0) / length * 1e-4
                closest = min(ivs, key=lambda iv: math.hypot(iv.lon * k - lx, iv.lat - ly))
                assert closest.coalition == fl.left
