"""Sentences, clauses and tokens of normalized text.

Public API (offsets are into the NORMALIZED text unless a field says otherwise):

- `split_sentences(norm: NormText) -> list[Sentence]`: sentences with their normalized
  `norm` span, their ORIGINAL `span`, and `clauses` (normalized spans; one clause = the
  whole sentence when it is not split).
- `find_debris(text: str) -> list[tuple[int, int]]`: spans of URLs, "pic.twitter.com/..."
  links and tweet bylines ("— name (@handle) October 25, 2017") in normalized text.
- `tokenize(norm_text, start=0, end=None, known=None) -> list[Token]`: word tokens with
  their proclitics, stem and enclitic (see `clitics.default_analysis`; the helpers a
  one-pass matcher needs live in `clitics` too).

Sentence rules, in order: a line break always ends a sentence (a news line is a paragraph,
a headline has no final period); ". ! ?" (and "..." / "…") followed by white space, an
Arabic letter or the end end one, with closing quotes and brackets kept on the left; not
inside a balanced quotation on its line, not after a one-letter abbreviation ("د.") and not
between digits ("200.000"). Tweet bylines are sentences of their own; URLs and picture
links are cut out and belong to no sentence.

Clauses (EVENTS.md: evidence is "the clause, for long sentences"): a sentence is cut before
"، حيث", "، فيما", "، بينما", "، كما", "، في حين", "، إلى ذلك", before "بعد أن"/"قبل أن",
at "، و" when the word after و reads as a verb, and before a quotation of five words or more
that follows a colon ('قال: "...'); otherwise both sides must keep at least three words, so
short sentences stay whole.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Container

from marsad.model import NormText, Sentence, Token
from marsad.text.clitics import Analysis, default_analysis, wordset

__all__ = ["find_debris", "split_sentences", "tokenize"]

_WORD = re.compile(r"[^\W_]+")

# URLs (also the "https: // www..." spacing of some scraped pages) with any hashtags glued
# to them, and picture links.
# (Every alternative opens with a letter, so `re` skips ahead to those letters.)
_LINK = re.compile(r"https?:\s?//\s?[^\s\"'«»]+|www\.[^\s\"'«»]+|pic\.twitter\.com/\S+")
# The tail of a tweet byline: "(@c_military1) october 25, 2017" after normalization; its
# head (the "—" and the account's name, up to 80 characters on the same line) is found by
# looking back from the handle, which is far cheaper than a pattern that could start anywhere.
_BYLINE_TAIL = re.compile(r"\(@\w+\)\s*[a-z]+\s+\d{1,2},\s*\d{4}")
# A sentence end: terminators ("." "!" "?" "..." "…"), then closing quotes/brackets, then
# space, end or a letter. Only a whole run of terminators and quotes can be followed by
# that, so the run is one character class (which `re` scans for quickly).
_TERMINATORS = ".!?…"
_END = re.compile(r"[.!?…]+[\"'»)\]]*(?=\s|$|[^\W\d_])")
_LINE = re.compile(r"[^\n]+")

# Where a clause may start: after a comma before a connective or "و" + word, after a colon
# before a quotation...
_CLAUSE_MARK = re.compile(
    r",\s*(?=(?:حيث|فيما|بينما|كما|في حين|الي ذلك|اضافه الي ذلك|فضلا عن ذلك)\b)"
    r"|,\s*(?=و[^\W\d_]+)"
    # a quotation after "قال:" is the speaker's own predicate ("يقول الشامي: "بعد المجزرة...")
    r"|:\s*(?=[\"«])"
)
# ...and right before "بعد أن"/"قبل أن" after white space (a separate pattern: the one above
# then opens with "," or ":", which `re` finds quickly; the two never meet).
_CLAUSE_CONJ = re.compile(r"(?:بعد|قبل) ان\b")
# "..., وذلك بعد إعلان ...": a new clause although "ذلك" starts no predicate; the fact
# before is told against a later or earlier one ("وذلك بواسطة" is no new clause)
_THAT_WHEN = re.compile(r"وذلك (?:بعد|قبل|عقب|اثر)\b")
# at least 1, 3 or 5 whole words (`_WORD` runs) from where it is matched
_WORDS_AT_LEAST = {n: re.compile(r"(?:[\W_]*[^\W_]+(?![^\W_])){" + str(n) + "}") for n in (1, 3, 5)}
# Words after "، و" that start a new predicate: auxiliaries and particles...
_PREDICATE_WORDS = wordset(
    "كان كانت كانوا قد لم لن لا ما قال قالت اكد اكدت اعلن اعلنت اضاف اضافت افاد افادت "
    "اشار اشارت لفت لفتت تابع تابعت اوضح اوضحت ذكر ذكرت شدد شددت بات باتت تم جري "
    "سيطر سيطرت قتل قتلت سقط سقطت دخل دخلت"
)
# ...and shapes that read as verbs: imperfect (ي ت ن + 3 letters) or derived perfect
# (ا + 3-5 letters, "استهدف", "انسحب"), minus frequent noun shapes (تفعيل, -ات, -ه).
_VERBISH = re.compile(r"^(?:[يتن][^\W\d_]{3,5}|ا[^\W\d_]{2,5}|[^\W\d_]{3}(?:ت|وا|ا)?)$")
_NOT_PREDICATE = wordset(
    "ذلك هذا هذه تلك الذي التي من في علي عن الي مع غير بين بعد قبل عند منذ حتي كل بعض "
    "اخر اخري ايضا حيث فيما بينما كما مما لذلك"
)
_NOUNISH = re.compile(r"^(?:ت..ي.|ال.*|.*ات|.*ين|.*ون|.*ه|.*يه)$")


def find_debris(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, picture links and tweet bylines in normalized `text`, in order."""
    spans = _links(text)
    for m in _BYLINE_TAIL.finditer(text):
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 80)
        dash = text.rfind("-", lo, m.start())
        spans.append((dash if dash >= 0 else lo, m.end()))
    spans.sort()
    return spans


