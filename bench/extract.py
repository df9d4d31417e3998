"""Extraction speed on one core: articles per second, and the ratio to the floor.

The floor is what any extractor of this design pays: normalization plus one
Aho-Corasick pass over the normalized text with the same automaton (lexicons and every
gazetteer key). Times are process CPU times (`time.process_time`), so other work on the
machine counts less; each figure is the best of `--repeat` runs.

    python bench/extract.py                       # all of ../shared/corpus
    python bench/extract.py ../shared/corpus/dev.jsonl --repeat 5

Targets (issue "Event extraction"): >= 1,000 articles/s, within 4x of the floor,
RSS <= 300 MB after loading lexicons and gazetteer.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from marsad.events.analysis import analyse
from marsad.io import ReadFailure, read_documents
from marsad.pipeline import Resources, extract, load_resources
from marsad.recognize.matcher import build_matcher
from marsad.text.normalize import normalize_text

DEFAULT = sorted(Path(__file__).resolve().parents[1].joinpath("..", "shared", "corpus").glob("*.jsonl"))


def best(fn, repeat: int) -> float:
    """The smallest CPU time of `repeat` runs of `fn`."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus:
        sys.exit("no corpus: give JSON-lines files (../shared/corpus/*.jsonl)")

    start = time.perf_counter()
    resources = load_resources()
    load = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    docs = [d for d in read_documents(args.corpus) if not isinstance(d, ReadFailure)]
    megabytes = sum(len(d.text.encode()) for d in docs) / 1e6
    automaton = resources.matcher._automaton

    def floor() -> None:
        for d in docs:
            for _ in automaton.iter(normalize_text(d.text).text):
                pass

    def recognize() -> None:
        for d in docs:
            resources.matcher.hits(normalize_text(d.text).text)

    def analysis() -> None:
        for d in docs:
            analyse(d, resources.matcher)

    def full() -> None:
        for d in docs:
            extract(d, resources)

    n = len(docs)
    t_floor = best(floor, args.repeat)
    t_recognize = best(recognize, args.repeat)
    t_analysis = best(analysis, args.repeat)
    t_full = best(full, args.repeat)
    events = sum(len(extract(d, resources)) for d in docs)
    rss_end = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before a second matcher
    # the matcher remembers what each spelling yields: the runs above (after the first)
    # find it filled; one pass with an empty memo shows the cost on text never seen
    fresh = Resources(resources.lexicon, resources.gazetteer,
                      build_matcher(resources.lexicon, resources.gazetteer), resources.unknown)
    start = time.process_time()
    for d in docs:
        extract(d, fresh)
    t_cold = time.process_time() - start
    print(f"corpus: {n} articles, {megabytes:.2f} MB, {events} events extracted")
    print(f"load_resources: {load:.2f} s (lexicons, gazetteer, matcher); RSS after load {rss:.0f} MB")
    rows = [
        ("floor: normalize + one Aho-Corasick pass", t_floor),
        ("+ verified hits (boundaries, clitics, overlaps)", t_recognize),
        ("+ sentences, dates (analyse)", t_analysis),
        ("extract (everything)", t_full),
        ("extract, one pass, matcher memo empty", t_cold),
    ]
    width = max(len(r[0]) for r in rows)
    for label, t in rows:
        print(f"{label:<{width}}  {n / t:8.0f} articles/s  {megabytes / t:6.2f} MB/s  {1000 * t / n:6.2f} ms/article")
    # what the frame rules, place resolution and event building add on top of `analyse`
    print(f"event stage (extract - analyse): {1000 * (t_full - t_analysis) / n:6.2f} ms/article")
    print(f"ratio extract / floor: {t_full / t_floor:.1f}x (target <= 4x); target >= 1,000 articles/s")
    print(f"RSS at end: {rss_end:.0f} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()
