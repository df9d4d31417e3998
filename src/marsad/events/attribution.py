"""Who vouches for a statement (EVENTS.md `source`) and whether it happened (`modality`).

A source is a phrase after a reporting verb or preposition ("أفاد مراسل الميادين بأن",
"بحسب وزارة الدفاع"), or the subject before a reporting verb ("مراسل الميادين يفيد").
It covers the events of its sentence; a continuation verb with no subject of its own
("وأضاف أن", "مشيراً إلى") carries the last source of the article, and an anaphor
("مراسلنا", "المصادر") stands for the last explicit source with the same head.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from marsad.events.analysis import Analysis
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

_MAX_SOURCE_WORDS = 9
_TRIM = " \"'«»“”„‘’()[]،,.:;-_"
_PUNCT = re.compile(r"[,.:;!?\"«»()]")
#: hit kinds that end a source phrase
_ENDS = {"source_stop", "source_verb", "trigger", "source_prep", "planned", "negated"}
#: hit kinds that are worth a source on their own
_HEADS = {"source_noun", "actor", "metonym", "generic", "anaphor"}
#: hit kinds that open a source (a reporting verb or preposition, or a continuation)
_CUES = frozenset({"source_verb", "source_prep", "continuation"})


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source phrase of a sentence: where its cue is and what it says."""

    cue: int  # normalized offset of the reporting verb or preposition
    text: str | None  # None: the cue has no subject of its own (a continuation)
    head: str | None = None  # the head word ("مراسل", "مصادر"), for anaphors
    start: int = 0  # normalized span of the phrase (empty for a continuation)
    end: int = 0
    #: the actor of a carried-over source ("وأضاف" after "أعلن المتحدث باسم القوات ...")
    actor: str | None = None
    #: the phrase opens with an anaphor of the lexicon ("مراسلنا", "المصادر")
    anaphor: bool = False


