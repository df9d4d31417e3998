"""Glued words (linked names, and any two known words) are split again, offsets intact.

Every sentence here is invented in the style of the news; the word lists of the rule tests
are built in the test, so each test shows one part of the rule at work.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from marsad.model import Document
from marsad.pipeline import extract
from marsad.text.normalize import normalize_text
from marsad.text.unglue import GlueWords, glue_words, glued_cuts, load_glue_words, unglue

_NONE = GlueWords(frozenset(), {}, frozenset())


def words_and_originals(raw: str, words: GlueWords = _NONE) -> list[tuple[str, str]]:
    norm = unglue(normalize_text(raw), ["الميادين"], words)
    out, start = [], 0
    for word in norm.text.split(" "):
        out.append((word, norm.original_slice(start, start + len(word))))
        start += len(word) + 1
    return out


def table(**counts: int) -> GlueWords:
    """A glue word list of parts with the given counts (a name ending in _s is strong)."""
    lines = []
    for word, n in counts.items():
        strong = word.endswith("_s")
        lines.append(f"{word.removesuffix('_s')}\t{n}\t{'s' if strong else 'p'}")
    return load_glue_words("\n".join(lines))


def split(token: str, words: GlueWords) -> str:
    """`token` with a space at each of its cuts."""
    cuts = glued_cuts(token, words)
    bounds = [0, *cuts, len(token)]
    return " ".join(token[a:b] for a, b in itertools.pairwise(bounds))


# --- linked names --------------------------------------------------------------------


def test_a_name_glued_on_both_sides_becomes_three_words():
    assert words_and_originals("أفاد مراسلالميادينفي دمشق") == [
        ("افاد", "أفاد"), ("مراسل", "مراسل"), ("الميادين", "الميادين"), ("في", "في"),
        ("دمشق", "دمشق"),
    ]


def test_the_form_after_the_preposition_lam_is_split_too():
    assert [w for w, _ in words_and_originals("قالت مصادرللميادينإن")] == [
        "قالت", "مصادر", "للميادين", "ان"]


@pytest.mark.parametrize("raw", ["والميادين", "بالميادين", "وللميادين", "في الميادين اليوم"])
def test_proclitics_and_spaced_names_are_left_alone(raw):
    norm = normalize_text(raw)
    assert unglue(norm, ["الميادين"], _NONE) is norm


def test_spaced_slice_quotes_the_phrase_as_split():
    norm = unglue(normalize_text("مكتبالميادينفي دمشق"), ["الميادين"], _NONE)
    assert norm.text == "مكتب الميادين في دمشق"
    assert norm.original_slice(0, len(norm.text)) == "مكتبالميادينفي دمشق"
    assert norm.spaced_slice(0, len(norm.text)) == "مكتب الميادين في دمشق"
    assert norm.spaced_slice(5, 13) == "الميادين"
    assert norm.spaced_slice(5, 14) == "الميادين"


# --- any two known words: the shipped list ---------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("وذكر المصدر أنه تماستهداف رتل عسكري", "وذكر المصدر انه تم استهداف رتل عسكري"),
    ("وردت الفصائل بقصفالقاعدة العسكرية", "وردت الفصايل بقصف القاعده العسكريه"),
    ("قصف الطيران الحربيمواقع في ريف حلب", "قصف الطيران الحربي مواقع في ريف حلب"),
    ("نقلت الصحيفةعنمصدر أمني", "نقلت الصحيفه عن مصدر امني"),
    ("سقطت قذائفعلى الحي", "سقطت قذايف علي الحي"),
    ("وقالانالقوات انسحبت", "وقال ان القوات انسحبت"),
])
def test_known_words_glued_together_are_split_with_the_shipped_list(raw, expected):
    assert unglue(normalize_text(raw), (), glue_words()).text == expected


def test_words_that_contain_other_words_stay_whole_with_the_shipped_list():
    raw = ("مستشفى الاستهداف بالقاعدة وقالت تمكن انقطاع انسحبت عنوانها جريحان "
           "الإمبريالية عبدالله الامثلة")
    norm = normalize_text(raw)
    shipped = glue_words()
    assert unglue(norm, (), shipped) is norm
    # the same words beside glued ones: only those are split
    glued = unglue(normalize_text(raw + " تماستهداف"), (), shipped)
    assert glued.text == norm.text + " تم استهداف"


def test_the_shipped_list_knows_triggers_and_function_words():
    gw = glue_words()
    assert {"استهداف", "قصف", "في", "من"} <= gw.words
    assert "استهداف" in gw.strong and gw.counts["استهداف"] > 100


# --- the rule, on word lists made here ---------------------------------------------------


def test_two_parts_need_both_known():
    gw = table(قصف_s=80, القاعده=50)
    assert split("بقصفالقاعده", gw) == "بقصف القاعده"
    assert split("بقصفالقاعده", table(قصف_s=80)) == "بقصفالقاعده"


def test_a_known_word_is_never_split():
    gw = load_glue_words("قصف\t80\ts\nالقاعده\t50\tp\nقصفالقاعده\t3\t")
    assert split("قصفالقاعده", gw) == "قصفالقاعده"
    assert split("وقصفالقاعده", gw) == "وقصفالقاعده"  # a proclitic on a known word
    assert split("قصفالقاعده", table(قصف_s=80, القاعده=50)) == "قصف القاعده"


def test_a_known_word_with_an_ending_is_not_two_words():
    gw = load_glue_words("جري\t50\tp\nحان\t50\tp\nجريح\t9\t")
    assert split("جريحان", gw) == "جريحان"  # the dual of جريح, not جري + حان
    assert split("جريحان", table(جري=50, حان=50)) == "جري حان"


def test_after_an_or_ma_only_a_word_with_the_article_may_follow():
    gw = table(قطاع_s=200, القطاع=100, شبكه=50)
    assert split("انقطاع", gw) == "انقطاع"  # the masdar, not ان + قطاع
    assert split("انالقطاع", gw) == "ان القطاع"
    assert split("معشبكه", gw) == "معشبكه"


def test_a_conjunction_never_follows_a_short_particle():
    gw = table(انها=100)
    assert split("عنوانها", gw) == "عنوانها"
    assert split("عنانها", gw) == "عن انها"


def test_three_letter_parts_must_be_frequent():
    assert split("الجيشتقل", table(الجيش=100, تقل=5)) == "الجيشتقل"
    assert split("الجيشتقل", table(الجيش=100, تقل=40)) == "الجيش تقل"


@pytest.mark.parametrize("token", ["الامثله", "بالاصلاح", "عبدالسلام", "الجانبان"])
def test_article_alef_names_and_dual_endings_are_no_parts(token):
    gw = table(الا=100, مثله=50, صلاح=50, عبد=100, السلام=100, الجانب=50, ان=1000)
    assert split(token, gw) == token
    assert split("السلامصلاح", gw) == "السلام صلاح"  # the same words glued are split


def test_the_cut_keeps_suffixes_with_the_word_before():
    gw = table(الايراني_s=50, الايرانيين=10, ينفي=6)
    assert split("الايرانيينفي", gw) == "الايرانيين في"


def test_the_cut_prefers_plain_words_and_the_article():
    gw = table(بعد=300, بعدا=5, التصعيد=40, تصعيد=10)
    assert split("بعدالتصعيد", gw) == "بعد التصعيد"
    gw = table(القت_s=4, القتال=60, خلال=300)
    assert split("القتالخلال", gw) == "القتال خلال"


def test_three_words_only_when_two_will_not_do():
    gw = table(وقال=50, القوات=100)
    assert split("وقالانالقوات", gw) == "وقال ان القوات"


# --- offsets -------------------------------------------------------------------------------


def test_split_words_quote_the_raw_text_exactly():
    raw = "أكدت المصادر أنه تمّاستهداف رتلٍ بقصفالقاعدة"
    norm = unglue(normalize_text(raw), (), glue_words())
    assert norm.text == "اكدت المصادر انه تم استهداف رتل بقصف القاعده"
    a = norm.text.index("تم")
    b = norm.text.index("استهداف")
    # a part ends where its last letter does (the shadda after it is quoted with the pair)
    assert norm.original_slice(a, a + 2) == "تم"
    assert norm.original_slice(b, b + 7) == "استهداف"
    assert norm.spaced_slice(a, b + 7) == "تمّ استهداف"
    assert norm.original_slice(a, b + 7) == "تمّاستهداف"
    c = norm.text.index("القاعده")
    assert norm.spaced_slice(c - 5, len(norm.text)) == "بقصف القاعدة"


_RAW_WORDS = ["تم", "استهداف", "بقصف", "القاعدة", "في", "مواقع", "عن", "عدوان", "أنّ",
              "القوات", "الحربي", "مستشفى"]


@settings(max_examples=60, deadline=None)
@example([("تم", ""), ("استهداف", " "), ("بقصف", ""), ("القاعدة", "")])
@given(st.lists(st.tuples(st.sampled_from(_RAW_WORDS), st.sampled_from(["", " ", "، "])),
                min_size=1, max_size=8))
def test_ungluing_only_adds_spaces_and_keeps_offsets(pieces):
    raw = "".join(w + sep for w, sep in pieces)
    norm = normalize_text(raw)
    out = unglue(norm, ["الميادين"], glue_words())
    assert not {"تماستهداف", "بقصفالقاعده"} & set(out.text.split())
    assert out.text.replace(" ", "") == norm.text.replace(" ", "")
    assert len(out.to_original) == len(out.text) + 1
    assert all(x <= y for x, y in itertools.pairwise(out.to_original))
    start = 0
    for word in out.text.split(" "):
        if word:
            quoted = out.original_slice(start, start + len(word))
            assert normalize_text(quoted).text.replace(" ", "") == word
        start += len(word) + 1


def test_extraction_reads_a_trigger_glued_to_the_word_before(resources):
    text = "وقالت مصادر محلية إنه تماستهداف مواقع الفصائل المسلحة في ريف إدلب بالمدفعية."
    events = extract(Document("t1", text), resources)
    assert [e.kind for e in events] == ["shelling"]
    assert events[0].evidence.slice(text) == text  # quoted from the raw, glued text


def test_known_words_are_split_only_with_a_list_the_caller_loaded():
    # no module keeps the shipped list: without one, only linked names are split
    norm = normalize_text("قال مراسلالميادين إنه تماستهداف الموقع")
    assert unglue(norm, ["الميادين"]).text == "قال مراسل الميادين انه تماستهداف الموقع"
    assert unglue(norm, ["الميادين"], glue_words()).text == "قال مراسل الميادين انه تم استهداف الموقع"


def test_extraction_reads_glued_words_apart(resources):
    # load_resources gives the matcher the shipped list: "تماستهداف" is "تم استهداف"
    doc = Document("t", "وذكرت المصادر أنه تماستهداف بلدة كفرنبل بالطائرات المسيرة.",
                   dt.date(2024, 1, 10), "test")
    assert [(e.kind, e.place) for e in extract(doc, resources)] == [("airstrike", "كفرنبل")]
