"""Where date patterns can match: a cheap pre-scan so that `dates` tries its patterns only there.

`dates` used to run each of its patterns as a `search` over the whole text, and `re` tries
every character position of a pattern that opens with a look-behind and optional words:
40 to 70 ns a character per pattern, most of find_dates' time. Every match of a date
pattern holds an ANCHOR (a weekday for the weekday pattern, "قبل"/"منذ" for "قبل يومين", a
four-digit number "19xx"/"20xx" for years and numeric dates...) and starts a bounded number
of WORDS before it (words are `[^\\W_]+` runs: the count does not depend on how much white
space or punctuation separates them). So one Aho-Corasick pass finds the anchors, and the
patterns are tried with `match` only at the word starts within `lead` words before each.

`AnchorScan(anchors).starts(text)` returns, for each pattern, positions that include every
position where the pattern can match; `dates._scan` replays its `search` loop over them and
gets the very matches a `search` from every position gets (tests compare both on generated
text). An `Anchor` must therefore be a NECESSARY condition of its pattern: when a pattern
changes, its anchor and lead must be checked again (`dates` keeps both next to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

__all__ = ["Anchor", "AnchorScan"]

# the proclitics a date pattern's `_B0` allows in front of its first word
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})


@dataclass(frozen=True, slots=True)
class Anchor:
    """What every match of one date pattern holds, and how far before it the match can start.

    A match starts at a word start, at most `lead` word starts before the word of one of
    its anchors: a literal of `words`, or a four-digit number (at the start of a run of
    digits, then two more digits) whose first two digits are one of `numbers`. With `gate`
    set the pattern has no such bound (it may start inside a word): it is searched
    everywhere, but only in texts where `gate` matches at one of `words`.

    Anchor words that stand inside longer words ("اب" in "الإرهاب") are filtered with
    `starts_word`: the anchor must begin a word, or follow one of `proclitics` written at a
    word start, a digit (`after_digit`) or one of the words `after_words` written without a
    space ("العاشرأيار" is read by the day-month pattern).
    """

    words: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    lead: int = 0
    starts_word: bool = False
    proclitics: bool = False
    after_digit: bool = False
    after_words: tuple[str, ...] = ()
    #: the match may open with "(" right before one of its words
    paren: bool = False
    gate: re.Pattern[str] | None = None


def _back_words(lead: int) -> re.Pattern[str]:
    """On REVERSED text: the word at a position and up to `lead` words before it, as groups."""
    inner = ""
    for _ in range(lead):
        inner = r"(?:[\W_]+([^\W_]+)" + inner + ")?"
    return re.compile(r"([^\W_]+)" + inner)


class AnchorScan:
    """The anchors of a tuple of patterns, compiled: one automaton of every anchor literal."""

    def __init__(self, anchors: tuple[Anchor, ...]) -> None:
        self.anchors = anchors
        owners: dict[str, tuple[bool, list[int]]] = {}
        for k, anchor in enumerate(anchors):
            for word in anchor.words:
                owners.setdefault(word, (False, []))[1].append(k)
            for digits in anchor.numbers:
                owners.setdefault(digits, (True, []))[1].append(k)
        self._automaton = ahocorasick.Automaton()
        for key, (number, idx) in owners.items():
            self._automaton.add_word(key, (len(key), number, tuple(idx)))
        self._automaton.make_automaton()
        self._back = [_back_words(n) for n in range(max(a.lead for a in anchors) + 1)]

    def starts(self, s: str) -> list[list[int] | None]:
        """For each pattern, sorted positions of `s` where it may match (None: anywhere).

        None is for a gated pattern whose gate found something.
        """
        anchors = self.anchors
        at: dict[int, list[int]] = {}  # anchor position -> indexes of the patterns it anchors
        opened: set[int] = set()  # gated patterns whose gate matched
        for end, (length, number, idx) in self._automaton.iter(s):
            j = end - length + 1
            # a number anchor opens a run of digits and has two more after its first two
            if number and (
                len(s) < j + 4 or not s[j + 2 : j + 4].isdecimal() or (j and s[j - 1].isdecimal())
            ):
                continue
            for k in idx:
                anchor = anchors[k]
                if anchor.gate is not None:
                    if anchor.gate.match(s, j):
                        opened.add(k)
                    continue
                if anchor.starts_word and not _word_start_ok(s, j, anchor):
                    continue
                at.setdefault(j, []).append(k)
        starts: list[set[int]] = [set() for _ in anchors]
        if at:
            rev = s[::-1]
            n = len(s)
            for j, idx in at.items():
                lead = max(anchors[k].lead for k in idx)
                regs = self._back[lead].match(rev, n - 1 - j).regs  # type: ignore[union-attr]
                words = [n - e for _, e in regs[1:] if e >= 0]  # nearest first
                for k in idx:
                    anchor = anchors[k]
                    near = words[: anchor.lead + 1]
                    starts[k].update(near)
                    if anchor.paren:
                        starts[k].update(w - 1 for w in near if w and s[w - 1] == "(")
        out: list[list[int] | None] = []
        for k, anchor in enumerate(anchors):
            if anchor.gate is not None:
                out.append(None if k in opened else [])
            else:
                out.append(sorted(starts[k]))
        return out


def _word_start_ok(s: str, q: int, anchor: Anchor) -> bool:
    """True when an anchor word at `q` may be where its pattern reads it (see `Anchor`)."""
    if q == 0 or not s[q - 1].isalnum():
        return True
    if anchor.after_digit and s[q - 1].isdecimal():
        return True
    if anchor.proclitics:
        for k in (1, 2):
            p = q - k
            if p >= 0 and s[p:q] in _PROCLITICS and (p == 0 or not s[p - 1].isalnum()):
                return True
    return bool(anchor.after_words) and s.endswith(anchor.after_words, 0, q)
