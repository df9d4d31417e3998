"""Speed and quality of marsad's text layer on the shared corpus.

    .venv/bin/python bench/text.py [--shared ../shared] [--repeat 3]

Prints, on one core (this process, single-threaded):
- MB/s (UTF-8 bytes of input) and characters/s of normalization alone, of normalization +
  sentence segmentation (issue 2's target: at least 5 MB/s), and of tokenization alone;
- CPU milliseconds per article of each text-layer function on already normalized text
  (`find_dates`, `split_sentences` with clauses, `find_numbers`, `tokenize`), the figures
  that `marsad.pipeline.extract` pays per article;
- how the sentences and clauses line up with the `evidence` spans of the gold files
  (EVENTS.md: evidence is the sentence, or the clause for long sentences);
- how many sentences still carry link debris (URLs, picture links), which must be none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from jsonl import load_jsonl  # bench/jsonl.py, beside this script
from marsad.text.dates import find_dates
from marsad.text.normalize import normalize_text
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences, tokenize


def _best(fn, repeat: int, clock=time.perf_counter) -> float:
    """Smallest `clock` time of `repeat` runs of `fn` (the least disturbed: the machine is shared)."""
    best = float("inf")
    for _ in range(repeat):
        t = clock()
        fn()
        best = min(best, clock() - t)
    return best


def _speed(texts: list[str], repeat: int) -> list[tuple[str, float, float]]:
    """(stage, MB/s, Mchars/s) for normalization, normalization + segmentation, tokenization."""
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    mc = sum(len(t) for t in texts) / 1e6
    norms = [normalize_text(t) for t in texts]
    t_norm = _best(lambda: [normalize_text(t) for t in texts], repeat)
    t_seg = _best(lambda: [split_sentences(normalize_text(t)) for t in texts], repeat)
    t_tok = _best(lambda: [tokenize(n.text) for n in norms], repeat)
    return [
        ("normalization", mb / t_norm, mc / t_norm),
        ("normalization + sentences + clauses", mb / t_seg, mc / t_seg),
        ("tokenization (of normalized text)", mb / t_tok, mc / t_tok),
    ]


def _per_function(docs: list[dict], repeat: int) -> list[tuple[str, float]]:
    """(function, CPU ms per article) on normalized text, as extraction calls them."""
    norms = [normalize_text(d["text"]) for d in docs]
    pubs = [dt.date.fromisoformat(d["published"]) if d.get("published") else None for d in docs]
    pairs = list(zip(norms, pubs, strict=True))
    runs = [
        ("normalize_text", lambda: [normalize_text(d["text"]) for d in docs]),
        ("find_dates", lambda: [find_dates(n, p) for n, p in pairs]),
        ("split_sentences (+ clauses)", lambda: [split_sentences(n) for n in norms]),
        ("find_numbers", lambda: [find_numbers(n) for n in norms]),
        ("tokenize", lambda: [tokenize(n.text) for n in norms]),
    ]
    return [(name, 1000 * _best(fn, repeat, time.process_time) / len(docs)) for name, fn in runs]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in "-—–،,"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "،,"):
        b -= 1
    return a, b


def _evidence(gold: list[dict]) -> dict[str, int]:
    """Counts of how gold evidence spans relate to our sentences and clauses."""
    out = {"evidence spans": 0, "= a sentence": 0, "= a clause": 0, "inside one sentence": 0,
           "across sentences": 0}  # fmt: skip
    for doc in track(gold, description="gold evidence", console=Console(stderr=True)):
        text = doc["text"]
        norm = normalize_text(text)
        sents = split_sentences(norm)
        spans = {_strip(text, s.span.start, s.span.end) for s in sents}
        clause_spans = {
            _strip(text, *_orig(norm, c)) for s in sents for c in s.clauses if len(s.clauses) > 1
        }
        for ev in {tuple(e["evidence"]) for e in doc["events"]}:
            a, b = _strip(text, *ev)
            out["evidence spans"] += 1
            if (a, b) in spans:
                out["= a sentence"] += 1
            elif (a, b) in clause_spans:
                out["= a clause"] += 1
            elif any(s.span.start <= a and b <= s.span.end for s in sents):
                out["inside one sentence"] += 1
            else:
                out["across sentences"] += 1
    return out


def _orig(norm, span: tuple[int, int]) -> tuple[int, int]:
    s = norm.original_span(*span)
    return s.start, s.end


def _debris(texts: list[str]) -> tuple[int, int]:
    """(sentences, sentences that still hold a URL or a picture link)."""
    n = bad = 0
    for t in texts:
        for s in split_sentences(normalize_text(t)):
            n += 1
            body = s.span.slice(t)
            bad += "http" in body or "pic.twitter" in body or "www." in body
    return n, bad


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1] / "../shared"
    )
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    console = Console()
    corpus = load_jsonl(sorted((args.shared / "corpus").glob("*.jsonl")))
    gold = load_jsonl(sorted((args.shared / "gold").glob("*.jsonl")))
    texts = [d["text"] for d in corpus]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    table = Table(title=f"Speed on {len(texts)} corpus articles, {mb:.2f} MB, one core")
    table.add_column("stage")
    table.add_column("MB/s", justify="right")
    table.add_column("M chars/s", justify="right")
    for stage, mbs, mcs in _speed(texts, args.repeat):
        table.add_row(stage, f"{mbs:.1f}", f"{mcs:.2f}")
    console.print(table)

    table = Table(title=f"CPU per article ({len(texts)} corpus articles, best of {args.repeat})")
    table.add_column("function")
    table.add_column("ms/article", justify="right")
    for name, ms in _per_function(corpus, args.repeat):
        table.add_row(name, f"{ms:.3f}")
    console.print(table)

    table = Table(title=f"Gold evidence vs sentences/clauses ({len(gold)} articles)")
    table.add_column("evidence span is")
    table.add_column("count", justify="right")
    for k, v in _evidence(gold).items():
        table.add_row(k, str(v))
    console.print(table)

    n, bad = _debris(texts)
    console.print(f"sentences: {n}; holding a URL or picture link: {bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
