"""Arabic clitics: proclitic chains, enclitic pronouns and the stem forms they hide.

Everything here works on NORMALIZED text (`normalize.fold` / `normalize_text`): alef forms
are plain "ا", ة is "ه", ؤ is "و", ئ and ى are "ي". Public API:

- `PROCLITIC_CHAINS`: every written chain of proclitics (و ف, then ب ك ل س, then the
  article ال, with ل + ال written "لل"), mapped to its parts.
- `ENCLITICS`: the enclitic pronouns recognized after a stem (ه ها هم هما هن نا كم كما كن).
- `prefix_ok(text, a) -> int | None`: for a match starting at `a`, the start of its token
  when `text[start:a]` is empty or a valid proclitic chain; `proclitics_at(text, a)` also
  returns the parts and whether the chain ends with the article.
- `suffix_ok(text, b, need_enclitic=False) -> int | None`: for a match ending at `b`, the
  end of its token when `text[b:end]` is empty (unless `need_enclitic`) or an enclitic.
- `enclitic_forms(form) -> list[tuple[str, bool]]`: the written variants of a lexicon form
  in front of an enclitic, each with "an enclitic must follow" (see below).
- `clitic_variants(token) -> list[tuple[int, str]]`: every plausible analysis of one token
  as (characters of non-article proclitics, lexicon-spelled form); a matcher keeps the
  analysis whose form is in its lexicon.
- `analyses(token) -> list[Analysis]` and `default_analysis(token, known=None)`.

Why lexicon-aware: "وادي", "بلده", "فلسطين", "ليبيا", "كفر", "سوريا" start with letters
that are also proclitics, and no rule without a word list can tell "و + ادي" from "وادي".
So splitting is offered, never forced: `clitic_variants` lists the unsplit token first and a
matcher keeps the analysis that hits its lexicon (the longest hit wins).

Final hamza and ta marbuta in front of an enclitic (decided here, used by the matcher):
Arabic writes a hamza-final stem's hamza on a seat that depends on the case ending:
حلفاء + ه is "حلفاؤه" (nominative), "حلفائه" (genitive) or "حلفاءه" (accusative). After
normalization these are "حلفاوه", "حلفايه", "حلفاءه". So a form ending in "اء" gets the
variants "او" and "اي", valid ONLY in front of an enclitic. Likewise ta marbuta (normalized
"ه") is written ت in front of an enclitic ("قوه" + "ها" = "قوتها"), and a final alef maqsura
(normalized "ي") is written ا ("مستشفي" + "ه" = "مستشفاه").

Recognizer recipe (one Aho-Corasick pass): index every lexicon form, its form without the
article (so "للقوات" finds "قوات" behind the chain "لل"), and the `enclitic_forms` variants;
accept a hit [a, b) when `prefix_ok(text, a)` and `suffix_ok(text, b, need_enclitic)` both
return an offset; among overlapping accepted hits keep the longest.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

__all__ = [
    "ENCLITICS",
    "PROCLITIC_CHAINS",
    "Analysis",
    "analyses",
    "clitic_variants",
    "default_analysis",
    "enclitic_forms",
    "prefix_ok",
    "proclitics_at",
    "suffix_ok",
]


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the white-space separated words of `words` (for word lists in code)."""
    return frozenset(words.split())


def _chains() -> dict[str, tuple[str, ...]]:
    """Every written proclitic chain, mapped to its parts (article last)."""
    out: dict[str, tuple[str, ...]] = {}
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ك", "ل", "س"):
            for art in (False, True):
                if prep == "س" and art:
                    continue  # the future particle only goes before verbs
                parts = tuple(p for p in (conj, prep) if p) + (("ال",) if art else ())
                if not parts:
                    continue
                # ل + ال drops the alef in writing: "للقوات".
                written = conj + ("لل" if prep == "ل" and art else prep + ("ال" if art else ""))
                out[written] = parts
    return out