class Attribution:
    """Tracks the sources of an article, sentence after sentence."""

    def __init__(self, an: Analysis, titles: frozenset[str] = frozenset(),
                 lexicon: Lexicon | None = None) -> None:
        self.an = an
        self._titles = titles
        #: titles are read from `lexicon` (when given) only if an apposition needs them
        self._lexicon = lexicon
        self.last: str | None = None
        self.last_actor: str | None = None
        self.by_head: dict[str, str] = {}
        #: what a source reports opens with one of these (lexicon `report_contents`)
        self._contents = lexicon.starts("report_contents", ("", "ب", "و", "ل", "وب")) \
            if lexicon is not None else ()

    def sentence_sources(self, a: int, b: int) -> list[SourceRef]:
        """The sources of the sentence at normalized [a, b), in order of their cues."""
        an = self.an
        if not an.has_hit(_CUES, a, b):
            return []
        first = bisect.bisect_left(an.hit_starts, a)
        last = bisect.bisect_left(an.hit_starts, b)
        hits = an.hits[first:last]
        out: list[SourceRef] = []
        cues = an.hit_indices(_CUES)
        for k in cues[bisect.bisect_left(cues, first):bisect.bisect_left(cues, last)]:
            i = k - first
            hit = hits[i]
            kind = hit.entry.kind
            ref = self._after(hits, i, b) or self._before(hits, i, a)
            if ref is None and kind in ("continuation", "source_verb"):
                ref = SourceRef(hit.start, None)
            if ref is not None:
                out.append(ref)
        resolved: list[SourceRef] = []
        for ref in out:
            text = ref.text
            actor = None
            if text is None:
                text, actor = self.last, self.last_actor
            elif ref.anaphor and ref.head in self.by_head and len(text.split()) <= 2:
                text = self.by_head[ref.head]
            else:
                self.last = text
                self.last_actor = self._actor_in(ref.start, ref.end)
                if ref.head:
                    self.by_head[ref.head] = text
            resolved.append(SourceRef(ref.cue, text, ref.head, ref.start, ref.end, actor,
                                      ref.anaphor))
        return resolved

    @property
    def titles(self) -> frozenset[str]:
        """The titles ("العميد", "الناطق") an apposition may open with."""
        if self._lexicon is not None:
            self._titles = self._lexicon.forms("title")
            self._lexicon = None
        return self._titles

    def _actor_in(self, a: int, b: int) -> str | None:
        for h in self.an.hits_in(a, b):
            if h.entry.kind == "actor":
                return h.entry.value
        return None

    def _after(self, hits: list[Hit], i: int, b: int) -> SourceRef | None:
        """The phrase after a reporting cue: "أفاد [مراسل الميادين] بأن"."""
        cue = hits[i]
        an = self.an
        text = an.text
        start = _skip_space(text, cue.token_end)
        if text[start:start + 1] == ":":
            return None  # "ويقول: "الدفاع المدني يقوم ..."": what is said follows, not who
        for d in an.dates_in(start, start + 1):  # "أفاد، اليوم الأحد، مراسل ...": skip it
            start = _skip_space(text, d.end)
        j = i + 1
        while j < len(hits) and hits[j].start < start:
            j += 1
        if j >= len(hits) or hits[j].start >= b or hits[j].entry.kind not in _HEADS or \
                an.words_between(start, hits[j].start) > 2:
            return None  # the source's head opens the phrase ("العديد من شبكات ...")
        head = hits[j]
        end = self._phrase_end(hits, j, b)
        end = self._apposition(end, b)
        phrase = an.spaced_slice(start, end).strip(_TRIM)
        if not phrase:
            return None
        return SourceRef(cue.start, _tidy(phrase), _head_word(an, head), start, end,
                         anaphor=_anaphor(an, head))

    def _phrase_end(self, hits: list[Hit], j: int, b: int) -> int:
        """Where the source phrase whose head is hits[j] ends."""
        an = self.an
        first = hits[j].start
        limit = b
        for h in hits[j + 1:]:
            if h.start >= b:
                break
            if an.words_between(first, h.start) > _MAX_SOURCE_WORDS:
                limit = h.start
                break
            if h.entry.kind in _ENDS and not (h.entry.kind == "source_stop" and
                                              h.entry.form == "في"):
                limit = h.token_start  # "في دمشق بسقوط": the "ب" belongs to the next word
                break
        # "أفاد مراسل الميادين باندلاع ...", "أعلنت الوزارة مقتل ...": a masdar opens what
        # is reported, not a word of who reports it
        for k in range(an.word_index(hits[j].end), len(an.word_starts)):
            if an.word_starts[k] >= limit:
                break
            if an.text.startswith(self._contents, an.word_starts[k]):
                limit = an.word_starts[k]
                break
        return _phrase_end(an.text, first, limit)

    def _apposition(self, end: int, b: int) -> int:
        """Extend over ", العميد يحيى سريع،": a title and a name after a comma."""
        text = self.an.text
        if end >= b or text[end:end + 1] != ",":
            return end
        nxt = _skip_space(text, end + 1)
        word = self.an.next_word(nxt)
        if word is None or text[word[0]:word[1]] not in self.titles:
            return end
        stop = _phrase_end(text, word[0], min(b, word[0] + 60))
        # "العميد يحيى سريع في بيان": the name ends where a stop of a source phrase starts
        stop = next((h.token_start for h in self.an.hits_in(word[1], stop)
                     if h.entry.kind in _ENDS and h.entry.form != "في"), stop)
        words = self.an.words(word[0], stop)
        return stop if 2 <= len(words) <= 5 else end

    def _before(self, hits: list[Hit], i: int, a: int) -> SourceRef | None:
        """The subject before a reporting verb: "[مراسل الميادين] يفيد بأن"."""
        cue = hits[i]
        if cue.entry.kind != "source_verb":
            return None
        an = self.an
        j = i - 1
        head = None
        while j >= 0 and hits[j].start >= a:
            h = hits[j]
            if an.words_between(h.end, cue.start) > _MAX_SOURCE_WORDS:
                break
            if h.entry.kind in _ENDS:
                break
            if h.entry.kind in _HEADS:
                head = h
            j -= 1
        if head is None:
            return None
        start = head.start
        clause_start = _clause_start(an.text, a, cue.start)
        if an.words_between(clause_start, cue.start) > 0:
            start = max(start, clause_start)
        phrase = an.spaced_slice(start, cue.token_start).strip(_TRIM)
        if not phrase:
            return None
        return SourceRef(cue.start, _tidy(phrase), _head_word(an, head), start, cue.token_start,
                         anaphor=_anaphor(an, head))


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    return pos


