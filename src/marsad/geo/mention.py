"""How the words around a place mention read: the cue words in and before it, the list it
ends, and the unit named right after it that locates it.

The mention's own feature and relation words ("قرية X", "ريف X"), those just before it
("في بلدة X", "بالقرب من X"), the cue governing a list it ends ("محافظات إدلب وحماة"),
and the unit named after it ("X في ريف دير الزور"), with the cue tables these are read
with. The resolver (`geo.resolve`) scores candidates against what is read here.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from marsad.geo.context import (
    _CLITIC_PREFIXES,
    _WORD,
    PROCLITICS,
    RELATION_WORDS,
    DocContext,
    Hit,
    strip_clitics,
)
from marsad.geo.distance import EARTH_KM
from marsad.geo.names import FEATURE_WORDS, NAME_HEADS, folded_surface_key, surface_key
from marsad.geo.place import Place
from marsad.text.normalize import fold

#: Plural or governing cue words that carry over a list ("محافظات إدلب وحماة وحلب").
_LIST_CUES = frozenset({"محافظات", "مدن", "بلدات", "قري", "ارياف", "ريفي", "مناطق", "احياء",
                        "محافظتي", "مدينتي", "بلدتي", "قريتي", "محاور", "جبهات", "مديريتي"})
_LIST_FEATURE = {"محافظتي": "governorate", "مدينتي": "city", "بلدتي": "town", "قريتي": "village"}
COUNTRYSIDE = frozenset({"ريف", "ارياف", "ريفي"})
#: Natural features: before a settlement they mean "near it" ("جبل مدينة البصيرة").
NATURAL = frozenset({"جبل", "تلال", "تله", "سهل", "وادي"})
#: Words between a place and the unit that locates it ("X في ريف دير الزور").
#: a feature word with the article points back at a place named before ("في المدينة")
#: and one without it is a feature word whose name did not match ("في مدينة دير الزورhttps"):
#: neither is the unit "المدينة" (Medina) that locates a place
_ANAPHORIC = frozenset({"المدينه", "المنطقه", "البلده", "القريه", "المحافظه", "الناحيه",
                        "مدينه", "منطقه", "بلده", "قريه", "محافظه", "ناحيه"})
_LINKS = frozenset({
    "في", "ريف", "ارياف", "محافظه", "مدينه", "منطقه", "داخل", "ضمن", "قرب", "بالقرب",
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "الواقع", "الواقعه",
    "التابع", "التابعه", "باديه", "قضاء", "ناحيه", "اطراف",
})
#: Words that may stand between a cue and the name without breaking it ("شمال العاصمة بغداد").
_NEUTRAL = frozenset({"منطقه", "العاصمه", "عاصمه"})
#: Words that make the name after them a river, sea or mountain ("شرقي نهر الفرات"): that
#: name is no admin unit of the same name (an Iraqi sub-district "الفرات") to locate by.
_NATURAL_HEADS = frozenset({"نهر", "بحر", "بحيره", "خليج", "جبل", "جبال", "وادي", "سهل"})
_BREAK = re.compile(r"[.!?:;\n]")
_BREAK_CHARS = frozenset(".!?:;\n")
_BREAKS_OR_COMMA = _BREAK_CHARS | {","}
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+و|^و")
#: Every cue word with each clitic it may carry ("وبريف", "بالقرب"), mapped to the bare cue,
#: so that words before a mention are read with one dict lookup.
#: Where two readings meet ("بالقرب" is "ب" + "القرب" and the word "بالقرب" itself;
#: "والعاصمه" is "و" + "العاصمه" and "وال" + "عاصمه"), the reading with the shorter clitic,
#: the longer cue word, wins: built in a fixed order, so no hash seed changes a reading.
def _cue_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for clitic in sorted(PROCLITICS, key=lambda c: (len(c), c)):
        for word in sorted({*FEATURE_WORDS, *RELATION_WORDS, *_NEUTRAL, *NATURAL, *_LINKS,
                            *_LIST_CUES, "قرب", "مقربه", "من"}):
            forms.setdefault(clitic + word, word)
    return forms


_CUE_FORMS = _cue_forms()

#: Every cue word the resolver compares a word before or after a mention with.
CUE_WORDS = frozenset(_CUE_FORMS.values())


def _cue_table() -> dict[str, str]:
    """Every word `bare_cue` reads as a cue word, mapped to that cue.

    `bare_cue` is `_CUE_FORMS` first, else `strip_clitics`; a word `strip_clitics` turns into a
    cue is a clitic (plus, after a one-letter one, the article) glued to that cue, so trying
    each clitic on each cue finds every such word. A word missing here reads as no cue.
    """
    table = {}
    for cue in CUE_WORDS:
        for clitic in ("", *_CLITIC_PREFIXES):
            for word in (clitic + cue, clitic + "ال" + cue):
                read = bare_cue(word)
                if read in CUE_WORDS:
                    table[word] = read
    table.update(_CUE_FORMS)
    return table



class Cues(NamedTuple):
    # a tuple, not a frozen dataclass: one is made per mention, and a tuple is made faster
    name: str
    feature_word: str | None
    relation: str | None
    whole: str


#: `Cues(...)` without the Python-level `__new__` a NamedTuple has: `_tuple_new(Cues, (...))`
_tuple_new = tuple.__new__


KM_PER_DEG = EARTH_KM * math.pi / 180


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular is plenty for ranking at these latitudes and much cheaper than haversine.
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return KM_PER_DEG * math.hypot(x, lat2 - lat1)



def mention_cues(mention: str) -> Cues:
    """The mention's own feature and relation words: (name, feature, relation, key)."""
    key = surface_key(mention)  # fold and key in one pass
    if " " not in key:
        return _tuple_new(Cues, (key, None, None, key))  # one word: no cue word to split off
    words = key.split(" ")
    feature_word = relation = None
    first = True
    if words[0] in _DESCRIBED and words[1].startswith("ال") and _definite(mention):
        # "القرية الخضراء", "المدينة القديمة": a noun and its adjective, a name of its own,
        # not the feature word of a village "الخضراء" ("قرية الخضراء" would be)
        return _tuple_new(Cues, (key, None, None, key))
    while len(words) > 1:
        head = words[0]
        # "المحيط الهندي" is an ocean, "محيط الميادين" the surroundings of a town.
        if head in RELATION_WORDS and relation is None and not (first and _definite(mention)):
            relation = head
        elif head in FEATURE_WORDS and feature_word is None:
            feature_word = head
        else:
            break
        first = False
        words = words[1:]
        # a word of `key` is folded already, and folding is idempotent
        words[0] = folded_surface_key(words[0])
    return _tuple_new(Cues, (" ".join(words), feature_word, relation, key))


