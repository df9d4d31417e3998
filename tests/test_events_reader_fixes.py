"""Reader rules on short invented sentences in the style of the news: where a source
phrase ends, whose actor a generic label is, who a masdar's object is, what is no
explosion, and what is only planned.

Each case states by hand what EVENTS.md and ACTORS.md ask for.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import extract

PUBLISHED = dt.date(2023, 10, 25)


def events_of(resources, text: str) -> list[Event]:
    return extract(Document("t", text, PUBLISHED, "test"), resources)


def test_a_source_ends_before_the_masdar_it_reports_with_bi(resources):
    text = "وأفاد مراسل الميادين باندلاع اشتباكات عنيفة بين الجيش السوري ومسلحي داعش في ريف حماة."
    events = events_of(resources, text)
    assert events
    assert {e.source for e in events} == {"مراسل الميادين"}


def test_a_source_ends_before_the_masdar_object_of_its_verb(resources):
    text = "أعلنت وزارة الدفاع التركية مقتل خمسة من عناصر حزب العمال الكردستاني بغارة جوية في قضاء سنجار."
    events = events_of(resources, text)
    assert events
    assert {e.source for e in events} == {"وزارة الدفاع التركية"}
