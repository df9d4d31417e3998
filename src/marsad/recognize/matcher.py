"""One Aho-Corasick pass over normalized text for every lexicon entry and place name.

The automaton holds every form of the lexicon (actors, triggers, cues) and every key of
the gazetteer. A hit counts only on word boundaries, with the clitics of the text layer:
a proclitic chain may precede it ("وبالقائم"), an enclitic pronoun may follow it
("قواته"), and a form written with the article needs the article in the chain
("للقوات" finds "القوات", "قوات" alone does not). Among hits that overlap, the longest
wins; hits of the same span all stay (a country is both a place and an actor's metonym).

Scraped news glues words together ("مراسلالميادين", "فيحقل"): a hit of four letters or
more may also start right after a glued "ال" or "في" and end right before one; these
relaxed hits are what lets the rest of the pipeline read such text at all.

Speed: news repeats its words, and everything above except multi-word forms and tails
looks no further than the word (maximal run of letters and digits) a hit lies in. So
`hits` reads each spelling once: what a word yields on its own (`_Word`: raw hits,
verified hits, their overlaps resolved) is memoized on the matcher, and only the forms
that span several words (a second, small automaton), tails, and the words they touch are
verified and resolved in the text itself. `hits_direct` is the plain one-pass reading of
the rules above; `hits` returns exactly what it returns (the tests check this).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from marsad.lexicon.model import Entry, Lexicon
from marsad.text.clitics import PROCLITIC_CHAINS, enclitic_forms, proclitics_at, suffix_ok
from marsad.text.unglue import GlueWords

__all__ = ["Hit", "Matcher", "build_matcher", "words_of"]

#: Glued function words after which (or before which) a long hit may still start (end).
_GLUE_BEFORE = ("في", "علي", "الي", "من", "عن", "ال")
_GLUE_AFTER = ("في", "علي", "الي", "من", "عن", "ال", "لل", "ب", "و")
_MIN_GLUED = 4
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
_BETWEEN = re.compile(r"([\W_]+)")  # what lies between two runs of `[^\W_]+` (kept by `split`)
#: how many spellings a matcher remembers before it starts over (bounds its memory)
_MEMO_SIZE = 50_000
_CHAIN_LENGTHS = tuple(sorted({len(c) for c in PROCLITIC_CHAINS}))
_CHAIN_LETTERS = frozenset("وفبكلسا")
_TAILS = operator.attrgetter("tails")


def _starts(text: str) -> set[int]:
    """Offsets where a hit may start: word starts, and the ends of proclitic chains and
    of the glue words ("ال", "في") at word starts."""
    out: set[int] = set()
    for m in _WORD_START.finditer(text):
        w = m.start()
        out.add(w)
        if text[w] in _CHAIN_LETTERS:
            for k in _CHAIN_LENGTHS:
                if text[w:w + k] in PROCLITIC_CHAINS:
                    out.add(w + k)
        elif text.startswith("في", w):
            out.add(w + 2)
    # glued definite words anywhere ("مراسلالميادين"): after any "ال" inside a word
    start = text.find("ال")
    while start != -1:
        out.add(start + 2)
        start = text.find("ال", start + 2)
    return out
_ARTICLE_OPTIONAL = {"means", "target", "fatality", "partial", "relation",
                     "place_keep", "place_drop", "reason"}
_MIN_PLACE = 3
#: feature words of a town or an admin unit after which a shorter name is read
_SHORT_NAME_FEATURES = ("مدينه", "محافظه", "بلده", "قريه")
#: a short word heading this many gazetteer names or more begins names ("تل", "ام")
_NAME_HEAD = 20


def _short_names(keys: list[str], major: Container[str], words: set[str]) -> list[str]:
    """The keys of major places shorter than `_MIN_PLACE` ("اب": Ibb), read only after a
    feature word: alone, two letters are too often part of another word.

    Words of the lexicon and words that head many names ("تل الكرامه") are left out.
    """
    short = {k for k in keys if len(k) < _MIN_PLACE and k in major and k not in words}
    if not short:
        return []
    heads: dict[str, int] = {}
    for k in keys:
        first, space, _ = k.partition(" ")
        if space and first in short:
            heads[first] = heads.get(first, 0) + 1
    return sorted(k for k in short if heads.get(k, 0) < _NAME_HEAD)


@dataclass(frozen=True, slots=True)
class Hit:
    """A verified lexicon hit in normalized text."""

    start: int  # where the form (with its written article) starts
    end: int  # where the form (with its tail words) ends
    token_start: int  # where the word starts, proclitics included
    token_end: int  # where the word ends, enclitic included
    entry: Entry
    proclitics: tuple[str, ...]


#: The slots of `Hit`, set directly: a frozen dataclass's __init__ goes through
#: object.__setattr__ per field, twice the cost, and `hits` makes ~250 hits per article.
_HIT_SLOTS = tuple(getattr(Hit, f).__set__ for f in
                   ("start", "end", "token_start", "token_end", "entry", "proclitics"))


def _hit(start: int, end: int, token_start: int, token_end: int, entry: Entry,
         proclitics: tuple[str, ...]) -> Hit:
    """`Hit(start, end, token_start, token_end, entry, proclitics)`, made faster."""
    hit = object.__new__(Hit)
    s0, s1, s2, s3, s4, s5 = _HIT_SLOTS
    s0(hit, start)
    s1(hit, end)
    s2(hit, token_start)
    s3(hit, token_end)
    s4(hit, entry)
    s5(hit, proclitics)
    return hit


#: A hit before it becomes a `Hit`: (start, end, token_start, token_end, entry, proclitics,
#: raw end, raw start, entry index). The last three order the hits of one span as the
#: automaton finds them (by raw end, then longest first), which is the order `hits` keeps.
_Item = tuple[int, int, int, int, Entry, tuple[str, ...], int, int, int]
#: an automaton hit: [start, end) and the (entry, needs an enclitic) pairs of its form
_Raw = tuple[int, int, tuple[tuple[Entry, bool], ...]]


@dataclass(frozen=True, slots=True)
class _Word:
    """What one spelling yields on its own, at offsets relative to its first letter."""

    starts: frozenset[int]  # where a hit may start (`_starts`); len(word) when a chain ends there
    long_starts: frozenset[int]  # where raw forms of `_MIN_GLUED` letters or more start
    long_ends: frozenset[int]  # ... and end
    raw: tuple[_Raw, ...]
    raw_starts: frozenset[int]  # where raw forms start
    raw_ends: frozenset[int]  # ... and end
    verified: tuple[_Item, ...]  # overlaps not resolved; hits with a tail left out
    kept: tuple[tuple[int, int, int, int, Entry, tuple[str, ...]], ...]  # verified, resolved
    tails: tuple[_Item, ...]  # verified up to their tail, which lies outside the word


class _Positions:
    """A set of offsets of a text, asked one offset at a time: `extra`, plus the offsets
    where the word holding one has it in its own `fields` (`starts`, `ends` and `allowed`
    of `hits_direct`, without building them for the whole text)."""

    __slots__ = ("_ends", "_extra", "_fields", "_infos", "_starts")

    def __init__(self, word_starts: list[int], word_ends: list[int], infos: list[_Word],
                 fields: tuple[str, ...], extra: set[int]) -> None:
        self._starts = word_starts
        self._ends = word_ends
        self._infos = infos
        self._fields = fields
        self._extra = extra

    def __contains__(self, p: object) -> bool:
        if p in self._extra:
            return True
        assert isinstance(p, int)
        # the one word with start <= p <= end: words are at least one character apart
        i = bisect.bisect_right(self._starts, p) - 1
        if i < 0 or p > self._ends[i]:
            return False
        x = p - self._starts[i]
        info = self._infos[i]
        return any(x in getattr(info, f) for f in self._fields)


class Matcher:
    """The automaton of a lexicon plus a gazetteer's names."""

    def __init__(self, lexicon: Lexicon, place_keys: Iterable[str] = (),
                 major: Container[str] = (), glue: GlueWords | None = None) -> None:
        self.lexicon = lexicon
        #: the known words that split words a web page glued (text.unglue); None: only
        #: the lexicon's linked names are split
        self.glue = glue
        index: dict[str, list[tuple[Entry, bool]]] = {}
        lexicon_forms: set[str] = set(lexicon.common_words)
        for entry in lexicon.entries:
            if entry.kind not in ("metonym", "adjective", "place_name"):
                lexicon_forms.add(entry.form)
            for form, needs_enclitic in enclitic_forms(entry.form):
                index.setdefault(form, []).append((entry, needs_enclitic))
        place_keys = list(place_keys)
        for key in _short_names(place_keys, major, lexicon_forms):
            # "مدينة إب": a name too short to be read alone is read after a feature word
            for feature in _SHORT_NAME_FEATURES:
                entry = Entry(form=f"{feature} {key}", kind="place", value=key,
                              attrs=(("common", False), ("major", True)))
                index.setdefault(entry.form, []).append((entry, False))
        for key in place_keys:
            form = key[2:] if key.startswith("ال") and len(key) > 4 else key
            if len(form) < _MIN_PLACE:
                continue
            entry = Entry(form=form, kind="place", value=key,
                          attrs=(("common", form in lexicon_forms), ("major", key in major)))
            index.setdefault(form, []).append((entry, False))
        self._automaton = ahocorasick.Automaton()
        # the forms that are not one run of letters and digits ("قوات النظام"): no word
        # holds them, so `hits` finds them with an automaton of their own
        self._spanning = ahocorasick.Automaton()
        for form, entries in index.items():
            self._automaton.add_word(form, (form, tuple(entries)))
            if not form.isalnum():
                self._spanning.add_word(form, (form, tuple(entries)))
        self._automaton.make_automaton()
        self._spanning.make_automaton()
        self._memo: dict[str, _Word] = {}

    def hits(self, text: str, words: Sequence[tuple[int, int]] | None = None) -> list[Hit]:
        """Every verified hit in normalized `text`, overlaps resolved (longest wins).

        `words` are the spans of the runs of letters and digits of `text` (`[^\\W_]+`),
        when the caller has them already.
        """
        if words is None:
            return self.hits_of(text, *words_of(text))
        return self.hits_of(text, [text[a:b] for a, b in words], [w[0] for w in words],
                            [w[1] for w in words])

    def hits_of(self, text: str, strings: list[str], starts: list[int], ends: list[int]) -> list[Hit]:
        """`hits`, given the words of `text` as `words_of` returns them."""
        memo = self._memo
        # every spelling is looked up in C; only the few new ones are read in Python
        infos: list[_Word] = list(map(memo.get, strings))
        if not all(infos):  # (`None in infos` would call `_Word.__eq__` per word)
            for k, info in enumerate(infos):
                if info is None:
                    w = strings[k]
                    info = memo.get(w)  # the same new spelling twice in one text
                    if info is None:
                        if len(memo) >= _MEMO_SIZE:
                            memo.clear()
                        info = memo[w] = self._word(w)
                    infos[k] = info
        spanning: list[_Raw] = []
        if self._spanning.kind != ahocorasick.EMPTY:
            spanning = [(e + 1 - len(form), e + 1, entries)
                        for e, (form, entries) in self._spanning.iter(text)]
        if not spanning and not any(map(_TAILS, infos)):
            out: list[Hit] = []
            _emit(out, starts, infos, 0, len(infos))
            return out
        return self._hits_in_context(text, starts, ends, infos, spanning)

    def hits_direct(self, text: str) -> list[Hit]:
        """`hits` read straight off one pass of the automaton over `text`: the plain form
        of the rules, slower (every raw hit verified in place); `hits` must equal it."""
        raw = [(e + 1 - len(form), e + 1, entries) for e, (form, entries) in self._automaton.iter(text)]
        starts = {a for a, b, _ in raw if b - a >= _MIN_GLUED}
        ends = {b for a, b, _ in raw if b - a >= _MIN_GLUED}
        items = self._verify_all(text, raw, _starts(text) | ends, starts, ends, None)
        return [Hit(*item[:6]) for item in _resolve(items)]

    def _word(self, w: str) -> _Word:
        """What the spelling `w` yields when it stands alone between non-letters."""
        raw = tuple((e + 1 - len(form), e + 1, entries) for e, (form, entries) in self._automaton.iter(w))
        long_starts = frozenset(a for a, b, _ in raw if b - a >= _MIN_GLUED)
        long_ends = frozenset(b for a, b, _ in raw if b - a >= _MIN_GLUED)
        starts = frozenset(_starts(w))
        tails: list[_Item] = []
        verified = self._verify_all(w, raw, starts | long_ends, long_starts, long_ends, tails)
        kept = tuple(item[:6] for item in _resolve(list(verified)))
        return _Word(starts, long_starts, long_ends, raw, frozenset(a for a, _, _ in raw),
                     frozenset(b for _, b, _ in raw), tuple(verified), kept, tuple(tails))

    def _hits_in_context(self, text: str, word_starts: list[int], word_ends: list[int],
                         infos: list[_Word], spanning: list[_Raw]) -> list[Hit]:
        """`hits` where forms span words or tails follow: the words those touch are verified
        in `text` and resolved together with them; the other words keep what they yield alone."""

        def touched(a: int, b: int) -> range:
            """Indices of the words sharing a character with [a, b)."""
            return range(bisect.bisect_right(word_ends, a), bisect.bisect_left(word_starts, b))

        # A spanning form's start joins `starts` and its end `ends`: the few words where
        # that matters (a raw hit of theirs ends where the form starts, or starts where it
        # ends) are verified again in the text. The words around a spanning form give
        # `starts`, `ends` and `allowed` their positions for its own verification.
        long = [(a, b) for a, b, _ in spanning if b - a >= _MIN_GLUED]
        dirty: set[int] = set()
        for a, b in long:
            for i in touched(a - 1, a + 1):
                x = a - word_starts[i]
                if x not in infos[i].long_starts and x in infos[i].raw_ends:
                    dirty.add(i)
            for i in touched(b - 1, b + 1):
                x = b - word_starts[i]
                if x not in infos[i].long_ends and x in infos[i].raw_starts:
                    dirty.add(i)
        span_ends = {b for _, b in long}
        starts = _Positions(word_starts, word_ends, infos, ("long_starts",), {a for a, _ in long})
        ends = _Positions(word_starts, word_ends, infos, ("long_ends",), span_ends)
        allowed = _Positions(word_starts, word_ends, infos, ("starts", "long_ends"), span_ends)
        # hits reaching beyond their word (spanning forms, tails) are resolved with the
        # hits of every word they touch
        wide = self._verify_all(text, spanning, allowed, starts, ends, None)
        local: dict[int, list[_Item]] = {}
        for i in sorted(dirty):
            ws = word_starts[i]
            raw = [(a + ws, b + ws, entries) for a, b, entries in infos[i].raw]
            items = self._verify_all(text, raw, allowed, starts, ends, None)
            local[i] = [it for it in items if not it[4].tail]
            wide.extend(it for it in items if it[4].tail)
        # the few words with a tail, picked in C (an article has ~400 words, ~2 with tails)
        for i in itertools.compress(range(len(infos)), map(_TAILS, infos)):
            if i not in dirty:
                ws = word_starts[i]
                for s, _, ts, te, entry, parts, b, a, k in infos[i].tails:
                    end = _match_tail(text, ws + te, entry.tail)
                    if end is not None:
                        wide.append((ws + s, end, ws + ts, end, entry, parts, ws + b, ws + a, k))
        spans = [(word_starts[i], word_ends[i]) for i in dirty]
        for item in wide:
            r = touched(item[0], item[1])
            lo = min(item[0], word_starts[r[0]]) if r else item[0]
            hi = max(item[1], word_ends[r[-1]]) if r else item[1]
            spans.append((lo, hi))
        clusters: list[list[int]] = []  # [lo, hi] of groups of spans sharing characters
        for lo, hi in sorted(spans):
            if clusters and lo < clusters[-1][1]:
                clusters[-1][1] = max(clusters[-1][1], hi)
            else:
                clusters.append([lo, hi])
        lows = [c[0] for c in clusters]
        members: list[list[_Item]] = [[] for _ in clusters]
        for item in wide:
            members[bisect.bisect_right(lows, item[0]) - 1].append(item)
        out: list[Hit] = []
        done = 0  # words emitted
        for (lo, hi), group in zip(clusters, members, strict=True):
            inside = touched(lo, hi)
            _emit(out, word_starts, infos, done, inside.start)
            for i in inside:
                if i in local:
                    group.extend(local[i])
                    continue
                ws = word_starts[i]
                group.extend((s + ws, e + ws, ts + ws, te + ws, entry, parts, b + ws, a + ws, k)
                             for s, e, ts, te, entry, parts, b, a, k in infos[i].verified)
            out.extend(_hit(*item[:6]) for item in _resolve(group))
            done = max(done, inside.stop)
        _emit(out, word_starts, infos, done, len(infos))
        return out

    def _verify_all(self, text: str, raw: Iterable[_Raw], allowed: Container[int],
                    starts: Container[int], ends: Container[int],
                    tails: list[_Item] | None) -> list[_Item]:
        """The verified hits of `raw` (raw hits starting where `allowed`). A hit with a tail
        goes to `tails` unmatched when that is given, else its tail is matched in `text`."""
        found: list[_Item] = []
        lefts: dict[int, tuple[int, tuple[str, ...], bool] | None] = {}
        rights: dict[tuple[int, bool], int | None] = {}
        for a, b, entries in raw:
            if a not in allowed:
                continue
            if a not in lefts:
                lefts[a] = proclitics_at(text, a)
            for k, (entry, needs_enclitic) in enumerate(entries):
                got = self._verify(text, a, b, entry, needs_enclitic, starts, ends, lefts[a], rights)
                if got is None:
                    continue
                start, end, token_start, token_end, parts = got
                if entry.tail:
                    if tails is not None:
                        tails.append((start, end, token_start, token_end, entry, parts, b, a, k))
                        continue
                    end = _match_tail(text, token_end, entry.tail)
                    if end is None:
                        continue
                    token_end = end
                found.append((start, end, token_start, token_end, entry, parts, b, a, k))
        return found

    def _verify(self, text: str, a: int, b: int, entry: Entry, needs_enclitic: bool,
                starts: Container[int], ends: Container[int],
                left: tuple[int, tuple[str, ...], bool] | None,
                rights: dict[tuple[int, bool], int | None],
                ) -> tuple[int, int, int, int, tuple[str, ...]] | None:
        """(start, end, token start, token end, proclitics) of a raw hit, its tail not read."""
        place = entry.kind == "place"
        has_article = False
        if left is not None:
            token_start, parts, has_article = left
            # Gazetteer keys come without their article, and cue words take it freely
            # ("بالطائرات المسيرة"); actor names are written with it or without it.
            optional = place or (entry.kind in _ARTICLE_OPTIONAL and not entry.article)
            if (not optional and entry.article != has_article) or (
                    "س" in parts and entry.kind != "trigger") or (place and "ك" in parts):
                # the future prefix only goes before verbs; "ك" before a town name is
                # rare, before a word that starts like one common ("كبيرة", "كامل")
                left = None
        if left is None:
            token_start, parts = self._glued_left(text, a, entry)
            if token_start is None:
                if a not in ends or b - a < _MIN_GLUED:
                    return None
                token_start, parts = a, ()
            has_article = parts == ("ال",)
        start = a - 2 if has_article and text[a - 2 : a] == "ال" else a
        if entry.prefix:
            token_end = b
            while token_end < len(text) and text[token_end].isalnum():
                token_end += 1
        elif place and b < len(text) and text[b].isalnum():
            # places take no possessive pronoun: "السلطه" is not "السلط" + ه
            if b not in starts or b - a < _MIN_GLUED:
                return None
            token_end = b
        else:
            key = (b, needs_enclitic)
            if key not in rights:
                rights[key] = suffix_ok(text, b, needs_enclitic)
            token_end = rights[key]
            if token_end is None:
                if needs_enclitic or len(entry.form) < _MIN_GLUED:
                    return None
                rest = text[b : b + 3]
                if not rest.startswith(_GLUE_AFTER) and b not in starts:
                    return None
                token_end = b
        end = token_end if entry.prefix else b
        return start, end, token_start, token_end, parts  # type: ignore[return-value]

    @staticmethod
    def _glued_left(text: str, a: int, entry: Entry) -> tuple[int | None, tuple[str, ...]]:
        """Accept a long hit glued to the word before it ("مراسلالميادين", "فيحقل")."""
        if len(entry.form) < _MIN_GLUED or a == 0:
            return None, ()
        if entry.article:
            if text[a - 2 : a] == "ال" and a >= 3 and text[a - 3].isalnum():
                return a - 2, ("ال",)
            return None, ()
        for glue in _GLUE_BEFORE[:-1]:
            g = a - len(glue)
            if g >= 0 and text[g:a] == glue and (g == 0 or not text[g - 1].isalnum()):
                return g, (glue,)
        return None, ()


