"""Ground events (deployment, withdrawal, other ...) told in less common constructions.

Sentences are invented, in the style of the news.
"""

from __future__ import annotations

from sentences import events_of, told


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


def test_reinforcements_to_the_scene_of_the_clashes_told_before(resources):
    text = ("اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحي داعش في محيط بلدة السخنة. "
            "واستقدم الجيش السوري تعزيزات كبيرة إلى منطقة الاشتباكات، وفق ما ذكرت مصادر "
            "محلية في مدينة حمص.")
    deployments = {k for k in told(resources, text) if k[0] == "deployment"}
    assert deployments == {("deployment", "SYR_MIL", "السخنة")}


def test_a_witness_going_to_the_scene_of_a_strike_is_no_deployment(resources):
    text = ("شنت الطائرات الروسية غارة على بلدة كفرنبل. وقال شاهد إنه توجه إلى مكان الضربة "
            "بعد دقائق.")
    assert not {k for k in told(resources, text) if k[0] == "deployment"}


def test_entering_a_country_is_a_deployment(resources):
    text = "ودخلت القوات التركية فجر اليوم إلى الأراضي السورية."
    assert ("deployment", "TUR_MIL", "الأراضي السورية") in told(resources, text)


def test_entering_into_force_or_a_battle_is_no_deployment(resources):
    text = ("ودخل اتفاق وقف إطلاق النار حيز التنفيذ في ريف إدلب، فيما دخلت الفصائل "
            "المعركة في ريف حلب.")
    assert not {k for k in told(resources, text) if k[0] == "deployment"}


def test_a_tribe_by_its_name_alone_is_the_tribes(resources):
    text = "وأجرى شيخ العكيدات لقاءات في مدينة الحسكة لبحث الأوضاع الأمنية."
    assert ("other", "TRIBES", "الحسكة") in told(resources, text)


def test_snipers_posted_on_the_building_told_before_are_deployed_there(resources):
    text = "وفي آب 2012 اقتحم الجيش السوري مدرسة في مدينة حمص، ونشر القناصة على سطح المبنى."
    assert ("deployment", "SYR_MIL", "حمص") in told(resources, text)


def test_operations_with_no_weapon_and_no_author_are_no_air_strike(resources):
    # the article's air strikes would otherwise make the unnamed attack one more
    text = ("وقتل ثلاثة مدنيين بغارات جوية على ريف إدلب. وتشهد أرياف حماة عمليات واسعة "
            "تستهدف أوكار المسلحين، كان آخرها في بلدة اللطامنة.")
    assert {k[0] for k in told(resources, text) if k[2] == "اللطامنة"} <= {"clash"}


def test_gunmen_of_a_named_group_seize_a_village(resources):
    # "استولوا": the plural of "استولى" does not start with it; "مسلحون من X" are X's
    text = ("وانسحب عناصر داعش من بلدة السخنة أمس. وفي وقت لاحق، قام مسلحون من هيئة تحرير "
            "الشام بمحاصرة البلدة، كما استولوا على قرية تل ملح في ريف حماة الشمالي.")
    assert ("capture", "HTS", "تل ملح") in told(resources, text)


def test_patrols_spread_through_a_city_are_a_deployment(resources):
    text = "وقامت قوات سوريا الديمقراطية اليوم بنشر دوريات في أحياء مدينة القامشلي."
    assert ("deployment", "SDF", "القامشلي") in told(resources, text)


def test_publishing_is_no_deployment(resources):
    text = "ونشرت وزارة الدفاع السورية صوراً من ريف حماة الشمالي."
    assert not {k for k in told(resources, text) if k[0] == "deployment"}


def test_a_name_listed_after_a_comma_goes_on_with_the_list_before(resources):
    # "، وحلب في 2017" opens a clause of its own: the advance of the clause before is
    # there too, in the year named with it
    text = ("وعجز الجيش السوري عن السيطرة على بلدات عقب محاولات للتقدم فيها، مثل كفرزيتا "
            "عام 2015، وحلب في 2017.")
    found = {(e.kind, e.actor1, e.place, e.date.year) for e in events_of(resources, text)}
    assert ("advance", "SYR_MIL", "حلب", 2017) in found


def test_the_scene_named_on_the_spot_is_the_place(resources):
    text = ("اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحي داعش في محيط بلدة السخنة. "
            "واستقدم الجيش السوري تعزيزات إلى منطقة الاشتباكات في بادية تدمر.")
    deployments = {k for k in told(resources, text) if k[0] == "deployment"}
    assert deployments == {("deployment", "SYR_MIL", "تدمر")}


def test_new_points_of_contact_between_two_forces(resources):
    text = ("وأفاد مصدر ميداني بأن نقاط تماس باتت بين الجيش السوري والقوات العراقية قرب "
            "مدينة البوكمال.")
    assert ("contact", "SYR_MIL", "البوكمال") in told(resources, text)


def test_a_post_on_the_line_of_contact_is_no_contact(resources):
    # the definite "خط التماس" locates the post attacked: a front already there
    text = ("وهاجم مقاتلو العشائر مقراً لقسد عند خط التماس مع مناطق الجيش السوري، إضافة "
            "إلى مقار في بلدة ذيبان بريف دير الزور.")
    assert not {k for k in told(resources, text) if k[0] == "contact"}


def test_a_deployment_acts_on_no_one(resources):
    # whom the reinforcements are to face is no actor2 (EVENTS.md: deployment, none)
    text = "واستقدمت قوات سوريا الديمقراطية تعزيزات إلى بلدة ذيبان لمواجهة مقاتلي العشائر."
    found = [e for e in events_of(resources, text) if e.kind == "deployment"]
    assert [(e.actor1, e.actor2, e.place) for e in found] == [("SDF", None, "ذيبان")]


def test_a_violation_a_side_worries_about_is_no_event(resources):
    text = "وأعربت موسكو عن قلقها حيال انتهاك التحالف الدولي الاتفاقات الجوية في سوريا."
    assert not {k for k in told(resources, text) if k[0] == "other"}
