"""Actors read through attached pronouns: invented sentences in the style of the news.

Each case states by hand the actor1 (and actor2) EVENTS.md asks for.
"""

from __future__ import annotations

import pytest

from sentences import at, events_of


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        # "استهدفه": the pronoun is the object (the site), the occupation the subject
        ("قتل ثلاثة مدنيين في الموقع الذي استهدفه الاحتلال الإسرائيلي فجر اليوم في بلدة الخيام.",
         "الخيام", "ISR_MIL"),
        # "تلقيها": the rockets are the object, the aircraft drop them
        ("أصيب مدنيون بالصواريخ التي تلقيها الطائرات الروسية على مدينة إدلب.",
         "إدلب", "RUS_MIL"),
    ],
)
def test_the_actor_after_a_relative_verb_with_an_object_pronoun_is_its_subject(
        resources, text, place, actor):
    event = at(events_of(resources, text), place)
    assert event.actor1 == actor
    assert event.actor2 != actor


def test_the_actor_after_a_relative_verb_without_a_pronoun_is_still_its_object(resources):
    # "القصف الذي استهدف القوات الأميركية": the forces were struck, not the authors
    text = "قالت فصائل عراقية إنها تقف وراء القصف الذي استهدف القوات الأميركية في قاعدة حرير."
    assert at(events_of(resources, text), "حرير").actor2 == "US_COALITION"


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("وقال الجيش الإسرائيلي إنه قصف مواقع في بلدة الخيام.", "الخيام", "ISR_MIL"),
        ("ولا يزال الجيش الإسرائيلي يكثف غاراته على مدينة رفح.", "رفح", "ISR_MIL"),
    ],
)
def test_a_word_ending_in_al_before_an_actor_is_no_glued_li(resources, text, place, actor):
    # "وقال الجيش", "لا يزال الجيش": the word before ends in "ال", no "لـ" of the target
    event = at(events_of(resources, text), place)
    assert event.actor1 == actor
    assert event.actor2 is None


def test_a_li_glued_to_the_word_before_still_marks_the_target(resources):
    # 'عسكرياًلـ"هيئة ...': a missing space leaves the ل on the adjective before
    text = 'استهدفت الطائرات الحربية مقراً عسكرياًلـ"هيئة تحرير الشام" في بلدة سرمين.'
    assert at(events_of(resources, text), "سرمين").actor2 == "HTS"


def test_a_verb_stem_with_a_pronoun_and_its_object_after_is_a_masdar_of_the_actor_before(resources):
    # "أعلنت ضربها هدفاً": not "she struck it" with a subject to come, but "its striking
    # a target": the pronoun is the group that announced, named in the sentence before
    text = ("قصفت المقاومة الإسلامية في العراق قاعدة حرير بطائرتين مسيرتين. "
            "وفي وقت لاحق، أعلنت ضربها هدفاً في مدينة حيفا، تضامناً مع غزة في وجه العدوان الإسرائيلي.")
    assert at(events_of(resources, text), "حيفا").actor1 == "IRQ_RESISTANCE"


def test_a_verb_with_a_pronoun_and_an_actor_after_keeps_its_subject(resources):
    # "ضربها الطيران الروسي": the actor after the verb is its subject
    text = "أما بلدة كفرنبل فقد ضربها الطيران الروسي صباح اليوم."
    assert at(events_of(resources, text), "كفرنبل").actor1 == "RUS_MIL"


def test_a_massacre_with_no_side_named_struck_civilians(resources):
    # a massacre's victims are civilians (EVENTS.md attack_civilians, ACTORS.md CIVILIANS)
    text = "ارتكب الجيش الإسرائيلي مجزرة جديدة في مدينة رفح فجر اليوم."
    event = at(events_of(resources, text), "رفح")
    assert (event.kind, event.actor1, event.actor2) == ("attack_civilians", "ISR_MIL", "CIVILIANS")


def test_an_assassination_with_no_side_named_keeps_no_actor2(resources):
    # the victim of an assassination may be a commander: no side is guessed
    text = "اغتال الجيش الإسرائيلي قائداً ميدانياً في مدينة رفح فجر اليوم."
    event = at(events_of(resources, text), "رفح")
    assert (event.kind, event.actor2) == ("attack_civilians", None)