def _match_tail(text: str, pos: int, tail: Sequence[tuple[str, bool]]) -> int | None:
    """Match the words of an entry's tail after `pos`; the end of the last, or None."""
    n = len(text)
    for word, may_go_on in tail:
        while pos < n and text[pos] == " ":
            pos += 1
        start = pos
        while pos < n and text[pos].isalnum():
            pos += 1
        token = text[start:pos]
        if not token:
            return None
        for chain in ("", "و", "ب", "ل", "ال", "بال", "وال", "لل", "وب", "ول"):
            if token.startswith(chain) and (
                token[len(chain):] == word or (may_go_on and token[len(chain):].startswith(word))
            ):
                break
        else:
            return None
    return pos


def _resolve(items: list[_Item]) -> list[_Item]:
    """Keep the longest hits; drop a hit inside (or crossing) a longer kept one.

    Hits of the same span all stay. The result is in text order (start, end), hits of one
    span in the order the automaton found them.
    """
    if not items:
        return []
    items.sort(key=lambda h: (h[0] - h[1], h[0], h[6], h[7], h[8]))
    kept = _keep_few(items) if len(items) <= _FEW else _keep_many(items)
    kept.sort(key=lambda h: (h[0], h[1], h[6], h[7], h[8]))
    return kept


#: up to this many hits, `_resolve` compares spans pairwise instead of mapping characters:
#: the common case (a spanning form and the hits of the two or three words it touches,
#: or the hits of one word), where building the map costs more than the comparisons
_FEW = 24


