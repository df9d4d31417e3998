"""Recall rules on short invented sentences: attacks told as one more, operations told
in a relative clause.

Each sentence is invented, in the style of the news; each case states what EVENTS.md
asks for and why.
"""

from __future__ import annotations

from marsad.model import Event
from sentences import events_of

FIRST = "أفاد مراسلنا بقصف القاعدة الأميركية في حقل كونيكو بثلاثة صواريخ. "



def shellings_at(events: list[Event], place: str) -> int:
    return sum(1 for e in events if e.kind == "shelling" and e.place == place)


def test_an_attack_told_as_one_more_is_a_second_event(resources):
    # "مرة جديدة" right after the act: the base was struck twice, two events
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "مرة جديدة بعشرة صواريخ.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 2
    # "مجدداً" says it as well
    text = FIRST + "ثم استهدفت الفصائل القاعدة الأميركية في حقل كونيكو مجدداً بعشرة صواريخ."
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 2


def test_an_attack_told_twice_without_again_is_one_event(resources):
    # the body retelling the headline's attack: one event
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "بعشرة صواريخ.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 1
    # "مجدداً" said of a consequence far after the act is no second attack
    text = FIRST + ("وبعد ساعات، أفاد المراسل باستهداف القاعدة الأميركية في حقل كونيكو "
                    "بعشرة صواريخ، ما أدى إلى انقطاع الطريق الدولي بين المدينتين والقرى "
                    "المجاورة لها مجدداً.")
    assert shellings_at(events_of(resources, text), "حقل كونيكو") == 1


def test_operations_told_by_who_carried_them_out_are_a_clash(resources):
    # "عمليات ... نفذها الجيش ضد": the relative names the operation's author and target
    text = ("وبثت وزارة الدفاع مشاهد من عمليات مركزة نفذها الجيش السوري ضد مواقع "
            "المسلحين في ريف حماة.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("clash", "SYR_MIL", "حماة")]


def test_a_relative_without_a_target_or_an_operation_tells_no_event(resources):
    # praise of past operations with nothing they were against: no event
    text = "وأشاد الوزير بالعمليات التي نفذها الجيش السوري خلال السنوات الماضية في ريف حماة."
    assert events_of(resources, text) == []
    # drills are no operation noun: no event
    text = ("وبثت وزارة الدفاع مشاهد من تدريبات نفذها الجيش السوري ضد أهداف وهمية في "
            "ريف حماة.")
    assert events_of(resources, text) == []


def test_a_force_noun_right_before_a_movement_verb_is_its_subject(resources):
    # "عناصر"/"القوات" before an actor mark the one struck after an attack verb; right
    # before a verb of withdrawal they name who withdrew
    text = "وأفادت المصادر بأن عناصر هيئة تحرير الشام انسحبوا من بلدة كفرنبل."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("withdrawal", "HTS", "كفرنبل")]
    text = "وقال المرصد إن القوات التركية انسحبت من قرية عين عيسى."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("withdrawal", "TUR_MIL", "عين عيسى")]


def test_a_clash_between_one_named_side_and_others_is_that_sides(resources):
    # "بين A و B" where only A, right after "بين", is an actor of the lexicon: A fought
    text = "ودارت اشتباكات مساء أمس بين عناصر الجيش السوري وشبان من قرية خربة غزالة."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.actor2, e.place) for e in events] == [
        ("clash", "SYR_MIL", None, "خربة غزالة")]
    # the one side named second is not taken for the first (the text does not say who)
    text = "ودارت اشتباكات مساء أمس بين شبان من قرية خربة غزالة وعناصر الجيش السوري."
    assert events_of(resources, text) == []


def test_a_force_noun_before_a_quoted_name_is_that_sides_forces(resources):
    # 'قوات "قسد"' is the SDF's forces, as "قوات قسد" is: the subject, not the one struck
    text = 'وأفادت مصادر محلية بأن قوات "قسد" قصفت قرية الكسرة بالمدفعية.'
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.actor2) for e in events] == [("shelling", "SDF", None)]
    # after "ل" ("مواقع لقوات") the quoted side is still the one struck
    text = 'وقصفت المدفعية التركية مواقع لقوات "قسد" في قرية الكسرة.'
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.actor2) for e in events] == [("shelling", "TUR_MIL", "SDF")]


def test_a_moving_force_noun_takes_its_owner_as_actor(resources):
    # "تعزيزات تابعة لـ X", "رتل لـ X": whose reinforcements or convoy follows the noun
    text = 'وقالت مصادر محلية إن تعزيزات كبيرة تابعة لـ"قسد" انتقلت أمس إلى بلدة ذيبان.'
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("deployment", "SDF", "ذيبان")]
    text = "ووصل رتل للجيش الأميركي إلى قرية حامو."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [
        ("deployment", "US_COALITION", "حامو")]


