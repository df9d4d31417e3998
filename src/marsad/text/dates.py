"""Date expressions in Arabic news, resolved against the publication date.

Public API:

- `find_dates(text: str | NormText, published: date | None) -> list[DateMention]`: every
  date expression, left to right, non-overlapping, each with its span in the ORIGINAL text,
  the resolved `day`, ACLED `time_precision` (1 day, 2 week, 3 month or vaguer) and a
  `form` label (`FORMS`). With `published=None` expressions relative to the publication
  date ("أمس", "الثلاثاء الماضي", "الشهر الماضي", "في 27 آب" without a year) are skipped.
- `date_spans(norm_text) -> list[tuple[int, int]]`: normalized spans of every date
  expression, resolvable or not (for finders that must skip dates, e.g. `numbers`).
- `hijri_to_gregorian(year, month, day) -> date`: the tabular (arithmetic) Islamic
  calendar, civil epoch. Real Hijri dates follow moon sighting or Umm al-Qura, so the
  result can be one day (rarely two) off: 1 Muharram 1439 is 2017-09-21 by Umm al-Qura
  and 2017-09-22 here.

Conventions (EVENTS.md and the gold files): a date known only to the month is
`YYYY-MM-01` with precision 3, only to the year `YYYY-01-01` with precision 3;
"الأسبوع الماضي" is the publication date minus 7 days with precision 2; "مطلع الشهر" is
day 1 with precision 2 ("منتصف" the 15th, "أواخر" the 25th).

Weekdays: a weekday alone ("الإثنين", "يوم الأحد") is the latest such day on or before
publication; with "الماضي" strictly before it, with "المقبل" strictly after. With a relative
day ("اليوم الجمعة", "أمس الثلاثاء") the weekday wins within three days, because scraped
publication dates are often a day late (an article stamped Saturday that says "اليوم
الجمعة" is about Friday), and `weekday_conflict` is set when it moved the day. With an
explicit date ("السبت 22-04-2017") the explicit date is kept and `weekday_conflict` is set
when the weekday disagrees.

A day and month without a year take the latest such date not after publication ("في 27
آب/أغسطس المنصرم"), the publication year with "الجاري", the next one with "المقبل".
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable

from marsad.model import DateMention, NormText
from marsad.text.date_anchors import Anchor, AnchorScan
from marsad.text.date_words import (
    AMBIGUOUS_MONTHS,
    COUNT_WORDS,
    CURRENT,
    HIJRI_MONTHS,
    LATIN_MONTHS,
    MON,
    MONTHS,
    NEXT,
    ONGOING,
    ORDINALS,
    PARTS,
    PAST,
    RANGE_GAP,
    RE_AGO,
    RE_DAY_MONTH,
    RE_HIJRI,
    RE_LATIN,
    RE_MONTH,
    RE_NUMERIC,
    RE_RECENT,
    RE_RELDAY,
    RE_UNIT_REL,
    RE_WEEKDAY,
    RE_YEAR,
    RE_YEAR_PAIR,
    TODS,
    WEEKDAYS,
)
from marsad.text.normalize import normalize_text

__all__ = ["FORMS", "date_anchors", "date_spans", "find_dates", "hijri_to_gregorian"]

#: form label -> what it covers (labels are stable: benchmarks and tests count by them)
FORMS: dict[str, str] = {
    "today": "اليوم، فجر/صباح/مساء اليوم، الليلة",
    "yesterday": "أمس، ليلة أمس، يوم أمس، البارحة، اليوم الماضي",
    "day_before_yesterday": "أول أمس، أمس الأول، الأول من أمس",
    "tomorrow": "غداً، الغد، عصر الغد (الأحد)، بعد غد",
    "days_ago": "قبل يومين، قبل ثلاثة أيام، منذ يومين (precision 1), قبل أيام (2)",
    "since": "منذ يومين، منذ 28 يوماً (the start of something ongoing)",
    "weeks_ago": "قبل أسبوع، قبل أسبوعين",
    "months_ago": "قبل شهر، قبل شهرين",
    "years_ago": "قبل عام، قبل عامين",
    "recent": "خلال الساعات الماضية، قبل ساعات",
    "weekday": "الإثنين، يوم الأحد، فجر الخميس (latest on or before publication)",
    "weekday_last": "الثلاثاء الماضي",
    "weekday_next": "الأحد المقبل",
    "weekday_night": "ليل الخميس - الجمعة (the second day)",
    "week": "الأسبوع الماضي/الجاري/المقبل",
    "month_rel": "الشهر الماضي/الفائت/المنصرم/الجاري، مطلع الشهر الجاري",
    "year_rel": "العام الماضي/الجاري",
    "day_month": "27 آب/أغسطس، في الثاني من أيار/مايو، الـ23 من تشرين الأول (with or without "
    "year), بـ19 الشهر الماضي، في الأول من هذا الشهر",
    "latin": "October 25, 2017; 25 October 2017",
    "numeric": "25/10/2017, 22-04-2017, 2017-10-25",
    "month": "شباط/فبراير 2019, شهر أيار الجاري, مطلع أيار/مايو",
    "year": "عام 2017، في العام 2014، أواخر سنة 2011، (مواليد 2002)، (2013)",
    "year_range": "بين 2013 - 2018، ما بين عامي 2012 إلى 2018",
    "hijri": "15 رمضان 1444 هـ",
}

_Found = tuple[dt.date, int, str, dt.date | None, bool]
_Handler = Callable[[re.Match[str], dt.date | None], _Found | None]


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular Islamic calendar (civil epoch) to Gregorian; may be a day off (module doc)."""
    epoch = 227015  # date(622, 7, 19).toordinal(): 1 Muharram 1 AH, proleptic Gregorian
    days = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    return dt.date.fromordinal(epoch - 1 + days)