#: written proclitic chain -> its parts, e.g. "وبال" -> ("و", "ب", "ال"), "لل" -> ("ل", "ال")
PROCLITIC_CHAINS: dict[str, tuple[str, ...]] = _chains()
_MAX_CHAIN = max(map(len, PROCLITIC_CHAINS))
_ARTICLE_CHAINS = {w: p for w, p in PROCLITIC_CHAINS.items() if p[-1] == "ال"}

#: enclitic pronouns recognized after nouns and verbs. "ي" (my) and "ك" (your) are left
#: out on purpose: a final ي is far more often the nisba ending ("عراقي") or part of a name.
ENCLITICS: frozenset[str] = frozenset({"ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "كن"})
_MAX_ENCLITIC = max(map(len, ENCLITICS))
_ENCLITIC_LENGTHS = sorted({len(e) for e in ENCLITICS})

# Words that look like article + stem but are not ("آلاف", "إليه" normalize to "الاف", "اليه").
_NOT_ARTICLE = frozenset(
    {"الاف", "اليه", "اليها", "اليهم", "اليهما", "الينا", "اليكم", "الات", "اليات"}
)
# Frequent words whose first letter is و or ف but not the conjunction. Only used by the
# lexicon-free default analysis; matchers should use `clitic_variants` with their lexicon.
_NOT_CONJ = wordset(
    """وزاره وزارات وزير وزيره وزراء وادي واشنطن وكاله وكالات وسايل وسيله وجود وقوع وفقا فريق
    فلسطين فلسطيني فلسطينيه فلسطينيين فيها فيه فيما في فيديو فيديوهات فبراير فضلا فصايل فصيل فصيلا
    وحدات وحده واحد واحده واسع واسعه واضح واضحه وسط وقت وقف وفد ولايه ولايات وطني وطنيه فرنسا
    فوري فتره وصول وصولا وراء وقود وثايق فرقه فوج فوق فقط فور وفاه وفيات وهو وهي وهم ومن وما ولا
    ولم ولن وقد وكان وكانت فان فقد فلم فلا فهو فهي فيلق فجر فجرا واقع وقايع وسام وليد وهاب
    وجيز وحيد ورد وصف وصل وصلت وقعت وقع ولد"""
)


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a token: proclitics, stem, enclitic, and the stem's lexicon spelling."""

    prefixes: tuple[str, ...]
    #: characters of the token taken by the proclitics, the article included
    prefix_len: int
    stem: str
    suffix: str
    article: bool
    #: the stem as a lexicon writes it: ت -> ه, او/اي -> اء, final ا -> ي before an enclitic
    form: str


def proclitics_at(text: str, a: int) -> tuple[int, tuple[str, ...], bool] | None:
    """For a match starting at `a`: (token start, proclitic parts, ends with article) or None.

    None when `a` is inside a word and what precedes it in the token is not a proclitic
    chain. Costs at most `_MAX_CHAIN` character tests.
    """
    # a word character is alphanumeric (as `[^\W_]`: "_" is not alphanumeric)
    if a == 0 or not text[a - 1].isalnum():
        return a, (), False
    for k in range(1, _MAX_CHAIN + 1):
        s = a - k
        if s == 0 or not text[s - 1].isalnum():
            parts = PROCLITIC_CHAINS.get(text[s:a])
            if parts is None:
                return None
            return s, parts, parts[-1] == "ال"
        if s < 0:
            return None
    return None


def prefix_ok(text: str, a: int) -> int | None:
    """Token start for a match at `a` if `text[start:a]` is empty or a proclitic chain, else None."""
    found = proclitics_at(text, a)
    return None if found is None else found[0]


def suffix_ok(text: str, b: int, need_enclitic: bool = False) -> int | None:
    """Token end for a match ending at `b` if `text[b:end]` is empty or an enclitic, else None.

    `need_enclitic` (for the `enclitic_forms` variants such as "حلفاو", "قوت") rejects a
    token that ends at `b`.
    """
    n = len(text)
    if b >= n or not text[b].isalnum():
        return None if need_enclitic else b
    for k in range(1, _MAX_ENCLITIC + 1):
        e = b + k
        if e >= n or not text[e].isalnum():
            return e if text[b:e] in ENCLITICS else None
    return None


def enclitic_forms(form: str) -> list[tuple[str, bool]]:
    """Written variants of normalized lexicon `form`, each with "needs an enclitic after it"."""
    out = [(form, False)]
    if len(form) >= 3 and form.endswith("اء"):
        out += [(form[:-1] + "و", True), (form[:-1] + "ي", True)]
    elif len(form) >= 3 and form.endswith("ه"):
        out.append((form[:-1] + "ت", True))
    elif len(form) >= 3 and form.endswith("ي") and not form.endswith("وي"):
        out.append((form[:-1] + "ا", True))
    return out


def _restore(stem: str) -> list[str]:
    """Lexicon spellings of a stem that stood in front of an enclitic."""
    out = [stem]
    if stem.endswith(("او", "اي")) and len(stem) >= 3:
        out.insert(0, stem[:-1] + "ء")
    elif stem.endswith("ت") and len(stem) >= 3:
        out.append(stem[:-1] + "ه")
    elif stem.endswith("ا") and len(stem) >= 3:
        out.append(stem[:-1] + "ي")
    return out


def analyses(token: str) -> list[Analysis]:
    """Every plausible clitic analysis of one normalized token, the unsplit reading first."""
    out: list[Analysis] = []
    n = len(token)
    for plen in range(0, min(_MAX_CHAIN, n - 2) + 1):
        chain = token[:plen]
        parts = PROCLITIC_CHAINS.get(chain, ()) if plen else ()
        if plen and not parts:
            continue
        article = bool(parts) and parts[-1] == "ال"
        if article and token in _NOT_ARTICLE:
            continue
        rest = token[plen:]
        for slen in (0, *_ENCLITIC_LENGTHS):
            if slen and (len(rest) - slen < 2 or rest[-slen:] not in ENCLITICS):
                continue
            stem = rest[: len(rest) - slen] if slen else rest
            for form in _restore(stem) if slen else [stem]:
                out.append(Analysis(parts, plen, stem, rest[len(stem) :], article, form))
    return out


def clitic_variants(token: str) -> list[tuple[int, str]]:
    """(non-article proclitic length, lexicon form) readings of `token`, unsplit first.

    When the reading has the article, it is listed twice: with the article restored to
    "ال" ("للقوات" -> (1, "القوات")) and without it (2, "قوات"), so lexicon entries
    written either way are found. Forms have their enclitic removed and their final
    letter restored ("وحلفاوه" -> (1, "حلفاء"), "قواته" -> (0, "قوات")).
    """
    seen: set[tuple[int, str]] = set()
    out: list[tuple[int, str]] = []
    for an in analyses(token):
        if an.article:
            # the article's own letters are "ال", or one "ل" in "لل": count the others
            bare = len("".join(an.prefixes[:-1]))
            items = [(bare, "ال" + an.form), (an.prefix_len, an.form)]
        else:
            items = [(an.prefix_len, an.form)]
        for item in items:
            if item not in seen:
                seen.add(item)
                out.append(item)
    return out


def default_analysis(token: str, known: Container[str] | None = None) -> Analysis:
    """The reading `tokenize` reports: confirmed by `known` forms if given, else a safe guess.

    Without a lexicon only chains that end in the article (before a stem of 2+ letters)
    and a single و/ف (before 3+ letters, outside a short list of words that merely start
    with those letters) are split; enclitics are never split on a guess.
    """
    if known is not None:
        for an in analyses(token):
            if (an.form in known) or (an.article and "ال" + an.form in known):
                return an
    n = len(token)
    if token not in _NOT_CONJ and token not in _NOT_ARTICLE:
        # the longest chain ending in the article, before a stem of 2+ letters
        for k in range(min(_MAX_CHAIN, n - 2), 1, -1):
            parts = _ARTICLE_CHAINS.get(token[:k])
            if parts is not None:
                return Analysis(parts, k, token[k:], "", True, token[k:])
        if n >= 4 and token[0] in "وف":
            return Analysis((token[0],), 1, token[1:], "", False, token[1:])
    return Analysis((), 0, token, "", False, token)
