"""A cue whose place is a pronoun after "من" right after it ("انسحبوا منها") leaves the
place of the event told before it in its sentence. Sentences are invented, in the style
of the news.
"""

from __future__ import annotations

from sentences import events_of


def test_a_withdrawal_from_it_leaves_the_place_taken_before(resources):
    text = "وسيطر مقاتلو العشائر على عشرين قرية في ريف الرقة الشمالي، ثم انسحبوا منها بعد أيام."
    kinds = {(e.kind, e.actor1, e.place) for e in events_of(resources, text)}
    assert kinds == {("capture", "TRIBES", "الرقة"), ("withdrawal", "TRIBES", "الرقة")}


def test_a_pronoun_further_on_picks_items_and_names_no_place(resources):
    # "منها" after the object counts what was hit, it is no place left
    text = "وسيطر مقاتلو العشائر على عشرين قرية في ريف الرقة الشمالي، ثم خسروا عدداً منها بعد أيام."
    assert not [e for e in events_of(resources, text) if e.kind == "withdrawal"]
