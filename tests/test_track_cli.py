"""`marsad control`, `contacts`, `frontlines` over a real SQLite store, and the seed's state.

The events are hand-coded from the project's founding example (Al Mayadeen, 2017-10-25,
the seed article of EVENTS.md): places, actors and dates only, no article text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import Document, Event, Span
from marsad.store import open_store

DAY = dt.date(2017, 10, 25)
TEXT = "نص تجريبي قصير يكفي لمقاطع الأدلة." * 4


def _ev(kind, actor, place, place_id, lat, lon, *, actor2=None, partial=False, day=DAY,
        time_precision=1, geo_precision=1, modality="asserted") -> Event:
    return Event(kind=kind, actor1=actor, assoc1=(), actor2=actor2, place=place,
                 place_id=place_id, lat=lat, lon=lon, geo_precision=geo_precision, date=day,
                 time_precision=time_precision, modality=modality, source=None,
                 fatalities=None, partial=partial, evidence=Span(0, 20))


# The seed's control-relevant events (EVENTS.md worked example), plus one Iraqi capture
# next to the Syrian army so that a proximity contact and a front line exist.
SEED = [
    _ev("capture", "SYR_MIL", "طابية الجزيرة", "syrianarchive:2859", 35.2823, 40.3177),
    _ev("capture", "SYR_MIL", "حي الصناعة", "syrianarchive:5766", 35.3215, 40.1596, partial=True),
    _ev("contact", "IRQ_MIL", "القائم", "geonames:92138", 34.39251, 40.98945, actor2="SYR_MIL",
        geo_precision=2),
    _ev("capture", "IRQ_MIL", "منفذ ربيعة", None, 36.8, 42.08333),
    _ev("capture", "IRQ_MIL", "الحويجة", "geonames:390188", 35.32592, 43.77267,
        day=dt.date(2017, 10, 5), time_precision=3),
    _ev("clash", "IRQ_MIL", "القائم", "geonames:92138", 34.48229, 41.91898, actor2="ISIS",
        modality="planned"),
    _ev("capture", "IRQ_PMF", "البوكمال", "syrianarchive:2772", 34.45463, 40.91156,
        day=dt.date(2017, 11, 1)),
    _ev("capture", "SYR_MIL", "الجلاء", "test:jalaa", 34.45, 40.80, day=dt.date(2017, 11, 1)),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("track") / "seed.db"
    document = Document(doc_id="seed-almayadeen-2017-10-25", text=TEXT, published=DAY,
                        outlet="الميادين")
    with open_store(path) as store:
        store.add([(document, SEED)])
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.output


def test_control_on_the_seed_day(db):
    code, out, _ = run("control", "--db", str(db), "--date", "2017-10-25", "--format", "jsonl")
    assert code == 0
    rows = {r["place"]: r for r in map(json.loads, out.splitlines())}
    assert set(rows) == {"طابية الجزيرة", "حي الصناعة", "منفذ ربيعة", "الحويجة"}
    assert rows["طابية الجزيرة"]["coalition"] == "syria_gov"
    assert rows["حي الصناعة"]["status"] == "contested"  # "قسم كبير من حي الصناعة"
    assert rows["حي الصناعة"]["claims"] == ["syria_gov"]
    assert rows["منفذ ربيعة"]["coalition"] == "iraq_gov"
    assert rows["منفذ ربيعة"]["place_id"].startswith("surface:")  # no gazetteer id
    assert rows["الحويجة"]["start"] == "2017-10-05"  # month precision: counts from its date
    assert all(r["sources"] == 1 for r in rows.values())


def test_control_filters_and_formats(db):
    code, out, _ = run("control", "--db", str(db), "--coalition", "iraq_gov",
                       "--format", "geojson")
    assert code == 0
    features = json.loads(out)["features"]
    assert {f["properties"]["place"] for f in features} == {"منفذ ربيعة", "الحويجة", "البوكمال"}
    assert features[0]["geometry"]["type"] == "Point"
    code, out, _ = run("control", "--db", str(db))
    assert code == 0 and "طابية الجزيرة" in out and "contested: syria_gov" in out
    code, _, output = run("control", "--db", str(db), "--coalition", "martians")
    assert code != 0 and "unknown coalition" in output


def test_contacts_on_the_seed_day_report_the_headline(db):
    code, out, _ = run("contacts", "--db", str(db), "--date", "2017-10-25", "--format", "jsonl")
    assert code == 0
    (contact,) = map(json.loads, out.splitlines())
    # "نقاط تماس بين الجيش السوري والقوات العراقية": allied coalitions are still reported
    assert contact["basis"] == "reported"
    assert {contact["a"]["coalition"], contact["b"]["coalition"]} == {"iraq_gov", "syria_gov"}
    assert contact["a"]["place"] == "القائم"


def test_contacts_and_fronts_a_week_later(db):
    code, out, _ = run("contacts", "--db", str(db), "--date", "2017-11-01", "--format", "geojson")
    assert code == 0
    features = json.loads(out)["features"]
    bases = sorted(f["properties"]["basis"] for f in features)
    assert bases == ["proximity", "reported"]  # الجلاء–البوكمال 10 km; القائم within 7 days
    line = next(f for f in features if f["properties"]["basis"] == "proximity")
    assert line["geometry"]["type"] == "LineString"
    assert 9.5 < line["properties"]["distance_km"] < 10.5
    code, out, _ = run("frontlines", "--db", str(db), "--date", "2017-11-01")
    assert code == 0
    fronts = json.loads(out)["features"]
    assert {tuple(f["properties"]["coalitions"]) for f in fronts} == {("iraq_gov", "syria_gov")}


def test_missing_database_is_one_clear_line(tmp_path):
    code, _, output = run("control", "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "none.db" in output and "Traceback" not in output


@pytest.mark.parametrize("command", ["control", "contacts", "frontlines", "map"])
def test_help_has_an_example(command):
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example: marsad " + command in out
