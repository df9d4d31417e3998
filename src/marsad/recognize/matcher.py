"""One Aho-Corasick pass over normalized text for every lexicon entry and place name.

The automaton holds every form of the lexicon (actors, triggers, cues) and every key of
the gazetteer. A hit counts only on word boundaries, with the clitics of the text layer:
a proclitic chain may precede it ("وبالقائم"), an enclitic pronoun may follow it
("قواته"), and a form written with the article needs the article in the chain
("للقوات" finds "القوات", "قوات" alone does not). Among hits that overlap, the longest
wins; hits of the same span all stay (a country is both a place and an actor's metonym).

Scraped news glues words together ("مراسلالميادين", "فيحقل"): a hit of four letters or
more may also start right after a glued "ال" or "في" and end right before one; these
relaxed hits are what lets the rest of the pipeline read such text at all.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from marsad.lexicon.model import Entry, Lexicon
from marsad.text.clitics import PROCLITIC_CHAINS, enclitic_forms, proclitics_at, suffix_ok

__all__ = ["Hit", "Matcher", "build_matcher"]

#: Glued function words after which (or before which) a long hit may still start (end).
_GLUE_BEFORE = ("في", "علي", "الي", "من", "عن", "ال")
_GLUE_AFTER = ("في", "علي", "الي", "من", "عن", "ال", "لل", "ب", "و")
_MIN_GLUED = 4
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
_CHAIN_LENGTHS = tuple(sorted({len(c) for c in PROCLITIC_CHAINS}))
_CHAIN_LETTERS = frozenset("وفبكلسا")


def _starts(text: str) -> set[int]:
    """Offsets where a hit may start: word starts, and the ends of proclitic chains and
    of the glue words ("ال", "في") at word starts."""
    out: set[int] = set()
    for m in _WORD_START.finditer(text):
        w = m.start()
        out.add(w)
        if text[w] in _CHAIN_LETTERS:
            for k in _CHAIN_LENGTHS:
                if text[w:w + k] in PROCLITIC_CHAINS:
                    out.add(w + k)
        elif text.startswith("في", w):
            out.add(w + 2)
    # glued definite words anywhere ("مراسلالميادين"): after any "ال" inside a word
    start = text.find("ال")
    while start != -1:
        out.add(start + 2)
        start = text.find("ال", start + 2)
    return out
_ARTICLE_OPTIONAL = {"means", "target", "fatality", "partial", "relation",
                     "place_keep", "place_drop", "reason"}
_MIN_PLACE = 3


@dataclass(frozen=True, slots=True)
class Hit:
    """A verified lexicon hit in normalized text."""

    start: int  # where the form (with its written article) starts
    end: int  # where the form (with its tail words) ends
    token_start: int  # where the word starts, proclitics included
    token_end: int  # where the word ends, enclitic included
    entry: Entry
    proclitics: tuple[str, ...]


class Matcher:
    """The automaton of a lexicon plus a gazetteer's names."""

    def __init__(self, lexicon: Lexicon, place_keys: Iterable[str] = (),
                 major: Container[str] = ()) -> None:
        self.lexicon = lexicon
        index: dict[str, list[tuple[Entry, bool]]] = {}
        lexicon_forms: set[str] = set(lexicon.common_words)
        for entry in lexicon.entries:
            if entry.kind not in ("metonym", "adjective", "place_name"):
                lexicon_forms.add(entry.form)
            for form, needs_enclitic in enclitic_forms(entry.form):
                index.setdefault(form, []).append((entry, needs_enclitic))
        for key in place_keys:
            form = key[2:] if key.startswith("ال") and len(key) > 4 else key
            if len(form) < _MIN_PLACE:
                continue
            entry = Entry(form=form, kind="place", value=key,
                          attrs=(("common", form in lexicon_forms), ("major", key in major)))
            index.setdefault(form, []).append((entry, False))
        self._automaton = ahocorasick.Automaton()
        for form, entries in index.items():
            self._automaton.add_word(form, (form, tuple(entries)))
        self._automaton.make_automaton()

    def hits(self, text: str) -> list[Hit]:
        """Every verified hit in normalized `text`, overlaps resolved (longest wins)."""
        raw = [(end_index + 1 - len(form), end_index + 1, entries)
               for end_index, (form, entries) in self._automaton.iter(text)]
        # Where long forms start and end: two of them glued into one word
        # ("روسيهاستهدفت") may split there.
        starts = {a for a, b, _ in raw if b - a >= _MIN_GLUED}
        ends = {b for a, b, _ in raw if b - a >= _MIN_GLUED}
        # Most raw hits are substrings inside longer words: a hit may only start at a
        # word start, after a proclitic chain, after a glued "ال"/"في", or where a
        # long form ends (two glued forms).
        allowed = _starts(text) | ends
        found: list[Hit] = []
        lefts: dict[int, tuple[int, tuple[str, ...], bool] | None] = {}
        rights: dict[tuple[int, bool], int | None] = {}
        for a, b, entries in raw:
            if a not in allowed:
                continue
            if a not in lefts:
                lefts[a] = proclitics_at(text, a)
            for entry, needs_enclitic in entries:
                hit = self._verify(text, a, b, entry, needs_enclitic, starts, ends, lefts[a],
                                   rights)
                if hit is not None:
                    found.append(hit)
        return _resolve_overlaps(found)

    def _verify(self, text: str, a: int, b: int, entry: Entry, needs_enclitic: bool,
                starts: set[int], ends: set[int],
                left: tuple[int, tuple[str, ...], bool] | None,
                rights: dict[tuple[int, bool], int | None]) -> Hit | None:
        place = entry.kind == "place"
        has_article = False
        if left is not None:
            token_start, parts, has_article = left
            # Gazetteer keys come without their article, and cue words take it freely
            # ("بالطائرات المسيرة"); actor names are written with it or without it.
            optional = place or (entry.kind in _ARTICLE_OPTIONAL and not entry.article)
            if (not optional and entry.article != has_article) or (
                    "س" in parts and entry.kind != "trigger") or (place and "ك" in parts):
                # the future prefix only goes before verbs; "ك" before a town name is
                # rare, before a word that starts like one common ("كبيرة", "كامل")
                left = None
        if left is None:
            token_start, parts = self._glued_left(text, a, entry)
            if token_start is None:
                if a not in ends or b - a < _MIN_GLUED:
                    return None
                token_start, parts = a, ()
            has_article = parts == ("ال",)
        start = a - 2 if has_article and text[a - 2 : a] == "ال" else a
        if entry.prefix:
            token_end = b
            while token_end < len(text) and text[token_end].isalnum():
                token_end += 1
        elif place and b < len(text) and text[b].isalnum():
            # places take no possessive pronoun: "السلطه" is not "السلط" + ه
            if b not in starts or b - a < _MIN_GLUED:
                return None
            token_end = b
        else:
            key = (b, needs_enclitic)
            if key not in rights:
                rights[key] = suffix_ok(text, b, needs_enclitic)
            token_end = rights[key]
            if token_end is None:
                if needs_enclitic or len(entry.form) < _MIN_GLUED:
                    return None
                rest = text[b : b + 3]
                if not rest.startswith(_GLUE_AFTER) and b not in starts:
                    return None
                token_end = b
        end = token_end if entry.prefix else b
        if entry.tail:
            end = _match_tail(text, token_end, entry.tail)
            if end is None:
                return None
            token_end = end
        return Hit(start, end, token_start, token_end, entry, parts)  # type: ignore[arg-type]

    @staticmethod
    def _glued_left(text: str, a: int, entry: Entry) -> tuple[int | None, tuple[str, ...]]:
        """Accept a long hit glued to the word before it ("مراسلالميادين", "فيحقل")."""
        if len(entry.form) < _MIN_GLUED or a == 0:
            return None, ()
        if entry.article:
            if text[a - 2 : a] == "ال" and a >= 3 and text[a - 3].isalnum():
                return a - 2, ("ال",)
            return None, ()
        for glue in _GLUE_BEFORE[:-1]:
            g = a - len(glue)
            if g >= 0 and text[g:a] == glue and (g == 0 or not text[g - 1].isalnum()):
                return g, (glue,)
        return None, ()


