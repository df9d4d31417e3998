"""Rules found on articles no gold covers: precision on the unannotated corpus.

Each sentence is invented in the style of the news; each case states what EVENTS.md asks
for (the event the sentence tells, and who did it).
"""

from __future__ import annotations

import datetime as dt

from sentences import events_of, told


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


def test_no_side_is_the_author_of_an_attack_on_itself(resources):
    # the speaker's side, named as what the attacks struck, did not strike itself: the
    # author is unknown and the side struck is actor2
    text = ("وقالت القيادة المركزية الأميركية إن هجمات بطائرات مسيرة استهدفت القوات "
            "الأميركية في شرق سوريا خلال الأسبوع الماضي.")
    events = [e for e in events_of(resources, text) if e.place == "سوريا"]
    assert [(e.actor1, e.actor2) for e in events] == [(None, "US_COALITION")]
    text = "وأعلن البنتاغون أن هجمات بصواريخ استهدفت القواعد الأميركية شمال سوريا ليلاً."
    assert [(e.actor1, e.actor2) for e in events_of(resources, text)] == [
        (None, "US_COALITION")]
    # the genitive of "استهداف" followed by its object is the agent; an adjective right
    # after the attack word names its author
    text = "وتبنت فصائل المقاومة العراقية أمس استهداف القوات الأميركية في قاعدة التنف."
    assert told(resources, text) == {("shelling", "IRQ_RESISTANCE", "التنف")}
    text = "وأفاد مصدر عسكري بأن عدواناً إسرائيلياً استهدف القوات السورية في ريف القنيطرة."
    assert {a for _, a, _ in told(resources, text)} == {"ISR_MIL"}


def test_a_dual_object_pronoun_leaves_the_subject_after_the_verb(resources):
    # "اللتين استهدفتهما القوات": the dual pronoun is the object, the force after it acts
    text = "وتحدثت الشركة عن الناقلتين اللتين استهدفتهما القوات المسلحة اليمنية في خليج عدن."
    assert told(resources, text) == {("shelling", "HOUTHIS", "خليج عدن")}
    text = "وزار مراسلنا المبنيين اللذين قصفهما الطيران الإسرائيلي في بلدة الخيام."
    assert {a for _, a, _ in told(resources, text)} == {"ISR_MIL"}


def test_the_nationality_of_the_weapon_used_names_the_author(resources):
    # "استُهدفت X، فجر اليوم، بغارات أميركية": the attack done with American raids was
    # theirs, though a comma stands between
    text = ("وأكد مراسلنا استهداف أحياء سكنية في مدينة البوكمال شرقي البلاد، فجر اليوم، "
            "بغارات أميركية.")
    assert told(resources, text) == {("airstrike", "US_COALITION", "البوكمال")}


def test_a_march_is_no_drone(resources):
    # "مسيرة التضامن": a march of solidarity; the drone of the same word is not there, and
    # makes no air strike of the massacre it condemns
    text = "ونددت مسيرة التضامن في مدينة الحديدة بالمجازر بحق المدنيين في مخيم جباليا."
    assert "airstrike" not in {k for k, _, _ in told(resources, text)}


def test_genocide_with_no_perpetrator_named_is_a_charge(resources):
    # "الداعمة للإبادة الجماعية": a charge against whoever supports it, no event at a place
    text = "وانتقد الوزير مواقف ألمانيا وفرنسا الداعمة للإبادة الجماعية."
    assert told(resources, text) == set()
    # with its perpetrator named, it is violence against civilians
    text = "واتهم البيان جيش الاحتلال بارتكاب جرائم الإبادة الجماعية في قطاع غزة."
    assert ("attack_civilians", "ISR_MIL", "قطاع غزة") in told(resources, text)


def test_who_answers_an_act_did_not_commit_it(resources):
    # "تستعد إيران للرد على جريمة اغتيال": the assassination answered is another side's
    text = "وتستعد طهران للرد على جريمة اغتيال القائد العسكري في مدينة بيروت الأسبوع الماضي."
    assert {a for k, a, _ in told(resources, text) if k == "attack_civilians"} == {None}
    # the side named right after the act answered committed it
    text = ("وقصفت المقاومة الإسلامية في لبنان موقع المطلة بالصواريخ، في إطار الرد على "
            "اعتداءات العدو الإسرائيلي على بلدة الخيام.")
    assert ("airstrike", "ISR_MIL", "الخيام") in told(resources, text) or \
        ("shelling", "ISR_MIL", "الخيام") in told(resources, text)


def test_an_attack_rejected_is_condemned_not_denied(resources):
    # "رفض بلاده عدوان الاحتلال": the aggression happened; the rejection condemns it
    text = "وأكد الوزير رفض بلاده القصف الإسرائيلي على مدينة خان يونس أمس."
    assert {e.modality for e in events_of(resources, text)} == {"asserted"}
    # a denial proper still denies
    text = "ونفى الجيش الإسرائيلي قصف مدينة خان يونس أمس."
    assert {e.modality for e in events_of(resources, text)} == {"negated"}


