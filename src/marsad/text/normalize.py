"""Arabic normalization that remembers where every character came from.

Everything marsad recognizes is matched in normalized text and reported as spans of the
original (ARCHITECTURE.md). Normalization is two passes, each C-speed work over the
whole text (one `str.translate`, offsets copied as slices of an `array`) plus a little
Python per *special* character (a deleted mark, an expanding ligature, a run of white
space), which are rare in news text:

1. character map: drop harakat, tatweel, Quranic marks, zero-width and bidi controls;
   unify alef forms, ى/ي, ة/ه, hamza seats, Persian letters, digits, Arabic punctuation,
   NBSP and other spaces; expand presentation-form ligatures (NFKC, then this same map);
   lowercase ASCII and Latin-1 letters.
2. white space: a run of white space becomes one space, or one line break when the run
   holds a line break (sentence segmentation needs those).

Texts taken from web pages often lose the space where a link or a styled span ended
("ضربة جويةروسية", "المقاومةقاعدة"). "ة" and "ى" only ever end a word, so a letter right
after one of them starts the next word: pass 1 puts a space there (mapped to the "ة").
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from array import array

from marsad.model import NormText

__all__ = ["fold", "normalize_text"]

_DROP = (
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, shadda, sukun, hamza marks
    + ["\u0670"]  # superscript alef
    + [chr(c) for c in range(0x0610, 0x061B)]  # Quranic honorifics and marks
    + [chr(c) for c in range(0x06D6, 0x06DD)]  # Quranic annotation signs
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + ["\u0640"]  # tatweel
    + ["\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # bidi embeddings and overrides
    + [chr(c) for c in range(0x2066, 0x206A)]  # bidi isolates
    + [chr(c) for c in range(0x08D3, 0x0900)]  # extended Arabic marks (Quranic, African)
    + [chr(c) for c in range(0xFE00, 0xFE10)]  # variation selectors
    + ["\u034f", "\u180e", "\u2061", "\u2062", "\u2063", "\u2064"]  # invisible joiners
)

_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۃ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ۀ": "ه",
    "ھ": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "–": "-",
    "—": "-",
    "−": "-",
    "\u00a0": " ",
    "\u1680": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
_MAP.update({chr(c): " " for c in range(0x2000, 0x200B)})
_MAP.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_MAP.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

_WS_RUN = re.compile(r"[ \n]{2,}")
#: "ة"/"ى" glued to the next word (any letter but the hamza of "تنشىء", and tatweel)
_GLUED = "[\u0629\u0649](?=[\u0622-\u063a\u0641-\u064a])"
_GLUED_RE = re.compile(_GLUED)


#: ASCII and Latin, Arabic, general punctuation: what `_tables` maps to itself explicitly
_IDENTITY_BLOCKS = (range(0x0000, 0x0250), range(0x0600, 0x0700), range(0x2000, 0x2070))


@functools.cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """Build the translate table and the pattern of characters that change length."""
    table: dict[int, str] = {ord(ch): "" for ch in _DROP}
    for src, dst in _MAP.items():
        table[ord(src)] = dst
    for c in range(0xC0, 0x250):  # Latin-1 and Latin Extended capitals ("É", "Ł")
        ch = chr(c)
        if ch.isupper() and len(ch.lower()) == 1:
            table[c] = ch.lower()
    # Presentation forms (ligatures such as "ﻻ", isolated and final letter shapes): NFKC
    # gives the plain letters, which then go through the same map.
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)):
        for c in block:
            ch = chr(c)
            if c in table or unicodedata.category(ch) == "Cn":
                continue
            plain = unicodedata.normalize("NFKC", ch)
            if plain == ch:
                continue
            folded = "".join(table.get(ord(p), p) for p in plain).strip()
            table[c] = folded
    specials = "".join(chr(c) for c, v in table.items() if len(v) != 1)
    # `str.translate` looks every character up in the table, and a character the table
    # lacks costs a raised and cleared KeyError: the characters news is written in map to
    # themselves explicitly (a third less time per translate; same output)
    for block in _IDENTITY_BLOCKS:
        for c in block:
            table.setdefault(c, chr(c))
    return table, re.compile("[" + re.escape(specials) + "]|" + _GLUED)


def fold(text: str) -> str:
    """Normalize `text` without keeping offsets (lexicon entries, gazetteer names)."""
    table = _tables()[0]
    # Each regex pass runs only when its pattern can match: a short name (what the resolver
    # folds per new mention) has no glued "ة"/"ى" and no run of white space, and the two
    # `in` tests cost a fraction of a regex call.
    if "\u0629" in text or "\u0649" in text:
        text = _GLUED_RE.sub(_space_after, text)
    text = text.translate(table)
    if "  " in text or "\n" in text:
        text = _WS_RUN.sub(_collapse, text)
    return text


def _space_after(match: re.Match[str]) -> str:
    return match.group() + " "


def fold_table(then: dict[int, str]) -> dict[int, str]:
    """`fold`'s character map followed by the `str.translate` table `then`, as one table.

    For `fold_chars`: a caller that maps more characters after folding (names turning
    punctuation into spaces) does both in one translate instead of folding first.
    """
    table = _tables()[0]
    out = {c: v.translate(then) for c, v in table.items()}
    for c, v in then.items():
        out.setdefault(c, v)
    return out


def fold_chars(text: str, table: dict[int, str]) -> str:
    """`fold(text).translate(then)` with white space left as it is (`table` is `fold_table(then)`).

    The words (`str.split()`) are those of `fold(text).translate(then)`: `fold`'s last step
    only shortens runs of white space.
    """
    if "\u0629" in text or "\u0649" in text:
        text = _GLUED_RE.sub(_space_after, text)
    return text.translate(table)


def _collapse(match: re.Match[str]) -> str:
    return "\n" if "\n" in match.group() else " "


def normalize_text(text: str) -> NormText:
    """Normalize Arabic `text`, keeping for each normalized character its original offset."""
    table, special = _tables()
    # The offsets come from the few special characters (dropped, expanded, or a glued
    # "ة"/"ى" that a space follows), copied in slices of `_counting` (an `array` copies
    # them without making an int object per character, which a list of 2,000 costs 70 µs);
    # the text is then one `translate` of the whole, with those spaces put in first (a
    # space maps to itself).
    counting = _counting(len(text).bit_length())
    offsets = array("q")
    glued: list[int] = []  # where a space goes in
    prev = 0
    for m in special.finditer(text):
        pos = m.start()
        offsets += counting[prev:pos]
        width = len(table[ord(text[pos])])
        if m.end() - pos == 1 and text[pos] in "\u0629\u0649" and _GLUED_RE.match(text, pos):
            glued.append(pos + 1)  # "جويةروسية" -> "جويه روسيه"
            width += 1
        offsets.extend([pos] * width)
        prev = pos + 1
    offsets += counting[prev : len(text) + 1]
    if glued:
        text_in = " ".join(text[a:b] for a, b in itertools.pairwise([0, *glued, len(text)]))
    else:
        text_in = text
    mapped = text_in.translate(table)

    if _WS_RUN.search(mapped) is None:
        return NormText(mapped, offsets, text)
    pieces: list[str] = []
    collapsed = array("q")
    prev = 0
    for m in _WS_RUN.finditer(mapped):
        pieces.append(mapped[prev : m.start()])
        collapsed += offsets[prev : m.start()]
        pieces.append(_collapse(m))
        collapsed.append(offsets[m.start()])
        prev = m.end()
    pieces.append(mapped[prev:])
    collapsed += offsets[prev:]  # `offsets` ends with len(text)
    return NormText("".join(pieces), collapsed, text)


@functools.cache
def _counting(bits: int) -> array:
    """0, 1, 2 ... up to 2 ** `bits` (for texts of fewer than 2 ** `bits` characters)."""
    return array("q", range(2**bits + 1))
