"""Exports re-read by real parsers (csv, json) and checked field by field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable

import pytest

from marsad.io.acled import ACLED_COLUMNS, ACLED_KINDS, acled_actors
from marsad.io.export import (
    EVENT_COLUMNS,
    evidence_texts,
    write_acled_csv,
    write_events,
    write_events_csv,
    write_geojson,
    write_jsonl,
)
from marsad.lexicon import load_lexicon
from marsad.model import KINDS, Event, Span, StoredEvent

TEXT = (
    "الجيش السوري وحلفاؤه يسيطرون على قرية طابية الجزيرة. "
    'وقصف الطيران الأمريكي مواقع في الرقة, ما أدى إلى مقتل "12" مدنياً.\nسطر أخير'
)


@pytest.fixture
def stored(make_event: Callable[..., Event]) -> list[StoredEvent]:
    capture = make_event(partial=True, evidence=Span(0, 52))
    strike = make_event(
        kind="airstrike",
        actor1="US_COALITION",
        assoc1=(),
        actor2="CIVILIANS",
        place="الرقة",
        place_id=None,
        lat=None,
        lon=None,
        geo_precision=None,
        date=dt.date(2017, 9, 1),
        time_precision=3,
        source=None,
        fatalities=12,
        evidence=Span(53, 120),
    )
    return [
        StoredEvent(1, 7, "seed", "الميادين", dt.date(2017, 10, 25), capture, ("الميادين", "سانا")),
        StoredEvent(2, 7, "seed", "الميادين", dt.date(2017, 10, 25), strike, ("الميادين",)),
    ]


def _evidence() -> Callable[[StoredEvent], str]:
    return evidence_texts(lambda document_id: TEXT)


def test_jsonl(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_jsonl(stored, out, evidence=_evidence()) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert "طابية" in lines[0]  # Arabic written as is, not \u escapes
    assert first == {
        "id": 1,
        "doc_id": "seed",
        "document_id": 7,
        "outlet": "الميادين",
        "published": "2017-10-25",
        "kind": "capture",
        "actor1": "SYR_MIL",
        "assoc1": ["SYR_ALLIES"],
        "actor2": "ISIS",
        "place": "طابية الجزيرة",
        "place_id": "syrianarchive:2859",
        "lat": 35.2823,
        "lon": 40.3177,
        "geo_precision": 1,
        "date": "2017-10-25",
        "time_precision": 1,
        "modality": "asserted",
        "source": "مراسل الميادين",
        "fatalities": None,
        "partial": True,
        "evidence": [0, 52],
        "sources": ["الميادين", "سانا"],
        "evidence_text": TEXT[0:52],
    }
    # The EVENTS.md part reads back into the same Event.
    assert Event.from_dict(first) == stored[0].event
    assert Event.from_dict(json.loads(lines[1])) == stored[1].event


def test_events_csv(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_events_csv(stored, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_COLUMNS
    first, second = rows
    assert first["place"] == "طابية الجزيرة" and first["assoc1"] == "SYR_ALLIES"
    assert first["partial"] == "true" and first["fatalities"] == ""
    assert (first["evidence_start"], first["evidence_end"]) == ("0", "52")
    assert first["sources"] == "الميادين; سانا"
    assert float(first["lat"]) == 35.2823 and first["date"] == "2017-10-25"
    assert second["lat"] == "" and second["fatalities"] == "12" and second["partial"] == "false"
    assert second["actor2"] == "CIVILIANS" and second["time_precision"] == "3"


def test_acled_csv_field_by_field(stored: list[StoredEvent]) -> None:
    out = io.StringIO(newline="")
    assert write_acled_csv(stored, out, evidence=_evidence(), timestamp=1700000000) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    capture, strike = list(reader)
    assert (
        capture
        == {
            "event_id_cnty": "MARSAD1",
            "event_date": "2017-10-25",
            "year": "2017",
            "time_precision": "1",
            "disorder_type": "Political violence",
            "event_type": "Battles",
            "sub_event_type": "Government regains territory",  # actor1 is a state force
            "actor1": "Military Forces of Syria",
            "assoc_actor_1": "Military Forces of Syria (allies)",
            "inter1": "1",
            "actor2": "Islamic State",
            "assoc_actor_2": "",
            "inter2": "2",
            "interaction": "12",
            "civilian_targeting": "",
            "iso": "",
            "region": "",
            "country": "",
            "admin1": "",
            "admin2": "",
            "admin3": "",
            "location": "طابية الجزيرة",
            "latitude": "35.2823",
            "longitude": "40.3177",
            "geo_precision": "1",
            "source": "الميادين; سانا",
            "source_scale": "",
            "notes": TEXT[0:52],
            "fatalities": "0",
            "tags": "partial control of location; fatalities not reported; reported by: مراسل الميادين",
            "timestamp": "1700000000",
        }
    )
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["actor1"] == "Military Forces of the United States" and strike["inter1"] == "8"
    assert strike["actor2"] == "Civilians" and strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["fatalities"] == "12" and strike["tags"] == ""
    assert strike["latitude"] == "" and strike["event_date"] == "2017-09-01"
    assert strike["notes"] == TEXT[53:120]  # the quote and comma survive CSV quoting
    assert '"12"' in strike["notes"] and "," in strike["notes"]


def test_acled_mapping_covers_every_kind_and_the_canonical_actors() -> None:
    assert set(ACLED_KINDS) == set(KINDS)
    actors = acled_actors(load_lexicon())
    for actor in ("SYR_MIL", "ISIS", "IRQ_PMF", "SDF", "CIVILIANS", "UNKNOWN", "HTS"):
        assert actors[actor][0] and 1 <= actors[actor][1] <= 8
    assert actors["CIVILIANS"] == ("Civilians", 7)


def test_acled_country_and_admin_from_the_point(stored: list[StoredEvent]) -> None:
    def locate(lat: float, lon: float) -> tuple[str, str, str, str, str, str]:
        assert (lat, lon) == (35.2823, 40.3177)
        return ("SY", "Middle East", "Syria", "Deir-ez-Zor", "Deir-ez-Zor", "")

    out = io.StringIO()
    write_acled_csv(stored[:1], out, timestamp=0, locate=locate)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["iso"], row["country"], row["admin1"]) == ("SY", "Syria", "Deir-ez-Zor")


def test_acled_capture_by_non_state_actor(make_event: Callable[..., Event]) -> None:
    event = make_event(actor1="ISIS", assoc1=(), actor2="IRQ_MIL")
    out = io.StringIO()
    write_acled_csv([StoredEvent(3, 1, "d", None, None, event)], out, timestamp=0)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["sub_event_type"] == "Non-state actor overtakes territory"
    assert row["interaction"] == "12" and row["source"] == "d"


def test_unknown_actor_id_is_kept(make_event: Callable[..., Event]) -> None:
    event = make_event(actor1="NEW_GROUP", assoc1=(), actor2=None)
    out = io.StringIO()
    write_acled_csv([StoredEvent(3, 1, "d", "o", None, event)], out, timestamp=0)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("NEW_GROUP", "", "")


def test_geojson(stored: list[StoredEvent]) -> None:
    out = io.StringIO()
    assert write_geojson(stored, out, evidence=_evidence()) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    located, unlocated = collection["features"]
    assert located["type"] == "Feature" and located["id"] == 1
    assert located["geometry"] == {"type": "Point", "coordinates": [40.3177, 35.2823]}  # lon, lat
    properties = located["properties"]
    assert properties["place"] == "طابية الجزيرة" and properties["partial"] is True
    assert properties["sources"] == ["الميادين", "سانا"]
    assert properties["evidence"] == [0, 52] and properties["evidence_text"] == TEXT[:52]
    assert Event.from_dict(properties) == stored[0].event
    assert unlocated["geometry"] is None
    assert unlocated["properties"]["fatalities"] == 12


def test_empty_exports_are_still_valid() -> None:
    out = io.StringIO()
    assert write_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
    out = io.StringIO()
    assert write_acled_csv([], out) == 0
    assert next(csv.reader(io.StringIO(out.getvalue()))) == list(ACLED_COLUMNS)
    out = io.StringIO()
    assert write_jsonl([], out) == 0 and out.getvalue() == ""


def test_write_events_dispatch_and_unknown_format(stored: list[StoredEvent]) -> None:
    for fmt in ("jsonl", "csv", "acled-csv", "geojson"):
        assert write_events(fmt, stored, io.StringIO()) == 2
    with pytest.raises(ValueError, match="unknown format"):
        write_events("xml", stored, io.StringIO())


def test_evidence_texts_reads_each_document_once(stored: list[StoredEvent]) -> None:
    calls: list[int] = []

    def get_text(document_id: int) -> str:
        calls.append(document_id)
        return TEXT

    evidence = evidence_texts(get_text)
    assert [evidence(s) for s in stored] == [TEXT[0:52], TEXT[53:120]]
    assert calls == [7]
