"""List runs of words that repository files share with measurement-only articles.

    python tools/check_quotes.py --articles ../shared/corpus/*.jsonl ../shared/gold/*.jsonl \
        -- src tests bench README.md

The Al Mayadeen articles of the corpus and the gold are for measurement only: no test,
comment or example may copy their text. This prints every place where a file shares a run
of `--words` (default 7) Arabic words with one of them, read as one stream of words per
file (a run split across two lines is found too), folded as the text layer folds
(harakat, tatweel, hamza seats, ة/ه, ى/ي). It exits 1 when it finds any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u064B-\u0652\u0640]+")
HARAKAT = re.compile(r"[\u064B-\u0652\u0640]")
SEATS = str.maketrans("أإآىةؤئ", "ااايهوي")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".txt", ".json", ".jsonl", ".tsv", ".html", ".js"}


def fold(word: str) -> str:
    """A word as the check compares it."""
    return HARAKAT.sub("", word).translate(SEATS)


def words(text: str) -> list[str]:
    """The folded Arabic words of `text`, in order."""
    return [w for w in (fold(m) for m in WORD.findall(text)) if w]


def measured(doc: dict) -> bool:
    """Is this article one of the measurement-only ones (Al Mayadeen, ids `maya-*`)?

    The seed article (`seed-almayadeen-2017-10-25`), the project's founding example, and the
    Syrian Archive texts (CC BY-SA) may be quoted with attribution.
    """
    return str(doc.get("doc_id") or doc.get("id") or "").startswith("maya")


def article_runs(paths: list[Path], n: int) -> set[tuple[str, ...]]:
    """Every run of `n` words of the measurement-only articles in `paths`."""
    runs: set[tuple[str, ...]] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            doc = json.loads(line)
            if measured(doc):
                ws = words(doc.get("text", ""))
                runs.update(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))
    return runs


def files_under(targets: list[Path]) -> list[Path]:
    """The text files of `targets` (files, or folders read recursively)."""
    out: list[Path] = []
    for target in targets:
        found = sorted(target.rglob("*")) if target.is_dir() else [target]
        out += [p for p in found if p.is_file() and p.suffix in TEXT_SUFFIXES]
    return out


def main() -> int:
    """Print shared runs as `path:line: words`; exit 1 when any is found."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", nargs="+", type=Path, required=True,
                    help="JSONL files of articles (doc_id, source, text)")
    ap.add_argument("--words", type=int, default=7, help="run length that counts as a quote")
    ap.add_argument("targets", nargs="+", type=Path, help="files or folders to check")
    args = ap.parse_args()
    runs = article_runs(args.articles, args.words)
    found = 0
    for path in files_under(args.targets):
        text = path.read_text(encoding="utf-8", errors="replace")
        # word positions with their line numbers, so a run across lines is reported once
        positions = [(m, text.count("\n", 0, m.start()) + 1) for m in WORD.finditer(text)]
        ws = [fold(m.group()) for m, _ in positions]
        i = 0
        while i <= len(ws) - args.words:
            if tuple(ws[i : i + args.words]) in runs:
                print(f"{path}:{positions[i][1]}: {' '.join(ws[i : i + args.words])}")
                found += 1
                i += args.words  # one report per run
            else:
                i += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
