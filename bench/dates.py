"""Date expressions: what the corpus holds, how they agree with gold, marsad vs dateparser.

    .venv/bin/python bench/dates.py [--shared ../shared] [--no-dateparser] [--show]

Prints:
1. the date expressions marsad finds in ../shared/corpus, counted per form, and its speed
   (articles/s, expressions/s);
2. agreement with the gold files: for every gold event whose evidence holds a date
   expression, whether one of those expressions resolves to the event's date (compared at
   the coarser precision, as `marsad eval` does); each disagreement is listed with its
   hand-checked cause from `bench/data/dates_gold_causes.tsv`;
3. marsad and dateparser's `search_dates` (languages=['ar'], RELATIVE_BASE=published) side
   by side on the hand-checked sample `bench/data/dates_sample.tsv`: correct / wrong /
   missed on the date rows, false alarms on the rows that are not dates, and both tools'
   speed on the whole corpus.

`--show` prints each sample row with both tools' readings (Al Mayadeen texts are shown
on screen only, never written anywhere).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from jsonl import load_jsonl  # bench/jsonl.py, beside this script
from marsad.model import same_period
from marsad.text.dates import FORMS, find_dates
from marsad.text.normalize import normalize_text

HERE = Path(__file__).resolve().parent



def _pub(doc: dict) -> dt.date | None:
    return dt.date.fromisoformat(doc["published"]) if doc.get("published") else None


def _same(a: dt.date, b: dt.date, level: str) -> bool:
    """Equal at a sample row's `level`: D day, W ISO week, M month, Y year."""
    if level == "D":
        return a == b
    if level == "W":
        return a.isocalendar()[:2] == b.isocalendar()[:2]
    if level == "M":
        return (a.year, a.month) == (b.year, b.month)
    return a.year == b.year


# --- 1. the corpus --------------------------------------------------------------------


def corpus_table(console: Console, corpus: list[dict]) -> dict[str, list]:
    """Count marsad's date expressions per form; return them per document."""
    found: dict[str, list] = {}
    norms = {d["id"]: normalize_text(d["text"]) for d in corpus}
    t = time.perf_counter()
    for d in corpus:
        found[d["id"]] = find_dates(norms[d["id"]], _pub(d))
    elapsed = time.perf_counter() - t
    forms = Counter(m.form for ms in found.values() for m in ms)
    n = sum(forms.values())
    table = Table(title=f"Date expressions in {len(corpus)} corpus articles (marsad)")
    table.add_column("form")
    table.add_column("count", justify="right")
    table.add_column("covers")
    for form in FORMS:
        table.add_row(form, str(forms.get(form, 0)), FORMS[form])
    table.add_row("all", str(n), "")
    console.print(table)
    conflicts = sum(m.weekday_conflict for ms in found.values() for m in ms)
    console.print(f"weekday conflicts reported: {conflicts}")
    console.print(
        f"marsad find_dates (normalized input): {len(corpus) / elapsed:.0f} articles/s, "
        f"{n / elapsed:.0f} expressions/s"
    )
    return found


# --- 2. gold --------------------------------------------------------------------------


def _causes(path: Path) -> dict[tuple[str, str, int], str]:
    out = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip() or line.startswith("doc_id\t"):
                continue
            doc_id, day, precision, cause = line.split("\t", 3)
            out[(doc_id, day, int(precision))] = cause
    return out


def gold_table(console: Console, gold: list[dict]) -> None:
    """Agreement of resolved expressions with gold event dates, disagreements by cause."""
    causes = _causes(HERE / "data" / "dates_gold_causes.tsv")
    agree = disagree = no_expr = 0
    rows = []
    for doc in gold:
        pub = _pub(doc)
        mentions = find_dates(doc["text"], pub)
        seen = set()
        for e in doc["events"]:
            a, b = e["evidence"]
            key = (a, b, e["date"], e["time_precision"])
            if key in seen or not e.get("date"):
                continue
            seen.add(key)
            inside = [m for m in mentions if a <= m.span.start and m.span.end <= b]
            if not inside:
                no_expr += 1
                continue
            day, prec = dt.date.fromisoformat(e["date"]), e["time_precision"]
            # at the coarser precision, as `marsad eval` compares
            if any(same_period(m.day, m.time_precision, day, prec) for m in inside):
                agree += 1
            else:
                disagree += 1
                ours = ", ".join(f"{m.day} p{m.time_precision} {m.form}" for m in inside)
                cause = causes.get((doc["doc_id"], e["date"], prec), "(not yet checked)")
                rows.append((doc["doc_id"], f"{day} p{prec}", ours, cause))
    console.print(
        f"gold events whose evidence holds a date expression: {agree + disagree}; "
        f"resolved day agrees: {agree}; disagrees: {disagree}; "
        f"events with no expression in their evidence (date from context): {no_expr}"
    )
    if rows:
        table = Table(title="Disagreements with gold, hand-checked causes")
        for col in ("doc", "gold", "marsad (expressions in evidence)", "cause"):
            table.add_column(col)
        for r in rows:
            table.add_row(*r)
        console.print(table)


