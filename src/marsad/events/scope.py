"""Which places of a sentence an event happened at, beyond what `context` marks.

`context.mark_context` reads a place right after another as its locator ("X في ريف Y").
Some words undo that reading or deny a place: an origin phrase closed by a comma ("من
اتجاه الأراضي اللبنانية، مستهدفاً ... في ريف حمص"), an ordinal that opens the next part of
a counted whole ("سقط الأول في X، والثاني في محيط Y"), a negated verb of occurring ("لم
يقع داخل الأردن").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from marsad.events.analysis import Analysis
from marsad.events.context import narrows
from marsad.events.grammar import RELATIVES
from marsad.events.places import LOCATIVE_WORDS, PlaceRef
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

#: negated verbs of occurring (normalized): "الهجوم لم يقع داخل الأردن" says where it was not
_NOT_OCCURRED = frozenset({"يقع", "تقع", "يحدث", "تحدث", "يجر", "تجر", "يكن", "تكن"})
_DENIALS = frozenset({"لم", "لا", "ليس", "ليست"})
#: ordinals (normalized) that stand for one of the things counted before ("والثالث في ...")
_ORDINALS = frozenset({"الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع",
                       "الرابعه", "الخامس", "الخامسه", "السادس", "السادسه", "الاخير",
                       "الاخيره"})
#: words that put an ordinal at the head of a new part: "أما الرابع", "فيما الثاني"
_PART_OPENERS = frozenset({"اما", "فيما", "بينما", "و"})


def origin(an: Analysis, place: PlaceRef, lexicon: Lexicon | None = None) -> bool:
    """Is `place` where something came from ("من اتجاه X", "انطلقت من X": lexicon `origins`;
    "أقلعت طائرة حربية من قاعدة X": `takeoffs`, the aircraft between the verb and "من")?

    "أُطلقت من تلال بين بلدتي X وY": the places that only locate the
    origin, with no comma or other word between, are the origin too.
    """
    # (most places have no origin cue before them: the hits are read only where one is)
    if an.has_hit(_ORIGIN, max(0, place.start - 90), place.start):
        for h in an.hits_in(max(0, place.start - 90), place.start):
            if h.entry.kind != "origin":
                continue
            n = an.words_between(h.end, place.start)
            if n <= 2 or (n <= _CHAIN_WORDS and _locator_chain(an, h.end, place.start)):
                return True
    if lexicon is None:
        return False
    starts = lexicon.starts("takeoffs", ("", "و"))
    if not an.words_starting(lexicon.words("takeoffs"), starts):
        return False  # no verb of taking off in the article (most)
    words = an.words_before(place.start, 80, _TAKEOFF_REACH)
    # "من" right before the name or its feature word ("من قاعدة حميميم", "من مطار X")
    k = next((i for i in range(len(words) - 1, max(-1, len(words) - 3), -1)
              if words[i] == "من"), None)
    return k is not None and any(w.startswith(starts) for w in words[:k])


_ORIGIN = frozenset({"origin"})
#: how many words before a place a verb of taking off may stand ("أقلعت طائرة حربية من
#: قاعدة X": five)
_TAKEOFF_REACH = 6


#: prepositions that, after an origin, open what was struck ("من X على مواقع في Y")
_TOWARDS = frozenset({"علي", "باتجاه", "نحو"})
#: words between an origin cue and a place that only say where the origin lies
_CHAIN_WORDS = 7
_CHAIN_LINKS = frozenset({"بين", "في", "قرب", "عند", "و", "ريف", "محيط", "منطقه", "منطقتي",
                          "مدينه", "مدينتي", "بلده", "بلدتي", "شمال", "جنوب", "شرق", "غرب",
                          "شمالي", "جنوبي", "شرقي", "غربي", "الواقع", "الواقعه"})
_PLACE_WORDS = frozenset({"place", "place_name", "relation", "place_drop"})


def _locator_chain(an: Analysis, a: int, b: int) -> bool:
    """Are the words of normalized [a, b) only places and the words that link them?

    A comma may stand only before "بين" ("أطلقت من البادية، بين مدينتي X وY"): the towns
    still place the launch site; any other comma or a full stop ends the chain.
    """
    stretch = an.text[a:b]
    if "." in stretch or any(not stretch[k + 1:].lstrip().startswith("بين")
                             for k, c in enumerate(stretch) if c == ","):
        return False
    covered = [(h.token_start, h.end) for h in an.hits_in(max(0, a - 1), b + 1)
               if h.entry.kind in _PLACE_WORDS]
    i = bisect.bisect_left(an.word_starts, a)
    while i < len(an.word_starts) and an.word_starts[i] < b:
        ws, we = an.word_starts[i], an.word_ends[i]
        word = an.norm.text[ws:we]
        bare = word[1:] if word.startswith("و") and word[1:] in _CHAIN_LINKS else word
        if bare not in _CHAIN_LINKS and not any(s <= ws and we <= e + 1 for s, e in covered):
            return False
        i += 1
    return True


def came_from(an: Analysis, lexicon: Lexicon, place: PlaceRef) -> bool:
    """Is `place` where an attack came from (`origin`, `launched_from`), not where it struck?"""
    return origin(an, place, lexicon) or launched_from(an, lexicon, place)


def launched_from(an: Analysis, lexicon: Lexicon, place: PlaceRef) -> bool:
    """Is `place` right after "من" in "إطلاق صاروخ باليستي من اليمن": where the weapon was
    launched from (lexicon `launches`, a few words before), not where it struck?"""
    before = an.prev_word(place.start)
    if before is None or an.text[before[0]:before[1]] != "من":
        return False
    return launch_before(an, lexicon, before[0])


def launch_before(an: Analysis, lexicon: Lexicon, pos: int, floor: int = 0) -> bool:
    """Is one of the few words before normalized `pos` (the "من" of where a weapon came
    from), after any comma or full stop and not before `floor`, a launch word (lexicon
    `launches`, "وإطلاق", "بإطلاق")?"""
    stretch = an.text[max(floor, pos - 80):pos]
    stretch = stretch[max(stretch.rfind(","), stretch.rfind(".")) + 1:]
    launches = lexicon.words("launches")
    return any(w in launches or (w[:1] in "وب" and w[1:] in launches)
               for w in stretch.split()[-_LAUNCH_WORDS:])


#: how far before "من" a launch word may stand ("إطلاق صاروخ باليستي مضاد للسفن من")
_LAUNCH_WORDS = 6


def released(an: Analysis, refs: Sequence[PlaceRef], k: int) -> bool:
    """Is refs[k], marked as locating the place before it, a place of its own?

    "من اتجاه الأراضي اللبنانية، مستهدفاً مواقع في ريف حمص": the comma closes the origin
    phrase, and what follows is where the attack struck. "سقط الأول في X، والثاني جنوب Y":
    the ordinal opens another part of what was counted, at its own place.
    """
    if k == 0 or not refs[k].context_only:
        return False
    between = an.text[refs[k - 1].end:refs[k].start]
    # "نُفّذ من الجولان على مواقع في ريف القنيطرة": "على" opens what the attack struck
    if ("," in between or _TOWARDS & set(an.words(refs[k - 1].end, refs[k].start))) and \
            origin(an, refs[k - 1]):
        return True
    # "والثالث جنوب دمشق في محيط الكسوة": the part is at the place that narrows the area
    return opens_part(an, refs[k - 1].end, refs[k].start) and not (
        k + 1 < len(refs) and narrows(an, refs[k], refs[k + 1]))


def opens_part(an: Analysis, a: int, b: int) -> bool:
    """Does an ordinal standing for a part of a counted whole head a phrase in [a, b)?

    "والثالث في محيط X", "أما الرابع فاستهدف": the ordinal is a noun on its own, after "و",
    "أما" or a punctuation mark; "الصف الأول", "الأول من أيار" (a date) are not.
    """
    words = an.words(a, b)
    for k, word in enumerate(words):
        bare = word[1:] if word.startswith("و") and word[1:] in _ORDINALS else word
        if bare not in _ORDINALS:
            continue
        after = words[k + 1] if k + 1 < len(words) else None
        if after == "من":
            continue  # "الثاني من أيار": a day of a month
        if bare != word or (k > 0 and words[k - 1] in _PART_OPENERS):
            return True
    return False


def summarized(an: Analysis, lexicon: Lexicon, refs: Sequence[PlaceRef], k: int) -> bool:
    """Is refs[k] the area of a series whose items are named after it?

    "قصفت المدفعية مواقع في البادية، أبرزها قرب تدمر"، "تشهد المحافظة غارات، كان آخرها
    على بلدة X": the place before a word that picks items out of a series
    (lexicon `series`) holds the whole series, no one event; the places after it are the
    events told.
    """
    if k + 1 >= len(refs):
        return False
    series = lexicon.words("series")
    text = an.text[refs[k].end:refs[-1].start]
    if not any(w.rsplit(" ", 1)[-1] in text for w in series):
        return False  # (asked for every place: most spans hold none of the words)
    words = [w[1:] if w.startswith("و") and len(w) > 3 else w
             for w in an.words(refs[k].end, refs[-1].start)]
    return any(w in series or (i > 0 and f"{words[i - 1]} {w}" in series)
               for i, w in enumerate(words))


def described(an: Analysis, refs: Sequence[PlaceRef], k: int) -> bool:
    """Is refs[k] in a relative clause that describes the place before it ("جبل X، التي
    تتخذ منها القوات مركز مراقبة في البحر الأحمر")? It tells that place's role, not where
    the event was; a clause that tells an attack ("التي استهدفها القصف") has a trigger."""
    if k == 0:
        return False
    a, b = refs[k - 1].end, refs[k].start
    words = [w[1:] if w[:1] == "و" and w[1:] in RELATIVES else w for w in an.words(a, b)]
    return bool(words) and words[0] in RELATIVES and not an.has_hit(_TRIGGER, a, b)


_TRIGGER = frozenset({"trigger"})


def denied(an: Analysis, place: PlaceRef) -> bool:
    """Is `place` where the text says the event did not happen ("لم يقع داخل الأردن")?"""
    words = an.words(max(0, place.start - 30), place.start)[-4:]
    for k in range(len(words) - 1):
        if words[k] in _DENIALS and words[k + 1] in _NOT_OCCURRED and \
                len(words) - k - 2 <= 1 and all(w in LOCATIVE_WORDS for w in words[k + 2:]):
            return True
    return False


def locates(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the reason cue `hit` "ضمن" before a place or a building ("ضمن مبنى المحافظة":
    lexicon `within`, `within_places`), so that it says where, not why?"""
    if an.text[hit.start:hit.end] not in lexicon.words("within"):
        return False
    nxt = an.next_word(hit.end)
    return nxt is not None and (an.text[nxt[0]:nxt[1]] in lexicon.words("within_places") or any(
        h.entry.kind == "place" and h.token_start == nxt[0] for h in an.hits_in(nxt[0], nxt[1])))
