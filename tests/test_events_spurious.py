"""Sentences whose cue words tell no event of their own: rules against spurious events.

Each sentence is invented in the style of the news; each case states what EVENTS.md asks
for (the event the sentence tells, and no other).
"""

from __future__ import annotations

from sentences import told


def test_an_air_defence_meeting_an_attack_is_no_clash(resources):
    # the air defence that met the attack told before is no second event
    for text in ("وتحدث مصدر عسكري سوري عن عدوان إسرائيلي استهدف مستودعات في محيط مدينة "
                 "حمص، مؤكداً تصدي الدفاعات الجوية للعدوان.",
                 "وشن الطيران الإسرائيلي غارات على مواقع في محيط مدينة حمص، وتصدت لها "
                 "الدفاعات الجوية."):
        assert told(resources, text) == {("airstrike", "ISR_MIL", "حمص")}, text
    # the attack it met is the event, and its author is the one after the attack word,
    # not the air defence named after the cue
    text = "وتصدت وسائط الدفاع الجوي السوري لعدوان إسرائيلي بالصواريخ استهدف مطار الشعيرات."
    assert told(resources, text) == {("airstrike", "ISR_MIL", "مطار الشعيرات")}
    # a force on the ground that repels an attack still fights it
    text = "وتصدت القوات السورية لهجوم شنه مسلحون على بلدة مورك في ريف حماة."
    assert {k for k, _, _ in told(resources, text)} == {"clash"}


def test_a_user_air_defence_is_no_clash(resources, with_lexicon):
    text = "وشن الطيران الإسرائيلي غارات على مواقع في محيط مدينة حمص، وتصدت لها أنظمة الاعتراض."
    assert ("clash", "ISR_MIL", "حمص") in told(resources, text)
    assert told(with_lexicon("air_defences: [أنظمة الاعتراض]\n"), text) == {
        ("airstrike", "ISR_MIL", "حمص")}


def test_a_place_before_an_attack_told_as_what_came_first_is_not_its_place(resources):
    # "X في حلب بعد غارات على مورك": the place before "بعد" is where X was, not the attack
    for text in ("وتأتي الاحتجاجات في مدينة حلب بعد غارات شنتها طائرات روسية على بلدة مورك.",
                 "ونعت العشيرة في مدينة حلب أحد أبنائها، الذي قتل إثر غارة روسية على بلدة مورك."):
        assert told(resources, text) == {("airstrike", "RUS_MIL", "مورك")}, text
    # an attack after "بعد" that names no place of its own struck where the sentence says
    text = "واندلع حريق كبير في بلدة مورك بعد سقوط صواريخ."
    assert told(resources, text) == {("shelling", None, "مورك")}


def test_a_user_word_of_sequence_parts_the_place_from_the_attack(resources, with_lexicon):
    text = "وتأتي الاحتجاجات في مدينة حلب إبان غارات شنتها طائرات روسية على بلدة مورك."
    assert ("airstrike", "RUS_MIL", "حلب") in told(resources, text)
    assert told(with_lexicon("sequels: [إبان]\n"), text) == {("airstrike", "RUS_MIL", "مورك")}


def test_a_judgement_passed_on_what_is_told_is_no_event(resources):
    # a noun of an event after a verb that judges, or a violation with a word of verdict
    text = "وأكدت الخارجية أن انتشار القوات التركية في مدينة عفرين يمثل انتهاكاً لسيادة البلاد."
    assert told(resources, text) == set()
    text = "وقال الوزير إن قصف القوات التركية لمدينة عفرين انتهاك صارخ لسيادة سوريا."
    assert told(resources, text) == {("airstrike", "TUR_MIL", "عفرين")}
    # a violation reported as done is still one
    text = "وقال المرصد إن القوات التركية ارتكبت انتهاكاً جديداً للهدنة في مدينة عفرين."
    assert told(resources, text) == {("other", "TUR_MIL", "عفرين")}


def test_a_user_word_of_verdict_makes_a_violation_a_judgement(resources, with_lexicon):
    text = "وقال الوزير إن قصف القوات التركية لمدينة عفرين انتهاك مدروس لسيادة سوريا."
    assert ("other", "TUR_MIL", "سوريا") in told(resources, text)
    assert told(with_lexicon("verdicts: [مدروس]\n"), text) == {("airstrike", "TUR_MIL", "عفرين")}


