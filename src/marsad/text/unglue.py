"""Words a web page glued together, split again (offsets to the raw text kept).

Text taken from web pages often loses the space where a link or a styled span began or
ended: "أفاد مراسلالميادينفي دمشق", "تماستهداف منطقة", "بقصفالقاعدة الأميركية". Left
glued, the source phrase, the trigger, the place or the actor in such a token are lost.
Two steps, both after `normalize_text` (which already splits after a glued "ة"/"ى"):

1. Linked names (`sources.linked` in cues.yaml, the outlet's own name): a proper name
   takes no suffix, so a letter right after it always starts the next word, and a letter
   before it starts the word only when what precedes is not a proclitic ("والميادين" and
   "بالميادين" stay whole). For a name with the article, its ل form ("للميادين") too.
2. Any other token that is no known word (nor a proclitic chain plus one, nor a known
   word plus an enclitic pronoun) but is two known words written as one ("تماستهداف" is
   "تم" + "استهداف"), or rarely three. Arabic words legitimately contain other words
   ("انقطاع" is not "ان" + "قطاع", "جريحان" is not "جري" + "حان"), so the rule is
   conservative (`_best_cut`): both parts must be known and frequent (a three-letter
   part very frequent), a two-letter part only a particle from a short list ("تم",
   "في", "من", "عن"; "ان", "مع", "قد" only before the article), no part an ending that is
   also a word ("-ان", "-ين", "-ها"), and the best cut is the one with plain words, then
   the article or a trigger/actor/place after the cut. The known words are shipped data
   (`text/data/glue_words.tsv`, built by tools/glue_words.py, to be rebuilt when the
   lexicon or gazetteer changes): frequent words of news text with their counts (single
   words, no text), and the lexicon's and gazetteer's words.

Speed: a text pays one regex scan for its runs of 5+ letters and one C set difference
with the known words; each spelling left costs one dictionary lookup (its analysis is
memoized on the `GlueWords`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources

from marsad.model import NormText
from marsad.text.clitics import analyses

__all__ = ["GlueWords", "glue_words", "glued_cuts", "load_glue_words", "unglue"]

#: what may stand before a name in one written word (conjunctions and prepositions)
_PROCLITICS = frozenset({"و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"})
#: a run of Arabic letters (normalized text has no marks or tatweel)
_TOKEN = re.compile("[\u0621-\u063a\u0641-\u064a]+")
#: the shortest token that can be two parts (a two-letter word and a three-letter one)
_MIN_TOKEN = 5
#: a run of letters that long (a match is a whole run: the repeat is greedy)
_LONG_TOKEN = re.compile(f"[\u0621-\u063a\u0641-\u064a]{{{_MIN_TOKEN},}}")

#: two-letter words that may stand first in a glued token ("تم", "في"); after "ان",
#: "الان", "مع", "قد" (which also start "انقطاع", "معالجه", "قدرات") only a word with the
#: article may follow (or, after "مع"/"قد", a lexicon word)
_SHORT_FIRST = frozenset({"في", "من", "عن", "تم", "ان", "الان", "مع", "قد", "اذ"})
_ARTICLE_AFTER = frozenset({"ان", "الان", "مع", "قد"})
_STRONG_AFTER = frozenset({"مع", "قد"})
#: a single proclitic letter a short first word may carry ("وتم", "بان", "فان")
_SHORT_PROCLITIC = "وفبل"
_PROCLITIC_LETTERS = "وفبلك"
#: two-letter words that may end a glued token ("هجوممنذ" has none: "منذ" is long)
_SHORT_LAST = frozenset({"في", "من", "عن"})
#: never a first part, bare or after one proclitic letter: "الا", "الي" start most words
#: with the article ("الامثله", "بالاصلاح"), "إلى"/"على" end with "ى", after which
#: normalization already splits, and "عبد" starts names written as one ("عبدالله")
_NEVER_FIRST = frozenset({"الا", "الي", "علي", "عبد", "العبد"})
#: never a last part: endings that are also words (dual, plural, pronouns: "الجانبان",
#: "موقعان", "ضربهما"), "الي" (with ي, "نفتالي" is a name; "إلى" ends in ى), "اليه"
_NEVER_LAST = frozenset({
    "ان", "ين", "ون", "ات", "تين", "تان", "يين", "يه", "وا", "تم", "تن", "ني", "ها", "هم",
    "هما", "هن", "نا", "كم", "كما", "كن", "يا", "اء", "الي", "وان", "وهما", "وهم", "بها",
    "اليه", "اليها", "اليهم",  # also the ending "-الية" ("الامبريالية")
})
#: endings a known word may take and stay one word (nisba, dual, plural, feminine)
_ENDINGS = frozenset({"ي", "يه", "ين", "يين", "ون", "ات", "ان", "تين", "تان", "ه", "يا", "ا"})
#: words with "ال" in front that are not article + word ("اليه" is إليه)
_NOT_ARTICLE = frozenset({"الاف", "اليه", "اليها", "اليهم", "الات", "اليات", "الي", "الا"})
#: a three-letter part must be this frequent in the news, or a strong word this frequent
#: ("حان", "ضعف", "تقل" and the verb "رات" are words, but more often ends of longer ones)
_MIN_SHORT_COUNT = 30
_MIN_SHORT_STRONG = 10


@dataclass(frozen=True, slots=True)
class GlueWords:
    """The words the unglue step knows, from shipped data."""

    #: every word never split: frequent words of the news, lexicon and gazetteer words
    words: frozenset[str]
    #: words that may be a part of a glued token -> their count in the news corpus
    counts: Mapping[str, int]
    #: lexicon triggers, actors, targets and major place names: the preferred parts
    strong: frozenset[str]
    #: token -> its cut offsets (empty: not split); filled as tokens are met
    _memo: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)


def load_glue_words(text: str) -> GlueWords:
    """Read a glue word list: `word<TAB>count<TAB>flags` lines ("#" comments).

    Flags: "p" the word may be a part, "s" a strong part (implies "p"); a word with
    neither is only never split.
    """
    words: set[str] = set()
    counts: dict[str, int] = {}
    strong: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, count, flags = line.split("\t")
        words.add(word)
        if "p" in flags or "s" in flags:
            counts[word] = int(count)
        if "s" in flags:
            strong.add(word)
    return GlueWords(frozenset(words), counts, frozenset(strong))


def glue_words() -> GlueWords:
    """Read the shipped glue word list (`text/data/glue_words.tsv`); the caller keeps it
    (`pipeline.load_resources` gives it to the matcher), as with the lexicons."""
    data = resources.files("marsad.text").joinpath("data", "glue_words.tsv")
    return load_glue_words(data.read_text(encoding="utf-8"))


def _known(token: str, words: frozenset[str]) -> bool:
    """Whether `token` is a known word, alone or with proclitics, an enclitic, or an
    ending of nisba, number or gender ("العملياتيه" is "العمليات" + "يه")."""
    if token in words:
        return True
    for an in analyses(token):
        form = an.form
        if form in words or (an.article and "ال" + form in words):
            return True
        for k in (1, 2, 3):
            if len(form) - k >= 3 and form[-k:] in _ENDINGS:
                stem = form[:-k]
                if stem in words or (an.article and "ال" + stem in words):
                    return True
    return False


def _short_ok(x: str, count: int, gw: GlueWords) -> bool:
    """Whether the three-letter word `x` is frequent enough to be a part."""
    return count >= (_MIN_SHORT_STRONG if x in gw.strong else _MIN_SHORT_COUNT)


def _part(x: str, gw: GlueWords, first: bool) -> tuple[int, int, int] | None:
    """(plain, strong, count) when `x` may be one part of a glued token, else None.

    A part is a known word as written ("plain"), or one behind proclitics or before an
    enclitic pronoun ("بقصف", "ضربها"). A last part with proclitics and no article needs
    a stem of four letters ("وبلده"; "لوهم", "وجري" are more often whole words' ends).
    """
    if x in gw.counts:
        count = gw.counts[x]
        if len(x) == 3 and not _short_ok(x, count, gw):
            return None
        return 1, x in gw.strong, count
    for an in analyses(x):
        if not (an.prefix_len or an.suffix) or len(an.stem) < 3:
            continue
        if not first and an.prefix_len and not an.article and len(an.stem) < 4:
            continue
        form = an.form if an.form in gw.counts or not an.article else "ال" + an.form
        count = gw.counts.get(form)
        if count is None:
            continue
        if len(form) == 3 and not _short_ok(form, count, gw):
            continue
        return 0, form in gw.strong, count
    return None


def _short_first(a: str) -> str | None:
    """The two-letter word `a` is ("تم", or "بان" -> "ان"), or None."""
    if a in _SHORT_FIRST:
        return a
    if len(a) == 3 and a[0] in _SHORT_PROCLITIC and a[1:] in _SHORT_FIRST:
        return a[1:]
    if len(a) == 5 and a[0] in _SHORT_PROCLITIC and a[1:] == "الان":
        return "الان"
    return None


def _has_article(b: str) -> bool:
    return b.startswith("ال") and len(b) >= 5 and b not in _NOT_ARTICLE


def _split(token: str, gw: GlueWords) -> tuple[int, ...]:
    """Where `token` (no known word) is cut into two known words, or three, or ().

    Three only when two will not do, the first a word and the rest (6+ letters, no known
    word) two ("موقعاكسيوسالاميركي").
    """
    best = _best_cut(token, gw)
    if best is not None:
        return (best[1],)
    for i in range(2, len(token) - 5):
        rest = token[i:]
        if _first(token[:i], rest, gw) is None or _known(rest, gw.words):
            continue
        more = _best_cut(rest, gw)
        if more is not None:
            return (i, i + more[1])
    return ()


def _first(a: str, b: str, gw: GlueWords) -> tuple[int, int, int] | None:
    """`_part(a)` when `a` may stand before `b` in a glued token, else None.

    A two-letter word of `_SHORT_FIRST` needs a `b` of 4+ letters, not starting with a
    conjunction, with the article after "ان"/"مع"/"قد" (or a strong word after "مع"/"قد");
    a longer `a` is a `_part`.
    """
    if a in _NEVER_FIRST or (a[0] in _PROCLITIC_LETTERS and a[1:] in _NEVER_FIRST):
        return None
    short = _short_first(a)
    if short is not None:
        # a conjunction never follows a preposition or particle: "عنوانها" is no "عن وانها"
        if len(b) < 4 or (b[0] in "وف" and b not in gw.counts):
            return None
        if short in _ARTICLE_AFTER and not _has_article(b) and not (
                short in _STRONG_AFTER and b in gw.strong):
            return None
        return 1, 0, 10_000
    return _part(a, gw, True) if len(a) >= 3 else None


def _best_cut(token: str, gw: GlueWords) -> tuple[tuple[int, int, int, int, int], int] | None:
    """(score, offset) of the best cut of `token` into two known words, or None.

    Every cut [a | b] must pass: `_first(a, b)`; b is one of "في"/"من"/"عن" or a part
    (`_part`) of 3+ letters not in `_NEVER_LAST`. Among valid cuts the best has the most
    parts written plainly ("القتال|خلال" beats "القت|الخلال"), then b with the article
    ("بعد|التصعيد" beats "بعدا|لتصعيد"), then a strong b, then the longest a (a suffix
    belongs to the word before: "الايرانيين|في", not "الايراني|ينفي"). The score's last
    field, the count of the rarer part, is for the builder.
    """
    best: tuple[tuple[int, int, int, int, int], int] | None = None
    for i in range(2, len(token) - 1):
        a, b = token[:i], token[i:]
        if b in _NEVER_LAST:
            continue
        if len(b) == 2:
            if b not in _SHORT_LAST:
                continue
            pb: tuple[int, int, int] | None = (1, 0, 10_000)
        else:
            pb = _part(b, gw, False)
        if pb is None:
            continue
        pa = _first(a, b, gw)
        if pa is None:
            continue
        score = (pa[0] + pb[0], _has_article(b), pb[1], i, min(pa[2], pb[2]))
        if best is None or score > best[0]:
            best = (score, i)
    return best


def _cut(token: str, gw: GlueWords) -> tuple[int, ...]:
    """`glued_cuts` without the memo."""
    if len(token) < _MIN_TOKEN or _known(token, gw.words):
        return ()
    return _split(token, gw)


def glued_cuts(token: str, gw: GlueWords) -> tuple[int, ...]:
    """The offsets in normalized `token` where a space belongs (empty: a word, or unknown)."""
    memo = gw._memo
    cuts = memo.get(token)
    if cuts is None:
        cuts = _cut(token, gw)
        if len(memo) > 50_000:  # bounds the memory of a long run
            memo.clear()
        memo[token] = cuts
    return cuts


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _forms(name: str) -> tuple[str, ...]:
    """The written forms of one linked name: itself and, with the article, its ل form."""
    if name.startswith("ال") and len(name) > 3:
        return (name, "لل" + name[2:])
    return (name,)


def _cuts(text: str, form: str) -> set[int]:
    """The offsets in `text` where a space belongs around each glued `form`."""
    cuts: set[int] = set()
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        word = start
        while word > 0 and _is_letter(text[word - 1]):
            word -= 1
        if word < start and text[word:start] not in _PROCLITICS:
            cuts.add(start)
        if end < len(text) and _is_letter(text[end]):
            cuts.add(end)
        start = text.find(form, end)
    return cuts


def _occurrences(text: str, token: str) -> list[int]:
    """Where `token` stands in `text` as a whole run of letters."""
    out = []
    n = len(token)
    at = text.find(token)
    while at != -1:
        if not (at and _is_letter(text[at - 1])) and not (
                at + n < len(text) and _is_letter(text[at + n])):
            out.append(at)
        at = text.find(token, at + n)
    return out


def _word_cuts(text: str, gw: GlueWords) -> set[int]:
    """The offsets in `text` where a space belongs inside a glued token (step 2)."""
    # the runs of letters long enough to be two words (one C scan), minus the known ones
    # (a C set difference): only the few left are looked at in Python
    cuts: set[int] = set()
    for token in set(_LONG_TOKEN.findall(text)) - gw.words:
        split = glued_cuts(token, gw)
        if split:
            cuts.update(at + c for at in _occurrences(text, token) for c in split)
    return cuts


def _insert(norm: NormText, cuts: set[int]) -> NormText:
    """`norm` with a space at each offset of `cuts`.

    An inserted space maps to the original offset of the character before it (as the
    space after a glued "ة" does), so the offsets never decrease and a span that ends at
    the space ends in the original right after that character.
    """
    text, old = norm.text, norm.to_original
    pieces: list[str] = []
    offsets = array("q")  # slices of an array are copied without an int object each
    prev = 0
    for cut in sorted(cuts):
        pieces.append(text[prev:cut])
        pieces.append(" ")
        offsets.extend(old[prev:cut])
        offsets.append(old[cut - 1])
        prev = cut
    pieces.append(text[prev:])
    offsets.extend(old[prev:])
    return NormText("".join(pieces), offsets, norm.original)


def unglue(norm: NormText, names: Iterable[str], words: GlueWords | None = None) -> NormText:
    """`norm` with a space wherever a linked name or a known word is glued to a word.

    Known words are split only with a `words` list (`glue_words()` reads the shipped one);
    a text with nothing glued comes back as the same object.
    """
    cuts: set[int] = set()
    text = norm.text
    for name in names:
        for form in _forms(name):
            if form in text:
                cuts |= _cuts(text, form)
    if cuts:
        norm = _insert(norm, cuts)
    if words is None:
        return norm
    more = _word_cuts(norm.text, words)
    return _insert(norm, more) if more else norm
