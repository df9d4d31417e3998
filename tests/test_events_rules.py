"""Event rules on short invented sentences: breakdowns of counted attacks, victims, attacks
told again, origins, short names after feature words, denied places, numbered parts, the
onset of fighting, counts after their noun, places inside a reason, votes on an event.

Each sentence is invented, in the style of the news; each case states what EVENTS.md
asks for and why.
"""

from __future__ import annotations

from marsad.model import Event
from sentences import events_of


def places_of(events: list[Event]) -> set[str]:
    return {e.place for e in events}


# -- breakdowns of counted attacks, victims, attacks told again ------------------------


def test_the_parts_of_a_counted_raid_are_the_same_raids(resources):
    # "4 منها" shares out the 12 raids already counted: 4 + 5 + 3 = 12, no new raids
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها مستودعاً في حي "
            "الضبيط، و5 غارات بلدة بنش، و3 منطقة سرمين شرقي المدينة.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب"}
    assert {(e.kind, e.actor1) for e in events} == {("airstrike", "RUS_MIL")}
    # the partitive may come before its verb, and "إحداها" is a part of one
    text = ("وشن الطيران الروسي 3 غارات على مدينة إدلب، إحداها استهدفت بلدة بنش، "
            "و2 بلدة سرمين.")
    assert places_of(events_of(resources, text)) == {"إدلب"}


def test_counted_raids_without_a_partitive_or_a_place_keep_their_places(resources):
    # no "منها": two counts are two attacks at two places
    text = "وشن الطيران الروسي 12 غارة على مدينة إدلب، و5 غارات على بلدة بنش."
    assert places_of(events_of(resources, text)) == {"إدلب", "بنش"}
    # the whole names no place: the parts say where the raids struck
    text = ("وشن الطيران الروسي 12 غارة، استهدفت 4 منها بلدة بنش، و8 غارات بلدة سرمين.")
    assert places_of(events_of(resources, text)) == {"بنش", "سرمين"}


def test_counts_that_exceed_the_whole_are_no_breakdown(resources):
    # 4 + 9 > 12: the second count is not a share of the first
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها بلدة بنش، "
            "و9 غارات بلدة سرمين.")
    assert {"إدلب", "سرمين"} <= places_of(events_of(resources, text))


def test_a_new_attack_after_a_breakdown_is_news_again(resources):
    # the shelling that follows is no part of the raids counted
    text = ("وشن الطيران الروسي 12 غارة على مدينة إدلب، استهدفت 4 منها حي الضبيط، "
            "فيما قصفت المدفعية بلدة سرمين.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب", "سرمين"}
    assert ("shelling", "سرمين") in {(e.kind, e.place) for e in events}


def test_men_killed_in_an_attack_are_its_target_not_its_author(resources):
    # "قتلوا" with no object after it is passive: the soldiers were killed; their side
    # (the speaker's too) was struck
    text = ("أعلن الجيش الأميركي أن ثلاثة من الجنود الأميركيين قتلوا وأصيب خمسة في هجوم "
            "بطائرة مسيرة استهدف قاعدة الشدادي.")
    events = events_of(resources, text)
    assert [(e.kind, e.place) for e in events] == [("airstrike", "الشدادي")]
    assert events[0].actor1 != "US_COALITION"
    assert events[0].actor2 == "US_COALITION"
    # the genitive of a noun of injury, with the men counted between
    text = "أعلن الجيش الأميركي إصابة ثلاثة من الجنود الأميركيين في هجوم صاروخي على قاعدة الشدادي."
    events = events_of(resources, text)
    assert [(e.actor1, e.actor2) for e in events] == [(None, "US_COALITION")]


def test_men_who_kill_with_an_object_are_the_authors(resources):
    # "قتلت 5 مسلحين": active, its object follows; the forces acted
    text = "وقال مصدر إن القوات الأميركية قتلت 5 مسلحين في غارة على بلدة الشحيل."
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]
    # men hurt DURING an operation may have carried it out: no victim rule there
    text = ("وأعلنت القيادة الأميركية إصابة 4 من الجنود الأميركيين خلال غارة مع قوات "
            "سوريا الديمقراطية على بلدة الشحيل.")
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]


