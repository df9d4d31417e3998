"""Names no gazetteer knows: the words of a name after a feature word, and its surface.

"قرية الحصان", "قاعدة "كونيكو"": after a feature word, an unknown name runs to a stop word
(grammar words here, the vocabulary in the lexicon's `name_stops`), to punctuation, or to
three words; a quoted name is taken whole. `places` reads names with these.
"""

from __future__ import annotations

from marsad.events.analysis import Analysis
from marsad.geo.names import MATERIALS
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

__all__ = ["TANWEEN", "clean", "longer_name", "name_after", "tanween"]

#: Grammar words that end an unknown place name (normalized): prepositions, pronouns,
#: demonstratives, conjunctions; the vocabulary that ends one is the lexicon's `name_stops`
_NAME_STOPS = {
    "في", "علي", "من", "الي", "عن", "مع", "بين", "ضد", "الذي", "التي", "عند",
    "قرب", "نحو", "باتجاه", "بعد", "قبل", "منذ", "خلال", "حيث", "اليوم", "امس", "ما", "بعدد",
    "بشكل", "بصوره", "والتي", "وذلك", "لل", "كما", "ان", "بان", "انه", "هذا", "هذه",
    "ذلك", "تلك", "هناك", "ايضا", "حتي", "او", "ثم", "غيرها", "غيره", "غيرهم", "هي", "هو",
    # "القاعدة نفسها", "الميناء ذاته": the one named before, not a name
    "نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها",
}
#: the most words an unknown name runs to
_MAX_NAME_WORDS = 3
#: what a field or plant yields, between its feature word and its name ("حقل غاز كونيكو")
_MATERIALS = MATERIALS | {"للغاز", "للنفط"}
_ADJECTIVE_ENDINGS = ("يه", "ي")
#: tanween fatha, damma, kasra: the marks of an indefinite word, which a name never takes
TANWEEN = ("\u064b", "\u064c", "\u064d")


def tanween(an: Analysis, pos: int) -> bool:
    """Does the word at normalized `pos` carry tanween ("ميناءً", "مولداً") as written?"""
    k = an.word_index(pos)
    if k >= len(an.word_ends):
        return False
    to_original = an.norm.to_original
    start = to_original[an.word_starts[k]]
    end = to_original[an.word_ends[k] - 1] + 3
    word = an.norm.original[start:end].split(" ", 1)[0]
    return any(t in word for t in TANWEEN)


def longer_name(an: Analysis, lexicon: Lexicon, known: Hit,
                 limit: int) -> tuple[int, int] | None:
    """The longer unknown name a known name only heads, or None.

    "حي راس حسن": the gazetteer knows a place "راس", but "راس" heads a construct name
    ("راس حسن") that it does not know (lexicon `construct_heads`).
    """
    if known.entry.kind != "place" or \
            an.text[known.start:known.end] not in lexicon.words("construct_heads"):
        return None
    name = name_after(an, lexicon, known.start, limit)
    return name if name is not None and name[1] > known.end else None


def _construct(first: str, heads: frozenset[str]) -> bool:
    """Can `first` head a construct name ("طابيه الجزيره", "عين الاسد", "خان السبل")?"""
    return first.endswith("ه") or first in heads or " " in first


def name_after(an: Analysis, lexicon: Lexicon, pos: int, limit: int,
                allow_number: bool = False) -> tuple[int, int] | None:
    """The words of an unknown name starting at `pos` (quoted, or up to a stop word)."""
    text = an.text
    stops = lexicon.words("name_stops")
    heads = lexicon.words("construct_heads")
    k = pos
    while k < limit and text[k] == " ":
        k += 1
    while True:  # "حقل غاز "كونيكو"": what the field holds is no part of its name
        word = an.next_word(k)
        if word is None or word[0] != k or text[word[0]:word[1]] not in _MATERIALS:
            break
        k = word[1]
        while k < limit and text[k] == " ":
            k += 1
    if k >= limit:
        return None
    if text[k] in "\"«'":
        close = text.find("»" if text[k] == "«" else text[k], k + 1, min(limit, k + 60))
        if close > k + 1:
            inner = text[k + 1:close].strip()
            if 1 <= len(inner.split()) <= 4 and inner.replace(" ", "").isalnum():
                start = text.index(inner, k + 1)
                return start, start + len(inner)
        return None
    start = None
    end = None
    count = 0
    for w_start, w_end in _words_from(an, k, limit):
        w_start = max(w_start, k)  # a coordinated name starts after its "و"
        if w_start != k and text[k:w_start].strip():
            break  # punctuation between words ends the name
        word = text[w_start:w_end]
        if word.isdigit():
            if start is None and allow_number:
                return w_start, w_end  # "الفوج 46", "البرج 22"
            break
        if word in _NAME_STOPS or word in stops or word in lexicon.words("pronouns") or \
                (start is None and word.startswith("لل")):
            break  # "قاعدة للتحالف": whose base, not its name
        if any(h.entry.kind not in ("place",) and h.start < w_end and w_start < h.end
               for h in an.hits_in(max(0, w_start - 30), w_end)):
            break
        if start is not None and not (word.startswith("ال") and _construct(text[start:end], heads)) \
                and text[start:end] not in heads:
            break  # "كفرجوم المتاخمة", "الهبيط نحذر": a description, not part of the name
        if start is not None and word.startswith("ال") and word.endswith(_ADJECTIVE_ENDINGS):
            break  # "حقل كونيكو الغازي": an adjective, not part of the name
        if word.startswith("و") and (start is not None or word.startswith("وال")):
            break  # "في البحر والبعض الآخر": "و" joins another phrase, not a name
        if start is None and word.endswith("يه") and not word.startswith("ال"):
            break  # "قاعدة عسكرية", "ضربة جوية": an adjective, not a name
        if tanween(an, w_start):
            break  # "محطة ومولداً كهربائياً": an indefinite noun; names take no tanween
        if start is None:
            start = w_start
        end = w_end
        count += 1  # noqa: SIM113  (words are counted only once the name has started)
        k = w_end
        if count >= _MAX_NAME_WORDS:
            break
    if start is None or end is None or end - start < 2:
        return None
    return start, end


def _words_from(an: Analysis, pos: int, limit: int):
    i = an.word_index(pos)
    while i < len(an.word_starts) and an.word_starts[i] < limit:
        yield an.word_starts[i], an.word_ends[i]
        i += 1


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069"
                                  "\u202a\u202b\u202c\u202d\u202e\ufeff\u00ad"
                                  # quotes around a name inside the place: 'حقل "كونيكو"'
                                  "\"«»“”"))


def clean(surface: str) -> str:
    """A place's surface as recorded: no invisible marks, quotes or edge punctuation."""
    return " ".join(surface.translate(_INVISIBLE).strip(" \"'«»()[]،,.:;-_").split())
