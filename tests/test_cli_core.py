"""The core commands through typer's runner: output, exit codes, clean stdout, one-line errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import pipeline
from marsad.cli import app
from marsad.examples import example_paths
from marsad.io import read_documents
from marsad.model import Document, Event, Span
from marsad.store import ENV_VAR, open_store

SEED = "نقاط تماس بين الجيش السوري والقوات العراقية بعد سيطرتها على منفذ ربيعة"


_load_resources = pipeline.load_resources
_loaded: dict[str, pipeline.Resources] = {}


def _load_once(*args: object, **kwargs: object) -> pipeline.Resources:
    """The real `load_resources`, called once per set of arguments for this module (each
    CLI run would load the lexicons and gazetteer again, ~2 s each)."""
    key = repr((args, sorted(kwargs.items())))
    if key not in _loaded:
        _loaded[key] = _load_resources(*args, **kwargs)  # type: ignore[arg-type]
    return _loaded[key]


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(pipeline, "load_resources", _load_once)
    return CliRunner()


def _assert_one_line_error(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, stderr
    for fragment in fragments:
        assert fragment in lines[0], stderr


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text(
        "".join(
            (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("command", ["ingest", "events", "extract", "export", "demo"])
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: marsad " + command in " ".join(result.stdout.split())


# -- ingest ----------------------------------------------------------------------------------------


def test_ingest_twice_reports_new_then_duplicates(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _jsonl(
        tmp_path / "corpus.jsonl",
        {
            "id": "a",
            "text": "الجيش السوري يسيطر على قرية طابية الجزيرة.",
            "published": "2017-10-25",
        },
        "{broken",
        {"id": "b", "text": "القوات العراقية تستعيد منفذ ربيعة الحدودي.", "source": "الميادين"},
    )
    db = tmp_path / "x.db"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    assert f"failed: {corpus}:2: malformed JSON" in first.stderr
    assert "2 documents read: 2 new, 0 skipped as duplicates, 1 failed" in first.stderr
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert second.exit_code == 0
    assert "2 documents read: 0 new, 2 skipped as duplicates, 1 failed" in second.stderr
    with open_store(db) as store:
        assert store.count_documents() == 2
        assert store.get_document("b").outlet == "الميادين"


def test_ingest_examples_folder_and_stdin(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    folder = example_paths()[0].parent
    result = runner.invoke(
        app,
        ["ingest", str(folder), "-", "--db", str(db)],
        input="خبر من المدخل القياسي عن دير الزور",
    )
    assert result.exit_code == 0, result.stderr
    assert "6 documents read: 6 new" in result.stderr
    with open_store(db) as store:
        assert store.get_document("<stdin>").text == "خبر من المدخل القياسي عن دير الزور"
        assert store.get_document("seed-almayadeen-2017-10-25").published == dt.date(2017, 10, 25)


def test_ingest_uses_marsad_db(runner: CliRunner, tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("خبر قصير عن الرقة", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(text)], env={ENV_VAR: str(tmp_path / "env.db")})
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "env.db").exists()


def test_ingest_nothing_readable(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'empty.txt'}: empty file" in result.stderr
    _assert_one_line_error(result.stderr, "nothing could be read")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing" / "x.db", "folder"),
        (lambda d: (d / "x.db").write_text("hello") and d / "x.db", "is not a SQLite database"),
        (lambda d: _other_database(d / "other.db"), "is not a marsad database"),
    ],
)
def test_ingest_refuses_bad_databases(
    runner: CliRunner, tmp_path: Path, setup: Callable[[Path], Path], message: str
) -> None:
    db = setup(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("خبر قصير", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, message)


def _other_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    return path


def test_ingest_bad_options(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("خبر", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--max-bytes", "lots"])
    assert result.exit_code == 2 and "not a size" in result.stderr
    result = runner.invoke(app, ["ingest", str(article), "--lexicon", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


def test_ingest_max_bytes(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("خبر " * 1000, encoding="utf-8")
    db = str(tmp_path / "x.db")
    refused = runner.invoke(app, ["ingest", str(article), "--db", db, "--max-bytes", "1k"])
    assert refused.exit_code == 1 and "over the limit of 0.0 MB" in refused.stderr
    read = runner.invoke(app, ["ingest", str(article), "--db", db, "--max-bytes", "1M"])
    assert read.exit_code == 0 and "1 new" in read.stderr


# -- events ----------------------------------------------------------------------------------------

TEXT = "الجيش السوري وحلفاؤه يسيطرون على قرية طابية الجزيرة، والقوات العراقية تقصف راوة."


@pytest.fixture
def filled_db(tmp_path: Path, make_event: Callable[..., Event]) -> Path:
    db = tmp_path / "events.db"
    events = [
        make_event(evidence=Span(0, 49), partial=True),
        make_event(
            kind="shelling",
            actor1="IRQ_MIL",
            assoc1=(),
            actor2="ISIS",
            place="راوة",
            place_id="geonames:1",
            lat=34.47,
            lon=41.91,
            date=dt.date(2017, 10, 24),
            fatalities=3,
            evidence=Span(50, len(TEXT)),
        ),
    ]
    with open_store(db) as store:
        store.add([(Document("seed", TEXT, dt.date(2017, 10, 25), "الميادين"), events)])
    return db


def test_events_table(runner: CliRunner, filled_db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(filled_db)])
    assert result.exit_code == 0, result.stderr
    assert "طابية الجزيرة (part)" in result.stdout and "راوة" in result.stdout
    assert "IRQ_MIL → ISIS" in result.stdout and "SYR_MIL+SYR_ALLIES → ISIS" in result.stdout
    lines = result.stdout.splitlines()
    assert lines.index(next(x for x in lines if "راوة" in x)) < lines.index(
        next(x for x in lines if "طابية" in x)
    )
    assert "2 events" in result.stderr


def test_events_jsonl_and_filters(runner: CliRunner, filled_db: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", str(filled_db), "-f", "jsonl", "--kind", "shelling"]
    )
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["place"] == "راوة" and record["fatalities"] == 3 and record["doc_id"] == "seed"
    assert result.stderr == ""
    for args, places in [
        (["--since", "2017-10-25"], ["طابية الجزيرة"]),
        (["--until", "2017-10"], ["راوة", "طابية الجزيرة"]),
        (["--until", "2017-10-24"], ["راوة"]),
        (["--actor", "syr_allies"], ["طابية الجزيرة"]),
        (["--place", "راوه"], ["راوة"]),
        (["--kind", "capture,shelling", "--limit", "1"], ["راوة"]),
        (["--modality", "planned"], []),
    ]:
        out = runner.invoke(app, ["events", "--db", str(filled_db), "-f", "jsonl", *args])
        assert out.exit_code == 0, out.stderr
        assert [json.loads(x)["place"] for x in out.stdout.splitlines()] == places, args


def test_events_csv(runner: CliRunner, filled_db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(filled_db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["place"] for r in rows] == ["راوة", "طابية الجزيرة"]
    assert rows[1]["partial"] == "true" and rows[1]["assoc1"] == "SYR_ALLIES"


def test_events_bad_filters_and_missing_database(
    runner: CliRunner, filled_db: Path, tmp_path: Path
) -> None:
    bad_kind = runner.invoke(app, ["events", "--db", str(filled_db), "--kind", "battle"])
    assert bad_kind.exit_code == 2 and "unknown kind battle" in bad_kind.stderr
    bad_day = runner.invoke(app, ["events", "--db", str(filled_db), "--since", "25/10/2017"])
    assert bad_day.exit_code == 2 and "not a date" in bad_day.stderr
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    _assert_one_line_error(missing.stderr, "no database at")
    assert not (tmp_path / "none.db").exists()


# -- export ----------------------------------------------------------------------------------------


def test_export_acled_to_file(runner: CliRunner, filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = runner.invoke(
        app, ["export", "--db", str(filled_db), "--format", "acled-csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"exported 2 events as acled-csv to {out}" in result.stderr
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["location"] for r in rows] == ["راوة", "طابية الجزيرة"]
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows[0]["notes"] == TEXT[50:] and rows[0]["fatalities"] == "3"
    assert rows[1]["actor1"] == "Military Forces of Syria" and rows[1]["source"] == "الميادين"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_export_geojson_to_stdout(runner: CliRunner, filled_db: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(filled_db), "-f", "geojson", "--kind", "shelling"]
    )
    assert result.exit_code == 0
    collection = json.loads(result.stdout)  # nothing but the GeoJSON on stdout
    [feature] = collection["features"]
    assert feature["geometry"]["coordinates"] == [41.91, 34.47]
    assert feature["properties"]["evidence_text"] == TEXT[50:]
    assert "exported 1 events" in result.stderr


def test_export_jsonl_matches_events_jsonl(runner: CliRunner, filled_db: Path) -> None:
    exported = runner.invoke(app, ["export", "--db", str(filled_db), "-f", "jsonl"])
    listed = runner.invoke(app, ["events", "--db", str(filled_db), "-f", "jsonl"])
    records = [json.loads(x) for x in exported.stdout.splitlines()]
    assert [{k: v for k, v in r.items() if k != "evidence_text"} for r in records] == [
        json.loads(x) for x in listed.stdout.splitlines()
    ]


def test_export_to_missing_folder(runner: CliRunner, filled_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--db", str(filled_db), "-o", str(tmp_path / "no" / "x.csv")]
    )
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, "does not exist")


def test_export_acled_leaves_out_planned_and_negated(
    runner: CliRunner, tmp_path: Path, make_event: Callable[..., Event]
) -> None:
    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add(
            [(Document("d", TEXT), [make_event(), make_event(modality="planned", place="راوة")])]
        )
    acled = runner.invoke(app, ["export", "--db", str(db), "-f", "acled-csv"])
    assert [r["location"] for r in csv.DictReader(io.StringIO(acled.stdout))] == ["طابية الجزيرة"]
    everything = runner.invoke(app, ["export", "--db", str(db), "-f", "jsonl"])
    assert len(everything.stdout.splitlines()) == 2


# -- extract ---------------------------------------------------------------------------------------


def test_extract_prints_one_line_per_article(runner: CliRunner, tmp_path: Path) -> None:
    seed = next(p for p in example_paths() if p.name.startswith("seed"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(seed), str(bad)])
    assert result.exit_code == 0, result.stderr
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert set(record) == {"doc_id", "events"}
    assert record["doc_id"] == "seed-almayadeen-2017-10-25"
    [document] = list(read_documents([seed]))
    expected = pipeline.extract(document, pipeline.load_resources())  # type: ignore[arg-type]
    assert record["events"] == [e.to_dict() for e in expected]
    for event in record["events"]:
        assert Event.from_dict(event).evidence.end <= len(document.text)  # type: ignore[union-attr]
    assert f"failed: {bad}: empty file" in result.stderr


def test_extract_reads_stdin_when_no_path(runner: CliRunner) -> None:
    lines = (
        json.dumps({"doc_id": "x1", "text": SEED}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": SEED + "."}, ensure_ascii=False)
    )
    result = runner.invoke(app, ["extract"], input=lines)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["x1", "<stdin>:2"]
    plain = runner.invoke(app, ["extract", "-"], input=SEED)
    assert json.loads(plain.stdout)["doc_id"] == "<stdin>"


def test_extract_table_and_nothing_readable(runner: CliRunner) -> None:
    seed = next(p for p in example_paths() if p.name.startswith("seed"))
    table = runner.invoke(app, ["extract", str(seed), "--format", "table"])
    assert table.exit_code == 0 and "seed-almayadeen-2017-10-25:" in table.stdout
    empty = runner.invoke(app, ["extract"], input="")
    assert empty.exit_code == 1 and empty.stdout == ""
    assert "failed: <stdin>: empty file" in empty.stderr
    _assert_one_line_error(empty.stderr, "nothing could be read")


# -- demo ------------------------------------------------------------------------------------------


def test_demo_builds_a_fresh_database_each_time(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = runner.invoke(app, ["demo"])
        assert result.exit_code == 0, result.stderr
        assert "5 documents read: 5 new, 0 skipped as duplicates, 0 failed" in result.stderr
    assert "seed-almayadeen-2017-10-25" in result.stdout and "sa-zardana-p1" in result.stdout
    with open_store(tmp_path / "marsad-demo.db", create=False) as store:
        assert store.count_documents() == 5


def test_demo_does_not_delete_a_foreign_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "marsad-demo.db").write_text("my notes", encoding="utf-8")
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, "not a SQLite database")
    assert (tmp_path / "marsad-demo.db").read_text(encoding="utf-8") == "my notes"
