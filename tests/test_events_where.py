"""Spurious events and wrong places: one place named twice, vague retellings, opinions.

Each sentence is invented in the style of the news; each case states what EVENTS.md asks
for (the event the sentence tells, once, at its place, and no other).
"""

from __future__ import annotations

from sentences import events_of, told


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


def test_an_attack_told_again_at_the_level_of_a_country_folds_into_its_place(resources):
    # the ministry's "strikes in Syria" and the reporter's strikes at a town in Syria
    raid = "وأفاد مراسلنا بأن طائرات أميركية شنت غارات على مواقع قرب مدينة البوكمال فجر اليوم."
    claim = "قالت وزارة الدفاع الأميركية إن طائراتها نفذت ضربات جوية في سوريا فجر اليوم."
    assert told(resources, claim + " " + raid) == {("airstrike", "US_COALITION", "البوكمال")}
    # told alone, the country is the only place there is
    assert told(resources, claim) == {("airstrike", "US_COALITION", "سوريا")}
    # a place no gazetteer names, located near a town, is precise enough
    near = ("وأفادت مصادر محلية بأن غارتين أميركيتين استهدفتا منطقة البساتين جنوب غربي مدينة "
            "البوكمال فجر اليوم.")
    assert told(resources, claim + " " + near) == {("airstrike", "US_COALITION", "البساتين")}
    # a raid in another country is no retelling of it
    other = raid.replace("مدينة البوكمال", "مدينة القائم العراقية")
    assert told(resources, claim + " " + other) == {
        ("airstrike", "US_COALITION", "سوريا"), ("airstrike", "US_COALITION", "القائم")}


def test_what_a_side_fears_is_no_event(resources):
    # the object of a word of concern, and the "أن" clause after a word of fear
    for text in ("وأعربت أنقرة عن قلقها حيال انتهاك القوات الروسية للهدنة في إدلب.",
                 "وعبر المسؤول عن مخاوف من غارات جديدة على مدينة إدلب.",
                 "وتوقفت المنظمة عن العمل في المنطقة لخشيتها من أن تكون الطائرات الروسية قد "
                 "قصفت المستشفيات في مدينة حلب عمدا."):
        assert told(resources, text) == set(), text
    # a verb of fearing, its subject, then what is feared
    assert told(resources, "ويخشى الأهالي دخول القوات التركية إلى مدينة منبج.") == set()
    # concern voiced after an attack told does not unmake it
    text = "وأعربت أنقرة عن قلقها بعد قصف الطائرات الروسية مدينة إدلب."
    assert told(resources, text) == {("airstrike", "RUS_MIL", "إدلب")}


def test_a_user_word_of_concern(resources, with_lexicon):
    text = "وأبدت أنقرة انزعاجها حيال انتهاك القوات الروسية للهدنة في إدلب."
    assert told(resources, text) == {("other", "RUS_MIL", "إدلب")}
    assert told(with_lexicon("concerns: [انزعاج]\n"), text) == set()


def test_attacks_judged_for_what_they_failed_to_do_are_no_event(resources):
    # the attack noun is the subject of "لم توقف": a judgement on a campaign, and the town
    # is the place of what was not stopped
    text = 'وقالت الصحيفة إن غارات الجيش التركي "لم توقف الهجمات في منبج".'
    assert told(resources, text) == set()
    # a verb that tells the attack before "لكنها لم تمنع" still tells it
    text = "وقصفت الطائرات التركية قرية في ريف منبج، لكنها لم تمنع تقدم المقاتلين."
    assert told(resources, text) == {("airstrike", "TUR_MIL", "منبج")}


def test_where_a_craft_took_off_from_is_not_where_it_struck(resources, with_lexicon):
    # "من" a few words after a verb of taking off names the base the jet came from
    text = "أقلعت طائرة حربية من قاعدة حميميم باتجاه الشمال، ثم قصفت سوقا شعبيا في بلدة كفرنبل."
    assert told(resources, text) == {("airstrike", None, "كفرنبل")}
    # a massacre told after it did not happen at the base either
    text = ("أقلعت طائرة حربية من قاعدة حميميم باتجاه الشمال، ثم قصفت سوقا شعبيا بالصواريخ "
            "ما أدى إلى وقوع مجزرة.")
    assert told(resources, text) == set()
    # the base struck is still the place of the strike
    assert told(resources, "وقصفت الطائرات الحربية قاعدة حميميم الجوية.") == {
        ("airstrike", None, "حميميم")}
    # a user verb of taking off
    text = "حلقت طائرة حربية من قاعدة حميميم باتجاه الشمال، ثم قصفت سوقا شعبيا في بلدة كفرنبل."
    assert ("airstrike", None, "حميميم") in told(resources, text)
    assert told(with_lexicon("takeoffs: [حلقت]\n"), text) == {("airstrike", None, "كفرنبل")}


def test_an_attack_told_without_its_weapon_is_the_one_told_with_it(resources):
    # the headline names no weapon (the author's default kind), the body names the drones
    text = ("القوات المسلحة اليمنية تستهدف سفنا تجارية في البحر الأحمر. وقال المتحدث باسم "
            "القوات إن سلاح الجو المسير استهدف السفن في البحر الأحمر فجر اليوم.")
    assert told(resources, text) == {("airstrike", "HOUTHIS", "البحر الأحمر")}
    # an attack on another day the text names is another attack
    text = ("أعلنت القوات المسلحة اليمنية اليوم استهداف سفن تجارية في البحر الأحمر. وكان سلاح "
            "الجو المسير قد استهدف سفنا في البحر الأحمر يوم الأحد.")
    assert told(resources, text) == {("shelling", "HOUTHIS", "البحر الأحمر"),
                                     ("airstrike", "HOUTHIS", "البحر الأحمر")}


