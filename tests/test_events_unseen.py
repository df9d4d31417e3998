"""Rules found on articles no gold covers: precision on the unannotated corpus.

Each sentence is invented in the style of the news; each case states what EVENTS.md asks
for (the event the sentence tells, and who did it).
"""

from __future__ import annotations

from sentences import told


def test_an_accusative_nationality_adjective_names_the_attacker(resources):
    # "عدواناً إسرائيلياً": the adjective takes the accusative ending of its noun; it names
    # the author as "عدوان إسرائيلي" does, not the ministry that reports it
    text = "وذكرت وزارة الدفاع السورية أن عدواناً جوياً إسرائيلياً استهدف مطار حماة العسكري."
    assert told(resources, text) == {("airstrike", "ISR_MIL", "مطار حماة")}
    text = "وقال مراسلنا إن عدواناً أميركياً طال ميناء الصليف غرب اليمن فجر اليوم."
    assert {a for _, a, _ in told(resources, text)} == {"US_COALITION"}
