"""Control timeline on hand-built event sequences (issue 5)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import LexiconError
from marsad.model import Event, Span, StoredEvent
from marsad.track.coalitions import CoalitionTable, load_coalitions
from marsad.track.control import (
    CONTESTED,
    ControlIndex,
    ControlSettings,
    build_control,
    build_timeline,
    control_at,
    holder_on,
    intervals_by_place,
)

D0 = dt.date(2017, 10, 1)


def day(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


def ev(
    id: int,
    kind: str,
    actor: str | None,
    n: int,
    *,
    place: str = "القائم",
    place_id: str | None = "geonames:92138",
    lat: float | None = 34.39,
    lon: float | None = 40.99,
    modality: str = "asserted",
    partial: bool = False,
    time_precision: int = 1,
    geo_precision: int = 1,
    outlet: str | None = "الميادين",
    sources: tuple[str, ...] = (),
) -> StoredEvent:
    event = Event(
        kind=kind, actor1=actor, assoc1=(), actor2=None, place=place, place_id=place_id,
        lat=lat, lon=lon, geo_precision=geo_precision, date=day(n),
        time_precision=time_precision, modality=modality, source=None, fatalities=None,
        partial=partial, evidence=Span(0, 10),
    )
    return StoredEvent(id=id, document_id=id, doc_id=f"d{id}", outlet=outlet,
                       published=day(n), event=event, sources=sources)


@pytest.fixture(scope="module")
def table() -> CoalitionTable:
    return load_coalitions()


def test_single_capture_opens_an_interval(table):
    (iv,) = build_control([ev(1, "capture", "SYR_MIL", 0)], table)
    assert (iv.coalition, iv.status, iv.start, iv.end) == ("syria_gov", "held", day(0), None)
    assert iv.event_ids == (1,) and iv.sources == 1 and iv.claims == ("syria_gov",)
    assert iv.place_id == "geonames:92138" and iv.place == "القائم"


def test_recapture_by_another_coalition_ends_the_interval(table):
    a, b = build_control([ev(2, "capture", "ISIS", 10), ev(1, "capture", "SYR_MIL", 0)], table)
    assert (a.coalition, a.start, a.end, a.event_ids) == ("syria_gov", day(0), day(10), (1,))
    assert (b.coalition, b.start, b.end, b.event_ids) == ("isis", day(10), None, (2,))
    assert control_at([a, b], day(9)) == [a]
    assert control_at([a, b], day(10)) == [b]
    assert control_at([a, b], day(-1)) == []


def test_same_coalition_reinforces_and_counts_distinct_sources(table):
    events = [
        ev(1, "capture", "SYR_MIL", 0, outlet="الميادين"),
        ev(2, "capture", "HEZBOLLAH", 1, outlet="سانا"),
        ev(3, "capture", "SYR_MIL", 2, outlet="الميادين"),
        ev(4, "capture", "SYR_ALLIES", 3, outlet=None, sources=("رويترز", "سانا")),
    ]
    (iv,) = build_control(events, table)
    assert iv.coalition == "syria_gov" and iv.status == "held"
    assert iv.event_ids == (1, 2, 3, 4)
    assert iv.sources == 3  # الميادين, سانا, رويترز


def test_claims_within_the_window_make_the_place_contested(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "capture", "ISIS", 2)]
    (iv,) = build_control(events, table)
    assert iv.status == "contested" and iv.coalition == CONTESTED
    assert iv.claims == ("isis", "syria_gov") and iv.event_ids == (1, 2)
    assert (iv.start, iv.end) == (day(0), None)  # never resolved silently


def test_contest_window_is_configurable(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "capture", "ISIS", 2)]
    a, b = build_control(events, table, ControlSettings(contest_days=1))
    assert (a.coalition, b.coalition) == ("syria_gov", "isis")


def test_a_capture_after_the_window_resolves_a_contest(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "capture", "ISIS", 1),
              ev(3, "capture", "SYR_MIL", 20)]
    a, b = build_control(events, table)
    assert (a.status, a.start, a.end, a.event_ids) == ("contested", day(0), day(20), (1, 2))
    assert (b.status, b.coalition, b.start, b.end, b.event_ids) == (
        "held", "syria_gov", day(20), None, (3,))


def test_late_counterclaim_against_an_old_holder_starts_a_new_contested_interval(table):
    events = [ev(1, "capture", "ISIS", 0), ev(2, "capture", "ISIS", 30),
              ev(3, "capture", "SYR_MIL", 31)]
    a, b = build_control(events, table)
    assert (a.coalition, a.start, a.end) == ("isis", day(0), day(31))
    assert (b.status, b.start, b.claims) == ("contested", day(31), ("isis", "syria_gov"))
    assert b.event_ids == (2, 3)  # the holder's recent claim and the counter-claim


def test_partial_capture_marks_contested_until_the_full_capture(table):
    events = [ev(1, "capture", "SYR_MIL", 0, partial=True), ev(2, "capture", "SYR_MIL", 5)]
    a, b = build_control(events, table)
    assert (a.status, a.claims, a.start, a.end) == ("contested", ("syria_gov",), day(0), day(5))
    assert (b.status, b.coalition, b.start, b.end) == ("held", "syria_gov", day(5), None)


def test_partial_capture_of_a_held_place_contests_it(table):
    events = [ev(1, "capture", "ISIS", 0), ev(2, "capture", "SYR_MIL", 40, partial=True)]
    a, b = build_control(events, table)
    assert (a.coalition, a.end) == ("isis", day(40))
    assert (b.status, b.claims, b.start, b.end) == ("contested", ("isis", "syria_gov"), day(40), None)
    assert b.event_ids == (1, 2)


@pytest.mark.parametrize("order", [(1, 2), (2, 1)])
def test_same_day_partial_and_full_report_by_one_coalition_is_held(table, order):
    partial = ev(order[0], "capture", "SYR_MIL", 0, partial=True)
    full = ev(order[1], "capture", "SYR_MIL", 0)
    (iv,) = build_control([partial, full], table)
    assert (iv.status, iv.coalition, iv.start, iv.end) == ("held", "syria_gov", day(0), None)
    assert iv.event_ids == (1, 2)


def test_partial_report_by_the_full_holder_is_only_evidence(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "capture", "SYR_MIL", 3, partial=True)]
    (iv,) = build_control(events, table)
    assert iv.status == "held" and iv.event_ids == (1, 2)


def test_planned_and_negated_are_ignored(table):
    events = [
        ev(1, "capture", "SYR_MIL", 0),
        ev(2, "capture", "ISIS", 1, modality="planned"),
        ev(3, "capture", "ISIS", 2, modality="negated"),
        ev(4, "withdrawal", "SYR_MIL", 3, modality="negated"),
        ev(5, "clash", "ISIS", 3),
    ]
    timeline = build_timeline(events, table)
    (iv,) = timeline.intervals
    assert (iv.coalition, iv.status, iv.end, iv.event_ids) == ("syria_gov", "held", None, (1,))
    assert timeline.skipped == {"negated (not asserted)": 2, "planned (not asserted)": 1}


def test_withdrawal_ends_the_holders_interval(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "withdrawal", "SYR_NDF", 5)]
    (iv,) = build_control(events, table)
    assert (iv.start, iv.end, iv.event_ids) == (day(0), day(5), (1, 2))
    assert control_at([iv], day(6)) == []


def test_withdrawal_by_a_non_holder_changes_nothing(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "withdrawal", "ISIS", 5)]
    timeline = build_timeline(events, table)
    (iv,) = timeline.intervals
    assert iv.end is None and iv.event_ids == (1,)
    assert timeline.skipped == {"withdrawal by a coalition not holding the place": 1}


def test_withdrawal_from_a_contest_leaves_the_other_claimant(table):
    events = [ev(1, "capture", "SYR_MIL", 0), ev(2, "capture", "ISIS", 1),
              ev(3, "withdrawal", "ISIS", 5)]
    a, b = build_control(events, table)
    assert (a.status, a.end, a.event_ids) == ("contested", day(5), (1, 2, 3))
    assert (b.status, b.coalition, b.start, b.end, b.event_ids) == (
        "held", "syria_gov", day(5), None, (1,))


def test_vague_dates_count_but_do_not_open_contests(table):
    events = [ev(1, "capture", "ISIS", 0, time_precision=3), ev(2, "capture", "SYR_MIL", 1)]
    a, b = build_control(events, table)
    assert (a.coalition, a.start, a.end) == ("isis", day(0), day(1))
    assert (b.coalition, b.status) == ("syria_gov", "held")


def test_same_day_capture_and_withdrawal_capture_first(table):
    events = [ev(2, "withdrawal", "SYR_MIL", 0), ev(1, "capture", "SYR_MIL", 0)]
    (iv,) = build_control(events, table)
    assert (iv.start, iv.end) == (day(0), day(0))
    assert control_at([iv], day(0)) == []


def test_places_without_id_group_by_folded_surface_and_point(table):
    events = [
        ev(1, "capture", "IRQ_MIL", 0, place="منفذ ربيعة", place_id=None, lat=36.8, lon=42.083),
        ev(2, "capture", "IRQ_PMF", 1, place="منفذ ربيعه", place_id=None, lat=36.801, lon=42.0831),
        ev(3, "capture", "ISIS", 1, place="منفذ ربيعة", place_id=None, lat=33.0, lon=40.0),
    ]
    ivs = build_control(events, table)
    assert len(ivs) == 2
    rabia = next(iv for iv in ivs if iv.coalition == "iraq_gov")
    assert rabia.event_ids == (1, 2) and rabia.place_id.startswith("surface:")


def test_imprecise_places_are_skipped_unless_asked(table):
    events = [ev(1, "capture", "SYR_MIL", 0, geo_precision=2)]
    assert build_control(events, table) == []
    assert len(build_control(events, table, ControlSettings(max_geo_precision=2))) == 1


def test_actors_outside_territorial_coalitions_are_skipped(table):
    events = [ev(1, "capture", "UNKNOWN", 0), ev(2, "capture", "NOT_AN_ACTOR", 0),
              ev(3, "capture", None, 0)]
    timeline = build_timeline(events, table)
    assert timeline.intervals == ()
    assert sum(timeline.skipped.values()) == 3


def test_coalition_ranges_change_with_the_date():
    table = CoalitionTable.from_mapping(
        {"FACTION": [{"coalition": "opposition", "until": "2017-10-05"},
                     {"coalition": "hts", "from": "2017-10-06"}]}
    )
    a, b = build_control([ev(1, "capture", "FACTION", 0), ev(2, "capture", "FACTION", 10)], table)
    assert (a.coalition, b.coalition) == ("opposition", "hts")


def test_coalition_table_errors_name_file_and_line(tmp_path: Path):
    bad = tmp_path / "c.yaml"
    bad.write_text("coalitions: {}\nactors:\n  SYR_MIL: syria_gov\n  ISIS: [1, 2]\n")
    with pytest.raises(LexiconError, match=r"c\.yaml:4: actor ISIS"):
        load_coalitions(bad)


def test_shipped_table_covers_every_actor_of_actors_md(table):
    # ACTORS.md's ids, copied here by hand (tests never read ../shared)
    expected = {
        "SYR_MIL": "syria_gov", "SYR_ALLIES": "syria_gov", "SYR_NDF": "syria_gov",
        "HEZBOLLAH": "syria_gov", "IRN_MIL": "syria_gov", "RUS_MIL": "syria_gov",
        "IRQ_MIL": "iraq_gov", "IRQ_PMF": "iraq_gov", "KATAIB_HEZBOLLAH": "iraq_gov",
        "IRQ_RESISTANCE": "iraq_gov", "KRG_PESHMERGA": "krg", "ISIS": "isis", "SDF": "sdf",
        "YPG": "sdf", "US_COALITION": "coalition", "TUR_MIL": "turkey", "SNA": "opposition",
        "HTS": "hts", "ISR_MIL": "israel", "TRIBES": "tribes", "PKK": "pkk",
        "HOUTHIS": "houthis", "SAUDI_COALITION": "saudi_coalition", "LNA": "lna",
        "LBY_GOV": "lby_gov", "UNKNOWN": "unknown", "CIVILIANS": "civilians",
    }
    assert {a: table.coalition_of(a) for a in expected} == expected
    assert all(table.info(c).color.startswith("#") for c in set(expected.values()))


def test_the_shipped_table_is_the_lexicons_actors_with_labels_for_every_coalition(table):
    from marsad.lexicon import load_lexicon

    actors = load_lexicon().actors
    assert {a: table.coalition_of(a) for a in actors} == {a: x.coalition for a, x in actors.items()}
    # no coalition of the lexicon falls back to a made-up label and colour on the map
    assert {x.coalition for x in actors.values()} <= set(table.coalitions)
    assert table.info("jordan_gov").label == "Jordanian army"


def test_a_coalition_file_of_ones_own_must_map_actors(tmp_path: Path):
    only_colours = tmp_path / "colours.yaml"
    only_colours.write_text("coalitions:\n  syria_gov: {label: S, color: '#000000'}\n")
    with pytest.raises(LexiconError, match=r"colours\.yaml: expected a mapping with an 'actors'"):
        load_coalitions(only_colours)


# -- properties --------------------------------------------------------------------------

_ACTORS = ["SYR_MIL", "HEZBOLLAH", "ISIS", "IRQ_MIL", "SDF"]
_PLACES = [("geonames:1", 35.0, 40.0), ("geonames:2", 35.1, 40.1), ("geonames:3", 34.0, 41.0)]


@st.composite
def event_lists(draw):
    n = draw(st.integers(0, 25))
    out = []
    for i in range(n):
        pid, lat, lon = draw(st.sampled_from(_PLACES))
        out.append(ev(
            i + 1,
            draw(st.sampled_from(["capture", "capture", "withdrawal", "clash"])),
            draw(st.sampled_from(_ACTORS)),
            draw(st.integers(0, 40)),
            place_id=pid, lat=lat, lon=lon,
            modality=draw(st.sampled_from(["asserted", "asserted", "planned", "negated"])),
            partial=draw(st.booleans()),
            time_precision=draw(st.sampled_from([1, 1, 2, 3])),
            outlet=draw(st.sampled_from(["a", "b", "c"])),
        ))
    return out


@settings(max_examples=150, deadline=None)
@given(event_lists(), st.randoms(use_true_random=False))
def test_order_independent_and_well_formed(table, events, rnd):
    first = build_timeline(events, table)
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert build_timeline(shuffled, table) == first
    by_id = {e.id: e for e in events}
    for place, ivs in intervals_by_place(first.intervals).items():
        for prev, nxt in itertools.pairwise(ivs):
            assert prev.end is not None and prev.end <= nxt.start  # no overlap
        for iv in ivs:
            assert iv.end is None or iv.start <= iv.end
            assert iv.event_ids and iv.sources >= 1
            assert all(by_id[i].event.modality == "asserted" for i in iv.event_ids)
            assert all(by_id[i].event.kind in ("capture", "withdrawal") for i in iv.event_ids)
            assert (iv.status == "contested") == (iv.coalition == CONTESTED)
            assert iv.status == "contested" or iv.claims == (iv.coalition,)
            assert iv.place_id == place


@settings(max_examples=100, deadline=None)
@given(event_lists(), st.integers(-5, 50))
def test_index_and_per_place_lookup_agree_with_control_at(table, events, n):
    ivs = build_control(events, table)
    expected = control_at(ivs, day(n))
    assert ControlIndex(ivs).at(day(n)) == expected
    assert ControlIndex(ivs).counts([day(n), day(n + 3)]) == [
        len(expected), len(control_at(ivs, day(n + 3)))]
    by_place = intervals_by_place(ivs)
    looked_up = [holder_on(by_place[p], day(n)) for p in sorted(by_place)]
    assert [iv for iv in looked_up if iv is not None] == expected


def test_shuffled_large_input_is_stable(table):
    rnd = random.Random(7)
    events = [ev(i, rnd.choice(["capture", "withdrawal"]), rnd.choice(_ACTORS), rnd.randint(0, 300),
                 place_id=f"p{rnd.randint(0, 30)}") for i in range(1, 2000)]
    first = build_control(events, table)
    rnd.shuffle(events)
    assert build_control(events, table) == first
    assert len({iv.place_id for iv in first}) > 20
