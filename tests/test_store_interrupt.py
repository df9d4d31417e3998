"""An ingest killed with SIGKILL mid-batch leaves no half-stored document, and a re-run
completes it without duplicates. Real processes, real SQLite files, real SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from marsad.store import open_store

BATCH = 40
TOTAL = 130
# Sentences in the style of the news (invented); each document is made large enough that
# the batch in progress spills pages into the WAL file before it is killed.
SENTENCE = "أفاد مراسل الميادين بأن الجيش السوري تقدم في ريف دير الزور الشرقي. "

WRITER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    import marsad.store.sql as sql
    from marsad.model import Document, Event, Span

    BATCH, TOTAL, STOP = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    SENTENCE = sys.argv[5]
    original = sql._document_row
    calls = 0

    def slow_row(document, digest, now):
        # Pause inside the write transaction of the second batch, after some of its
        # documents (with their events) were inserted, and tell the test to kill us.
        global calls
        calls += 1
        if STOP and calls == STOP:
            print("inside", flush=True)
            time.sleep(120)
        return original(document, digest, now)

    sql._document_row = slow_row

    def items():
        for n in range(TOTAL):
            text = f"{n}: " + SENTENCE * 800
            events = [
                Event("clash", "SYR_MIL", (), "ISIS", f"مكان {n}-{k}", None, None, None, None,
                      dt.date(2017, 10, 1 + k), 1, "asserted", None, k, False, Span(0, 10))
                for k in range(n % 4)
            ]
            yield Document(doc_id=f"doc-{n}", text=text), events

    from marsad.store import open_store
    with open_store(sys.argv[1]) as store:
        result = store.add(items(), batch_size=BATCH)
    print(f"done {result.new} {result.duplicate} {result.events}", flush=True)
    """
)


def _run_writer(db: Path, stop: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(BATCH), str(TOTAL), str(stop), SENTENCE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_complete(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        per_doc = dict(
            conn.execute(
                "SELECT d.doc_id, COUNT(e.id) FROM documents d "
                "LEFT JOIN events e ON e.document_id = d.id GROUP BY d.id"
            ).fetchall()
        )
        assert len(per_doc) == TOTAL
        # Every document has exactly its own events: none lost, none twice.
        assert per_doc == {f"doc-{n}": n % 4 for n in range(TOTAL)}
        assert (
            conn.execute("SELECT COUNT(DISTINCT content_hash) FROM documents").fetchone()[0]
            == TOTAL
        )
    finally:
        conn.close()


def test_sigkill_inside_a_write_transaction(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    stop = BATCH + 25  # the 25th document of the second batch
    writer = _run_writer(db, stop)
    try:
        line = writer.stdout.readline() if writer.stdout else ""
        assert line.strip() == "inside", writer.stderr.read() if writer.stderr else ""
        wal = Path(f"{db}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    # What survived is exactly the first batch, each document with all its events.
    with open_store(db) as store:
        assert store.count_documents() == BATCH
        assert store.count_events() == sum(n % 4 for n in range(BATCH))

    rerun = _run_writer(db, 0)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    new, duplicate, n_events = map(int, out.split()[1:])
    assert (new, duplicate) == (TOTAL - BATCH, BATCH)
    assert n_events == sum(n % 4 for n in range(BATCH, TOTAL))
    _check_complete(db)


def test_cli_ingest_killed_while_reading_a_stream(tmp_path: Path) -> None:
    """`marsad ingest` on a pipe, killed after its first batch: the re-run stores the rest."""
    records = [
        json.dumps({"id": f"a{n}", "text": f"{n}: {SENTENCE}"}, ensure_ascii=False) + "\n"
        for n in range(8)
    ]
    fifo = tmp_path / "stream.jsonl"
    os.mkfifo(fifo)
    db = tmp_path / "cli.db"
    command = [sys.executable, "-c", "from marsad.cli import main; main()"]
    ingest = subprocess.Popen(
        [*command, "ingest", str(fifo), "--db", str(db), "--batch-size", "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.writelines(records[:7])  # one full batch of 5, then 2 of the next
            pipe.flush()
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if db.exists():
                    with open_store(db) as store:
                        if store.count_documents() >= 5:
                            break
                time.sleep(0.1)
            time.sleep(0.5)  # let it read the two documents of the batch in progress
            os.kill(ingest.pid, signal.SIGKILL)
    finally:
        ingest.wait(timeout=30)
    assert ingest.returncode == -signal.SIGKILL
    with open_store(db) as store:
        assert store.count_documents() == 5

    full = tmp_path / "all.jsonl"
    full.write_text("".join(records), encoding="utf-8")
    done = subprocess.run(
        [*command, "ingest", str(full), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "8 documents read: 3 new, 5 skipped as duplicates, 0 failed" in done.stderr
    assert done.stdout == ""
    with open_store(db) as store:
        assert store.count_documents() == 8
