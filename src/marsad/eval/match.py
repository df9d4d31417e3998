"""One-to-one matching of extracted events to gold events (EVENTS.md "Scoring").

Two events are *matchable* when their kind, actor1 and place agree (the strict line) or
their kind and place alone agree (the loose line). Among the matchable pairs of one
article we take a MAXIMUM bipartite matching and, among all maximum matchings, the one
with the smallest total coordinate error (EVENTS.md: "ties broken by the smaller
coordinate error"). That is a min-cost maximum matching, computed exactly by successive
shortest augmenting paths (Dijkstra with Johnson potentials) on integer costs in metres,
so no float rounding can change which matching wins.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections.abc import Callable, Sequence

from marsad.geo.distance import haversine_km
from marsad.model import Event
from marsad.text.normalize import fold

__all__ = [
    "MISSING_COORDINATE_M",
    "PLACE_RADIUS_KM",
    "coordinates",
    "distance_km",
    "loose_agree",
    "match_events",
    "max_matching",
    "place_key",
    "places_agree",
    "strict_agree",
]

#: Two resolved places closer than this (inclusive) are the same place (EVENTS.md).
PLACE_RADIUS_KM = 10.0
#: The error a matched pair counts when either side has no coordinates: larger than any
#: distance on Earth (half the circumference is ~20,015 km), so a pair with coordinates
#: always wins a tie, yet finite so that such pairs still take part in a maximum matching.
MISSING_COORDINATE_M = 20_100_000

_SPACES = re.compile(r"\s+")
_ARTICLE = "ال"


def coordinates(event: Event) -> tuple[float, float] | None:
    """The event's `(lat, lon)`, or None when either is missing or not a finite number."""
    if event.lat is None or event.lon is None:
        return None
    if not (math.isfinite(event.lat) and math.isfinite(event.lon)):
        return None
    return (event.lat, event.lon)


def distance_km(a: Event, b: Event) -> float | None:
    """Distance in km between the resolved places of two events, None without coordinates."""
    pa, pb = coordinates(a), coordinates(b)
    if pa is None or pb is None:
        return None
    return haversine_km(pa[0], pa[1], pb[0], pb[1])


def place_key(surface: str) -> str:
    """The normalized surface form of a place, as compared by the scorer.

    Exactly: `fold` (harakat and tatweel dropped; alef forms, ى/ي, ة/ه, hamza seats and
    digits unified; Latin lowercased), then every run of white space (line breaks
    included) becomes one space, surrounding white space and punctuation are stripped,
    and ONE leading article "ال" is removed when at least two letters remain
    ("البحر الأحمر" -> "بحر الاحمر"; inner articles are kept).
    """
    text = _SPACES.sub(" ", fold(surface)).strip()
    text = text.strip("".join(_edge_punctuation(text))).strip()
    if text.startswith(_ARTICLE) and len(text) >= len(_ARTICLE) + 2:
        text = text[len(_ARTICLE) :].lstrip()
    return text


def _edge_punctuation(text: str) -> set[str]:
    """Punctuation characters found at either end of `text` (quotes, brackets, commas)."""
    edges = {text[:1], text[-1:]} - {""}
    return {ch for ch in edges if unicodedata.category(ch)[0] in "PS"}


def places_agree(a: Event, b: Event) -> bool:
    """EVENTS.md place agreement: equal place_ids, points within 10 km, or equal surfaces."""
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    km = distance_km(a, b)
    if km is not None and km <= PLACE_RADIUS_KM:
        return True
    key = place_key(a.place)
    return bool(key) and key == place_key(b.place)


def strict_agree(gold: Event, predicted: Event) -> bool:
    """The strict line: kind, actor1 (None == None) and place agree."""
    return (
        gold.kind == predicted.kind
        and gold.actor1 == predicted.actor1
        and places_agree(gold, predicted)
    )


def loose_agree(gold: Event, predicted: Event) -> bool:
    """The loose line: kind and place agree, actor1 ignored."""
    return gold.kind == predicted.kind and places_agree(gold, predicted)


def pair_cost(gold: Event, predicted: Event) -> int:
    """Coordinate error of a pair in whole metres (MISSING_COORDINATE_M without coordinates)."""
    km = distance_km(gold, predicted)
    return MISSING_COORDINATE_M if km is None else round(km * 1000)