#: Settlement feature words that, with the article, take an adjective ("البلدة القديمة").
_DESCRIBED = frozenset({"قريه", "بلده", "مدينه", "حي"})


def _definite(mention: str) -> bool:
    """True when the mention's first word carries the article ("القرية ...")."""
    return fold(mention).lstrip().startswith("ال")


def bare_cue(word: str) -> str:
    """A cue word without its clitics: the known cue first ("وبلدة" -> "بلده"), else stripped."""
    return _CUE_FORMS.get(word) or strip_clitics(word)


#: word -> the cue `bare_cue` reads it as, for every word read as a cue: one dict lookup per
#: word instead of a regex, `None` for the words that are no cue
CUE_OF = _cue_table()
#: `CUE_OF` restricted to the list cues (`list_cue`)
_LIST_OF = {w: c for w, c in CUE_OF.items() if c in _LIST_CUES}
#: Every word `CUE_OF` reads as a link word, and the link words themselves (`unit_after`)
_LINK_FORMS = frozenset({*_LINKS, *(w for w, c in CUE_OF.items() if c in _LINKS)})
#: Words of letters only (what `_WORD` matches whole) that often stand before a mention
_PLAIN = frozenset({*CUE_OF, *(c for c in PROCLITICS if c), "علي", "الي", "عن", "مع", "من", "ان"})
#: `CUE_OF` restricted to the cues `read_cues` acts on when they stand right before a mention
_ACTING = {w: c for w, c in CUE_OF.items()
           if c in _NEUTRAL or c in NATURAL or c in FEATURE_WORDS or c in RELATION_WORDS or c == "من"}



def read_cues(alone: Cues, text: str, start: int) -> Cues:
    """The mention's own feature and relation words with those read just before it."""
    feature_word, relation = alone.feature_word, alone.relation
    raw = _words_read(text, start)
    # Only the cues the loop below acts on matter for the word right before the mention
    # (`_ACTING`): any other word ends the loop at once, as no cue does.
    first = _ACTING.get(raw[0]) if raw else None
    if first is None:
        pass
    elif first == "من" and len(raw) > 1 and CUE_OF.get(raw[1]) in ("بالقرب", "قرب", "مقربه"):
        relation = relation or "قرب"
    else:
        get = CUE_OF.get
        for k, w in enumerate(raw):
            w = get(w) if k else first
            if w in _NEUTRAL:
                continue  # "منطقة X" is "the area of X": neither a district nor a relation
            if w in NATURAL and feature_word is not None and relation is None:
                relation = w  # "جبل مدينة البصيرة": the mountain by the town
                continue
            if w in FEATURE_WORDS and relation is None and (
                feature_word is None
                # "أطراف مدينة جسر الشغور": "جسر" heads the town's name, "مدينة" is its
                # feature word, and the relation before it still counts
                or (feature_word == alone.feature_word and feature_word in NAME_HEADS)
            ):
                feature_word = w
                continue
            if w in RELATION_WORDS and relation is None:
                relation = w
                continue
            if w == "من" and relation is None:
                relation = part_before(text, start)
            break
    if feature_word is None and relation is None:
        listed = list_cue(text, start)
        if listed is None:
            return alone  # no word before the mention changed what it reads alone
        if listed in COUNTRYSIDE or listed in ("محاور", "جبهات"):
            relation = listed
        else:
            feature_word = listed
    if feature_word == alone.feature_word and relation == alone.relation:
        return alone
    return _tuple_new(Cues, (alone.name, feature_word, relation, alone.whole))