def test_a_force_noun_of_no_side_after_bi_is_the_means(resources):
    # "أنها هاجمت بالطائرات المسيرة": the drones are how the claimant struck, not who did
    text = ("أغلق الجيش العراقي الطرق المؤدية إلى المطار. وأعلنت المقاومة الإسلامية في العراق "
            "أنها هاجمت بالطائرات المسيرة قاعدة حرير في أربيل.")
    assert {a for _, a, _ in told(resources, text)} == {"IRQ_RESISTANCE"}


def test_a_general_command_of_a_named_force_is_that_force(resources):
    # "القيادة العامة لجيش العشائر": the command of the force after it, not the LNA's
    # General Command, which the words name alone
    text = ("ونفت القيادة العامة لجيش العشائر العربية أي دور لمقاتليها في الهجوم على قرية "
            "الدحلة في ريف دير الزور.")
    assert "LNA" not in {a for _, a, _ in told(resources, text)}
    text = "وقالت القيادة العامة إن قواتها سيطرت على منطقة الهلال النفطي في ليبيا."
    assert "LNA" in {a for _, a, _ in told(resources, text)}
    # the force after the command is the one that acts
    text = "وقالت القيادة العامة لجيش العشائر العربية إن مقاتليها هاجموا مواقع لقسد في بلدة ذيبان."
    assert told(resources, text) == {("clash", "TRIBES", "ذيبان")}


def test_the_nationality_of_a_definite_attack_noun_after_li_names_its_author(resources):
    # "في حصيلة أولية للغارة الإسرائيلية التي استهدفت X": the raid's nationality is its
    # author's, as in "للاعتداء الإسرائيلي"; the side is not what was struck
    text = ("وأعلنت وزارة الصحة ارتقاء 5 شهداء في حصيلة أولية للغارة الإسرائيلية التي "
            "استهدفت مركزاً طبياً في بلدة الخيام.")
    events = events_of(resources, text)
    assert {(e.actor1, e.actor2) for e in events} == {("ISR_MIL", None)}


def test_the_coalition_over_yemen_before_2024_is_the_saudi_led_one(resources):
    # "طيران التحالف" alone names the US-led coalition, but in a sentence about Yemen
    # before the US and British strikes of 2024 it is the Saudi-led one (actors.yaml
    # `borrows`)
    text = "وفي عام 2016، دمّر طيران التحالف جسراً رئيسياً في مديرية باقم بمحافظة صعدة."
    assert {a for _, a, _ in told(resources, text)} == {"SAUDI_COALITION"}
    text = "وشنّت طائرات التحالف غارات على مواقع لتنظيم داعش قرب مدينة الشدادي في الحسكة."
    assert {a for _, a, _ in told(resources, text)} == {"US_COALITION"}
    # after 2023 the bare name over Yemen stays with the US-led coalition
    events = events_of(resources, "وشنّت طائرات التحالف غارتين على مطار صنعاء فجر اليوم.",
                       published=dt.date(2024, 2, 3))
    assert {e.actor1 for e in events} == {"US_COALITION"}


def test_two_nationalities_of_one_air_arm_are_the_first_and_its_associate(resources):
    # "سلاحا الجو السوري- الروسي", "الطائرات السورية والروسية": the first nationality is
    # actor1, the one joined to it (by a dash or "و") its associate
    for text in ["ونفّذ سلاحا الجو السوري- الروسي سلسلة غارات على مواقع المسلحين في ريف إدلب.",
                 "وشنت الطائرات السورية والروسية غارات على مواقع المسلحين في ريف إدلب.",
                 "وقصفت طائرات حربية سورية - روسية مواقع المسلحين في ريف إدلب فجر اليوم."]:
        assert [(e.actor1, e.assoc1) for e in events_of(resources, text)] == [
            ("SYR_MIL", ("RUS_MIL",))], text
    text = "وشن الطيران الحربي الروسي والسوري غارات على مواقع المسلحين في ريف إدلب."
    assert [(e.actor1, e.assoc1) for e in events_of(resources, text)] == [
        ("RUS_MIL", ("SYR_MIL",))]
    # an aircraft noun with its nationality after it is that side's, whoever was named
    # before ("طائرات حربية سورية" after a sentence on Russian raids)
    text = ("وشن الطيران الروسي غارات على ريف حماة أمس. "
            "وقصفت طائرات حربية سورية مواقع المسلحين في ريف إدلب فجر اليوم.")
    assert {(e.place, e.actor1) for e in events_of(resources, text)} >= {("إدلب", "SYR_MIL")}