def match_events(
    gold: Sequence[Event],
    predicted: Sequence[Event],
    agree: Callable[[Event, Event], bool] = strict_agree,
    tiebreak: Callable[[Event, Event], int] | None = None,
) -> list[tuple[int, int]]:
    """Min-coordinate-error maximum matching of `gold` to `predicted` as (gold, predicted) indexes.

    `tiebreak(gold, predicted)` (a non-negative int, e.g. the number of attributes the
    pair disagrees on) only decides between maximum matchings of EQUAL coordinate error.
    """
    edges = [{j: pair_cost(g, p) for j, p in enumerate(predicted) if agree(g, p)} for g in gold]
    if tiebreak is not None:
        extra = [{j: tiebreak(gold[i], predicted[j]) for j in row} for i, row in enumerate(edges)]
        # Lexicographic (metres, tiebreak): scale metres past the largest possible tiebreak
        # total, which no matching can exceed, so metres always decide first.
        scale = sum(sum(row.values()) for row in extra) + 1
        edges = [
            {j: cost * scale + extra[i][j] for j, cost in row.items()}
            for i, row in enumerate(edges)
        ]
    return max_matching(edges, len(predicted))


def max_matching(costs: Sequence[dict[int, int]], n_right: int) -> list[tuple[int, int]]:
    """Maximum bipartite matching of least total cost; `costs[i][j]` is the cost of edge i-j.

    Successive shortest paths: each round augments along the cheapest path in the residual
    graph, so after k rounds the matching is a cheapest one of size k (costs are
    non-negative), and it stops when no augmenting path is left, i.e. at maximum size.
    Returns the (left, right) pairs sorted by left index.
    """
    n_left = len(costs)
    match_left: list[int | None] = [None] * n_left
    match_right: list[int | None] = [None] * n_right
    # Johnson potentials keep reduced costs non-negative so Dijkstra stays exact.
    pot_left = [0] * n_left
    pot_right = [0] * n_right
    for _ in range(min(n_left, n_right)):
        path = _cheapest_augmenting_path(costs, match_left, match_right, pot_left, pot_right)
        if path is None:
            break
        shift_left, shift_right, end, parent_right = path
        for i in range(n_left):
            pot_left[i] += shift_left[i]
        for j in range(n_right):
            pot_right[j] += shift_right[j]
        _augment(end, parent_right, match_left, match_right)
    return [(i, j) for i, j in enumerate(match_left) if j is not None]


_Path = tuple[list[int], list[int], int, list[int]]


def _cheapest_augmenting_path(
    costs: Sequence[dict[int, int]],
    match_left: list[int | None],
    match_right: list[int | None],
    pot_left: list[int],
    pot_right: list[int],
) -> _Path | None:
    """Dijkstra from every free left vertex to the nearest free right vertex (reduced costs)."""
    n_left, n_right = len(match_left), len(match_right)
    dist_left: list[int | None] = [None] * n_left
    dist_right: list[int | None] = [None] * n_right
    parent_right = [-1] * n_right  # left vertex we reached each right vertex from
    heap: list[tuple[int, int, int]] = []  # (distance, side 0=left 1=right, index)
    for i in range(n_left):
        if match_left[i] is None:
            dist_left[i] = 0
            heap.append((0, 0, i))
    heapq.heapify(heap)
    done_left = [False] * n_left
    done_right = [False] * n_right
    best_end: int | None = None
    d = 0
    while heap:
        d, side, v = heapq.heappop(heap)
        if side == 0:
            if done_left[v] or d != dist_left[v]:
                continue
            done_left[v] = True
            for j, cost in costs[v].items():
                if match_left[v] == j or done_right[j]:
                    continue
                nd = d + cost + pot_left[v] - pot_right[j]
                current = dist_right[j]
                if current is None or nd < current:
                    dist_right[j] = nd
                    parent_right[j] = v
                    heapq.heappush(heap, (nd, 1, j))
        else:
            if done_right[v] or d != dist_right[v]:
                continue
            done_right[v] = True
            owner = match_right[v]
            if owner is None:
                best_end = v
                break
            # The matched edge is traversed backwards at reduced cost zero.
            nd = d - costs[owner][v] - pot_left[owner] + pot_right[v]
            current = dist_left[owner]
            if current is None or nd < current:
                dist_left[owner] = nd
                heapq.heappush(heap, (nd, 0, owner))
    if best_end is None:
        return None
    limit = d
    # Dijkstra stopped at the first free right vertex, so every vertex not settled is at
    # least `limit` away: moving each potential by min(distance, limit) keeps every
    # reduced cost non-negative and keeps the free vertices of each side at equal
    # potentials, which is what lets the next round start from all free left vertices
    # at once and stop at the first free right vertex.
    shift_left = [limit if x is None else min(x, limit) for x in dist_left]
    shift_right = [limit if x is None else min(x, limit) for x in dist_right]
    return shift_left, shift_right, best_end, parent_right


def _augment(
    end: int,
    parent_right: list[int],
    match_left: list[int | None],
    match_right: list[int | None],
) -> None:
    """Flip the matched and unmatched edges along the path that ends at right vertex `end`."""
    j: int | None = end
    while j is not None:
        i = parent_right[j]
        previous = match_left[i]
        match_left[i] = j
        match_right[j] = i
        j = previous
