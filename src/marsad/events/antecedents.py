"""Places a frame takes from a feature word that points back ("في المدينة").

A frame whose sentence gives it no place, but whose object is a definite feature word
standing alone (lexicon `feature_anaphors`: "عاود الطيران استهداف المدينة", "قصفت سوق
البطاطا في المدينة"), is at the last place of that feature the article named a few
sentences before ("مدينة سراقب"); one whose object is the area told before (lexicon
`area_anaphors`: "في تلك المنطقة") is where the last frame with places was.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis
from marsad.events.places import PlaceRef, find_places
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["Antecedents"]

#: the kinds of event a place is struck or fought at in
_STRUCK = frozenset({"airstrike", "shelling", "explosion", "remote", "clash", "attack_civilians"})
#: how many words after its cue the feature word may stand
_REACH = 8
#: how many sentences back the place it points at may have been named
_BACK = 4
#: the proclitics a definite feature word may carry ("بالمدينة", "والبلدة")
_PROCLITICS = ("", "و", "ب", "وب", "ف")


class Antecedents:
    """The places told so far in an article, for the frames that point back at them."""

    def __init__(self, an: Analysis, lexicon: Lexicon,
                 places_of: dict[tuple[int, int], list[PlaceRef]]) -> None:
        self.an = an
        self.lexicon = lexicon
        # the places of each sentence, those with frames found already
        self.places_of = dict(places_of)
        self.index = {(s, e): k for k, (s, e, _) in enumerate(an.sentences)}
        # the places of the last frame that had some, and the index of its sentence
        self.last: list[PlaceRef] = []
        self.last_at = -_BACK - 1
        features = lexicon.words("feature_anaphors")
        # "بالمدينة", "للمدينة": the word with each proclitic, and the feature it points at
        self.forms = {p + w: w[2:] for w in features for p in _PROCLITICS}
        self.forms.update({"لل" + w[2:]: w[2:] for w in features})
        # the words that may open what a frame points back with: a feature word, or the
        # first word of an area phrase (found once in the article: most frames have none)
        self.openers = frozenset(self.forms) | {
            a.split(" ", 1)[0] for a in lexicon.words("area_anaphors")}

    def fill(self, frames: list[Frame], sentence: tuple[int, int]) -> None:
        """Give each attack or clash frame of `sentence` with no place the places its
        feature word points back at; then remember the places of the sentence's frames."""
        at = self.index.get(sentence, 0)
        openers = self.an.words_equal(self.openers)
        starts = self.an.word_starts
        for k, frame in enumerate(frames if openers else ()):
            if frame.places or not any(kind in _STRUCK for kind in frame.kinds):
                continue
            # up to the next frame that tells an event; a cue that tells none in between
            # ("أسقط مسيرات حاولت الاعتداء على ...") goes on telling this one: its object
            # is looked for after that cue
            nxt = next((f for f in frames[k + 1:] if f.kinds), None)
            end = min(nxt.trigger.start if nxt else frame.clause[1], frame.clause[1])
            m = bisect.bisect_left(openers, bisect.bisect_left(starts, frame.trigger.end))
            if m == len(openers) or openers[m] >= bisect.bisect_left(starts, end):
                continue  # no word that points back after the cue
            last = max((h.end for h in self.an.hits_in(frame.trigger.start, end)
                        if h.entry.kind == "trigger"), default=frame.trigger.end)
            pointed = self._pointed(frame, last, end, at)
            if pointed:
                frame.places = pointed
        with_places = [f for f in frames if f.places]
        if with_places:
            self.last = list(with_places[-1].places)
            self.last_at = at

    def _pointed(self, frame: Frame, last: int, end: int, at: int) -> list[PlaceRef]:
        an = self.an
        # up to `_REACH` words after the last cue
        words = an.words(frame.trigger.end, end)
        words = words[:an.words_between(frame.trigger.end, last) + _REACH]
        areas = self.lexicon.words("area_anaphors")
        for k, word in enumerate(words):
            if " ".join(words[k:k + 2]) in areas:
                return list(self.last) if at - self.last_at <= _BACK else []
            feature = self.forms.get(word)
            if feature is None:
                continue
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt.startswith("ال"):
                return []  # "المدينة القديمة", "القرية الخضراء": a name of its own
            return self._named(feature, frame.trigger.start, at)
        return []

    def _named(self, feature: str, before: int, at: int) -> list[PlaceRef]:
        """The last place named with `feature` before normalized `before`, at most `_BACK`
        sentences back."""
        an = self.an
        for k in range(at, max(-1, at - _BACK - 1), -1):
            s, e, _ = an.sentences[k]
            refs = self.places_of.get((s, e))
            if refs is None:
                refs = self.places_of[s, e] = find_places(an, self.lexicon, s, e)
            found = [p for p in refs if p.start < before and p.feature == feature]
            if found:
                return [found[-1]]
        return []
