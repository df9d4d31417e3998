"""Shared fixtures: small and generic (one per need every test module may have)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from marsad.model import Event, Span

DATA = Path(__file__).parent / "data"


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