# --- 3. marsad vs dateparser on the hand-checked sample -------------------------------


def _sample(path: Path) -> list[tuple[str, int, int, str, dt.date | None]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("doc_id\t") or not line.strip():
            continue
        doc_id, a, b, level, expected, *_ = line.split("\t")
        day = None if expected == "-" else dt.date.fromisoformat(expected)
        out.append((doc_id, int(a), int(b), level, day))
    return out


def _dateparser_spans(text: str, pub: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """dateparser's search_dates as (start, end, day), its substrings located in order."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.combine(pub, dt.time())} if pub else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["ar"], settings=settings) or []
    out, pos = [], 0
    for sub, when in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append((i, i + len(sub), when.date()))
        pos = i + len(sub)
    return out


def _score(rows, readings) -> Counter:
    """correct / wrong / missed on date rows, false alarms on the others."""
    c: Counter = Counter()
    for (_doc_id, a, b, level, day), got in zip(rows, readings, strict=True):
        hits = [d for s, e, d in got if s < b and a < e]
        if day is None:
            c["false alarm" if hits else "silent on non-date"] += 1
        elif not hits:
            c["missed"] += 1
        elif any(_same(d, day, level) for d in hits):
            c["correct"] += 1
        else:
            c["wrong"] += 1
    return c


def compare_table(console: Console, corpus: list[dict], use_dateparser: bool, show: bool) -> None:
    """Both tools on the hand-checked sample, and both speeds on the whole corpus."""
    rows = _sample(HERE / "data" / "dates_sample.tsv")
    docs = {d["id"]: d for d in corpus}
    ours, theirs = [], []
    cache_m: dict[str, list] = {}
    cache_d: dict[str, list] = {}
    for doc_id, *_ in rows:
        d = docs[doc_id]
        if doc_id not in cache_m:
            cache_m[doc_id] = [
                (m.span.start, m.span.end, m.day) for m in find_dates(d["text"], _pub(d))
            ]
            if use_dateparser:
                cache_d[doc_id] = _dateparser_spans(d["text"], _pub(d))
        ours.append(cache_m[doc_id])
        theirs.append(cache_d.get(doc_id, []))
    table = Table(title=f"Hand-checked sample: {len(rows)} rows "
                  f"({sum(r[4] is not None for r in rows)} dates, "
                  f"{sum(r[4] is None for r in rows)} non-dates)")  # fmt: skip
    table.add_column("")
    table.add_column("marsad", justify="right")
    table.add_column("dateparser", justify="right")
    cm, cd = _score(rows, ours), _score(rows, theirs)
    for k in ("correct", "wrong", "missed", "false alarm", "silent on non-date"):
        table.add_row(k, str(cm[k]), str(cd[k]) if use_dateparser else "-")
    console.print(table)
    if show:
        for row, o, t in zip(rows, ours, theirs, strict=True):
            doc_id, a, b, level, day = row
            text = docs[doc_id]["text"]
            om = [str(d) for s, e, d in o if s < b and a < e]
            tm = [str(d) for s, e, d in t if s < b and a < e]
            console.print(f"{doc_id} {text[a:b]!r} expected {day} ({level}) | marsad {om} | "
                          f"dateparser {tm}")  # fmt: skip

    t = time.perf_counter()
    n_m = sum(len(find_dates(d["text"], _pub(d))) for d in corpus)
    el_m = time.perf_counter() - t
    console.print(f"marsad: {len(corpus) / el_m:.0f} articles/s, {n_m / el_m:.0f} expressions/s "
                  f"(normalization included)")  # fmt: skip
    if use_dateparser:
        t = time.perf_counter()
        n_d = 0
        for d in track(corpus, description="dateparser", console=Console(stderr=True)):
            n_d += len(_dateparser_spans(d["text"], _pub(d)))
        el_d = time.perf_counter() - t
        console.print(f"dateparser: {len(corpus) / el_d:.0f} articles/s, "
                      f"{n_d / el_d:.0f} expressions/s")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print their tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent / "../shared")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser runs")
    ap.add_argument("--show", action="store_true", help="print every sample row")
    args = ap.parse_args(argv)
    console = Console()
    corpus = load_jsonl(sorted((args.shared / "corpus").glob("*.jsonl")))
    gold = load_jsonl(sorted((args.shared / "gold").glob("*.jsonl")))
    corpus_table(console, corpus)
    gold_table(console, gold)
    compare_table(console, corpus, not args.no_dateparser, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