def _quoted(lo: int, hi: int, quotes: _Marks) -> list[tuple[int, int]]:
    """Spans inside balanced quotes on the line [lo, hi) (none when the quotes do not pair up)."""
    out: list[tuple[int, int]] = []
    straight = quotes.within(lo, hi, '"')
    if len(straight) % 2 == 0:
        out += [(straight[i], straight[i + 1]) for i in range(0, len(straight), 2)]
    opens = quotes.within(lo, hi, "«")
    closes = quotes.within(lo, hi, "»")
    if len(opens) == len(closes):
        out += [(o, c) for o, c in zip(opens, closes, strict=True) if o < c]
    return out


def _links(text: str) -> list[tuple[int, int]]:
    """Spans of `_LINK` in `text`, as its `finditer` gives them.

    `_LINK` opens with one of three words: trying it where `str.find` finds them, from left
    to right and past each link found, is its `finditer` without a scan of every character.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    for at in sorted(
        p for w in ("http", "www.", "pic.twitter.com/") for p in _find_all(text, w, 0, n)
    ):
        if (not spans or at >= spans[-1][1]) and (m := _LINK.match(text, at)):
            spans.append(m.span())
    return spans


def _find_all(text: str, ch: str, lo: int, hi: int) -> list[int]:
    """Offsets of `ch` in text[lo:hi] (`str.find` is far quicker than a pattern here)."""
    out = []
    at = text.find(ch, lo, hi)
    while at >= 0:
        out.append(at)
        at = text.find(ch, at + 1, hi)
    return out


class _Marks:
    """Offsets of some characters in a text, found once, then looked up by range."""

    def __init__(self, text: str, chars: str) -> None:
        self.at = {ch: _find_all(text, ch, 0, len(text)) for ch in chars}
        self.all = sorted(p for ch in chars for p in self.at[ch])

    def within(self, lo: int, hi: int, ch: str | None = None) -> list[int]:
        """Sorted offsets in [lo, hi) of `ch`, or of any of the characters."""
        at = self.all if ch is None else self.at[ch]
        return at[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]


def _not_an_end(text: str, lo: int, dot: int) -> bool:
    """True when the single '.' at `dot` ends no sentence.

    A one-letter abbreviation ("د." for doctor), a list number at the start of a line
    ("2. مارع"), or a dot between Latin letters or digits ("syrianarchive.org", "U.S").
    """
    if dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or not text[dot - 2].isalnum()):
        return True
    if dot - lo <= 4 and text[lo:dot].strip().isdigit():  # the slice only when short
        return True
    nxt = text[dot + 1 : dot + 2]
    return (
        dot >= 1
        and text[dot - 1].isascii()
        and text[dot - 1].isalnum()
        and nxt.isascii()
        and nxt.isalnum()
    )


def _sentence_cuts(text: str, lo: int, hi: int, terms: list[int], quotes: _Marks) -> list[int]:
    """Offsets inside one line [lo, hi) where a sentence ends; `terms`: its terminators."""
    cuts: list[int] = []
    quoted: list[tuple[int, int]] | None = None
    starts: list[int] = []
    for dot in terms:
        # `_END` can only match from the first terminator of a run (see there): trying it
        # there is `_END.finditer` without scanning every character for a terminator
        if (dot > lo and text[dot - 1] in _TERMINATORS) or (m := _END.match(text, dot, hi)) is None:
            continue
        end = m.end()
        if text[dot] == "." and end - dot == 1 and _not_an_end(text, lo, dot):
            continue
        if quoted is None:
            quoted = _quoted(lo, hi, quotes)
            quoted.sort()
            starts = [q0 for q0, _ in quoted]
        # quotes do not nest here: only the last quotation opening before the dot matters
        i = bisect.bisect_left(starts, dot) - 1
        if i >= 0 and end <= quoted[i][1]:
            continue
        cuts.append(end)
    return cuts


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past surrounding white space and stray separators."""
    while a < b and (text[a].isspace() or text[a] in "-,;:|*•·"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_sentences(norm: NormText) -> list[Sentence]:
    """Split normalized text into sentences (and clauses), with spans of the original."""
    text = norm.text
    debris = find_debris(text)
    pieces: list[tuple[int, int]] = []
    terms = _Marks(text, _TERMINATORS)
    quotes = _Marks(text, '"«»')
    for line in _LINE.finditer(text):
        lo, hi = line.span()
        if in_line := terms.within(lo, hi):
            pieces += itertools.pairwise([lo, *_sentence_cuts(text, lo, hi, in_line, quotes), hi])
        else:
            pieces.append((lo, hi))
    if debris:
        pieces = _cut_debris(text, pieces, debris)
    out: list[Sentence] = []
    puncts = _Marks(text, ",:")
    for a, b in pieces:
        a, b = _trim(text, a, b)
        if a >= b or _WORD.search(text, a, b) is None:
            continue
        clauses = tuple(_split_clauses(text, a, b, puncts.within(a, b)))
        out.append(Sentence((a, b), norm.original_span(a, b), clauses))
    return out


def _cut_debris(
    text: str, pieces: list[tuple[int, int]], debris: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Remove link spans from the pieces and make each byline a piece of its own."""
    out: list[tuple[int, int]] = []
    j = 0
    for a, b in pieces:
        while j < len(debris) and debris[j][1] <= a:
            j += 1
        k = j
        cur = a
        while k < len(debris) and debris[k][0] < b:
            d0, d1 = debris[k]
            if d0 > cur:
                out.append((cur, d0))
            if "(@" in text[d0:d1]:
                out.append((max(d0, cur), min(d1, b)))
            cur = max(cur, d1)
            k += 1
        if cur < b:
            out.append((cur, b))
    return out


def _starts_predicate(word: str) -> bool:
    """Guess whether `word` (after "و") begins a new predicate rather than a coordinated noun."""
    if word in _PREDICATE_WORDS:
        return True
    if word in _NOT_PREDICATE:
        return False
    return bool(_VERBISH.match(word)) and not _NOUNISH.match(word)


def _clause_marks(text: str, a: int, b: int, puncts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every `_CLAUSE_MARK` and every white space + `_CLAUSE_CONJ` in [a, b).

    `puncts`: the offsets of "," and ":" in [a, b).
    """
    # `_CLAUSE_MARK` opens with "," or ":", and its matches never hold another: trying it at
    # each of them is its `finditer` without a scan of every character
    marks = []
    for p in puncts:
        if m := _CLAUSE_MARK.match(text, p, b):
            marks.append(m.span())
    if text.find("عد ان", a, b) >= 0 or text.find("بل ان", a, b) >= 0:
        found = [m.start() for m in _CLAUSE_CONJ.finditer(text, a, b)]
        marks += [(p, p) for p in found if p and text[p - 1].isspace()]
        marks.sort()
    return marks


def _split_clauses(text: str, a: int, b: int, puncts: list[int]) -> list[tuple[int, int]]:
    """Clauses of the sentence at normalized [a, b) (whole when not split); `puncts`: its "," ":"."""
    cuts: list[int] = []
    for start, at in _clause_marks(text, a, b, puncts):
        if text[at] == "و" and not _THAT_WHEN.match(text, at, b):
            w = _WORD.match(text, at + 1, b)
            if w is None or not _starts_predicate(w.group()):
                continue
        left = max(cuts[-1] if cuts else a, start - 120)
        # both sides keep three words (looked for within 120 characters); a quotation after
        # a colon needs one word before it and five in it
        before, after = (1, 5) if text[start] == ":" else (3, 3)
        if not (
            _WORDS_AT_LEAST[before].match(text, left, start)
            and _WORDS_AT_LEAST[after].match(text, at, min(b, at + 120))
        ):
            continue
        cuts.append(at)
    if not cuts:
        return [(a, b)]
    bounds = [a, *cuts, b]
    out = []
    for x, y in itertools.pairwise(bounds):
        y2 = y
        while y2 > x and (text[y2 - 1].isspace() or text[y2 - 1] == ","):
            y2 -= 1
        out.append((x, y2))
    return out


def tokenize(
    norm_text: str, start: int = 0, end: int | None = None, known: Container[str] | None = None
) -> list[Token]:
    """Word tokens of `norm_text[start:end]` with proclitics, stem and enclitic split off.

    `known` (normalized lexicon forms, with or without the article) makes splitting
    lexicon-aware: the first reading whose form it contains wins; without it only safe
    splits are made (see `clitics.default_analysis`).
    """
    stop = len(norm_text) if end is None else end
    out: list[Token] = []
    seen: dict[str, Analysis] = {}  # news repeats its words: analyse each once per call
    for m in _WORD.finditer(norm_text, start, stop):
        surface = m.group()
        an = seen.get(surface)
        if an is None:
            an = seen[surface] = default_analysis(surface, known)
        out.append(Token(m.start(), m.end(), surface, an.prefixes, an.stem, an.suffix, an.article))
    return out