#: Nouns of a part of a place: "الأحياء الشرقية من X" is part of X (ACLED precision 2).
_PARTS = frozenset({"احياء", "الاحياء", "جزء", "الجزء", "اجزاء", "الاجزاء", "قسم", "القسم",
                    "اقسام", "الاقسام"})


def part_before(text: str, start: int) -> str | None:
    """The part noun of "الأحياء الشرقية من (مدينة) X" before a mention, or None."""
    words = _WORD.findall(text, start - 60 if start > 60 else 0, start)[::-1]
    k = 0
    while k < len(words) and words[k] != "من":
        if CUE_OF.get(words[k]) not in FEATURE_WORDS:
            return None
        k += 1
    k += 1
    while k < len(words) and words[k] in _DIRECTIONS:
        k += 1
    if k < len(words) and words[k] in _PARTS:
        return strip_clitics(words[k])
    return None


def words_before(text: str, pos: int) -> list[str]:
    """`context.word_before(text, pos, 3)`, reading a short window first.

    When a short window holds four words or more, its last three are whole words and the
    same as word_before's 60-character window gives: most mentions never read the rest.
    """
    words = _WORD.findall(text, pos - 24 if pos > 24 else 0, pos)
    if len(words) < 4:
        words = _WORD.findall(text, pos - 60 if pos > 60 else 0, pos)
    return words[:-4:-1]


def _words_read(text: str, pos: int) -> list[str]:
    """The first of `words_before(text, pos)` that `read_cues` reads, nearest first.

    The word before a mention, and the one before it when the first is a cue `read_cues`
    acts on ("في مدينة X"): a cue it does not act on ends its reading. Each is taken
    between two spaces (`_plain_word`), without a regex scan of the window; any other
    spacing or a third word reads `words_before`.
    """
    lo = pos - 60 if pos > 60 else 0
    one = _plain_word(text, pos, lo)
    if one is not None:
        first, at = one
        if first not in _ACTING:
            return [first]
        two = _plain_word(text, at, lo)
        if two is not None and two[0] not in _ACTING:
            return [first, two[0]]
    return words_before(text, pos)


def _plain_word(text: str, pos: int, lo: int) -> tuple[str, int] | None:
    """(word, its start) of the word `words_before` reads last before `pos`, when plain.

    Plain: one space or none before `pos`, and before it letters (what `_WORD` matches)
    back to a space at `lo` or after. Such a run is the last `_WORD` finds in any window
    from `lo` to `pos`; anything else gives None.
    """
    end = pos - 1 if pos > lo and text[pos - 1] == " " else pos
    space = text.rfind(" ", lo, end)
    if space < 0 or space + 1 == end:
        return None
    word = text[space + 1 : end]
    # the cue words and clitics are letters: only other words are matched to know
    if word in _PLAIN or _WORD.fullmatch(word) is not None:
        return word, space + 1
    return None


def list_cue(text: str, start: int) -> str | None:
    """The cue governing a list the mention ends ("محافظات إدلب وحماة" -> "محافظات")."""
    j = start
    if j > 1 and text[j - 1] == " ":
        # the usual letter and space before a mention: no "," or " و" ends the text before
        # it once trailing white space is trimmed (the test below), so it ends no list
        c = text[j - 2]
        if c != "," and c != "و" and not c.isspace():
            return None
    glued = j > 0 and text[j - 1] == "و" and (j < 2 or text[j - 2] == " ")
    if glued:
        j -= 1
    lo = j - 80 if j > 80 else 0
    if not glued:
        # window.rstrip() ends with "," or " و", read in place (most mentions end no list)
        k = j
        while k > lo and text[k - 1].isspace():
            k -= 1
        if not (k > lo and text[k - 1] == ",") and not (k - lo >= 2 and text[k - 2 : k] == " و"):
            return None
    # Tokens by str.split (the runs of non-space, without a match object each); what follows
    # the cue is its tokens joined by single spaces: splitting it into items and counting
    # their words reads whitespace runs as one space anyway.
    words = text[lo:j].split()
    n = len(words)
    for k in range(n - 1, n - 10 if n > 9 else -1, -1):
        token = words[k]
        # A word of letters (most) has nothing to strip and no sentence break in it.
        letters = token.isalpha()
        w = _LIST_OF.get(token if letters else token.strip(",."))
        if w is not None:
            between = " ".join(words[k + 1 :])
            items = [i for i in _ITEM_SPLIT.split(between) if i.strip()]
            if items and all(len(i.split()) <= 3 for i in items):
                return w
            return None
        if not letters and not _BREAK_CHARS.isdisjoint(token):  # `_BREAK.search(token)`
            return None
    return None


