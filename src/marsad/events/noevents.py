"""Triggers that tell no event: purposes, conditions, causes, tallies, campaigns.

A cue word of an attack or a capture is often no event of its own: what an attack is
for ("بهدف السيطرة على"), a hypothesis ("في حال تم استهداف"), the cause of what is told
("بسبب انتهاكها"), a tally of many attacks ("ست هجمات"، "أكثر من 150 استهدافاً"), a
campaign named by its author ("العدوان الإسرائيلي المستمر"), or a sentence that reminds
the reader of what was told before ("يُذكر أنّ"). `frames._frames` asks these before it
makes a frame. The cue words are lexicon data (cues.yaml `ongoing`, `causes`, `threats`,
`counts`); the Arabic left here is grammar (proclitics, "من", "سوف") and the count and
times patterns of the regular expressions.
"""

from __future__ import annotations

import bisect
import re

from marsad.events.analysis import Analysis
from marsad.events.grammar import AGAINST, RELATIVES
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

__all__ = ["agentless", "aggregate", "air_defence", "anaphoric", "any_one", "context", "earlier",
           "feared", "habitual", "halted", "ineffective", "judgement", "named", "occasion",
           "purpose", "threat"]


#: how many words after an entering verb the land entered is looked for
_TERRITORY_REACH = 7