def test_a_charge_without_its_adjective_is_still_an_explosion(resources):
    # "بعبوة" / "بعبوات" with "ناسفة" left out: the attack is an explosion, not shelling
    text = "وأعلنت سرايا القدس استهداف آلية عسكرية إسرائيلية بعبوة محلية الصنع في مدينة جنين."
    assert {k for k, _, _ in told(resources, text)} == {"explosion"}
    text = "وتضررت جرافة عسكرية بعد استهدافها بعبوات شديدة الانفجار قرب مدينة طولكرم."
    assert {k for k, _, _ in told(resources, text)} == {"explosion"}
    # a "عبوة" named with no attack word is no event
    text = "وضبطت الشرطة 20 عبوة تحوي مواد مجهولة في مستودع قرب مدينة إدلب."
    assert told(resources, text) == set()


def test_countries_after_in_each_of_are_places_and_who_suffered_is_no_author(resources):
    # "في كل من العراق وسوريا": the countries are where, not a side (after "أعلنت كل من"
    # they act)
    text = "وأكد البيان أن المسلحين شنوا هجمات على مواقع الجيش في كل من العراق وسوريا."
    events = events_of(resources, text)
    assert {e.place for e in events} == {"العراق", "سوريا"}
    assert "IRQ_MIL" not in {e.actor2 for e in events}
    # the soldiers who "تعرضوا" to the attacks did not make them
    text = ("وأقرّ البنتاغون بأنّ عشرين عنصراً من قواته تعرضوا لجروح في هجمات متكررة في كل "
            "من العراق وسوريا.")
    assert "US_COALITION" not in {e.actor1 for e in events_of(resources, text)}


def test_who_tells_a_launch_from_elsewhere_did_not_launch_it(resources):
    # "إطلاق صاروخين ... من اليمن": the weapons came from Yemen; the command that tells
    # it (named before the launch noun) is no author
    text = ("وتحدثت القيادة المركزية الأميركية عن إطلاق صاروخين مضادين للسفن من اليمن "
            "باتجاه سفينة تجارية في البحر الأحمر.")
    assert told(resources, text) == {("shelling", None, "البحر الأحمر")}
    # a launch claimed with no place it left from stays its teller's
    text = "وأعلنت المقاومة الإسلامية في العراق إطلاق طائرة مسيرة على قاعدة حرير في أربيل."
    assert {a for _, a, _ in told(resources, text)} == {"IRQ_RESISTANCE"}


def test_the_outlet_glued_to_its_neighbours_is_a_link_not_the_town(resources):
    # web pages glue a linked name to the words beside it ("عرضتالميادينللمرة"): that is
    # the outlet; the town of the same name is written apart
    text = "وعرضتالميادينللمرة الأولى مشاهد لهجوم شنه مسلحو داعش على قرية في ريف السويداء عام 2018."
    assert {p for _, _, p in told(resources, text)} == {"السويداء"}
    text = "وقصفت مدفعية الجيش مواقع المسلحين في الميادين بريف دير الزور."
    assert {p for _, _, p in told(resources, text)} == {"الميادين"}


def test_counted_raids_with_only_places_named_are_the_last_agents(resources):
    # "الغارات توزعت: 10 غارات على صنعاء": a counted raid whose sentence names places only
    # is the one the previous sentence told (its agent), not the spokesman's side
    text = ("وأفاد العميد يحيى سريع بأن الطيران الأميركي شن 15 غارة منذ فجر اليوم. "
            "وبيّن سريع أن الغارات جاءت كالآتي: 10 غارات على محافظة صنعاء، و5 غارات على "
            "محافظة الحديدة.")
    assert told(resources, text) == {("airstrike", "US_COALITION", "صنعاء"),
                                     ("airstrike", "US_COALITION", "الحديدة")}


def test_the_aggression_answered_did_what_its_relative_clause_tells(resources):
    # "الرد ... على العدوان الإسرائيلي الذي استهدف X": the aggression named before "الذي"
    # struck X; who will answer it did not (near the response word or far from it)
    text = ("وأكد أن الرد سيأتي حتماً من القوات المسلحة اليمنية على العدوان الإسرائيلي الذي "
            "استهدف ميناء رأس عيسى.")
    assert told(resources, text) == {("airstrike", "ISR_MIL", "ميناء رأس عيسى")}
    text = "وتوعدت طهران بالرد على العدوان الإسرائيلي الذي استهدف مبنى سكنياً في مدينة حمص فجر اليوم."
    assert told(resources, text) == {("airstrike", "ISR_MIL", "حمص")}


def test_american_soldiers_counted_as_wounded_were_struck(resources):
    # "إصابة جنود أميركيين": the indefinite plural names the US-led coalition's men, so the
    # Pentagon that counts them is no author of the attack that wounded them
    text = ("وأعلن متحدث باسم البنتاغون إصابة أربعة جنود أميركيين في هجوم بطائرة مسيرة على "
            "قاعدة حرير في أربيل.")
    assert [(e.actor1, e.actor2) for e in events_of(resources, text)] == [
        (None, "US_COALITION")]
