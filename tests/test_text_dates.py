"""Date expressions resolved against the publication date (issue 2, EVENTS.md conventions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.dates import FORMS, date_anchors, date_spans, find_dates, hijri_to_gregorian
from marsad.text.normalize import normalize_text

D = dt.date
DATA = Path(__file__).parent / "data" / "text"
WED = D(2017, 10, 25)  # the seed article's publication date, a Wednesday


def one(text: str, published: dt.date | None = WED):
    """The single date mention of `text`."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "day", "precision", "form"),
    [
        # relative days (published Wednesday 2017-10-25)
        ("قصفت الطائرات اليوم مواقع", D(2017, 10, 25), 1, "today"),
        ("نفذت صباح اليوم الأربعاء عمليات", D(2017, 10, 25), 1, "today"),
        ("فجر اليوم", D(2017, 10, 25), 1, "today"),
        ("مساء اليوم", D(2017, 10, 25), 1, "today"),
        ("وأمس، أعلنت", D(2017, 10, 24), 1, "yesterday"),
        ("ألقت الطائرات ليلة أمس الثلاثاء", D(2017, 10, 24), 1, "yesterday"),
        ("ويوم أمس نفذ", D(2017, 10, 24), 1, "yesterday"),
        ("خلال اليوم الماضي", D(2017, 10, 24), 1, "yesterday"),
        ("أول أمس", D(2017, 10, 23), 1, "day_before_yesterday"),
        ("والأول من أمس", D(2017, 10, 23), 1, "day_before_yesterday"),
        ("عصر الغد", D(2017, 10, 26), 1, "tomorrow"),
        ("قبل يومين", D(2017, 10, 23), 1, "days_ago"),
        ("قبل ثلاثة أيام", D(2017, 10, 22), 1, "days_ago"),
        ("قبل أيام", D(2017, 10, 22), 2, "days_ago"),
        ("المستمر منذ 28 يوماً", D(2017, 9, 27), 1, "since"),
        ("قبل أسبوعين", D(2017, 10, 11), 2, "weeks_ago"),
        ("قبل شهرين", D(2017, 8, 1), 3, "months_ago"),
        ("قبل ست سنوات", D(2011, 1, 1), 3, "years_ago"),
        ("قبل ثمان سنوات", D(2009, 1, 1), 3, "years_ago"),
        ("خلال الساعات الماضية", D(2017, 10, 25), 1, "recent"),
        # weekdays
        ("أصدرت بياناً الأربعاء", D(2017, 10, 25), 1, "weekday"),  # on the day itself
        ("الإثنين", D(2017, 10, 23), 1, "weekday"),
        ("يوم الأحد", D(2017, 10, 22), 1, "weekday"),
        ("فجر الخميس", D(2017, 10, 19), 1, "weekday"),
        ("الثلاثاء الماضي", D(2017, 10, 24), 1, "weekday_last"),
        ("الأربعاء الماضي", D(2017, 10, 18), 1, "weekday_last"),  # strictly before
        ("الأحد المقبل", D(2017, 10, 29), 1, "weekday_next"),
        ("ليل الخميس -الجمعة", D(2017, 10, 20), 1, "weekday_night"),
        ("ليل الخميس الجمعة", D(2017, 10, 20), 1, "weekday_night"),
        # weeks, months, years relative to publication
        ("أعلن الأسبوع الماضي", D(2017, 10, 18), 2, "week"),
        ("الأسبوع المقبل", D(2017, 11, 1), 2, "week"),
        ("الشهر الماضي", D(2017, 9, 1), 3, "month_rel"),
        ("الشهر الفائت", D(2017, 9, 1), 3, "month_rel"),
        ("الشهر المنصرم", D(2017, 9, 1), 3, "month_rel"),
        ("مطلع الشهر الجاري", D(2017, 10, 1), 2, "month_rel"),
        ("منتصف الشهر الماضي", D(2017, 9, 15), 2, "month_rel"),
        ("أواخر الشهر الماضي", D(2017, 9, 25), 2, "month_rel"),
        ("العام الماضي", D(2016, 1, 1), 3, "year_rel"),
        ("بداية العام", D(2017, 1, 1), 3, "year_rel"),
        # explicit dates, three month-name systems and Latin
        ("في 27 آب/أغسطس المنصرم", D(2017, 8, 27), 1, "day_month"),
        ("في 25 تشرين الأول 2017", D(2017, 10, 25), 1, "day_month"),
        ("في 25 أكتوبر 2017", D(2017, 10, 25), 1, "day_month"),
        ("22 نيسان / أبريل 2017", D(2017, 4, 22), 1, "day_month"),
        ("4 شباط- فبراير 2018", D(2018, 2, 4), 1, "day_month"),
        ("22 مايو / أيار 2011", D(2011, 5, 22), 1, "day_month"),
        ("في الثاني من أيار/مايو", D(2017, 5, 2), 1, "day_month"),
        ("الرابع من فبراير 2018", D(2018, 2, 4), 1, "day_month"),
        ("في الحادي والعشرين من آذار 2016", D(2016, 3, 21), 1, "day_month"),
        ("وفي الـ 23 من تشرين الأول/أكتوبر", D(2017, 10, 23), 1, "day_month"),
        ("في 9 آذار/مارس الجاري", D(2017, 3, 9), 1, "day_month"),
        ("في 5 تشرين الثاني المقبل", D(2017, 11, 5), 1, "day_month"),
        ("في 29 كانون الأول", D(2016, 12, 29), 1, "day_month"),  # not after publication
        ("صبيحة يوم 29 كانون الثاني/يناير 2018", D(2018, 1, 29), 1, "day_month"),
        ("في 12 جوان 2019", D(2019, 6, 12), 1, "day_month"),
        ("October 25, 2017", D(2017, 10, 25), 1, "latin"),
        ("25 October 2017", D(2017, 10, 25), 1, "latin"),
        # numeric
        ("بتاريخ 25/10/2017", D(2017, 10, 25), 1, "numeric"),
        ("يوم 22-04-2017", D(2017, 4, 22), 1, "numeric"),
        ("في 2017-10-25", D(2017, 10, 25), 1, "numeric"),
        ("٢٥/١٠/٢٠١٧", D(2017, 10, 25), 1, "numeric"),
        # month and year, years, ranges
        ("في شباط/فبراير 2019", D(2019, 2, 1), 3, "month"),
        ("في آذار/مارس الماضي 2022", D(2022, 3, 1), 3, "month"),
        ("خلال شهر أيار/مايو الجاري", D(2017, 5, 1), 3, "month"),
        ("مطلع أيار/مايو", D(2017, 5, 1), 2, "month"),
        ("أواخر شهر آب/أغسطس 2017", D(2017, 8, 25), 2, "month"),
        ("في تشرين الأول، وهذا", D(2017, 10, 1), 3, "month"),
        ("ريف دير الزور عام 2017", D(2017, 1, 1), 3, "year"),
        ("في العام 2014", D(2014, 1, 1), 3, "year"),
        ("منذ عام 2015،", D(2015, 1, 1), 3, "year"),
        ("وحلب في 2016.", D(2016, 1, 1), 3, "year"),
        ("أواخر سنة 2011", D(2011, 12, 1), 3, "year"),
        ("في السنة الماضية 2015.", D(2015, 1, 1), 3, "year"),
        ("فاروق ر. (مواليد 2002)", D(2002, 1, 1), 3, "year"),
        ("معركة القصير (2013)", D(2013, 1, 1), 3, "year"),
        # a day of a relative month
        ("أشار بـ19 الشهر الماضي", D(2017, 9, 19), 1, "day_month"),
        ("وفي الأول من هذا الشهر", D(2017, 10, 1), 1, "day_month"),
        ("في الـ5 من الشهر الجاري", D(2017, 10, 5), 1, "day_month"),
        # "منذ" is "ago" unless something ongoing precedes it
        ("ومنذ يومين، قال", D(2017, 10, 23), 1, "days_ago"),
        ("لعام 2022", D(2022, 1, 1), 3, "year"),
        # Hijri (tabular calendar)
        ("15 رمضان 1444 هـ", D(2023, 4, 6), 1, "hijri"),
        ("1 محرم 1445 هـ", D(2023, 7, 19), 1, "hijri"),
    ],
)
def test_forms(text: str, day: dt.date, precision: int, form: str) -> None:
    m = one(text)
    assert (m.day, m.time_precision, m.form) == (day, precision, form)
    assert m.weekday_conflict is False


