"""Counts in Arabic news: digits, number words, vague quantities, and the nouns they count.

Public API:

- `find_numbers(text: str | NormText) -> list[NumberMention]`: every count, left to right,
  with its span in the ORIGINAL text (the qualifier included: "أكثر من 20"), its value, the
  flags `vague` ("عشرات", "مئات", "آلاف", "عدد من": value None), `at_least` ("أكثر من",
  "ما لا يقل عن") and `approximate` ("نحو", "حوالي", "قرابة"), and the counted noun when
  one follows ("مقتل 12 عنصراً من داعش" -> noun "عنصر"), as a normalized stem without its
  article, proclitics or accusative alif.
- `parse_number_words(words) -> tuple[int, int] | None`: value of a run of normalized
  number words and how many words it used ("خمسه وعشرين" -> (25, 2)).

What is read: digits in both scripts (after normalization), with thousands dots or commas
("200.000", "500,000") and decimals ("6.9 مليون"); multipliers (ألف، آلاف، مليون، مليار);
number words up to the millions, masculine and feminine, with construct forms (ثلاثة،
ثلاث، عشرة، عشرين، مئة/مائة، مئتين، ألف، ألفين، ثلاثة آلاف); dual nouns ("غارتين",
"صاروخين" -> 2) for feminine nouns (ending in تين/تان) and a short list of masculine ones.
What is left out: explicit dates ("25/10/2017", "عام 2017"), times ("02:30"), percentages,
ordinals ("الـ20"), identifiers ("اللواء 444", "القرار 2254", "F-16", "T2").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import ahocorasick

from marsad.model import NormText, NumberMention
from marsad.text.clitics import wordset
from marsad.text.dates import date_spans
from marsad.text.normalize import normalize_text

__all__ = ["UNIT_WORDS", "find_numbers", "parse_number_words"]

# --- number words, normalized (ة -> ه, أ -> ا, ئ -> ي) ------------------------------------
_UNITS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثه": 3,
    "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
    "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}  # fmt: skip
#: the unit words and their values, for rules that read a count word on its own
UNIT_WORDS: Mapping[str, int] = MappingProxyType(_UNITS)
# the first word of 11-19 ("احد عشر", "اثنا عشر", "ثلاثه عشر" ...) then "عشر"/"عشره"
_TEEN_HEADS = {
    "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, **{
        k: v for k, v in _UNITS.items() if 3 <= v <= 9
    },
}  # fmt: skip
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
# normalized: مئة -> "ميه", مائة -> "مايه", مئتين -> "ميتين"
_HUNDREDS = {"ميه": 100, "مايه": 100, "ميتان": 200, "ميتين": 200, "مايتان": 200,
             "مايتين": 200, "ميتي": 200, "مايتي": 200}  # fmt: skip
# "ثلاثمئة", "خمسمائة": a unit glued to the hundred
_HUNDREDS.update({
    head + hundred: v * 100
    for head, v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                    ("ثماني", 8), ("تسع", 9))
    for hundred in ("ميه", "مايه")
})  # fmt: skip
_HUNDRED_WORDS = frozenset({"ميه", "مايه"})
_THOUSANDS = {"الف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000, "الفي": 2000,
              "الاف": 1000}  # fmt: skip
_MILLIONS = {"مليون": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
             "مليوني": 2 * 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}  # fmt: skip
_DUAL_MULTIPLIERS = frozenset({"الفان", "الفين", "الفي", "مليونان", "مليونين", "مليوني"})
_MULTIPLIERS = {**_THOUSANDS, **_MILLIONS}
_VAGUE = {"عشرات": 10, "العشرات": 10, "ميات": 100, "الميات": 100, "الاف": 1000,
          "الالاف": 1000, "عده": 3, "بضع": 3, "بضعه": 3, "العديد": 3}  # fmt: skip
_NUMBER_WORDS = frozenset({*_UNITS, *_TEEN_HEADS, *_TENS, *_HUNDREDS, *_MULTIPLIERS})

_AT_LEAST = re.compile(
    r"(?:اكثر من|ما يزيد (?:عن|علي)|يزيد (?:عن|علي)|ما لا يقل عن|لا يقل عن|ما يفوق|يفوق|فوق)\s*$"
)
_APPROX = re.compile(r"(?:نحو|حوالي|قرابه|زهاء|ما يقارب|ما يقرب من|يقارب|تقريبا|قراب)\s*$")
_AT_MOST = re.compile(r"(?:اقل من|ما لا يزيد (?:عن|علي)|لا يزيد (?:عن|علي))\s*$")

# a token: a number in digits (with thousands separators or decimals) or an Arabic word
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# words before a number that make it a name, not a count ("اللواء 444", "القرار 2254")
_ID_WORDS = wordset(
    "اللواء الفوج الفرقه الكتيبه القرار قرار رقم الرقم الماده البند الطريق طريق "
    "الحاجز الكيلو الكيلومتر المبني الشارع النقطه الحي القطاع الموقع التل تل المرتفع "
    "الساعه ساعه الدقيقه العدد عدد الجزء الصفحه الفصل الطابق الايه المرحله"
)
_NOT_NOUNS = wordset(
    "من في علي الي عن مع و او ثم قد كان كانت وقد حتي منذ بين خلال بعد قبل عند لدي ان انه "
    "الذي التي الذين ما لا لم لن هو هي هم كما اي كل بعض اخر اخري تقريبا فقط ايضا"
)
_MASC_DUAL_STEMS = wordset(
    "صاروخ عنصر شخص هجوم قتيل جريح طفل زورق موقع مبني جندي مقاتل قيادي مسلح انتحاري "
    "لغم مدفع مركز مقر حاجز يوم اسبوع شهر عام صحفي مسعف ضابط شاب رجل"
)
_NOT_DUAL = wordset("بوتين لاتين زيتين فيتين كريستين نيكوتين روتين")
# "بالمئة", "في المائة" after a number: a percentage (normalized: مئة -> "ميه", مائة -> "مايه")
_PERCENT = re.compile(r"\s*(?:بال|في ال)(?:ميه|مايه)")


def parse_number_words(words: list[str]) -> tuple[int, int] | None:
    """Value of the number words at the head of `words` and how many words it used."""
    total = 0
    current = 0
    used = 0
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if i > 0:
            if w in _MULTIPLIERS or w in _HUNDRED_WORDS:
                pass  # "ثلاثه الاف", "ثلاث ميه": no conjunction before a multiplier
            elif w.startswith("و") and len(w) >= 3:
                w = w[1:]  # "وعشرين": the conjunction joins the parts of one number
            else:
                break
        if w in _TEEN_HEADS and i + 1 < n and words[i + 1] in ("عشر", "عشره"):
            if current % 100:
                break
            current += _TEEN_HEADS[w] + 10
            i += 2
        elif w in _UNITS:
            if current % 10:
                break
            current += _UNITS[w]
            i += 1
        elif w in _TENS:
            if current % 100 >= 10:
                break
            current += _TENS[w]
            i += 1
        elif w in _HUNDREDS:
            value = _HUNDREDS[w]
            if w in _HUNDRED_WORDS and 3 <= current <= 9:
                current *= 100  # "ثلاث مئه" written as two words
            elif current % 1000:
                break
            else:
                current += value
            i += 1
        elif w in _MULTIPLIERS:
            mult = _MULTIPLIERS[w]
            if w in _DUAL_MULTIPLIERS:
                if current:
                    break
                total += mult
            else:
                if w in ("الاف", "ملايين", "مليارات") and not 3 <= current <= 10:
                    break  # "آلاف" alone is vague, counted only after 3-10
                total += (current or 1) * mult
            current = 0
            i += 1
        else:
            break
        used = i
    value = total + current
    if used == 0 or value == 0:
        return None
    return value, used


def _digits_value(token: str) -> float | None:
    """Value of a digit token: "200.000" and "500,000" are thousands, "6.9" a decimal."""
    if len(token) > 18:
        return None  # no count is that long: an identifier or a run of digits
    parts = re.split(r"[.,]", token)
    if len(parts) == 1:
        return float(token)
    if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
        return float("".join(parts))
    if len(parts) == 2:
        return float(parts[0] + "." + parts[1])
    return None


def _strip_word(word: str) -> str:
    """A noun's stem: no proclitic, article or accusative alif ("عنصرا" -> "عنصر")."""
    for chain in ("وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if word.startswith(chain) and len(word) - len(chain) >= 3:
            word = word[len(chain) :]
            break
    if len(word) >= 4 and word.endswith("ا") and not word.endswith(("اا", "يا")):
        word = word[:-1]
    return word


def _dual(word: str) -> str | None:
    """The singular of a dual noun ("غارتين" -> "غاره", "صاروخين" -> "صاروخ"), else None."""
    if word.startswith(("ال", "وال", "بال", "لل")):
        return None  # "المدينتين", "الواقعتين": two things already named, or an adjective
    stem = _strip_word(word)
    if stem in _NOT_DUAL or len(stem) < 5 or stem.endswith("ستان"):
        return None  # "كردستان", "باكستان" are no duals
    if stem.endswith(("تين", "تان")) and not stem.endswith(("يتين", "ويتين")):
        return stem[:-3] + "ه"
    if stem.endswith(("ين", "ان")) and stem[:-2] in _MASC_DUAL_STEMS:
        return stem[:-2]
    return None


# Single words that are numbers only in front of a counted noun ("ست" is also "lady",
# "سبع" "lion", "عشر" "a tenth").
_NEEDS_NOUN = frozenset({"ست", "خمس", "سبع", "عشر", "ثمان", "تسع", "اربع", "ثلاث", "الف"})
# Number words that follow their noun ("عمليه واحده", "مصابان اثنان").
_AFTER_NOUN = frozenset({"واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين"})


# The words `_number_at` reads as (the start of) a number: a number word or a vague word,
# bare or after one of the proclitics it strips.
_NUMBER_PROCLITICS = ("", "وب", "و", "ب", "ل", "ف", "ك")
_OPENERS = frozenset(p + w for p in _NUMBER_PROCLITICS for w in (*_NUMBER_WORDS, *_VAGUE))
# `_dual` only reads words whose stem (`_strip_word`: maybe without a final alif) ends so
_DUAL_ENDS = ("ين", "ان", "ينا", "انا")


# One count or dual as `_scan` finds it, in normalized offsets: (start, end, value, vague,
# at_least, approximate, noun, noun span).
_Count = tuple[int, int, int | None, bool, bool, bool, str | None, tuple[int, int] | None]
_Tok = tuple[int, int, str]
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")  # the digit tokens of `_TOKEN`
# Around a token, `_number_at`, `_dual` and `_noun_after` read at most 2 tokens before it
# and 9 after it (the token and 9 more: `_AHEAD`); windows are cut longer (`_WINDOW`) so
# that the next candidates reuse them.
_BACK, _AHEAD, _WINDOW = 2, 10, 20


def find_numbers(text: str | NormText,
                 dates: list[tuple[int, int]] | None = None) -> list[NumberMention]:
    """Find the counts in `text` with their values, qualifiers and counted nouns.

    `dates`: `date_spans` of the normalized text, when the caller has them.
    """
    norm = text if isinstance(text, NormText) else normalize_text(text)
    out: list[NumberMention] = []
    for start, end, value, vague, at_least, approx, noun, noun_at in _scan(norm.text, dates=dates):
        span = norm.original_span(start, end)
        out.append(
            NumberMention(
                span,
                span.slice(norm.original),
                value,
                vague=vague,
                at_least=at_least,
                approximate=approx,
                noun=noun,
                noun_span=None if noun_at is None else norm.original_span(*noun_at),
            )
        )
    return out


def _scan(s: str, everywhere: bool = False,
          dates: list[tuple[int, int]] | None = None) -> list[_Count]:
    """The counts and duals of normalized `s`, left to right.

    Token by token, as `_TOKEN` cuts the text; but only the tokens that can open a count or
    be a dual (`_candidates`) are looked at, each in a window of the tokens around it, which
    reads exactly as the whole token list does (`everywhere=True`, kept for the tests).
    """
    if everywhere:
        every = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s)]
        index = {t[0]: k for k, t in enumerate(every)}
        starts = list(index)
    else:
        starts = _candidates(s)
        window = _Windows(s)
    out: list[_Count] = []
    # `dates`: found when the first candidate needs them, unless given
    d = read_to = 0
    for a in starts:
        if a < read_to:
            continue  # part of the count before: "ثلاثه الاف"
        toks, i = (every, index[a]) if everywhere else window(a)
        b, w = toks[i][1], toks[i][2]
        if not (w[0].isdecimal() or w in _OPENERS or w.endswith(_DUAL_ENDS)):
            continue  # neither a number (`_number_at`) nor a dual (`_dual`): most words
        if dates is None:
            dates = date_spans(s)
        while d < len(dates) and dates[d][1] <= a:
            d += 1
        if d < len(dates) and dates[d][0] <= a:
            continue  # inside a date: "25/10/2017", "عام 2017"
        found = _number_at(s, toks, i)
        if found is None:
            single = _dual(w)
            if single is not None and not (i and _number_at(s, toks, i - 1)):
                out.append((a, b, 2, False, False, False, single, (a, b)))
            continue
        value, vague, end_i, start = found
        word = s[start:b] if end_i == i + 1 else ""
        noun, noun_at = _noun_after(s, toks, end_i, vague)
        if noun is None and word in _AFTER_NOUN:
            noun, noun_at = _noun_before(toks, i)
        if noun is None and word in _NEEDS_NOUN:
            continue
        at_least, approx, start = _qualifier(s, start)
        read_to = toks[end_i - 1][1]
        out.append(
            (start, read_to, None if vague else value, vague, at_least, approx, noun, noun_at)
        )
    return out


