"""Which places of a sentence only locate the place before them.

"طابية الجزيرة في ريف دير الزور": دير الزور says where the village is; it is no second
place of the event. "حلب وريف إدلب", "الزعفرانة، المكرمية والرستن": places listed are
each a place of the event.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.places import PlaceRef

#: Grammar words that may stand between a place and the place that locates it
#: (prepositions, "و", "تلك", "تحديدا"); the vocabulary is the lexicon's `link_words` and
#: `link_heads` ("الواقعة", "ريف", "بمديرية": "في حي النهضة بمديرية الثورة")
_LINK_WORDS = {
    "في", "ب", "من", "مع", "داخل", "عند", "ضمن", "قرب", "بالقرب", "و", "علي", "تلك",
    "تحديدا", "بالتحديد",
}
#: lexicon `partial` cues: "وبعض الأجزاء من شمالي حمص" names a part of a second place
_PARTIAL = frozenset({"partial"})

def mark_context(an: Analysis, lexicon: Lexicon, refs: list[PlaceRef]) -> list[PlaceRef]:
    """Mark places that only locate the place before them ("X في ريف Y", "X شمالي Y")."""
    out: list[PlaceRef] = []
    for i, ref in enumerate(refs):
        if i > 0 and ("تحديدا" in an.text[refs[i - 1].end:ref.start]
                      or "بالتحديد" in an.text[refs[i - 1].end:ref.start]):
            # "بريف دير الزور وتحديداً في البوكمال": the second place is the precise one
            out[-1] = replace(out[-1], context_only=True)
            out.append(ref)
            continue
        if i > 0 and narrows(an, refs[i - 1], ref):
            # "جنوب دمشق في محيط منطقة الكسوة": a direction from a city is a broad area;
            # the place named in it is where it happened
            out[-1] = replace(out[-1], context_only=True)
            out.append(ref)
            continue
        context = False
        if i > 0 and not ref.coordinated:
            prev = refs[i - 1]
            between = an.text[prev.end:ref.start].translate(_BRACKETS)
            if an.text[prev.end:ref.start].strip() == "(":
                context = True  # "أم الرشراش المحتلة (إيلات)": another name of the same
            elif out[-1].context_only and an.text[prev.end:ref.start].strip() in ("_", "-", "/"):
                context = True  # "مثلث حمص_حماة_الرقة": one region, named by its corners
            elif an.text[prev.end:ref.start].strip(" \"") == "-":
                # "مطار أبو حجر - خراب الجير": two names of one site; the one a gazetteer
                # knows is kept
                if prev.key is None and ref.key is not None:
                    out[-1] = replace(out[-1], context_only=True)
                else:
                    context = True
            words = [w for w in between.replace(",", " ").split() if w]
            if len(words) >= 2 and words[-1] == "ل":
                words.pop()  # "حرير المجاورة لمطار أربيل", "التابعة لـ": the ل of the participle
            if words and words[0].startswith("و") and (
                    _link_word(lexicon, words[0][1:]) or an.has_hit(_PARTIAL, prev.end, ref.start)):
                # "حلب وريف إدلب", "إدلب، وبعض الأجزاء من شمالي حمص": a second place,
                # coordinated through its relation word or a part of it
                pass
            elif ref.relation is not None and ref.relation not in ("قرب", "محيط", "اطراف") and \
                    len(words) <= 6:
                context = True  # "حقل كونيكو للغاز، شرقي دير الزور"
            elif len(words) <= 5 and all(_link_word(lexicon, w) for w in words) and (
                ref.relation is not None or ref.feature in ("محافظه", "ناحيه", "قضاء", "مدينه", "مديريه")
                or words or ("," in between and not _listed(an, refs, i))
            ):
                context = True
        out.append(ref if ref.context_only == context else replace(ref, context_only=context))
    return out


_COMPASS = ("جنوب", "شمال", "شرق", "غرب")
_SETTLED = frozenset({"منطقه", "بلده", "قريه", "مدينه", "مخيم", "حي"})


def narrows(an: Analysis, prev: PlaceRef, ref: PlaceRef) -> bool:
    """"جنوب X في محيط Y", "شمالي X، في بلدة Y": does `ref` name a place inside the area
    `prev` points at by a direction?"""
    if prev.relation is None or not prev.relation.startswith(_COMPASS) or ref.coordinated:
        return False
    if ref.relation not in (None, "محيط", "قرب") or \
            (ref.relation is None and ref.feature not in _SETTLED):
        return False
    words = an.words(prev.end, ref.start)
    return 1 <= len(words) <= 3 and words[0] == "في"


def _listed(an: Analysis, refs: list[PlaceRef], i: int) -> bool:
    """"الزعفرانة، المكرمية والرستن": a name between commas that ends in "و" + a name is listed."""
    for ref, nxt in pairwise(refs[i:]):
        between = an.text[ref.end:nxt.start].strip()
        if nxt.coordinated and between in ("", "و"):
            return True
        if between != ",":
            return False
    return False


_BRACKETS = dict.fromkeys(map(ord, "\"'«»()[]"), " ")


def _link_word(lexicon: Lexicon, word: str) -> bool:
    links = lexicon.words("link_words")
    if word in _LINK_WORDS or word in links:
        return True
    if word.startswith("ال") and word.endswith(("ي", "يه", "يين", "يتين")) and len(word) > 4:
        return True  # an adjective: "قاعده حرير الاميركيه، في محافظه اربيل"
    for prefix in ("ب", "و", "وب", "في"):
        if word.startswith(prefix) and (word[len(prefix):] in _LINK_WORDS
                                        or word[len(prefix):] in links):
            return True
    return word.startswith(lexicon.starts("link_heads"))
