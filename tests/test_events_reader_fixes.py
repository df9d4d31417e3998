"""Reader rules on short invented sentences in the style of the news: where a source
phrase ends, whose actor a generic label is, who a masdar's object is, what is no
explosion, and what is only planned.

Each case states by hand what EVENTS.md and ACTORS.md ask for.
"""

from __future__ import annotations

from sentences import events_of


def test_a_source_ends_before_the_masdar_it_reports_with_bi(resources):
    text = "وأفاد مراسل الميادين باندلاع اشتباكات عنيفة بين الجيش السوري ومسلحي داعش في ريف حماة."
    events = events_of(resources, text)
    assert events
    assert {e.source for e in events} == {"مراسل الميادين"}


def test_a_source_ends_before_the_masdar_object_of_its_verb(resources):
    text = "أعلنت وزارة الدفاع التركية مقتل خمسة من عناصر حزب العمال الكردستاني بغارة جوية في قضاء سنجار."
    events = events_of(resources, text)
    assert events
    assert {e.source for e in events} == {"وزارة الدفاع التركية"}


def test_a_generic_label_is_not_the_group_named_sentences_before(resources):
    # "الإرهابيين" of Idlib are not the ISIS of the desert named three sentences before
    text = ("اعتقل الجيش السوري عناصر من تنظيم داعش في البادية. وصادر ذخائر متنوعة. "
            "وتشهد البادية عمليات تمشيط واسعة. "
            "وقصف الجيش السوري مواقع الإرهابيين في ريف إدلب الجنوبي.")
    idlib = [e for e in events_of(resources, text) if e.place == "إدلب"]
    assert idlib
    assert all(e.actor2 is None for e in idlib)


def test_a_generic_label_right_after_its_group_is_that_group(resources):
    text = ("رصدت طائرات الاستطلاع تحركات لهيئة تحرير الشام قرب سراقب. "
            "وقصف الجيش السوري مواقع الإرهابيين في ريف إدلب الجنوبي.")
    idlib = [e for e in events_of(resources, text) if e.place == "إدلب"]
    assert idlib
    assert all(e.actor2 == "HTS" for e in idlib)


def test_a_groups_men_after_an_attack_masdar_are_its_target(resources):
    text = "وأفاد مصدر عسكري بقصف عناصر داعش في ريف دير الزور الشرقي."
    events = [e for e in events_of(resources, text) if e.kind in ("shelling", "airstrike")]
    assert events
    assert all(e.actor1 != "ISIS" and e.actor2 == "ISIS" for e in events)


def test_a_groups_men_after_a_verb_and_its_weapon_are_its_object(resources):
    text = "وقصفت المدفعية عناصر داعش في بادية حمص الشرقية."
    events = events_of(resources, text)
    assert events
    assert all(e.actor1 != "ISIS" and e.actor2 == "ISIS" for e in events)


def test_a_groups_men_with_an_object_after_them_are_the_attackers(resources):
    text = "قصف عناصر داعش مواقع الجيش السوري في بادية حمص الشرقية."
    events = events_of(resources, text)
    assert events
    assert all(e.actor1 == "ISIS" for e in events)


def test_defused_explosives_are_no_explosion(resources):
    text = "أعلنت وزارة الداخلية السورية تفكيك ثلاث عبوات ناسفة في ريف حمص الشرقي."
    assert not [e for e in events_of(resources, text) if e.kind == "explosion"]


def test_explosives_found_are_no_explosion(resources):
    text = "وقالت الشرطة إنّ دورية تمكنت من العثور على عبوة ناسفة قرب بلدة الصنمين."
    assert not [e for e in events_of(resources, text) if e.kind == "explosion"]


def test_what_a_device_was_made_for_is_no_event(resources):
    text = "وأوضح المصدر أنّ العبوة كانت معدّة لاستهداف المارة قرب بلدة الصنمين في ريف درعا."
    assert not events_of(resources, text)


def test_an_explosive_that_went_off_is_still_an_explosion(resources):
    text = "انفجرت عبوة ناسفة بسيارة عسكرية قرب بلدة الصنمين في ريف درعا."
    assert [e for e in events_of(resources, text) if e.kind == "explosion"]


def test_a_withdrawal_said_to_be_near_is_planned(resources):
    text = "وتحدثت صحيفة أميركية عن انسحاب قريب للقوات الأميركية من قاعدة التنف."
    events = [e for e in events_of(resources, text) if e.kind == "withdrawal"]
    assert events
    assert all(e.modality == "planned" for e in events)


def test_an_imminent_attack_is_planned(resources):
    text = "وتحدثت مصادر عن هجوم وشيك لتنظيم داعش على بلدة السخنة في بادية حمص."
    events = events_of(resources, text)
    assert events
    assert all(e.modality == "planned" for e in events)


def test_near_a_place_is_no_plan(resources):
    # "قريب من" locates; it says nothing of when
    text = "انسحبت القوات الأميركية من موقع قريب من بلدة الشدادي."
    events = [e for e in events_of(resources, text) if e.kind == "withdrawal"]
    assert events
    assert all(e.modality == "asserted" for e in events)


def test_armed_men_no_group_is_named_for_are_unidentified(resources):
    # ACTORS.md: UNKNOWN when the text speaks of unidentified armed men
    text = "هاجم مسلحون بالرشاشات حاجزاً لقوات سوريا الديمقراطية في بلدة الشحيل بريف دير الزور."
    events = [e for e in events_of(resources, text) if e.place == "الشحيل"]
    assert events
    assert all(e.actor1 == "UNKNOWN" and e.actor2 == "SDF" for e in events)


def test_the_unnamed_target_of_an_attack_stays_null(resources):
    text = "قصف الجيش السوري مواقع المسلحين في ريف إدلب الجنوبي."
    events = [e for e in events_of(resources, text) if e.place == "إدلب"]
    assert events
    assert all(e.actor1 == "SYR_MIL" and e.actor2 is None for e in events)
