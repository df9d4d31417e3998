"""Whether an attack is told as one more, not as the one told before (merge.AGAIN).

"استُهدفت القاعدة مرة جديدة" (lexicon `again`, close after the cue) and "عادت الطائرات
لتستهدف المشفى", "عاود الطيران استهداف المدينة" (lexicon `resumed`, a verb of coming back a
few words before the cue) tell a second attack: the same kind, actor and place told again
is then a second event.
"""

from __future__ import annotations

from marsad.events.analysis import Analysis
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

__all__ = ["one_more"]

#: how many words after its cue "مرة جديدة" may stand and still be said of the act
_AGAIN_WORDS = 8
#: how many words before its cue a verb of coming back may stand ("عادت الطائرات الحربية
#: لتستهدف": its subject between)
_RESUMED_WORDS = 4


def one_more(an: Analysis, lexicon: Lexicon, trigger: Hit, clause: tuple[int, int]) -> bool:
    """Is the attack `trigger` of `clause` told as one more ("مرة جديدة", "عاود استهداف")?"""
    # said of the act, close after its cue ("... ما أدى إلى خروج المطار عن الخدمة مجدداً"
    # is the airport closed again, not a second strike)
    t_end = trigger.end
    reach = an.word_ends[min(len(an.word_ends) - 1, an.word_index(t_end) + _AGAIN_WORDS)]
    near = an.text[t_end:min(reach, clause[1])]
    if any(w in near for w in lexicon.words("again")):
        return True
    before = an.words_before(trigger.token_start, 80, _RESUMED_WORDS)
    start = max(clause[0], trigger.token_start - 80)
    if any(h.entry.kind == "trigger" for h in an.hits_in(start, trigger.start)
           if h.end <= trigger.start and an.words_between(h.start, trigger.start) <= _RESUMED_WORDS):
        return False  # "عاد القصف ثم استهدف": the verb comes back to another cue
    resumed = lexicon.words("resumed")
    return any(w in resumed or (w[:1] in ("و", "ف") and w[1:] in resumed) for w in before)