def test_an_entry_is_a_capture_only_with_the_side_that_enters(resources):
    # "دخول المساعدات": aid that enters is no capture, whoever speaks of it
    text = "وأكد الجيش السوري ضرورة دخول المساعدات الإنسانية إلى مدينة حلب."
    assert told(resources, text) == set()
    # a side named right after the masdar (a name, a force word) enters
    for text in ("وأعلنت الوزارة دخول الجيش السوري إلى مدينة حلب.",
                 "وأعلن الجيش السوري دخول قواته إلى مدينة حلب."):
        assert told(resources, text) == {("capture", "SYR_MIL", "حلب")}, text


def test_a_user_masdar_needs_its_agent_after_it(resources, with_lexicon):
    text = "وأكد الجيش السوري اقتحام الأسعار حدود مدينة حلب."
    assert told(resources, text) == {("clash", "SYR_MIL", "حلب")}
    assert told(with_lexicon("agent_masdars: [اقتحام]\n"), text) == set()


def test_the_area_of_a_series_is_no_place_of_an_event(resources):
    # the place before "أبرزها"، "كان آخرها" holds the whole series; the items are events
    text = "وقصفت المدفعية التركية مواقع عدة في البادية السورية، أبرزها في محيط مدينة تدمر."
    assert told(resources, text) == {("shelling", "TUR_MIL", "تدمر")}
    text = "وتشهد البادية السورية غارات مكثفة للطيران الروسي، كان آخرها على بلدة السخنة."
    assert {place for _, _, place in told(resources, text)} == {"السخنة"}
    # with no item named after it, the word picks nothing out: the area stays
    text = "وقصفت المدفعية التركية مواقع عدة في البادية السورية، أبرزها مقر قيادة."
    assert {place for _, _, place in told(resources, text)} == {"البادية السورية"}


def test_a_user_series_word_makes_the_area_no_place(resources, with_lexicon):
    text = "وقصفت المدفعية التركية مواقع عدة في البادية السورية، أخطرها في محيط مدينة تدمر."
    assert ("shelling", "TUR_MIL", "البادية السورية") in told(resources, text)
    assert told(with_lexicon("series: [أخطرها]\n"), text) == {("shelling", "TUR_MIL", "تدمر")}


def test_a_country_after_a_comma_does_not_name_an_attack(resources):
    # "للعدوان، السعودية والإمارات": the countries are in apposition to the states before
    text = "وقال المتحدث إن الدولتين الداعمتين للعدوان، السعودية والإمارات، عالقتان في مدينة تعز."
    assert told(resources, text) == set()
    # the nationality right after the noun names the attack
    text = "وأدان الوزير العدوان الأميركي على مدينة تعز."
    assert told(resources, text) == {("airstrike", "US_COALITION", "تعز")}


def test_a_governorate_named_with_a_district_only_locates_it(resources):
    # no admin chain ties the district to its governorate: the feature words do
    text = "وفي محافظة صعدة شمالي اليمن، شن العدوان الأميركي غارتين على مزارع في مديرية باقم."
    assert told(resources, text) == {("airstrike", "US_COALITION", "باقم")}
    # two governorates are two places
    text = "وشن العدوان الأميركي غارتين على محافظة صعدة ومحافظة حجة."
    assert {p for _, _, p in told(resources, text)} == {"صعدة", "حجة"}


def test_what_the_struck_used_to_do_is_no_event(resources):
    # "الذين كانوا يقصفون": a relative clause that describes those struck, not an attack at
    # the place it names; the strike itself names no place
    text = "وقالت المصادر إن الطائرات الروسية استهدفت المسلحين الذين كانوا يقصفون بلدة مورك في ريف حماة."
    assert told(resources, text) == set()


def test_a_violation_the_attack_punishes_is_no_event(resources):
    # "لانتهاك ...": why the ship was struck, not a violation at the place named after it
    text = "واستهدفت القوات البحرية اليمنية سفينة في البحر الأحمر لانتهاك مالكيها الحظر المفروض على موانئ لبنان."
    assert told(resources, text) == {("shelling", "HOUTHIS", "البحر الأحمر")}
    # a violation reported as done is still an event
    text = "وأحصت اللجنة انتهاكاً جديداً للهدنة نفذته القوات التركية في بلدة عين عيسى."
    assert told(resources, text) == {("other", "TUR_MIL", "عين عيسى")}


