"""Frame rules on short sentences written in the style of the news (and the seed article).

Each case states by hand what EVENTS.md asks for: who acts, on whom, where, when, per
which source, and whether it happened.
"""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.events.analysis import analyse
from marsad.events.places import find_places
from marsad.model import Document, Event
from marsad.pipeline import extract
from sentences import PUBLISHED, events_of


def one(events: list[Event], kind: str, place: str) -> Event:
    found = [e for e in events if e.kind == kind and e.place == place]
    assert len(found) == 1, f"expected one {kind} at {place}, got {events}"
    return found[0]


def test_svo_subject_with_its_allies(resources):
    events = events_of(resources, "الجيش السوري وحلفاؤه يسيطرون على قرية طابية الجزيرة في ريف دير الزور.")
    event = one(events, "capture", "طابية الجزيرة")
    assert event.actor1 == "SYR_MIL"
    assert event.assoc1 == ("SYR_ALLIES",)
    # "في ريف دير الزور" locates the village: it is no second place of the event
    assert [e.place for e in events] == ["طابية الجزيرة"]


def test_vso_subject_after_the_verb(resources):
    event = one(events_of(resources, "حرر الجيش السوري قرية طابية الجزيرة شرق الفرات."),
                "capture", "طابية الجزيرة")
    assert event.actor1 == "SYR_MIL"


def test_masdar_takes_its_agent_after_it(resources):
    text = "أعلن مسؤول محلي استعادة القوات العراقية السيطرة على منفذ ربيعة الحدودي مع سوريا."
    event = one(events_of(resources, text), "capture", "منفذ ربيعة")
    assert event.actor1 == "IRQ_MIL"
    assert event.source == "مسؤول محلي"


def test_a_nationality_right_after_the_attack_word_of_a_passive_is_its_author(resources):
    text = "أصيب مطار الشعيرات بأضرار جسيمة إثر تعرضه لعدوان إسرائيلي ليل السبت."
    event = one(events_of(resources, text), "airstrike", "مطار الشعيرات")
    assert (event.actor1, event.actor2) == ("ISR_MIL", None)


def test_passive_subject_is_the_one_acted_on(resources):
    event = one(events_of(resources, "تعرضت القاعدة الأميركية في حقل العمر لقصف صاروخي."),
                "shelling", "حقل العمر")
    assert event.actor1 is None
    assert event.actor2 == "US_COALITION"


@pytest.mark.parametrize(
    ("text", "kind", "place", "actor"),
    [
        ("نفى الجيش السوري انسحابه من مدينة تدمر.", "withdrawal", "تدمر", "SYR_MIL"),
        ("لم تسيطر قوات سوريا الديمقراطية على بلدة الباغوز.", "capture", "الباغوز", "SDF"),
    ],
)
def test_negated(resources, text, kind, place, actor):
    event = one(events_of(resources, text), kind, place)
    assert (event.actor1, event.modality) == (actor, "negated")


@pytest.mark.parametrize(
    "text",
    [
        "يستعد الجيش العراقي لشن هجوم على مدينة القائم.",
        "سيهاجم الجيش العراقي مدينة القائم خلال أيام.",
    ],
)
def test_planned(resources, text):
    event = one(events_of(resources, text), "clash", "القائم")
    assert (event.actor1, event.modality) == ("IRQ_MIL", "planned")


def test_asserted_by_default(resources):
    event = one(events_of(resources, "هاجم الجيش العراقي مدينة القائم."), "clash", "القائم")
    assert event.modality == "asserted"
    assert event.source is None  # the article speaks itself


def test_attribution_covers_its_clause_and_carries_to_a_continuation(resources):
    text = ("أفاد مراسل الميادين بأن الطائرات الروسية شنت غارات على مدينة إدلب.\n"
            "وأضاف أن الطائرات استهدفت مقرات لهيئة تحرير الشام في ريف حلب.")
    events = events_of(resources, text)
    first = one(events, "airstrike", "إدلب")
    assert (first.actor1, first.source) == ("RUS_MIL", "مراسل الميادين")
    second = one(events, "airstrike", "حلب")
    assert (second.actor1, second.actor2, second.source) == ("RUS_MIL", "HTS", "مراسل الميادين")
    assert second.geo_precision == 2  # "ريف حلب": the countryside of Aleppo


def test_one_event_per_place(resources):
    events = events_of(resources, "قصفت الطائرات الروسية مواقع لداعش في راوة والقائم.")
    assert sorted(e.place for e in events) == ["القائم", "راوة"]
    assert {(e.kind, e.actor1, e.actor2) for e in events} == {("airstrike", "RUS_MIL", "ISIS")}


@pytest.mark.parametrize(("text", "sides"), [
    ("اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومقاتلي العشائر في بلدة ذيبان.",
     ("SDF", "TRIBES")),
    # "الاشتباكات" with the article usually points back at clashes told before; after a
    # verb of onset ("تجددت", "اندلعت") it tells a new round
    ("تجددت الاشتباكات بين مقاتلي العشائر وقسد في بلدة ذيبان بريف دير الزور.", ("TRIBES", "SDF")),
])
def test_clash_between_two_sides(resources, text, sides):
    event = one(events_of(resources, text), "clash", "ذيبان")
    assert (event.actor1, event.actor2) == sides


def test_weapons_decide_the_kind_and_both_are_coded(resources):
    text = "استهدفت القوات المسلحة اليمنية سفينة في البحر الأحمر بعدد من الصواريخ والطائرات المسيرة."
    events = events_of(resources, text)
    assert {(e.kind, e.actor1) for e in events} == {("shelling", "HOUTHIS"), ("airstrike", "HOUTHIS")}
    assert {e.place for e in events} == {"البحر الأحمر"}