def test_the_object_of_an_attack_told_again_is_no_author_of_it(resources):
    # "الهجوم الذي استهدف القوات الأميركية": the forces were struck; "أنه استهدف" has the
    # attack as its subject, so the forces named before are no author of it
    text = ('قال المتحدث إن "الهجوم الذي استهدف القوات الأميركية فجراً لم يكن كبيراً"، '
            'مشيراً إلى أنه "استهدف قاعدة الشدادي في ريف الحسكة".')
    events = [e for e in events_of(resources, text) if e.place == "الشدادي"]
    assert len(events) == 1
    assert events[0].actor1 is None
    assert events[0].actor2 == "US_COALITION"
    # a subject right before its verb still acts
    text = "وقال المتحدث إن القوات الأميركية استهدفت مواقع في بلدة الشحيل."
    assert [e.actor1 for e in events_of(resources, text)] == ["US_COALITION"]


def test_a_place_after_a_participle_with_li_only_locates_the_one_before(resources):
    # "حرير المجاورة لمطار أربيل": the airport says where the base is; ل is the
    # participle's preposition, no new place of the attack
    text = "كما قصفت الفصائل قاعدة الشدادي أمس، وقاعدة حرير المجاورة لمطار أربيل بطائرتين مسيرتين."
    assert places_of(events_of(resources, text)) == {"الشدادي", "حرير"}


# -- origins, short names after feature words, denied places, numbered parts, the onset of fighting ---


def test_a_place_after_an_origin_and_a_comma_is_where_the_attack_struck(resources):
    # "من اتجاه الأراضي اللبنانية" says where the raid came from; the comma ends that
    # phrase, and "في ريف حمص" is where the raid struck, no locator of the origin
    text = ("شنت طائرات إسرائيلية غارات من اتجاه الأراضي اللبنانية، مستهدفة مواقع "
            "للجيش في ريف حمص.")
    events = events_of(resources, text)
    assert places_of(events) == {"حمص"}
    assert {(e.kind, e.actor1, e.geo_precision) for e in events} == {("airstrike", "ISR_MIL", 2)}


def test_a_place_right_after_an_origin_still_locates_it(resources):
    # no comma: "في ريف درعا" says where the village the rockets came from lies
    text = "سقطت صواريخ على مستوطنة كريات شمونة انطلقت من بلدة الحارة في ريف درعا."
    assert "درعا" not in places_of(events_of(resources, text))


def test_a_short_city_name_after_a_feature_word_is_a_place(resources):
    # "إب" (a Yemeni city) is two letters: read alone it would be part of many words,
    # but after "مدينة" it names the city
    text = "شنت طائرات التحالف السعودي غارة على وسط مدينة إب."
    events = events_of(resources, text)
    assert places_of(events) == {"إب"}
    assert all(e.place_id and e.lat for e in events)


def test_a_short_name_is_no_place_without_a_feature_word(resources):
    # the same two letters with no feature word before them are not read as the city
    hits = resources.matcher.hits("وصل اب الى الميناء")
    assert not [h for h in hits if h.entry.kind == "place" and h.entry.value == "اب"]
    hits = resources.matcher.hits("وصل الى مدينه اب")
    assert [h for h in hits if h.entry.kind == "place" and h.entry.value == "اب"]


def test_a_place_the_text_says_the_attack_did_not_happen_in_is_no_place_of_it(resources):
    # "لم يقع داخل الأردن" denies the place, not the attack: the attack is at التنف
    text = ('قال المتحدث باسم الحكومة إن "غارات طالت القوات الأميركية لم تقع داخل '
            'الأردن"، بل استهدفت قاعدة التنف في سوريا.')
    events = events_of(resources, text)
    assert "الأردن" not in places_of(events)
    assert "التنف" in places_of(events)
    # without the denial the same place is where it happened
    text = 'قال المتحدث باسم الحكومة إن "غارات طالت القوات الأميركية وقعت داخل الأردن".'
    assert "الأردن" in places_of(events_of(resources, text))


def test_an_ordinal_opens_a_part_at_its_own_place(resources):
    # "والثالث" stands for the third rocket: "شرق بلدة نبل" is where it fell, not a
    # locator of the village before
    text = "أطلقت الفصائل ثلاثة صواريخ على ريف حلب، سقط الأول في قرية تل طويل، والثالث شرق بلدة نبل."
    assert {"تل طويل", "نبل"} <= places_of(events_of(resources, text))


def test_an_ordinal_of_a_day_or_a_rank_opens_no_part(resources):
    # "الثاني من أيار" is a date and "الصف الأول" a rank: the place after them stays a locator
    text = "سقط صاروخ في قرية تل طويل في الثاني من أيار شرق مدينة حلب."
    assert places_of(events_of(resources, text)) == {"تل طويل"}


