"""Spurious events and wrong places: one place named twice, vague retellings, opinions.

Each sentence is invented in the style of the news; each case states what EVENTS.md asks
for (the event the sentence tells, once, at its place, and no other).
"""

from __future__ import annotations

from sentences import told


def test_one_place_spelled_twice_is_one_event(resources):
    # the long name and the short name of one gazetteer place tell one attack
    text = ("وأكدت مصادر محلية سقوط عدد من القذائف على موقع للقوات الأميركية في حقل غاز "
            "كونيكو، وقالت إن قصف قاعدة كونيكو جرى بأربع قذائف.")
    assert told(resources, text) == {("shelling", None, "حقل غاز كونيكو")}
    # an old name and the new one of a city, in two sentences
    text = ("استهدفت المقاومة مدينة أم الرشراش بالطائرات المسيرة. وقالت المقاومة إنها ضربت "
            "هدفا في إيلات بالطائرات المسيرة.")
    assert len(told(resources, text)) == 1
    # the same place struck on two days the text names is still two events
    text = ("وسقطت قذائف على حقل غاز كونيكو يوم الاثنين. وسقطت قذائف أخرى على قاعدة كونيكو "
            "يوم الأربعاء.")
    assert len(told(resources, text)) == 2
