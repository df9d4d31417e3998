"""Which kind of attack an event is: air strike or shelling, on short invented sentences.

EVENTS.md: drones and aircraft make an airstrike; an attack whose means the text does not
name is shelling. Each sentence is written by hand in the style of the news.
"""

from __future__ import annotations

from marsad.model import Event
from sentences import events_of


def told(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.kind, e.actor1, e.place) for e in events}


def test_the_attack_word_after_a_passive_is_its_object_however_far(resources):
    # the patient and its two places put "لعدوان أميركي" a dozen words after "تعرضت": the
    # nationality after the attack word still names the attacker, whose attacks are air
    # strikes
    text = ("وتعرضت مواقع الفصائل المسلحة في مدينة الميادين وفي محيط مدينة البوكمال "
            "شرقي دير الزور، فجر اليوم، لعدوان أميركي أدى إلى أضرار مادية.")
    assert told(events_of(resources, text)) == {("airstrike", "US_COALITION", "الميادين"),
                                                ("airstrike", "US_COALITION", "البوكمال")}


#: an article about air strikes: two raids with their aircraft named
_AIR = ("شنت طائرات حربية غارتين على مدينة الميادين، وقصفت طائرة مسيرة سيارة في مدينة "
        "البوكمال. ")


def test_a_passive_with_no_weapon_and_no_attacker_is_shelling(resources):
    # "تعرض ... للاستهداف" names what was struck, not how: EVENTS.md's rule for an attack
    # whose means the text does not name, whatever weapons the rest of the article names
    text = _AIR + "وأفاد مصدر محلي بتعرض موقع عسكري في بلدة الشدادي للاستهداف فجر اليوم."
    at = {e.place: e.kind for e in events_of(resources, text)}
    assert at["الشدادي"] == "shelling"
    assert at["الميادين"] == "airstrike"


def test_a_passive_that_points_back_at_an_attack_keeps_the_articles_kind(resources):
    # "الضربة التي تعرضت لها": the attack is one the article tells, with its aircraft
    text = _AIR + "وقال مسؤول إن الضربة التي تعرضت لها القاعدة في الشدادي لم توقع إصابات."
    at = {e.place: e.kind for e in events_of(resources, text)}
    assert at["الشدادي"] == "airstrike"


def test_a_weapon_after_the_last_conjunct_is_that_conjuncts_alone(resources):
    # the drones close the second object; the first, told with its own count of times and
    # no weapon, is shelled (the army's attacks with no weapon named are shelling)
    text = "وقصف الجيش السوري بلدة سرمين مرات عدة، وبلدة بنش بطائرتين مسيرتين."
    assert told(events_of(resources, text)) == {("shelling", "SYR_MIL", "سرمين"),
                                                ("airstrike", "SYR_MIL", "بنش")}
    # each conjunct with its own weapon
    text = "وقصف الجيش السوري بلدة سرمين بالصواريخ، وبلدة بنش بطائرة مسيرة."
    assert told(events_of(resources, text)) == {("shelling", "SYR_MIL", "سرمين"),
                                                ("airstrike", "SYR_MIL", "بنش")}


def test_a_weapon_set_off_by_a_comma_or_named_first_covers_every_object(resources):
    for text in ("وقصف الجيش السوري بلدة سرمين، وبلدة بنش، بالطائرات المسيرة.",
                 "واستهدف الجيش السوري بالطائرات المسيرة بلدة سرمين مرات عدة، وبلدة بنش."):
        assert told(events_of(resources, text)) == {("airstrike", "SYR_MIL", "سرمين"),
                                                    ("airstrike", "SYR_MIL", "بنش")}, text


def test_missiles_fired_by_an_aircraft_named_after_its_verb_are_an_air_strike(resources):
    # the aircraft is the verb's subject right after it (VSO), as one right before it is
    for text in ("وقال شاهد إن الصواريخ التي تلقيها الطائرات الحربية على بلدة كفرنبل دمرت منازل.",
                 "واستهدفت طائرات حربية مجهولة مستوصفاً في بلدة كفرنبل بصاروخين فجر اليوم."):
        assert {e.kind for e in events_of(resources, text)} == {"airstrike"}, text
    # an aircraft after "ب" is no subject: the rockets of the army stay shelling
    text = "واستهدف الجيش السوري بالصواريخ والطائرات المسيرة بلدة كفرنبل."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike", "shelling"}


