"""Place agreement and the maximum, least-coordinate-error matching of marsad.eval.match."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eval_events import BASE_LAT, BASE_LON, ev, north
from marsad.eval.match import (
    loose_agree,
    match_events,
    max_matching,
    place_key,
    places_agree,
    strict_agree,
)
from marsad.geo.distance import haversine_km
from marsad.model import Event


def test_haversine_along_a_meridian_and_a_known_pair() -> None:
    assert haversine_km(BASE_LAT, BASE_LON, north(9.9), BASE_LON) == pytest.approx(9.9)
    # Damascus (33.5138, 36.2765) to Aleppo (36.2021, 37.1343): about 309 km.
    assert haversine_km(33.5138, 36.2765, 36.2021, 37.1343) == pytest.approx(309, abs=3)


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("البوكمال", "بوكمال"),
        ("بوكمال", "بوكمال"),
        ("الأنبار", "انبار"),  # hamza seat folded, then the article stripped
        ("  دير   الزور\n", "دير الزور"),  # spaces collapsed, inner article kept
        ("«الميادين»", "ميادين"),  # quotes at the edges stripped
        ("الرَّقَّة", "رقه"),  # harakat dropped, ة -> ه
        ("ال", "ال"),  # nothing left to strip it from
    ],
)
def test_place_key(surface: str, key: str) -> None:
    assert place_key(surface) == key


def test_place_agrees_by_id_even_with_other_names_and_no_coordinates() -> None:
    assert places_agree(ev("طابية", place_id="x:1"), ev("طابية الجزيرة", place_id="x:1"))
    assert not places_agree(ev("طابية", place_id="x:1"), ev("طابية الجزيرة", place_id="x:2"))
    # Two null ids are not "equal ids".
    assert not places_agree(ev("أ"), ev("ب"))


def test_place_agrees_within_ten_km_only() -> None:
    gold = ev("قرية أ", km=0.0)
    assert places_agree(gold, ev("قرية ب", km=9.9))
    assert not places_agree(gold, ev("قرية ب", km=10.1))
    assert not places_agree(gold, ev("قرية ب"))  # no coordinates on one side


def test_place_agrees_by_surface_with_and_without_article() -> None:
    assert places_agree(ev("البوكمال", km=0.0), ev("بوكمال", km=300.0))
    assert places_agree(ev("الميادين"), ev("الميادين"))
    assert not places_agree(ev("دير الزور"), ev("ريف دير الزور"))


def test_actor1_mismatch_is_not_a_strict_match_but_a_loose_one() -> None:
    gold = ev("البوكمال", actor1="SYR_MIL")
    assert not strict_agree(gold, ev("البوكمال", actor1="ISIS"))
    assert loose_agree(gold, ev("البوكمال", actor1="ISIS"))
    assert strict_agree(ev("البوكمال", actor1=None), ev("البوكمال", actor1=None))
    assert not loose_agree(gold, ev("البوكمال", kind="advance"))


def greedy(gold: list[Event], predicted: list[Event]) -> list[tuple[int, int]]:
    """The matcher these tests must defeat: cheapest agreeing pair first."""
    candidates = sorted(
        (haversine_km(g.lat, g.lon, p.lat, p.lon), i, j)  # type: ignore[arg-type]
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if strict_agree(g, p)
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return sorted(pairs)


def test_maximum_matching_beats_greedy() -> None:
    # G1 agrees with P1 (same id, 0 km) and with P2 (same name, 50 km); G2 only with P1
    # (3 km). Taking the cheapest pair G1-P1 first strands G2; the maximum is 2.
    gold = [ev("قرية أ", place_id="t:1", km=0.0), ev("قرية ج", place_id="t:3", km=-3.0)]
    predicted = [ev("قرية ب", place_id="t:1", km=0.0), ev("قرية أ", km=50.0)]
    assert greedy(gold, predicted) == [(0, 0)]
    assert match_events(gold, predicted) == [(0, 1), (1, 0)]


def test_ties_between_maximum_matchings_go_to_the_smaller_coordinate_error() -> None:
    # All four pairs agree (same id). On one meridian: P1 at 0, G1 at 1, G2 at -1.1,
    # P2 at 2.2 km: errors G1-P1 1.0, G2-P1 1.1, G1-P2 1.2, G2-P2 3.3. Greedy takes
    # G1-P1 then G2-P2 (4.3 km); the best maximum matching is G1-P2 + G2-P1 (2.3 km).
    gold = [ev(place_id="t:1", km=1.0), ev(place_id="t:1", km=-1.1)]
    predicted = [ev(place_id="t:1", km=0.0), ev(place_id="t:1", km=2.2)]
    assert greedy(gold, predicted) == [(0, 0), (1, 1)]
    assert match_events(gold, predicted) == [(0, 1), (1, 0)]


def test_a_pair_without_coordinates_loses_the_tie_to_one_with_coordinates() -> None:
    gold = [ev(place_id="t:1", km=0.0)]
    predicted = [ev(place_id="t:1"), ev(place_id="t:1", km=3.0)]
    assert match_events(gold, predicted) == [(0, 1)]
    # ...but still matches when it is the only candidate (finite cost).
    assert match_events(gold, predicted[:1]) == [(0, 0)]


def test_tiebreak_decides_only_between_equal_coordinate_errors() -> None:
    gold = [
        ev(place_id="t:1", km=0.0, modality="asserted"),
        ev(place_id="t:1", km=0.0, modality="planned"),
    ]
    predicted = [
        ev(place_id="t:1", km=0.0, modality="planned"),
        ev(place_id="t:1", km=0.0, modality="asserted"),
    ]

    def disagree(g: Event, p: Event) -> int:
        return int(g.modality != p.modality)

    assert match_events(gold, predicted, strict_agree, disagree) == [(0, 1), (1, 0)]
    # A smaller coordinate error wins over agreeing attributes.
    closer = [
        ev(place_id="t:1", km=0.0, modality="planned"),
        ev(place_id="t:1", km=1.0, modality="asserted"),
    ]
    assert match_events(gold[:1], closer, strict_agree, disagree) == [(0, 0)]


def brute_force(costs: list[dict[int, int]]) -> tuple[int, int]:
    """(size, cost) of the cheapest maximum matching, by trying every matching."""
    best = (0, 0)

    def walk(i: int, used: frozenset[int], size: int, cost: int) -> None:
        nonlocal best
        if i == len(costs):
            if (size, -cost) > (best[0], -best[1]):
                best = (size, cost)
            return
        walk(i + 1, used, size, cost)
        for j, c in costs[i].items():
            if j not in used:
                walk(i + 1, used | {j}, size + 1, cost + c)

    walk(0, frozenset(), 0, 0)
    return best


@st.composite
def bipartite(draw: st.DrawFn) -> tuple[list[dict[int, int]], int]:
    n_left = draw(st.integers(0, 6))
    n_right = draw(st.integers(0, 6))
    costs = [
        draw(st.dictionaries(st.integers(0, n_right - 1), st.integers(0, 30), max_size=n_right))
        if n_right
        else {}
        for _ in range(n_left)
    ]
    return costs, n_right


@settings(max_examples=300, deadline=None)
@given(bipartite())
def test_max_matching_is_maximum_and_cheapest(graph: tuple[list[dict[int, int]], int]) -> None:
    costs, n_right = graph
    pairs = max_matching(costs, n_right)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(j in costs[i] for i, j in pairs)
    assert (len(pairs), sum(costs[i][j] for i, j in pairs)) == brute_force(costs)
