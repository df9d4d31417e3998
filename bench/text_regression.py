"""Regression harness for the text layer: the same input must give the same output.

    .venv/bin/python bench/text_regression.py --save      # record the baseline
    .venv/bin/python bench/text_regression.py             # compare against it

Dumps, for every article of ../shared/corpus and ../shared/gold, for every line of those
articles on its own and for four windows cut at fixed odd places in each (so that the start
and end of a string, and expressions cut in half, are exercised too):
`find_dates(normalize_text(text), published)`, the same with `published=None`,
`date_spans`, `split_sentences` (with clauses) and `find_numbers`. The dump goes to
`artifacts/text_regression/` (git-ignored: it quotes Al Mayadeen words, which must not
enter the repository). The comparison prints the first differences per function and the
SHA-256 of each function's output, and exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from marsad.text.dates import date_spans, find_dates
from marsad.text.normalize import normalize_text
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "artifacts" / "text_regression"


def _load(shared: Path) -> list[tuple[str, str, dt.date | None]]:
    """(id, text, published) of every corpus and gold article, then of every line alone."""
    docs = []
    for path in sorted((shared / "corpus").glob("*.jsonl")) + sorted(
        (shared / "gold").glob("*.jsonl")
    ):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if not line.strip():
                    continue
                d = json.loads(line)
                pub = dt.date.fromisoformat(d["published"]) if d.get("published") else None
                docs.append((f"{path.stem}:{d.get('id') or d.get('doc_id') or n}", d["text"], pub))
    pieces = []
    for key, text, pub in docs:
        for i, line in enumerate(text.splitlines()):
            if line.strip():
                pieces.append((f"{key}#L{i}", line, pub))
        # windows cut at arbitrary (but fixed) places: expressions cut in half at either end
        for k in range(4):
            a = (len(text) * (2 * k + 1)) // 9 + k * 7
            pieces.append((f"{key}#W{k}", text[a : a + 157 + 61 * k], pub))
    return docs + pieces


def _span(s) -> list[int]:
    return [s.start, s.end]


def _dates(norm, pub) -> list:
    return [
        [_span(m.span), m.text, m.day.isoformat(), m.time_precision, m.form, m.weekday_conflict,
         m.until.isoformat() if m.until else None]
        for m in find_dates(norm, pub)
    ]  # fmt: skip


def _sentences(norm) -> list:
    return [
        [list(s.norm), _span(s.span), [list(c) for c in s.clauses]] for s in split_sentences(norm)
    ]


def _numbers(norm) -> list:
    return [
        [_span(m.span), m.text, m.value, m.vague, m.at_least, m.approximate, m.noun,
         _span(m.noun_span) if m.noun_span else None]
        for m in find_numbers(norm)
    ]  # fmt: skip


FUNCTIONS = ("find_dates", "find_dates_nopub", "date_spans", "split_sentences", "find_numbers")


def dump(items: list[tuple[str, str, dt.date | None]]) -> dict[str, dict[str, list]]:
    """function -> item id -> output, as JSON-ready lists."""
    out: dict[str, dict[str, list]] = {f: {} for f in FUNCTIONS}
    for key, text, pub in items:
        norm = normalize_text(text)
        out["find_dates"][key] = _dates(norm, pub)
        out["find_dates_nopub"][key] = _dates(norm, None)
        out["date_spans"][key] = [list(s) for s in date_spans(norm.text)]
        out["split_sentences"][key] = _sentences(norm)
        out["find_numbers"][key] = _numbers(norm)
    return out


def _digest(outputs: dict[str, list]) -> str:
    return hashlib.sha256(
        json.dumps(outputs, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    """Save or compare the text layer's outputs; exit 1 on any difference."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--baseline", type=Path, default=OUT / "baseline.json")
    ap.add_argument("--save", action="store_true", help="write the baseline instead of comparing")
    ap.add_argument("--show", type=int, default=5, help="differences to print per function")
    args = ap.parse_args(argv)
    items = _load(args.shared)
    current = dump(items)
    if args.save:
        args.baseline.parent.mkdir(parents=True, exist_ok=True)
        args.baseline.write_text(json.dumps(current, ensure_ascii=False), encoding="utf-8")
        n = sum(len(v) for f in current.values() for v in f.values())
        print(f"saved {args.baseline}: {len(items)} texts, {n} outputs")
        for f in FUNCTIONS:
            print(f"  {f:16} sha256 {_digest(current[f])}")
        return 0
    if not args.baseline.exists():
        print(f"no baseline at {args.baseline}: record one with --save (before changing anything)")
        return 2
    base = json.loads(args.baseline.read_text(encoding="utf-8"))
    differs = 0
    for f in FUNCTIONS:
        diff = [k for k in current[f] if base[f].get(k) != current[f][k]]
        diff += [k for k in base[f] if k not in current[f]]
        n_out = sum(len(v) for v in current[f].values())
        status = "same" if not diff else f"{len(diff)} texts DIFFER"
        print(f"{f:16} {n_out:6} outputs  sha256 {_digest(current[f])}  {status}")
        for k in diff[: args.show]:
            old, new = base[f].get(k, []), current[f].get(k, [])
            print(f"  {k}:")
            print(f"    only before: {[x for x in old if x not in new]}")
            print(f"    only after:  {[x for x in new if x not in old]}")
        differs += len(diff)
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
