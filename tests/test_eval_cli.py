"""`marsad eval` through typer's CliRunner on tests/data/eval/gold.jsonl.

The extractor is the real one, so what it finds changes as it improves: these tests pin
what does not change (gold counts, the shape of the output, the ranges of the scores,
the bookkeeping identities) and never a particular precision or recall.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from marsad.cli import app

DATA = Path(__file__).parent / "data" / "eval"
GOLD = DATA / "gold.jsonl"  # the seed article (Al Mayadeen, 2017-10-25) + one invented
SEED_ID = "seed-almayadeen-2017-10-25"
INVENTED_ID = "invented-airstrike-2024-01-29"
#: Gold events per kind, counted by hand in gold.jsonl (19 in the seed, 2 invented).
GOLD_KINDS = {
    "capture": 4, "advance": 2, "clash": 7, "airstrike": 2, "shelling": 1,
    "deployment": 2, "contact": 1, "other": 2,
}  # fmt: skip


def invoke(*args: str):  # type: ignore[no-untyped-def]
    """Run `marsad eval ARGS` as a subcommand, however many commands the app has today.

    (typer runs a lone command without its name; the real app gets more commands from
    other modules, so the test builds the group explicitly around the registered `eval`.)
    """
    group = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    group.callback()(lambda: None)
    group.registered_commands += [c for c in app.registered_commands if c.name == "eval"]
    return CliRunner().invoke(group, ["eval", *args])


def check_counts(line: dict[str, float], gold: int) -> None:
    assert line["gold"] == gold
    assert line["tp"] + line["fn"] == gold
    assert line["tp"] + line["fp"] == line["predicted"]
    for name in ("precision", "recall", "f1"):
        assert 0.0 <= line[name] <= 1.0


def test_eval_is_registered_on_the_app() -> None:
    assert "eval" in [c.name for c in app.registered_commands]


def test_json_report() -> None:
    result = invoke(str(GOLD), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # nothing but the JSON object on stdout
    assert data["articles"] == 2
    check_counts(data["strict"], 21)
    check_counts(data["loose"], 21)
    # The loose line only drops a condition, so it can never match fewer events.
    assert data["loose"]["tp"] >= data["strict"]["tp"]
    assert {k: v["gold"] for k, v in data["kinds"].items() if v["gold"]} == GOLD_KINDS
    assert sum(v["tp"] for v in data["kinds"].values()) == data["strict"]["tp"]
    attributes = data["attributes"]
    assert list(attributes)[:4] == ["actor2", "date", "modality", "source"]
    for acc in attributes.values():
        assert acc["total"] == data["strict"]["tp"]
        assert 0 <= acc["correct"] <= acc["total"]
        assert acc["accuracy"] is None if acc["total"] == 0 else 0 <= acc["accuracy"] <= 1
    assert 0 <= data["distance_km"]["pairs"] <= data["strict"]["tp"]
    assert "errors" not in data


def test_json_errors_account_for_every_miss_and_spurious_event() -> None:
    data = json.loads(invoke(str(GOLD), "--json", "--errors").stdout)
    missed = sum(len(d["missed"]) for d in data["errors"])
    spurious = sum(len(d["spurious"]) for d in data["errors"])
    assert (missed, spurious) == (data["strict"]["fn"], data["strict"]["fp"])
    for doc in data["errors"]:
        for event in doc["missed"]:
            assert event["evidence_text"]  # every gold event has its sentence


def table_rows(lines: list[str], label: str) -> list[list[str]]:
    """The table rows whose first cell is `label`, as their cells after it ("-" or numbers)."""
    rows = []
    for line in lines:
        if not line.strip().startswith(label + " "):
            continue
        cells = line.strip()[len(label) :].split()
        if cells and all(c == "-" or c.replace(".", "", 1).isdigit() for c in cells):
            rows.append(cells)
    return rows


def test_table_ends_with_the_summary() -> None:
    result = invoke(str(GOLD))
    assert result.exit_code == 0, result.output
    lines = result.stdout.rstrip("\n").splitlines()
    tail = lines[-25:]  # what `marsad eval ... | tail -n 25` shows
    (strict,) = table_rows(tail, "strict")
    (loose,) = table_rows(tail, "loose")
    for row in (strict, loose):  # gold pred tp fp fn P R F1
        assert len(row) == 8 and row[0] == "21"
        assert int(row[2]) + int(row[4]) == 21
        assert all(0 <= float(x) <= 1 for x in row[5:8])
    for attribute in ("actor2", "date", "modality", "source"):
        (row,) = table_rows(tail, attribute)  # agree of accuracy
        assert len(row) == 3 and row[1] == strict[2]
    for line in ("km error median", "km error p90"):
        assert len(table_rows(tail, line)) == 1
    assert tail[-1].startswith("2 articles, 21 gold events")
    # Per-kind rows, above the summary: gold counts exact, all columns present.
    for kind, gold in GOLD_KINDS.items():
        (row,) = table_rows(lines, kind)
        assert len(row) == 8 and row[0] == str(gold)


def test_errors_listing_groups_by_article() -> None:
    data = json.loads(invoke(str(GOLD), "--json").stdout)
    result = invoke(str(GOLD), "--errors")
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("  MISSED ") == data["strict"]["fn"]
    assert out.count("  SPURIOUS ") == data["strict"]["fp"]
    if data["strict"]["fn"]:
        assert "«" in out  # the evidence sentence under each listed event
    # The summary still closes the output.
    assert out.rstrip().splitlines()[-1].startswith("2 articles")


def test_doc_restricts_to_one_article() -> None:
    data = json.loads(invoke(str(GOLD), "--json", "--doc", INVENTED_ID).stdout)
    assert data["articles"] == 1
    check_counts(data["strict"], 2)
    assert {k: v["gold"] for k, v in data["kinds"].items() if v["gold"]} == {
        "airstrike": 1, "shelling": 1,
    }  # fmt: skip


def test_unknown_doc_is_one_line_error() -> None:
    result = invoke(str(GOLD), "--doc", "nope")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "no gold article with doc_id nope" in result.stderr
    assert "Traceback" not in result.output


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'absent.jsonl'}: no such gold file"
    ]


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOLD.read_text(encoding="utf-8").splitlines()[1] + "\n{oops\n", "utf-8")
    result = invoke(str(bad), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{bad}:2: not valid JSON" in result.stderr
    assert "Traceback" not in result.output


def test_missing_lexicon_is_refused_like_in_every_other_command(tmp_path: Path) -> None:
    # The shared --lexicon option checks the file before anything is loaded (usage error).
    result = invoke(str(GOLD), "--lexicon", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "nope.yaml" in result.stderr
    assert result.stdout == ""


def test_progress_bar_leaves_nothing_on_stderr_when_it_is_not_a_terminal() -> None:
    # Piped or logged, the bar is off: not even the blank line a transient bar leaves.
    result = invoke(str(GOLD), "--json", "--doc", INVENTED_ID)
    assert result.exit_code == 0 and result.stderr == ""
