"""Whether an attack is told as one more, not as the one told before (merge.AGAIN).

"استُهدفت القاعدة مرة جديدة" (lexicon `again`, close after the cue) and "عادت الطائرات
لتستهدف المشفى", "عاود الطيران استهداف المدينة" (lexicon `resumed`, a verb of coming back a
few words before the cue) tell a second attack: the same kind, actor and place told again
is then a second event. An aircraft that is the subject of that verb ("عادت الطائرة
الحربية لتستهدف ... بصاروخين") fires the missiles named after the cue: an air strike.
"""

from __future__ import annotations

import bisect

from marsad.events.analysis import Analysis
from marsad.events.weapons import air_weapon
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

__all__ = ["one_more", "resumed_aircraft"]

#: how many words after its cue "مرة جديدة" may stand and still be said of the act
_AGAIN_WORDS = 8
#: how many words before its cue a verb of coming back may stand ("عادت الطائرات الحربية
#: لتستهدف": its subject between)
_RESUMED_WORDS = 4


def one_more(an: Analysis, lexicon: Lexicon, trigger: Hit, clause: tuple[int, int]) -> bool:
    """Is the attack `trigger` of `clause` told as one more ("مرة جديدة", "عاود استهداف")?"""
    # said of the act, close after its cue ("... ما أدى إلى خروج المطار عن الخدمة مجدداً"
    # is the airport closed again, not a second strike)
    again = lexicon.words("again")
    if an.holds(again):  # (most articles tell nothing again)
        t_end = trigger.end
        reach = an.word_ends[min(len(an.word_ends) - 1, an.word_index(t_end) + _AGAIN_WORDS)]
        near = an.text[t_end:min(reach, clause[1])]
        if any(w in near for w in again):
            return True
    return _resumed_at(an, lexicon, trigger, clause) is not None


def resumed_aircraft(an: Analysis, lexicon: Lexicon, trigger: Hit, clause: tuple[int, int]) -> bool:
    """"ذات الطائرة الحربية عادت لتستهدف المشفى بصاروخين", "عادت الطائرات لتستهدف": an
    aircraft right before (its adjective between) or right after the verb of coming back
    is the one that fires."""
    at = _resumed_at(an, lexicon, trigger, clause)
    if at is None:
        return False
    after = an.next_word(at[1])
    # before it, an adjective may follow the craft ("الطائرة الحربية عادت")
    return any(air_weapon(h) and "ب" not in h.proclitics and (
        (h.end <= at[0] and an.words_between(h.end, at[0]) <= 1 and
         not any(c in an.text[h.end:at[0]] for c in ",.;:")) or
        (after is not None and h.token_start == after[0]))
        for h in an.hits_in(max(clause[0], at[0] - 40), trigger.start))


def _resumed_at(an: Analysis, lexicon: Lexicon, trigger: Hit,
                clause: tuple[int, int]) -> tuple[int, int] | None:
    """The span of a verb of coming back (lexicon `resumed`) a few words before the cue."""
    start = max(clause[0], trigger.token_start - 80)
    # the article's verbs of coming back ("عاد", "وعاد", "فعاودت"), found once: the last
    # one before the cue, within reach
    resumed = an.words_equal(lexicon.starts("resumed", ("", "و", "ف")))
    k = an.word_index(trigger.token_start)
    m = bisect.bisect_left(resumed, k) - 1
    if m < 0 or resumed[m] < k - _RESUMED_WORDS or an.word_starts[resumed[m]] < start:
        return None
    found = an.word_starts[resumed[m]], an.word_ends[resumed[m]]
    # (asked only once the verb is found: most cues have none before them)
    if any(h.entry.kind == "trigger" for h in an.hits_in(start, trigger.start)
           if h.end <= trigger.start and an.words_between(h.start, trigger.start) <= _RESUMED_WORDS):
        return None  # "عاد القصف ثم استهدف": the verb comes back to another cue
    return found