def test_attacks_told_as_earlier_ones_are_no_event(resources, with_lexicon):
    # "هجمات سابقة": earlier attacks, none in particular; their places are theirs
    for text in ("وأعلن البنتاغون أن ثلاثين جنديا من قواته تعرضوا لإصابات خلال هجمات سابقة في "
                 "العراق وسوريا.",
                 "وأعلن البنتاغون أن ثلاثين جنديا من قواته أصيبوا في هجمات سابقة على قاعدة عين "
                 "الأسد."):
        assert told(resources, text) == set(), text
    # a user word of the same sense
    text = ("وأعلن البنتاغون أن ثلاثين جنديا من قواته أصيبوا في هجمات قديمة على قاعدة عين "
            "الأسد.")
    assert told(resources, text) == {("clash", "US_COALITION", "عين الأسد")}
    assert told(with_lexicon("earlier: [قديمة]\n"), text) == set()


def test_an_attack_going_on_as_the_backdrop_is_no_event(resources, with_lexicon):
    # "في ظل استمرار استهداف ...": the setting of what is told, however the places follow
    text = ("وفي ظل استمرار استهداف قوات التحالف في العراق، طلبت السفارة من موظفيها تجنب "
            "مطار أربيل.")
    assert told(resources, text) == set()
    # a user word of going on
    text = text.replace("استمرار", "تجدد")
    assert told(resources, text) != set()
    assert told(with_lexicon("continuations: [تجدد]\n"), text) == set()


def test_a_telling_dated_roughly_is_the_one_dated_to_the_day(resources):
    # "في مطلع أيلول" (within a week) holds the 2nd: one strike, on the day the text gives
    text = ("وفي الثاني من أيلول، شنت طائرات إسرائيلية غارات على مطار حلب الدولي. وكانت غارات "
            "إسرائيلية قد استهدفت مطار حلب في مطلع أيلول.")
    found = events_of(resources, text)
    assert [(e.place, str(e.date), e.time_precision) for e in found] == [
        ("مطار حلب", "2023-09-02", 1)]
    # two days each given: two strikes
    text = text.replace("في مطلع أيلول", "في الخامس عشر من آب")
    assert len(events_of(resources, text)) == 2


def test_what_a_side_demands_has_not_happened(resources, with_lexicon):
    text = "وقدم نواب مشروعا يطالب بانسحاب القوات التركية من مدينة عفرين."
    assert told(resources, text) == set()
    assert told(resources, "وانسحبت القوات التركية من مدينة عفرين.") == {
        ("withdrawal", "TUR_MIL", "عفرين")}
    # a user word of demanding
    text = "وقدم نواب مشروعا يلزم الحكومة بانسحاب القوات التركية من مدينة عفرين."
    assert told(resources, text) == {("withdrawal", "TUR_MIL", "عفرين")}
    assert told(with_lexicon("demands: [يلزم]\n"), text) == set()


def test_what_locates_the_origin_of_an_attack_is_its_origin(resources):
    # "أطلقت من البادية بين مدينتي X وY": the towns place the launch site, not the strike
    text = ("وقالت مصادر محلية إن قاعدة حقل العمر استهدفت بأربعة صواريخ أطلقت من البادية "
            "الواقعة بين بلدتي الميادين والبوكمال.")
    assert told(resources, text) == {("shelling", None, "حقل العمر")}
    # a comma before "بين" does not cut the towns from the launch site
    text = ("وقالت مصادر محلية إن قاعدة حقل العمر استهدفت بأربعة صواريخ أطلقت من البادية، "
            "بين بلدتي الميادين والبوكمال.")
    assert told(resources, text) == {("shelling", None, "حقل العمر")}
    # towns "بين" after a word of striking ("على") are where the rockets fell
    text = ("وقالت مصادر محلية إن صواريخ أطلقت من البادية سقطت على قرى بين بلدتي الميادين "
            "والبوكمال.")
    assert told(resources, text) == {("shelling", None, "الميادين"), ("shelling", None, "البوكمال")}


def test_an_attack_of_any_kind_spoken_of_is_no_event(resources, with_lexicon):
    # "أي عدوان": an attack spoken of, none that happened
    assert told(resources, "وقال الوزير إن بلاده لن تتغاضى عن أي عدوان على اليمن.") == set()
    # a user word of "any"
    text = "وقال الوزير إن بلاده لن تتغاضى عن كل عدوان على اليمن."
    assert told(resources, text) != set()
    assert told(with_lexicon("any_words: [كل]\n"), text) == set()


def test_where_an_attack_was_carried_out_from_is_not_where_it_struck(resources):
    text = ("وأعلنت وزارة الدفاع مقتل جنديين في عدوان إسرائيلي نفذ من الجولان ضد نقاط "
            "للجيش في بلدة حضر.")
    assert told(resources, text) == {("airstrike", "ISR_MIL", "حضر")}
