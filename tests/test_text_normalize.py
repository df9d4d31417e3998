"""Normalization with offsets: properties (HOUSE_STYLE §8), the issue's list, bad input."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import fold, normalize_text

# Arabic letters and marks, ligatures, digits, punctuation, the white space and invisible
# characters normalization must handle, plus Latin: the alphabet for random texts.
_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوي")
    + list("أإآٱىةؤئءـًٌٍَُِّْٰۖۗ")
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
    + list('،؛؟.!?"«»()-—–:/')
    + ["ﻻ", "ﻷ", "ﷲ", "ﷺ", "ﺍ", "ﻫ", "ﯾ", "ک", "ی"]
    + [" ", "\n", "\r", "\t", "\u00a0", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f"]
    + ["\u202a", "\u202b", "\u202c", "\u202e", "\u2066", "\u2069", "\u061c", "\ufeff"]
    + list("abcXYZÉé@#_")
)
_TEXTS = st.text(alphabet=_ALPHABET, max_size=80)
_WORD = re.compile(r"[^\W_]+")


@given(_TEXTS)
@settings(max_examples=400)
def test_idempotent(text: str) -> None:
    once = normalize_text(text).text
    assert normalize_text(once).text == once
    assert fold(once) == once


@given(_TEXTS)
@settings(max_examples=400)
def test_fold_equals_normalize_text(text: str) -> None:
    assert fold(text) == normalize_text(text).text


@given(_TEXTS)
@settings(max_examples=400)
def test_offsets_monotonic_and_in_bounds(text: str) -> None:
    norm = normalize_text(text)
    offs = list(norm.to_original)
    assert len(offs) == len(norm.text) + 1
    assert offs[-1] == len(text)
    assert all(0 <= o <= len(text) for o in offs)
    assert all(a <= b for a, b in itertools.pairwise(offs))
    # every normalized character comes from the original character it points at
    for i, ch in enumerate(norm.text):
        if not ch.isspace():
            assert ch in fold(text[offs[i]]), (i, ch, text[offs[i]])


@given(_TEXTS)
@settings(max_examples=400)
def test_token_spans_map_back(text: str) -> None:
    norm = normalize_text(text)
    offs = norm.to_original

    def clean(p: int) -> bool:
        # a boundary that does not cut through one original character's expansion (the
        # words of "ﷺ" -> "صلي الله عليه وسلم" have no boundaries of their own)
        return p in (0, len(norm.text)) or offs[p - 1] != offs[p]

    tokens = [m.span() for m in _WORD.finditer(norm.text)]
    # every token, and every run of consecutive tokens, maps back to original text that
    # normalizes to the same string
    for i, (a, _) in enumerate(tokens):
        for _, b in tokens[i : i + 3]:
            if not (clean(a) and clean(b)):
                continue
            original = norm.original_slice(a, b)
            assert fold(original) == norm.text[a:b], (a, b, original)


@given(
    st.text(alphabet=st.sampled_from(list("ابتثجحخدرسشصطعفقكلمنهوي0123456789abc.,:")), max_size=60)
)
def test_nothing_to_change_is_unchanged(text: str) -> None:
    text = " ".join(text.split())  # single spaces only
    norm = normalize_text(text)
    assert norm.text == text
    assert list(norm.to_original) == list(range(len(text) + 1))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanwin
        ("الجيـــش", "الجيش"),  # tatweel
        ("قُرْآنٰ ۖ", "قران "),  # superscript alef, Quranic mark
        ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),  # alef forms, ta marbuta
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("حلفاؤه وحلفائه", "حلفاوه وحلفايه"),  # hamza seats
        ("٢٥/١٠/٢٠١٧ ۱۴۰۲", "25/10/2017 1402"),  # Arabic-Indic and Persian digits
        ("قال، ثم؛ لماذا؟", "قال, ثم; لماذا?"),  # Arabic punctuation
        ("ﻻ ﻷ", "لا لا"),  # presentation-form ligatures
        ("ﷲ", "الله"),
        ("ک ی", "ك ي"),  # Persian letters
        ("دير\u200c الزور\u200f", "دير الزور"),  # zero-width and bidi controls
        ("\u202bالقائم\u202c (@C_Military1)", "القايم (@c_military1)"),
        ("دير\u00a0الزور", "دير الزور"),  # NBSP
        ("October ÉTÉ", "october été"),  # lowercase Latin
        ("a  \t b", "a b"),  # one space per run
        ("سطر  \r\n\r\n  سطر", "سطر\nسطر"),  # a run with a line break becomes one "\n"
        ("“اقتباس” — خبر", '"اقتباس" - خبر'),
        ("", ""),
    ],
)
def test_issue_list(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected
    assert fold(raw) == expected


def test_ligature_expansion_maps_both_letters_to_one_original_character() -> None:
    norm = normalize_text("ﻻ بد")
    assert norm.text == "لا بد"
    assert list(norm.to_original) == [0, 0, 1, 2, 3, 4]
    assert norm.original_slice(0, 2) == "ﻻ"
    assert norm.original_slice(1, 2) == "ﻻ"  # half an expansion still shows its character


def test_original_span_skips_removed_marks() -> None:
    raw = "قوَّاتُ الجيش"
    norm = normalize_text(raw)
    a = norm.text.index("الجيش")
    assert norm.original_slice(a, a + 5) == "الجيش"
    assert norm.original_slice(0, 4) == "قوَّاتُ"  # the word with its marks, final one included


def test_norm_span_inverts_original_span_on_word_boundaries() -> None:
    raw = "قوَّاتُ الجيش في ﻻذقية"
    norm = normalize_text(raw)
    o = raw.index("الجيش")
    assert norm.norm_span(o, o + 5) == (norm.text.index("الجيش"), norm.text.index("الجيش") + 5)
    assert norm.norm_span(0, raw.index(" ")) == (0, 4)  # the marks map into the word
    for a, b in [(0, 4), (5, 10), (11, 13), (14, len(norm.text))]:
        span = norm.original_span(a, b)
        assert norm.norm_span(span.start, span.end) == (a, b)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "ًٌٍَُِّْ" * 50,  # only diacritics
        "ـــــ",
        "\u200f\u202b\u2066 \u2069\u202c",
        '\u202bالجيش السوري\u202c (\u202aSAA\u202c) \u2066@C_Military1\u2069 قال: "ok"',
        "\n\n\n",
    ],
)
def test_bad_input_does_not_crash(raw: str) -> None:
    norm = normalize_text(raw)
    assert len(norm.to_original) == len(norm.text) + 1
    assert norm.to_original[-1] == len(raw)
    assert fold(norm.text) == norm.text


def test_only_diacritics_normalize_to_nothing() -> None:
    assert normalize_text("ًٌٍَُِّْ" * 50).text == ""


def test_ten_megabytes_on_one_line() -> None:
    # linear work: a quadratic step would not finish in any sane time on this input
    raw = "قصفت الطائراتُ مواقعَ ﻻ\u200f 12 " * (10_000_000 // 30)
    norm = normalize_text(raw)
    assert "\n" not in norm.text
    assert norm.text.startswith("قصفت الطايرات مواقع لا 12 ")
    assert norm.to_original[-1] == len(raw)


def test_a_word_glued_after_taa_marbuta_or_alef_maqsura_is_split():
    # scraped pages lose the space after a link: "ة" and "ى" only ever end a word
    text = "ضربة جويةروسية مشتركةمركزاً إلىالميادين"
    norm = normalize_text(text)
    assert norm.text == "ضربه جويه روسيه مشتركه مركزا الي الميادين"
    start = norm.text.index("روسيه")
    assert norm.original_slice(start, start + 5) == "روسية"
    assert norm.original_slice(norm.text.index("جويه"), start - 1) == "جوية"
    assert fold("جويةروسية") == "جويه روسيه"
    # the hamza after "ى" ("تنشىء") and a tatweel ("المدينةـ") are no new word
    assert normalize_text("لتنشىء المدينةـ").text == "لتنشيء المدينه"
