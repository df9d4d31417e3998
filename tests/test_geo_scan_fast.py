"""The article scan (`geo.context.scan`) finds what the plain scan it replaced found.

The plain scan is kept here as the reference: it listed every word of the 60 characters
before a name to read its cue, sorted the matches and tested overlaps in every article,
and counted countries and ids hit by hit. Inputs are invented phrases in the style of the
news, built from the gazetteer's own names, clitics, outlet nouns and common words.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.geo import load_gazetteer
from marsad.geo.context import (
    _LETTER,
    _MAX_SENTENCE,
    _SENTENCE_END,
    _WORD,
    FEATURE_WORDS,
    PROCLITICS,
    DocContext,
    Hit,
    _bounded_starts,
    _sentence_starts,
    context_value,
    scan,
    strip_clitics,
)
from marsad.geo.gazetteer import _context_automaton
from marsad.text.normalize import normalize_text

NO_OVERLAY = Path("/nonexistent/overlay.tsv")
COMMON = frozenset({"خمس", "فجر", "انه", "وانه", "دانا"})
OUTLETS = frozenset({"مراسل", "قناه", "وكاله", "مصادر"})


def _scan_reference(norm, automaton, common=frozenset(), outlets=frozenset()):  # type: ignore[no-untyped-def]
    """The scan as first written (automaton values: (length, places, ...))."""
    text = norm.text
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    starts = _bounded_starts(starts, text)
    hits = []
    countries: Counter[str] = Counter()
    if len(automaton) and text:
        n = len(text)
        letter = _LETTER.match
        raw = []
        for end_idx, (length, places, *_) in automaton.iter_long(text):
            end = end_idx + 1
            if end < n and letter(text, end):
                continue
            start = end - length
            ws = start
            stop = start - 5 if start > 5 else 0
            while ws > stop and letter(text, ws - 1):
                ws -= 1
            proclitic = text[ws:start]
            if proclitic not in PROCLITICS:
                continue
            raw.append((start, end, places, proclitic))
        raw.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        last_end = -1
        for start, end, places, proclitic in raw:
            if start < last_end:
                continue
            last_end = end
            pos = start - len(proclitic)
            before = _WORD.findall(text, pos - 60 if pos > 60 else 0, pos)
            word = before[-1] if before else None
            cue = strip_clitics(word) if word is not None else None
            if cue in outlets or word in outlets:
                continue
            if common and cue not in FEATURE_WORDS and (
                text[start:end] in common or proclitic + text[start:end] in common
            ):
                continue
            hits.append(Hit(start, end, places, cue, frozenset(i for p in places for i in p.ids),
                            proclitic))
            for p in places:
                if p.feature == "country" and p.country:
                    countries[p.country] += 2
                elif p.country:
                    countries[p.country] += 1
    id_counts: Counter[str] = Counter()
    for h in hits:
        id_counts.update(h.ids)
    country = countries.most_common(1)[0][0] if countries else None
    return DocContext(norm, starts, hits, [h.start for h in hits], id_counts, country)


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer(overlay=NO_OVERLAY)


@pytest.fixture(scope="module")
def automaton(gaz):  # type: ignore[no-untyped-def]
    return _context_automaton(gaz._surface)


def _same(fast: DocContext, ref: DocContext) -> None:
    assert fast.sentence_starts == ref.sentence_starts
    assert fast.hits == ref.hits
    assert [h.places for h in fast.hits] == [h.places for h in ref.hits]
    assert list(fast.id_counts.items()) == list(ref.id_counts.items())
    assert fast.country == ref.country


#: names of countries, governorates and cities (some inside others: "ريف دمشق", "دمشق"),
#: ordinary words, cues, outlet nouns and common words
_WORDS = ("سوريا", "العراق", "دمشق", "ريف دمشق", "حلب", "دير الزور", "الميادين", "البوكمال",
          "الانبار", "الموصل", "نينوى", "لبنان", "تركيا", "القائم", "ربيعه", "الرقه",
          "مدينه", "ريف", "قريه", "محافظه", "غرب", "في", "من", "قصف", "الجيش", "مع",
          "الحدودي", "مراسل", "وكاله", "قناه", "مصادر", "خمس", "فجر", "وانه", "بدانا",
          "مقتل", "مدنيين", "الطائرات", "x1", "حلبي", "دمشقيه")
_GLUE = ("", "", "", "و", "ب", "ال", "وال", "بال", "لل", "وبال", "فل", "ك", "كتب")
_SEP = (" ", " ", " ", "، ", ". ", "\n", "! ", " - ", "")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_WORDS), st.sampled_from(_SEP)),
                max_size=40),
       st.sampled_from([frozenset(), COMMON]), st.sampled_from([frozenset(), OUTLETS]))
def test_the_scan_finds_what_the_plain_scan_found(automaton, words, common, outlets):
    text = "".join(g + w + s for g, w, s in words)
    norm = normalize_text(text)
    _same(scan(norm, automaton, common, outlets), _scan_reference(norm, automaton, common, outlets))


def test_long_sentences_are_cut_as_the_plain_scan_cut_them(automaton):
    # no punctuation for 3,000 characters and more: windows inside the sentence
    for n in (100, 400, 420, 500, 1200):
        text = " ".join(itertools.islice(itertools.cycle(_WORDS), n))
        for t in (text, text + ". " + text, "حلب. " + text + "."):
            norm = normalize_text(t)
            _same(scan(norm, automaton), _scan_reference(norm, automaton))
            assert _sentence_starts(t) == _bounded_starts(
                [0, *[m.end() for m in _SENTENCE_END.finditer(t) if m.end() < len(t)]], t)
    # the longest text has no punctuation and is cut in windows (and 500 words are not)
    longest = " ".join(itertools.islice(itertools.cycle(_WORDS), 1200))
    starts = _sentence_starts(longest)
    # 7,097 characters: a window at each space after 2,000 more, the last one of 1,089
    assert len(longest) == 7097 and len(starts) == 4
    assert all(_MAX_SENTENCE <= b - a < _MAX_SENTENCE + 12 for a, b in itertools.pairwise(starts))
    assert all(longest[s - 1] == " " for s in starts[1:])
    assert _sentence_starts(" ".join(itertools.islice(itertools.cycle(_WORDS), 500))) == [0]


def test_the_scan_reads_the_cue_glued_and_at_the_text_start(gaz, automaton):
    doc = scan(normalize_text("حلب، وبريف دمشق قصف. محافظة الأنبار"), automaton)
    # the governorate "ريف دمشق" (over the city "دمشق") glued to "وب", after "حلب"
    assert [(h.cue, h.proclitic) for h in doc.hits] == [(None, ""), ("حلب", "وب"), ("محافظه", "ال")]
    assert doc.hits[1].start == doc.norm.text.index("دمشق") - 4


class _Listed:
    """An automaton stand-in giving fixed matches, some overlapping and out of order
    (pyahocorasick's `iter_long` gives neither): the scan's sorting path."""

    def __init__(self, matches: list[tuple[int, tuple]]) -> None:
        self.matches = matches

    def __len__(self) -> int:
        return len(self.matches)

    def iter_long(self, text: str):  # type: ignore[no-untyped-def]
        return iter(self.matches)


def test_overlapping_matches_keep_the_longest_as_the_plain_scan(gaz):
    text = normalize_text("قصف ريف دمشق الغربي وحلب")
    t = text.text
    auto = ahocorasick.Automaton()
    for key in ("ريف دمشق", "دمشق", "حلب", "دمشق الغربي"):
        auto.add_word(key, context_value(key, tuple(gaz.exact_key(key)) or tuple(gaz.exact_key("حلب"))))
    auto.make_automaton()
    found = {k: v for k, v in auto.items()}
    spots = [(t.index("دمشق") + 3, found["دمشق"]), (t.index("دمشق") + 3, found["ريف دمشق"]),
             (t.index("الغربي") + 5, found["دمشق الغربي"]), (len(t) - 1, found["حلب"])]
    for order in itertools.permutations(spots):
        listed = _Listed(list(order))
        fast = scan(text, listed)
        _same(fast, _scan_reference(text, listed))
        assert [t[h.start : h.end] for h in fast.hits] == ["ريف دمشق", "حلب"]


def test_the_automaton_values_hold_the_ids_and_country_counts(gaz):
    places = tuple(gaz.exact_key("ربيعه"))
    assert {p.country for p in places} >= {"SY", "IQ"}  # the same name in both countries
    length, kept, ids, weights = context_value("ربيعه", places)
    assert (length, kept) == (5, places)
    assert ids == {i for p in places for i in p.ids}
    assert weights == tuple((p.country, 2 if p.feature == "country" else 1) for p in places if p.country)
    assert context_value("سوريا", tuple(gaz.exact_key("سوريا")))[3][0][1] == 2


def test_words_are_the_pattern_of_the_reversed_search():
    # the cue is read in the reversed text: a word must read the same both ways
    assert re.fullmatch(_WORD.pattern, "ريف"[::-1]) and _WORD.pattern.startswith("[")
