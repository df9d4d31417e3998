"""The one-pass matcher: word boundaries with clitics, the article, glued words, overlaps."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.lexicon import load_lexicon
from marsad.recognize.matcher import Matcher, _keep_few, _keep_many, words_of
from marsad.text.normalize import fold


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    # a tiny gazetteer's keys (folded, without the article, as Gazetteer.keys() gives them)
    return Matcher(load_lexicon(), ["قايم", "راوه", "حلب", "عمر"], major={"حلب"})


def found(matcher: Matcher, text: str, kind: str | None = None) -> list[tuple[str, str]]:
    norm = fold(text)
    return [(h.entry.kind, norm[h.start:h.end]) for h in matcher.hits(norm)
            if kind is None or h.entry.kind == kind]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وبالقائم", "القايم"),  # و + ب + the article
        ("للقائم", "قايم"),  # ل + ال written لل: the article merged
        ("القائم", "القايم"),
        ("وراوة", "راوه"),
    ],
)
def test_places_behind_proclitics(matcher, text, surface):
    assert found(matcher, text, "place") == [("place", surface)]


@pytest.mark.parametrize("text", ["القائمة", "تقائم", "راوتها", "حلبي"])
def test_no_place_inside_a_longer_word_or_with_a_pronoun(matcher, text):
    assert found(matcher, text, "place") == []


def test_actor_written_with_the_article_needs_it(matcher):
    assert found(matcher, "للجيش السوري", "actor") == [("actor", "جيش السوري")]
    assert found(matcher, "والجيش السوري", "actor") == [("actor", "الجيش السوري")]
    assert found(matcher, "جيش سوري", "actor") == []


def test_enclitic_after_a_hamza_final_form(matcher):
    # "حلفاء" + ه is written "حلفاؤه"
    assert found(matcher, "الجيش السوري وحلفاؤه", "allies") == [("allies", "حلفاو")]


def test_trigger_inflections(matcher):
    for text in ("سيطر", "سيطرت", "يسيطرون", "وسيطروا", "سيطرتها"):
        assert [k for k, _ in found(matcher, text)] == ["trigger"], text


def test_longest_hit_wins(matcher):
    # "تحرير" is a trigger, but here it is part of an actor's name
    assert found(matcher, "هيئة تحرير الشام") == [("actor", "هييه تحرير الشام")]


def test_glued_words_of_scraped_text(matcher):
    kinds = [k for k, _ in found(matcher, "طائرات روسيةاستهدفت مقار")]
    assert "adjective" in kinds and "trigger" in kinds


def test_multiword_cue_with_a_tail(matcher):
    assert found(matcher, "سقطت بيد", "trigger") == [("trigger", "سقطت بيد")]
    # without its tail the capture cue is not found ("سقطت" alone is another cue: what
    # fell, an attack only when a weapon is named)
    norm = fold("سقطت الأمطار")
    assert [h.entry.value for h in matcher.hits(norm) if h.entry.kind == "trigger"] == ["shelling"]


def test_same_span_country_and_actor_both_stay():
    # "إسرائيل" is a place and, where it acts, the Israeli forces: the frame rules decide
    matcher = Matcher(load_lexicon(), ["اسراييل"])
    assert sorted(k for k, _ in found(matcher, "في إسرائيل")) == ["metonym", "place", "place_prep"]


# --- `hits` (each spelling read once, spanning forms in context) equals `hits_direct` ---

#: place keys as a gazetteer gives them: one word, several words, a glued article, a key
#: that starts with a space (such keys exist in real gazetteers)
_KEYS = ["قايم", "راوه", "حلب", "عمر", "تل ابيض", "دير الزور", "ابو كمال", "البوكمال",
         "ريف حلب الشمالي", " معوضه", "سد تشرين", "تل"]


@pytest.fixture(scope="module")
def wide_matcher() -> Matcher:
    return Matcher(load_lexicon(), _KEYS, major={"حلب", "دير الزور"})


def spans(hits: list) -> list[tuple]:
    return [(h.start, h.end, h.token_start, h.token_end, h.entry, h.proclitics) for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "سيطر الجيش السوري على تل ابيض وريف حلب الشمالي",  # spanning forms, one inside another
        "قوات النظامقصفت ديرالزور",  # a spanning form glued to the next word
        "سقطت بيد المسلحين ثم سقط في يد الجيش",  # tails reaching the next words
        "سقطت الأمطار في تل",  # a tail that fails; a word that is also a spanning form's start
        "وبالقايم وللقوات والجيش السوري وحلفاؤه",  # proclitic chains, enclitic after hamza
        "هيئة تحرير الشام",  # the longest hit wins over a shorter one inside it
        "مراسلالميادين في معوضه  معوضه",  # glued words; a key that starts with a space
        "قوات النظام السوري، قوات النظام. قوات",  # overlapping spanning forms, punctuation
        "",
        "   ",
    ],
)
def test_hits_equal_the_direct_reading(wide_matcher, text):
    norm = fold(text)
    assert spans(wide_matcher.hits(norm)) == spans(wide_matcher.hits_direct(norm))


def test_spanning_forms_are_found_in_context(wide_matcher):
    norm = fold("سيطر الجيش السوري على تل ابيض")
    kinds = {(h.entry.kind, norm[h.start:h.end]) for h in wide_matcher.hits(norm)}
    assert ("actor", "الجيش السوري") in kinds
    assert ("place", "تل ابيض") in kinds
    # "تل" alone is a key, but the longer name covering it wins
    assert ("place", "تل") not in kinds


def test_a_word_read_once_gives_the_same_hits_everywhere(wide_matcher):
    # the second "حلب" is read from the memo: same hits, offsets moved
    norm = fold("في حلب و في حلب")
    places = [(h.start, h.end) for h in wide_matcher.hits(norm) if h.entry.kind == "place"]
    assert places == [(3, 6), (12, 15)]


_PIECES = ["قوات", "النظام", "الجيش", "السوري", "سيطر", "سيطرت", "سقطت", "بيد", "في", "يد",
           "تل", "ابيض", "دير", "الزور", "ابو", "كمال", "حلب", "الشمالي", "ريف", "قايم", "راوه",
           "معوضه", "حلفاء", "حلفاوه", "مراسل", "الميادين", "هييه", "تحرير", "الشام", "روسيه",
           "استهدفت", "ال", "و", "ب", "لل", "ها", "ه", "هم", "ي", "ت", "ا", "من", "علي", "الي"]
_GAPS = ["", "", " ", " ", "  ", "، ", ".", "-", "\n"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GAPS)), max_size=14))
def test_hits_equal_the_direct_reading_on_any_text(wide_matcher, parts):
    text = "".join(p + g for p, g in parts)
    assert spans(wide_matcher.hits(text)) == spans(wide_matcher.hits_direct(text))


# --- overlap resolution: the pairwise reading of a few hits equals the character map ---

_SPANS = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPANS, max_size=30))
def test_few_hits_are_kept_as_the_character_map_keeps_them(spans_):
    # items as `_resolve` sorts them (longest first); empty spans and equal spans included
    items = [(s, e, s, e, None, (), e, s, k) for k, (s, e) in enumerate(spans_)]
    items.sort(key=lambda h: (h[0] - h[1], h[0], h[6], h[7], h[8]))
    assert _keep_few(list(items)) == _keep_many(list(items))


def test_a_hit_inside_or_crossing_a_longer_one_is_dropped():
    items = [(0, 6, 0, 6, None, (), 6, 0, 0), (0, 6, 0, 6, None, (), 6, 0, 1),
             (2, 4, 2, 4, None, (), 4, 2, 0), (5, 9, 5, 9, None, (), 9, 5, 0),
             (7, 9, 7, 9, None, (), 9, 7, 0)]
    items.sort(key=lambda h: (h[0] - h[1], h[0], h[6], h[7], h[8]))
    # both hits of the longest span stay, (2, 4) lies inside it, (5, 9) crosses it
    for keep in (_keep_few, _keep_many):
        assert [(i[0], i[1]) for i in keep(list(items))] == [(0, 6), (0, 6), (7, 9)]


@given(st.text(alphabet="اب ج_،.5\n-", max_size=30))
def test_words_of_is_the_word_runs(text: str) -> None:
    # `words_of` splits on the gaps instead of matching each word: the same runs, in order
    runs = list(re.finditer(r"[^\W_]+", text))
    assert words_of(text) == ([m.group() for m in runs], [m.start() for m in runs],
                              [m.end() for m in runs])


def test_hits_of_words_equals_hits(matcher: Matcher) -> None:
    text = fold("قصفت القوات التركية مواقع في حلب، وقوات النظام في القائم")
    spans = [m.span() for m in re.finditer(r"[^\W_]+", text)]
    assert [(h.start, h.end, h.entry) for h in matcher.hits_of(text, *words_of(text))] == \
        [(h.start, h.end, h.entry) for h in matcher.hits(text, spans)] != []
