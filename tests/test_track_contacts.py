"""Contact points on small hand-built geometries with known answers (issue 5)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo.distance import haversine_km
from marsad.model import ControlInterval, Event, Span, StoredEvent
from marsad.track.coalitions import load_coalitions
from marsad.track.contacts import find_contacts

DAY = dt.date(2017, 10, 25)
KM_PER_DEG_LAT = 2 * math.pi * 6371.0088 / 360  # 111.195 km


def held(pid: str, lat: float, lon: float, coalition: str, *, ids=(1,), start=DAY,
         claims: tuple[str, ...] | None = None) -> ControlInterval:
    contested = claims is not None and (len(claims) > 1)
    return ControlInterval(
        place_id=pid, place=pid, lat=lat, lon=lon,
        coalition="contested" if contested else coalition, start=start, end=None,
        event_ids=ids, sources=1, status="contested" if contested else "held",
        claims=claims or (coalition,),
    )


def contact_event(id: int, n_days_before: int, actor1="IRQ_MIL", actor2="SYR_MIL",
                  modality="asserted", assoc1=()) -> StoredEvent:
    day = DAY - dt.timedelta(days=n_days_before)
    event = Event(kind="contact", actor1=actor1, assoc1=tuple(assoc1), actor2=actor2,
                  place="القائم", place_id="geonames:92138", lat=34.39251, lon=40.98945,
                  geo_precision=2, date=day, time_precision=1, modality=modality,
                  source="مراسل الميادين", fatalities=None, partial=False,
                  evidence=Span(0, 5))
    return StoredEvent(id=id, document_id=1, doc_id="seed", outlet="الميادين",
                       published=day, event=event)


def test_haversine_known_distances():
    assert haversine_km(35.0, 40.0, 35.1, 40.0) == pytest.approx(0.1 * KM_PER_DEG_LAT, rel=1e-9)
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(KM_PER_DEG_LAT, rel=1e-9)


def test_places_of_different_coalitions_within_range_are_in_contact():
    ivs = [held("a", 35.0, 40.0, "syria_gov", ids=(1,)),
           held("b", 35.1, 40.0, "iraq_gov", ids=(2,), start=DAY - dt.timedelta(days=3)),
           held("c", 35.3, 40.0, "isis", ids=(3,))]  # 22 km from b, 33 km from a
    (c,) = find_contacts(ivs, DAY)
    assert c.basis == "proximity"
    assert {c.a.coalition, c.b.coalition} == {"syria_gov", "iraq_gov"}  # allies count too
    assert {c.a.place_id, c.b.place_id} == {"a", "b"}
    assert c.distance_km == pytest.approx(11.12, abs=0.01)
    assert c.event_ids == (1, 2) and c.since == DAY
    wider = find_contacts(ivs, DAY, km=25)
    assert {(x.a.place_id, x.b.place_id) for x in wider} == {("a", "b"), ("b", "c")}


def test_same_coalition_is_no_contact():
    ivs = [held("a", 35.0, 40.0, "syria_gov"), held("b", 35.01, 40.0, "syria_gov")]
    assert find_contacts(ivs, DAY) == []


def test_a_contested_place_is_a_contact_at_the_place_itself():
    ivs = [held("a", 35.0, 40.0, "x", ids=(4, 5), claims=("isis", "syria_gov"))]
    (c,) = find_contacts(ivs, DAY)
    assert (c.basis, c.distance_km, c.event_ids) == ("contested", 0.0, (4, 5))
    assert (c.a.coalition, c.b.coalition) == ("isis", "syria_gov")


def test_reported_contact_events_within_the_window():
    table = load_coalitions()
    events = [contact_event(1, 0), contact_event(2, 7), contact_event(3, 8),
              contact_event(4, 0, modality="planned"), contact_event(5, -1)]
    (c,) = find_contacts([], DAY, events=events, coalitions=table)
    assert c.basis == "reported" and c.event_ids == (1, 2)
    assert (c.a.coalition, c.b.coalition) == ("iraq_gov", "syria_gov")
    assert c.a.place == "القائم" and c.since == DAY
    assert find_contacts([], DAY, events=events, coalitions=table, window_days=10)[0].event_ids == (1, 2, 3)


def test_reported_contact_takes_the_other_side_from_assoc1():
    table = load_coalitions()
    (c,) = find_contacts([], DAY, events=[contact_event(1, 0, actor2=None, assoc1=["SYR_MIL"])],
                         coalitions=table)
    assert (c.a.coalition, c.b.coalition) == ("iraq_gov", "syria_gov")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(33.0, 37.0), st.floats(38.0, 44.0),
                          st.sampled_from(["syria_gov", "iraq_gov", "isis"])),
                min_size=0, max_size=40),
       st.floats(1.0, 80.0))
def test_spatial_index_finds_exactly_the_brute_force_pairs(points, km):
    ivs = [held(f"p{i}", lat, lon, c) for i, (lat, lon, c) in enumerate(points)]
    found = {(c.a.place_id, c.b.place_id) for c in find_contacts(ivs, DAY, km=km)}
    expected = set()
    for i, a in enumerate(ivs):
        for b in ivs[i + 1:]:
            if a.coalition != b.coalition and haversine_km(a.lat, a.lon, b.lat, b.lon) <= km:
                expected.add(tuple(sorted((a.place_id, b.place_id))))
    assert {tuple(sorted(p)) for p in found} == expected



def test_pairs_just_inside_the_range_are_found_at_the_equator():
    # 0.1348° of latitude is 14.99 km on the haversine's sphere: within 15 km. A spatial
    # query radius taken from a larger km-per-degree (111.32) missed this pair.
    ivs = [held("a", 0.0, 0.0, "syria_gov"), held("b", 0.1348, 0.0, "isis")]
    assert haversine_km(0.0, 0.0, 0.1348, 0.0) == pytest.approx(14.989, abs=0.001)
    (c,) = find_contacts(ivs, DAY, km=15.0)
    assert {c.a.place_id, c.b.place_id} == {"a", "b"}

def test_nearest_only_keeps_one_pair_per_place_and_side():
    # a syria_gov line of three villages facing one isis village: the isis village's
    # nearest syria_gov village and each syria_gov village's nearest isis village remain
    ivs = [held("s1", 35.00, 40.00, "syria_gov"), held("s2", 35.02, 40.00, "syria_gov"),
           held("s3", 35.04, 40.00, "syria_gov"), held("i1", 35.00, 40.05, "isis"),
           held("i2", 35.10, 40.05, "isis")]
    everything = find_contacts(ivs, DAY)
    assert len(everything) == 6  # every syria_gov–isis pair is within 15 km
    kept = find_contacts(ivs, DAY, nearest_only=True)
    pairs = {tuple(sorted((c.a.place_id, c.b.place_id))) for c in kept}
    # nearest isis for s1, s2: i1; for s3: i1 (6.4 km vs 8.1 km to i2); for i2: s3 (8.1 km)
    assert pairs == {("i1", "s1"), ("i1", "s2"), ("i1", "s3"), ("i2", "s3")}
