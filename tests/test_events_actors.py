"""Who acted: actor rules on short invented sentences in the style of the news.

Each case states by hand the actor1 (and actor2) EVENTS.md asks for.
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Document, Event
from marsad.pipeline import extract

PUBLISHED = dt.date(2023, 10, 25)


def events_of(resources, text: str) -> list[Event]:
    return extract(Document("t", text, PUBLISHED, "test"), resources)


def at(events: list[Event], place: str) -> Event:
    found = [e for e in events if e.place == place]
    assert len(found) == 1, f"expected one event at {place}, got {events}"
    return found[0]


def test_a_verb_whose_only_name_is_a_place_takes_the_agent_before(resources):
    # "دمشق" in "مطار دمشق" is the place, not the Syrian government: the verb has no
    # subject of its own and goes on telling the raid of the sentence before
    text = "شن الطيران الإسرائيلي فجر اليوم غارات على مواقع قرب حمص. وفي وقت لاحق، استهدف محيط مطار دمشق."
    assert at(events_of(resources, text), "مطار دمشق").actor1 == "ISR_MIL"
