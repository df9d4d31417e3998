"""Who acted: actor rules on short invented sentences in the style of the news.

Each case states by hand the actor1 (and actor2) EVENTS.md asks for.
"""

from __future__ import annotations

import pytest

from sentences import at, events_of


def test_a_verb_whose_only_name_is_a_place_takes_the_agent_before(resources):
    # "دمشق" in "مطار دمشق" is the place, not the Syrian government: the verb has no
    # subject of its own and goes on telling the raid of the sentence before
    text = "شن الطيران الإسرائيلي فجر اليوم غارات على مواقع قرب حمص. وفي وقت لاحق، استهدف محيط مطار دمشق."
    assert at(events_of(resources, text), "مطار دمشق").actor1 == "ISR_MIL"


def test_who_acts_in_the_reason_is_not_the_agent(resources):
    # "في ظل استمرار العدوان الإسرائيلي": the occupation's war is why, not who struck
    text = ("وسّعت المقاومة العراقية عملياتها في ظل تصاعد العدوان الإسرائيلي على غزة، "
            "بعد أن أعلنت استهدافها ميناء حيفا بالطيران المسير.")
    assert at(events_of(resources, text), "ميناء حيفا").actor1 == "IRQ_RESISTANCE"


def test_an_attack_masdar_with_its_object_after_li_has_its_agent_before(resources):
    # "استهداف المقاومة العراقية المستمر لقاعدة ...": the genitive is the agent, the object
    # follows with "ل"
    text = "تزامن ذلك مع استهداف المقاومة العراقية المستمر لقاعدة حرير في أربيل."
    assert at(events_of(resources, text), "حرير").actor1 == "IRQ_RESISTANCE"


def test_a_country_listed_after_a_place_is_a_place_not_an_actor(resources):
    # "في سوريا والعراق": Iraq is where the bases are, not the Iraqi army acting
    text = "ازدادت الهجمات على القواعد الأميركية في سوريا والعراق، وقصفت طائرات مسيرة قاعدة التنف."
    assert at(events_of(resources, text), "التنف").actor1 is None


@pytest.mark.parametrize(
    "second",
    [
        # the object of a support verb with no subject of its own
        "وفي وقت سابق من اليوم، نفذت هجوماً صاروخياً جديداً استهدف القوات الأميركية في الشدادي.",
        # a masdar whose pronoun does it, to the object after it
        "وسبق ذلك استهدافها قاعدة الشدادي بالطائرات المسيرة.",
    ],
)
def test_an_attack_told_with_a_pronoun_agent_is_by_the_actor_before(resources, second):
    text = "قالت المقاومة الإسلامية في العراق إنها استهدفت قاعدة حرير الأميركية. " + second
    event = at(events_of(resources, text), "الشدادي")
    assert (event.actor1, event.actor2) == ("IRQ_RESISTANCE", "US_COALITION")



def test_a_force_in_a_named_group_is_that_group(resources):
    # "القوات البحرية في القوات المسلحة اليمنية": a branch of the group named after it, not
    # the last navy named before (the American one)
    text = ("أبحرت مدمرة تابعة للبحرية الأميركية في البحر الأحمر. وأطلقت القوات البحرية في "
            "القوات المسلحة اليمنية صاروخاً استهدف سفينة تجارية في خليج عدن.")
    assert [(e.kind, e.actor1) for e in events_of(resources, text)] == [("shelling", "HOUTHIS")]


def test_a_force_in_a_civilian_place_is_no_branch_of_it(resources):
    # "الطائرات الحربية في سوق المدينة": the market is where, not whose planes
    text = ("قصفت الطائرات الحربية الروسية ريف إدلب. وبعد المجزرة التي ارتكبتها الطائرات "
            "الحربية في سوق الخضار بمدينة سراقب، قصفت مستشفى المدينة.")
    assert {e.actor1 for e in events_of(resources, text) if e.place == "سراقب"} == {"RUS_MIL"}
