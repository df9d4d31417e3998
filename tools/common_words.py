"""List gazetteer names that are also ordinary words of the news (candidates for review).

Counts, over an unannotated corpus, how often each one- or two-word gazetteer key appears
as a whole word (clitics allowed) NOT right after a place feature word ("قرية", "بلدة" ...),
and prints the keys whose best entry is a small place (village, town, neighbourhood with
no or a small population) and that occur at least --min times. With --major it lists
instead the names of big places (which need no locative word to count as places) that
the news writes after a locative word less than a quarter of the time ("وان" is Van, and
"and that"). The reviewed result lives in `src/marsad/lexicon/data/common_words.yaml`;
this tool only proposes.

    python tools/common_words.py ../shared/corpus/*.jsonl --min 3
    python tools/common_words.py ../shared/corpus/*.jsonl --major --min 5
"""

from __future__ import annotations

import argparse
import collections
import json
import re

from marsad.geo import load_gazetteer
from marsad.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]+")
_CHAINS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "ال", "وال", "بال", "لل", "فال")
_FEATURES = {"قريه", "بلده", "مدينه", "منطقه", "حي", "قري", "بلدات", "مدن", "ناحيه", "قضاء"}


def _bare(name: str) -> str:
    """The folded name without a leading article."""
    key = fold(name)
    return key[2:] if key.startswith("ال") else key


def main() -> None:
    """Print the review candidates for the corpus files given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--min", type=int, default=3)
    parser.add_argument("--major", action="store_true", help="big places seldom located")
    args = parser.parse_args()
    gaz = load_gazetteer()
    if args.major:
        _major(gaz, args.corpus, args.min)
        return
    small = {}
    for place in gaz:
        if place.feature in ("village", "town", "neighbourhood") and (place.population or 0) < 20000:
            for name in (place.name, *place.names):
                key = _bare(name)
                if len(key.split()) == 1 and len(key) >= 3:
                    small.setdefault(key, place)
    big = set()
    for place in gaz:
        if place.feature not in ("village", "town", "neighbourhood") or (place.population or 0) >= 20000:
            big.update(_bare(name) for name in (place.name, *place.names))
    counts: collections.Counter[str] = collections.Counter()
    for path in args.corpus:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                words = _WORD.findall(fold(json.loads(line)["text"]))
                for i, word in enumerate(words):
                    if i and words[i - 1] in _FEATURES:
                        continue
                    for chain in _CHAINS:
                        if word.startswith(chain) and word[len(chain):] in small:
                            counts[word[len(chain):]] += 1
                            break
    for key, n in counts.most_common():
        if n >= args.min and key not in big:
            print(f"{key}\t{n}\t{small[key].id}\t{small[key].name}")


_LOCATIVE = {"في", "الي", "من", "علي", "نحو", "قرب", "مدينه", "بلده", "محافظه"}


def _major(gaz, corpus: list[str], minimum: int) -> None:  # type: ignore[no-untyped-def]
    """Big places' names that are seldom written after a locative word."""
    single = {k for k in gaz.major_keys() if " " not in k and len(k) >= 3}
    seen: collections.Counter[str] = collections.Counter()
    located: collections.Counter[str] = collections.Counter()
    for path in corpus:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                words = _WORD.findall(fold(json.loads(line)["text"]))
                for i, word in enumerate(words):
                    for chain in ("", "و", "ب", "ال", "وال", "بال", "لل", "ف"):
                        key = word[len(chain):]
                        if word.startswith(chain) and key in single:
                            seen[key] += 1
                            if chain in ("ب", "بال") or (i and words[i - 1] in _LOCATIVE):
                                located[key] += 1
                            break
    for key, n in seen.most_common():
        if n >= minimum and located[key] / n < 0.25:
            print(f"{key}\t{n}\t{located[key]}")


if __name__ == "__main__":
    main()