def _match_tail(text: str, pos: int, tail: Sequence[tuple[str, bool]]) -> int | None:
    """Match the words of an entry's tail after `pos`; the end of the last, or None."""
    n = len(text)
    for word, may_go_on in tail:
        while pos < n and text[pos] == " ":
            pos += 1
        start = pos
        while pos < n and text[pos].isalnum():
            pos += 1
        token = text[start:pos]
        if not token:
            return None
        for chain in ("", "و", "ب", "ل", "ال", "بال", "وال", "لل", "وب", "ول"):
            if token.startswith(chain) and (
                token[len(chain):] == word or (may_go_on and token[len(chain):].startswith(word))
            ):
                break
        else:
            return None
    return pos


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hits; drop a hit inside (or crossing) a longer kept one.

    Hits of the same span all stay. Linear in the number of hits after sorting: kept
    spans never overlap (except equal ones), so a coverage map of kept positions answers
    "is this span free" by looking at its own characters only.
    """
    if not hits:
        return []
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    owner: dict[int, tuple[int, int]] = {}  # character offset -> kept span covering it
    kept: list[Hit] = []
    for hit in hits:
        span = (hit.start, hit.end)
        covering = {owner[i] for i in range(hit.start, hit.end) if i in owner}
        if covering and covering != {span}:
            continue
        if not covering:
            for i in range(hit.start, hit.end):
                owner[i] = span
        kept.append(hit)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def build_matcher(lexicon: Lexicon, gazetteer: object | None = None) -> Matcher:
    """The matcher for `lexicon` plus, when given, every name key of `gazetteer`.

    Keys of major places (cities, countries, admin units, seas, sites; `geo.gazetteer.MAJOR_FEATURES`)
    are flagged: the news names those without a locative word before them.
    """
    if gazetteer is None:
        return Matcher(lexicon)
    keys = list(gazetteer.keys())  # type: ignore[attr-defined]
    return Matcher(lexicon, keys, gazetteer.major_keys())  # type: ignore[attr-defined]
