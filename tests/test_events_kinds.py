"""Whether a sentence tells an event, and which kind: rules on short invented sentences.

Each sentence is written by hand in the style of the news; each case states what
EVENTS.md asks for (an event or none, and its kind).
"""

from __future__ import annotations

from marsad.model import Event
from sentences import events_of


def kinds_at(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.kind, e.place) for e in events}


def test_attacks_counted_by_times_after_the_cue_are_a_tally(resources):
    # "لاستهدافات 9 مرات": a count of times over weeks, no one attack at either place
    text = "وقال المتحدث إن القوات الأميركية تعرضت لاستهدافات 9 مرات في العراق وسوريا خلال أسبوعين."
    assert events_of(resources, text) == []
    # the count may follow the cue's object
    text = "وقصفت المقاومة قاعدة عين الأسد 5 مرات خلال الشهر الماضي."
    assert events_of(resources, text) == []
    # one attack told once is still an event
    text = "وقال المتحدث إن القوات الأميركية تعرضت لاستهداف في قاعدة عين الأسد."
    assert ("shelling", "عين الأسد") in kinds_at(events_of(resources, text))


def test_a_place_after_an_accusative_of_support_is_no_place_of_the_attack(resources):
    # "إسناداً للشعب الفلسطيني في قطاع غزة": why the ship was struck, not where
    for reason in ("إسناداً للشعب الفلسطيني", "دعماً للمقاومة الفلسطينية"):
        text = f"استهدفت القوات البحرية اليمنية سفينة في البحر الأحمر، {reason} في قطاع غزة."
        events = events_of(resources, text)
        assert {e.place for e in events} == {"البحر الأحمر"}, reason


def test_a_future_attack_under_a_threat_or_a_condition_is_no_event(resources):
    for text in ("هدد المتحدث العسكري بأن السفن الأميركية ستتعرض للاستهداف في البحر الأحمر.",
                 "وقال الوزير إنه إذا استمر العدوان فستتعرض القواعد الأميركية للقصف في سوريا."):
        assert events_of(resources, text) == [], text
    # an attack named as what is threatened or warned of
    for text in ("وحذرت وسائل إعلام من التهديد اليمني بضرب السفن في البحر الأحمر.",
                 "كنا نحذر الناس من غارات الطائرات الحربية على بلدة كفرنبل."):
        assert events_of(resources, text) == [], text
    # the place of the threatened attack does not pass to an event told after it
    text = ("وقال الوزير إنه إذا استمر العدوان فستتعرض السفن للضرب في البحر الأحمر، "
            "مضيفاً أن اليمن يدين المجازر.")
    assert events_of(resources, text) == []


def test_a_future_attack_announced_without_threat_is_planned(resources):
    text = "أعلن الجيش السوري أنه سيشن هجوماً على بلدة ذيبان في ريف دير الزور."
    events = events_of(resources, text)
    assert [(e.kind, e.place, e.modality) for e in events] == [("clash", "ذيبان", "planned")]
