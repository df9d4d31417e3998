"""Place-name keys and variants: how a written name becomes the strings we index.

Two forms of a name exist here:

- a *surface key*: the name folded with `marsad.text.normalize.fold` (the one key
  function of the project), without a leading article ال and without feature prefixes
  such as قرية/بلدة/حي. These are what the recognizer's automaton matches in text.
- a *canonical key*: the surface key with the article dropped from every word, a
  word-final ه (from ة) dropped and the spaces removed, so that "دير الزور",
  "ديرالزور", "طابية الجزيرة"/"طابية جزيرة" and "جديدة عكيدات"/"جديد عكيدات" meet.
  Lookups go through canonical keys; ranking prefers exact surface matches.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from marsad.text.normalize import fold, fold_chars, fold_table

__all__ = [
    "FEATURE_WORDS",
    "MATERIALS",
    "canonical",
    "canonical_key",
    "en_canonical",
    "folded_surface_key",
    "name_variants",
    "split_feature_prefix",
    "surface_key",
]

#: Feature words that may stand before a place name, folded, with the feature they name.
#: Order matters only for documentation; lookups go through the dict.
FEATURE_WORDS: dict[str, str] = {
    "قريه": "village",
    "قري": "village",
    "بلده": "town",
    "بلدات": "town",
    "مدينه": "city",
    "مدن": "city",
    "حي": "neighbourhood",
    "احياء": "neighbourhood",
    "ناحيه": "subdistrict",
    "قضاء": "district",
    "محافظه": "governorate",
    "محافظات": "governorate",
    "منفذ": "border crossing",
    "معبر": "border crossing",
    "مطار": "airport",
    "حقل": "oil field",
    "حقول": "oil field",
    "محطه": "station",
    "معمل": "station",
    "قاعده": "airbase",
    "سد": "dam",
    "جبل": "mountain",
    "نهر": "river",
    "بحر": "sea",
    "خليج": "sea",
    "مخيم": "camp",
    "ميناء": "port",
    "مرفا": "port",
    "شارع": "street",
    "دوار": "street",
    "ساحه": "street",
    "سجن": "site",
    "مستشفي": "site",
    "جسر": "bridge",
    "مزرعه": "village",
    "مزارع": "village",
    "تلال": "mountain",
    "تله": "mountain",
    "سهل": "region",
    "مديريه": "district",
    "مديريتي": "district",
    "قطاع": "district",  # "قطاع غزة": the strip named after its city
    "وادي": "river",
}

#: Trailing qualifiers that news text often leaves out ("كفر جوم غربية" -> "كفر جوم").
QUALIFIERS = frozenset({
    "غربيه", "شرقيه", "شماليه", "جنوبيه", "غربي", "شرقي", "شمالي", "جنوبي", "كبيره", "صغيره",
    "كبير", "صغير", "فوقاني", "تحتاني", "الغربيه", "الشرقيه", "الشماليه", "الجنوبيه",
    "الغربي", "الشرقي", "الشمالي", "الجنوبي", "الكبيره", "الصغيره", "الكبير", "الصغير",
    "الفوقاني", "التحتاني", "الفوقا", "التحتا", "النفطي", "النفطيه", "الغازي", "الحدودي",
    "الدولي",
})

#: Feature words that are commonly part of a proper name itself ("جبل سمعان", "سد تشرين"),
#: so a name starting with them keeps them; the others are stripped from source names.
NAME_HEADS = frozenset({"جبل", "نهر", "بحر", "خليج", "سد", "جسر", "مخيم", "تلال", "مزارع", "حقل"})

#: First words of compound names that news text also writes joined ("ديرالزور").
_JOINABLE = frozenset({"دير", "ابو", "ام", "عين", "تل", "راس", "بيت", "كفر", "بني", "بير", "خربه"})

_ARTICLE = "ال"
#: what a plant or field yields, written between its feature word and its name
MATERIALS = frozenset({"غاز", "الغاز", "نفط", "النفط"})
#: Punctuation a name may carry; each run of it (with the spaces around) becomes one space.
_PUNCT_CHARS = "\"'()[]{}.,;:!?«»_/\\|*+=<>~`^#@%&$-"
#: `str.translate` table turning punctuation into spaces: the resolver cleans every name it
#: looks up, and a translate plus split/join is about twice as fast as two regex passes.
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(_PUNCT_CHARS, " "))
#: A word opening with a joinable first word glued to the article ("ديرالزور"), at least two
#: letters following: what `canonical` reads as "دير الزور".
_JOINED = re.compile("^(" + "|".join(sorted(_JOINABLE, key=len, reverse=True)) + ")ال(?=..)", re.S)


def _clean(name: str) -> str:
    """Fold a name and reduce punctuation to spaces."""
    return " ".join(fold(name).translate(_PUNCT_TO_SPACE).split())


def _strip_article(word: str) -> str:
    if word.startswith(_ARTICLE) and len(word) > 3:
        return word[2:]
    return word


def split_feature_prefix(folded: str) -> tuple[str | None, str]:
    """Split a leading feature word off a folded name: ("قريه", "طابيه الجزيره")."""
    head, _, rest = folded.partition(" ")
    if rest and head in FEATURE_WORDS:
        return head, rest
    # "بالقرب"/"وحي" are the recognizer's business; here only the bare word counts.
    return None, folded


def surface_key(name: str) -> str:
    """The surface key of `name`: folded, punctuation to spaces, no leading article."""
    # `folded_surface_key(fold(name))` with folding and punctuation in one translate: the
    # words are the same (`fold_chars`), and a name of letters only is the same string.
    mapped = fold_chars(name, _key_table())
    if mapped.isalpha():
        # one word of letters (most names): `_key_of` without its call
        return mapped[2:] if mapped.startswith("ال") and len(mapped) > 3 else mapped
    return _key_of(" ".join(mapped.split()))


@functools.cache
def _key_table() -> dict[int, str]:
    """The translate table of `fold` then `_PUNCT_TO_SPACE` (built once, on first use)."""
    return fold_table(_PUNCT_TO_SPACE)


def folded_surface_key(folded: str) -> str:
    """`surface_key` of a name already passed through `fold` (saves folding it twice)."""
    # one word of letters (most names): no space or punctuation to clean
    return _key_of(folded if folded.isalpha()
                   else " ".join(folded.translate(_PUNCT_TO_SPACE).split()))


def _key_of(cleaned: str) -> str:
    """A cleaned name (single spaces, no punctuation) without the article of its first word."""
    head, _, rest = cleaned.partition(" ")
    return f"{_strip_article(head)} {rest}" if rest else _strip_article(head)


def canonical(name: str) -> str:
    """The canonical key of `name` (articles, final ه and spaces dropped) for lookups."""
    return canonical_key(_clean(name))


def canonical_key(key: str) -> str:
    """`canonical` of a name already cleaned (a surface key): skips folding it again.

    Folding is idempotent, so a surface key is its own clean form; lookups hold one.
    """
    out = []
    for word in key.split(" "):
        if word.startswith(_ARTICLE) and len(word) > 3:
            word = word[2:]
        if "ال" in word:
            # "ديرالزور" written joined: drop the article inside as for "دير الزور".
            joined = _JOINED.match(word)
            if joined is not None:
                word = joined.group(1) + word[joined.end() :]
        if len(word) > 2 and word[-1] == "ه":
            word = word[:-1]
        out.append(word)
    return "".join(out)


_EN_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|at|az|an|ash|ed|es|ez)[- ']+")


def en_canonical(name: str) -> str:
    """Canonical key of a Latin name: no accents, article, punctuation or spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = _EN_ARTICLE.sub("", text.strip())
    return re.sub(r"[^a-z0-9]", "", text)


