"""Names a web page glued to the words around them, split off again.

News sites link their own name to their home page, and text taken from such a page
often loses the spaces around the link: "أفاد مراسلالميادينفي دمشق" is "أفاد مراسل
الميادين في دمشق". Left glued, the source phrase, the reporting verb and the place after
it are all lost. In 364 articles of the corpus this happens about 250 times, to the
outlet's name only: a proper name takes no suffix, so a letter right after it always
starts the next word, and a letter before it starts the word only when what precedes
is not a proclitic ("والميادين" and "بالميادين" stay whole).

The names are lexicon data (`sources.linked` in cues.yaml). For a name with the article,
its form after the preposition ل ("للميادين") is split off too.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.model import NormText

__all__ = ["unglue"]

#: what may stand before a name in one written word (conjunctions and prepositions)
_PROCLITICS = frozenset({"و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"})


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


def unglue(norm: NormText, names: Iterable[str]) -> NormText:
    """`norm` with a space between each linked name (normalized) and a word glued to it.

    An inserted space maps to the original offset of the character before it (as the
    space after a glued "ة" does), so the offsets never decrease and a span that ends at
    the space ends in the original right after that character.
    """
    text = norm.text
    cuts: set[int] = set()
    for name in names:
        for form in _forms(name):
            if form in text:
                cuts |= _cuts(text, form)
    if not cuts:
        return norm
    pieces: list[str] = []
    offsets: list[int] = []
    prev = 0
    for cut in sorted(cuts):
        pieces.append(text[prev:cut])
        pieces.append(" ")
        offsets.extend(norm.to_original[prev:cut])
        offsets.append(norm.to_original[cut - 1])
        prev = cut
    pieces.append(text[prev:])
    offsets.extend(norm.to_original[prev:])
    return NormText("".join(pieces), offsets, norm.original)
