"""What the frame rules read about one document, computed once: hits, words, sentences, dates.

Everything here is in NORMALIZED offsets; the frame rules map back to the original text
only when they build the events.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Collection
from dataclasses import dataclass, field

from marsad.model import DateMention, Document, NormText
from marsad.recognize.matcher import Hit, Matcher, words_of
from marsad.text.dates import date_anchors, date_spans, find_dates
from marsad.text.normalize import normalize_text
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences
from marsad.text.unglue import unglue

_KIND = operator.attrgetter("entry.kind")
_bisect_left = bisect.bisect_left
_bisect_right = bisect.bisect_right


@dataclass(frozen=True, slots=True)
class DateAt:
    """A date expression at normalized [start, end)."""

    start: int
    end: int
    mention: DateMention


@dataclass(frozen=True, slots=True)
class NumberAt:
    """A count at normalized [start, end)."""

    start: int
    end: int
    value: int | None
    noun: str | None


@dataclass(slots=True)
class Analysis:
    """One document read by the text layer and the matcher."""

    doc: Document
    norm: NormText
    hits: list[Hit]
    word_starts: list[int]
    word_ends: list[int]
    sentences: list[tuple[int, int, tuple[tuple[int, int], ...]]]
    dates: list[DateAt]
    numbers: list[NumberAt] = field(default_factory=list)
    hit_starts: list[int] = field(default_factory=list)
    date_starts: list[int] = field(default_factory=list)
    number_starts: list[int] = field(default_factory=list)
    #: whether the article is about the past: no day it names lies within a week of its
    #: publication (set by `analyse`)
    retrospective: bool = False
    #: outlet names that web pages link (lexicon `linked_names`): a channel, not a place
    linked_names: frozenset[str] = frozenset()
    #: the string of each word (`word_starts`, `word_ends`), as `words_of` split them
    word_strings: list[str] = field(default_factory=list, repr=False, compare=False)
    #: what the frame rules derive from the fields above once per article (see `spans_of`)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    #: the normalized text (`norm.text`): a field, as the rules read it ~400 times an article
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.norm.text
        if len(self.word_strings) != len(self.word_starts):  # not given by `analyse`
            self.word_strings = [self.text[a:b] for a, b in
                                 zip(self.word_starts, self.word_ends, strict=True)]

    @property
    def memo(self) -> dict:
        """What a rule derives once per article and asks again, by a key of its own."""
        return self._memo

    def word_index(self, pos: int) -> int:
        """Index of the word at or after normalized offset `pos`."""
        return bisect.bisect_left(self.word_ends, pos + 1)

    def words_between(self, a: int, b: int) -> int:
        """How many words lie in normalized [a, b)."""
        # the frame rules ask this ~150 times an article: no max() call, bisect bound once
        starts = self.word_starts
        n = _bisect_left(starts, b) - _bisect_left(starts, a)
        return n if n > 0 else 0

    def words(self, a: int, b: int) -> list[str]:
        """The words of normalized [a, b)."""
        starts = self.word_starts
        return self.word_strings[_bisect_left(starts, a):_bisect_left(starts, b)]

    def words_before(self, pos: int, reach: int, n: int) -> list[str]:
        """The last `n` words of normalized [pos - reach, pos): `words(...)[-n:]`, cheaper."""
        starts = self.word_starts
        j = _bisect_left(starts, pos)
        # the first of at most `n` words that starts within reach: a few steps, no bisect
        i = j - n if j > n else 0
        low = pos - reach
        while i < j and starts[i] < low:
            i += 1
        return self.word_strings[i:j]

    def spaced_slice(self, start: int, end: int) -> str:
        """`NormText.spaced_slice`: the original text of normalized [start, end), glued words split."""
        return self.norm.spaced_slice(start, end)

    def spans_of(self, kinds: frozenset[str]) -> frozenset[tuple[int, int]]:
        """The (start, end) of every hit of one of `kinds` (computed once per article)."""
        key = ("spans", kinds)
        spans = self._memo.get(key)
        if spans is None:
            # from the hits of these kinds alone (`hit_indices`), not a pass over all hits
            hits = self.hits
            spans = frozenset((h.start, h.end) for h in map(hits.__getitem__, self.hit_indices(kinds)))
            self._memo[key] = spans
        return spans

    def hit_indices(self, kinds: frozenset[str]) -> list[int]:
        """Positions in `hits` of the hits of one of `kinds`, in order (computed once per article)."""
        key = ("indices", kinds)
        indices = self._memo.get(key)
        if indices is None:
            by_kind = self._memo.get("by_kind")
            if by_kind is None:  # one pass over the hits serves every set of kinds
                by_kind = self._memo["by_kind"] = {}
                for k, kind in enumerate(map(_KIND, self.hits)):
                    same = by_kind.get(kind)
                    if same is None:
                        by_kind[kind] = [k]
                    else:
                        same.append(k)
            lists = [by_kind[kind] for kind in kinds if kind in by_kind]
            # sorted runs, merged by the sort in C
            indices = lists[0] if len(lists) == 1 else sorted(itertools.chain.from_iterable(lists))
            self._memo[key] = indices
        return indices

    def has_hit(self, kinds: frozenset[str], a: int, b: int) -> bool:
        """Does a hit of one of `kinds` start in normalized [a, b)?"""
        key = ("starts", kinds)
        starts = self._memo.get(key)
        if starts is None:
            starts = [self.hits[k].start for k in self.hit_indices(kinds)]
            self._memo[key] = starts
        i = _bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    def words_starting(self, bases: frozenset[str], prefixes: tuple[str, ...]) -> list[int]:
        """Indices of the words that start with one of `prefixes`, each a proclitic and one of
        `bases` (lexicon `starts`), in order (computed once per article)."""
        key = ("starting", prefixes)
        found = self._memo.get(key)
        if found is None:
            # the few places where a base occurs, not every word: a word that starts with
            # proclitic + base holds the base
            text, starts, ends = self.text, self.word_starts, self.word_ends
            marked = set()
            for base in bases:
                pos = text.find(base)
                while pos >= 0:
                    i = _bisect_right(starts, pos) - 1
                    if i >= 0 and text.startswith(prefixes, starts[i], ends[i]):
                        marked.add(i)
                    pos = text.find(base, pos + 1)
            found = self._memo[key] = sorted(marked)
        return found

    def holds(self, phrases: frozenset[str]) -> bool:
        """Does the text hold one of `phrases` anywhere (computed once per article)?"""
        key = ("holds", phrases)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = any(p in self.text for p in phrases)
        return found

    def words_equal(self, words: Collection[str]) -> list[int]:
        """Indices of the words that are one of `words` (a frozenset, or a tuple of lexicon
        `starts`), in order (computed once per article)."""
        key = ("equal", words)
        found = self._memo.get(key)
        if found is None:
            strings = self.word_strings
            if not isinstance(words, frozenset):
                words = frozenset(words)
            # one pass in C over the word strings: a word list's words are short and
            # common ("لم" in "العالم"), str.find would stop at each
            found = self._memo[key] = list(itertools.compress(
                range(len(strings)), map(words.__contains__, strings)))
        return found

    def next_word(self, pos: int) -> tuple[int, int] | None:
        """The [start, end) of the first word starting at or after `pos`."""
        i = bisect.bisect_left(self.word_starts, pos)
        if i >= len(self.word_starts):
            return None
        return self.word_starts[i], self.word_ends[i]

    def word_before(self, pos: int) -> str:
        """The last word ending at or before `pos` ("" at the start of the text)."""
        span = self.prev_word(pos)
        return self.norm.text[span[0]:span[1]] if span is not None else ""

    def prev_word(self, pos: int) -> tuple[int, int] | None:
        """The [start, end) of the last word ending at or before `pos`."""
        i = bisect.bisect_right(self.word_ends, pos) - 1
        if i < 0:
            return None
        return self.word_starts[i], self.word_ends[i]

    def hits_in(self, a: int, b: int) -> list[Hit]:
        """Hits starting in normalized [a, b), in order."""
        starts = self.hit_starts
        return self.hits[_bisect_left(starts, a):_bisect_left(starts, b)]

    def dates_in(self, a: int, b: int) -> list[DateAt]:
        """Date expressions starting in normalized [a, b), in order."""
        return self.dates[bisect.bisect_left(self.date_starts, a):
                          bisect.bisect_left(self.date_starts, b)]

    def numbers_in(self, a: int, b: int) -> list[NumberAt]:
        """Counts starting in normalized [a, b), in order."""
        return self.numbers[bisect.bisect_left(self.number_starts, a):
                            bisect.bisect_left(self.number_starts, b)]


#: a "sentence" longer than this many words (a page with no punctuation) is read in pieces,
#: so that rules comparing the things of one sentence stay linear in the article's length
_MAX_SENTENCE_WORDS = 300
_PIECE_WORDS = 150


def _bounded(a: int, b: int, clauses: tuple[tuple[int, int], ...],
             word_starts: list[int]) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """The sentence [a, b), or pieces of it of at most `_PIECE_WORDS` words."""
    i = bisect.bisect_left(word_starts, a)
    j = bisect.bisect_left(word_starts, b)
    if j - i <= _MAX_SENTENCE_WORDS:
        return [(a, b, clauses)]
    cuts = [word_starts[k] for k in range(i + _PIECE_WORDS, j, _PIECE_WORDS)]
    bounds = [a, *cuts, b]
    return [(x, y, ((x, y),)) for x, y in itertools.pairwise(bounds)]


def analyse(doc: Document, matcher: Matcher) -> Analysis:
    """Normalize, segment, match and date one document."""
    norm = unglue(normalize_text(doc.text), matcher.lexicon.linked_names, matcher.glue)
    text = norm.text
    strings, word_starts, word_ends = words_of(text)
    hits = matcher.hits_of(text, strings, word_starts, word_ends)
    sentences = []
    for s in split_sentences(norm):
        sentences.extend(_bounded(s.norm[0], s.norm[1], s.clauses, word_starts))
    anchors = date_anchors(text)  # read once for the dates and for the counts' date spans
    dates = [DateAt(*norm.norm_span(m.span.start, m.span.end), m)
             for m in find_dates(norm, doc.published, anchors)]
    numbers = []
    deaths = matcher.lexicon.forms("fatality")
    # counts matter only near a death noun, alone or ending a cue ("أدى إلى مقتل 5")
    # (the kinds are read and the triggers picked in C: most of the ~200 hits are neither)
    kinds = list(map(_KIND, hits))
    triggers = itertools.compress(hits, map("trigger".__eq__, kinds))
    if "fatality" in kinds or any(h.entry.last_word() in deaths for h in triggers):
        numbers = [NumberAt(*norm.norm_span(m.span.start, m.span.end), m.value, m.noun)
                   for m in find_numbers(norm, date_spans(text, anchors))]
    dates.sort(key=lambda d: d.start)
    days = [d.mention.day for d in dates if d.mention.time_precision == 1]
    published = doc.published
    retrospective = bool(days) and (published is None or all(
        abs((day - published).days) > 7 for day in days))
    return Analysis(
        doc=doc, norm=norm, hits=hits, word_starts=word_starts,
        word_ends=word_ends, sentences=sentences, dates=dates, numbers=numbers,
        hit_starts=[h.start for h in hits], date_starts=[d.start for d in dates],
        number_starts=[n.start for n in numbers], retrospective=retrospective,
        linked_names=matcher.lexicon.linked_names, word_strings=strings,
    )
