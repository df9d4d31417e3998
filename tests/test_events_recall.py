"""Recall rules on short invented sentences: attacks told as one more.

Each sentence is invented, in the style of the news; each case states what EVENTS.md
asks for and why.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import extract

PUBLISHED = dt.date(2023, 10, 25)

FIRST = "أفاد مراسلنا بقصف القاعدة الأميركية في حقل كونيكو بثلاثة صواريخ. "


def events_of(resources, text: str) -> list[Event]:
    return extract(Document("t", text, PUBLISHED, "test"), resources)


def shellings_at(events: list[Event], place: str) -> int:
    return sum(1 for e in events if e.kind == "shelling" and e.place == place)


def test_an_attack_told_as_one_more_is_a_second_event(resources):
    # "مرة جديدة" right after the act: the base was struck twice, two events
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "مرة جديدة بعشرة صواريخ.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 2
    # "مجدداً" says it as well
    text = FIRST + "ثم استهدفت الفصائل القاعدة الأميركية في حقل كونيكو مجدداً بعشرة صواريخ."
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 2


def test_an_attack_told_twice_without_again_is_one_event(resources):
    # the body retelling the headline's attack: one event
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "بعشرة صواريخ.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 1
    # "مجدداً" said of a consequence far after the act is no second attack
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "بعشرة صواريخ، ما أدى إلى انقطاع الطريق الدولي بين المدينتين والقرى "
                    "المجاورة لها مجدداً.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 1
