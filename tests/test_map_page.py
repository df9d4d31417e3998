"""The map page without a browser: safe JSON embedding, CSP, evidence marks, basemap, payload."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import box

from marsad.model import Document, Event, Span, StoredEvent
from marsad.track.coalitions import CoalitionTable, load_coalitions
from marsad.track.control import build_control
from marsad.web.basemap import Outline, basemap_from_outlines
from marsad.web.mapdata import MapOptions, evidence_view, map_payload
from marsad.web.page import embed_json, render_map

NASTY = [
    "</script><script>window.__xss=1</script>",
    "<!-- <script>",
    "</SCRIPT >",
    "<img src=x onerror=\"window.__xss=2\">",
    "a\u2028b\u2029c",
    "]]> & &amp; \\u003c",
    "الجيش السوري </script> سيطر",
]


@pytest.mark.parametrize("text", NASTY)
def test_embed_json_round_trips_and_cannot_close_the_script(text):
    data = {"k": text, text: [text]}
    embedded = embed_json(data)
    assert json.loads(embedded) == data
    lowered = embedded.lower()
    assert "</" not in lowered and "<!--" not in lowered and "<" not in embedded
    assert "\u2028" not in embedded and "\u2029" not in embedded


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=20))
def test_embed_json_round_trips_anything(data):
    embedded = embed_json(data)
    assert json.loads(embedded) == data
    assert "<" not in embedded and "\u2028" not in embedded and "\u2029" not in embedded


class _Scripts(HTMLParser):
    """Collects every <script> element's attributes and text, as a browser would split them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.meta: list[dict[str, str | None]] = []
        self._in: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._in, self._text = dict(attrs), []
        elif tag == "meta":
            self.meta.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "script" and self._in is not None:
            self.scripts.append((self._in, "".join(self._text)))
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self._text.append(data)


def _payload(text: str) -> dict[str, object]:
    return {"title": "<b>t</b>", "online_tiles": False, "events": [], "texts": [text]}


@pytest.mark.parametrize("text", NASTY)
def test_page_keeps_exactly_its_own_scripts_whatever_the_data(text):
    page = render_map(_payload(text))
    parser = _Scripts()
    parser.feed(page)
    kinds = [attrs.get("type") for attrs, _ in parser.scripts]
    assert kinds == ["application/json", None, None]
    data_attrs, data_text = parser.scripts[0]
    assert data_attrs.get("id") == "marsad-data"
    assert json.loads(data_text)["texts"] == [text]
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page