def _letter(ch: str) -> bool:
    """True for the characters of `_TOKEN`'s word tokens (`[^\\W\\d_]`)."""
    return ch.isalnum() and not ch.isdecimal()


@functools.cache
def _openers() -> ahocorasick.Automaton:
    """Every word that can open a count, and every ending of a dual, for one pass."""
    auto = ahocorasick.Automaton()
    for word in _OPENERS:
        auto.add_word(word, (len(word), False))
    # `_dual` reads a stem (maybe without a final alif) ending in تين/تان, or a masculine stem
    # of its list + ين/ان
    for end in ("تين", "تان", *(m + e for m in _MASC_DUAL_STEMS for e in ("ين", "ان"))):
        auto.add_word(end, (len(end), True))
    auto.make_automaton()
    return auto


def _candidates(s: str) -> list[int]:
    """Starts of the tokens that may open a count or be a dual, in order (a few more)."""
    n = len(s)
    out = {m.start() for m in _DIGITS.finditer(s)}
    for last, (length, dual) in _openers().iter(s):
        j, e = last + 1 - length, last + 1
        if dual:
            # the token ends here, or after one more alif ("غارتينا" is not written, but
            # `_strip_word` would read it)
            if (
                e < n
                and _letter(s[e])
                and not (s[e] == "ا" and (e + 1 == n or not _letter(s[e + 1])))
            ):
                continue
            while j and _letter(s[j - 1]):
                j -= 1
            out.add(j)
        elif (j == 0 or not _letter(s[j - 1])) and (e == n or not _letter(s[e])):
            out.add(j)
    return sorted(out)


