"""Places a frame takes from a feature word that points back, and attacks told as one more.

"قصفت الطائرات السوق في المدينة": "المدينة" alone is the town named before with that
feature word ("مدينة X"); "في تلك المنطقة" is where the last frame with places was
(events/antecedents.py). A drone attack stopped by the side it struck is another event
than that side's own strikes (merge.STOPPED); "عاودت الطائرات استهداف ..." is one more
attack (events/repeats.py). Sentences are invented, in the style of the news.
"""

from __future__ import annotations

from sentences import events_of


def _kpa(events):
    return sorted((e.kind, e.place) for e in events)


def test_the_city_alone_is_the_city_named_before(resources):
    text = ("زار وفد من الأمم المتحدة مدينة معرة النعمان أمس.\n"
            "وقال شهود إن طائرات حربية روسية استهدفت سوقاً شعبياً في المدينة.")
    assert _kpa(events_of(resources, text)) == [("airstrike", "معرة النعمان")]


def test_the_town_as_object_is_the_town_named_before(resources):
    text = ("عاد مئات النازحين إلى بلدة كفرنبل في ريف إدلب الجنوبي.\n"
            "وفي المساء قصفت المدفعية البلدة بعشرات القذائف.")
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("shelling", "كفرنبل")]


def test_a_feature_of_another_kind_points_at_nothing(resources):
    # a city named before is not "القرية"
    text = ("زار وفد من الأمم المتحدة مدينة معرة النعمان أمس.\n"
            "وقال شهود إن طائرات حربية روسية استهدفت سوقاً شعبياً في القرية.")
    assert events_of(resources, text) == []


def test_a_name_of_its_own_is_not_pointing_back(resources):
    # "المدينة الرياضية": a noun and its adjective, a site of its own
    text = ("زار وفد من الأمم المتحدة مدينة معرة النعمان أمس.\n"
            "وقال شهود إن طائرات حربية استهدفت المدينة الرياضية.")
    assert not [e for e in events_of(resources, text) if e.place == "معرة النعمان"]


def test_a_city_named_long_before_is_too_far(resources):
    filler = "وتحدث الأهالي عن ظروف معيشية صعبة في فصل الشتاء.\n" * 6
    text = ("زار وفد من الأمم المتحدة مدينة معرة النعمان أمس.\n" + filler +
            "وقال شهود إن طائرات حربية روسية استهدفت سوقاً شعبياً في المدينة.")
    assert events_of(resources, text) == []


def test_drones_stopped_over_that_area_attacked_the_places_told_before(resources):
    text = ("نفذ الجيش السوري ضربات جوية على مقار المسلحين في ريف حماة.\n"
            "وأضاف البيان أن الجيش السوري أسقط ثلاث طائرات مسيرة حاولت الاعتداء على "
            "المدنيين في تلك المنطقة.")
    events = events_of(resources, text)
    assert {(e.kind, e.actor1, e.actor2, e.place) for e in events} == {
        ("airstrike", None, "SYR_MIL", "حماة"), ("airstrike", "SYR_MIL", None, "حماة")}


def test_an_attack_with_no_side_named_is_still_the_one_told_with_its_side(resources):
    # the telling that does not say who did it is not stopped by anyone: one event
    text = ("قصف الجيش السوري بالمدفعية مواقع المسلحين في بلدة اللطامنة.\n"
            "وأفاد مراسلنا بأن القصف المدفعي استهدف بلدة اللطامنة.")
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("shelling", "اللطامنة")]


def test_an_attack_resumed_is_one_more(resources):
    text = ("قصفت طائرات حربية روسية مدينة سراقب صباح اليوم بثلاث غارات.\n"
            "وبعد ساعتين عاودت الطائرات الحربية الروسية استهداف المدينة بغارة جديدة.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [
        ("airstrike", "RUS_MIL", "سراقب"), ("airstrike", "RUS_MIL", "سراقب")]


def test_the_same_area_is_where_the_last_attack_was(resources):
    text = ("انفجرت عبوة ناسفة قرب حاجز للجيش في مدينة الصنمين صباح اليوم.\n"
            "وكان مسلحون قد شنوا هجوماً بالقذائف في المنطقة نفسها الأسبوع الماضي.")
    assert ("shelling", "الصنمين") in {(e.kind, e.place) for e in events_of(resources, text)}


def test_a_warplane_that_comes_back_fires_its_own_missiles(resources):
    # the missiles after "ب" are the aircraft's, the subject of "عادت": an air strike alone
    text = "وذكر ناشطون أن طائرة حربية عادت لتستهدف بلدة كفرنبل بصاروخين فراغيين عند الظهر."
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("airstrike", "كفرنبل")]


def test_one_more_attack_with_no_side_is_by_the_side_that_struck_before(resources):
    text = ("شنت طائرات حربية روسية غارة على مدينة سراقب صباح اليوم.\n"
            "وبعد ساعة عادت طائرة حربية لتستهدف السوق الشعبي في المدينة.")
    assert [(e.kind, e.actor1, e.place) for e in events_of(resources, text)] == [
        ("airstrike", "RUS_MIL", "سراقب"), ("airstrike", "RUS_MIL", "سراقب")]
