"""Build `src/marsad/text/data/glue_words.tsv`, the words the unglue step knows.

The list is data counts, not text: each line is one word, its count over the corpus
files given, and flags. It holds

- every word written at least twice in the corpus (normalized, after the outlet's linked
  name is split off), minus the words that are themselves two words glued (a word whose
  best split, by `marsad.text.unglue`'s own rule, has both parts at least `--ratio` times
  as frequent as the whole: "تماستهداف" 2, "تم" 208, "استهداف" 336);
- every word of the shipped lexicon's entries, and every one-word gazetteer name (or first
  or last word of a name) that the rule would otherwise split ("كفرنبل"), so that no name
  marsad knows is ever cut;

with flags "p" (the word may be a part of a glued token: a corpus count of at least
`--min-part`) and "s" (a strong part: a one-word trigger, actor, target, means... of the
lexicon, or the name of a major place). Rebuild after the lexicon or gazetteer changes:

    python tools/glue_words.py ../shared/corpus/*.jsonl > src/marsad/text/data/glue_words.tsv
    python tools/glue_words.py ../shared/corpus/*.jsonl --review   # the glued words dropped
"""

from __future__ import annotations

import argparse
import collections
import json
import sys

from marsad.geo import load_gazetteer
from marsad.lexicon import load_lexicon
from marsad.text.normalize import normalize_text
from marsad.text.unglue import _TOKEN, GlueWords, _best_cut, _cut, _known, unglue

#: lexicon kinds whose one-word forms are strong parts (content words of events)
_STRONG_KINDS = frozenset({
    "trigger", "actor", "metonym", "generic", "target", "means", "fatality", "fatality_one",
    "place_keep", "place_drop",
})
#: a word of this many letters may be a part when it is a known word at all
_LONG = 6
_EMPTY = GlueWords(frozenset(), {}, frozenset())


def _corpus_counts(paths: list[str], names: frozenset[str]) -> collections.Counter[str]:
    """Normalized word counts over jsonl corpus files (linked names split off first)."""
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                norm = unglue(normalize_text(json.loads(line)["text"]), names, _EMPTY)
                counts.update(_TOKEN.findall(norm.text))
    return counts


def build(paths: list[str], min_word: int, min_part: int, ratio: float,
          ) -> tuple[dict[str, tuple[int, str]], list[tuple[str, int, str, str]]]:
    """The word list (word -> (count, flags)) and the corpus words dropped as glued."""
    lexicon = load_lexicon()
    gazetteer = load_gazetteer(common_words=lexicon.common_words)
    counts = _corpus_counts(paths, lexicon.linked_names)
    lex_words: set[str] = set()
    strong: set[str] = set()
    for entry in lexicon.entries:
        parts = [w for w in entry.written.split() if _TOKEN.fullmatch(w)]
        lex_words.update(parts)
        if len(parts) == 1 and len(parts[0]) >= 3 and entry.kind in _STRONG_KINDS:
            strong.add(parts[0])
    major = {k for k in gazetteer.major_keys() if not k.isascii() and " " not in k and len(k) >= 4}
    strong |= major
    place_words: set[str] = set()
    for key in gazetteer.keys():  # noqa: SIM118 (a Gazetteer is no mapping)
        if not key.isascii():
            words = key.split()
            place_words.update({words[0], words[-1]} if len(words) > 1 else {key})
    corpus = {w for w, n in counts.items() if n >= min_word}
    # a long word is seldom the accidental end or start of another: twice is enough
    parts = {w: n for w, n in counts.items()
             if len(w) >= 3 and (n >= min_part or (n >= min_word and len(w) >= _LONG))}
    parts.update({w: counts.get(w, 0) for w in strong})
    gw = GlueWords(frozenset(corpus | lex_words), parts, frozenset(strong))
    # corpus words that are two words glued: checked against the list without them
    dropped = []
    for word in sorted(corpus - lex_words - strong, key=counts.__getitem__, reverse=True):
        alone = GlueWords(gw.words - {word}, {w: n for w, n in gw.counts.items() if w != word},
                          gw.strong)
        if len(word) < 5 or _known(word, alone.words):
            continue
        best = _best_cut(word, alone)
        if best is not None and counts[word] * ratio <= best[0][-1]:
            dropped.append((word, counts[word], word[:best[1]], word[best[1]:]))
    drop = {d[0] for d in dropped}
    words = gw.words - drop
    counts_kept = {w: n for w, n in gw.counts.items() if w not in drop}
    gw = GlueWords(words, counts_kept, gw.strong)
    # names the rule would cut: kept whole
    protect = {w for w in place_words - words if _cut(w, gw)}
    out: dict[str, tuple[int, str]] = {}
    for w in words | protect:
        flags = "s" if w in strong else "p" if w in counts_kept else ""
        out[w] = (counts.get(w, 0), flags)
    return out, dropped


def main() -> None:
    """Print the glue word list (or, with --review, the corpus words dropped as glued)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--min-word", type=int, default=2, help="count of a known word")
    parser.add_argument("--min-part", type=int, default=5, help="count of a part")
    parser.add_argument("--ratio", type=float, default=2.0,
                        help="a glued word's parts are this many times as frequent")
    parser.add_argument("--review", action="store_true")
    args = parser.parse_args()
    table, dropped = build(args.corpus, args.min_word, args.min_part, args.ratio)
    if args.review:
        for word, n, a, b in dropped:
            print(f"{word}\t{n}\t{a} + {b}")
        return
    out = sys.stdout
    out.write(
        "# Words the unglue step knows (marsad.text.unglue): word, count, flags.\n"
        "# Built by tools/glue_words.py from word frequencies (counts of single words,\n"
        f"# no text) over {len(args.corpus)} corpus file(s) of Arabic conflict news\n"
        "# (../shared/corpus: 364 articles, Al Mayadeen 2023-24 and Syrian Archive), plus\n"
        "# the shipped lexicon's words and the gazetteer's one-word names.\n"
        f"# count: occurrences in that corpus; flags: p = may be a part (count >= {args.min_part},\n"
        f"# or >= {args.min_word} for words of {_LONG}+ letters),\n"
        "# s = strong part (one-word lexicon trigger/actor/target/..., major place name);\n"
        "# no flag: a known word, never split.\n")
    for w in sorted(table):
        n, flags = table[w]
        out.write(f"{w}\t{n}\t{flags}\n")


if __name__ == "__main__":
    main()