class _Windows:
    """The tokens around a token start, as `_TOKEN` cuts the whole text.

    A token never holds a character that is neither alphanumeric nor "." or ",", so
    tokenizing from just after one such character gives the same tokens as from the start.
    """

    def __init__(self, s: str) -> None:
        self.s = s
        self.toks: list[_Tok] = []
        self.index: dict[int, int] = {}
        self.whole_start = self.whole_end = False

    def __call__(self, a: int) -> tuple[list[_Tok], int]:
        """(tokens, index of the token starting at `a`) with enough tokens either side."""
        i = self.index.get(a)
        if (
            i is not None
            and (i >= _BACK or self.whole_start)
            and (len(self.toks) >= i + _AHEAD or self.whole_end)
        ):
            return self.toks, i
        s = self.s
        back = 16 * _BACK
        while True:
            lo = max(0, a - back)
            while lo and (s[lo - 1].isalnum() or s[lo - 1] in ".,"):
                lo -= 1
            toks: list[_Tok] = []
            i = -1
            for m in _TOKEN.finditer(s, lo):
                if m.start() == a:
                    i = len(toks)
                toks.append((m.start(), m.end(), m.group()))
                if i >= 0 and len(toks) > i + _WINDOW:
                    break
            if i >= _BACK or lo == 0:
                break
            back *= 4
        self.toks, self.whole_start = toks, lo == 0
        self.whole_end = len(toks) <= i + _WINDOW
        self.index = {t[0]: k for k, t in enumerate(toks)}
        return toks, i


