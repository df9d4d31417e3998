"""score(): hand-built gold and predicted events, with every expected number worked by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from eval_events import ev, north
from marsad.errors import EvalError
from marsad.eval import (
    Counts,
    GoldDocument,
    dates_agree,
    evidence_excerpt,
    percentile,
    report_to_dict,
    score,
    source_key,
    sources_agree,
)
from marsad.model import Event, Span


def doc(events: list[Event], doc_id: str = "d1", text: str = "") -> GoldDocument:
    return GoldDocument(doc_id, text, dt.date(2017, 10, 25), "outlet", tuple(events))


GOLD = [
    ev("طابية الجزيرة", place_id="x:1", km=0.0),
    ev("حي الصناعة", place_id="x:2", km=40.0, partial=True),
    ev("البوكمال", kind="airstrike", actor1="RU_MIL", place_id="x:3", km=120.0),
]


def test_perfect_match() -> None:
    report = score([doc(GOLD)], {"d1": list(GOLD)})
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (3, 0, 0)
    assert report.strict.precision == report.strict.recall == report.strict.f1 == 1.0
    assert report.loose.f1 == 1.0
    assert all(acc.value == 1.0 and acc.total == 3 for acc in report.attributes)
    assert report.km_median == 0.0 and report.km_p90 == 0.0


def test_one_miss() -> None:
    report = score([doc(GOLD)], {"d1": GOLD[:2]})
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (2, 0, 1)
    assert report.strict.precision == 1.0
    assert report.strict.recall == pytest.approx(2 / 3)
    assert report.strict.f1 == pytest.approx(0.8)  # 2 * 1 * 2/3 / (5/3)
    assert report.documents[0].missed == (GOLD[2],)


def test_one_spurious() -> None:
    extra = ev("الميادين", kind="shelling", km=200.0)
    report = score([doc(GOLD[:2])], {"d1": [*GOLD[:2], extra]})
    assert (report.strict.tp, report.strict.fp, report.strict.fn) == (2, 1, 0)
    assert report.strict.precision == pytest.approx(2 / 3)
    assert report.strict.recall == 1.0
    assert report.strict.f1 == pytest.approx(0.8)
    assert report.documents[0].spurious == (extra,)


def test_nothing_predicted_scores_zero_not_an_error() -> None:
    report = score([doc(GOLD)], {})
    assert report.strict == Counts(gold=3, predicted=0, tp=0)
    assert (report.strict.precision, report.strict.recall, report.strict.f1) == (0, 0, 0)
    assert all(acc.value is None and acc.total == 0 for acc in report.attributes)
    assert report.km_median is None and report.km_p90 is None


def test_predictions_for_an_unknown_article_are_an_error() -> None:
    with pytest.raises(EvalError, match="nope"):
        score([doc(GOLD)], {"nope": []})


def test_counts_are_micro_averaged_over_articles() -> None:
    # Article 1: 3 gold, 3 right. Article 2: 1 gold, 2 predicted of which 1 right.
    second = [ev("الرقة", place_id="x:9", km=500.0)]
    predicted = {"d1": list(GOLD), "d2": [second[0], ev("حلب", km=900.0)]}
    report = score([doc(GOLD), doc(second, "d2")], predicted)
    assert report.strict == Counts(gold=4, predicted=5, tp=4)
    assert report.strict.precision == pytest.approx(4 / 5)
    assert report.strict.recall == 1.0
    assert report.articles == 2


def test_per_kind_numbers() -> None:
    gold = [
        ev("أ", kind="capture", km=0.0),
        ev("ب", kind="capture", km=100.0),
        ev("ج", kind="airstrike", km=200.0),
    ]
    predicted = [
        ev("أ", kind="capture", km=0.0),
        ev("ج", kind="airstrike", km=200.0),
        ev("د", kind="airstrike", km=300.0),
        ev("ه", kind="shelling", km=400.0),
    ]
    report = score([doc(gold)], {"d1": predicted})
    rows = {k.kind: k.counts for k in report.kinds}
    assert [k.kind for k in report.kinds] == ["capture", "airstrike", "shelling"]
    assert rows["capture"] == Counts(gold=2, predicted=1, tp=1)
    assert (rows["capture"].precision, rows["capture"].recall) == (1.0, 0.5)
    assert rows["capture"].f1 == pytest.approx(2 / 3)
    assert rows["airstrike"] == Counts(gold=1, predicted=2, tp=1)
    assert rows["airstrike"].f1 == pytest.approx(2 / 3)
    assert rows["shelling"] == Counts(gold=0, predicted=1, tp=0)
    assert rows["shelling"].f1 == 0.0
    assert report.strict == Counts(gold=3, predicted=4, tp=2)
    assert report.strict.f1 == pytest.approx(4 / 7)  # P 1/2, R 2/3


def test_loose_line_ignores_actor1_and_has_its_own_matching() -> None:
    gold = [ev("البوكمال", actor1="SYR_MIL", km=0.0), ev("الميادين", actor1="ISIS", km=80.0)]
    predicted = [ev("البوكمال", actor1="ISIS", km=0.0), ev("الميادين", actor1="ISIS", km=80.0)]
    report = score([doc(gold)], {"d1": predicted})
    assert report.strict == Counts(gold=2, predicted=2, tp=1)
    assert report.loose == Counts(gold=2, predicted=2, tp=2)
    assert report.loose.f1 == 1.0
    assert report.strict.f1 == 0.5


def test_attribute_accuracy_over_matched_pairs_only() -> None:
    gold = [
        ev("أ", km=0.0, actor2="ISIS", source="مراسل الميادين"),
        ev("ب", km=100.0, modality="planned", fatalities=3),
        ev("ج", km=200.0),  # missed: never counted in the accuracies
    ]
    predicted = [
        ev("أ", km=1.0, actor2=None, source="مراسل الميادين في دير الزور"),
        ev("ب", km=103.0, modality="asserted", fatalities=3, geo_precision=2),
    ]
    report = score([doc(gold)], {"d1": predicted})
    acc = {a.attribute: (a.correct, a.total) for a in report.attributes}
    assert [a.attribute for a in report.attributes][:4] == ["actor2", "date", "modality", "source"]
    assert acc["actor2"] == (1, 2)
    assert acc["date"] == (2, 2)
    assert acc["modality"] == (1, 2)
    assert acc["source"] == (2, 2)  # containment
    assert acc["fatalities"] == (2, 2)
    assert acc["geo_precision"] == (1, 2)
    assert report.accuracy("modality").value == 0.5
    assert report.km_median == pytest.approx(2.0)  # errors 1 and 3 km
    assert report.km_p90 == pytest.approx(2.8)  # 1 + 0.9 * (3 - 1)
    disagreements = {p.gold.place: p.disagreements for p in report.documents[0].pairs}
    assert disagreements == {"أ": ("actor2",), "ب": ("modality", "geo_precision")}


def test_pairs_that_agree_more_are_preferred_among_equal_coordinate_errors() -> None:
    gold = [ev(place_id="t:1", km=0.0), ev(place_id="t:1", km=0.0, modality="planned")]
    predicted = [ev(place_id="t:1", km=0.0, modality="planned"), ev(place_id="t:1", km=0.0)]
    report = score([doc(gold)], {"d1": predicted})
    assert report.accuracy("modality").correct == 2


def at(day: dt.date, precision: int | None) -> Event:
    return ev(date=day, time_precision=precision)


@pytest.mark.parametrize(
    ("gold", "predicted", "agree"),
    [
        # Day precision: the same day only.
        (at(dt.date(2024, 1, 29), 1), at(dt.date(2024, 1, 29), 1), True),
        (at(dt.date(2024, 1, 29), 1), at(dt.date(2024, 1, 30), 1), False),
        # Week on either side: the coarser precision wins. Mon 29 Jan and Fri 2 Feb 2024
        # are both in ISO week 2024-W05, across a month boundary.
        (at(dt.date(2024, 1, 29), 2), at(dt.date(2024, 2, 2), 1), True),
        (at(dt.date(2024, 2, 2), 1), at(dt.date(2024, 1, 29), 2), True),
        # Sun 4 Feb is W05, Mon 5 Feb is W06: one day apart, different weeks.
        (at(dt.date(2024, 2, 4), 2), at(dt.date(2024, 2, 5), 2), False),
        # ISO years: Thu 31 Dec 2020 and Fri 1 Jan 2021 are both 2020-W53.
        (at(dt.date(2020, 12, 31), 2), at(dt.date(2021, 1, 1), 1), True),
        # Month precision: the same year and month.
        (at(dt.date(2024, 1, 1), 3), at(dt.date(2024, 1, 31), 1), True),
        (at(dt.date(2024, 1, 31), 3), at(dt.date(2024, 2, 1), 2), False),
        (at(dt.date(2023, 1, 15), 3), at(dt.date(2024, 1, 15), 3), False),
        # A missing precision counts as a day.
        (at(dt.date(2024, 1, 29), None), at(dt.date(2024, 1, 30), None), False),
        # A missing date on one side is wrong.
        (at(dt.date(2024, 1, 29), 3), ev(date=None, time_precision=None), False),
    ],
)
def test_dates_compared_at_the_coarser_precision(
    gold: Event, predicted: Event, agree: bool
) -> None:
    assert dates_agree(gold, predicted) is agree


@pytest.mark.parametrize(
    ("gold", "predicted", "agree"),
    [
        ("مراسل الميادين", "مراسل الميادين", True),
        ("مراسل الميادين", "مراسل الميادين في دير الزور", True),  # gold inside predicted
        ("مصادر الميادين في دير الزور", "الميادين", True),  # predicted inside gold
        ("«مراسل الميادين»", "مراسل  الميادين.", True),  # quotes, stops, spaces
        ("الإعلام الحربي", "الاعلام الحربي", True),  # hamza seat folded
        ("@C_Military1", "c military1", True),  # @ and _ are punctuation, case folded
        ("وكالة سانا", "مراسل الميادين", False),
        (None, None, True),
        (None, "مراسل الميادين", False),
        ("مراسل الميادين", None, False),
        ("«»", None, True),  # nothing left after normalization is no source
    ],
)
def test_source_agreement(gold: str | None, predicted: str | None, agree: bool) -> None:
    assert sources_agree(ev(source=gold), ev(source=predicted)) is agree


def test_source_key() -> None:
    assert source_key("  «مراسل   الميادين»، ") == "مراسل الميادين"
    assert source_key(None) is None


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([4.0, 1.0, 3.0, 2.0], 50, 2.5),  # even count: mean of the middle two
        ([4.0, 1.0, 3.0, 2.0], 90, 3.7),  # rank 2.7: 3 + 0.7 * (4 - 3)
        ([1.0, 2.0, 10.0], 50, 2.0),
        ([1.0, 2.0, 10.0], 90, 8.4),  # rank 1.8: 2 + 0.8 * 8
        ([5.0], 90, 5.0),
        ([], 50, None),
    ],
)
def test_percentile(values: list[float], q: float, expected: float | None) -> None:
    result = percentile(values, q)
    assert result == (None if expected is None else pytest.approx(expected))


def test_km_percentiles_only_over_pairs_with_coordinates() -> None:
    gold = [ev(place_id=f"t:{k}", km=100.0 * k) for k in range(4)] + [ev("بلا", place_id="t:9")]
    offsets = [0.0, 2.0, 4.0, 8.0]
    predicted = [
        dataclasses.replace(g, lat=north(100.0 * k + offsets[k])) for k, g in enumerate(gold[:4])
    ] + [ev("بلا", place_id="t:9")]
    report = score([doc(gold)], {"d1": predicted})
    assert report.strict.tp == 5
    assert sorted(report.distances_km) == pytest.approx(offsets)
    assert report.km_median == pytest.approx(3.0)
    assert report.km_p90 == pytest.approx(6.8)  # rank 2.7: 4 + 0.7 * 4


TEXT = "مقدمة قصيرة. " + "كلمة " * 60 + "سيطر الجيش على قرية البوكمال " + "نص " * 60


def test_evidence_excerpt_short_and_long() -> None:
    short = ev("أ", evidence=Span(0, 12))
    assert evidence_excerpt(TEXT, short) == "مقدمة قصيرة."
    long = ev("البوكمال", evidence=Span(0, len(TEXT)))
    excerpt = evidence_excerpt(TEXT, long, width=80)
    assert "البوكمال" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(excerpt) <= 80 + 4
    # Out-of-range spans (a buggy extractor) are clipped, never raise.
    assert evidence_excerpt("نص", ev("أ", evidence=Span(5, 9))) == ""


def test_report_to_dict_is_json_and_lists_errors() -> None:
    gold = [ev("أ", km=0.0, evidence=Span(0, 5)), ev("ب", km=100.0, evidence=Span(6, 11))]
    predicted = [
        ev("أ", km=0.0, modality="planned", evidence=Span(0, 5)),
        ev("ج", km=500.0, evidence=Span(12, 17)),
    ]
    report = score([doc(gold, text="جملة1 جملة2 جملة3")], {"d1": predicted})
    data = json.loads(json.dumps(report_to_dict(report, errors=True), ensure_ascii=False))
    assert data["strict"] == {
        "gold": 2,
        "predicted": 2,
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["attributes"]["modality"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    (errors,) = data["errors"]
    assert [e["place"] for e in errors["missed"]] == ["ب"]
    assert errors["missed"][0]["evidence_text"] == "جملة2"
    assert errors["spurious"][0]["evidence_text"] == "جملة3"
    assert errors["disagreements"][0]["attributes"] == {
        "modality": {"gold": "asserted", "predicted": "planned"}
    }
    assert "errors" not in report_to_dict(report)


def test_document_result_names_its_disagreeing_pairs() -> None:
    perfect = score([doc(GOLD)], {"d1": list(GOLD)}).documents[0]
    assert perfect.disagreeing == () and not perfect.has_errors
    predicted = [GOLD[0], dataclasses.replace(GOLD[1], fatalities=3), GOLD[2]]
    (result,) = score([doc(GOLD)], {"d1": predicted}).documents
    assert [p.gold for p in result.disagreeing] == [GOLD[1]]
    assert result.disagreeing[0].disagreements == ("fatalities",)
    assert result.has_errors and not result.missed and not result.spurious