def _latest_weekday(ref: dt.date, wd: int, strict: bool = False) -> dt.date:
    """The latest day with weekday `wd` on (or, if `strict`, before) `ref`."""
    back = (ref.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def _snap_weekday(day: dt.date, wd: int) -> tuple[dt.date, bool]:
    """The date with weekday `wd` nearest to `day` (within 3 days) and whether it moved."""
    delta = (wd - day.weekday()) % 7
    if delta > 3:
        delta -= 7
    return day + dt.timedelta(days=delta), delta != 0


def _conflict(day: dt.date, m: re.Match[str], *groups: str) -> bool:
    """True when a weekday written next to an explicit date is not that date's weekday."""
    for g in groups:
        name = m.groupdict().get(g)
        if name and WEEKDAYS[name] != day.weekday():
            return True
    return False


def _month_of(name: str) -> int:
    """Month number of a (possibly paired, "آب/أغسطس") month name; the first name decides."""
    first = re.match(MON, name)
    return MONTHS[first.group()] if first else 0


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, rel: str | None, pub: dt.date | None) -> int | None:
    """Year of a day/month with no year: latest not after publication, or by `rel`."""
    if pub is None:
        return None
    if rel in CURRENT:
        return pub.year
    if rel in NEXT:
        return pub.year if (month, day) > (pub.month, pub.day) else pub.year + 1
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


