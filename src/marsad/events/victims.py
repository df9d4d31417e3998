"""Who was killed or wounded: the actors an event struck, never its author.

"مقتل جنود أميركيين في هجوم", "أُصيب جنود أميركيون": the men counted after a noun of death
or injury, or the subject of a verb of dying told without an object, were struck. The
vocabulary is the cues.yaml lists `toll_men`, `injury_nouns`, `suffered` and `killed`
(and the lexicon's fatality forms); `agents.fill_actors` and `frames` ask these questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.roles import ActorRef
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["lost_men", "victim"]


def lost_men(an: Analysis, lexicon: Lexicon, frame: Frame, actor: str,
              actors: list[ActorRef]) -> bool:
    """"البنتاغون: مقتل أميركي في هجوم": the speaker's side counts its dead, it was struck."""
    a, b = frame.clause
    return any(ref.actor == actor and a <= ref.start < b and victim(an, lexicon, ref)
               for ref in actors)


def victim(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    """Is the actor named as who was killed or wounded, so struck, not striking?

    The genitive of a noun of death or injury ("مقتل جنود أميركيين", "إصابة جنود"), or
    the subject of a verb of dying or injury told without an object: passive or
    intransitive ("جنود أميركيون قُتلوا في هجوم", "أُصيب جنود أميركيون", "استشهد"). The
    active "قتلوا 5 مسلحين" has its object after it: there the actor killed.
    """
    # asked of each mention by every frame of its sentence: answered once per article
    key = ("victim", ref.token_start, ref.token_end)
    memo = an.memo
    known = memo.get(key)
    if known is None:
        known = memo[key] = _victim(an, lexicon, ref)
    return known


def _victim(an: Analysis, lexicon: Lexicon, ref: ActorRef) -> bool:
    # "مقتل ثلاثة من الجنود الأميركيين", "إصابة 3 جنود أميركيين": the noun of death
    # stands before the men counted
    men = lexicon.words("toll_men")
    noun = next((w for w in reversed(an.words_before(ref.token_start, 50, 4))
                 if not (w in men or w == "من" or w[:1].isdigit() or w in _SOME)), "")
    if noun in lexicon.forms("fatality") or noun in lexicon.words("injury_nouns"):
        return True
    nxt = an.next_word(ref.token_end)
    if nxt is None or an.text[ref.token_end:nxt[0]].strip(' "«»'):
        return False  # punctuation: the phrase ended
    word = an.text[nxt[0]:nxt[1]]
    if word in lexicon.words("suffered"):
        return True
    if word not in lexicon.words("killed"):
        return False
    after = an.next_word(nxt[1])
    # no object: a preposition, a conjunction or the end of the clause follows
    return after is None or bool(an.text[nxt[1]:after[0]].strip(' "«»')) or \
        an.text[after[0]:after[1]] in _NO_OBJECT or an.text[after[0]] == "و"


#: how many, in words: "مقتل ثلاثة من", "إصابة عدد من"
_SOME = frozenset({"عدد", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                   "اثنين", "اثنان", "عشرات", "بعض"})
#: words that may follow a verb of killing told without an object
_NO_OBJECT = frozenset({"في", "خلال", "جراء", "اثر", "بنيران", "بقصف", "بهجوم", "بغاره",
                        "بضربه", "علي", "عند", "قرب", "داخل", "اليوم", "امس"})
