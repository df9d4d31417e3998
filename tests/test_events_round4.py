"""Fourth round of event rules: counts that follow their noun, and places inside a reason.

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


def test_attacks_counted_by_a_word_after_the_noun_are_a_tally(resources):
    # "هجمات عدة" is "عدة هجمات" with the count after its noun: several attacks over an
    # area, a tally whose places the article names elsewhere, not one attack at Hama
    text = "شنت الطائرات الروسية هجمات عدة على مواقع المسلحين في ريف حماة."
    assert events_of(resources, text) == []
    text = "شنت الفصائل اعتداءات عديدة على القرى الآمنة في ريف اللاذقية."
    assert events_of(resources, text) == []


def test_a_single_attack_with_no_count_is_still_an_event(resources):
    # the control: the same sentence without the count tells one attack
    text = "شنت الطائرات الروسية هجمات على مواقع المسلحين في ريف حماة."
    events = events_of(resources, text)
    assert places_of(events) == {"حماة"}
    assert {e.actor1 for e in events} == {"RUS_MIL"}


def test_a_place_inside_a_reason_phrase_is_not_where_the_answer_struck(resources):
    # "ردا على القصف على مدينة الحسكة" says what the strike answers; the strike itself
    # names where it struck after its verb ("في ريف إدلب"): Hasakah is no place of it
    text = ("ردا على القصف على مدينة الحسكة، قصفت المدفعية التركية مواقع للمسلحين في "
            "ريف إدلب.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب"}
    assert {(e.kind, e.actor1) for e in events} == {("shelling", "TUR_MIL")}


def test_an_answer_with_no_place_of_its_own_keeps_the_place_of_its_reason(resources):
    # with no place after its verb, the answer is told where what it answers was
    text = "ردا على القصف على قرى ريف حلب، قصفت المدفعية التركية مواقع المسلحين."
    assert places_of(events_of(resources, text)) == {"حلب"}
