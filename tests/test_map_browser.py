"""The map page in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Chromium is a declared system dependency (`make system-deps`, run by `make test` and
.ci/run): these tests never skip. Nothing is downloaded: Playwright only drives the system
binary. Screenshots go to pytest's temporary folder, never into the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from shapely.geometry import box
from typer.testing import CliRunner

from marsad.cli import app
from marsad.model import Document, Event, Span, StoredEvent
from marsad.store import open_store
from marsad.track.coalitions import load_coalitions
from marsad.track.control import build_control
from marsad.web.basemap import Outline, basemap_from_outlines
from marsad.web.mapdata import MapOptions, map_payload
from marsad.web.page import write_map

CHROMIUM = os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

XSS = '<script>window.__xss=1</script> و<img src=x onerror="window.__xss=2">'
# Invented sentences in the style of the news (no article text is copied).
TEXT = (
    "سيطر الجيش السوري على قرية الطابية صباح اليوم.\n"
    "واستعادت القوات العراقية السيطرة على منفذ ربيعة الحدودي.\n"
    "وسيطرت القوات العراقية على مدينة القائم بعد معارك.\n"
    f"قال ناشط إن {XSS} اشتباكات عنيفة اندلعت مع داعش في البوكمال.\n"
    "وسيطر تنظيم داعش على قسم من البوكمال.\n"
    "وأفاد مراسلنا بوجود نقاط تماس بين القوات العراقية والجيش السوري جنوب القائم.\n"
)
D0 = dt.date(2017, 10, 20)


def _sentence(n: int) -> Span:
    lines = TEXT.split("\n")
    start = sum(len(x) + 1 for x in lines[:n])
    return Span(start, start + len(lines[n]))


def _event(kind, actor, place, lat, lon, days, sentence, *, actor2=None, partial=False,
           place_id=None) -> Event:
    return Event(kind=kind, actor1=actor, assoc1=(), actor2=actor2, place=place,
                 place_id=place_id, lat=lat, lon=lon, geo_precision=1,
                 date=D0 + dt.timedelta(days=days), time_precision=1, modality="asserted",
                 source="مراسل الميادين", fatalities=None, partial=partial,
                 evidence=_sentence(sentence))


EVENTS = [
    _event("capture", "SYR_MIL", "الطابية", 35.2823, 40.3177, 0, 0, place_id="t:tabiya"),
    _event("capture", "IRQ_MIL", "منفذ ربيعة", 36.8, 42.0833, 2, 1, place_id="t:rabia"),
    _event("capture", "IRQ_MIL", "القائم", 34.3925, 40.9895, 3, 2, place_id="t:qaim"),
    _event("clash", "ISIS", "البوكمال", 34.4546, 40.9116, 4, 3, actor2="SYR_MIL",
           place_id="t:bukamal"),
    _event("capture", "ISIS", "البوكمال", 34.4546, 40.9116, 4, 4, partial=True,
           place_id="t:bukamal"),
    _event("contact", "IRQ_MIL", "القائم", 34.3925, 40.9895, 4, 5, actor2="SYR_MIL",
           place_id="t:qaim"),
]
DOCUMENT = Document(doc_id="test-map", text=TEXT, published=D0 + dt.timedelta(days=4),
                    outlet="الميادين", url="javascript:window.__xss=3", title="خبر <b>تجريبي</b>")
ALIASES = {"SYR_MIL": ["الجيش السوري"], "IRQ_MIL": ["القوات العراقية"], "ISIS": ["داعش"]}
OUTLINES = [
    Outline("c:sy", 0, "سوريا", "Syria", box(35.7, 32.3, 42.4, 37.3)),
    Outline("g:dz", 1, "دير الزور", "Deir ez-Zor", box(39, 34, 41, 36)),
]


def _stored() -> list[StoredEvent]:
    return [StoredEvent(id=i + 1, document_id=1, doc_id=DOCUMENT.doc_id, outlet=DOCUMENT.outlet,
                        published=DOCUMENT.published, event=e) for i, e in enumerate(EVENTS)]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: chromium is a system dependency of the tests "
                    "(`make system-deps` or `apt-get install chromium`)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def map_file(tmp_path_factory) -> Path:
    stored = _stored()
    table = load_coalitions()
    payload = map_payload(
        stored, build_control(stored, table), table, documents=lambda _id: DOCUMENT,
        basemap=basemap_from_outlines(OUTLINES), actor_aliases=ALIASES,
        options=MapOptions(front_max_km=120),
    )
    return write_map(tmp_path_factory.mktemp("map") / "map.html", payload)


class Page:
    """A loaded map page, with what the browser reported while loading and using it."""

    def __init__(self, browser, path: Path) -> None:
        self.messages: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on("console", lambda m: self.messages.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e))))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.marsadMap !== undefined", timeout=10_000)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def slide_to(self, index: int) -> None:
        # What a user's drag does: set the range input's value and fire `input`.
        self.page.evaluate(
            "i => { const s = document.getElementById('marsad-slider'); s.value = String(i);"
            " s.dispatchEvent(new Event('input', {bubbles: true})); }", index)

    def errors(self) -> list[tuple[str, str]]:
        return [m for m in self.messages if m[0] in ("error", "pageerror", "warning")]


@pytest.fixture
def page(browser, map_file) -> Iterator[Page]:
    loaded = Page(browser, map_file)
    yield loaded
    loaded.page.close()


def test_page_loads_offline_without_console_errors(page, tmp_path):
    assert page.errors() == []
    external = [u for u in page.requests if not u.startswith(("file:", "data:"))]
    assert external == []
    assert page.page.evaluate("window.marsadMap.date()") == "2017-10-24"
    shot = tmp_path / "map.png"
    page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_shows_one_marker_per_event_and_the_control_state(page):
    assert page.count("path.marsad-event") == 6
    assert page.count("path.marsad-control") == 3  # الطابية, منفذ ربيعة, القائم
    assert page.count("path.marsad-contested") == 1  # البوكمال, partly taken
    assert page.count("path.marsad-front") >= 1
    assert page.count("path.marsad-contact-reported") == 1
    counts = page.page.evaluate("window.marsadMap.counts()")
    assert counts["events"] == 6 and counts["held"] == 3 and counts["contested"] == 1
    assert "6 events" in page.page.locator("#marsad-status").text_content()


def test_the_slider_replays_day_by_day(page):
    page.slide_to(0)
    assert page.page.locator("#marsad-date").text_content() == "2017-10-20"
    assert page.count("path.marsad-event") == 1
    assert page.count("path.marsad-control.marsad-coalition-syria_gov") == 1
    assert page.count("path.marsad-contested") == 0
    assert page.count("path.marsad-front") == 0
    page.slide_to(2)
    assert page.count("path.marsad-event") == 2
    assert page.count("path.marsad-control") == 2
    page.page.locator("#marsad-prev").click()
    assert page.page.locator("#marsad-date").text_content() == "2017-10-21"
    assert page.count("path.marsad-event") == 1
    page.page.locator("#marsad-trail").select_option("1")  # that day only
    page.slide_to(4)
    assert page.count("path.marsad-event") == 3  # the three events of 2017-10-24
    assert page.errors() == []


def test_kind_checkboxes_filter_events(page):
    page.page.locator("input.marsad-kind-toggle[data-kind='clash']").uncheck()
    assert page.count("path.marsad-event") == 5
    assert page.count("path.marsad-kind-clash") == 0


def test_untrusted_article_text_is_shown_as_text(page):
    page.page.locator("path.marsad-kind-clash").click(force=True)
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.text_content()
    assert "<script>window.__xss=1</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert popup.locator("script").count() == 0 and popup.locator("img").count() == 0
    assert page.page.evaluate("typeof window.__xss") == "undefined"
    # the javascript: URL of the article is not made a link; the title's tags stay text
    assert popup.locator("a").count() == 0
    assert "خبر <b>تجريبي</b>" in text
    assert not any(u.endswith("/x") for u in page.requests)
    # right-to-left evidence with the place and the actor marked
    evidence = popup.locator("blockquote.marsad-evidence")
    assert evidence.get_attribute("dir") == "rtl"
    assert evidence.locator("mark.marsad-hl-place").text_content() == "البوكمال"
    assert evidence.locator("mark.marsad-hl-actor").text_content() == "داعش"
    for field in ("clash", "ISIS", "2017-10-24 (day)", "مراسل الميادين", "الميادين"):
        assert field in text
    # Arabic field values read right to left, Latin ones keep the page's direction
    assert popup.locator("dd[dir='rtl'][lang='ar']", has_text="مراسل الميادين").count() == 1
    assert popup.locator("dd", has_text="2017-10-24 (day)").get_attribute("dir") is None
    assert page.errors() == []


def test_control_popup_lists_the_events_behind_it(page):
    # the ring of the place's circle (its middle shows the place's own event markers)
    ring = page.page.locator("path.marsad-contested")
    box = ring.bounding_box()
    ring.click(force=True, position={"x": 3, "y": box["height"] / 2})
    popup = page.page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "contested" in popup.text_content()
    assert "Islamic State" in popup.text_content()
    buttons = popup.locator(".marsad-ids button")
    assert buttons.count() == 1 and buttons.first.text_content() == "#5"


def test_online_tiles_only_when_asked(browser, tmp_path):
    stored = _stored()
    table = load_coalitions()
    payload = map_payload(stored, build_control(stored, table), table,
                          documents=lambda _id: DOCUMENT,
                          options=MapOptions(online_tiles=True))
    path = write_map(tmp_path / "online.html", payload)
    context = browser.new_context()
    asked: list[str] = []

    def block(route):  # record and refuse: the test machine has no network anyway
        asked.append(route.request.url)
        route.abort()

    context.route("https://tile.openstreetmap.org/**", block)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("window.marsadMap !== undefined")
    page.wait_for_timeout(300)
    assert asked and all(u.startswith("https://tile.openstreetmap.org/") for u in asked)
    context.close()


def test_marsad_map_command_over_a_real_store(browser, tmp_path):
    db = tmp_path / "events.db"
    with open_store(db) as store:
        store.add([(DOCUMENT, EVENTS)])
    out = tmp_path / "cli-map.html"
    result = CliRunner().invoke(app, ["map", "--db", str(db), "-o", str(out),
                                      "--date", "2017-10-22"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    loaded = Page(browser, out)
    try:
        assert loaded.errors() == []
        assert loaded.page.evaluate("window.marsadMap.date()") == "2017-10-22"
        assert loaded.count("path.marsad-event") == 2
        assert loaded.count("path.marsad-control") == 2
    finally:
        loaded.page.close()


def test_chromium_is_the_system_binary():
    # Guard against a Playwright-downloaded browser sneaking in: the tests use Debian's.
    assert Path(CHROMIUM).exists() or shutil.which("chromium")


def test_demo_writes_the_map_and_says_where(browser, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    page_path = tmp_path / "marsad-demo.html"
    assert page_path.exists()
    assert f"map: {page_path}" in result.output.replace("\n", "")
    loaded = Page(browser, page_path)
    try:
        assert loaded.errors() == []
        assert loaded.count("path.marsad-event") == loaded.page.evaluate(
            "window.marsadMap.counts().events") > 0
    finally:
        loaded.page.close()


def test_keyboard_steps_days_once(page):
    page.page.locator("#marsad-map").click(position={"x": 600, "y": 650})  # focus the page
    page.page.keyboard.press("ArrowLeft")
    assert page.page.locator("#marsad-date").text_content() == "2017-10-23"
    page.page.locator("#marsad-slider").focus()
    page.page.keyboard.press("ArrowLeft")  # the range input steps itself, once
    assert page.page.locator("#marsad-date").text_content() == "2017-10-22"
