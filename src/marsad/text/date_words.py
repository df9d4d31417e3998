"""The words and regular expressions `dates` reads date expressions with.

Everything is in normalized spelling (أ إ آ -> ا, ة -> ه, ى -> ي): the tables of weekdays,
months (Levantine, Egyptian and Gulf, Maghrebi, Latin, Hijri), ordinals and parts of a month,
and one compiled pattern per family of expressions (`RE_*`), whose named group `x` is the
span of the expression. `dates` pairs each pattern with the handler that resolves it.
"""

from __future__ import annotations

import re

# --- vocabulary, in normalized spelling (أ إ آ -> ا, ة -> ه, ى -> ي) -----------------------

WEEKDAYS = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}  # fmt: skip
MONTHS = {
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12, "تشرين اول": 10, "تشرين ثاني": 11, "كانون اول": 12, "كانون ثاني": 1,
    # Egyptian / Gulf
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12,
    # Maghrebi (Libya, Tunisia, Algeria)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7, "اوت": 8,
}  # fmt: skip
# Month names that are also common words ("مارس" = practised, "اب" = father): accepted only
# with a day, a year, a second month name, "شهر" or a relative word next to them.
AMBIGUOUS_MONTHS = frozenset({"اب", "مارس", "اوت", "ماي"})
LATIN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخره": 6,
    "جمادي الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11,
    "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}  # fmt: skip
ORDINALS = {
    "الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10,
}  # fmt: skip
COUNT_WORDS = {
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10,
    "عشر": 10,
}  # fmt: skip
# Parts of a month or year: مطلع/أوائل/بداية -> start, منتصف/أواسط -> middle, أواخر/نهاية -> end.
PARTS = {
    "مطلع": 1, "اوايل": 1, "بدايه": 1, "مستهل": 1, "اول": 1, "منتصف": 15, "اواسط": 15,
    "اواخر": 25, "نهايه": 25, "اخر": 25,
}  # fmt: skip
PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "المنقضي")
CURRENT = ("الجاري", "الحالي", "الجاريه", "الحاليه")
NEXT = ("المقبل", "القادم", "المقبله", "القادمه")


