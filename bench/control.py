"""Control timeline at scale: a synthetic store of 1,000,000 events over real gazetteer places.

    .venv/bin/python bench/control.py [--events 1000000] [--db /tmp/marsad-bench-control.db]
                                      [--reuse] [--seed 5]

What is measured (figures printed at the end):

1. building the synthetic SQLite store (one-off; rows go in through the store's own
   schema with SQLAlchemy Core executemany, skipping the per-event cross-document merge
   lookup, which every synthetic event would pass anyway: they are all distinct);
2. reading the control events (asserted capture / withdrawal / contact) back through
   `Store.iter_events`, as `marsad control` does;
3. the full timeline rebuild (`build_timeline`) from those events;
4. building the in-memory interval index (`ControlIndex`);
5. the control map for one day (`ControlIndex.at`): median and worst over 25 days spread
   over the period (target: <= 100 ms), and, for comparison, the linear `control_at`;
6. contact points and front lines on one day.

The synthetic events: places are the gazetteer's Syrian and Iraqi towns, villages and sites
(not admin areas); each place gets a local war: the coalitions active in its country take
and lose it over 2015-2023, so that control changes hands, is contested and is withdrawn
from as in real reporting. 15% of events are captures, 3% withdrawals, 1% contacts, the rest
other kinds; 90% asserted, 7% planned, 3% negated; 5% of captures partial; time precision
1/2/3 at 85/10/5%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import time
from pathlib import Path

import sqlalchemy as sa
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad.geo import load_gazetteer
from marsad.store import open_store
from marsad.store.schema import documents, events
from marsad.track.coalitions import load_coalitions
from marsad.track.control import ControlIndex, build_timeline, control_at
from marsad.track.query import control_events
from marsad.web.basemap import load_basemap

console = Console(stderr=True)
START = dt.date(2015, 1, 1)
DAYS = 9 * 365
ACTORS = {
    "SY": [("SYR_MIL", 5), ("SYR_NDF", 1), ("HEZBOLLAH", 1), ("ISIS", 3), ("SDF", 2),
           ("SNA", 1), ("HTS", 1), ("TUR_MIL", 1)],
    "IQ": [("IRQ_MIL", 5), ("IRQ_PMF", 2), ("ISIS", 3), ("KRG_PESHMERGA", 1)],
}
OTHER_KINDS = ["clash", "airstrike", "shelling", "explosion", "advance", "deployment",
               "attack_civilians", "other"]
EVENTS_PER_DOC = 5


def places_of_gazetteer() -> list[tuple[str, str, float, float, str]]:
    """(place_id, name, lat, lon, country) of Syrian and Iraqi non-area places."""
    gazetteer = load_gazetteer()
    return [(p.id, p.name, p.lat, p.lon, p.country) for p in gazetteer
            if p.country in ACTORS and not p.is_area]


def synthetic_rows(n: int, places, rnd: random.Random):
    """Yield (document row, event rows) batches for `n` events (see module doc)."""
    weights = {c: ([a for a, _ in ACTORS[c]], [w for _, w in ACTORS[c]]) for c in ACTORS}
    now = dt.datetime(2024, 1, 1)
    produced, doc = 0, 0
    while produced < n:
        doc += 1
        pid, name, lat, lon, country = places[rnd.randrange(len(places))]
        day = START + dt.timedelta(days=rnd.randrange(DAYS))
        doc_row = {"id": doc, "doc_id": f"synthetic-{doc}", "content_hash": f"{doc:064x}",
                   "text": f"synthetic article {doc} " + name, "published": day,
                   "outlet": f"outlet-{rnd.randrange(40)}", "url": None, "title": None,
                   "lang": "ar", "path": None, "ingested_at": now}
        rows = []
        for seq in range(min(EVENTS_PER_DOC, n - produced)):
            if seq:  # the other events of an article: nearby places, same days
                pid, name, lat, lon, country = places[rnd.randrange(len(places))]
            r = rnd.random()
            kind = ("capture" if r < 0.15 else "withdrawal" if r < 0.18 else
                    "contact" if r < 0.19 else rnd.choice(OTHER_KINDS))
            actors, w = weights[country]
            m = rnd.random()
            tp = rnd.random()
            rows.append({
                "document_id": doc, "seq": seq, "kind": kind,
                "actor1": rnd.choices(actors, w)[0], "assoc1": "[]",
                "actor2": rnd.choices(actors, w)[0] if kind == "contact" else None,
                "place": name, "place_id": pid, "lat": lat, "lon": lon, "geo_precision": 1,
                "date": day - dt.timedelta(days=rnd.randrange(3)),
                "time_precision": 1 if tp < 0.85 else 2 if tp < 0.95 else 3,
                "modality": "asserted" if m < 0.9 else "planned" if m < 0.97 else "negated",
                "source": None, "fatalities": None,
                "partial": kind == "capture" and rnd.random() < 0.05,
                "evidence_start": 0, "evidence_end": 10, "merged_into": None,
            })
        produced += len(rows)
        yield doc_row, rows


def build_store(path: Path, n: int, seed: int) -> float:
    """Create the synthetic store at `path`; return the seconds it took."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    places = places_of_gazetteer()
    console.print(f"{len(places):,} gazetteer places in Syria and Iraq")
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    open_store(path).close()  # creates the schema (migrations), then bulk-load into it
    engine = sa.create_engine(f"sqlite:///{path}")
    docs, evs = [], []
    with Progress(TextColumn("synthetic store"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("", total=n)
        for doc_row, rows in synthetic_rows(n, places, rnd):
            docs.append(doc_row)
            evs.extend(rows)
            if len(evs) >= 100_000:
                with engine.begin() as conn:
                    conn.execute(documents.insert(), docs)
                    conn.execute(events.insert(), evs)
                progress.advance(task, len(evs))
                docs, evs = [], []
        if evs:
            with engine.begin() as conn:
                conn.execute(documents.insert(), docs)
                conn.execute(events.insert(), evs)
            progress.advance(task, len(evs))
    engine.dispose()
    return time.perf_counter() - t0


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/marsad-bench-control.db"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing --db")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    figures: list[tuple[str, str]] = []
    if args.reuse and args.db.exists():
        figures.append(("synthetic store", f"reused {args.db}"))
    else:
        seconds = build_store(args.db, args.events, args.seed)
        figures.append(("build synthetic store", f"{seconds:.1f} s for {args.events:,} events"))
    table = load_coalitions()
    with open_store(args.db, create=False) as store:
        total = store.count_events()
        stored, seconds = timed(control_events, store)
    figures.append(("events in store", f"{total:,}"))
    figures.append(("read control events (iter_events)", f"{seconds:.2f} s for {len(stored):,}"))
    timeline, seconds = timed(build_timeline, stored, table)
    places = len({iv.place_id for iv in timeline.intervals})
    figures.append(("full timeline rebuild", f"{seconds:.2f} s: {len(timeline.intervals):,} "
                    f"intervals over {places:,} places"))
    contested = sum(iv.status == "contested" for iv in timeline.intervals)
    figures.append(("contested intervals", f"{contested:,}"))
    again, seconds2 = timed(build_timeline, list(reversed(stored)), table)
    figures.append(("rebuild from reversed input", f"{seconds2:.2f} s, identical: "
                    f"{again == timeline}"))
    index, seconds = timed(ControlIndex, timeline.intervals)
    figures.append(("build interval index", f"{seconds * 1000:.0f} ms"))

    days = [START + dt.timedelta(days=int(i * DAYS / 25)) for i in range(25)]
    lookups = []
    for day in days:
        found, seconds = timed(index.at, day)
        lookups.append((seconds, len(found)))
    times = [t * 1000 for t, _ in lookups]
    figures.append(("control map for one day (index)",
                    f"median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms, "
                    f"{statistics.median(n for _, n in lookups):,.0f} places in force "
                    "(target <= 100 ms)"))
    _, seconds = timed(control_at, timeline.intervals, days[12])
    figures.append(("control map for one day (linear scan)", f"{seconds * 1000:.0f} ms"))

    from marsad.track.contacts import find_contacts
    from marsad.track.frontlines import front_lines

    day = days[-1]
    in_force = index.at(day)
    contact_evs = [s for s in stored if s.event.kind == "contact"]
    contacts, seconds = timed(find_contacts, in_force, day, events=contact_evs, coalitions=table)
    figures.append(("contacts on one day", f"{seconds * 1000:.0f} ms: {len(contacts):,} contacts"))
    nearest, seconds = timed(find_contacts, in_force, day, events=contact_evs, coalitions=table,
                             nearest_only=True)
    figures.append(("contacts on one day, nearest only",
                    f"{seconds * 1000:.0f} ms: {len(nearest):,} contacts"))
    land = load_basemap().land
    fronts, seconds = timed(front_lines, in_force, land=land)
    km = sum(f.length_km for f in fronts)
    figures.append(("front lines on one day", f"{seconds:.2f} s: {len(fronts)} lines, {km:,.0f} km"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures.append(("peak RSS", f"{rss:,.0f} MB"))

    out = Table(title="bench/control.py", title_justify="left")
    out.add_column("measure")
    out.add_column("figure")
    for name, value in figures:
        out.add_row(name, value)
    Console().print(out)
    Console().print(json.dumps(dict(figures), ensure_ascii=False))


if __name__ == "__main__":
    main()