def test_headline_and_body_are_one_event(resources):
    text = ("الجيش السوري يسيطر على بلدة مورك\n"
            "سيطر الجيش السوري اليوم على بلدة مورك في ريف حماة الشمالي.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("capture", "SYR_MIL", "مورك")]
    # the body's telling is kept: its evidence is the second line
    assert events[0].evidence.start > text.index("\n")


def test_date_from_the_sentence(resources):
    text = "أفاد مراسل الميادين بأن غارات أميركية استهدفت أمس مواقع في محيط مدينة الميادين."
    event = one(events_of(resources, text), "airstrike", "الميادين")
    assert (event.date, event.time_precision) == (dt.date(2023, 10, 24), 1)
    assert event.actor1 == "US_COALITION"
    assert event.geo_precision == 2  # "محيط": near the named town


def test_undated_sentence_takes_the_publication_day(resources):
    event = one(events_of(resources, "هاجم الجيش العراقي مدينة القائم."), "clash", "القائم")
    assert (event.date, event.time_precision) == (PUBLISHED, 1)


def test_purpose_is_no_event(resources):
    text = "تتحرك فصائل المقاومة العراقية من جنوب غرب القائم للسيطرة على الحدود."
    assert not [e for e in events_of(resources, text) if e.kind == "capture"]


def test_evidence_is_the_sentence_in_the_original_text(resources):
    text = "مقدمة بلا أحداث.\nقصفت الطائرات الروسية مواقع لداعش في راوة."
    event = one(events_of(resources, text), "airstrike", "راوة")
    assert text[event.evidence.start:event.evidence.end] == "قصفت الطائرات الروسية مواقع لداعش في راوة."


def test_article_with_no_events(resources):
    assert events_of(resources, "عقد مجلس الوزراء جلسته الأسبوعية وناقش خطة الموازنة العامة.") == []


def test_no_publication_date_and_no_date_in_text(resources):
    event = one(events_of(resources, "هاجم الجيش العراقي مدينة القائم.", published=None),
                "clash", "القائم")
    assert (event.date, event.time_precision) == (None, None)


@pytest.mark.parametrize("separator", ["\n", " "])
def test_long_article_scales_linearly(resources, separator):
    """A 2 MB article (with line breaks, or one line with no sentence end at all) is read in
    one piece, and what it yields does not depend on how often its news repeats."""
    paragraph = "قصفت الطائرات الروسية مواقع لداعش في راوة والقائم " + "كلام عام بلا أحداث " * 30
    small = (paragraph + separator) * 400
    big = small * 5
    assert len(big.encode()) > 2_000_000
    doc_small = Document("s", small, PUBLISHED)
    doc_big = Document("b", big, PUBLISHED)
    # one telling per (kind, actor, place): repeats merge, so both give the same events
    assert [(e.kind, e.place) for e in extract(doc_big, resources)] == \
        [(e.kind, e.place) for e in extract(doc_small, resources)] == \
        [("airstrike", "راوة"), ("airstrike", "القائم")]


@pytest.mark.parametrize("text", [
    "تعرضت القوات الأميركية في سوريا لأكثر من 150 استهدافاً منذ بدء الحرب.",
    # a counted attack noun (cues.yaml `tallies`), in words or in figures
    "وقعت ست هجمات كيماوية في مدينة حمص خلال عام 2013.",
    "وقال المسؤول إن الهجمات بلغت 14 هجوماً في العراق خلال أسبوعين.",
    "شهد ريف دمشق غالبية هجمات الأسلحة الكيماوية خلال سنوات الحرب.",
])
def test_a_tally_of_attacks_is_no_event(resources, text):
    assert events_of(resources, text) == []


def test_a_state_is_no_event(resources):
    text = "شن مسلحون هجوماً على مناطق سيطرة الجيش السوري في البادية."
    assert not [e for e in events_of(resources, text) if e.kind == "capture"]


def test_the_occasion_of_an_attack_is_not_where_it_struck(resources):
    text = "استهدفت المقاومة الإسلامية في العراق قاعدة حرير في أربيل نصرةً لغزة."
    events = events_of(resources, text)
    assert {e.place for e in events} == {"حرير"}
    assert {e.actor1 for e in events} == {"IRQ_RESISTANCE"}


def test_the_agent_named_after_the_attack(resources):
    text = "أصيب مدنيون في قصف صاروخي نفذه المسلحون على قرية جورين."
    event = one(events_of(resources, text), "shelling", "جورين")
    assert event.actor1 is None or event.actor1 != "CIVILIANS"
    assert event.actor2 == "CIVILIANS"


def test_a_country_that_acts_is_no_place(resources):
    text = "شنت روسيا غارات جوية على مدينة إدلب."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("airstrike", "RUS_MIL", "إدلب")]


def test_a_name_in_brackets_is_the_same_place(resources):
    text = "استهدفت المقاومة الإسلامية في العراق هدفاً في أم الرشراش (إيلات) بالطيران المسير."
    assert [e.place for e in events_of(resources, text)] == ["أم الرشراش"]


def test_a_refused_withdrawal_is_negated(resources):
    text = "رفض مجلس النواب الأميركي انسحاب القوات الأميركية من سوريا."
    event = one(events_of(resources, text), "withdrawal", "سوريا")
    assert (event.actor1, event.modality) == ("US_COALITION", "negated")


def test_shells_named_keep_an_air_force_to_shelling(resources):
    # Turkey's default remote attack is a drone strike (actors.yaml), but "قذائف" are
    # ground fire; the word is matched in normalized text ("قذايف")
    text = "قصفت المدفعية التركية قرية تل رفعت. وأفادت مصادر بسقوط قذائف على تل رفعت."
    kinds = sorted(e.kind for e in events_of(resources, text))
    assert kinds == ["shelling"]


