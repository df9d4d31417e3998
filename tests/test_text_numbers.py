"""Counts in Arabic news: digits, number words, vague quantities, qualifiers, nouns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import numbers
from marsad.text.dates import date_spans
from marsad.text.normalize import fold
from marsad.text.numbers import find_numbers, parse_number_words

DATA = Path(__file__).parent / "data" / "text"


def one(text: str):
    """The single number mention of `text`."""
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("مقتل 12 عنصراً من داعش", 12, "عنصر"),
        ("مقتل ١٢ عنصراً", 12, "عنصر"),
        ("سقوط ۱۵ صاروخاً", 15, "صاروخ"),
        ("حوالي 200.000 شخص", 200_000, "شخص"),
        ("حوالي 500,000 شخص سنوياً", 500_000, "شخص"),
        ("6.9 مليون يورو", 6_900_000, "يورو"),
        ("70 ألف متر مربع", 70_000, "متر"),
        ("بـ4 صواريخ", 4, "صواريخ"),
        ("ثلاثة عناصر", 3, "عناصر"),
        ("ثلاث غارات", 3, "غارات"),
        ("بستة صواريخ", 6, "صواريخ"),
        ("عشرة قتلى", 10, "قتلي"),
        ("أحد عشر قتيلاً", 11, "قتيل"),
        ("اثنا عشر شخصاً", 12, "شخص"),
        ("ثلاث عشرة غارة", 13, "غاره"),
        ("عشرين مسلحاً", 20, "مسلح"),
        ("خمسة وعشرين مسلحاً", 25, "مسلح"),
        ("مئة وخمسين عنصراً", 150, "عنصر"),
        ("مائة شخص", 100, "شخص"),
        ("مئتي جندي", 200, "جندي"),
        ("ثلاثمئة مقاتل", 300, "مقاتل"),
        ("ثلاث مئة مقاتل", 300, "مقاتل"),
        ("ألف عنصر", 1000, "عنصر"),
        ("ألفي عنصر", 2000, "عنصر"),
        ("ثلاثة آلاف جندي", 3000, "جندي"),
        ("عشرة آلاف وخمسمئة شخص", 10_500, "شخص"),
        # dual nouns
        ("شن العدوان غارتين", 2, "غاره"),
        ("إسقاط صاروخين", 2, "صاروخ"),
        ("مقتل شخصين", 2, "شخص"),
        # a number word after its noun
        ("مصابان اثنان", 2, "مصاب"),
        ("عملية واحدة", 1, "عمليه"),
    ],
)
def test_values_and_nouns(text: str, value: int, noun: str) -> None:
    m = one(text)
    assert (m.value, m.noun, m.vague, m.at_least) == (value, noun, False, False)
    assert m.approximate is text.startswith("حوالي")
    assert m.noun_span is not None and noun[:3] in fold(m.noun_span.slice(text))


@pytest.mark.parametrize(
    ("text", "span", "value", "at_least", "approximate"),
    [
        ("سيطر على أكثر من 20 قرية", "أكثر من 20", 20, True, False),
        ("ما لا يقل عن 300 طن", "ما لا يقل عن 300", 300, True, False),
        ("ما يزيد عن 40 عنصراً", "ما يزيد عن 40", 40, True, False),
        ("نحو 15 صاروخاً", "نحو 15", 15, False, True),
        ("حوالي 6.000 شخص", "حوالي 6.000", 6000, False, True),
        ("قرابة خمسين مقاتلاً", "قرابة خمسين", 50, False, True),
        ("أقل من 10 أيام", "أقل من 10", 10, False, True),
    ],
)
def test_qualifiers(text: str, span: str, value: int, at_least: bool, approximate: bool) -> None:
    m = one(text)
    assert (m.text, m.value, m.at_least, m.approximate) == (span, value, at_least, approximate)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("إصابة العشرات", None),
        ("عشرات المدنيين", "مدنيين"),
        ("مئات المقاتلين", "مقاتلين"),
        ("آلاف المدنيين", "مدنيين"),
        ("مئات الآلاف من المنشورات", "منشورات"),
        ("عدة مواقع", "مواقع"),
        ("بضعة أيام", "ايام"),
        ("العديد من المحافظات", "محافظات"),
    ],
)
def test_vague(text: str, noun: str | None) -> None:
    m = one(text)
    assert (m.value, m.vague, m.noun) == (None, True, noun)


@pytest.mark.parametrize(
    "text",
    [
        "اللواء 444",
        "الفوج 46",
        "القرار 2254",
        "في الساعة 02:30 مساءً",
        "بلغت النسبة 30%",
        "نحو 40 بالمئة",
        "نحو 40 في المئة",  # percent words are read in their normalized spelling
        "ارتفعت بنسبة 15 بالمائة",
        "15 في المائة من السكان",
        "لليوم الـ20 على التوالي",
        "مقاتلات F-16",
        "محطة T2",
        "في 25/10/2017",
        "عام 2017",
        "في 17 شباط/فبراير",
        "والموافق 3 شعبان 1439",
        "السيدة ست",  # "ست" without a counted noun
        "إقليم كردستان",  # "-تان" of a country name is no dual
        "الرئيس بوتين",
        "المدينتين",  # a dual with the article refers back, it does not count
    ],
)
def test_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_several_in_one_sentence() -> None:
    text = "أسفر الهجوم عن مقتل 3 جنود وإصابة نحو 14 آخرين، بعد إطلاق خمسة صواريخ وطائرتين مسيرتين"
    found = [(m.text, m.value, m.noun) for m in find_numbers(text)]
    assert found == [
        ("3", 3, "جنود"),
        ("نحو 14", 14, "اخرين"),
        ("خمسة", 5, "صواريخ"),
        ("وطائرتين", 2, "طايره"),
        ("مسيرتين", 2, "مسيره"),
    ]


def test_spans_are_original_text() -> None:
    text = "مقتل ١٢ عنصراً من داعش وأكثرُ من ٢٠ مدنياً"
    for m in find_numbers(text):
        assert m.span.slice(text) == m.text
    assert [m.text for m in find_numbers(text)] == ["١٢", "أكثرُ من ٢٠"]


def test_syrian_archive_excerpt() -> None:
    # Syrian Archive / Mnemonic, CC BY-SA 4.0 (tests/data/text/README.md)
    text = (DATA / "sa_medical_incident5_excerpt.txt").read_text(encoding="utf-8")
    found = [(m.text, m.value, m.noun) for m in find_numbers(text)]
    # not the date "22 نيسان / أبريل 2017", the times "02:30", "05:15", nor "9M79-1"
    assert found == [
        ("حوالي 6.000", 6000, "شخص"),
        ("هجومان", 2, "هجوم"),
        ("واحد", 1, "هجوم"),  # "هجومان (واحد على المستشفى ..."
        ("أربعة", 4, "قتلي"),
        ("اثنان", 2, "مصاب"),
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["خمسه", "وعشرين", "مسلحا"], (25, 2)),
        (["ثلاثه", "الاف", "وخمسميه"], (3500, 3)),
        (["الفين", "وثلاث", "ميه"], (2300, 3)),
        (["احد", "عشر"], (11, 2)),
        (["عشرين", "وخمسه"], (25, 2)),
        (["ميه", "ميه"], (100, 1)),  # two hundreds in a row are two numbers
        (["قوات"], None),
        ([], None),
    ],
)
def test_parse_number_words(words: list[str], expected: tuple[int, int] | None) -> None:
    assert parse_number_words(words) == expected


@given(st.integers(1, 99))
def test_parse_units_and_tens(n: int) -> None:
    units = ["", "واحد", "اثنين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه"]
    tens = ["", "عشره", "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
    t, u = divmod(n, 10)
    if t == 1 and u:
        words = [units[u] if u > 2 else ("احد" if u == 1 else "اثنا"), "عشر"]
    elif t == 0:
        words = [units[u]]
    elif u == 0:
        words = [tens[t]]
    else:
        words = [units[u], "و" + tens[t]]
    assert parse_number_words(words) == (n, len(words))


@pytest.mark.parametrize("text", ["", "ًٌٍ", "\u202b12\u202c عنصراً", "1" * 10_000, "ألف " * 2000])
def test_bad_input(text: str) -> None:
    for m in find_numbers(text):
        assert m.span.slice(text) == m.text


@pytest.mark.parametrize(
    ("text", "values"),
    [("مساحة 50 ² تقريباً", [50]), ("الموقع ① و② قرب 3 منازل", [3]), ("² ٣ منازل", [3])],
)
def test_digit_signs_that_are_no_decimal_digits(text: str, values: list[int]) -> None:
    # "²" and "①" are digits to str.isdigit() but no decimal digits: they used to reach
    # float() and crash the whole article; they open no number
    assert [m.value for m in find_numbers(text)] == values


_PIECES = [
    *sorted(numbers._UNITS), *sorted(numbers._TENS), *sorted(numbers._HUNDREDS),
    *sorted(numbers._MULTIPLIERS), *sorted(numbers._VAGUE), "اثنا", "احد", "عشر", "عشره", "و",
    "ب", "ل", "ال", "من", "اكثر من", "نحو", "عام", "قبل", "ايام", "اللواء", "عنصرا", "قتيلا",
    "غارتين", "صاروخين", "صاروخان", "مصابان", "الطائرتين", "بوتين", "كردستان", "ستين", "2017",
    "12", "200.000", "500,000", "6.9", "1..5", "٣", "²", "25/10/2017", "02:30", "20%", "F-16",
    "الـ20", ".", ",", "(", ":", "،", "\n", "غارتينا", "1.5.7", "3,5",
]  # fmt: skip


@given(st.lists(st.tuples(st.sampled_from(["", " ", " ", "  ", ","]), st.sampled_from(_PIECES))))
@settings(max_examples=300, deadline=None)
def test_candidate_windows_read_as_the_whole_token_list(parts: list[tuple[str, str]]) -> None:
    # find_numbers looks only at the words that can open a count, each in a window of the
    # tokens around it; that must read exactly as going through every token does
    s = fold("".join(sep + piece for sep, piece in parts) * 3)
    assert numbers._scan(s) == numbers._scan(s, everywhere=True)


@given(st.lists(st.tuples(st.sampled_from(["", " ", ".", ",", "\n"]), st.sampled_from(_PIECES))))
@settings(max_examples=300, deadline=None)
def test_candidates_and_windows(parts: list[tuple[str, str]]) -> None:
    s = fold("".join(sep + piece for sep, piece in parts) * 2)
    toks = [(m.start(), m.end(), m.group()) for m in numbers._TOKEN.finditer(s)]
    starts = [t[0] for t in toks]
    # every token that can be read as a count or a dual is a candidate, and every candidate
    # opens a token
    needed = {
        a
        for a, _, w in toks
        if w[0].isdecimal() or w in numbers._OPENERS or numbers._dual(w) is not None
    }
    found = numbers._candidates(s)
    assert needed <= set(found) <= set(starts)
    # a window is a run of the whole token list, with 2 tokens before and 9 after the one
    # asked for (fewer at the ends of the text)
    shared = numbers._Windows(s)  # reused from one token to the next, as `_scan` does
    for k, a in enumerate(starts):
        for local, i in (shared(a), numbers._Windows(s)(a)):
            first = starts.index(local[0][0])
            assert local == toks[first : first + len(local)]
            assert first + i == k
            assert i >= min(2, k) and len(local) - i >= min(10, len(toks) - k)


def test_candidate_windows_on_real_text() -> None:
    # the seed article and the Syrian Archive excerpts (tests/data/text/README.md)
    for path in sorted(DATA.glob("*.txt")):
        s = fold(path.read_text(encoding="utf-8"))
        assert numbers._scan(s) == numbers._scan(s, everywhere=True)


def test_date_spans_given_are_those_found() -> None:
    # the caller that has the date spans passes them: the same counts, dates skipped alike
    text = fold("قتل 12 عنصرا في 25/10/2017 وأصيب ثلاثة آخرون عام 2017")
    assert find_numbers(text, date_spans(text)) == find_numbers(text)
    assert [m.value for m in find_numbers(text, date_spans(text))] == [12, 3]