def _word_forms(word: str, first: bool) -> set[str]:
    """Spelling variants of one word of a name (article, ة/ه-less, جديدة/جديد, تل/تلة)."""
    forms = {word}
    bare = _strip_article(word)
    if not first:
        forms.add(bare)
        forms.add(_ARTICLE + bare)
    if bare in ("جديده", "جديد"):
        forms.update({"جديده", "جديد"} if first else {"جديده", "جديد", "الجديده", "الجديد"})
    if bare in ("تل", "تله"):
        forms.update({"تل", "تله"})
    if bare in ("كبيره", "كبير", "صغيره", "صغير") and not first:
        stem = bare.removesuffix("ه")
        forms.update({stem, stem + "ه", _ARTICLE + stem, _ARTICLE + stem + "ه"})
    return forms


def name_variants(name: str, *, limit: int = 24) -> set[str]:
    """Surface keys for `name` and its usual spelling variants (HOUSE_STYLE §9: data, not code)."""
    key = surface_key(name)
    if not key:
        return set()
    words = key.split(" ")
    _, rest = split_feature_prefix(key)
    out = {key}
    if rest != key and words[0] not in NAME_HEADS:
        # "حي الصناعة", "قرية X": the feature word is not part of the name's keys
        out = {surface_key(rest)}
        words = surface_key(rest).split(" ")
    if len(words) >= 2 and words[0] in MATERIALS:
        # "معمل غاز كونيكو": the news writes "حقل كونيكو", "حقل غاز كونيكو"
        out.add(" ".join(words[1:]))
    if len(words) > 4:
        return out
    if len(words) >= 2 and words[-1] in QUALIFIERS:
        bare = " ".join(words[:-1])
        if len(bare) >= 4:
            out.add(bare)
    combos: list[str] = [""]
    for i, word in enumerate(words):
        forms = sorted(_word_forms(word, i == 0))
        combos = [f"{c} {f}".strip() for c in combos for f in forms][:limit]
    out.update(combos)
    if len(words) == 2 and words[0] in _JOINABLE:
        out.update(c.replace(" ", "", 1) for c in list(out) if c.startswith(words[0] + " "))
    return {v for v in out if len(v) >= 2}