def test_a_telling_without_actor_merges_into_one_with_it(resources):
    text = "سقطت قذائف على قرية تل رفعت. وقالت مصادر إن المدفعية التركية قصفت تل رفعت."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1) for e in events] == [("shelling", "TUR_MIL")]


def test_forces_of_a_named_side_refer_to_that_side(resources):
    # "قوات المقاومة" is the resistance named before, not the last "قوات" named
    text = ("تبنت المقاومة الإسلامية في العراق قصف قاعدة التنف. وردت القوات الأميركية بقصف "
            "مواقع في البوكمال. ثم قصفت قوّات المقاومة حقل العمر بالصواريخ.")
    assert one(events_of(resources, text), "shelling", "حقل العمر").actor1 == "IRQ_RESISTANCE"


def test_a_country_after_a_region_locates_and_does_not_act(resources):
    # "كردستان العراق": Iraq names where Kurdistan is, not who struck
    text = "قصفت طائرات مسيرة قاعدة حرير في كردستان العراق، كما قصفت قاعدة التنف في سوريا."
    assert one(events_of(resources, text), "airstrike", "التنف").actor1 is None


@pytest.mark.parametrize(("text", "kind", "place", "actor"), [
    # the actor name hides "المسير" from the clause; the name carries it (loader `weapon`)
    ("وقال البيان إن سلاح الجو اليمني المسير ضرب سفينة تجارية في البحر الأحمر.",
     "airstrike", "البحر الأحمر", "HOUTHIS"),
    # an indefinite nationality adjective after the attack names the attacker
    ("استشهد مستشار إيراني جراء اعتداء جوي صهيوني في مدينة دير الزور.",
     "airstrike", "دير الزور", "ISR_MIL"),
    # helicopters are the Syrian government's unless the text says whose they are
    ("المروحيات الأميركية تستهدف سيارة تقل مسلحين قرب بلدة الشحيل.",
     "airstrike", "الشحيل", "US_COALITION"),
])
def test_the_words_of_the_attack_name_the_attacker_and_the_kind(resources, text, kind, place,
                                                                actor):
    assert one(events_of(resources, text), kind, place).actor1 == actor


def test_a_dual_feature_word_names_two_places_each_singular(resources):
    # "حقلي" is the dual of "حقل": two fields, each recorded as "حقل X"; the second name
    # ("العمر", "الصور": ordinary words too) is a place because the dual announces it
    events = events_of(resources, "قصفت المقاومة حقلي كونيكو والعمر بالصواريخ ليل الاثنين.")
    assert sorted(e.place for e in events if e.kind == "shelling") == ["حقل العمر", "حقل كونيكو"]
    events = events_of(resources, "سيطرت قسد صباح اليوم على بلدتي البصيرة والصور شرقي دير الزور.")
    assert sorted(e.place for e in events) == ["البصيرة", "الصور"]


def test_reconnaissance_aircraft_make_no_airstrike(resources):
    text = "رصدت طائرات الاستطلاع تحركات المسلحين في بلدة بداما، ثم قصفها الجيش السوري."
    event = one(events_of(resources, text), "shelling", "بداما")
    assert event.actor1 == "SYR_MIL"
    # the same sentence with armed drones is an airstrike
    armed = "قصفت الطائرات المسيرة تحركات المسلحين في بلدة بداما."
    assert [e.kind for e in events_of(resources, armed)] == ["airstrike"]


def test_dropped_or_fallen_weapons_are_attacks_only_when_a_weapon_is_named(resources):
    text = "ألقت المروحيات براميل متفجرة على قرية بسيمة في ريف دمشق."
    event = one(events_of(resources, text), "airstrike", "بسيمة")
    assert event.actor1 == "SYR_MIL"  # helicopters with no named actor (ACTORS.md)
    text = "أفاد مصدر بسقوط 5 قذائف صاروخية على بلدة الطيانة في ريف دير الزور."
    one(events_of(resources, text), "shelling", "الطيانة")
    # "ألقت القبض": the same verb, no weapon, no event
    assert events_of(resources, "ألقت القوات الأمنية القبض على مطلوبين في مدينة الرقة.") == []


def test_a_list_of_names_between_commas_is_a_list_not_a_location(resources):
    text = "شنت الطائرات الروسية غارات جوية على ريف حمص، بما في ذلك الزعفرانة، المكرمية والرستن."
    places = [e.place for e in events_of(resources, text)]
    # the villages are where the strikes fell; the countryside that holds them is no event
    assert sorted(places) == ["الرستن", "الزعفرانة", "المكرمية"]
    # without the closing "و" the name after a comma locates the one before it
    text = "قصفت الطائرات الروسية بلدة الزعفرانة، حمص."
    assert [e.place for e in events_of(resources, text)] == ["الزعفرانة"]


def test_quotes_inside_a_place_name_are_not_part_of_it(resources):
    text = 'قصفت المقاومة قاعدة الاحتلال في حقل "كونيكو" النفطي بريف دير الزور.'
    assert "حقل كونيكو" in [e.place for e in events_of(resources, text)]


def test_an_admin_area_holding_a_village_of_the_same_event_is_no_event(resources):
    text = "سقطت قذائف على سوريا، في قرية كفرنبل."
    assert [e.place for e in events_of(resources, text)] == ["كفرنبل"]
    # two countries, neither holding the other: two events
    text = "استهدفت الطائرات الأميركية مواقع في العراق وسوريا."
    assert sorted(e.place for e in events_of(resources, text)) == ["العراق", "سوريا"]


def test_a_relation_word_joined_by_waw_starts_a_second_place(resources):
    # "وريف إدلب" is a second place of the strike, not where Aleppo lies
    places = [e.place for e in events_of(resources, "قصفت الطائرات الروسية حلب وريف إدلب.")]
    assert "إدلب" in places