def named(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """A `named_by: adjective` cue ("الاعتداء") needs its author's nationality right after it,
    and no word of duration (lexicon `ongoing`): a campaign is no one event; a `named_by:
    operation` cue, an operation noun before it and its target after it; a `named_by:
    attempt` cue, a word of the attack it stopped after it; a `named_by: territory` cue, a
    country's land a few words after it."""
    hit = hits[i]
    named_by = hit.entry.attr("named_by")
    if named_by == "operation":
        return _operation_of(an, lexicon, hit)
    if named_by == "attempt":
        return _attempt_after(an, lexicon, hit)
    if named_by == "territory":
        # "دخلت الولايات المتحدة الأميركية إلى الأراضي السورية": the land a few words on
        end = next((e for s, e, _ in an.sentences if s <= hit.start < e), len(an.text))
        return any(w in lexicon.words("territories") for w in an.words(hit.end, end)[:_TERRITORY_REACH])
    if named_by != "adjective":
        return True
    # "للعدوان، السعودية والإمارات": after a comma the country is in apposition, no adjective
    adjective = next((h for h in hits[i + 1:i + 4] if h.entry.kind == "adjective"
                      and an.words_between(hit.end, h.token_start) == 0
                      and not an.text[hit.end:h.token_start].strip()), None)
    if adjective is None:
        return False
    after = an.next_word(adjective.end)
    return after is None or an.text[after[0]:after[1]] not in lexicon.words("ongoing")


def anaphoric(an: Analysis, hits: list[Hit], i: int) -> bool:
    """Is the `named_by: adjective` cue hits[i], which `named` turned down, a campaign or an
    attack told before ("العدوان على اليمن")? Not when a nationality follows a word of
    weapon ("العدوان الصاروخي الإسرائيلي"): that one names an attack, though not as `named`
    reads it; nor an attack answered ("ردا على القصف على X"), whose places go to the answer
    when it names none. A campaign's places are its own, no other cue's."""
    hit = hits[i]
    if hit.entry.attr("named_by") in ("attempt", "territory"):
        return False  # a shoot-down that stopped no attack told, "دخل" of no land: no cue at all
    if any(h.entry.kind == "reason" and an.words_between(h.end, hit.token_start) <= 1
           for h in hits[max(0, i - 3):i]):
        return False  # "ردا على القصف على X": what is answered (frames `_in_reason`)
    return not any(h.entry.kind == "adjective" and an.words_between(hit.end, h.token_start) <= 1
                   for h in hits[i + 1:i + 4])


def air_defence(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is `hit` an air defence meeting an attack ("تصدّت الدفاعات الجوية للصواريخ")?

    Intercepting missiles or drones is no clash of its own: the attack it meets is the
    event, told by its own cue ("لعدوان إسرائيلي استهدف ...") or not at all. The air
    defence is named (lexicon `air_defences`) within a few words before or after the cue.
    """
    if hit.entry.attr("form") != "repel" or hit.entry.value != "clash":
        return False
    before = an.words_before(hit.token_start, 60, _DEFENCE_WORDS)
    after = an.words(hit.token_end, hit.token_end + 80)[:_DEFENCE_WORDS]
    near = " ".join([*before, "|", *after])
    return any(w in near for w in lexicon.words("air_defences"))


#: how many words before or after a repel cue its air defence may stand
_DEFENCE_WORDS = 4


def judgement(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the cue `hit` a judgement passed on what is told, not an event of its own?

    "يمثّل الوجود الأجنبي انتهاكاً للسيادة"، "وتعتبره اعتداءً على أراضيها": a noun of an
    event right after a verb that judges (lexicon `judgements`); "العدوان انتهاك صارخ": a
    violation (`other`) with a word of verdict right after it (lexicon `verdicts`). What
    a side worries about ("قلقها حيال انتهاك") is `feared`.
    """
    if hit.entry.attr("form") == "verb":
        return False
    if an.word_before(hit.token_start).startswith(lexicon.starts("judgements", _CONJUNCTIONS)):
        return True
    if hit.entry.value != "other":
        return False
    after = an.next_word(hit.token_end)
    return after is not None and not an.text[hit.token_end:after[0]].strip() and \
        an.text[after[0]:after[1]] in lexicon.words("verdicts")


def feared(an: Analysis, lexicon: Lexicon, hit: Hit, sentence_start: int) -> bool:
    """Is `hit` what a side fears or is concerned about, not an event told?

    "أعربت موسكو عن قلقها حيال انتهاك التحالف للاتفاق": the object of a word of concern
    (lexicon `concerns`) through "حيال"، "إزاء"، "من" ... or right after it ("تخشى دخول
    الحزب المعركة"); "لخشيتها من أن تكون البيانات قد
    استُخدمت لاستهدافهم": anything the "أن" clause after it says. An adjective may stand
    between the word and its preposition ("قلق كبير من أن").
    """
    # the last word of concern among the `_FEAR_WORDS` words of the sentence before the cue
    # (the article's words of concern are found once: most sentences have none)
    concerns = lexicon.starts("concerns", _CONCERN_CLITICS)
    marked = an.words_starting(lexicon.words("concerns"), concerns)
    if not marked:
        return False
    starts = an.word_starts
    j = bisect.bisect_left(starts, hit.token_start)
    m = bisect.bisect_left(marked, j) - 1
    if m < 0 or marked[m] < max(bisect.bisect_left(starts, sentence_start), j - _FEAR_WORDS):
        return False
    rest = an.word_strings[marked[m] + 1:j]
    if rest[:1] and rest[0] in _NOT_FEARED:
        return False  # "أعربت عن قلقها بعد قصف ...": concern at what happened
    if rest[:1] not in (["من"], ["ان"], ["حيال"], ["ازاء"], ["تجاه"], ["بشان"]):
        rest = rest[1:]  # "قلق كبير من"، "تخشى إسرائيل دخول"
    if not rest:
        return True  # "وتخشى إسرائيل دخول الحزب الحرب": what is feared, right after
    if rest[:2] in (["من", "ان"], ["من", "انه"]) or rest[:1] in (["ان"], ["انه"]):
        return True  # "خشية من أن ...": what follows is feared, not told
    return bool(rest) and rest[0] in _ABOUT and len(rest) <= 2


#: how far back in its sentence a word of concern may govern a cue ("لخشيتها من أن ...")
_FEAR_WORDS = 30
#: what may stand glued before a word of concern: "وقلقها", "لخشيتها", "بقلق"
_CONCERN_CLITICS = ("", "و", "ل", "ب", "ول", "وب")
#: words after a word of concern that tell what it follows, not what it fears (normalized)
_NOT_FEARED = frozenset({"بعد", "قبل", "اثر", "عقب", "اثناء", "خلال", "منذ", "مع", "في", "علي"})
#: the prepositions of what is feared ("قلقها حيال انتهاك"), grammar words (normalized)
_ABOUT = frozenset({"من", "حيال", "ازاء", "تجاه", "بشان"})


def any_one(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the attack noun `hit` one of any ("الرد على أي هجوم"، "خلال أي مواجهة مع ..."، lexicon
    `any_words` right before it)? A kind of event spoken of, none that happened."""
    return an.word_before(hit.token_start) in lexicon.words("any_words")


def earlier(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the plural attack noun `hit` told as earlier attacks, none in particular, by the word
    right after it ("أصيبوا خلال هجمات سابقة في العراق": lexicon `earlier`)? The places
    after it are theirs, no other cue's."""
    if (hit.start, hit.end) not in an.spans_of(_TALLY):
        return False
    after = an.next_word(hit.token_end)
    return after is not None and not an.text[hit.token_end:after[0]].strip() and \
        an.text[after[0]:after[1]] in lexicon.words("earlier")


def ineffective(an: Analysis, lexicon: Lexicon, hit: Hit, sentence_end: int) -> bool:
    """Is the attack noun `hit` the subject of a verb of effect denied ("ضربات الرئيس لم تردع
    العمليات"، "غارات التحالف على التنظيم لم تمنع هجماته")? What attacks failed to do is a
    judgement on a campaign, and the places after the verb are those of its object."""
    wont = an.words_equal(_WONT)
    if not wont:
        return False
    k = an.word_index(hit.token_end)
    starts, ends = an.word_starts, an.word_ends
    end = min(sentence_end, ends[min(len(ends) - 1, k + _EFFECT_WORDS)])
    # the words "لم"/"لن" of the article, found once: the words of [token_end, end) are
    # i..j-1, and one of them before the last, then a verb of effect
    i = bisect.bisect_left(starts, hit.token_end)
    j = bisect.bisect_left(starts, end)
    effects = lexicon.starts("effects")
    if not any(an.text.startswith(effects, starts[x + 1], ends[x + 1])
               for x in wont[bisect.bisect_left(wont, i):bisect.bisect_left(wont, j - 1)]):
        return False
    # "قصفت الطائرات القرية، لكنها لم تمنع تقدمهم": the verb tells it
    return not all(h.entry.attr("form") == "verb" for h in an.hits_in(hit.start, hit.start + 1)
                   if h.end == hit.end and h.entry.kind == "trigger")


#: the words of denial before a verb of effect (normalized), grammar words
_WONT = frozenset({"لم", "لن"})
#: how many words may stand between an attack noun and the verb of effect it is subject of
#: ("الضربات التي ينفذها التحالف منذ أشهر ضد مواقع التنظيم لم تمنع")
_EFFECT_WORDS = 12


def agentless(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is `hit` a masdar that tells an event only with its agent right after it (lexicon
    `agent_masdars`), named by none?

    "دخول الجيش إلى المدينة" is a capture; "دخول المساعدات إلى غزة"، "دخول الصراع يومه
    العاشر"، "منع الشحنات من دخول البلاد" are not. An actor (a name, a force word or a
    nationality) must stand as the masdar's genitive, its first word after.
    """
    if hit.entry.written not in lexicon.words("agent_masdars"):
        return False
    if an.text[hit.end:hit.token_end].strip():
        return True  # an enclitic ("دخوله"): its agent is not named
    after = an.next_word(hit.token_end)
    return after is None or not any(h.entry.kind in _ACTOR_HITS and h.start == after[0]
                                    for h in an.hits_in(after[0], after[0] + 1))


#: matcher hits that name a side ("قسد", "القوات التركية", "الجيش")
_ACTOR_HITS = frozenset({"actor", "generic", "metonym"})


def habitual(an: Analysis, hit: Hit) -> bool:
    """Is the verb `hit` what the antecedent of a relative clause used to do ("الجماعات
    التي كانت تقصف القرى")? A description of who was struck, not an event."""
    if hit.entry.attr("form") != "verb":
        return False
    before = an.words_before(hit.token_start, 30, 2)
    return len(before) == 2 and before[0] in RELATIVES and before[1] in _WAS


#: the past of "كان" (normalized), grammar words
_WAS = frozenset({"كان", "كانت", "كانوا", "كانتا", "كانا"})


def occasion(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """"استهدفت السفينة لانتهاك الشركة الحظر": a violation with "ل" before it (lexicon
    `violations`) is why what was told was done, not an event."""
    return "ل" in hit.proclitics and hit.entry.attr("form") != "verb" and \
        an.text[hit.start:hit.end] in lexicon.words("violations")


#: how many words may stand between an operation noun and the verb of its relative
#: ("عمليات نوعية ومركزة، نفذها"), and between that verb and "ضد" ("نفذها الجيش السوري ضد")
_OPERATION_WORDS = 3


def _operation_of(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """"عمليات نوعية نفذها الجيش ضد مواقع المسلحين": the verb of a relative tells the
    operation before it, when what it was against follows ("عملية نفذتها القوات" alone
    names no target and may be any kind of act)."""
    before = an.words_before(hit.token_start, 80, _OPERATION_WORDS + 1)
    if not any(w in lexicon.words("operations") for w in before):
        return False
    k = an.word_index(hit.token_end)
    ends = an.word_ends
    after = an.words(hit.token_end, ends[min(len(ends) - 1, k + _OPERATION_WORDS)])
    return any(w in AGAINST for w in after)


def _attempt_after(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """"أسقط الجيش مسيرات حاولت الاعتداء على القرى": a shoot-down tells the attack it
    stopped only when its sentence says, after the cue, that what fell was attacking
    (lexicon `attempts`); a spy drone shot down or a missile of an attack told before is
    no new event."""
    end = next((e for s, e, _ in an.sentences if s <= hit.start < e), len(an.text))
    after = an.text[hit.end:end]
    return any(w in after for w in lexicon.words("attempts"))


def halted(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """Is the attack `hit` the object of a word of stopping ("حتى وقف العدوان على غزة"،
    "لإنهاء عدوانها"، "إيقاف هجمات اليمن")? What should stop is a campaign, not an event."""
    if hit.entry.attr("form") == "verb":
        return False
    return an.word_before(hit.token_start).startswith(lexicon.starts("halts", _HALT_CLITICS))


#: what may stand glued before a word of stopping (lexicon `halts`): "لوقف", "وبإنهاء"
_HALT_CLITICS = ("", "و", "ل", "ب", "ول", "وب")


def context(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """Is the trigger the backdrop of what is told ("بالتزامن مع معركة "الفجر""، "في ظل
    العدوان"، "في ظل استمرار استهداف قواعدها"), a known attack named right after a reason cue
    of lexicon `backdrops` (or a word of going on after it)? It is the setting of the event,
    not news; "بالتزامن مع قصفٍ مدفعي على القرى" tells one."""
    hit = hits[i]
    backdrops = lexicon.words("backdrops")
    # (the cues before it first: most triggers have no backdrop cue among them)
    near = [h for h in hits[max(0, i - 3):i]
            if h.entry.kind == "reason" and h.entry.written in backdrops]
    if not near:
        return False
    # "في ظل استمرار استهداف قواعدها": a word of going on between them (lexicon `continuations`)
    between = an.words_before(hit.token_start, 40, 1)
    gap = 1 if between and between[0] in lexicon.words("continuations") else 0
    return any(an.words_between(h.end, hit.token_start) <= gap for h in near) and \
        _definite(an, hits, i)


def _definite(an: Analysis, hits: list[Hit], i: int) -> bool:
    """Does hits[i] name a known thing: with the article, a side as its genitive ("استهداف
    المقاومة") or a quoted name ("معركة "الفجر"")? "قصفٍ مدفعي"، "اشتباكات عنيفة" bring in
    a new one."""
    hit = hits[i]
    if hit.entry.article or "ال" in hit.proclitics:
        return True
    after = an.next_word(hit.token_end)
    if after is None:
        return False
    if an.text[hit.token_end:after[0]].strip()[:1] in _QUOTES:
        return True
    return any(h.start == after[0] and h.entry.kind in _ACTOR_HITS for h in hits[i + 1:i + 4])


_QUOTES = frozenset('"«“')


def purpose(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """True for a trigger that states a purpose ("للسيطرة على", "بهدف تحرير") or a condition."""
    hit = hits[i]
    for h in reversed(hits[max(0, i - 6):i]):
        if h.entry.kind == "condition" and an.words_between(h.end, hit.token_start) <= 3:
            return True  # "في حال تمّ استهداف مراكزنا": a threat, not an event
        if h.entry.kind == "supply" and hit.entry.attr("form") == "noun" and \
                an.words_between(h.end, hit.token_start) <= 2:
            return True  # "تزويد أوكرانيا بقذائف": weapons supplied, not fired
    if "ل" in hit.proclitics and hit.entry.attr("form") in (
            "masdar", "verb") and hit.entry.value in ("capture", "withdrawal", "advance"):
        return True
    for j in range(i - 1, max(-1, i - 3), -1):
        h = hits[j]
        if h.entry.kind == "purpose" and an.words_between(h.end, hit.token_start) <= 1:
            return True
        if h.entry.kind == "state" and an.words_between(h.end, hit.token_start) == 0:
            return True  # "مناطق سيطرة الجيش": a state, not an event
        if h.entry.kind == "reason" and h.entry.written in lexicon.words("causes") and \
                an.words_between(h.end, hit.token_start) == 0:
            return True  # "استُهدفت بسبب انتهاكها الحظر": the cause told, not an event
    return False


def threat(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int, sentence_start: int) -> bool:
    """An attack that a threat, a warning or a condition governs is no event.

    "هدّد بأنّ سفن الاحتلال ستتعرض للاستهداف"، "إذا استمر العدوان فستتعرض السفن للضرب":
    a future attack after a threat or a condition in its sentence; "التهديد اليمني بضرب
    السفن"، "نحذر الناس من غارات الطائرات": an attack named as the object of a threat or a
    warning. What a side says it will do if, or threatens to do, has neither happened nor
    been prepared; nor has what a side demands ("طالب بسحب القوات": lexicon `demands`). An
    event in the future with no threat or condition is still `planned`.
    """
    hit = hits[i]
    threats = lexicon.starts("threats", _CONJUNCTIONS)
    before = an.words_before(hit.token_start, 60, 4)
    if ("ب" in hit.proclitics or before[-1:] == ["من"]) and \
            any(w.startswith(threats) for w in before[:-1] + before[-1:] * ("ب" in hit.proclitics)):
        return True
    if "ب" in hit.proclitics and any(w.startswith(lexicon.starts("demands", _CONJUNCTIONS))
                                     for w in before):
        return True  # "طالب النائب بسحب القوات": what is demanded has not happened
    if "س" not in hit.proclitics and before[-1:] != ["سوف"]:
        return False
    if any(h.entry.kind == "condition" for h in hits[:i] if h.start >= sentence_start):
        return True
    return any(w.startswith(threats) for w in an.words(sentence_start, hit.token_start))


#: what may stand glued before a word of threat (lexicon `threats`): "وهدد", "فحذر"
_CONJUNCTIONS = ("", "و", "ف")


#: counts in the normalized text ("مئات" reads "ميات"), "أكثر من" or "نحو" before them
_MANY = re.compile(r"(?:اكثر من |نحو |حوالي |قرابه )?(\d+|عشرات|ميات|الاف) $")
#: a count of attacks this large tells a tally over weeks, not one event
_AGGREGATE_COUNT = 20


_TALLY = frozenset({"tally"})
_TIMES = re.compile(r"(\d+) مر(?:ه|ات)\b")
#: a count of times after a cue and its object, in one run of words (a quote mark may open
#: it): "لاستهدافات "12 مرة"", "قصفت المقاومة قاعدة عين الأسد 5 مرات"
_TIMES_AFTER = re.compile(r"\W*(?:[^\W\d_]+ ){0,5}?(\d+) مر(?:ه|ات)\b")
_MANY_AFTER = re.compile(r" [^ ]*?(?:ل|ب)?(?:اكثر من |نحو |حوالي |قرابه )?(\d+|عشرات|ميات|الاف) ")


def aggregate(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    """"تعرضت القوات الأميركية لأكثر من 151 استهدافاً": a tally, not an event."""
    if hit.entry.attr("form") == "passive":
        # the passive's object is the tally: "تعرضت ... لأكثر من 151 استهدافاً"
        after = an.text[hit.token_end:hit.token_end + 60]
        m = _MANY_AFTER.search(after)
        if m is not None and (not m.group(1).isdigit() or int(m.group(1)) >= _AGGREGATE_COUNT):
            return True
        # "تعرّضت القوات الأميركية 12 مرةً": a count of times is a tally too
        m = _TIMES.search(after)
        if m is not None and int(m.group(1)) >= 3:
            return True
    times = _TIMES.search(an.text[max(0, hit.token_start - 40):hit.token_start])
    if times is not None and int(times.group(1)) >= 3:
        return True  # "تعرضت 12 مرة منفصلة لهجمات": a tally of attacks
    times = _TIMES_AFTER.match(an.text, hit.token_end)
    if times is not None and int(times.group(1)) >= 3:
        return True  # "لاستهدافات 12 مرة", "قصفت القاعدة 5 مرات": counted by times, a tally
    origin = max(0, hit.token_start - 24)
    before = an.text[origin:hit.token_start]
    before = before[:-1] + " " if before.endswith(("ل", "ب")) else before
    m = _MANY.search(before)
    if m is None:
        # "ست هجمات", "عدة عمليات": a counted attack noun is a tally (lexicon `counts`,
        # `tallies`); "اعتداءات عدة", "هجمات عديدة": so is one the count word follows, as
        # "عدة" may stand after its noun as an adjective does
        if (hit.start, hit.end) not in an.spans_of(_TALLY):
            return False
        words = before.split()
        after = an.next_word(hit.end)
        return (bool(words) and words[-1] in lexicon.words("counts")) or (
            after is not None and not an.text[hit.token_end:after[0]].strip() and
            an.text[after[0]:after[1]] in lexicon.words("counts"))
    number_at = origin + m.start(1)
    if any(d.start <= number_at < d.end for d in an.dates_in(max(0, number_at - 40), number_at + 1)):
        return False  # "في 22 أيار 2011 اقتحمت": a year, not a count of events
    count = m.group(1)
    return not count.isdigit() or int(count) >= _AGGREGATE_COUNT or (
        int(count) >= 2 and (hit.start, hit.end) in an.spans_of(_TALLY))
