"""The attributes of an event read off its sentence: its date, its source and its dead.

`date_for` dates a frame (EVENTS.md: the nearest date expression of its clause, else of
its sentence, else the day before it or the publication day), `source_for` names who
vouches for it, and `fatalities` counts the deaths its sentence reports.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

from marsad.events.analysis import Analysis, DateAt
from marsad.events.attribution import SourceRef
from marsad.lexicon.model import Lexicon

if TYPE_CHECKING:
    from marsad.events.frames import Frame

__all__ = ["date_for", "fatalities", "source_for"]


_MEANS = frozenset({"means"})


def fatalities(an: Analysis, lexicon: Lexicon, sentence: tuple[int, int]) -> int | None:
    """Deaths the sentence counts: "مقتل 12 عنصراً", "سقوط 7 قتلى", "مقتل أميركي" (one)."""
    best: int | None = None
    deaths = lexicon.forms("fatality")
    # a cue that ends in a death noun ("أدى إلى مقتل") counts as that noun
    cues = [h for h in an.hits_in(*sentence) if h.entry.kind == "fatality" or (
        h.entry.kind == "trigger" and h.entry.last_word() in deaths)]
    if not cues:
        return None
    injured = lexicon.words("injured")
    dead = lexicon.starts("death_nouns")
    for number in an.numbers_in(*sentence):
        if number.value is None:
            continue
        if an.word_before(number.start) in injured:
            continue
        after = an.next_word(number.end)
        if after is not None and an.has_hit(_MEANS, after[0], after[0] + 1):
            continue  # "سقوط 15 صاروخاً": what fell is counted, not the dead
        near_cue = any((h.end <= number.start and an.words_between(h.end, number.start) <= 1)
                       or (h.start >= number.end and an.words_between(number.end, h.start) <= 4)
                       for h in cues)
        dead_noun = number.noun is not None and number.noun.startswith(dead)
        if near_cue or dead_noun:
            best = max(best or 0, number.value)
    if best is None:
        # a death noun then one person and no number: one dead ("مقتل أميركي")
        ones = [h for h in an.hits_in(*sentence) if h.entry.kind == "fatality_one"]
        for h in cues:
            if any(o.start >= h.end and an.words_between(h.end, o.start) == 0 for o in ones):
                return 1
    return best


def source_for(frame: Frame, sources: list[SourceRef]) -> str | None:
    """The text of the source that vouches for the frame: the last before its cue, else the
    first of the sentence."""
    before = [s for s in sources if s.cue <= frame.trigger.start and s.text]
    if before:
        return before[-1].text
    after = [s for s in sources if s.text]
    return after[0].text if after else None


#: form labels of find_dates, most specific first: an explicit day beats "قبل يومين"
_FORM_RANK = {"weekday": 0, "weekday_night": 0, "today": 0, "yesterday": 0}


def date_for(an: Analysis, lexicon: Lexicon, frame: Frame) -> tuple[dt.date | None, int | None, bool]:
    """The event's day and time_precision, and whether an expression of the text gave it.

    The nearest date expression of the clause, else of the sentence; a sentence that says
    "the same day" or goes on from the one before ("كما استهدفت ...": lexicon `same_day`,
    `continuing`) takes the last date named before it; an article about the past (no day
    it names lies within a week of its publication) dates an undated sentence by the last
    day named before it; otherwise the publication day (EVENTS.md: today's news).
    """
    t = frame.trigger.start

    def nearest(dates: list[DateAt]) -> DateAt | None:
        if not dates:
            return None
        return min(dates, key=lambda d: (abs(d.start - t) // 40,
                                         _FORM_RANK.get(d.mention.form, 1), abs(d.start - t)))

    s_start, s_end = frame.sentence
    in_clause = an.dates_in(*frame.clause)
    if any(d.start > t for d in in_clause):
        # "أعلنت قبل يومين استهدافها المحطة فجر الخميس": a date between the reporting verb
        # and the event dates the announcement when another follows the event
        said = [h.end for h in an.hits_in(frame.clause[0], t) if h.entry.kind == "source_verb"]
        if said:
            in_clause = [d for d in in_clause if not said[-1] <= d.start < t]
    found = nearest(in_clause) or nearest(an.dates_in(s_start, s_end))
    if found is not None:
        return found.mention.day, found.mention.time_precision, True
    before = bisect.bisect_left(an.date_starts, s_start)
    last = an.dates[before - 1].mention if before else None
    sentence = an.text[s_start:s_end]
    if last and (any(w in sentence for w in lexicon.words("same_day")) or
                 sentence.startswith(lexicon.starts("continuing"))):
        return last.day, last.time_precision, True
    published = an.doc.published
    if an.retrospective and last:
        return last.day, last.time_precision, False
    if published is not None:
        return published, 1, False
    if an.dates:
        first = an.dates[0].mention
        return first.day, first.time_precision, False
    return None, None, False
