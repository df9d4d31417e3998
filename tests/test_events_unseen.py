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


def test_places_locating_an_origin_are_the_origin_too(resources):
    # "أُطلقت من البادية بين مدينتي X وY": the towns say where the launch site lies; the
    # rockets struck the base named before, at no town of the phrase
    text = ("وقالت مصادر محلية إن قاعدة حقل العمر تعرضت لقصف بصواريخ أطلقت من البادية "
            "بين مدينتي تدمر والسخنة.")
    assert {p for _, _, p in told(resources, text)} == {"حقل العمر"}
    # a place after a comma is where the attack went, as before
    text = "وشن الطيران الإسرائيلي عدواناً من اتجاه البادية، مستهدفاً مواقع في ريف مدينة الميادين."
    assert {p for _, _, p in told(resources, text)} == {"الميادين"}


def test_a_weapon_launched_from_a_country_did_not_strike_it(resources):
    # "إطلاق صاروخ ... من اليمن": the country after "من" is where it was launched from
    text = "وتحدثت وسائل إعلام عن إطلاق صاروخ باليستي من اليمن باتجاه مدينة إيلات صباح اليوم."
    assert "اليمن" not in {p for _, _, p in told(resources, text)}
    text = "وتحدث مصدر عسكري عن عدوان إسرائيلي نُفّذ من الجولان على مواقع في ريف القنيطرة."
    assert told(resources, text) == {("airstrike", "ISR_MIL", "القنيطرة")}
