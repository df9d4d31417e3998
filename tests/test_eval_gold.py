"""load_gold: reading gold JSONL, and one clear `file:line` error for each kind of bad line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.errors import EvalError
from marsad.eval import load_gold
from marsad.model import Span

TEXT = "سيطر الجيش السوري على قرية طابية الجزيرة."


def event(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "kind": "capture", "actor1": "SYR_MIL", "assoc1": ["SYR_ALLIES"], "actor2": None,
        "place": "طابية الجزيرة", "place_id": "syrianarchive:2859",
        "lat": 35.2823, "lon": 40.3177, "geo_precision": 1,
        "date": "2017-10-25", "time_precision": 1, "modality": "asserted",
        "source": None, "fatalities": None, "partial": False, "evidence": [0, len(TEXT)],
    }  # fmt: skip
    base.update(fields)
    return base


def article(doc_id: str = "a1", **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "doc_id": doc_id, "published": "2017-10-25", "source": "الميادين",
        "text": TEXT, "events": [event()],
    }  # fmt: skip
    base.update(fields)
    return base


def write(tmp_path: Path, *lines: object, name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "".join(
            (x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines
        ),
        encoding="utf-8",
    )
    return path


def test_reads_articles_and_events(tmp_path: Path) -> None:
    path = write(tmp_path, article("a1"), "", article("a2", published=None, events=[]))
    docs = load_gold([path])
    assert [d.doc_id for d in docs] == ["a1", "a2"]
    first = docs[0]
    assert (first.published, first.source, first.line) == (dt.date(2017, 10, 25), "الميادين", 1)
    assert docs[1].line == 3 and docs[1].published is None and docs[1].events == ()
    (ev,) = first.events
    assert (ev.kind, ev.actor1, ev.assoc1, ev.place_id) == (
        "capture",
        "SYR_MIL",
        ("SYR_ALLIES",),
        "syrianarchive:2859",
    )
    assert ev.date == dt.date(2017, 10, 25) and ev.evidence == Span(0, len(TEXT))
    document = first.to_document()
    assert (document.doc_id, document.text, document.outlet) == ("a1", TEXT, "الميادين")
    assert document.published == dt.date(2017, 10, 25)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (article(doc_id=""), "doc_id"),
        (article(text=None), "'text'"),
        (article(published="25/10/2017"), "not an ISO date"),
        (article(events={}), "'events' must be a list"),
        (article(events=[event(kind="battle")]), "unknown kind 'battle'"),
        (article(events=[event(place="")]), "'place'"),
        (article(events=[event(modality="ongoing")]), "unknown modality"),
        (article(events=[event(lat=None)]), "both"),
        (article(events=[event(lat=95.0)]), "out of range"),
        (article(events=[event(time_precision=4)]), "time_precision"),
        (article(events=[event(date="yesterday")]), "not an ISO date"),
        (article(events=[event(fatalities="3")]), "fatalities"),
        (article(events=[event(partial="no")]), "partial"),
        (article(events=[event(evidence=[0, 10_000])]), "evidence"),
        (article(events=[event(evidence=[5])]), "evidence"),
        (article(events=[event(assoc1="SYR_ALLIES")]), "assoc1"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: object, message: str) -> None:
    path = write(tmp_path, article("ok"), line)
    with pytest.raises(EvalError, match=message) as info:
        load_gold([path])
    assert str(info.value).startswith(f"{path}:2: ")
    assert "\n" not in str(info.value)


def test_bad_event_names_its_article_and_position(tmp_path: Path) -> None:
    path = write(tmp_path, article("a7", events=[event(), event(kind="riot")]))
    with pytest.raises(EvalError, match=r":1: a7: event 2: unknown kind"):
        load_gold([path])


def test_duplicate_doc_id_across_files(tmp_path: Path) -> None:
    one = write(tmp_path, article("a1"), name="one.jsonl")
    two = write(tmp_path, article("b"), article("a1"), name="two.jsonl")
    with pytest.raises(EvalError, match=rf"{two}:2: doc_id 'a1' already used at {one}:1"):
        load_gold([one, two])


def test_missing_file_directory_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no such gold file"):
        load_gold([tmp_path / "absent.jsonl"])
    with pytest.raises(EvalError, match="is a directory"):
        load_gold([tmp_path])
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"doc_id": "\xe9"}\n')
    with pytest.raises(EvalError, match="not UTF-8"):
        load_gold([latin])