def _relday(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if pub is None:
        return None
    rel = m.group("rel")
    if rel in ("اليوم", "الليله"):
        day, form = pub, "today"
    elif rel in ("اول امس", "اول من امس", "امس الاول", "الاول من امس"):
        day, form = pub - dt.timedelta(days=2), "day_before_yesterday"
    elif rel in ("غدا", "الغد"):
        day, form = pub + dt.timedelta(days=1), "tomorrow"
    elif rel == "بعد غد":
        day, form = pub + dt.timedelta(days=2), "tomorrow"
    else:
        day, form = pub - dt.timedelta(days=1), "yesterday"
    moved = False
    if m.group("wd2"):
        day, moved = _snap_weekday(day, WEEKDAYS[m.group("wd2")])
    return day, 1, form, None, moved


def _weekday(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if pub is None:
        return None
    rel = m.group("rel")
    wd = WEEKDAYS[m.group("wd")]
    if m.group("wd2"):
        # "ليل الخميس - الجمعة": the night between; the event is dated by the second day.
        second = _latest_weekday(pub, WEEKDAYS[m.group("wd2")])
        return second, 1, "weekday_night", None, False
    if rel in NEXT:
        ahead = (wd - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=ahead), 1, "weekday_next", None, False
    if rel in PAST:
        return _latest_weekday(pub, wd, strict=True), 1, "weekday_last", None, False
    return _latest_weekday(pub, wd), 1, "weekday", None, False


def _ago(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if pub is None:
        return None
    unit, n_text = m.group("unit"), m.group("n")
    n = int(n_text) if n_text and n_text.isdigit() else COUNT_WORDS.get(n_text or "", 0)
    dual = unit in ("يومين", "اسبوعين", "شهرين", "عامين", "سنتين", "ساعتين")
    plural = unit in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "ساعات")
    if n == 0:
        n = 2 if dual else 1
        if plural:
            n = 0  # "قبل أيام": a few, unknown how many
    if unit.startswith("ساع"):
        return pub, 1, "recent", None, False
    if unit in ("يوم", "يوما", "يومين", "ايام"):
        form = "days_ago"
        if m.group("kw") == "منذ" and ONGOING.search(m.string, max(0, m.start() - 30), m.start()):
            form = "since"  # "المستمر منذ 28 يوماً" dates the start of something still going on
        if n == 0:
            return pub - dt.timedelta(days=3), 2, form, None, False
        return pub - dt.timedelta(days=n), 1, form, None, False
    if unit in ("اسبوع", "اسبوعين", "اسابيع"):
        return pub - dt.timedelta(days=7 * (n or 2)), 2, "weeks_ago", None, False
    if unit in ("شهر", "شهرين", "اشهر", "شهور"):
        back = n or 3
        y, mo = divmod(pub.year * 12 + pub.month - 1 - back, 12)
        return dt.date(y, mo + 1, 1), 3, "months_ago", None, False
    return dt.date(pub.year - (n or 3), 1, 1), 3, "years_ago", None, False


def _recent(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    return None if pub is None else (pub, 1, "recent", None, False)


def _unit_rel(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if pub is None:
        return None
    unit, rel, part = m.group("unit"), m.group("rel"), m.group("part")
    if rel is None and m.group("this") is None and part is None:
        return None  # a bare "الشهر" or "العام" is not a date; "مطلع الشهر" is this month's
    if m.group("y") and unit in ("العام", "السنه"):
        return dt.date(int(m.group("y")), 1, 1), 3, "year", None, False  # "السنة الماضية 2015"
    step = -1 if rel in PAST else (1 if rel in NEXT else 0)
    if (m.group("d") or m.group("od")) and unit != "الشهر":
        return None  # "19 العام": no date
    if unit == "الاسبوع":
        return pub + dt.timedelta(days=7 * step), 2, "week", None, False
    if unit == "الشهر":
        y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        day = _day_number(m) if m.group("d") or m.group("od") else 0
        if day:
            date = _safe(y, mo + 1, day)
            return None if date is None else (date, 1, "day_month", None, False)
        if part:
            return dt.date(y, mo + 1, PARTS[part]), 2, "month_rel", None, False
        return dt.date(y, mo + 1, 1), 3, "month_rel", None, False
    return dt.date(pub.year + step, 1, 1), 3, "year_rel", None, False


def _day_number(m: re.Match[str]) -> int:
    """The day of a match's `d` (digits) or `od` (ordinal words, "الحادي والعشرين") group."""
    if m.group("d"):
        return int(m.group("d"))
    words = m.group("od").split()
    day = ORDINALS.get(words[0], 0)
    if "عشر" in words:
        day += 10
    elif words[-1] in ("العشرين", "والعشرين"):
        day = (day if len(words) > 1 else 0) + 20
    elif words[-1] in ("الثلاثين", "والثلاثين"):
        day = (day if len(words) > 1 else 0) + 30
    return day


def _day_month(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    month = _month_of(m.group("m"))
    day = _day_number(m)
    year = int(m.group("y")) if m.group("y") else _year_for(month, day, m.group("rel"), pub)
    if year is None:
        return None
    date = _safe(year, month, day)
    if date is None:
        return None
    until = _safe(year, month, int(m.group("d2"))) if m.group("d2") else None
    if until is not None and until <= date:
        until = None
    return date, 1, "day_month", until, _conflict(date, m, "wd", "wd2")


def _latin(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    name = (m.group("m") or m.group("m_")).lower()
    d, y = m.group("d") or m.group("d_"), m.group("y") or m.group("y_")
    date = _safe(int(y), LATIN_MONTHS[name], int(d))
    return None if date is None else (date, 1, "latin", None, _conflict(date, m, "wd"))


def _numeric(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if m.group("y"):
        d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        if mo > 12 >= d:
            d, mo = mo, d  # month/day order, as some English-language sources write it
    else:
        d, mo, y = int(m.group("d_")), int(m.group("m_")), int(m.group("y_"))
    date = _safe(y, mo, d)
    return None if date is None else (date, 1, "numeric", None, _conflict(date, m, "wd", "wd2"))


def _month(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    name, rel, part, y = m.group("m"), m.group("rel"), m.group("part"), m.group("y")
    paired = bool(re.search(r"[/\-(]", name))
    if name in AMBIGUOUS_MONTHS:
        if not (y or rel or m.group("shahr")):
            return None
    elif not (y or rel or paired or m.group("shahr") or m.group("prep") or part):
        return None  # a lone month name needs something that makes it a date
    month = _month_of(name)
    year = int(y) if y else _year_for(month, 1, rel, pub)
    if year is None:
        return None
    if part:
        return dt.date(year, month, PARTS[part]), 2, "month", None, False
    return dt.date(year, month, 1), 3, "month", None, False


def _year(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    cue, part, prep = m.group("cue"), m.group("part"), m.group("prep")
    year = int(m.group("y"))
    until = dt.date(int(m.group("y2")), 1, 1) if m.group("y2") else None
    if not (cue or part or prep) or (prep in ("بين", "من") and not cue and until is None):
        return None  # "من 2000 عنصر", "2017 مقاتل": counts, not years
    if until is not None and until.year <= year:
        until = None
    start_month = {1: 1, 15: 7, 25: 12}[PARTS[part]] if part else 1
    form = "year_range" if until else "year"
    return dt.date(year, start_month, 1), 3, form, until, False


def _year_pair(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if m.group("y3"):
        return dt.date(int(m.group("y3")), 1, 1), 3, "year", None, False  # "مواليد 1995"
    y = int(m.group("y"))
    if m.group("y2") is None:
        return dt.date(y, 1, 1), 3, "year", None, False  # "(2013)", "(1995)"
    y2 = int(m.group("y2"))
    if not 0 < y2 - y <= 50:
        return None
    return dt.date(y, 1, 1), 3, "year_range", dt.date(y2, 1, 1), False


def _hijri(m: re.Match[str], pub: dt.date | None) -> _Found | None:
    if not (m.group("h") or (m.group("d") and m.group("m"))):
        return None  # "3 شعبان 1439" needs no هـ; a bare "1439" or "شعبان 1439" does
    year = int(m.group("y"))
    month = HIJRI_MONTHS[m.group("m")] if m.group("m") else 1
    day = int(m.group("d")) if m.group("d") and m.group("m") else 1
    if day > 30:
        return None
    date = hijri_to_gregorian(year, month, day)
    precision = 1 if m.group("d") and m.group("m") else 3
    return date, precision, "hijri", None, False


# Where each pattern can match (see `date_anchors`): its anchors and how many words before
# the anchor's word a match can start. The leads are counted on the patterns above: a time
# of day (`TODS`, up to 5 words), "يوم", a weekday, "ال 19" or an ordinal ("الحادي والعشرين"),
# "إلى الـ 20", "من"/"شهر" before a month...
_TOD_WORDS = max(len(t.split()) for t in TODS)
# the words an ordinal day (`ORD`) ends with: a month may be glued to them ("العاشرأيار")
_ORD_ENDS = ("عشر", "العشرين", "الثلاثين", *ORDINALS)
_YEAR_ANCHOR = ("19", "20")  # `YEAR`: a four-digit number opening with these
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, Anchor], ...] = (
    (RE_NUMERIC, _numeric, Anchor(numbers=_YEAR_ANCHOR, lead=_TOD_WORDS + 3 + 2)),
    # no look-behind: may start inside a word; searched in full only where a Latin month name
    # is followed by a number
    (RE_LATIN, _latin, Anchor(
        # every Latin month name opens with one of the three-letter ones
        words=tuple(m for m in LATIN_MONTHS if len(m) == 3),
        gate=re.compile(r"[a-z]{3,9}\.?,?\s+\d"))),
    (RE_HIJRI, _hijri, Anchor(
        numbers=("13", "14"), lead=1 + max(len(m.split()) for m in HIJRI_MONTHS))),
    (RE_DAY_MONTH, _day_month, Anchor(
        words=tuple(MONTHS), lead=_TOD_WORDS + 3 + 2 + 3 + 2, starts_word=True,
        after_digit=True, after_words=_ORD_ENDS)),
    (RE_MONTH, _month, Anchor(words=tuple(MONTHS), lead=3, starts_word=True, proclitics=True)),
    (RE_YEAR, _year, Anchor(numbers=_YEAR_ANCHOR, lead=4)),
    (RE_YEAR_PAIR, _year_pair, Anchor(numbers=_YEAR_ANCHOR, lead=2, paren=True)),
    (RE_RELDAY, _relday, Anchor(
        words=("امس", "البارحه", "الليله", "غدا", "الغد", "بعد غد", "اليوم"),
        lead=_TOD_WORDS + 1 + 2)),
    (RE_WEEKDAY, _weekday, Anchor(words=tuple(WEEKDAYS), lead=_TOD_WORDS + 1)),
    (RE_AGO, _ago, Anchor(words=("قبل", "منذ"))),
    (RE_RECENT, _recent, Anchor(words=("ساعات",), lead=1)),
    (RE_UNIT_REL, _unit_rel, Anchor(words=("الاسبوع", "الشهر", "العام", "السنه"), lead=5)),
)  # fmt: skip


@functools.cache
def _anchor_scan() -> AnchorScan:
    """The anchors of `_PATTERNS`, compiled on first use (nothing is built at import)."""
    return AnchorScan(tuple(anchor for _, _, anchor in _PATTERNS))


def find_dates(text: str | NormText, published: dt.date | None,
               anchors: list[list[int] | None] | None = None) -> list[DateMention]:
    """Find and resolve the date expressions of `text` (see the module doc for the rules).

    `anchors`: `date_anchors` of the normalized text, when the caller has them.
    """
    norm = text if isinstance(text, NormText) else normalize_text(text)
    if isinstance(published, dt.datetime):
        published = published.date()
    out = []
    for a, b, (day, precision, form, until, conflict) in _scan(norm.text, published, where=anchors):
        span = norm.original_span(a, b)
        out.append(
            DateMention(span, span.slice(norm.original), day, precision, form, conflict, until)
        )
    return out


def date_spans(norm_text: str, anchors: list[list[int] | None] | None = None) -> list[tuple[int, int]]:
    """Normalized `[start, end)` spans of every date expression, resolvable or not.

    `anchors`: `date_anchors(norm_text)`, when the caller has them.
    """
    # any reference date lets relative expressions ("في 17 شباط") be found; only spans count
    return [(a, b) for a, b, _ in _scan(norm_text, dt.date(2000, 1, 1), where=anchors)]


def date_anchors(norm_text: str) -> list[list[int] | None]:
    """Where each date pattern may match in `norm_text` (for `find_dates` and `date_spans`).

    The anchor scan is most of the cost of reading dates, and it does not depend on the
    publication date: a caller reading both dates and spans scans once.
    """
    return _anchor_scan().starts(norm_text)


def _scan(
    s: str, published: dt.date | None, everywhere: bool = False,
    where: list[list[int] | None] | None = None,
) -> list[tuple[int, int, _Found]]:
    """Resolved date expressions of normalized `s` as (start, end, result), left to right.

    Each pattern is searched from left to right; a rejected match lets a shorter reading
    start one character later. The patterns are only tried where their anchors allow
    (`date_anchors`), which finds the same matches as trying every position
    (`everywhere=True`, kept for the tests that check it).
    """
    found: list[tuple[int, int, _Found]] = []
    if everywhere:
        where = [None] * len(_PATTERNS)
    elif where is None:
        where = _anchor_scan().starts(s)
    for (pattern, handler, _), starts in zip(_PATTERNS, where, strict=True):
        pos = k = 0
        while True:
            if starts is None:
                m = pattern.search(s, pos)
            else:
                m = None  # the first candidate at or after `pos` where the pattern matches
                while m is None and k < len(starts):
                    if starts[k] >= pos:
                        m = pattern.match(s, starts[k])
                    k += 1
            if m is None:
                break
            i = m.start()
            a, b = m.span("x") if m.group("x") is not None else m.span("x2")
            res = handler(m, published) if a < b else None
            if res is None:
                # rejected ("2017 وعام 2014" is no range): a shorter reading may start later
                pos = i + 1
                continue
            found.append((a, b, res))
            pos = max(m.end(), i + 1)
    # Longest expression first among those starting at the same place, then left to right.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen: list[tuple[int, int, _Found]] = []
    last_end = -1
    for a, b, res in found:
        if a >= last_end:
            chosen.append((a, b, res))
            last_end = b
    return _join_ranges(s, chosen)


def _join_ranges(s: str, chosen: list[tuple[int, int, _Found]]) -> list[tuple[int, int, _Found]]:
    """Merge "من 01/12/2012 إلى تاريخ 06/09/2016" style pairs into one mention with `until`."""
    out: list[tuple[int, int, _Found]] = []
    for a, b, res in chosen:
        if out:
            pa, pb, prev = out[-1]
            gap = RANGE_GAP.fullmatch(s, pb, a)
            if (
                gap is not None
                and prev[2] in ("numeric", "day_month", "latin")
                and res[2] in ("numeric", "day_month", "latin")
                and prev[3] is None
                and res[0] > prev[0]
            ):
                out[-1] = (pa, b, (prev[0], prev[1], prev[2], res[0], prev[4] or res[4]))
                continue
        out.append((a, b, res))
    return out