def test_every_form_label_is_documented() -> None:
    assert {"today", "yesterday", "weekday", "week", "day_month", "numeric", "year"} <= set(FORMS)


@pytest.mark.parametrize(
    ("text", "day", "until"),
    [
        ("في الفترة الممتدة بين 2013 - 2018.", D(2013, 1, 1), D(2018, 1, 1)),
        ("ما بين عامي 2012 إلى 2018", D(2012, 1, 1), D(2018, 1, 1)),
        ("غزو العراق (2003-2004)", D(2003, 1, 1), D(2004, 1, 1)),
        ("بين 17 و26 أكتوبر/تشرين الأول الجاري", D(2017, 10, 17), D(2017, 10, 26)),
        ("دامت الحملة من الـ17 إلى الـ30 من أكتوبر/تشرين الأول الماضي", D(2017, 10, 17), D(2017, 10, 30)),
        ("من تاريخ 01/12/2012 إلى تاريخ 06/09/2016", D(2012, 12, 1), D(2016, 9, 6)),
    ],
)
def test_ranges(text: str, day: dt.date, until: dt.date) -> None:
    m = one(text)
    assert (m.day, m.until) == (day, until)


@pytest.mark.parametrize(
    "text",
    [
        "اللواء 444",  # a unit number
        "الفوج 46",
        "قتل 2017 مقاتلاً",  # a count that looks like a year
        "من 2000 عنصر",
        "حوالي 2000 كجم",
        "في الساعة 2:00 صباحاً",  # a time
        "القرار 2254",
        "الجيش السعودي مارس مختلف أنواع التعذيب",  # "مارس" = practised
        "معبر باب الهوى",  # "اب" inside a word
        "قال مصطفى شباط",  # "في" ending a word is no preposition before a month
        "في اليوم نفسه",  # anaphoric: the day of something said before
        "في اليوم التالي",
        "في نفس اليوم",
        "حتى اليوم",
        "اليوم الـ20 من الحرب",
        "صلاة الجمعة",
        "الأمين العام للأمم المتحدة",
        "في الشهر الفضيل",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, WED) == []


# Weekday arithmetic around month ends, year ends and leap days.
@pytest.mark.parametrize(
    ("published", "text", "day"),
    [
        (D(2024, 3, 1), "أمس", D(2024, 2, 29)),  # leap year
        (D(2023, 3, 1), "أمس", D(2023, 2, 28)),
        (D(2024, 3, 1), "أول أمس", D(2024, 2, 28)),
        (D(2024, 1, 1), "أمس", D(2023, 12, 31)),  # year end
        (D(2024, 1, 1), "الأحد", D(2023, 12, 31)),  # 2024-01-01 is a Monday
        (D(2024, 1, 1), "الإثنين", D(2024, 1, 1)),
        (D(2024, 1, 1), "الإثنين الماضي", D(2023, 12, 25)),
        (D(2024, 1, 2), "الخميس الماضي", D(2023, 12, 28)),
        (D(2024, 3, 2), "الخميس", D(2024, 2, 29)),  # a leap day by weekday
        (D(2023, 12, 30), "السبت المقبل", D(2024, 1, 6)),
        (D(2023, 12, 29), "الأحد المقبل", D(2023, 12, 31)),
        (D(2024, 1, 10), "الشهر الماضي", D(2023, 12, 1)),
        (D(2024, 1, 10), "العام الماضي", D(2023, 1, 1)),
        (D(2024, 1, 3), "الأسبوع الماضي", D(2023, 12, 27)),
        (D(2024, 1, 5), "في 30 كانون الأول", D(2023, 12, 30)),  # the latest not after
        (D(2023, 12, 31), "في 2 كانون الثاني المقبل", D(2024, 1, 2)),
        (D(2024, 3, 10), "في 29 شباط", D(2024, 2, 29)),
        (D(2024, 3, 10), "قبل أسبوعين", D(2024, 2, 25)),
        (D(2024, 3, 1), "قبل شهر", D(2024, 2, 1)),
        (D(2024, 1, 15), "قبل شهرين", D(2023, 11, 1)),
    ],
)
def test_calendar_edges(published: dt.date, text: str, day: dt.date) -> None:
    assert one(text, published).day == day


def test_relative_day_with_weekday_trusts_the_weekday() -> None:
    # an article stamped Saturday that says "اليوم الجمعة" reports Friday (scraped dates are
    # often a day late): the weekday wins and the move is reported
    m = one("مساء اليوم الجمعة", D(2023, 3, 25))
    assert (m.day, m.weekday_conflict) == (D(2023, 3, 24), True)
    m = one("ومساء أمس الخميس", D(2023, 11, 4))
    assert (m.day, m.weekday_conflict) == (D(2023, 11, 2), True)
    m = one("ليلة أمس الثلاثاء", WED)
    assert (m.day, m.weekday_conflict) == (D(2017, 10, 24), False)


@pytest.mark.parametrize(
    ("text", "conflict"),
    [
        ("يوم السبت 22-04-2017", False),  # 2017-04-22 was a Saturday
        ("يوم الأحد 22-04-2017", True),
        ("الثلاثاء 25/10/2017", True),  # 2017-10-25 was a Wednesday
        ("الأربعاء 25 تشرين الأول 2017", False),
        ("في 25 تشرين الأول 2017 الخميس", True),
        ("Tuesday October 25, 2017", False),  # English weekday names are not read
    ],
)
def test_weekday_conflict_with_explicit_date(text: str, conflict: bool) -> None:
    m = one(text)
    assert m.weekday_conflict is conflict
    assert m.day in (D(2017, 4, 22), D(2017, 10, 25))  # the explicit date is kept


def test_published_none_skips_relative_expressions() -> None:
    text = "قصفت الطائرات أمس الثلاثاء مواقع، وفي 27 آب المنصرم، وفي 25/10/2017 وعام 2014"
    found = find_dates(text, None)
    assert [(m.form, m.day) for m in found] == [
        ("numeric", D(2017, 10, 25)),
        ("year", D(2014, 1, 1)),
    ]


def test_spans_are_original_text() -> None:
    text = "وكانت وحدات قد نفذت صَباحَ اليومِ الأربعاءَ عمليات، وفي ٢٥/١٠/٢٠١٧"
    found = find_dates(text, WED)
    assert [m.text for m in found] == ["صَباحَ اليومِ الأربعاءَ", "٢٥/١٠/٢٠١٧"]
    for m in found:
        assert m.span.slice(text) == m.text


def test_seed_article() -> None:
    text = (DATA / "seed_almayadeen_2017-10-25.txt").read_text(encoding="utf-8")
    found = [(m.text, m.day, m.time_precision) for m in find_dates(text, WED)]
    assert found == [
        ("October 25, 2017", D(2017, 10, 25), 1),
        ("صباح اليوم الأربعاء", D(2017, 10, 25), 1),
        ("ليلة أمس الثلاثاء", D(2017, 10, 24), 1),
        ("الأربعاء", D(2017, 10, 25), 1),
        ("الأسبوع الماضي", D(2017, 10, 18), 2),
        ("الأربعاء", D(2017, 10, 25), 1),
    ]


def test_syrian_archive_excerpts() -> None:
    # Syrian Archive / Mnemonic, CC BY-SA 4.0 (tests/data/text/README.md)
    text = (DATA / "sa_useofchemicalweapons2_excerpt.txt").read_text(encoding="utf-8")
    found = [(m.form, m.day, m.until) for m in find_dates(text, D(2017, 7, 1))]
    assert found == [
        ("year_range", D(2013, 1, 1), D(2018, 1, 1)),
        ("year", D(2014, 1, 1), None),
        ("year", D(2016, 1, 1), None),
        ("day_month", D(2017, 4, 4), None),
        ("year_range", D(2012, 1, 1), D(2018, 1, 1)),
    ]
    text = (DATA / "sa_medical_incident5_excerpt.txt").read_text(encoding="utf-8")
    found = [(m.text, m.day) for m in find_dates(text, D(2017, 7, 1))]
    # the times "02:30" and "05:15", the count "6.000" and "9M79-1" are not dates
    assert found == [("22 نيسان / أبريل 2017", D(2017, 4, 22))] * 2


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1445, 1, 1), D(2023, 7, 19)),
        ((1444, 9, 1), D(2023, 3, 23)),
        ((1439, 1, 1), D(2017, 9, 22)),  # Umm al-Qura: 2017-09-21 (the documented ±1 day)
        ((1, 1, 1), D(622, 7, 19)),
    ],
)
def test_hijri_to_gregorian(hijri: tuple[int, int, int], gregorian: dt.date) -> None:
    assert hijri_to_gregorian(*hijri) == gregorian


