"""The store on real SQLite files: round trips, idempotence, transactions, queries, merge."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import StoreError
from marsad.model import KINDS, MODALITIES, Document, Event, Span
from marsad.store import DEFAULT_URL, ENV_VAR, Store, content_hash, open_store, resolve_url

TEXT = "الجيش السوري وحلفاؤه يسيطرون على قرية طابية الجزيرة في ريف دير الزور، بحسب مراسل الميادين."


def doc(doc_id: str = "d1", text: str = TEXT, **fields: object) -> Document:
    return Document(doc_id=doc_id, text=text, **fields)  # type: ignore[arg-type]


# -- round trips --------------------------------------------------------------------------------


def test_every_event_field_round_trips(db_path: Path, make_event: Callable[..., Event]) -> None:
    events = [
        make_event(),
        make_event(
            kind="contact",
            actor1=None,
            assoc1=(),
            actor2=None,
            place="جنوب القائم",
            place_id=None,
            lat=None,
            lon=None,
            geo_precision=None,
            date=None,
            time_precision=None,
            modality="planned",
            source=None,
            fatalities=None,
            partial=False,
            evidence=Span(0, 0),
        ),
        make_event(
            kind="airstrike",
            assoc1=("RUS_MIL", "IRN_MIL", "HEZBOLLAH"),
            fatalities=45,
            partial=True,
            modality="negated",
            geo_precision=3,
            time_precision=2,
            lat=-0.5,
            lon=179.999999,
            evidence=Span(5, len(TEXT)),
        ),
    ]
    document = doc(
        published=dt.date(2017, 10, 25),
        outlet="الميادين",
        url="https://x/1",
        title="ع",
        path="a.txt",
    )
    with open_store(db_path) as store:
        result = store.add([(document, events)])
        assert (result.new, result.duplicate, result.events) == (1, 0, 3)
    with open_store(db_path, create=False) as store:
        stored = list(store.iter_events(merged=False))
        assert [s.event for s in sorted(stored, key=lambda s: s.id)] == events
        for s in stored:
            assert (s.doc_id, s.outlet, s.published) == ("d1", "الميادين", dt.date(2017, 10, 25))
            assert s.document_id == result.document_ids[0]
        assert store.get_document(result.document_ids[0]) == document
        assert store.get_document("d1") == document


EVENTS = st.builds(
    Event,
    kind=st.sampled_from(KINDS),
    actor1=st.none() | st.sampled_from(["SYR_MIL", "ISIS", "IRQ_PMF"]),
    assoc1=st.lists(st.sampled_from(["SYR_ALLIES", "RUS_MIL", "HEZBOLLAH"]), max_size=3).map(tuple),
    actor2=st.none() | st.sampled_from(["ISIS", "SDF", "CIVILIANS"]),
    place=st.text(min_size=1, max_size=30),
    place_id=st.none() | st.text(min_size=1, max_size=20),
    lat=st.none() | st.floats(-90, 90),
    lon=st.none() | st.floats(-180, 180),
    geo_precision=st.none() | st.sampled_from([1, 2, 3]),
    date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    time_precision=st.none() | st.sampled_from([1, 2, 3]),
    modality=st.sampled_from(MODALITIES),
    source=st.none() | st.text(max_size=30),
    fatalities=st.none() | st.integers(0, 10**6),
    partial=st.booleans(),
    evidence=st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda p: Span(min(p), max(p))),
)


@settings(max_examples=60, deadline=None)
@given(events=st.lists(EVENTS, max_size=5), text=st.text(min_size=40, max_size=80))
def test_round_trip_property(events: list[Event], text: str) -> None:
    store = open_store("sqlite://")  # in memory: a fresh database per example
    with store:
        store.add([(doc(text=text), events)])
        stored = sorted(store.iter_events(merged=False), key=lambda s: s.id)
        assert [s.event for s in stored] == events
        assert store.get_document(1).text == text


# -- idempotence and transactions ------------------------------------------------------------------


def test_reingesting_the_same_text_is_a_no_op(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    with open_store(db_path) as store:
        first = store.add([(doc("a"), [make_event()]), (doc("b", text=TEXT + " 2"), [])])
        again = store.add([(doc("other id, same text"), [make_event(), make_event()])])
        assert (first.new, first.duplicate, first.events) == (2, 0, 1)
        assert (again.new, again.duplicate, again.events) == (0, 1, 0)
        assert store.count_documents() == 2 and store.count_events() == 1
        assert store.contains_text(TEXT) and not store.contains_text(TEXT + " 3")
        # Within one batch too: the second copy is a duplicate of the first.
        inner = store.add([doc("c", text="جديد"), doc("d", text="جديد")])
        assert (inner.new, inner.duplicate) == (1, 1)


def test_a_failing_batch_leaves_nothing_of_itself(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    def items() -> Iterator[tuple[Document, list[Event]]]:
        for n in range(7):
            yield doc(f"d{n}", text=f"{TEXT} {n}"), [make_event(), make_event(kind="clash")]
        raise RuntimeError("reader crashed mid-batch")

    with open_store(db_path) as store:
        with pytest.raises(RuntimeError, match="mid-batch"):
            store.add(items(), batch_size=5)
        # The first batch (5 documents) committed; the second (2 of them) rolled back.
        assert store.count_documents() == 5
        assert store.count_events() == 10
        done = store.add(doc(f"d{n}", text=f"{TEXT} {n}") for n in range(7))
        assert (done.new, done.duplicate) == (2, 5)


def test_evidence_outside_the_text_is_refused(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    with open_store(db_path) as store:
        with pytest.raises(StoreError, match="outside the text"):
            store.add([(doc(), [make_event(evidence=Span(0, len(TEXT) + 1))])])
        assert store.count_documents() == 0


def test_on_stored_is_called_after_commit(db_path: Path) -> None:
    seen: list[tuple[str, bool]] = []
    with open_store(db_path) as store:
        store.add(
            [doc("a"), doc("b"), doc("c", text="آخر")],
            batch_size=2,
            on_stored=lambda d, new: seen.append((d.doc_id, new)),
        )
    assert seen == [("a", True), ("b", False), ("c", True)]


def test_content_hash_is_sha256_of_utf8() -> None:
    import hashlib

    assert content_hash(TEXT) == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


# -- opening: URLs, files, refusals -----------------------------------------------------------------


def test_sqlite_file_is_wal_with_foreign_keys(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add([doc()])
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert versions == [(1,), (2,)]
        # Foreign keys are enforced on marsad's own connections:
    finally:
        conn.close()
    with open_store(db_path) as store, store._engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_url(None).render_as_string() == DEFAULT_URL
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    assert resolve_url("plain/path.db").database == "plain/path.db"
    assert resolve_url(tmp_path / "p.db").database == str(tmp_path / "p.db")
    assert resolve_url("sqlite:////abs/x.db").database == "/abs/x.db"
    assert resolve_url("postgresql://u:secret@host/db").get_backend_name() == "postgresql"


def test_env_var_names_the_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path / 'from-env.db'}")
    with open_store(None) as store:
        store.add([doc()])
    assert (tmp_path / "from-env.db").exists()


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(
        StoreError, match=r"cannot create database .*folder .*missing does not exist"
    ):
        open_store(tmp_path / "missing" / "x.db")


def test_missing_file_when_only_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no database at .*x\.db"):
        open_store(tmp_path / "x.db", create=False)
    assert not (tmp_path / "x.db").exists()


def test_text_file_named_db(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_text("not a database at all\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"x\.db is not a SQLite database"):
        open_store(path)
    assert path.read_text(encoding="utf-8") == "not a database at all\n"  # untouched


def test_other_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()
    with pytest.raises(
        StoreError, match=r"not a marsad database \(it has other tables: customers\)"
    ):
        open_store(path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    conn.close()
    assert tables == ["customers"]  # nothing added to someone else's database


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_version VALUES (99, 'from the future', '2099-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 99, newer than this marsad"):
        open_store(db_path)


def test_directory_as_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_unknown_database_driver() -> None:
    with pytest.raises(StoreError, match="cannot use database"):
        open_store("nosuchdb://host/x")


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "touched.db"
    path.touch()
    with open_store(path) as store:
        assert store.count_documents() == 0


# -- queries ---------------------------------------------------------------------------------------


@pytest.fixture
def filled(db_path: Path, make_event: Callable[..., Event]) -> Iterator[Store]:
    events = [
        make_event(kind="capture", date=dt.date(2017, 10, 25), place="طابية الجزيرة"),
        make_event(
            kind="clash",
            actor1="IRQ_MIL",
            assoc1=(),
            actor2="ISIS",
            place="راوة",
            place_id="geonames:1",
            lat=34.47,
            lon=41.91,
            date=dt.date(2017, 10, 24),
        ),
        make_event(
            kind="airstrike",
            actor1="US_COALITION",
            assoc1=(),
            actor2=None,
            place="الرقة",
            place_id=None,
            date=dt.date(2017, 9, 1),
            time_precision=3,
            modality="negated",
        ),
        make_event(
            kind="deployment",
            actor1="IRQ_PMF",
            assoc1=("KATAIB_HEZBOLLAH",),
            actor2=None,
            place="عكاشات",
            place_id="geonames:2",
            date=None,
        ),
    ]
    store = open_store(db_path)
    store.add([(doc(outlet="الميادين"), events)])
    yield store
    store.close()


def _places(found: Iterator[object]) -> list[str]:
    return [s.event.place for s in found]  # type: ignore[attr-defined]


def test_events_come_by_date_with_undated_last(filled: Store) -> None:
    assert _places(filled.iter_events()) == ["الرقة", "راوة", "طابية الجزيرة", "عكاشات"]


def test_event_filters(filled: Store) -> None:
    assert _places(filled.iter_events(since=dt.date(2017, 10, 1))) == ["راوة", "طابية الجزيرة"]
    assert _places(filled.iter_events(until=dt.date(2017, 10, 24))) == ["الرقة", "راوة"]
    assert _places(filled.iter_events(kinds=["clash", "deployment"])) == ["راوة", "عكاشات"]
    assert _places(filled.iter_events(kinds="capture")) == ["طابية الجزيرة"]
    assert _places(filled.iter_events(actor="ISIS")) == ["راوة", "طابية الجزيرة"]  # actor2
    assert _places(filled.iter_events(actor="KATAIB_HEZBOLLAH")) == ["عكاشات"]  # assoc1
    assert _places(filled.iter_events(actor="SYR")) == []  # whole ids only, no prefixes
    assert _places(filled.iter_events(modality="negated")) == ["الرقة"]
    assert _places(filled.iter_events(limit=2)) == ["الرقة", "راوة"]
    assert _places(filled.iter_events(limit=0)) == []


def test_place_filter_folds_arabic_and_matches_ids(filled: Store) -> None:
    assert _places(filled.iter_events(place="الرقه")) == ["الرقة"]  # ة/ه folded
    assert _places(filled.iter_events(place="طابيه")) == ["طابية الجزيرة"]  # part of the name
    assert _places(filled.iter_events(place="geonames:2")) == ["عكاشات"]
    assert _places(filled.iter_events(place="ا", limit=1)) == ["الرقة"]


def test_get_missing_document(filled: Store) -> None:
    with pytest.raises(StoreError, match="no document 999"):
        filled.get_document(999)


# -- cross-document merge ----------------------------------------------------------------------------


def test_same_event_from_two_outlets_is_one_row_with_two_sources(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    first = make_event(place="طابية الجزيرة", date=dt.date(2017, 10, 25))
    # Another outlet: another surface form, a point 2 km away, the date only to the week.
    second = make_event(
        place="قرية طابية",
        place_id=None,
        lat=35.29,
        lon=40.30,
        date=dt.date(2017, 10, 23),
        time_precision=2,
        assoc1=(),
    )
    other_kind = make_event(kind="clash")
    far = make_event(place_id="geonames:9", lat=36.0, lon=40.3)
    with open_store(db_path) as store:
        store.add([(doc("a", outlet="الميادين"), [first])])
        result = store.add(
            [(doc("b", text="نص آخر عن طابية الجزيرة", outlet="سانا"), [second, other_kind, far])]
        )
        assert result.merged == 1
        merged = list(store.iter_events())
        assert [(s.event.kind, s.sources) for s in merged] == [
            ("capture", ("الميادين", "سانا")),
            ("clash", ("سانا",)),
            ("capture", ("سانا",)),  # 78 km north: another event
        ]
        assert store.count_events() == 4 and store.count_events(merged=True) == 3
        every = list(store.iter_events(merged=False))
        assert len(every) == 4 and all(len(s.sources) == 1 for s in every)


@pytest.mark.parametrize(
    ("change", "merged"),
    [
        ({}, True),
        ({"date": dt.date(2017, 10, 26)}, False),  # another day, both known to the day
        ({"date": dt.date(2017, 10, 2), "time_precision": 3}, True),  # same month
        ({"date": dt.date(2017, 11, 2), "time_precision": 3}, False),
        ({"date": None}, False),
        ({"actor1": "SYR_NDF"}, False),
        ({"modality": "planned"}, False),
        ({"place_id": "other:1", "lat": 35.2823 + 0.05, "lon": 40.3177}, True),  # 5.6 km
        ({"place_id": "other:1", "lat": 35.2823 + 0.1, "lon": 40.3177}, False),  # 11 km
        ({"place_id": None, "lat": None, "lon": None}, False),  # one unresolved, other not
    ],
)
def test_merge_rule(
    db_path: Path, make_event: Callable[..., Event], change: dict, merged: bool
) -> None:
    with open_store(db_path) as store:
        store.add([(doc("a"), [make_event()])])
        result = store.add([(doc("b", text="نص ثان عن الحادثة نفسها"), [make_event(**change)])])
        assert result.merged == int(merged)


def test_events_of_one_document_are_not_merged(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    with open_store(db_path) as store:
        result = store.add([(doc(), [make_event(), make_event()])])
        assert result.merged == 0 and store.count_events(merged=True) == 2


def test_unresolved_places_merge_by_folded_name(
    db_path: Path, make_event: Callable[..., Event]
) -> None:
    bare = {"place_id": None, "lat": None, "lon": None}
    with open_store(db_path) as store:
        store.add([(doc("a"), [make_event(place="الرقة", **bare)])])
        result = store.add(
            [(doc("b", text="نص ثان عن الحادثة نفسها"), [make_event(place="الرقه", **bare)])]
        )
        assert result.merged == 1
