"""Gazetteer and resolver quality and speed on the gold files (issue 3).

    .venv/bin/python bench/geo.py [--gold '../shared/gold/*.jsonl'] [--misses] [--speed N]

For every place of every gold event, the resolver gets the article as context (the
place's occurrence inside the evidence span gives its normalized span) and the places
resolved before it in the article. Prints: the share within 10 km of the gold point,
the share with the gold geo_precision, misses by cause (same place at another point /
gold point without an id / not in gazetteer / wrong candidate / wrong precision) with a list, lookups per second with context on one core,
index load time and RSS.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import resource
import time
from collections import Counter
from pathlib import Path

from marsad.geo.distance import haversine_km
from marsad.geo.gazetteer import load_gazetteer
from marsad.geo.place import PlaceContext
from marsad.geo.resolve import build_resolver_index, resolve_place
from marsad.lexicon import load_lexicon
from marsad.model import NormText
from marsad.text.normalize import normalize_text


def cases(pattern: str) -> list[tuple[str, NormText, list[dict]]]:
    """(doc_id, normalized text, events with a norm_span) per gold article."""
    out = []
    for path in sorted(glob.glob(pattern)):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            norm = normalize_text(text)
            events = []
            for ev in doc["events"]:
                s, e = ev["evidence"]
                pos = text.find(ev["place"], s, e)
                if pos < 0:
                    pos = text.find(ev["place"])
                if pos < 0:
                    continue
                events.append({**ev, "norm_span": norm.norm_span(pos, pos + len(ev["place"]))})
            events.sort(key=lambda ev: ev["norm_span"][0])
            out.append((doc["doc_id"], norm, events))
    return out


def _distance_cause(m, gold_id: str | None, known: bool) -> str:
    """Why a resolution is over 10 km from the gold point."""
    if m is not None and gold_id is not None and m.place_id == gold_id:
        # countries: the gold takes GeoNames' point of the country, the index its outline's
        # centroid (Natural Earth); the data in ../shared has no GeoNames country rows
        return "same place, another point"
    if gold_id is None:
        # the coder placed it by hand: no gazetteer of the coder's knew it either (التنف,
        # seas given as rounded points)
        return "gold point without an id"
    if not known or (m is not None and m.place_id is None):
        return "not in gazetteer"
    return "wrong candidate"


def main() -> None:
    """Run the measurements and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="../shared/gold/*.jsonl")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--window", type=int, default=0, help="with --misses: context characters")
    ap.add_argument("--speed", type=int, default=100_000, help="name lookups to time")
    ap.add_argument("--repeat", type=int, default=20,
                    help="timed passes over the gold mentions per figure, in rounds (best kept)")
    args = ap.parse_args()

    # The lexicon's common words and outlet nouns are what the pipeline gives the gazetteer
    lexicon = load_lexicon()
    t0 = time.perf_counter()
    gaz = load_gazetteer(overlay=Path("/nonexistent"), common_words=lexicon.common_words,
                         outlet_nouns=lexicon.words("outlet_nouns"))
    load_s = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The resolver's ranked index of every key is built on first use; timed here, apart from
    # the load (the first resolve_place below would build it otherwise).
    t0 = time.perf_counter()
    gaz.ranked_index()
    build_resolver_index(gaz)
    ranked_s = time.perf_counter() - t0

    docs = cases(args.gold)
    total = within = same_prec = agrees = 0
    causes: Counter[str] = Counter()
    misses = []
    calls = []
    for doc_id, norm, events in docs:
        resolved = []
        for ev in events:
            ctx = PlaceContext(norm, ev["norm_span"], tuple(resolved))
            calls.append((ev["place"], ctx))
            m = resolve_place(ev["place"], ctx, gaz)
            total += 1
            d = haversine_km(m.lat, m.lon, ev["lat"], ev["lon"]) if m else math.inf
            ok_dist = d <= 10
            ok_prec = m is not None and m.geo_precision == ev["geo_precision"]
            within += ok_dist
            same_id = m is not None and m.place_id is not None and (
                m.place_id == ev["place_id"]
                or (gaz.get(m.place_id) is not None and ev["place_id"] in gaz.get(m.place_id).ids)
            )
            agrees += ok_dist or same_id
            same_prec += ok_prec
            if m is not None:
                resolved.append(m)
            if ok_dist and ok_prec:
                continue
            gold_id = ev["place_id"]
            known = gold_id is None or gaz.get(gold_id) is not None
            cause = _distance_cause(m, gold_id, known) if not ok_dist else "wrong precision"
            causes[cause] += 1
            a, b = ev["norm_span"]
            around = norm.text[max(0, a - args.window) : b + args.window].replace("\n", " ")
            misses.append((cause, doc_id, ev["place"], gold_id, ev["geo_precision"],
                           m.place_id if m else None, m.geo_precision if m else None,
                           round(d, 1), m.reason if m else "", around if args.window else ""))

    # Speed. A "resolution with context" is one resolve_place(mention, PlaceContext, gaz)
    # call as pipeline.extract makes it: the article's normalized text, the mention's span,
    # up to 8 places resolved before it. Per-article work (one scan of the article for
    # country/admin names, kept by the gazetteer for the last few articles) is timed apart:
    # the extractor resolves all of an article's mentions after one scan.
    by_doc: dict[int, list] = {}
    for mention, ctx in calls:
        by_doc.setdefault(id(ctx.norm), []).append((mention, ctx))
    groups = list(by_doc.values())

    def warm_pass(clear: bool = True) -> None:
        # Name memos start empty each pass (only names recurring within the pass hit);
        # article scans are cached, as within one article.
        if clear:
            gaz.memo.clear()
            gaz._lookups.clear()
        for group in groups:
            gaz.doc_context(group[0][1].norm)
            for mention, ctx in group:
                resolve_place(mention, ctx, gaz)

    def cold_pass() -> None:
        gaz.clear_caches()
        for group in groups:
            for mention, ctx in group:
                resolve_place(mention, ctx, gaz)

    def scan_pass() -> None:
        gaz._doc_cache.clear()
        for group in groups:
            gaz._doc_cache.clear()
            gaz.doc_context(group[0][1].norm)

    gaz.doc_cache_size = len(groups) + 1  # keep every gold article's scan for warm passes
    warm_pass()  # untimed: every article scanned, with what the resolver reads of its sentences
    scans = dict(gaz._doc_cache)

    def rescanned() -> None:
        # The cold and scan passes leave other scans (or none): put the warm ones back, and
        # make one untimed pass, so that a timed one starts as it did back to back (its
        # data in the processor's caches, not the other passes').
        gaz._doc_cache.clear()
        gaz._doc_cache.update(scans)
        warm_pass()

    # (figure, untimed setup, timed pass, items per pass). The passes run in rounds, one of
    # each per round, and each figure keeps its best pass: on this shared machine other
    # work slows every pass for a second or so at times, and passes spread over the whole
    # timed section are not all caught by one such spell (back to back, they often were).
    timed = [
        ("warm", rescanned, warm_pass, len(calls)),
        ("known", None, lambda: warm_pass(False), len(calls)),
        ("cold", None, cold_pass, len(calls)),
        ("scan", None, scan_pass, len(groups)),
    ]
    best: dict[str, float] = dict.fromkeys([t[0] for t in timed], 0.0)
    for _ in range(args.repeat):
        for figure, setup, run, count in timed:
            if setup is not None:
                setup()
            t0 = time.process_time()
            run()
            best[figure] = max(best[figure], count / (time.process_time() - t0))
    warm_rate, known_rate, rate, scan_rate = best["warm"], best["known"], best["cold"], best["scan"]
    names = [mention for mention, _ in calls]
    n_lookups = 0
    t0 = time.process_time()
    while n_lookups < args.speed:
        for name in names:
            gaz._lookup(name, True)  # uncached: lookup() memoizes names
            n_lookups += 1
    lookup_rate = n_lookups / (time.process_time() - t0)
    t0 = time.process_time()
    major = gaz.major_keys()
    major_s = time.process_time() - t0

    print(f"places (gold events):        {total}")
    print(f"within 10 km of gold:        {within / total:.1%}  (target >= 90%)")
    print(f"place agrees (same id or <= 10 km, EVENTS.md): {agrees / total:.1%}")
    print(f"same geo_precision as gold:  {same_prec / total:.1%}  (target >= 90%)")
    for cause, count in causes.most_common():
        print(f"  misses, {cause}: {count}")
    # the points of these two causes are in no source the index is built from
    beyond = causes["same place, another point"] + causes["gold point without an id"]
    print(f"within 10 km at most, with these sources: {(total - beyond) / total:.1%}")
    print(f"resolutions/s with context:  {warm_rate:,.0f}  (article scanned once; target >= 50,000)")
    print(f"resolutions/s, names seen before: {known_rate:,.0f}")
    print(f"resolutions/s, scans and memos cold: {rate:,.0f}")
    print(f"article scans/s:             {scan_rate:,.0f}  ({len(calls) / len(groups):.1f} mentions per article)")
    print(f"lookups/s (name -> candidates, uncached): {lookup_rate:,.0f}")
    print(f"major_keys():                {major_s:.2f} s  ({len(major):,} keys)")
    print(f"index load:                  {load_s:.2f} s  (target <= 1 s)")
    print(f"RSS after load:              {rss_mb:.0f} MB  (target <= 150 MB)")
    print(f"ranked and resolver index (first resolve): {ranked_s:.2f} s")
    print(f"RSS at the end:              {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"gazetteer:                   {len(gaz):,} places, {len(list(gaz.keys())):,} keys")
    if args.misses:
        for row in sorted(misses, key=lambda r: [str(x) for x in r]):
            print("  " + " | ".join(str(x) for x in row))


if __name__ == "__main__":
    main()
