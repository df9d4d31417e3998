"""What an article says about where it is: sentences, admin and country names, their cues.

`DocContext.of(norm, gazetteer)` scans a normalized article once with an Aho-Corasick
automaton over the names of countries, governorates, districts, sub-districts and cities,
keeping for each hit the cue word before it ("ريف", "محافظة", "غرب"...). The resolver
reads it for every mention of the article; the gazetteer keeps the last few scans.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import is_, itemgetter, sub

import ahocorasick

from marsad.geo.names import FEATURE_WORDS
from marsad.geo.place import Place
from marsad.model import NormText, PlaceMatch

#: Features whose names are scanned as context.
CONTEXT_FEATURES = frozenset({"country", "governorate", "district", "subdistrict", "city"})

#: What may stand glued before a name in a word: conjunctions, prepositions, the article.
PROCLITICS = frozenset({
    "", "ال", "و", "ب", "ل", "ف", "ك", "وال", "بال", "فال", "كال", "لل", "ول", "وب", "فب",
    "وبال", "ولل", "فل", "وك", "وكال",
})

#: Relation words: the place is near / part of / around the named one (ACLED precision 2).
RELATION_WORDS = frozenset({
    "ريف", "ارياف", "ريفي", "جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي",
    "جنوبا", "شمالا", "شرقا", "غربا", "محيط", "قرب", "اطراف", "مشارف", "ضواحي", "تخوم",
    "باديه", "بساتين", "مداخل", "مدخل", "جوار", "حول", "مقربه", "محاذاه", "قباله", "ضفاف",
    "محور", "محاور",
})
_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3a-z0-9]")
_SENTENCE_END = re.compile(r"[.!?\n]+")
_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A context name found in the article: where, which places, what stood before it."""

    start: int
    end: int
    places: tuple[Place, ...]
    cue: str | None
    #: every id and alias id of `places`
    ids: frozenset[str] = frozenset()
    #: what is glued before the name in its word ("ب" in "بدير الزور")
    proclitic: str = ""


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """A sentence's hits with running unions of their ids, so that "every unit named in the
    sentence except the mention itself" is two set unions instead of a loop per mention."""

    hits: list[Hit]
    ends: list[int]
    #: prefix[k]: ids of hits[:k] (cue "مع" excluded: "الحدودي مع سوريا" does not locate)
    prefix: list[frozenset[str]]
    #: suffix[k]: ids of hits[k:]
    suffix: list[frozenset[str]]
    #: (hit index, ids of the hit, lat, lon) of each city named in the sentence
    cities: list[tuple[int, frozenset[str], float, float]]
    #: `cities` without the hit index: what a mention that is no city of its own reads
    city_points: list[tuple[frozenset[str], float, float]]

    @classmethod
    def of(cls, hits: list[Hit]) -> SentenceInfo:
        """Index the hits of one sentence."""
        n = len(hits)
        prefix = [frozenset()] * (n + 1)
        suffix = [frozenset()] * (n + 1)
        for k, h in enumerate(hits):
            prefix[k + 1] = prefix[k] if h.cue == "مع" else prefix[k] | h.ids
        for k in range(n - 1, -1, -1):
            h = hits[k]
            suffix[k] = suffix[k + 1] if h.cue == "مع" else suffix[k + 1] | h.ids
        cities = [(k, h.ids, u.lat, u.lon) for k, h in enumerate(hits) for u in h.places
                  if u.feature == "city"]
        return cls(hits, [h.end for h in hits], prefix, suffix, cities,
                   [(ids, lat, lon) for _, ids, lat, lon in cities])

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The range [i, j) of hits overlapping [start, end)."""
        i = bisect.bisect_right(self.ends, start)
        j = i
        while j < len(self.hits) and self.hits[j].start < end:
            j += 1
        return i, j


@dataclass(slots=True)
class DocContext:
    """One scan of an article: sentence starts and context hits in text order."""

    norm: NormText
    sentence_starts: list[int]
    hits: list[Hit]
    hit_starts: list[int]
    #: how many hits carry each place id (for "named elsewhere in the article")
    id_counts: Counter[str]
    #: the country the article is mostly about (most country and admin names)
    country: str | None
    #: per sentence start: what the resolver reads of it (filled on first use)
    sentence_infos: dict[int, SentenceInfo] = field(default_factory=dict)
    #: (ids, lat, lon) of each city the article names, one per city (see `cities_named`)
    _city_points: list[tuple[frozenset[str], float, float]] | None = None
    #: place id -> its distance class to the article's cities (see `resolve._near_article`)
    near: dict[str, int] = field(default_factory=dict)
    #: (resolved places, their ids, their points) of the last mention (see `resolved_sets`)
    _resolved: tuple[tuple[PlaceMatch, ...], set[str], dict[tuple[float, float], None]] | None = None

    def resolved_sets(self, resolved: tuple[PlaceMatch, ...]
                      ) -> tuple[set[str], dict[tuple[float, float], None]]:
        """The ids and the points (each once, in order) of the places resolved before a mention.

        An extractor resolves an article's mentions in order, each with the places resolved
        before it: when `resolved` extends the last mention's, only the new places are read.
        The sets returned are new ones (callers may keep them).
        """
        last = self._resolved
        if last is not None and len(last[0]) <= len(resolved) and all(map(is_, last[0], resolved)):
            ids, points = set(last[1]), dict(last[2])
            new = resolved[len(last[0]) :]
        else:
            ids, points = set(), {}
            new = resolved
        for m in new:
            if m.place_id:
                ids.add(m.place_id)
                # one point per place: an article names the same town again and again
                points[(m.lat, m.lon)] = None
        self._resolved = (resolved, ids, points)
        return ids, points

    def cities_named(self) -> list[tuple[frozenset[str], float, float]]:
        """(ids, lat, lon) of every city named anywhere in the article, each once."""
        points = self._city_points
        if points is None:
            seen: dict[str, tuple[frozenset[str], float, float]] = {}
            for h in self.hits:
                if h.cue == "مع":
                    continue  # "الحدودي مع سوريا": a neighbour, not where the article is
                for u in h.places:
                    if u.feature == "city":
                        seen.setdefault(u.id, (h.ids, u.lat, u.lon))
            points = self._city_points = list(seen.values())
        return points

    def sentence(self, pos: int) -> tuple[int, int]:
        """The [start, end) of the sentence holding normalized offset `pos`."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[max(i, 0)]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.norm.text)
        return start, end

    def sentence_info(self, start: int, end: int) -> SentenceInfo:
        """The context hits of the sentence [start, end), indexed once per sentence."""
        info = self.sentence_infos.get(start)
        if info is None:
            info = self.sentence_infos[start] = SentenceInfo.of(self.hits_in(start, end))
        return info

    def where(self, start: int, end: int) -> tuple[SentenceInfo, int, int, int]:
        """For a mention at [start, end): its sentence's info, the range [i, j) of the hits
        it overlaps there, and the sentence's end (`sentence`, `sentence_info`, `around`)."""
        starts = self.sentence_starts
        k = bisect.bisect_right(starts, start) - 1
        s_start = starts[max(k, 0)]
        s_end = starts[k + 1] if k + 1 < len(starts) else len(self.norm.text)
        info = self.sentence_infos.get(s_start)
        if info is None:
            info = self.sentence_infos[s_start] = SentenceInfo.of(self.hits_in(s_start, s_end))
        hits = info.hits
        i = j = bisect.bisect_right(info.ends, start)
        while j < len(hits) and hits[j].start < end:
            j += 1
        return info, i, j, s_end

    def hits_in(self, start: int, end: int) -> list[Hit]:
        """Context hits inside [start, end)."""
        i = bisect.bisect_left(self.hit_starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            out.append(self.hits[i])
            i += 1
        return out


def word_before(text: str, pos: int, limit: int = 3) -> list[str]:
    """Up to `limit` words ending before `pos`, nearest first, proclitics and ال kept."""
    window = text[max(0, pos - 60) : pos]
    words = _WORD.findall(window)
    return list(reversed(words[-limit:]))


#: Glued conjunctions/prepositions/articles `strip_clitics` drops, first match wins.
_CLITIC_PREFIXES = ("وبال", "فبال", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "ال", "و", "ب", "ل", "ف")
_CLITIC = re.compile("^(?:" + "|".join(_CLITIC_PREFIXES) + ")(?=..)")


def strip_clitics(word: str) -> str:
    """Drop a leading conjunction/preposition and article: "وبريف" -> "ريف"."""
    m = _CLITIC.match(word)
    if m is None:
        return word
    rest = word[m.end() :]
    if m.end() == 1 and rest.startswith("ال") and len(rest) > 3:
        rest = rest[2:]
    return rest


#: a sentence longer than this (a page with no punctuation) is read in windows of about
#: this size, so that what the resolver indexes per sentence stays small and resolving
#: stays linear in the article's length
_MAX_SENTENCE = 2000


def _bounded_starts(starts: list[int], text: str) -> list[int]:
    """Sentence starts with extra starts inside sentences longer than `_MAX_SENTENCE`."""
    out: list[int] = []
    bounds = [*starts, len(text)]
    for a, b in itertools.pairwise(bounds):
        out.append(a)
        pos = a + _MAX_SENTENCE
        while pos < b - _MAX_SENTENCE // 2:
            space = text.find(" ", pos, b)
            if space < 0:
                break
            out.append(space + 1)
            pos = space + 1 + _MAX_SENTENCE
    return out


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts (long ones cut by `_bounded_starts`)."""
    n = len(text)
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if ends and ends[-1] == n:
        ends.pop()  # matches do not overlap: only the last one can end the text
    starts = [0, *ends]
    # `_bounded_starts` adds starts only inside a sentence over 1.5 `_MAX_SENTENCE`s long
    if n > _MAX_SENTENCE + _MAX_SENTENCE // 2 and max(
            map(sub, [*ends, n], starts)) > _MAX_SENTENCE + _MAX_SENTENCE // 2:
        starts = _bounded_starts(starts, text)
    return starts


def scan(norm: NormText, automaton: ahocorasick.Automaton,
         common: frozenset[str] = frozenset(), outlets: frozenset[str] = frozenset()
         ) -> DocContext:
    """Sentences and context hits of one normalized article.

    A name right after one of the `outlets` nouns (the lexicon's `outlet_nouns`: "مراسل
    الميادين", "قناة حلب") names the outlet, not a place the article is about: it is
    skipped; so is one of the
    `common` words (ordinary words that are also place names: "خمس", "فجر", "انه") unless
    a feature word stands before it ("مدينة خمس"), as the recognizer reads them.
    `automaton` maps a name to `context_value(name, places)`.
    """
    text = norm.text
    starts = _sentence_starts(text)
    hits: list[Hit] = []
    #: country -> its count, in the order first counted (ties: the first counted wins)
    countries: dict[str, int] = {}
    if len(automaton) and text:
        n = len(text)
        # `pattern.match(text, pos)` reads the text in place: no one-character slices
        letter = _LETTER.match
        raw = []
        # iter_long's matches come in text order without overlaps; kept True while the
        # kept ones still do, so that the sort and the overlap test below can be skipped
        ordered = True
        prev_end = -1
        for end_idx, value in automaton.iter_long(text):
            end = end_idx + 1
            if end < n and letter(text, end):
                continue
            start = end - value[0]
            # the letters glued before the name: more than a proclitic's four is no proclitic,
            # so the walk back stops at five
            ws = start
            stop = start - 5 if start > 5 else 0
            while ws > stop and letter(text, ws - 1):
                ws -= 1
            proclitic = text[ws:start] if ws < start else ""
            if proclitic not in PROCLITICS:
                continue
            if start < prev_end:
                ordered = False
            prev_end = end
            raw.append((start, end, value, proclitic))
        if not ordered:
            # Longest match wins where hits overlap ("ريف دمشق" over "دمشق").
            raw.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        # the word before a name is the first word of the reversed text after it: one
        # `search` instead of listing every word of the 60 characters before the name
        rtext = text[::-1]
        search = _WORD.search
        cues: dict[str, str] = {}
        last_end = -1
        for start, end, (_, places, ids, weights), proclitic in raw:
            if start < last_end:
                continue
            last_end = end
            rpos = n - start + len(proclitic)  # `word_before(text, start - len(proclitic), 1)`
            m = search(rtext, rpos, rpos + 60)
            if m is None:
                word = cue = None
            else:
                word = m.group()[::-1]
                cue = cues.get(word)
                if cue is None:
                    cue = cues[word] = strip_clitics(word)
                if cue in outlets or word in outlets:  # "وكاله" is no و + "كاله"
                    continue
            if common and cue not in FEATURE_WORDS and (
                text[start:end] in common or proclitic + text[start:end] in common
            ):
                continue
            hits.append(Hit(start, end, places, cue, ids, proclitic))
            for c, w in weights:
                countries[c] = countries.get(c, 0) + w
    id_counts: Counter[str] = Counter(chain.from_iterable([h.ids for h in hits]))
    # `Counter.most_common(1)`: the first of the highest counts
    country = max(countries.items(), key=itemgetter(1))[0] if countries else None
    return DocContext(norm, starts, hits, [h.start for h in hits], id_counts, country)


def context_value(name: str, places: tuple[Place, ...]) -> tuple:
    """What a scan automaton holds for a name: its length, its places, their ids, and what
    each adds to the count of its country (2 for a country, 1 for any other place)."""
    return (len(name), places, frozenset(i for p in places for i in p.ids),
            tuple((p.country, 2 if p.feature == "country" else 1) for p in places if p.country))
