"""Who reports a launch from elsewhere did not launch it.

"تحدث البنتاغون عن إطلاق صاروخين من اليمن"، "ذكر إعلام العدو رصد إطلاق قذائف من سوريا":
the weapon came from the place after "من" (lexicon `launches` a few words before it); the
side that tells it watched it come, and is no author by default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.roles import ActorRef
from marsad.events.scope import launch_before
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["launched_from_elsewhere", "watched_launch"]

#: the hit kinds that name where a weapon left from ("من اليمن", "من جنوب لبنان")
_WHERE = frozenset({"place", "metonym", "relation", "place_keep", "place_drop"})


def launched_from_elsewhere(an: Analysis, lexicon: Lexicon, frame: Frame) -> bool:
    """Does the frame's clause tell a weapon launched from a named place (a launch word,
    then "من" and a place within a few words, no comma between)?"""
    a, b = frame.clause
    for h in an.hits_in(a, b):
        if h.entry.kind not in _WHERE or an.word_before(h.token_start) != "من":
            continue
        before = an.prev_word(h.token_start)
        if before is not None and before[0] >= a and launch_before(an, lexicon, before[0], a):
            return True
    return False


def watched_launch(an: Analysis, lexicon: Lexicon, frame: Frame, refs: list[ActorRef]) -> bool:
    """Is the frame a launch noun ("إطلاق صاروخ من اليمن", not "أطلقت المقاومة صواريخ")
    whose actor1 is named only before it (the side that tells it), the weapon launched
    from a named place?"""
    t = frame.trigger
    if frame.form == "verb" or not _launch_word(an, lexicon, t.start, t.token_end):
        return False
    mine = [r for r in refs if r.actor == frame.actor1]
    return bool(mine) and all(r.end <= t.token_start for r in mine) and \
        launched_from_elsewhere(an, lexicon, frame)


def _launch_word(an: Analysis, lexicon: Lexicon, a: int, b: int) -> bool:
    """Is the first word of [a, b) a launch word (lexicon `launches`, "وإطلاق", "بإطلاق")?"""
    words = an.words(a, b)
    launches = lexicon.words("launches")
    return bool(words) and (words[0] in launches or
                            (words[0][:1] in "وبل" and words[0][1:] in launches))