def test_an_agreement_on_an_event_is_coded_there_and_the_event_is_only_planned(resources):
    text = ("واتفقت بغداد وواشنطن رسمياً، في 9 أيلول/سبتمبر 2024، على انسحاب القوات الأميركية "
            "من العراق.")
    events = events_of(resources, text)
    agreement = one(events, "other", "العراق")
    assert agreement.actor1 == "IRQ_MIL"  # the first party named ("بغداد")
    withdrawal = one(events, "withdrawal", "العراق")
    assert withdrawal.actor1 == "US_COALITION"
    assert withdrawal.modality == "planned"
    assert withdrawal.date == dt.date(2024, 9, 9)


def test_a_year_before_a_trigger_is_no_tally(resources):
    # "2011 اقتحمت": the year dates the event; "25 غارة" before a cue would be a tally
    text = "في 22 أيار 2011 اقتحمت القوات الحكومية بلدة الحراك في ريف درعا."
    event = one(events_of(resources, text), "clash", "الحراك")
    assert event.actor1 == "SYR_MIL"  # a conjugated verb among nominal cues: VSO
    assert event.date == dt.date(2011, 5, 22)


def test_a_clash_with_civilians_is_violence_against_civilians(resources):
    text = "اقتحمت القوات الحكومية مستشفى في مدينة درعا وطردت الطواقم الطبية."
    event = one(events_of(resources, text), "attack_civilians", "درعا")
    assert (event.actor1, event.actor2) == ("SYR_MIL", "CIVILIANS")


def test_a_name_after_a_feature_word_with_lam_is_the_owner_not_the_place(resources):
    # "قاعدة للتحالف": a base OF the coalition ("تحالف" is also a village's name)
    events = events_of(resources, "قصفت المقاومة قاعدة للتحالف قرب الحسكة.")
    assert [(e.place, e.geo_precision) for e in events] == [("الحسكة", 2)]



def test_weapons_supplied_are_goods_not_an_attack(resources):
    text = "وكشف مسؤول أن موسكو وافقت على تزويد الجيش السوري بقذائف مدفعية عبر ميناء طرطوس."
    assert events_of(resources, text) == []
    text = "سقطت قذائف على بلدة الطيانة في ريف دير الزور."
    assert [e.kind for e in events_of(resources, text)] == ["shelling"]


def test_a_conditional_attack_is_a_threat_not_an_event(resources):
    text = "وقال القيادي إننا سنرد بقوة في حال تم استهداف مواقعنا في ريف الرقة."
    assert events_of(resources, text) == []
    # the same words as a fact are an event
    text = "وقال القيادي إنه تم استهداف مواقعنا في ريف الرقة."
    assert [e.kind for e in events_of(resources, text)] == ["shelling"]
    # a threatened attack is no event (test_events_kinds), at the place after the
    # condition no more than at its own
    text = ("وتوعد المتحدث بأن البوارج الأميركية ستتعرض للاستهداف في خليج عدن، في حال استمر "
            "العدوان على غزة.")
    assert events_of(resources, text) == []


def test_the_dead_named_after_a_death_noun_were_struck_not_the_attackers(resources):
    text = ("وأعلنت وزارة الدفاع الأميركية أن طائرة مسيرة أسفرت عن مقتل أميركي في قاعدة قرب "
            "القامشلي.")
    event = one(events_of(resources, text), "airstrike", "القامشلي")
    assert (event.actor1, event.actor2) == (None, "US_COALITION")
    assert event.geo_precision == 2
    # without a weapon named, the same words tell no attack
    assert events_of(resources, "أدى الحادث إلى مقتل جندي في قاعدة قرب القامشلي.") == []


def test_a_place_in_the_source_phrase_does_not_make_its_country_the_actor(resources):
    text = ("أفادت مديرة مكتب الميادين في دمشق بسقوط 15 صاروخاً على القاعدة الأميركية في "
            "حقل كونيكو بريف دير الزور.")
    event = one(events_of(resources, text), "shelling", "حقل كونيكو")
    assert event.actor1 is None
    assert event.source == "مديرة مكتب الميادين في دمشق"


def test_a_date_of_the_announcement_does_not_date_the_event_that_has_its_own(resources):
    # published Wednesday 2023-10-25: announced "two days ago" (the 23rd), struck "at dawn
    # on Thursday" (the 19th)
    text = ("وكانت فصائل المقاومة قد أعلنت قبل يومين، استهدافها خزانات الوقود في قاعدة حقل "
            "كونيكو، فجر الخميس، بالصواريخ.")
    event = one(events_of(resources, text), "shelling", "حقل كونيكو")
    assert event.date == dt.date(2023, 10, 19)
    # with no date after the event, the announcement's date is the best the text gives
    text = "وكانت المقاومة قد أعلنت قبل يومين استهدافها قاعدة حقل العمر بالصواريخ."
    assert one(events_of(resources, text), "shelling", "حقل العمر").date == dt.date(2023, 10, 23)


def test_who_claims_an_attack_with_no_agent_did_it(resources):
    text = ("تعرّضت قاعدة الاحتلال الأميركي في حقل كونيكو إلى استهداف فجر اليوم، أعلنت "
            "المقاومة الإسلامية في العراق لاحقاً مسؤوليتها عنه.")
    event = one(events_of(resources, text), "shelling", "حقل كونيكو")
    assert (event.actor1, event.actor2) == ("IRQ_RESISTANCE", "US_COALITION")
    text = "انفجرت عبوة ناسفة في مدينة الرقة، وتبنى تنظيم داعش الهجوم."
    assert one(events_of(resources, text), "explosion", "الرقة").actor1 == "ISIS"