def _qualifier(s: str, start: int) -> tuple[bool, bool, int]:
    """(at_least, approximate, new start) from "أكثر من", "نحو", "أقل من" before `start`."""
    before = s[max(0, start - 20) : start]
    q = _AT_LEAST.search(before)
    if q:
        return True, False, start - (len(before) - q.start())
    q = _APPROX.search(before) or _AT_MOST.search(before)
    if q:
        return False, True, start - (len(before) - q.start())
    return False, False, start


def _number_at(s: str, toks: list[_Tok], i: int) -> tuple[int, bool, int, int] | None:
    """(value, vague, index after the number, normalized start) of a number at token `i`."""
    a, b, w = toks[i]
    prev = toks[i - 1][2] if i else ""
    # decimal digits only: "²" and "①" are digits to `isdigit` but float() refuses them
    if w[0].isdecimal():
        if _excluded_digits(s, a, b, prev):
            return None
        value = _digits_value(w)
        if value is None:
            return None
        j = i + 1
        if j < len(toks) and toks[j][2] in _MULTIPLIERS and toks[j][0] - b <= 1:
            value *= _MULTIPLIERS[toks[j][2]]
            j += 1
        return round(value), False, j, a
    # an Arabic word: strip a proclitic ("بستة", "وعشرات") and read number words
    word, skip = w, 0
    for p in _NUMBER_PROCLITICS:  # the whole word first: "واحد", "ست"
        rest = w[len(p) :]
        if w.startswith(p) and (rest in _NUMBER_WORDS or rest in _VAGUE):
            word, skip = rest, len(p)
            break
    if word in _VAGUE:
        j = i + 1
        if j < len(toks) and toks[j][2] in ("الالاف", "الاف", "الملايين"):
            j += 1  # "عشرات الآلاف", "مئات الآلاف"
        if word == "العديد" and not (j < len(toks) and toks[j][2] == "من"):
            return None
        return 0, True, j, a + skip
    if word not in _NUMBER_WORDS or prev in _ID_WORDS:
        return None
    parsed = parse_number_words([word] + [t[2] for t in toks[i + 1 : i + 8]])
    if parsed is None:
        return None
    value, used = parsed
    return value, False, i + used, a + skip