def _phrase_end(text: str, start: int, limit: int) -> int:
    m = _PUNCT.search(text, start, limit)
    end = m.start() if m else limit
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _clause_start(text: str, a: int, cue: int) -> int:
    """Where the clause holding a verb at `cue` starts: after the last comma before it."""
    comma = max(text.rfind(",", a, cue), text.rfind(":", a, cue))
    return comma + 1 if comma >= 0 else a


def _anaphor(an: Analysis, head: Hit) -> bool:
    """Is the head an anaphor of the lexicon ("مراسلنا", "المصادر"), under any of its readings?"""
    return any(h.entry.kind == "anaphor" for h in an.hits_in(head.start, head.start + 1))


def _head_word(an: Analysis, hit: Hit) -> str:
    return hit.entry.value if hit.entry.kind in ("actor", "metonym") else hit.entry.form[:5]


def _tidy(phrase: str) -> str:
    """One space between words; glued outlet names split ("مراسلالميادين")."""
    phrase = _SPACES.sub(" ", phrase)
    # a complementizer glued to the last word ends the phrase: "مصادر الميادينأن عناصر"
    glued = _GLUED_THAT.search(phrase)
    if glued is not None:
        phrase = phrase[:glued.start()]
    phrase = _FINAL_THAT.sub("", phrase).strip()
    return _GLUED.sub(r"\1 ", phrase)


_SPACES = re.compile(r"\s+")
_GLUED_THAT = re.compile(r"(?<=\S{4})(?:بأنّ?|أنّ?|إنّ?)(?=\s|$)")
_FINAL_THAT = re.compile(r"(?<=\S)(?:بأنّ?|بانّ?)$")


#: words of source phrases that scraped news glues to the next one ("مصادرللميادين")
_GLUED = re.compile(r"(مراسل[ةه]?|مصادر|مصدر|مكتب|أمني|ميداني|عسكري|محلية|مطلعة|خاصة)"
                    r"(?=(?:ال|لل)[^\s]{3,})")


def modality_of(an: Analysis, clause_start: int, trigger: Hit) -> str:
    """`planned`, `negated` or `asserted` for the event of `trigger` in its clause."""
    if "س" in trigger.proclitics:
        return "planned"
    for h in an.hits_in(clause_start, trigger.start):
        kind = h.entry.kind
        if kind != "negated" and kind != "planned":
            continue
        gap = an.words_between(h.end, trigger.token_start)
        # a denial (lexicon `modality.denials`) governs its whole clause
        if kind == "negated" and (gap <= 2 or h.entry.value == "denials"):
            return "negated"
        if kind == "planned" and gap <= 6:
            return "planned"
    if trigger.entry.attr("form") != "passive":
        # "انسحاب قريب للقوات", "هجوم وشيك" (lexicon `modality.after`): an act said to be
        # near or coming is planned; the adjective stands right after its noun ("قريب من"
        # locates: "من موقع قريب من الحدود")
        for h in an.hits_in(trigger.end, trigger.end + 24):
            if h.entry.kind == "planned_after" and not h.proclitics and \
                    an.words_between(trigger.end, h.token_start) == 0 and \
                    an.text[h.end:h.end + 4] != " من ":
                return "planned"
    return "asserted"