@pytest.mark.parametrize("text", [
    # an outlet after "ل" is whom one speaks to, not a town of that name
    "مصادر أمنية تؤكد للميادين أن الغارات استهدفت مواقع عسكرية.",
    # a person's name ("عبد ...") that is also a village's
    "عبد السلام قال إن الإعلام اليمني يتعرض لأبشع أنواع الاستهداف.",
])
def test_ordinary_words_that_gazetteers_hold_are_no_places(resources, text):
    assert events_of(resources, text) == []


def test_a_march_is_no_drone_and_a_reason_is_no_event_of_the_places_before_it(resources):
    text = ("انطلقت مسيرة حاشدة في ساحة الحرية وسط مدينة ذمار تنديداً بجرائم الإبادة "
            "الإسرائيلية في غزة.")
    # the massacres the marchers condemn happened in Gaza, not in the square of the march
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("attack_civilians", "غزة")]


def test_an_adjective_after_a_feature_word_is_no_unknown_place(resources):
    # "قاعدة مهمة": an important base somewhere in the Deir ez-Zor countryside
    events = events_of(resources, "استهدفت المقاومة قاعدة مهمة في ريف دير الزور.")
    assert [(e.place, e.geo_precision) for e in events] == [("دير الزور", 2)]


def test_a_participle_after_a_feature_word_is_no_unknown_place(resources):
    text = "أعلن الإعلام الإسرائيلي أن إطلاق النار استهدف المستوطنات الواقعة على خط المواجهة."
    assert events_of(resources, text) == []


def test_where_an_attack_came_from_is_not_where_it_struck(resources):
    text = ("شن الطيران الحربي الإسرائيلي غارات من اتجاه الأراضي اللبنانية، مستهدفاً نقاطاً "
            "عسكرية في محيط مدينة حمص.")
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("airstrike", "حمص")]
    # a force that moves out of a town is deployed there (the seed article)
    text = "وأضاف مراسلنا ان الحشد الشعبي عزز قواته انطلاقاً من بلدة عكاشات."
    assert [e.place for e in events_of(resources, text) if e.kind == "deployment"] == ["عكاشات"]


@pytest.mark.parametrize(("text", "place"), [
    # two names of one site joined by a dash are one place
    ('استهدفت المقاومة قاعدة الاحتلال في "مطار أبو حجر - خراب الجير" برشقة صاروخية.',
     "خراب الجير"),
    # a quoted name a few words after a base and its owner is the base
    ('فصائل المقاومة تقصف بالمسيرات قاعدة الاحتلال الأميركي "الشدادي" جنوبي الحسكة.', "الشدادي"),
    # the gazetteer knows a place "رأس", not "رأس عيسى": the head word alone is no place
    ("شنت طائرات أميركية غارات على منطقة رأس عيسى في محافظة الحديدة.", "رأس عيسى"),
], ids=["dash", "quoted-base", "head-word"])
def test_the_name_a_site_goes_by(resources, text, place):
    assert [e.place for e in events_of(resources, text)] == [place]


def test_contact_points_between_two_forces_name_both(resources):
    # the seed article's sentence, with the town's usual spelling
    text = ("أفاد مراسل الميادين بأن أكثر من نقطة تماس باتت بين القوات العراقية والجيش السوري "
            "جنوب منطقة القائم.")
    event = one(events_of(resources, text), "contact", "القائم")
    assert (event.actor1, event.actor2, event.geo_precision) == ("IRQ_MIL", "SYR_MIL", 2)


def test_a_definite_attack_noun_with_its_authors_nationality_is_an_event(resources):
    text = "وعلّق مصدر مسؤول على الاعتداء الأميركي على مدينة دير الزور ليل الخميس."
    event = one(events_of(resources, text), "airstrike", "دير الزور")
    assert event.actor1 == "US_COALITION"
    # without the nationality it points back at an attack told before; "المستمر" makes it
    # a campaign
    assert events_of(resources, "وعلّق مصدر مسؤول على الاعتداء على مدينة دير الزور.") == []
    text = "في ظل العدوان الإسرائيلي المستمر على مدينة دير الزور."
    assert events_of(resources, text) == []



def test_the_owner_of_a_second_base_named_with_waw_is_the_target(resources):
    text = ("قصفت المقاومة بالصواريخ قاعدة تل تمر في ريف الحسكة وقاعدة المالكية "
            "الأميركيتين في سوريا.")
    events = events_of(resources, text)
    assert {(e.place, e.actor2) for e in events} == {("تل تمر", "US_COALITION"),
                                                     ("المالكية", "US_COALITION")}


def test_a_capital_named_as_the_capital_is_a_place_not_its_government(resources):
    text = "طائرات أميركية وبريطانية تقصف العاصمة اليمنية صنعاء ومحافظتي صعدة والحديدة."
    assert sorted(e.place for e in events_of(resources, text)) == ["الحديدة", "صعدة", "صنعاء"]


def test_a_count_of_times_is_a_tally_not_an_event(resources):
    text = "وأوضح المسؤول أن القواعد الأميركية تعرضت 23 مرة منفصلة لهجمات بالمسيرات في سوريا."
    assert events_of(resources, text) == []


def test_an_event_told_twice_keeps_what_each_telling_says(resources):
    # the lede gives the day, the target and the dead, the body the source: one event
    text = ("استهدفت القوات السورية اليوم الأربعاء مقار هيئة تحرير الشام في ريف إدلب، ما أدى "
            "إلى مقتل 5 مسلحين.\n"
            "وقالت وزارة الدفاع إن وحداتها استهدفت مقار المسلحين في ريف إدلب.")
    event = one(events_of(resources, text), "shelling", "إدلب")
    assert (event.source, event.actor2, event.fatalities) == ("وزارة الدفاع", "HTS", 5)
    assert event.date == PUBLISHED


