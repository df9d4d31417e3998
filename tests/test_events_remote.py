"""Remote attacks (air strikes, shelling): who struck and with what, on invented sentences.

Each sentence is written by hand in the style of the news.
"""

from __future__ import annotations

from sentences import events_of, told


def test_an_air_arm_right_after_an_attack_masdar_is_its_agent(resources):
    # "استهداف سلاح الجو المسير، عبر ...، سفينتين": the arm named by its aircraft is the
    # masdar's genitive, however the adjunct set off by commas delays the object
    # (the subject "القوات المسلحة" names no side of its own here)
    text = ("وذكرت القوات المسلحة في بيانها استهداف سلاح الجو المسير، في عملية واسعة، "
            "سفينتين تجاريتين في البحر الأحمر.")
    assert told(resources, text) == {("airstrike", "HOUTHIS", "البحر الأحمر")}


def test_aircraft_then_their_owner_after_an_attack_masdar_struck(resources):
    # "استهداف طائرات العدوان الأميركي، ...، منطقة X": the aircraft and their owner are
    # the agent, the place after them is what was struck
    text = ("وتحدثت مصادر محلية عن استهداف طائرات العدوان الأميركي - البريطاني، ليل "
            "الثلاثاء، منطقة الصليف شمالي محافظة الحديدة.")
    events = events_of(resources, text)
    assert {e.actor1 for e in events} == {"US_COALITION"}


#: an actor whose attack the article first tells with its drones
_DRONES = "قالت المقاومة الإسلامية في العراق إنها ضربت قاعدة عين الأسد بطائرة مسيرة. "


def test_an_actors_attack_with_no_weapon_after_its_drone_strikes_is_one_more(resources):
    # the same actor's next attack names no weapon: the drones it was told with are the
    # likeliest means, not its default (shelling)
    text = _DRONES + "واستهدفت المقاومة الإسلامية في العراق قاعدة حرير في أربيل."
    kinds = {e.place: e.kind for e in events_of(resources, text)}
    assert kinds["حرير"] == "airstrike"


def test_without_drone_strikes_told_before_an_unnamed_attack_keeps_the_default(resources):
    text = "واستهدفت المقاومة الإسلامية في العراق قاعدة حرير في أربيل."
    kinds = {e.place: e.kind for e in events_of(resources, text)}
    assert kinds["حرير"] == "shelling"


def test_a_count_of_rockets_after_bi_is_no_source_verb(resources):
    # "بثلاثة صواريخ" begins like "بث" (a reporting verb): read as one, it made the place
    # before it part of a source phrase, and the attack was lost
    text = "واستهدفت المقاومة الإسلامية في العراق قاعدة الشدادي بثلاثة صواريخ."
    assert told(resources, text) == {("shelling", "IRQ_RESISTANCE", "الشدادي")}


def test_rockets_told_before_keep_an_unnamed_attack_shelling(resources):
    # one attack with drones, one with rockets: no single weapon to carry over
    text = (_DRONES + "كما استهدفت المقاومة الإسلامية في العراق قاعدة الشدادي بثلاثة صواريخ. "
            "واستهدفت المقاومة الإسلامية في العراق قاعدة حرير في أربيل.")
    kinds = {e.place: e.kind for e in events_of(resources, text)}
    assert kinds["حرير"] == "shelling"


def test_another_actors_drones_do_not_arm_the_next_attacker(resources):
    text = ("استهدفت طائرة مسيرة إسرائيلية سيارة في بلدة الخيام. واستهدفت المقاومة "
            "الإسلامية في العراق قاعدة حرير في أربيل.")
    kinds = {e.place: e.kind for e in events_of(resources, text)}
    assert kinds["حرير"] == "shelling"


def test_the_passive_of_hajama_tells_an_attack_with_no_agent(resources):
    # "هوجم المستشفى": who was attacked, by no one named; with no weapon in the article
    # EVENTS.md's rule gives shelling, and the hospital stands for the civilians struck
    events = events_of(resources, "هوجمت مدرسة في بلدة كفرنبل مساء أمس.")
    assert [(e.kind, e.actor1, e.actor2, e.place) for e in events] == [
        ("shelling", None, "CIVILIANS", "كفرنبل")]


def test_the_passive_of_hajama_in_an_article_about_air_strikes_is_one(resources):
    # like "تم استهداف المستشفى": told with no weapon, most likely an attack of the kind
    # the article tells by its weapons
    text = ("شنت طائرات حربية غارتين على مدينة سراقب، وقصفت طائرة مسيرة سيارة في مدينة "
            "البوكمال. وهوجم المستشفى في بلدة كفرنبل بعد ساعة.")
    kinds = {e.place: e.kind for e in events_of(resources, text)}
    assert kinds["كفرنبل"] == "airstrike"


def test_an_indefinite_saudi_adjective_names_the_shelling_side(resources):
    # "بقصف مدفعي سعودي": the nationality after the weapon names its author, in the
    # indefinite as in the definite ("القصف السعودي")
    text = "وأصيب طفلان بجروح بقصف مدفعي سعودي طال مديرية رازح الحدودية مساء أمس."
    assert {(e.kind, e.actor1) for e in events_of(resources, text)} == {
        ("shelling", "SAUDI_COALITION")}


def test_where_an_aircraft_took_off_from_is_not_what_it_struck(resources):
    # "أقلعت طائرة حربية من مطار X": the airfield after the verb of taking off is where
    # the raid came from, not one of its targets, nor where the massacre it did happened
    text = ("وقال شاهد إن طائرة حربية أقلعت صباحاً من مطار حماة العسكري، وبعد دقائق قامت "
            "الطائرة باستهداف سوق بلدة كفرنبل ما أدى إلى وقوع مجزرة.")
    places = {e.place for e in events_of(resources, text)}
    assert "كفرنبل" in places
    assert not places & {"حماة", "مطار حماة"}