def test_a_weapon_a_craft_is_laden_with_is_its_payload_not_a_second_attack(resources):
    # the shells are what the drones carry: one air strike, no shelling beside it
    text = "وقالت مصادر محلية إن طائرات مسيرة محملة بالقذائف استهدفت بلدة السقيلبية فجر اليوم."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike"}
    # shells fired beside the drones are a shelling of their own
    text = "وقالت مصادر محلية إن طائرات مسيرة وقذائف استهدفت بلدة السقيلبية فجر اليوم."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike", "shelling"}


def test_a_conjunct_with_its_own_weapon_takes_no_other_conjuncts_weapon(resources):
    # both weapons are set off by commas; each stays with its own object
    text = ("واستهدف الجيش السوري بلدة سرمين، شرقي إدلب، بالصواريخ، محققاً إصابات مباشرة، "
            "وبلدة بنش، عبر طائرتين مسيرتين.")
    assert told(events_of(resources, text)) == {("shelling", "SYR_MIL", "سرمين"),
                                                ("airstrike", "SYR_MIL", "بنش")}


def test_a_suicide_or_rigged_drone_is_an_air_strike_not_a_bombing(resources):
    # "انتحارية", "مفخخة" right after the drone describe it: no explosion beside the strike
    for text in ("وأفاد مراسلنا بأن طائرة مسيرة انتحارية استهدفت مقراً في بلدة حزانو.",
                 "وأفاد مراسلنا باستهداف طائرة مسيرة انتحارية مقراً في بلدة حزانو.",
                 "وأفاد مراسلنا بأن الفصائل هاجمت مقراً في بلدة حزانو بمسيرة مفخخة."):
        assert {e.kind for e in events_of(resources, text)} == {"airstrike"}, text
    # a car bomb is still a bombing
    text = "وأفاد مراسلنا بانفجار سيارة مفخخة في بلدة حزانو."
    assert {e.kind for e in events_of(resources, text)} == {"explosion"}
    # a second means joined by "و" is no adjective of the drone
    text = "وأفاد مراسلنا بأن المسلحين استهدفوا مقراً في بلدة حزانو بطائرة مسيرة وبعبوة ناسفة."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike", "explosion"}


def test_a_definite_air_attack_noun_is_the_air_weapon_of_its_clause(resources):
    # "الضربات الجوية" is no cue of its own (a definite attack noun points back), but the
    # verb after it strikes from the air
    text = "وقالت المصادر إن الضربات الجوية استهدفت مقراً للمسلحين في بلدة سرمين."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike"}


def test_missiles_of_an_attack_named_as_an_air_attack_are_the_aircrafts(resources):
    text = "وتعرضت بلدة سرمين فجر اليوم لعدوان جوي بأربعة صواريخ."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike"}
    # missile strikes named beside the air strikes are ground fire of their own
    text = "ونفذت القوات ضربات جوية وصاروخية على مقار المسلحين في بلدة سرمين."
    assert {e.kind for e in events_of(resources, text)} == {"airstrike", "shelling"}


def test_the_weapons_after_a_colon_tell_the_attack_before_it(resources):
    # the colon opens the list of what was struck, and its weapons
    text = ('وأكدت القوات المسلحة اليمنية استهداف سفينتين في البحر الأحمر: "ALPHA" التي '
            'أصيبت إصابة مباشرة وتضررت بشكل كبير، والسفينة "BETA"، بعدد من الطائرات المسيرة '
            'التي حققت إصابات مباشرة.')
    assert {e.kind for e in events_of(resources, text)} == {"airstrike"}


def test_operations_told_by_remote_weapons_are_those_attacks_not_a_battle(resources):
    text = ("وشنت القوات المسلحة اليمنية عمليات عسكرية ضد الاحتلال، عبر إطلاق الصواريخ "
            "والطائرات المسيرة على أهداف في مدينة إيلات.")
    assert {e.kind for e in events_of(resources, text)} == {"airstrike", "shelling"}
    # battles fought with artillery stay battles
    text = "واندلعت اشتباكات عنيفة بين الجيش السوري وهيئة تحرير الشام في بلدة سرمين بالمدفعية."
    assert {e.kind for e in events_of(resources, text)} == {"clash"}