def test_a_place_named_inside_a_direction_from_a_city_is_where_it_happened(resources):
    # "جنوب دمشق" is a broad area; "في محيط منطقة الكسوة" names the place inside it
    text = "شنت طائرات إسرائيلية غارات جنوب دمشق في محيط منطقة الكسوة."
    events = events_of(resources, text)
    assert places_of(events) == {"الكسوة"}
    assert {e.geo_precision for e in events} == {2}
    # a direction from a place after the village still only locates it
    text = "شنت طائرات إسرائيلية غارات على بلدة الكسوة جنوب دمشق."
    assert places_of(events_of(resources, text)) == {"الكسوة"}


def test_the_onset_of_a_battle_is_a_clash(resources):
    # "بدء المعركة": the definite noun after a verb or noun of onset tells a new round of
    # fighting, like "اندلاع المعارك" (alone, "المعركة" points back at one told before)
    text = 'وأعلن مقاتلو العشائر "بدء المعركة ضد قوات قسد في ريف دير الزور".'
    events = events_of(resources, text)
    assert {(e.kind, e.actor1, e.actor2, e.place) for e in events} == {
        ("clash", "TRIBES", "SDF", "دير الزور")}
    text = 'وأعلن مقاتلو العشائر أن "المعركة ضد قوات قسد في ريف دير الزور" مستمرة.'
    assert not events_of(resources, text)


# -- counts that follow their noun, places inside a reason -----------------------------


def test_attacks_counted_by_a_word_after_the_noun_are_a_tally(resources):
    # "هجمات عدة" is "عدة هجمات" with the count after its noun: several attacks over an
    # area, a tally whose places the article names elsewhere, not one attack at Hama
    text = "شنت الطائرات الروسية هجمات عدة على مواقع المسلحين في ريف حماة."
    assert events_of(resources, text) == []
    text = "شنت الفصائل اعتداءات عديدة على القرى الآمنة في ريف اللاذقية."
    assert events_of(resources, text) == []


def test_a_single_attack_with_no_count_is_still_an_event(resources):
    # the control: the same sentence without the count tells one attack
    text = "شنت الطائرات الروسية هجمات على مواقع المسلحين في ريف حماة."
    events = events_of(resources, text)
    assert places_of(events) == {"حماة"}
    assert {e.actor1 for e in events} == {"RUS_MIL"}


def test_a_place_inside_a_reason_phrase_is_not_where_the_answer_struck(resources):
    # "ردا على القصف على مدينة الحسكة" says what the strike answers; the strike itself
    # names where it struck after its verb ("في ريف إدلب"): Hasakah is no place of it
    text = ("ردا على القصف على مدينة الحسكة، قصفت المدفعية التركية مواقع للمسلحين في "
            "ريف إدلب.")
    events = events_of(resources, text)
    assert places_of(events) == {"إدلب"}
    assert {(e.kind, e.actor1) for e in events} == {("shelling", "TUR_MIL")}


def test_an_answer_with_no_place_of_its_own_keeps_the_place_of_its_reason(resources):
    # with no place after its verb, the answer is told where what it answers was
    text = "ردا على القصف على قرى ريف حلب، قصفت المدفعية التركية مواقع المسلحين."
    assert places_of(events_of(resources, text)) == {"حلب"}


# -- votes -------------------------------------------------------------------------------


def test_a_vote_on_an_event_is_a_political_act_not_the_event(resources):
    # a vote decides the next event of its clause, even with the draft it is held on
    # between them: the vote is the act told (EVENTS.md `other`, at the event's place),
    # and a rejected proposal is no event at all, not a denied withdrawal
    text = ("ورفض أعضاء الكونغرس الأميركي أمس، خلال جلسة تصويت على مقترح قدمه أحد النواب، "
            "انسحاب القوات الأميركية من العراق.")
    events = events_of(resources, text)
    assert {(e.kind, e.actor1, e.place, e.modality) for e in events} == {
        ("other", "US_COALITION", "العراق", "asserted")}


def test_a_denied_withdrawal_with_no_vote_is_still_negated(resources):
    # the control: a denial with no vote in its clause still denies the event
    text = "ونفى الجيش الأميركي أمس انسحاب قواته من العراق."
    events = events_of(resources, text)
    assert {(e.kind, e.place, e.modality) for e in events} == {
        ("withdrawal", "العراق", "negated")}


def test_the_nationality_after_a_passive_attack_word_is_its_author_however_far(resources):
    # "تعرضت مقار الفصائل في البلدة لعدوان أميركي": the patient stands between the verb and
    # the attack word; the nationality right after "عدوان" still names who struck
    text = "وتعرضت مقار الحشد الشعبي في مدينة القائم لعدوان أميركي فجر اليوم."
    (event,) = events_of(resources, text)
    assert (event.actor1, event.actor2, event.place) == ("US_COALITION", "IRQ_PMF", "القائم")