def _keep_many(items: list[_Item]) -> list[_Item]:
    """The hits `_resolve` keeps of `items` (sorted longest first), in that order.

    Linear in the number of hits: kept spans never overlap (except equal ones), so a
    coverage map of kept positions answers "is this span free" by looking at its own
    characters only.
    """
    owner: dict[int, tuple[int, int]] = {}  # character offset -> kept span covering it
    kept: list[_Item] = []
    for item in items:
        span = (item[0], item[1])
        covering = {owner[i] for i in range(item[0], item[1]) if i in owner}
        if covering and covering != {span}:
            continue
        if not covering:
            for i in range(item[0], item[1]):
                owner[i] = span
        kept.append(item)
    return kept


def _keep_few(items: list[_Item]) -> list[_Item]:
    """`_keep_many` for a few `items`: the same rule, each span compared with the kept
    spans (pairwise disjoint, so at most one of them equals it) instead of a character map."""
    spans: list[tuple[int, int]] = []  # the kept spans that cover characters
    kept: list[_Item] = []
    for item in items:
        s, e = item[0], item[1]
        covering = [k for k in spans if k[0] < e and s < k[1]] if s < e else []
        if not covering:
            if s < e:
                spans.append((s, e))
        elif covering != [(s, e)]:
            continue  # inside or crossing a longer kept hit
        kept.append(item)
    return kept


