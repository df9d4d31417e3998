"""A shoot-down that tells the attack it stopped (triggers.yaml `named_by: attempt`).

"أسقط الجيش مسيرات حاولت الاعتداء على X" is the drones' strike on X (the gold codes it
so: an airstrike whose actor2 is the side that shot them down); a drop of leaflets or a
drone shot down with no attack said is no event. Sentences are invented, in the style of
the news.
"""

from __future__ import annotations

from sentences import events_of


def test_drones_shot_down_while_attacking_tell_their_strike(resources):
    text = ("أعلنت وزارة الدفاع أن وحدات الجيش السوري أسقطت ست طائرات مسيرة تابعة "
            "للمسلحين حاولت الاعتداء على القرى الآمنة في ريف حماة.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.actor2, e.place) for e in events] == \
        [("airstrike", None, "SYR_MIL", "حماة")]


def test_drones_kept_from_their_targets_tell_their_strike(resources):
    text = ("أعلنت وزارة الدفاع تمكن الجيش السوري من إسقاط ثلاث مسيرات في ريف حماة "
            "ومنعها من الوصول إلى أهدافها.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor2, e.place) for e in events] == [("airstrike", "SYR_MIL", "حماة")]


def test_leaflets_dropped_by_the_air_force_are_no_strike(resources):
    # "أسقط" is also to drop: with no attack said after it, nothing was struck
    text = ("وذلك بحسب ما ذكرت منشورات أسقطتها القوات الجوية العراقية في منطقة راوة "
            "على الحدود الغربية.")
    assert not [e for e in events_of(resources, text) if e.kind == "airstrike"]
