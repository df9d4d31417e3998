"""Places a frame takes from outside its own clause.

The scene of an event told before: a frame whose object is a feature word and a definite
event noun (lexicon `scene_heads`, `scene_clashes`: "استقدم تعزيزات إلى منطقة الاشتباكات")
names no place of its own: it is where that event was, in an earlier sentence as often as
not. A list that goes on after a comma ("مثل كفرزيتا عام 2014، وحلب في 2016") gives its
next name, in a clause with no frame, to the frames that took the name before it.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.places import PlaceRef
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["listed_on", "scene_places"]

#: the event nouns of a scene (lexicon lists), and the kinds of event each points back at.
#: Not attacks: who goes "إلى مكان القصف" is mostly a rescuer or a witness, no force
_SCENES = (("scene_clashes", ("clash",)),)
#: how many words after its cue a frame's object is looked for
_REACH = 8


def scene_places(an: Analysis, lexicon: Lexicon, frames: list[Frame],
                 told_at: dict[str, list[PlaceRef]]) -> None:
    """"استقدم تعزيزات إلى منطقة الاشتباكات": a frame whose object is the scene of an
    event told before (lexicon `scene_heads` + that event's cue) is at that event's places,
    whatever places its sentence names further on; `told_at` (kind -> the places of the
    last frame of that kind) is read, then brought up to date with `frames`."""
    heads = lexicon.words("scene_heads")
    preps = lexicon.words("scene_preps")
    starts, ends = an.word_starts, an.word_ends
    # the article's head words, found once: most frames have none after them
    marked = an.words_equal(heads)
    for frame in frames if marked else ():
        # the first `_REACH` words after the cue within its clause (words do not overlap:
        # the word after one is the next index)
        i = bisect.bisect_left(starts, frame.trigger.end)
        j = min(i + _REACH, bisect.bisect_left(starts, frame.clause[1]))
        m = bisect.bisect_left(marked, i)
        if m == len(marked) or marked[m] >= j - 1:
            continue  # a head word before the last word: none
        words = an.word_strings[i:j]
        # right after the cue, or after a preposition of its object: "استقدم الجيش
        # تعزيزات كبيرة إلى منطقة الاشتباكات"
        k = next((k for k in range(len(words) - 1) if words[k] in heads and
                  (k == 0 or words[k - 1] in preps)), None)
        if k is None:
            continue
        scene = words[k + 1]
        kinds = next((kinds for name, kinds in _SCENES if scene in lexicon.words(name)), ())
        places = next((told_at[kind] for kind in kinds if kind in told_at), None)
        if not places:
            continue
        # "إلى منطقة الاشتباكات في ريف حماة": the scene named on the spot is the place
        scene_end = ends[i + k + 1]
        if not any(an.words_between(scene_end, p.start) <= 3 for p in frame.places
                   if p.start >= scene_end):
            frame.places = list(places)
    for frame in frames:
        if frame.places:
            for kind in frame.kinds:
                told_at[kind] = list(frame.places)


def listed_on(an: Analysis, frames: list[Frame], place: PlaceRef, before: PlaceRef) -> list[Frame]:
    """"مثل كفرزيتا عام 2014، وحلب في 2016": copies of the frames that took `before`, at
    `place` (a name after "و" in a clause with no frame) and in its clause (the date it
    names is the event's)."""
    clause = next((c for s_start, s_end, clauses in an.sentences
                   if s_start <= place.start < s_end
                   for c in clauses if c[0] <= place.start < c[1]), None)
    if clause is None:
        return []
    return [replace(f, clause=clause, places=[place], assoc1=list(f.assoc1))
            for f in frames if any(p is before for p in f.places)]
