"""Who answers or rejects an act did not commit it, nor deny it.

"قصفت المقاومة الموقع ... ضمن الرد على جريمة اغتيال قائد"، "تستعد طهران للرد على
جريمة اغتيال هنية"، "سيردون بشدة على اغتيال": the act after a word of response (lexicon
`responses`, then "على") was done by the other side. The side named before the response
word is the one answering: it is no author of the act answered, whose author is then
unknown unless the text names it after the response word ("للرد على اغتيال الاحتلال لـ").
"رفض بلاده عدوان الاحتلال على غزة": to reject an attack is to condemn it, not to deny it.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.places import LOCATIVE_WORDS
from marsad.events.roles import ActorRef
from marsad.events.selfstrike import self_struck
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["answered_author", "answered_by", "not_authors", "rejected_attack"]

#: how many words before the act a response word may stand ("الرد الأولي على جريمة اغتيال")
_REACH = 5


def not_authors(an: Analysis, lexicon: Lexicon, frame: Frame, refs: list[ActorRef]) -> None:
    """Unset the frame's actor1 where it answers the act (`answered_by`: the side named
    right after the act instead) or was struck by it (`selfstrike.self_struck`: then it is
    actor2)."""
    if frame.actor1 and answered_by(an, lexicon, frame, refs):
        frame.actor1 = answered_author(an, frame, refs)
    if frame.actor1 and self_struck(an, lexicon, frame, refs):
        frame.actor2 = frame.actor2 or frame.actor1
        frame.actor1 = None


def answered_author(an: Analysis, frame: Frame, refs: list[ActorRef]) -> str | None:
    """The side named right after the act answered ("الرد على اعتداءات العدو الإسرائيلي":
    its genitive or adjective), if any."""
    t = frame.trigger
    after = next((r.actor for r in refs if t.token_end <= r.token_start < frame.clause[1]
                  and an.words_between(t.token_end, r.token_start) <= 1
                  and not r.target and not r.locative and r.actor != frame.actor2), None)
    if after is not None:
        return after
    # "الرد على العدوان الإسرائيلي الذي استهدف": the antecedent of the relative pronoun
    # right before the act
    return next((r.actor for r in refs if frame.clause[0] <= r.start and
                 r.end <= t.token_start and an.words(r.token_end, t.token_start) in
                 (["الذي"], ["التي"]) and not r.locative), None)


def answered_by(an: Analysis, lexicon: Lexicon, frame: Frame, refs: list[ActorRef]) -> bool:
    """Is the frame's act what its actor1 answers, that actor named only before the
    response word?"""
    t = frame.trigger
    # the article's response words ("الرد", "وللرد"), found once: the last one among the
    # `_REACH` words before the act (`words_before`: within 60 characters), then "على"
    marked = an.words_equal(lexicon.starts("responses", ("", "و", "ل")))
    starts = an.word_starts
    j = bisect.bisect_left(starts, t.token_start)
    m = bisect.bisect_left(marked, j) - 1
    if m < 0 or marked[m] < j - _REACH or starts[marked[m]] < t.token_start - 60 or \
            "علي" not in an.word_strings[marked[m] + 1:j]:
        return False
    # ("في طهران": a capital read as a place names no one acting)
    return not any(r.actor == frame.actor1 and r.token_start >= t.token_end
                   and not r.locative and an.word_before(r.token_start) not in LOCATIVE_WORDS
                   and an.words_between(t.token_end, r.token_start) <= 1
                   for r in refs if r.start < frame.clause[1])


def rejected_attack(an: Analysis, lexicon: Lexicon, frame: Frame) -> bool:
    """Is the denial that negates this attack a word of rejection (lexicon `refusals`:
    "رفض بلاده عدوان الاحتلال")? An attack rejected is condemned, it happened; a withdrawal
    rejected ("رفض الانسحاب") did not."""
    refusals = lexicon.words("refusals")
    denials = [h for h in an.hits_in(frame.clause[0], frame.trigger.start)
               if h.entry.kind == "negated"]
    return bool(denials) and all(an.text[h.token_start:h.token_end] in refusals
                                 or h.entry.written in refusals for h in denials)