def test_a_feature_word_licenses_only_the_name_right_after_it(resources):
    # "الضفة" (also a place's name) is the river's bank here: "المحافظة" before "في" does
    # not make it a place
    text = "وسيطر الجيش السوري على معظم قرى المحافظة في الضفة الشرقية لنهر الفرات."
    assert events_of(resources, text) == []


def test_who_condemns_an_attack_is_its_source_and_its_seat_no_place(resources):
    text = "ودانت وزارة الخارجية في حكومة صنعاء غارات إسرائيلية على مدينة الحديدة."
    event = one(events_of(resources, text), "airstrike", "الحديدة")
    assert event.source == "وزارة الخارجية في حكومة صنعاء"
    assert [e.place for e in events_of(resources, text)] == ["الحديدة"]


def test_a_source_glued_to_its_outlet_link_is_read(resources):
    # web pages lose the spaces around the outlet's linked name
    event = one(events_of(resources, "وأفاد مراسلالميادينفي حلب بأن الطائرات الروسية شنت غارات "
                                     "على بلدة سراقب."), "airstrike", "سراقب")
    assert (event.actor1, event.source) == ("RUS_MIL", "مراسل الميادين في حلب")


def test_a_known_name_that_only_heads_a_longer_name_is_not_the_place(resources):
    # the gazetteer knows a place "راس"; "راس حسن" is a neighbourhood it does not know
    events = events_of(resources, "انتشرت وحدات من الجيش السوري في حي راس حسن السكني في مدينة حلب.")
    assert [(e.kind, e.place) for e in events] == [("deployment", "راس حسن")]


def test_counted_strikes_are_one_raid(resources):
    events = events_of(resources, "شن الطيران الروسي 17 غارة على مدينة سراقب.")
    assert [(e.kind, e.actor1, e.place) for e in events] == [("airstrike", "RUS_MIL", "سراقب")]


@pytest.mark.parametrize(("first", "kind"), [
    ("شنت الطائرات الحربية غارات جوية عنيفة على ريف إدلب الجنوبي.", "airstrike"),
    ("سقطت قذائف على بلدة سراقب.", "shelling"),
])
def test_an_attack_told_with_no_weapon_nor_actor_is_of_the_kind_the_article_tells(
        resources, first, kind):
    events = events_of(resources, first + " وتم استهداف المشفى الوطني في بلدة كفرنبل.")
    assert one(events, kind, "كفرنبل").actor1 is None


def test_the_cause_told_after_bisabab_is_no_event(resources):
    # "انتهاك" (a violation) is an `other` event, but here it is only why the ship was hit
    text = ("وأوضحت القوات المسلحة اليمنية في بيانها أن الناقلة جرى استهدافها بسبب انتهاكها "
            "قرار منع الملاحة إلى موانئ فلسطين.")
    assert [e for e in events_of(resources, text) if e.kind == "other"] == []


def test_a_definite_word_after_wa_is_no_name_after_a_feature_word(resources):
    text = "وقال إن صواريخ القوات الأميركية سقطت في البحر والبعض الآخر في مناطق خالية."
    assert [e.place for e in events_of(resources, text) if e.place.startswith("البحر")] == []


def test_the_district_after_a_neighbourhood_locates_it(resources):
    events = events_of(resources, "شن طيران التحالف السعودي غارات على حي النهضة بمديرية الثورة في صنعاء.")
    assert [(e.kind, e.place) for e in events] == [("airstrike", "حي النهضة")]


def test_where_the_target_was_heading_is_not_where_it_was_struck(resources):
    text = ("وأعلنت القوات المسلحة اليمنية أنها استهدفت سفينة نفطية بثلاث طائرات مسيرة "
            "وهي في طريقها إلى ميناء حيفا.")
    assert events_of(resources, text) == []


def test_a_nisba_with_tanween_is_no_country(resources):
    # "سورياً" folds to "سوريا"; the tanween shows the adjective "Syrian", not the country
    text = "وذكرت المصادر أن ضابطاً سورياً استشهد في عدوان جوي إسرائيلي استهدف موقعين في ريف دمشق."
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("airstrike", "ريف دمشق")]


@pytest.mark.parametrize(("text", "days"), [
    # two tellings that each date themselves to different days are two events
    ("استهدفت القوات المسلحة اليمنية يوم الاثنين سفينة في البحر الأحمر. واستهدفت القوات "
     "المسلحة اليمنية يوم الأربعاء سفينة أخرى في البحر الأحمر.", [27, 29]),
    # an undated headline and its body dated "أمس" are one event
    ("القوات المسلحة اليمنية تستهدف سفينة في البحر الأحمر.\nوأعلنت القوات المسلحة اليمنية أمس "
     "استهداف سفينة في البحر الأحمر.", [29]),
    # an undated telling days away from a dated one is another event
    ("وأكد المتحدث أن القوات المسلحة اليمنية استهدفت سفينة في البحر الأحمر.\nوقبل ثلاثة أيام، "
     "استهدفت القوات المسلحة اليمنية سفينة أخرى في البحر الأحمر.", [27, 30]),
], ids=["two-dated-days", "headline-and-body", "undated-and-far"])
def test_tellings_of_one_place_are_one_event_per_day(resources, text, days):
    events = events_of(resources, text, dt.date(2024, 5, 30))
    assert sorted(e.date for e in events) == [dt.date(2024, 5, d) for d in days]


def test_an_outlets_website_is_no_place(resources):
    text = "وقال القيادي في حديث إلى الميادين نت إن الطائرات الإسرائيلية قصفت مواقع في غزة."
    assert [e.place for e in events_of(resources, text)] == ["غزة"]


