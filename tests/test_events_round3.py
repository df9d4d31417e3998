"""Third round of event rules: origins, short names after feature words, denied places,
numbered parts, and the cues of deployments, clashes and other events.

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


def test_a_place_after_an_origin_and_a_comma_is_where_the_attack_struck(resources):
    # "من اتجاه الأراضي اللبنانية" says where the raid came from; the comma ends that
    # phrase, and "في ريف حمص" is where the raid struck, no locator of the origin
    text = ("شنت طائرات إسرائيلية غارات من اتجاه الأراضي اللبنانية، مستهدفة مواقع "
            "للجيش في ريف حمص.")
    events = events_of(resources, text)
    assert places_of(events) == {"حمص"}
    assert {(e.kind, e.actor1, e.geo_precision) for e in events} == {("airstrike", "ISR_MIL", 2)}


def test_a_place_right_after_an_origin_still_locates_it(resources):
    # no comma: "في ريف درعا" says where the village the rockets came from lies
    text = "سقطت صواريخ على مستوطنة كريات شمونة انطلقت من بلدة الحارة في ريف درعا."
    assert "درعا" not in places_of(events_of(resources, text))


def test_a_short_city_name_after_a_feature_word_is_a_place(resources):
    # "إب" (a Yemeni city) is two letters: read alone it would be part of many words,
    # but after "مدينة" it names the city
    text = "شنت طائرات التحالف السعودي غارة على وسط مدينة إب."
    events = events_of(resources, text)
    assert places_of(events) == {"إب"}
    assert all(e.place_id and e.lat for e in events)


def test_a_short_name_is_no_place_without_a_feature_word(resources):
    # the same two letters with no feature word before them are not read as the city
    hits = resources.matcher.hits("وصل اب الى الميناء")
    assert not [h for h in hits if h.entry.kind == "place" and h.entry.value == "اب"]
    hits = resources.matcher.hits("وصل الى مدينه اب")
    assert [h for h in hits if h.entry.kind == "place" and h.entry.value == "اب"]


def test_a_place_the_text_says_the_attack_did_not_happen_in_is_no_place_of_it(resources):
    # "لم يقع داخل الأردن" denies the place, not the attack: the attack is at التنف
    text = ('قال المتحدث باسم الحكومة إن "غارات طالت القوات الأميركية لم تقع داخل '
            'الأردن"، بل استهدفت قاعدة التنف في سوريا.')
    events = events_of(resources, text)
    assert "الأردن" not in places_of(events)
    assert "التنف" in places_of(events)
    # without the denial the same place is where it happened
    text = 'قال المتحدث باسم الحكومة إن "غارات طالت القوات الأميركية وقعت داخل الأردن".'
    assert "الأردن" in places_of(events_of(resources, text))


def test_an_ordinal_opens_a_part_at_its_own_place(resources):
    # "والثالث" stands for the third rocket: "شرق بلدة نبل" is where it fell, not a
    # locator of the village before
    text = "أطلقت الفصائل ثلاثة صواريخ على ريف حلب، سقط الأول في قرية تل طويل، والثالث شرق بلدة نبل."
    assert {"تل طويل", "نبل"} <= places_of(events_of(resources, text))


def test_an_ordinal_of_a_day_or_a_rank_opens_no_part(resources):
    # "الثاني من أيار" is a date and "الصف الأول" a rank: the place after them stays a locator
    text = "سقط صاروخ في قرية تل طويل في الثاني من أيار شرق مدينة حلب."
    assert places_of(events_of(resources, text)) == {"تل طويل"}


def test_a_place_named_inside_a_direction_from_a_city_is_where_it_happened(resources):
    # "جنوب دمشق" is a broad area; "في محيط منطقة الكسوة" names the place inside it
    text = "شنت طائرات إسرائيلية غارات جنوب دمشق في محيط منطقة الكسوة."
    events = events_of(resources, text)
    assert places_of(events) == {"الكسوة"}
    assert {e.geo_precision for e in events} == {2}
    # a direction from a place after the village still only locates it
    text = "شنت طائرات إسرائيلية غارات على بلدة الكسوة جنوب دمشق."
    assert places_of(events_of(resources, text)) == {"الكسوة"}


def test_the_onset_of_a_battle_is_a_clash(resources):
    # "بدء المعركة": the definite noun after a verb or noun of onset tells a new round of
    # fighting, like "اندلاع المعارك" (alone, "المعركة" points back at one told before)
    text = 'وأعلن مقاتلو العشائر "بدء المعركة ضد قوات قسد في ريف دير الزور".'
    events = events_of(resources, text)
    assert {(e.kind, e.actor1, e.actor2, e.place) for e in events} == {
        ("clash", "TRIBES", "SDF", "دير الزور")}
    text = 'وأعلن مقاتلو العشائر أن "المعركة ضد قوات قسد في ريف دير الزور" مستمرة.'
    assert not events_of(resources, text)