def test_an_attack_noun_takes_its_author_after_li_and_its_object_after_ala(resources):
    # "هجوم لـ X على Y": X attacked Y
    text = "وتزامن ذلك مع هجوم لمسلحي داعش على حاجز للجيش السوري قرب مدينة السخنة."
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.actor2, e.place) for e in events] == [
        ("clash", "ISIS", "SYR_MIL", "السخنة")]
    # with no "على" after it, "ل" does not name the author: nobody is said to attack
    text = "وتزامن ذلك مع هجوم لمسلحي داعش قرب مدينة السخنة."
    assert events_of(resources, text) == []


def test_the_agent_after_a_capture_masdar_does_not_count_against_its_place(resources):
    # "سيطرة [مقاتلي العشائر العربية] على ... في ريف X": the place is as near the
    # capture as in "سيطرة على ..."; the actor's own words do not push it out of reach
    text = ("وأعلنت مصادر محلية سيطرة مقاتلي العشائر العربية على أكثر من عشر قرى في ريف "
            "دير الزور الشرقي.")
    events = events_of(resources, text)
    assert [(e.kind, e.actor1, e.place) for e in events] == [("capture", "TRIBES", "دير الزور")]
    # a place far after the object is still out of reach
    text = ("وأعلنت مصادر محلية سيطرة مقاتلي العشائر على قرية ذيبان بعد معارك استمرت أياماً "
            "طويلة وانتهت قبل وصول تعزيزات كانت متجهة من الرقة.")
    assert "الرقة" not in {e.place for e in events_of(resources, text) if e.kind == "capture"}


def test_a_withdrawal_from_it_points_back_at_the_place_taken(resources):
    # "قبل أن ينسحبوا منها": they left the village they had taken
    text = "وسيطر مقاتلو العشائر على قرية ذيبان، قبل أن ينسحبوا منها بعد ساعات."
    events = events_of(resources, text)
    assert sorted((e.kind, e.actor1, e.place) for e in events) == [
        ("capture", "TRIBES", "ذيبان"), ("withdrawal", "TRIBES", "ذيبان")]
    # "منها" after a battle points at the battle, no place: no clash at the town struck
    text = ("وقصفت الطائرات الأميركية قرية ذيبان، وقال القائد إن واشنطن ما خاضت معركة يوما "
            "إلا وخرجت منها خاسرة.")
    assert {e.kind for e in events_of(resources, text)} == {"airstrike"}


def places_of(events: list[Event], kind: str) -> list[str]:
    return sorted(e.place for e in events if e.kind == kind)


def test_within_a_building_locates_and_cuts_no_place(resources):
    # "ضمن" before a building is "inside", not "as part of": the city is where they left
    text = "أخلت هيئة تحرير الشام مقراتها ضمن مبنى المحافظة في مدينة إدلب."
    assert places_of(events_of(resources, text), "withdrawal") == ["إدلب"]


def test_within_as_part_of_still_cuts_the_place(resources):
    # "ضمن الرد على ... في غزة": the reason's place is not where the strike was
    text = "قصفت المقاومة الإسلامية في العراق قاعدة التنف ضمن الرد على المجازر في غزة."
    assert "غزة" not in places_of(events_of(resources, text), "shelling")


def test_a_feature_word_before_and_names_nothing(resources):
    # "مبنيي المحافظة والبلدية": "و" ends the feature word; the municipality is no village
    text = "قصفت المدفعية التركية مبنيي المحافظة والبلدية في مدينة تل رفعت."
    assert places_of(events_of(resources, text), "shelling") == ["تل رفعت"]


def test_a_chain_of_locatives_after_the_object_reaches_its_place(resources):
    # the offices "in the east quarter near the post building in the middle of X": X is
    # nine words on, but each phrase locates the one before it
    text = "أخلت هيئة تحرير الشام مكاتبها في الحي الشرقي قرب مبنى البريد القديم وسط مدينة سرمدا."
    assert places_of(events_of(resources, text), "withdrawal") == ["سرمدا"]


def test_a_quoted_second_name_after_a_dual_is_a_place_too(resources):
    # 'بلدتي "X" و"Y"': the "و" stands alone between the quotes; Y is the second town
    text = 'قصفت المدفعية التركية بلدتي "نبل" و"الزهراء" في ريف حلب الشمالي.'
    assert places_of(events_of(resources, text), "shelling") == ["الزهراء", "نبل"]
