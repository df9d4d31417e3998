"""Shared fixtures: small and generic (one per need every test module may have)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.model import Event, Span

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites golden files from current output (review the diff)."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/data/**/*.expected.json from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def resources():  # type: ignore[no-untyped-def]
    """The shipped lexicons, gazetteer and matcher, loaded once per test session."""
    from marsad.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def geo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small gazetteer index built from `tests/data/geo/src`, once per session (read only)."""
    from marsad.geo.build import BuildOptions, build_gazetteer

    out = tmp_path_factory.mktemp("gaz")
    build_gazetteer(BuildOptions(source_dir=DATA / "geo" / "src", output=out, neighbours=("JO",)))
    return out


@pytest.fixture(scope="session")
def geo_gaz(geo_index: Path):  # type: ignore[no-untyped-def]
    """`geo_index` loaded without any user overlay."""
    from marsad.geo import load_gazetteer

    return load_gazetteer(geo_index, overlay=Path("/nonexistent/overlay.tsv"))


@pytest.fixture
def data_dir() -> Path:
    """The folder of test inputs (`tests/data`)."""
    return DATA


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite database file (not created yet)."""
    return tmp_path / "marsad-test.db"


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """A factory of `Event`s: every field has a plausible default, override any by keyword."""

    def make(**fields: object) -> Event:
        values: dict[str, object] = {
            "kind": "capture",
            "actor1": "SYR_MIL",
            "assoc1": ("SYR_ALLIES",),
            "actor2": "ISIS",
            "place": "طابية الجزيرة",
            "place_id": "syrianarchive:2859",
            "lat": 35.2823,
            "lon": 40.3177,
            "geo_precision": 1,
            "date": dt.date(2017, 10, 25),
            "time_precision": 1,
            "modality": "asserted",
            "source": "مراسل الميادين",
            "fatalities": None,
            "partial": False,
            "evidence": Span(0, 10),
        }
        values.update(fields)
        return Event(**values)  # type: ignore[arg-type]

    return make


@pytest.fixture
def lexicon_file(tmp_path: Path) -> Callable[[str], Path]:
    """A maker of a user lexicon file (`mine.yaml` in the test's folder) holding YAML text."""

    def make(text: str) -> Path:
        path = tmp_path / "mine.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


@pytest.fixture
def with_lexicon(resources, lexicon_file):  # type: ignore[no-untyped-def]
    """A maker of the shipped resources plus a user lexicon file of YAML text."""
    from marsad.lexicon import load_lexicon
    from marsad.pipeline import Resources
    from marsad.recognize.matcher import build_matcher

    def make(text: str) -> Resources:
        lexicon = load_lexicon([lexicon_file(text)])
        gaz = resources.gazetteer
        return Resources(lexicon, gaz, build_matcher(lexicon, gaz, resources.matcher.glue), None)

    return make