def feature_of(word: str | None) -> str | None:
    """The feature a cue word names ("محافظتي" -> "governorate"), or None."""
    if word is None:
        return None
    return _LIST_FEATURE.get(word) or FEATURE_WORDS.get(word)


#: `feature_of` as one dict (its values are never empty, so `or` is the merge order)
FEATURE_OF = {**FEATURE_WORDS, **_LIST_FEATURE}


def locating_unit(doc: DocContext, start: int, end: int, s_end: int,
              after: list[Hit] | None = None) -> Hit | None:
    """A unit named right after the mention that locates it ("X في ريف دير الزور")."""
    text = doc.norm.text
    limit = end + 45 if end + 45 < s_end else s_end
    for h in (after if after is not None else doc.hits_in(end, limit)):
        if h.start < end:
            continue
        unit = unit_after(text, end, s_end, h)
        if unit is not NEXT:
            return unit
    return None


#: What `unit_after` gives for a hit that points back at a place named before ("في المدينة"):
#: not the unit, but the next hit may be.
NEXT = object()


def unit_after(text: str, end: int, s_end: int, h: Hit) -> Hit | object | None:
    """`h` when it is the unit that locates the mention ending at `end`, else None or `NEXT`.

    One hit at or after `end`, read as `locating_unit` reads each: the resolver asks about
    the first hit after a mention only.
    """
    if h.start >= (end + 45 if end + 45 < s_end else s_end) or h.cue in _NATURAL_HEADS:
        return None
    between = text[end : h.start - len(h.proclitic)]
    if h.cue == "مع" or not _BREAKS_OR_COMMA.isdisjoint(between):
        return None
    words = between.split()
    if len(words) > 5:
        return None
    for w in words:
        if w[0] == "و" and w not in _LINKS and w != "وسط":
            # "حلب وريف إدلب", "ريف اللاذقية الشمالي ومحيط إدلب": a second place, not
            # where the first is
            return None
    if not words and h.proclitic.startswith("و"):
        return None
    # every word of `_ANAPHORIC` ends with "ه": a hit ending otherwise is none of them
    if text[h.end - 1] == "ه" and (text[h.start - 2 if h.start > 2 else 0 : h.end] in _ANAPHORIC
                                   or text[h.start : h.end] in _ANAPHORIC):
        return NEXT  # "حي الصناعة في المدينة": the city told before, not a place "المدينة"
    if h.proclitic.startswith(("ب", "وب")):
        return h
    for w in words:
        if w in _LINK_FORMS:
            return h
    return None


#: What may stand between a region and a place named inside it ("في ريف حلب الشرقي في
#: منطقة X"): "في", direction adjectives of the region, the place's feature word.
_INSIDE = frozenset({"في", "ضمن", "داخل"})
_DIRECTIONS = frozenset({"الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقيه", "الغربيه",
                         "الشماليه", "الجنوبيه"})
_REGION_CUES = COUNTRYSIDE | {"محافظه"}


def preceding_unit(text: str, before: Hit | None, start: int) -> Hit | None:
    """A countryside or governorate named right before the mention that holds it.

    "في ريف حلب الشرقي في منطقة X" locates X as "X في ريف حلب" does (`locating_unit`);
    a comma, a sentence end or a "و" between them starts another phrase.
    """
    if before is None or before.cue not in _REGION_CUES or start - before.end > 45:
        return None
    between = text[before.end : start]
    if "," in between or not _BREAK_CHARS.isdisjoint(between):
        return None
    inside = False
    for w in between.split():
        if w in _DIRECTIONS:
            continue
        if w in _INSIDE:
            inside = True
            continue
        cue = CUE_OF.get(w)
        if cue is not None and (cue in FEATURE_WORDS or cue in _NEUTRAL) and not w.startswith("و"):
            inside = inside or w.startswith("ب")  # "ببلدة X"
            continue
        return None
    return before if inside else None


def fits_unit(place: Place, hit: Hit) -> bool:
    """True when `place` lies in (or beside) one of the units a hit names."""
    if not hit.ids.isdisjoint(place.idset) or not hit.ids.isdisjoint(place.adminset):
        return True
    for unit in hit.places:
        if unit.feature == "country" and unit.country == place.country:
            return True
        if unit.feature == "city" and _km(place.lat, place.lon, unit.lat, unit.lon) < 30:
            return True
    return False

