"""The resolver's fast paths read what the plain code they replace reads.

Each test holds the plain reading as a reference (the code as it was before it was made
faster, or the definition a table stands for) and checks the fast one against it on
generated inputs: short invented Arabic phrases in the style of the news.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.geo.context import Hit, word_before
from marsad.geo.mention import (
    _ANAPHORIC,
    _BREAK_CHARS,
    _DESCRIBED,
    _LINKS,
    _NATURAL_HEADS,
    _NEUTRAL,
    COUNTRYSIDE,
    CUE_OF,
    FEATURE_WORDS,
    NAME_HEADS,
    NATURAL,
    NEXT,
    RELATION_WORDS,
    Cues,
    list_cue,
    mention_cues,
    part_before,
    read_cues,
    unit_after,
)
from marsad.geo.names import folded_surface_key, surface_key
from marsad.geo.resolve import _KM_REASONS
from marsad.text.normalize import fold

#: Words and marks the phrases are made of: cue words with and without clitics, names,
#: list and link words, punctuation and white space.
_PIECES = ["في", "بلدة", "وبلدة", "مدينة", "المدينة", "قرية", "ريف", "بريف", "وريف", "جنوب",
           "شمالي", "محيط", "بالقرب", "من", "قرب", "منطقة", "جبل", "مدينتي", "محافظات", "قرى",
           "الأحياء", "الشرقية", "حي", "حلب", "ربيعة", "دير", "الزور", "إدلب", "وحماة", "على",
           "و", ",", ".", "،", ":", "\n", " ", "  ", "(", "2017", "X", "القديمة", "محور"]
_NAMES = ["ربيعة", "حلب", "الميادين", "دير الزور", "ريف دمشق", "قرية الخضراء", "القرية الخضراء",
          "محيط الميادين", "المحيط الهندي", "جنوب القائم", "مدينة حلب", "جبل سمعان", "حي الصناعة",
          "بلدة جسر الشغور", "أطراف مدينة جسر الشغور", "(الرقة)", " مدينة  البصيرة "]


def _read_cues_reference(alone: Cues, text: str, start: int) -> Cues:
    """`read_cues` as written before its fast paths: every cue word read with `CUE_OF`."""
    feature_word, relation = alone.feature_word, alone.relation
    raw = word_before(text, start, 3)
    get = CUE_OF.get
    first = get(raw[0]) if raw else None
    if first == "من" and len(raw) > 1 and get(raw[1]) in ("بالقرب", "قرب", "مقربه"):
        relation = relation or "قرب"
    elif first is not None:
        for k, w in enumerate(raw):
            w = get(w) if k else first
            if w in _NEUTRAL:
                continue
            if w in NATURAL and feature_word is not None and relation is None:
                relation = w
                continue
            if w in FEATURE_WORDS and relation is None and (
                feature_word is None
                or (feature_word == alone.feature_word and feature_word in NAME_HEADS)
            ):
                feature_word = w
                continue
            if w in RELATION_WORDS and relation is None:
                relation = w
                continue
            if w == "من" and relation is None:
                relation = part_before(text, start)
            break
    if feature_word is None and relation is None:
        listed = list_cue(text, start)
        if listed in COUNTRYSIDE or listed in ("محاور", "جبهات"):
            relation = listed
        elif listed is not None:
            feature_word = listed
    if feature_word == alone.feature_word and relation == alone.relation:
        return alone
    return Cues(alone.name, feature_word, relation, alone.whole)


def _mention_cues_reference(mention: str) -> Cues:
    """`mention_cues` as written before: the mention folded again for each article test."""
    key = surface_key(mention)
    if " " not in key:
        return Cues(key, None, None, key)
    words = key.split(" ")
    feature_word = relation = None
    first = True
    if words[0] in _DESCRIBED and words[1].startswith("ال") and fold(mention).lstrip().startswith("ال"):
        return Cues(key, None, None, key)
    while len(words) > 1:
        head = words[0]
        if head in RELATION_WORDS and relation is None and not (
            first and fold(mention).strip().split(" ", 1)[0].startswith("ال")
        ):
            relation = head
        elif head in FEATURE_WORDS and feature_word is None:
            feature_word = head
        else:
            break
        first = False
        words = words[1:]
        words[0] = folded_surface_key(words[0])
    return Cues(" ".join(words), feature_word, relation, key)


#: phrases before a name, one per branch of the reading ("من" after "بالقرب", a part noun
#: before "من", a natural feature before a feature word, a list cue, a neutral word...)
_BEFORE = ["قصفت الطائرات بالقرب من", "سيطر على الأحياء الشرقية من مدينة", "قرب", "في جبل مدينة",
           "في ريف", "في منطقة", "شمالي مدينة", "قصف محافظات إدلب و", "في قرى الرقة, ",
           "على محور", "في أطراف مدينة", "داخل بلدة", "وصلت إلى", "في مدينتي حماة و"]


@pytest.mark.parametrize("before", _BEFORE)
@pytest.mark.parametrize("name", _NAMES)
def test_cues_of_each_kind_of_phrase_read_as_the_plain_reading(before, name):
    text = fold(f"{before} {name} في ريف حلب")
    start = len(fold(f"{before} "))
    alone = mention_cues(name)
    assert read_cues(alone, text, start) == _read_cues_reference(alone, text, start)


def test_the_phrases_reach_every_kind_of_reading():
    # the examples above are no test unless they give cues of each kind
    read = {read_cues(mention_cues("حلب"), fold(f"{b} حلب"), len(fold(f"{b} "))) for b in _BEFORE}
    assert {c.relation for c in read} >= {"قرب", "احياء", "جبل", "ريف", "شمالي", "محور", "اطراف", None}
    assert {c.feature_word for c in read} >= {"مدينه", "محافظات", "قري", "بلده", "مدينتي", None}


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["", " ", "و", " و"]),
       st.sampled_from(_NAMES))
def test_cues_before_a_mention_read_as_the_plain_reading(pieces, glue, name):
    prefix = " ".join(pieces) + glue
    text = fold(prefix + name + " في ريف حلب")
    start = len(fold(prefix))
    alone = mention_cues(name)
    assert alone == _mention_cues_reference(name)
    assert read_cues(alone, text, start) == _read_cues_reference(alone, text, start)


def _unit_after_reference(text: str, end: int, s_end: int, h: Hit) -> object:
    """One hit as `locating_unit` read it before: "next" for a hit that points back."""
    limit = min(s_end, end + 45)
    if h.start >= limit or h.cue in _NATURAL_HEADS:
        return None
    between = text[end : h.start - len(h.proclitic)]
    if h.cue == "مع" or not _BREAK_CHARS.isdisjoint(between) or "," in between:
        return None
    words = between.split()
    if len(words) > 5:
        return None
    for w in words:
        if w.startswith("و") and w not in _LINKS and w != "وسط":
            return None
    if not words and h.proclitic.startswith("و"):
        return None
    if text[max(0, h.start - 2) : h.end] in _ANAPHORIC or text[h.start : h.end] in _ANAPHORIC:
        return "next"
    if h.proclitic.startswith(("ب", "وب")):
        return h
    for w in words:
        if w in _LINKS or CUE_OF.get(w) in _LINKS:
            return h
    return None


_BETWEEN = ["في", "ريف", "بريف", "وريف", "شرق", "الواقعة", "التابعة", "وسط", "ومحيط", "مع", ",",
            ".", " ", "قرب", "بالقرب", "منطقة", "داخل", "على"]
_UNITS = ["حلب", "اللاذقية", "المدينة", "مدينة", "المنطقة", "دير الزور", "نينوى", "القريه"]


@given(st.lists(st.sampled_from(_BETWEEN), max_size=7), st.sampled_from(["", "ب", "و", "وب", "ال"]),
       st.sampled_from(_UNITS), st.sampled_from([None, "ريف", "مع", "نهر", "في"]),
       st.integers(0, 80))
def test_the_unit_after_a_mention_is_read_as_the_plain_reading(between, proclitic, unit, cue, s_len):
    head = fold("قصفت الطائرات ربيعة")
    end = len(head)
    text = fold(f"{head} {' '.join(between)} {proclitic}") + fold(unit) + " امس"
    start = text.rindex(fold(unit))
    h = Hit(start, start + len(fold(unit)), (), cue, frozenset(), proclitic)
    s_end = min(len(text), end + s_len)
    got = unit_after(text, end, s_end, h)
    expected = _unit_after_reference(text, end, s_end, h)
    assert (got is h if expected is h else got is NEXT if expected == "next" else got is None)


@given(st.floats(0, 150, exclude_max=True))
def test_the_km_reasons_are_the_formatted_distances(d):
    assert _KM_REASONS[round(d)] == f"{d:.0f} km from a place resolved earlier"


def test_the_km_reasons_round_halves_as_the_format_does():
    for k in range(300):
        for d in (k / 2, math.nextafter(k / 2, 0), math.nextafter(k / 2, 200)):
            if d < 150:
                assert _KM_REASONS[round(d)] == f"{d:.0f} km from a place resolved earlier"


@given(st.text("ابدرفليةو هنمقX،,.(\n-1" + "  في مدينة ريف من بالقرب ", max_size=90), st.integers(0, 95))
def test_the_words_read_before_a_mention_are_the_words_before_it(text, pos):
    from marsad.geo.mention import _ACTING, _words_read

    pos = min(pos, len(text))
    read, every = _words_read(text, pos), word_before(text, pos, 3)
    assert read == every[: len(read)]
    # fewer words only where `read_cues` stops: at a word that is no cue it acts on
    assert len(read) == len(every) or read[-1] not in _ACTING


def test_the_plain_words_are_words():
    from marsad.geo.context import _WORD
    from marsad.geo.mention import _PLAIN

    assert all(_WORD.fullmatch(w) for w in _PLAIN)


_TEXTS = [
    "قصفت الطائرات الحربية مواقع المسلحين في مدينة ابو كمال وريف حلب",
    "سيطر الجيش على بلدة  جسر الشغور, ومحيط ادلب (في ريف) حماة.\nثم في مدينةX بالقرب من حلب",
    "في " + "ا" * 70 + " مدينة حلب",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_the_words_read_at_every_position_are_the_words_before_it(text):
    from marsad.geo.mention import _ACTING, _words_read

    for pos in range(len(text) + 1):
        read, every = _words_read(text, pos), word_before(text, pos, 3)
        assert read == every[: len(read)], pos
        assert len(read) == len(every) or read[-1] not in _ACTING, pos
