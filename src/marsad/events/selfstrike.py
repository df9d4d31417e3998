"""No side is the author of an attack on itself.

"هجمات استهدفت القوات الأميركية"، "استهداف القوات الأميركية في قاعدة X"، "هجوماً وقع على
القوات الأميركية": the side named as what an attack struck is its target. When the rules
and their fallbacks (the speaker, the previous sentence's agent) gave the same side as the
attack's author, the author is unknown; `frames` then keeps that side as actor2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.events.agents import (
    ATTACK,
    _after_relative,
    _air_arm,
    _is_verb,
    _object_follows,
    _object_pronoun,
)
from marsad.events.analysis import Analysis
from marsad.events.grammar import AGAINST
from marsad.events.roles import ActorRef
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["self_struck"]

#: kinds of the cues whose object is what the attack struck
_STRIKES = ATTACK | {"remote", "clash"}
#: words that may stand between an attack noun and "على" ("هجوماً وقع على القوات")
_OCCURRED = frozenset({"وقع", "وقعت", "شن", "شنت", "شنه", "شنها", "نفذ", "نفذت"})


def self_struck(an: Analysis, lexicon: Lexicon, frame: Frame, refs: list[ActorRef]) -> bool:
    """Is the frame's actor1 the object of one of the attack cues of its clause?"""
    a, b = frame.trigger.start, frame.clause[1]
    # only the mentions of actor1 matter: most frames' actor1 is named once, or not at all
    mine = [r for r in refs if r.actor == frame.actor1]
    if not mine:
        return False
    # a subject of a passive before the trigger ends before it
    if any(frame.clause[0] <= r.start and r.end < a for r in mine) and _suffered(an, frame, mine):
        return True
    # an object stands after its cue, which starts at or after the trigger
    mine = [r for r in mine if a < r.token_start < b]
    if not mine:
        return False
    for h in an.hits_in(a, b):
        if h.entry.kind != "trigger" or h.entry.value not in _STRIKES:
            continue
        for r in mine:
            if h.token_end <= r.token_start and _object_of(an, lexicon, h, r):
                return True
    return False


def _suffered(an: Analysis, frame: Frame, refs: list[ActorRef]) -> bool:
    """Is the frame's actor1 the subject of a passive of its clause before its trigger
    ("عناصر من قواته تعرضوا لجروح في هجمات": who suffered the attacks)?"""
    c, t = frame.clause[0], frame.trigger
    for p in an.hits_in(c, t.start):
        if p.entry.kind != "trigger" or p.entry.attr("form") != "passive" or p is t:
            continue
        if any(r.actor == frame.actor1 and c <= r.start and r.end <= p.token_start
               and an.words_between(r.end, p.token_start) == 0 for r in refs):
            return True
    return False


def _after_attack(an: Analysis, h: Hit) -> bool:
    """Does an attack or weapon word end right before the verb `h` ("هجمات بطائرات مسيرة
    استهدفت"), so that it is the verb's subject?"""
    return any(x.entry.kind in ("trigger", "means") and x.end <= h.token_start and
               an.words_between(x.end, h.token_start) == 0
               for x in an.hits_in(max(0, h.token_start - 40), h.token_start))


def _bare(word: str) -> str:
    """The word without a proclitic "و" or "ب" ("باستهداف" -> "استهداف")."""
    return word[1:] if word[:1] in "وب" and len(word) > 4 else word


def _object_of(an: Analysis, lexicon: Lexicon, h: Hit, r: ActorRef) -> bool:
    """Is `r` what the attack cue `h` struck ("استهدفت X" after its subject, "استهداف X"
    with no object after X, "هجوم على X")?"""
    start, clitics = r.token_start, an.text[r.token_start:r.start]
    if r.kind == "adjective":
        # "استهدفت القواعد الأميركية": the adjective names whose base was struck; but
        # "عدوان إسرائيلي استهدف": right after the attack word it names its author
        noun = an.prev_word(r.token_start)
        head = None if noun is None or noun[0] < h.token_end else next(
            (x for x in an.hits_in(noun[0], noun[1])
             if x.entry.kind == "target" and x.token_start == noun[0]), None)
        if head is None:
            return False
        start, clitics = noun[0], "ل" if "ل" in head.proclitics else ""
    between = an.words(h.token_end, start)
    if not between:
        if "ل" in clitics:
            return False  # "هجوماً لأبناء العشائر": the side after "ل" owns it
        form = h.entry.attr("form")
        if form == "verb" and _is_verb(an, h):
            # "هجمات استهدفت القوات", "الذي استهدف القوات": the subject stands before
            return (_after_relative(an, h) or _after_attack(an, h)) and \
                not _object_pronoun(an, h)
        # "استهداف القوات الأميركية في قاعدة X" (lexicon `object_masdars`: "قصف الطيران",
        # "اعتداء الاحتلال" take their agent as genitive); but "استهداف المقاومة قاعدة
        # حرير": the genitive followed by an object is the masdar's agent, and so is an
        # air arm ("استهداف سلاح الجو المسير، في عملية، سفينتين": `agents._air_arm`)
        return form == "masdar" and \
            _bare(an.text[h.token_start:h.end]) in lexicon.words("object_masdars") and \
            not _object_follows(an, r) and not _air_arm(an, h, r)
    return between[-1] in AGAINST and all(w in _OCCURRED for w in between[:-1])