@given(st.integers(1300, 1500), st.integers(1, 12))
def test_hijri_months_are_29_or_30_days(year: int, month: int) -> None:
    start = hijri_to_gregorian(year, month, 1)
    nxt = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    assert (nxt - start).days in (29, 30)


@pytest.mark.parametrize(
    "text",
    ["", "ًٌٍَ", "\u202bأمس\u202c \u2066Monday\u2069", "2017" * 1000, "في " * 1000 + "2017"],
)
def test_bad_input(text: str) -> None:
    for m in find_dates(text, WED):
        assert m.span.slice(text) == m.text


def test_large_input_is_linear() -> None:
    raw = "قصفت الطائرات أمس الثلاثاء مواقع في 27 آب/أغسطس المنصرم. " * 20_000  # ~1.2 MB
    found = find_dates(normalize_text(raw), WED)
    assert len(found) == 40_000


def test_anchors_read_once_give_the_same_dates_and_spans() -> None:
    # analyse scans the anchors once for find_dates and for the spans find_numbers skips
    norm = normalize_text("قصفت الطائرات يوم الأحد 22 تشرين الأول 2017 مواقع، وقبل يومين قتل 5 عناصر")
    anchors = date_anchors(norm.text)
    published = dt.date(2017, 10, 25)
    assert find_dates(norm, published, anchors) == find_dates(norm, published) != []
    assert date_spans(norm.text, anchors) == date_spans(norm.text) != []