def test_the_city_of_the_outlets_name_is_still_a_place(resources):
    text = "سيطر الجيش السوري على مدينة الميادين بعد معارك مع داعش."
    assert [(e.kind, e.place) for e in events_of(resources, text)] == [("capture", "الميادين")]


def test_an_announced_operation_is_of_the_force_named_before_and_kept_apart(resources):
    # the planned operation has no agent of its own; it is not the strike told before it
    text = ("دمّرت القوات العراقية مواقع لداعش في راوة. وأفادت معلومات خاصة بقرب انطلاق "
            "العمليات العسكرية ضد آخر معاقل داعش في راوة.")
    events = events_of(resources, text)
    assert ("clash", "IRQ_MIL", "planned") in {(e.kind, e.actor1, e.modality) for e in events}


def test_allies_named_between_fight_together_against_the_side_they_face(resources):
    text = "دارت اشتباكات عنيفة في البوكمال بين الجيش السوري والقوات الرديفة في مواجهة مسلحي قسد."
    event = one(events_of(resources, text), "clash", "البوكمال")
    assert (event.actor1, event.assoc1, event.actor2) == ("SYR_MIL", ("SYR_ALLIES",), "SDF")


def test_each_country_of_a_list_after_fi_kull_min_is_a_place(resources):
    # "كل من روسيا وإيران" names actors; "في كل من سوريا والعراق" names places
    text = "وأعلن بيان للفصائل العراقية استهداف مواقع للاحتلال الأميركي في كل من سوريا والعراق."
    assert {e.place for e in events_of(resources, text)} == {"سوريا", "العراق"}


@pytest.mark.parametrize(("text", "actor"), [
    # the speaker did not send the drones that are the verb's subject
    ("وأكد جهاز مكافحة الإرهاب في السليمانية أن 4 طائرات مسيرة هاجمت قاعدة عسكرية شمال "
     "مدينة السليمانية.", None),
    # an owner inside the weapon's phrase did
    ("ينص المنشور على أن طائرات الأسد المروحية تلقي 4 براميل متفجرة على قرية بسيمة.", "SYR_MIL"),
])
def test_a_weapon_that_is_the_subject_keeps_out_who_is_named_before_it(resources, text, actor):
    assert [e.actor1 for e in events_of(resources, text) if e.kind == "airstrike"] == [actor]


@pytest.mark.parametrize(("text", "kind", "place", "actors"), [
    # "بمشاركة X في <masdar>": X is the masdar's agent, not only an associate
    ("يشهد الجانب السوري تنسيقاً واسعاً بدأ بمشاركة الطائرات العراقية في استهداف داعش داخل "
     "الأراضي السورية.", "airstrike", "الأراضي السورية", ("IRQ_MIL", "ISIS")),
    # who ordered the act did it
    ("شنت طائرات مسيرة غارات نفذت بأوامر من الجيش التركي على قرية تل رفعت.", "airstrike",
     "تل رفعت", ("TUR_MIL", None)),
    # actors.yaml `sites`: the text names no side but the base
    ("استهدفت المقاومة الإسلامية في العراق قاعدة حرير بطائرتين مسيرتين.", "airstrike", "حرير",
     ("IRQ_RESISTANCE", "US_COALITION")),
    # who is faced ("في مواجهة") is a target, not the agent of the attack told next
    ('وتحدثت المصادر عن اشتباكات في ريف البوكمال بين الجيش السوري والقوات الرديفة في مواجهة '
     'مسلحي "قسد" والقوات الأميركية، واستهداف مواقع الاحتلال في حقل كونيكو بالقذائف.',
     "shelling", "حقل كونيكو", ("SYR_MIL", "US_COALITION")),
    # an attack masdar's genitive followed by its object is the masdar's agent
    ('وأفادت مصادر محلية باقتحام مسلحي "قوات سوريا الديمقراطية" "قسد" بلدة غرانيج بريف '
     'البوكمال.', "clash", "غرانيج", ("SDF", None)),
    # the owner named after "التابع لـ" is the side struck, not the unit before it
    ('وقصف مسلحون مجهولون بقذائف الهاون مقر القيادة العامة التابع لـ"قسد" في بلدة هجين.',
     "shelling", "هجين", ("UNKNOWN", "SDF")),
    # a subject right before the verb (SVO) makes what follows the verb its object
    ('الجيش السوري يستهدف مقراً لمسلحي "هيئة تحرير الشام" قرب بلدة سرمين شرقي إدلب.',
     "shelling", "سرمين", ("SYR_MIL", "HTS")),
    # "القصف ... الذي استهدف القوات الأميركية": the forces were struck; who claimed it did it
    ("تبنت فصائل المقاومة في العراق القصف بالمسيرات الذي استهدف القوات الأميركية في "
     "مطار خراب الجير.", "airstrike", "مطار خراب الجير", ("IRQ_RESISTANCE", "US_COALITION")),
    # a second cue of the same attack has its object right after it
    ('وأضاف المصدر أن قصفاً آخر بالصواريخ استهدف القوات الأميركية في "خراب الجير".',
     "shelling", "خراب الجير", (None, "US_COALITION")),
], ids=["takes-part", "ordered", "site", "faced", "masdar-agent", "owner", "svo", "relative", "second-cue"])
def test_who_acted_and_who_was_struck(resources, text, kind, place, actors):
    event = one(events_of(resources, text), kind, place)
    assert (event.actor1, event.actor2) == actors


def test_an_aircraft_that_acts_fires_the_missiles(resources):
    # "طيارة" is the spoken word for an aircraft, and no village here
    events = events_of(resources, "يشير المصور إلى طيارة حربية تقصف معرة النعمان بصاروخ.")
    assert [(e.kind, e.place) for e in events] == [("airstrike", "معرة النعمان")]


