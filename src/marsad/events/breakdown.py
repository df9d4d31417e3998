"""A counted attack broken down into its parts tells no new attacks (`absorb_breakdowns`).

"شن الطيران 12 غارة على مدينة إدلب، استهدفت 4 منها مستودعاً في حي الضبيط، و5 غارات
بلدة بنش، و3 منطقة سرمين": the raids counted first (12) are distributed among targets by
a partitive ("4 منها", "إحداها": some OF THEM) and by further counts joined to it with و,
whose verb is elided ("و5 غارات بلدة بنش" = "and 5 raids [struck] Binnish"). The parts
sum at most to the whole; they re-tell the raids already counted, they are no raids of
their own. The event is the counted attack at the place the whole is told at; the parts'
places say where inside or around it the raids fell, and make no events.

A breakdown needs all of: an attack cue counted by a number ("12 غارة", "غارتين") that
has a place of its own before the partitive; a partitive count after it in its sentence,
smaller than the whole; and parts whose counts add up to no more than the whole. It runs
from the partitive (or the verb right before it) to the end of the sentence, or to the
first cue that is no part (one that no part count introduces).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from marsad.events.agents import attack_kinds
from marsad.events.analysis import Analysis
from marsad.text.numbers import UNIT_WORDS

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["absorb_breakdowns"]

#: a count in digits or a unit word (text.numbers), longest word first
_COUNT = r"(\d+|" + "|".join(sorted(UNIT_WORDS, key=len, reverse=True)) + ")"
#: "4 منها", "منها 4", "إحداها"/"إحداهما" (normalized: alef folded, ى to ي)
_PARTITIVE = re.compile(_COUNT + r" منها\b|\bمنها " + _COUNT + r"\b|\b(احداها|احداهما|احدها|احدهما)\b")
#: a count right before a cue ("12 غارة", "نحو 12 غارة")
_COUNT_BEFORE = re.compile(r"(?:^|\s)" + _COUNT + r"\s*$")
#: a part joined by و: "و5 غارات", "و 5", "وثلاث"
_PART = re.compile(r"(?:^|\s)و\s?" + _COUNT + r"\b")
#: a dual attack noun counts two ("غارتين", "ضربتين", "صاروخين")
_DUAL = ("تين", "تان", "ين", "ان")


def _value(word: str) -> int:
    return int(word) if word.isdigit() else UNIT_WORDS[word]


def _whole_count(an: Analysis, frame: Frame) -> int | None:
    """The number that counts the frame's attack cue ("12 غارة", "غارتين"), or None."""
    t = frame.trigger
    m = _COUNT_BEFORE.search(an.text[max(frame.sentence[0], t.token_start - 24):t.token_start])
    if m is not None:
        return _value(m.group(1))
    word = an.text[t.token_start:t.token_end]
    if word != an.text[t.start:t.end] and word.endswith(_DUAL) and \
            not word.endswith(("ات", "يين")):
        return 2
    return None


def absorb_breakdowns(an: Analysis, frames: list[Frame]) -> None:
    """Drop the parts of counted attacks: their places and cues tell no attacks of their own.

    Frames of one sentence, with their places attached; a part's frame keeps its places
    but loses its kinds, so that it makes no event (as a threatened attack does).
    """
    for k, whole in enumerate(frames):
        if not whole.places or not attack_kinds(whole.kinds):
            continue
        total = _whole_count(an, whole)
        if total is None or total < 2:
            continue
        end = whole.sentence[1]
        m = _PARTITIVE.search(an.text, whole.trigger.end, end)
        if m is None:
            continue
        first = 1 if m.group(3) else _value(m.group(1) or m.group(2))
        if first >= total:
            continue
        start = m.start()
        # "استهدفت 4 منها": the verb right before the partitive opens the part
        verb = next((f for f in frames[k + 1:] if f.trigger.end <= start
                     and an.words_between(f.trigger.end, start) == 0), None)
        if verb is None and whole.trigger.end <= start and \
                an.words_between(whole.trigger.end, start) == 0:
            continue  # "غارة 4 منها": no partitive of the whole
        if verb is not None:
            start = verb.trigger.token_start
        if not any(p.start < start for p in whole.places):
            continue  # the whole has no place of its own: the parts say where it struck
        stop, parts = end, [first]
        for later in frames[k + 1:]:
            if later is verb or later.trigger.start < start:
                continue
            before = an.text[max(start, later.trigger.token_start - 12):later.trigger.token_start]
            if not attack_kinds(later.kinds) or not _PART.search(before):
                stop = later.trigger.token_start  # a cue no part count opens: news again
                break
        parts += [_value(p.group(1)) for p in _PART.finditer(an.text, m.end(), stop)]
        if sum(parts) > total:
            continue  # the counts do not share out the whole
        whole.places = [p for p in whole.places if not start <= p.start < stop]
        for later in frames[k + 1:]:
            if start <= later.trigger.start < stop:
                later.kinds = []