def _alt(words: object) -> str:
    """Regex alternation of `words`, longest first, so "كانون الثاني" wins over "كانون"."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"  # type: ignore[arg-type]


_WD = _alt(WEEKDAYS)
MON = _alt(MONTHS)
# "آب/أغسطس", "نيسان / أبريل", "شباط- فبراير", "مايو / أيار", "(أغسطس)"
_MPAIR = rf"{MON}(?:\s*[/\-(]\s*{MON}\)?)?"
TODS = (
    "فجر", "صباح", "صبيحه", "ظهر", "ظهيره", "عصر", "مساء", "ليل", "ليله", "عشيه", "منتصف ليل",
    "قرابه منتصف ليل", "قرب منتصف ليل", "حتي ساعه متاخره من ليل", "ساعات الصباح الاولي من",
)  # fmt: skip
_TOD = _alt(TODS)
_REL = _alt((*PAST, *CURRENT, *NEXT))
_PART = _alt(PARTS)
ORD = (
    r"(?:(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+عشر"
    r"|(?:(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+و)?"
    r"(?:العشرين|الثلاثين)"
    r"|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)"
)
YEAR = r"(?:19|20)\d\d"
# Start and end of a word: proclitics و/ف and ب/ل may precede an expression (it is left out of the
# span); no letter may follow.
_B0 = r"(?<![^\W_])[وف]?[بل]?"
_B1 = r"(?![^\W_])"
_WD_TAIL = rf"(?:\s*[,\-(]?\s*(?:يوم\s+)?(?P<wd2>{_WD})\)?)?"

RE_RELDAY = re.compile(
    rf"(?<!حتي )(?<!الي )(?<!لغايه )(?<!نفس )(?<!ذات ){_B0}(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?"
    r"(?P<rel>اليوم الماضي|الليله الماضيه|امس الاول|اول امس|اول من امس|الاول من امس|امس"
    r"|البارحه|الليله|بعد غد|غدا|الغد"
    r"|اليوم(?!\s+(?:نفسه|ذاته|التالي|السابق|الاول|الثاني|الثالث|الرابع|الاخير|الوطني"
    r"|العالمي|الدولي|العربي)|\s*ال\s?\d))"
    rf"{_WD_TAIL}){_B1}"
)
RE_WEEKDAY = re.compile(
    rf"(?<!صلاه )(?<!خطبه ){_B0}(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?(?P<wd>{_WD})"
    rf"(?:\s*[\-/]?\s*(?P<wd2>{_WD}))?(?:\s+(?P<rel>{_REL}))?){_B1}"
)
RE_AGO = re.compile(
    rf"{_B0}(?P<x>(?P<kw>قبل|منذ)\s+(?:نحو\s+|حوالي\s+)?(?:(?P<n>\d{{1,3}}|{_alt(COUNT_WORDS)})\s+)?"
    r"(?P<unit>يومين|ايام|يوما|يوم|اسبوعين|اسابيع|اسبوع|شهرين|اشهر|شهور|شهر"
    r"|عامين|اعوام|عام|سنتين|سنوات|سنه|ساعات|ساعه|ساعتين))"
    # "منذ عام 2015", "منذ يوم الأحد", "منذ يوم أمس" are other forms
    rf"{_B1}(?!\s*(?:\d|{_WD}|امس|اول امس))"
)
RE_RECENT = re.compile(
    rf"{_B0}(?P<x>(?:خلال\s+)?(?:ال)?ساعات\s+(?:الماضيه|الاخيره|الاخيره الماضيه))" + _B1
)
RE_UNIT_REL = re.compile(
    rf"{_B0}(?P<x>(?:(?P<part>{_PART})\s+)?"
    # a day of that month: "بـ19 الشهر الماضي", "في الأول من هذا الشهر"
    rf"(?:(?:ال\s?)?(?P<d>\d{{1,2}})\s+(?:من\s+)?|(?P<od>{ORD})\s+من\s+)?"
    r"(?:(?P<this>هذا|هذه)\s+)?"
    r"(?P<unit>الاسبوع|الشهر|العام|السنه)"
    rf"(?:\s+(?P<rel>{_REL}))?(?!\s+(?:نفسه|ذاته))(?:\s*,?\s*(?P<y>{YEAR})(?!\d))?){_B1}"
)
RE_DAY_MONTH = re.compile(
    rf"{_B0}(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:(?:يوم\s+)?(?P<wd>{_WD})\s*,?\s*)?(?:يوم\s+)?"
    rf"(?:(?:ال\s?)?(?P<d>\d{{1,2}})|(?P<od>{ORD}))(?:\s*(?:-|و|الي|حتي)\s*(?:ال\s?)?(?P<d2>\d{{1,2}}))?"
    rf"\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_MPAIR})"
    rf"(?:\s*,?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{YEAR})(?:\s?م{_B1})?)?"
    rf"(?:\s+(?P<rel>{_REL}))?{_WD_TAIL}){_B1}"
)
RE_LATIN = re.compile(
    rf"(?P<x>(?:(?P<wd>{_WD})\s*,?\s*)?"
    rf"(?:(?P<m>{_alt(LATIN_MONTHS)})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})"
    rf"|(?P<d_>\d{{1,2}})\s+(?P<m_>{_alt(LATIN_MONTHS)})\.?,?\s+(?P<y_>{YEAR})))(?![\w])"
)
RE_NUMERIC = re.compile(
    rf"{_B0}(?P<x>(?:(?P<tod>{_TOD})\s+)?(?:(?:يوم\s+)?(?P<wd>{_WD})\s*,?\s*)?(?:(?:يوم|تاريخ)\s+)?"
    rf"(?:(?P<d>\d{{1,2}})(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s)(?P<y>{YEAR})"
    rf"|(?P<y_>{YEAR})(?P<s_>[/.\-])(?P<m_>\d{{1,2}})(?P=s_)(?P<d_>\d{{1,2}})))"
    rf"(?![\d/]|[.\-]\d){_WD_TAIL}"
)
# a preposition opens a word ("وفي آذار"), not ends one ("مصطفى شباط")
RE_MONTH = re.compile(
    rf"(?:(?<![^\W_])[وف]?(?P<prep>في|خلال|منذ|حتي)\s+)?"
    rf"{_B0}(?P<x>(?:(?P<part>{_PART})\s+)?(?:(?P<shahr>شهر|شهري)\s+)?(?P<m>{_MPAIR})"
    rf"(?:\s+(?P<rel>{_REL}))?"
    rf"(?:\s*,?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{YEAR})(?:\s?م{_B1})?)?){_B1}"
)
RE_YEAR = re.compile(
    rf"{_B0}(?:(?P<prep>منذ|في|خلال|حتي|بين|من|مند)\s+)?"
    rf"(?P<x>(?:(?P<part>{_PART})\s+)?(?:(?P<cue>عام|العام|عامي|العامين|سنه|السنه|سنتي"
    r"|صيف|ربيع|خريف|شتاء)\s+)?"
    rf"(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>{YEAR})(?:\s?م{_B1})?"
    rf"(?:\s*(?:-|–|الي|حتي|و)\s*(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y2>{YEAR}))?)(?![\d:%\w]|[.,/]\d)"
)
RE_YEAR_PAIR = re.compile(
    rf"\((?:مواليد\s+)?(?P<x>(?P<y>{YEAR})(?:\s*[-–/]\s*(?P<y2>{YEAR}))?)\)"
    rf"|(?<![^\W_])مواليد\s+(?:عام\s+)?(?P<x2>(?P<y3>{YEAR}))(?!\d)"
)
RE_HIJRI = re.compile(
    rf"{_B0}(?P<x>(?:(?P<d>\d{{1,2}})\s+)?(?:(?P<m>{_alt(HIJRI_MONTHS)})\s+)?(?P<y>1[34]\d\d)"
    r"(?:\s?(?P<h>ه))?)(?![^\W_])"
)
# words before "منذ" that make it "since" (an ongoing thing's start) rather than "ago"
ONGOING = re.compile(
    r"(?:مستمر|المستمر|متواصل|المتواصل|يتواصل|تتواصل|يستمر|تستمر|يواصل|تواصل|قايم"
    r"|القايم|الدايره|دايره|مستمره|المستمره|متواصله|المتواصله)\s*$"
)
RANGE_GAP = re.compile(r"\s*(?:-|–|الي|حتي|لغايه)\s*(?:(?:ال)?تاريخ\s+)?")