def test_csp_allows_only_the_inline_scripts_by_hash_and_no_network():
    page = render_map(_payload("x"))
    parser = _Scripts()
    parser.feed(page)
    (csp,) = [m["content"] for m in parser.meta if m.get("http-equiv") == "Content-Security-Policy"]
    hashes = set(re.findall(r"'sha256-([A-Za-z0-9+/=]+)'", csp))
    code = [text for attrs, text in parser.scripts if attrs.get("type") is None]
    expected = {base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() for t in code}
    assert hashes == expected and len(expected) == 2
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "connect-src 'none'" in csp and "img-src data:;" in csp
    assert "sourceMappingURL" not in page  # no request for a .map file
    online = render_map({**_payload("x"), "online_tiles": True})
    assert "img-src data: https://tile.openstreetmap.org;" in online
    # the script takes the tile URL from the data, which carries it only when online
    assert "tile.openstreetmap" not in _data(page) and "tile.openstreetmap" not in code[1]
    assert json.loads(_data(online))["tile_url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def _data(page: str) -> str:
    parser = _Scripts()
    parser.feed(page)
    return next(text for attrs, text in parser.scripts if attrs.get("id") == "marsad-data")


@pytest.fixture(scope="module")
def table() -> CoalitionTable:
    return load_coalitions()


def _stored(id: int, text_span: Span, *, place="القائم", actor="SYR_MIL", kind="capture",
            day=dt.date(2017, 10, 25), lat=34.39, lon=40.99, place_id="geonames:92138",
            partial=False) -> StoredEvent:
    event = Event(kind=kind, actor1=actor, assoc1=(), actor2=None, place=place, place_id=place_id,
                  lat=lat, lon=lon, geo_precision=1, date=day, time_precision=1,
                  modality="asserted", source=None, fatalities=None, partial=partial,
                  evidence=text_span)
    return StoredEvent(id=id, document_id=1, doc_id="d1", outlet="الميادين", published=day,
                       event=event)


def test_evidence_marks_place_and_actor_in_original_offsets():
    text = "عنوان.\nوسيطر الجيشُ السوري على مدينة القائم 🙂 اليوم."
    start = text.index("وسيطر")
    doc = Document(doc_id="d1", text=text)
    stored = _stored(1, Span(start, len(text)))
    view = evidence_view(doc, stored, {"SYR_MIL": ["الجيش السوري"]})
    assert view is not None
    evidence, marks = view
    assert evidence == text[start:]
    by_role = {role: evidence[s:e] for s, e, role in marks}
    assert by_role == {"place": "القائم", "actor": "الجيشُ السوري"}  # harakat kept as written


def test_payload_converts_offsets_to_utf16_and_shares_evidence_texts(table):
    text = "🙂🙂 سيطر الجيش السوري على القائم"
    doc = Document(doc_id="d1", text=text)
    events = [_stored(1, Span(0, len(text))), _stored(2, Span(0, len(text)), kind="clash")]
    payload = map_payload(events, [], table, documents=lambda _id: doc,
                          actor_aliases={"SYR_MIL": ["الجيش السوري"]})
    assert payload["texts"] == [text]
    row = payload["events"][0]
    assert row["evidence"]["text"] == 0 and payload["events"][1]["evidence"]["text"] == 0
    marks = {role: (s, e) for s, e, role in row["evidence"]["marks"]}
    js = text.encode("utf-16-le")
    s, e = marks["place"]
    assert js[2 * s:2 * e].decode("utf-16-le") == "القائم"
    s, e = marks["actor"]
    assert js[2 * s:2 * e].decode("utf-16-le") == "الجيش السوري"


def test_payload_snapshots_follow_control_changes(table):
    doc = Document(doc_id="d1", text="x" * 10)
    events = [
        _stored(1, Span(0, 5), place_id="p:a", lat=35.0, lon=40.0),
        _stored(2, Span(0, 5), place_id="p:b", lat=35.0, lon=40.1, actor="ISIS",
                day=dt.date(2017, 10, 27)),
    ]
    intervals = build_control(events, table)
    payload = map_payload(events, intervals, table, documents=lambda _id: doc)
    assert (payload["first_day"], payload["last_day"], payload["day"]) == (
        "2017-10-25", "2017-10-27", "2017-10-27")
    derived = payload["derived"]
    assert derived["days"] == ["2017-10-25", "2017-10-27"]
    (contact,) = derived["contacts"]  # none before the 27th
    assert {contact["a"]["coalition"], contact["b"]["coalition"]} == {"isis", "syria_gov"}
    assert (contact["start"], contact["end"]) == ("2017-10-27", None)
    (fronts,) = derived["fronts"]  # no front on the 25th: nothing stored for it
    assert fronts["day"] == "2017-10-27"
    (front,) = fronts["fronts"]["features"]
    assert front["properties"]["coalitions"] == ["isis", "syria_gov"]
    assert [p["id"] for p in payload["places"]] == ["p:a", "p:b"]
    assert set(payload["coalitions"]) == {"isis", "syria_gov"}


def test_basemap_keeps_outlines_near_the_data_and_unions_land():
    outlines = [
        Outline("c:sy", 0, "سوريا", "Syria", box(35.7, 32.3, 42.4, 37.3)),
        Outline("c:far", 0, "بعيد", "Far", box(100, 0, 101, 1)),
        Outline("g:1", 1, "دير الزور", "Deir-ez-Zor", box(39, 34, 41, 36)),
        Outline("d:1", 2, "البوكمال", "Abu Kamal", box(40, 34, 41, 35)),
    ]
    basemap = basemap_from_outlines(outlines, (38.0, 33.0, 42.0, 37.0))
    assert [f["properties"]["id"] for f in basemap.countries["features"]] == ["c:sy"]
    assert [f["properties"]["name"] for f in basemap.admin1["features"]] == ["دير الزور"]
    assert basemap.land is not None and basemap.land.equals(box(35.7, 32.3, 42.4, 37.3))


def test_payload_window_limits_events_and_slider_but_keeps_earlier_control(table):
    doc = Document(doc_id="d1", text="x" * 10)
    events = [
        _stored(1, Span(0, 5), place_id="p:a", lat=35.0, lon=40.0, day=dt.date(2017, 1, 1)),
        _stored(2, Span(0, 5), place_id="p:b", lat=35.0, lon=40.1, actor="ISIS",
                day=dt.date(2017, 10, 27)),
        _stored(3, Span(0, 5), place_id="p:c", lat=35.0, lon=41.0, actor="ISIS",
                day=dt.date(2018, 3, 1)),
    ]
    options = MapOptions(since=dt.date(2017, 10, 1), until=dt.date(2017, 12, 31))
    payload = map_payload(events, build_control(events, table), table,
                          documents=lambda _id: doc, options=options)
    assert [e["id"] for e in payload["events"]] == [2]
    assert (payload["first_day"], payload["last_day"]) == ("2017-10-01", "2017-12-31")
    # p:a was taken in January: it is still held on the slider's first day
    assert [p["id"] for p in payload["places"]] == ["p:a", "p:b"]
    assert payload["derived"]["days"][0] == "2017-10-01"


def test_contacts_become_intervals_and_the_budget_thins_days(table):
    doc = Document(doc_id="d1", text="x" * 10)
    events = [
        _stored(1, Span(0, 5), place_id="p:a", lat=35.0, lon=40.0, day=dt.date(2017, 10, 1)),
        _stored(2, Span(0, 5), place_id="p:b", lat=35.0, lon=40.1, actor="ISIS",
                day=dt.date(2017, 10, 5)),
        _stored(3, Span(0, 5), place_id="p:b", lat=35.0, lon=40.1, actor="SYR_MIL",
                day=dt.date(2017, 10, 20)),
        _stored(4, Span(0, 5), place_id="p:c", lat=36.0, lon=40.0, actor="SYR_MIL",
                day=dt.date(2017, 11, 1)),
    ]
    intervals = build_control(events, table)
    derived = map_payload(events, intervals, table, documents=lambda _id: doc)["derived"]
    assert derived["days"] == ["2017-10-01", "2017-10-05", "2017-10-20", "2017-11-01"]
    (contact,) = derived["contacts"]
    assert (contact["start"], contact["end"]) == ("2017-10-05", "2017-10-20")
    thin = map_payload(events, intervals, table, documents=lambda _id: doc,
                       options=MapOptions(max_snapshots=2, day=dt.date(2017, 10, 20)))["derived"]
    assert thin["candidate_days"] == 4 and len(thin["days"]) <= 3
    assert "2017-10-20" in thin["days"]  # the opening day is always computed