def test_a_user_violation_word_is_a_reason_after_li(resources, with_lexicon):
    text = "واستهدفت القوات البحرية اليمنية سفينة في البحر الأحمر لتجميد مالكيها أرصدة في لبنان."
    assert ("other", "HOUTHIS", "لبنان") in told(resources, text)
    assert told(with_lexicon("violations: [تجميد]\n"), text) == {
        ("shelling", "HOUTHIS", "البحر الأحمر")}


def test_an_attack_asked_to_stop_is_a_campaign(resources):
    # the object of a word of stopping is what should end, no event told
    assert told(resources, "وطالب الوزير بوقف الغارات الروسية على مدينة حلب.") == set()
    # the attack told before the call is still one
    text = "وأكد المتحدث أن الطائرات الروسية قصفت مدينة حلب، داعياً إلى وقف العدوان."
    assert told(resources, text) == {("airstrike", "RUS_MIL", "حلب")}


def test_a_user_word_of_stopping(resources, with_lexicon):
    text = "وطالب الوزير بتجميد الغارات الروسية على مدينة حلب."
    assert told(resources, text) == {("airstrike", "RUS_MIL", "حلب")}
    assert told(with_lexicon("halts: [تجميد]\n"), text) == set()


def test_a_known_attack_named_as_the_backdrop_is_no_event(resources):
    # "بالتزامن مع معركة "الفجر"": a campaign known by its name sets the scene
    text = 'وقصفت المدفعية التركية قرى في ريف عفرين، بالتزامن مع معركة "الفجر" المستمرة في مدينة تل رفعت.'
    assert told(resources, text) == {("shelling", "TUR_MIL", "عفرين")}
    text = "وسيطرت القوات التركية على قرى في ريف عفرين، بالتزامن مع الغارات التركية على مدينة تل رفعت."
    assert told(resources, text) == {("capture", "TUR_MIL", "عفرين")}
    # an attack brought in without the article is news of its own
    text = "وسيطرت القوات التركية على قرى في ريف عفرين، بالتزامن مع غارات تركية على مدينة تل رفعت."
    assert told(resources, text) == {("capture", "TUR_MIL", "عفرين"),
                                     ("airstrike", "TUR_MIL", "تل رفعت")}


def test_the_place_of_a_campaign_named_before_is_no_place_of_the_next_attack(resources):
    # "العدوان الجديد على حلب" names the campaign: Aleppo is not where the shelling was
    text = "وسبق العدوان الجديد على مدينة حلب، إعلان الجيش السوري قصف مواقع المسلحين في بلدة مورك."
    assert told(resources, text) == {("shelling", "SYR_MIL", "مورك")}
    # a nationality after a word of weapon names an attack: its place passes on as before
    text = ("وأفاد المراسل بأن العدوان الصاروخي الإسرائيلي على محيط مدينة حمص جاء بأربعة "
            "صواريخ استهدفت مواقع عسكرية.")
    assert {p for _, _, p in told(resources, text)} == {"حمص"}
    # what a reason phrase answers gives its places to the answer that names none
    text = ("وقالت الوزارة إنه رداً على الاعتداءات التي تشنها الجماعات المسلحة على القرى في "
            "ريف حماة، نفذت قواتنا ضربات جوية.")
    assert {(k, p) for k, _, p in told(resources, text)} == {("airstrike", "حماة")}


def test_a_place_in_a_clause_describing_the_place_before_is_not_struck(resources):
    # "X، التي تتخذ منها الفصائل مقراً لـ... Y": Y tells X's role, not where it was struck
    text = "واستهدفت الطائرات الروسية تلة في بلدة كفرنبودة، التي تتخذ منها الفصائل مقراً لقيادة جبهة مدينة حماة."
    assert told(resources, text) == {("airstrike", "RUS_MIL", "كفرنبودة")}
    # a relative clause that tells an attack names its place
    text = "واستهدفت الطائرات الروسية تلة في بلدة كفرنبودة، التي قصفتها المدفعية أيضاً في مدينة حماة."
    assert "حماة" in {p for _, _, p in told(resources, text)}
