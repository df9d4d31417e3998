"""Which kind of attack an event is: air strike or shelling, on short invented sentences.

EVENTS.md: drones and aircraft make an airstrike; an attack whose means the text does not
name is shelling. Each sentence is written by hand in the style of the news.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import extract

PUBLISHED = dt.date(2023, 10, 25)  # a Wednesday


def events_of(resources, text: str) -> list[Event]:
    return extract(Document("t", text, PUBLISHED, "test"), resources)


def told(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.kind, e.actor1, e.place) for e in events}


def test_the_attack_word_after_a_passive_is_its_object_however_far(resources):
    # the patient and its two places put "لعدوان أميركي" a dozen words after "تعرضت": the
    # nationality after the attack word still names the attacker, whose attacks are air
    # strikes
    text = ("وتعرضت مواقع الفصائل المسلحة في مدينة الميادين وفي محيط مدينة البوكمال "
            "شرقي دير الزور، فجر اليوم، لعدوان أميركي أدى إلى أضرار مادية.")
    assert told(events_of(resources, text)) == {("airstrike", "US_COALITION", "الميادين"),
                                                ("airstrike", "US_COALITION", "البوكمال")}