def _excluded_digits(s: str, a: int, b: int, prev: str) -> bool:
    """True for digits that are no count: times, percentages, ordinals, identifiers."""
    after = s[b : b + 12]
    before = s[max(0, a - 3) : a]
    if after[:1] in (":", "/", "%") or before[-1:] in (":", "/", "-"):
        return True
    if before.endswith(("ال", "ال ")):
        return True  # "الـ20": an ordinal
    if a and (s[a - 1].isascii() and s[a - 1].isalpha()):
        return True  # "T2", "F-16", "9M79"
    if b < len(s) and s[b].isascii() and s[b].isalpha():
        return True
    if _PERCENT.match(after):
        return True
    return prev in _ID_WORDS


def _noun_after(
    s: str, toks: list[_Tok], j: int, vague: bool
) -> tuple[str | None, tuple[int, int] | None]:
    """The counted noun right after a number ("12 عنصرا"), or after "من" for vague ones."""
    if j >= len(toks):
        return None, None
    a, b, w = toks[j]
    if s[toks[j - 1][1] : a].strip(" \u00a0") not in ("", '"', "'"):
        return None, None  # punctuation between: no noun
    if w == "من" and vague and j + 1 < len(toks):
        a, b, w = toks[j + 1]
    if w[0].isdigit() or w in _NOT_NOUNS or w in _NUMBER_WORDS or len(w) < 2:
        return None, None
    return _strip_word(w), (a, b)


def _noun_before(toks: list[_Tok], i: int) -> tuple[str | None, tuple[int, int] | None]:
    """The noun before "اثنان"/"اثنين" ("مصابان اثنان")."""
    if i == 0:
        return None, None
    a, b, w = toks[i - 1]
    if w in _NOT_NOUNS or w[0].isdigit():
        return None, None
    stem = _strip_word(w)
    for end in ("ان", "ين"):
        if stem.endswith(end) and len(stem) > 4:
            stem = stem[:-2]
            break
    return stem, (a, b)
