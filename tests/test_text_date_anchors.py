"""The anchored date scan finds exactly what a search from every position finds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text import date_words as words
from marsad.text import dates
from marsad.text.date_anchors import Anchor, AnchorScan
from marsad.text.normalize import fold, normalize_text

DATA = Path(__file__).parent / "data" / "text"
WED = dt.date(2017, 10, 25)


def both(text: str, published: dt.date | None = WED) -> list:
    """The anchored scan of normalized `text`, after checking it against the plain one."""
    s = fold(text)
    fast = dates._scan(s, published)
    assert fast == dates._scan(s, published, everywhere=True)
    return fast


# Each pattern with the longest lead its anchor allows, and the odd starts: a month glued to
# its day, Latin dates inside words.
@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("حتى ساعة متأخرة من ليل يوم أول من أمس", "day_before_yesterday"),
        ("وحتى ساعة متأخرة من ليل يوم الخميس", "weekday"),
        (
            "حتى ساعة متأخرة من ليل يوم الخميس، يوم الـ 19 إلى الـ 20 من شهر تشرين الأول",
            "day_month",
        ),
        ("حتى ساعة متأخرة من ليل يوم الخميس، تاريخ 19/10/2017", "numeric"),
        ("ساعات الصباح الأولى من يوم الخميس 2017-10-19", "numeric"),
        ("في مطلع صيف عام 2011", "year"),
        ("مطلع الـ 19 من هذا الشهر", "day_month"),
        ("15 ربيع الأول 1439 هـ", "hijri"),
        ("خلال مطلع شهر أيار 2019", "month"),
        ("ففي شباط", "month"),
        ("وفي مطلع شهر آب", "month"),
        ("العاشرأيار", "day_month"),
        ("19آب/أغسطس", "day_month"),
        ("(مواليد 1995)", "year"),
        ("مواليد عام 1995", "year"),
        ("(2003-2004)", "year_range"),
        ("الخميس october 25, 2017", "latin"),
        ("xoctober 25, 2017", "latin"),
        ("janov 5, 2017", "latin"),
        ("123 march 2017", "latin"),
        ("خلال الساعات الماضية", "recent"),
        ("منذ نحو ثلاثة أيام", "days_ago"),
        ("بعد غد", "tomorrow"),
    ],
)
def test_longest_leads_and_odd_starts(text: str, form: str) -> None:
    assert form in [res[2] for _, _, res in both(text)]


_PIECES = [
    *words.TODS, *words.WEEKDAYS, *words.MONTHS, *words.HIJRI_MONTHS, *words.LATIN_MONTHS,
    *words.ORDINALS, *words.PARTS, *words.PAST, *words.CURRENT, *words.NEXT,
    *words.COUNT_WORDS, "يوم", "تاريخ", "شهر", "شهري", "من", "الي", "حتي", "و", "ال", "في",
    "خلال", "منذ", "قبل", "بين", "عام", "العام", "سنه", "الشهر", "الاسبوع", "اليوم", "امس",
    "اول", "الليله", "غدا", "الغد", "بعد", "غد", "ساعات", "يومين", "ايام", "اسابيع", "هذا",
    "مواليد", "ه", "م", "نحو", "st", "th", "(", ")", "/", "-", ".", ",", ":", "%", "قصف",
    "الجيش", "الارهاب", "باب", "مصطفي", "x", "2017", "1995", "2003", "1439", "1444", "25", "9",
    "10", "123", "20", "19", "13", "14", "0",
]  # fmt: skip
_GLUE = ["", "", " ", " ", " ", "  ", "\n", ", ", "/", "\x1c", "و", "ب", "ال", "لل", "وب"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_GLUE), st.sampled_from(_PIECES)), max_size=14),
    st.sampled_from([WED, dt.date(2024, 2, 29), None]),
)
def test_anchored_scan_equals_plain_search(parts: list[tuple[str, str]], published) -> None:
    both("".join(glue + piece for glue, piece in parts), published)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.txt")))
def test_anchored_scan_on_real_text(name: str) -> None:
    # tests/data/text: the seed article and Syrian Archive excerpts (README.md there)
    text = normalize_text((DATA / name).read_text(encoding="utf-8")).text
    assert dates._scan(text, WED) == dates._scan(text, WED, everywhere=True)
    lines = text.splitlines()
    for a in range(0, len(lines), 3):
        piece = "\n".join(lines[a : a + 3])
        assert dates._scan(piece, WED) == dates._scan(piece, WED, everywhere=True)


def test_candidates_are_near_anchors() -> None:
    anchors = (
        Anchor(words=("امس",), lead=1),
        Anchor(words=("اب",), starts_word=True, proclitics=True),
        Anchor(numbers=("20",), lead=0, paren=True),
    )
    s = "قصف الجيش امس مواقع الارهاب وباب (2017) و 120199"
    near_yesterday, month, year = AnchorScan(anchors).starts(s)
    assert near_yesterday == [s.index("الجيش"), s.index("امس")]
    assert month == [s.index("وباب")]  # "اب" inside "الارهاب" opens no word
    assert year == [s.index("(2017"), s.index("2017")]  # "20" inside "120199" opens no number