def test_a_colour_is_no_place(resources):
    # "الرمادي" is Ramadi and the colour grey: after "باللون" it is the colour
    an = analyse(Document("t", "قصفت الطائرات مواقع داعش في الرمادي، وتظهر على الخريطة "
                               "باللون الرمادي.", None), resources.matcher)
    assert [p.surface for p in find_places(an, resources.lexicon, 0, len(an.text))] == ["الرمادي"]
    assert [p.start for p in find_places(an, resources.lexicon, 0, len(an.text))] == [an.text.index("الرمادي")]


def test_a_strip_keeps_its_feature_word(resources):
    event = one(events_of(resources, "شن الطيران الإسرائيلي غارات على قطاع غزة."), "airstrike",
                "قطاع غزة")
    assert (event.actor1, event.geo_precision) == ("ISR_MIL", 3)


def test_a_second_object_after_wa_ala_is_taken_however_far(resources):
    # "وعلى" repeats the verb's preposition: a second object of the capture
    text = ("سيطر الجيش السوري على قرية طابية الجزيرة على الضفة الشرقية للفرات في ريف دير الزور "
            "وعلى قسم كبير من حي الصناعة في المدينة.")
    event = one(events_of(resources, text), "capture", "حي الصناعة")
    assert (event.actor1, event.partial) == ("SYR_MIL", True)


def test_a_part_of_a_place_joined_by_wa_is_another_place(resources):
    # "وبعض الأجزاء من شمالي حمص" is a second place, not what locates إدلب
    text = ("وقّعت روسيا وإيران وتركيا اتفاقاً على وقف إطلاق النار في محافظة إدلب، وبعض الأجزاء "
            "من شمالي محافظة حمص.")
    assert {e.place for e in events_of(resources, text)} == {"إدلب", "حمص"}


def test_what_an_attack_is_to_force_is_no_event(resources):
    text = "وتهدف الهجمات إلى إلحاق خسائر بصفوف قسد لإجبارها على الانكفاء من مناطق ريف دير الزور."
    assert events_of(resources, text) == []


def test_a_reminder_is_no_news(resources):
    # "يُذكر أنّ": the sentence recalls what was told before; the gold codes 1 in 5 of them
    text = "قصفت الطائرات الروسية بلدة كفرنبل. يُذكر أنّ الطائرات الروسية قصفت بلدة سراقب الشهر الماضي."
    assert [e.place for e in events_of(resources, text)] == ["كفرنبل"]


@pytest.mark.parametrize(("text", "kind", "place", "field", "value"), [
    # "مراسلنا" (lexicon sources.anaphors) is the reporter named before
    ("أفاد مراسل الميادين بأن الطائرات الروسية شنت غارات على مدينة إدلب.\n"
     "وقال مراسلنا إن المدفعية التركية قصفت بلدة تل رفعت.", "shelling", "تل رفعت", "source",
     "مراسل الميادين"),
    # "نفت" (lexicon modality.denials) reaches a trigger many words after it; "لم" would not
    ("نفت وزارة الدفاع الروسية في بيان رسمي مساء اليوم انسحاب قواتها من مطار القامشلي.",
     "withdrawal", "مطار القامشلي", "modality", "negated"),
    # a bombing whose author claims it is an explosion of that author
    ("وأعلن تنظيم داعش في بيان مسؤوليته عن التفجير الذي ضرب وسط مدينة منبج.",
     "explosion", "منبج", "actor1", "ISIS"),
    # "سقوط" tells deaths too ("سقوط 7 قتلى"); here it counts the rockets that fell
    ("أفادت مصادر بسقوط أكثر من 15 صاروخاً على القاعدة الأميركية في حقل كونيكو.", "shelling",
     "حقل كونيكو", "fatalities", None),
    # after a reporting verb and a colon comes what is said, not who says it
    ('ويقول: "الدفاع المدني السوري يقوم بإخلاء المستشفى بعد غارات روسية على بلدة كفرنبل".',
     "airstrike", "كفرنبل", "source", None),
    # the villages named in the reason for the strikes were struck by the others, before
    ("وأوضحت وزارة الدفاع أنه رداً على اعتداءات المجموعات الإرهابية المتكررة على القرى "
     "والبلدات الآمنة بريف حماة، نفذت وحدات من قواتنا ضربات صاروخية على مقرات الإرهابيين في "
     "ريف إدلب.", "shelling", "إدلب", "actor2", None),
], ids=["anaphor-source", "denial", "claimed-bombing", "weapons-counted", "colon", "reason"])
def test_one_field_of_one_event(resources, text, kind, place, field, value):
    assert getattr(one(events_of(resources, text), kind, place), field) == value


def test_merged_tellings_keep_the_day_one_telling_gives(resources):
    # the dated telling is poorer (no source); the merged event still takes its Tuesday
    text = ("قصفت المدفعية التركية يوم الثلاثاء قرية تل رفعت. وأفادت وكالة الأنباء بأن "
            "المدفعية التركية قصفت بلدة تل رفعت بعشرات القذائف.")
    event = one(events_of(resources, text), "shelling", "تل رفعت")
    assert (event.date, event.source) == (dt.date(2023, 10, 24), "وكالة الأنباء")


def test_a_source_in_apposition_ends_before_a_stop(resources):
    # "العميد X في بيان": the statement is how he spoke, not part of his name
    text = ("وقال المتحدث باسم الجيش، العميد سامر خليل في بيان، إنّ المدفعية التركية قصفت "
            "قرية تل رفعت.")
    assert one(events_of(resources, text), "shelling", "تل رفعت").source == \
        "المتحدث باسم الجيش، العميد سامر خليل"
