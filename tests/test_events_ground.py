"""Ground events (deployment, withdrawal, other ...) told in less common constructions.

Sentences are invented, in the style of the news.
"""

from __future__ import annotations

from sentences import told


def test_withdrawing_checkpoints_is_a_withdrawal(resources):
    text = ("وسيطر مقاتلو العشائر على نقاط للجيش في بلدة الشحيل، بالتزامن مع قيام "
            "الجيش السوري بسحب عدة حواجز من المنطقة.")
    assert ("withdrawal", "SYR_MIL", "الشحيل") in told(resources, text)


def test_the_region_further_on_is_no_place_left(resources):
    # "من المنطقة" after the object of the cue is the whole region, not the town told
    text = ("وسيطر مقاتلو العشائر على نقاط للجيش في بلدة الشحيل، وطالبوا بانسحاب القوات "
            "الأجنبية كلها من المنطقة.")
    assert not {k for k in told(resources, text) if k[0] == "withdrawal"}


def test_cargo_aircraft_landing_at_a_base_is_an_airlift(resources):
    text = ("وأفادت مصادر محلية بأن مطار القامشلي شهد أمس هبوط طائرات الشحن الروسية "
            "محملة بالذخائر والعتاد.")
    assert ("deployment", "RUS_MIL", "مطار القامشلي") in told(resources, text)


def test_whose_attacks_a_nationality_after_the_noun_says(resources):
    # "اعتداءات" is a trigger and an air attack's noun at once: the adjective after it
    # names its author under either reading
    text = "وتعرضت مقار للحشد الشعبي في القائم لاعتداءات أميركية."
    assert {k[1] for k in told(resources, text)} == {"US_COALITION"}
