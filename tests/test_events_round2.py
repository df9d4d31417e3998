"""Second round of event rules: breakdowns of counted attacks, victims, attacks told again.

Each sentence is invented, in the style of the news; each case states what EVENTS.md
asks for and why.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import extract

PUBLISHED = dt.date(2023, 10, 25)  # a Wednesday


def events_of(resources, text: str) -> list[Event]:
    return extract(Document("t", text, PUBLISHED, "test"), resources)


def places_of(events: list[Event]) -> set[str]:
    return {e.place for e in events}


def test_the_parts_of_a_counted_raid_are_the_same_raids(resources):
    # "4 منها" shares out the 12 raids already counted: 4 + 5 + 3 = 12, no new raids
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها مستودعاً في حي "
            "الضبيط، و5 غارات بلدة بنش، و3 منطقة سرمين شرقي المدينة.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب"}
    assert {(e.kind, e.actor1) for e in events} == {("airstrike", "RUS_MIL")}
    # the partitive may come before its verb, and "إحداها" is a part of one
    text = ("وشن الطيران الروسي 3 غارات على مدينة إدلب، إحداها استهدفت بلدة بنش، "
            "و2 بلدة سرمين.")
    assert places_of(events_of(resources, text)) == {"إدلب"}


def test_counted_raids_without_a_partitive_or_a_place_keep_their_places(resources):
    # no "منها": two counts are two attacks at two places
    text = "وشن الطيران الروسي 12 غارة على مدينة إدلب، و5 غارات على بلدة بنش."
    assert places_of(events_of(resources, text)) == {"إدلب", "بنش"}
    # the whole names no place: the parts say where the raids struck
    text = ("وشن الطيران الروسي 12 غارة، استهدفت 4 منها بلدة بنش، و8 غارات بلدة سرمين.")
    assert places_of(events_of(resources, text)) == {"بنش", "سرمين"}


def test_counts_that_exceed_the_whole_are_no_breakdown(resources):
    # 4 + 9 > 12: the second count is not a share of the first
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها بلدة بنش، "
            "و9 غارات بلدة سرمين.")
    assert {"إدلب", "سرمين"} <= places_of(events_of(resources, text))


def test_a_new_attack_after_a_breakdown_is_news_again(resources):
    # the shelling that follows is no part of the raids counted
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها حي الضبيط، "
            "فيما قصفت المدفعية بلدة سرمين.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب", "سرمين"}
    assert ("shelling", "سرمين") in {(e.kind, e.place) for e in events}


def test_men_killed_in_an_attack_are_its_target_not_its_author(resources):
    # "قتلوا" with no object after it is passive: the soldiers were killed; their side
    # (the speaker's too) was struck
    text = ("أعلن الجيش الأميركي أن ثلاثة من الجنود الأميركيين قتلوا وأصيب خمسة في هجوم "
            "بطائرة مسيرة استهدف قاعدة الشدادي.")
    events = events_of(resources, text)
    assert [(e.kind, e.place) for e in events] == [("airstrike", "الشدادي")]
    assert events[0].actor1 != "US_COALITION"
    assert events[0].actor2 == "US_COALITION"
    # the genitive of a noun of injury, with the men counted between
    text = "أعلن الجيش الأميركي إصابة ثلاثة من الجنود الأميركيين في هجوم صاروخي على قاعدة الشدادي."
    events = events_of(resources, text)
    assert [(e.actor1, e.actor2) for e in events] == [(None, "US_COALITION")]


def test_men_who_kill_with_an_object_are_the_authors(resources):
    # "قتلت 5 مسلحين": active, its object follows; the forces acted
    text = "وقال مصدر إن القوات الأميركية قتلت 5 مسلحين في غارة على بلدة الشحيل."
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]
    # men hurt DURING an operation may have carried it out: no victim rule there
    text = ("وأعلنت القيادة الأميركية إصابة 4 من الجنود الأميركيين خلال غارة مع قوات "
            "سوريا الديمقراطية على بلدة الشحيل.")
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]


def test_the_object_of_an_attack_told_again_is_no_author_of_it(resources):
    # "الهجوم الذي استهدف القوات الأميركية": the forces were struck; "أنه استهدف" has the
    # attack as its subject, so the forces named before are no author of it
    text = ('قال المتحدث إن "الهجوم الذي استهدف القوات الأميركية فجراً لم يكن كبيراً"، '
            'مشيراً إلى أنه "استهدف قاعدة الشدادي في ريف الحسكة".')
    events = [e for e in events_of(resources, text) if e.place == "الشدادي"]
    assert len(events) == 1
    assert events[0].actor1 is None
    assert events[0].actor2 == "US_COALITION"
    # a subject right before its verb still acts
    text = "وقال المتحدث إن القوات الأميركية استهدفت مواقع في بلدة الشحيل."
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]


def test_a_place_after_a_participle_with_li_only_locates_the_one_before(resources):
    # "حرير المجاورة لمطار أربيل": the airport says where the base is; ل is the
    # participle's preposition, no new place of the attack
    text = "كما قصفت الفصائل قاعدة الشدادي أمس، وقاعدة حرير المجاورة لمطار أربيل بطائرتين مسيرتين."
    assert places_of(events_of(resources, text)) == {"الشدادي", "حرير"}
