"""Speed of reading and storing articles: `marsad ingest` without the extraction cost,
and with it.

    .venv/bin/python bench/ingest.py [--corpus ../shared/corpus] [--repeat 3]

Reads every `*.jsonl` of the corpus folder (364 articles in ../shared/corpus) and prints,
for this process on one core:
- reading alone (files -> Documents): documents/s and MB/s of input;
- reading + storing into a fresh temporary SQLite file (no extraction): documents/s, MB/s;
- reading + extracting + storing (what `marsad ingest` does), after loading the lexicons
  and gazetteer once (their load time is printed apart);
- a second ingest of the same files into the same database, which must report every
  article skipped as a duplicate (the check exits non-zero when it does not).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad import pipeline
from marsad.io import ReadFailure, read_documents
from marsad.store import open_store
from marsad.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best wall time of `repeat` runs of `fn`, and the result of the last run."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def _read_all(paths: list[Path]) -> int:
    count = 0
    for item in read_documents(paths):
        if isinstance(item, ReadFailure):
            raise SystemExit(f"unexpected read failure: {item}")
        count += 1
    return count


def _store_without_extraction(paths: list[Path]) -> int:
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "bench.db") as store:
        result = store.add(
            (doc, []) for doc in read_documents(paths) if not isinstance(doc, ReadFailure)
        )
        return result.new


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; exit 1 if the re-run check fails."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.jsonl"))
    if not paths:
        print(f"no *.jsonl files in {args.corpus}", file=sys.stderr)
        return 1
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    console = Console()

    t_read, count = _best(lambda: _read_all(paths), args.repeat)
    t_store, stored = _best(lambda: _store_without_extraction(paths), args.repeat)
    assert stored == count, (stored, count)

    start = time.perf_counter()
    resources = pipeline.load_resources()
    t_load = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        with open_store(db) as store:
            start = time.perf_counter()
            first = ingest(paths, store, resources=resources)
            t_full = time.perf_counter() - start
            start = time.perf_counter()
            second = ingest(paths, store, resources=resources)
            t_again = time.perf_counter() - start
        db_mb = db.stat().st_size / 1e6

    table = Table(
        title=f"ingest: {count} articles, {megabytes:.2f} MB of JSON lines ({', '.join(p.name for p in paths)})"
    )
    table.add_column("stage")
    table.add_column("docs/s", justify="right")
    table.add_column("MB/s", justify="right")
    table.add_column("seconds", justify="right")
    for label, seconds in (
        ("read (files -> Documents)", t_read),
        ("read + store, no extraction", t_store),
        ("read + extract + store (marsad ingest)", t_full),
        ("second ingest (all duplicates)", t_again),
    ):
        table.add_row(
            label, f"{count / seconds:,.0f}", f"{megabytes / seconds:.2f}", f"{seconds:.2f}"
        )
    console.print(table)
    console.print(
        f"lexicons + gazetteer loaded once in {t_load:.2f} s; first ingest: {first.new} new, "
        f"{first.events} events ({first.merged} merged across documents), {first.failed} failed; "
        f"database {db_mb:.1f} MB"
    )
    ok = second.read == count and second.duplicate == count and second.new == 0
    console.print(
        f"second run: {second.read} read, {second.new} new, {second.duplicate} skipped as duplicates"
        f" -> {'OK' if ok else 'FAILED: expected every article skipped'}"
    )
    return 0 if ok and first.new == count and not first.failures else 1


if __name__ == "__main__":
    sys.exit(main())