def _emit(out: list[Hit], word_starts: list[int], infos: list[_Word], i: int, j: int) -> None:
    """Append the hits of words i to j - 1 on their own to `out` (`_hit`, inlined: the hot loop)."""
    new = object.__new__
    s0, s1, s2, s3, s4, s5 = _HIT_SLOTS
    append = out.append
    for k in range(i, j):
        kept = infos[k].kept
        if kept:
            ws = word_starts[k]
            for s, e, ts, te, entry, parts in kept:
                hit = new(Hit)
                s0(hit, s + ws)
                s1(hit, e + ws)
                s2(hit, ts + ws)
                s3(hit, te + ws)
                s4(hit, entry)
                s5(hit, parts)
                append(hit)


def words_of(text: str) -> tuple[list[str], list[int], list[int]]:
    """The runs of letters and digits (`[^\\W_]+`) of `text`: their strings, starts and ends."""
    # one split on the runs between words, the offsets summed in C: no match object per word
    parts = _BETWEEN.split(text)  # word, gap, word, ... (the first and last word may be "")
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    strings, starts, ends = parts[0::2], offsets[0::2], offsets[1::2]
    if not strings[-1]:
        strings.pop()
    if strings and not strings[0]:
        del strings[0], starts[0], ends[0]
    del starts[len(strings):], ends[len(strings):]
    return strings, starts, ends


def build_matcher(lexicon: Lexicon, gazetteer: object | None = None,
                  glue: GlueWords | None = None) -> Matcher:
    """The matcher for `lexicon` plus, when given, every name key of `gazetteer`.

    Keys of major places (cities, countries, admin units, seas, sites; `geo.gazetteer.MAJOR_FEATURES`)
    are flagged: the news names those without a locative word before them.
    """
    if gazetteer is None:
        return Matcher(lexicon, glue=glue)
    keys = list(gazetteer.keys())  # type: ignore[attr-defined]
    return Matcher(lexicon, keys, gazetteer.major_keys(), glue)  # type: ignore[attr-defined]