def test_the_author_of_what_is_answered_is_not_the_next_pronoun_agent(resources):
    # "رداً على المجازر الإسرائيلية": Israel did what is answered; "وأكدت استهدافها" in the
    # next sentence is still the Iraqi resistance that answered
    text = ("قصفت المقاومة الإسلامية في العراق قاعدة حرير، رداً على المجازر الإسرائيلية في غزة. "
            "وأكدت استهدافها بالطيران المسير ميناء حيفا فجر اليوم.")
    events = events_of(resources, text)
    assert at(events, "غزة").actor1 == "ISR_MIL"
    assert at(events, "ميناء حيفا").actor1 == "IRQ_RESISTANCE"


def test_the_genitive_of_a_massacre_committed_it(resources):
    # "مجازر الكيان الإسرائيلي بحق ...": the genitive did it, the victims follow "بحق"
    text = ("وقالت الفصائل إن قصف القاعدة جاء ضد وجود الاحتلال الأميركي على أرض العراق، "
            "ورداً على مجازر الكيان الإسرائيلي بحق سكان قطاع غزة.")
    event = at(events_of(resources, text), "قطاع غزة")
    assert (event.actor1, event.actor2) == ("ISR_MIL", "CIVILIANS")


@pytest.mark.parametrize(
    "text",
    [
        "أصيب مزارع بجروح في غارة لطيران الاحتلال فجر اليوم على بلدة الخيام.",
        "دمرت غارة للطيران الإسرائيلي فجر اليوم منزلاً في بلدة الخيام.",
    ],
)
def test_the_side_after_li_right_after_an_attack_noun_did_it(resources, text):
    # "غارة لطيران الاحتلال": the raid is the occupation's air force's, not struck at it
    event = at(events_of(resources, text), "الخيام")
    assert (event.actor1, event.actor2) == ("ISR_MIL", None)


def test_the_side_after_li_after_positions_destroyed_was_struck(resources):
    # "تدمير مواقع لداعش": the positions destroyed are Daesh's
    text = "أعلن الجيش العراقي تدمير مواقع لداعش في بلدة راوة."
    event = at(events_of(resources, text), "راوة")
    assert (event.actor1, event.actor2) == ("IRQ_MIL", "ISIS")


def test_the_nationality_of_an_attack_noun_after_li_is_its_author(resources):
    # "الإدانات للاعتداء الإسرائيلي": the ل is the attack's; the adjective names its author
    text = "تتوالى الإدانات للاعتداء الإسرائيلي على بلدة الخيام فجر اليوم."
    event = at(events_of(resources, text), "الخيام")
    assert (event.kind, event.actor1, event.actor2) == ("airstrike", "ISR_MIL", None)


def test_no_side_repels_itself(resources):
    # "التصدي لهذا الاعتداء الإسرائيلي" after "الاعتداء الإسرائيلي": the side named before the
    # repel is the attacker too, not the defender
    text = ("تتوالى الإدانات للاعتداء الإسرائيلي على بلدة الخيام، مع التأكيد على حق المقاومة "
            "في التصدي لهذا الاعتداء الإسرائيلي في الخيام.")
    for event in events_of(resources, text):
        assert event.actor1 != event.actor2


def test_who_condemns_an_attack_did_not_do_it(resources):
    # "ودانت الحركة التفجير": the speaker condemns; the bombing is no one's named here
    text = "ودانت حركة حماس التفجير الذي استهدف سوقاً شعبية في مدينة الباب، معتبرة إياه عملاً إجرامياً."
    event = at(events_of(resources, text), "الباب")
    assert event.kind == "explosion"
    assert event.actor1 is None


def test_who_announces_an_attack_still_did_it(resources):
    # "أعلنت الحركة تفجير": an announcement is no condemnation
    text = "وأعلنت حركة حماس تفجير عبوة ناسفة بآلية عسكرية في مدينة رفح."
    assert at(events_of(resources, text), "رفح").actor1 == "PAL_RESISTANCE"
