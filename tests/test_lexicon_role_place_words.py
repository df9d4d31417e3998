"""Named word lists of the actor-role and place rules (`force_heads`, `name_stops`,
`link_words`, ...): user files add to them, and the rules that read them follow.

Short invented sentences in the style of the news; each extension test checks the
sentence first without the user's word, then with it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.events.analysis import analyse
from marsad.events.places import find_places
from marsad.lexicon import load_lexicon
from marsad.lexicon.loader import _WORD_SETS
from marsad.model import Document
from marsad.pipeline import Resources, extract
from marsad.text.normalize import fold, normalize_text


def events(text: str, res: Resources) -> list[tuple]:
    return [(e.kind, e.actor1, e.actor2, e.place, e.assoc1)
            for e in extract(Document("t", text, None), res)]


def places(text: str, res: Resources) -> list[str]:
    an = analyse(Document("t", text, None), res.matcher)
    return [p.surface for p in find_places(an, res.lexicon, 0, len(an.text))]


# -- actors and their roles (events/roles.py, agents.py) ------------------------------


def test_a_user_force_noun_lets_a_nationality_name_the_actor(resources, with_lexicon):
    text = "قصفت كتائب روسية بلدة مورك."
    assert events(text, resources) == [("shelling", None, None, "مورك", ())]
    mine = with_lexicon("force_heads: [كتائب]\n")
    assert events(text, mine) == [("airstrike", "RUS_MIL", None, "مورك", ())]


def test_a_user_helper_mark_makes_the_actor_after_it_an_associate(resources, with_lexicon):
    text = "هاجمت قوات النظام بلدة مورك بمؤازرة الطيران الروسي."
    assert events(text, resources) == [("airstrike", "SYR_MIL", None, "مورك", ())]
    mine = with_lexicon("helper_marks: [بمؤازرة]\n")
    assert events(text, mine) == [("airstrike", "SYR_MIL", None, "مورك", ("RUS_MIL",))]


@pytest.mark.parametrize(("lists", "text"), [
    ("ordered_by: [بإشراف من]\n", "شنت غارات على بلدة مورك بإشراف من القوات الروسية."),
    ("done_by: [دبرته]\n", "استهدف القصف الذي دبرته القوات الروسية بلدة مورك."),
])
def test_a_user_agent_mark_makes_the_actor_after_it_the_agent(resources, with_lexicon, lists, text):
    assert [e[1] for e in events(text, resources)] == [None]
    assert [e[1] for e in events(text, with_lexicon(lists))] == ["RUS_MIL"]


def test_a_user_belonging_word_makes_the_owner_named_next_the_side(resources, with_lexicon):
    # "مقر قوات الأسايش الموالي لـ X": the owner X is the one struck
    text = "قصف الجيش التركي مقر قوات الأسايش الموالي لقوات سوريا الديمقراطية في بلدة مورك."
    assert [e[2] for e in events(text, resources)] == ["KRG_PESHMERGA"]
    mine = with_lexicon("belonging: [الموالي]\n")
    assert [e[2] for e in events(text, mine)] == ["SDF"]


# -- places (events/places.py, context.py) --------------------------------------------


def test_a_user_name_stop_ends_an_unknown_name(resources, with_lexicon):
    text = "قصفت الطائرات قاعدة ضخمة في بلدة مورك."
    assert [e[3] for e in events(text, resources)] == ["ضخمة"]
    mine = with_lexicon("name_stops: [ضخمة]\n")
    assert [e[3] for e in events(text, mine)] == ["مورك"]


def test_a_user_construct_head_lets_an_unknown_name_go_on(resources, with_lexicon):
    text = "قصفت قوات النظام قرية قرن الغزال."
    assert [e[3] for e in events(text, resources)] == ["قرن"]
    mine = with_lexicon("construct_heads: [قرن]\n")
    assert [e[3] for e in events(text, mine)] == ["قرن الغزال"]


def test_a_user_described_feature_reads_no_unknown_name_after_it(resources, with_lexicon):
    text = "قصفت قوات النظام قرية زعرورة."
    assert [e[3] for e in events(text, resources)] == ["زعرورة"]
    assert events(text, with_lexicon("described_features: [قرية]\n")) == []


@pytest.mark.parametrize(("lists", "text"), [
    ("colour_words: [بالأحمر]\n", "وتظهر على الخريطة مواقع داعش بالأحمر الرمادي."),
    ("website_words: [ديجيتال]\n", "نشر موقع الميادين ديجيتال التقرير."),
])
def test_a_user_word_next_to_a_name_makes_it_no_place(resources, with_lexicon, lists, text):
    assert places(text, resources) in (["الرمادي"], ["الميادين"])
    assert places(text, with_lexicon(lists)) == []


def test_a_user_stationed_word_makes_the_place_where_an_actor_is(resources, with_lexicon):
    text = "قصفت الطائرات الروسية العناصر المرابطة في بلدة مورك."
    assert [e[3] for e in events(text, resources)] == ["مورك"]
    assert events(text, with_lexicon("stationed: [المرابطة]\n")) == []


@pytest.mark.parametrize(("name", "lists", "text", "untrimmed", "place"), [
    ("places: {names: [بلدية الوادي]}\n", "leading_features: [بلدية]\n",
     "قصفت قوات النظام بلدية الوادي.", "بلدية الوادي", "الوادي"),
    ("places: {names: [مرفأ الوادي التجاري]}\n", "trailing_adjectives: [التجاري]\n",
     "قصفت الطائرات مرفأ الوادي التجاري.", "مرفأ الوادي التجاري", "مرفأ الوادي"),
])
def test_user_feature_words_and_adjectives_are_trimmed_off_a_place(resources, with_lexicon, name,
                                                                    lists, text, untrimmed,
                                                                    place):
    # the user's place name alone is recorded whole; with the list, trimmed
    assert [e[3] for e in events(text, with_lexicon(name))] == [untrimmed]
    assert [e[3] for e in events(text, with_lexicon(name + lists))] == [place]


@pytest.mark.parametrize(("lists", "text"), [
    ("link_words: [المطلة]\n", "قصفت قوات النظام قرية مورك المطلة على حماة."),
    ("link_heads: [بجوار]\n", "قصفت قوات النظام قرية مورك بجوار حماة."),
])
def test_a_user_link_word_makes_the_place_after_it_context(resources, with_lexicon, lists, text):
    # "مورك المطلة على حماة": Hama only says where the village is
    assert [e[3] for e in events(text, resources)] == ["مورك", "حماة"]
    assert [e[3] for e in events(text, with_lexicon(lists))] == ["مورك"]


# -- readings and mistakes --------------------------------------------------------------


def test_each_reading_keeps_the_space_its_rule_compares_with(lexicon_file):
    lexicon = load_lexicon([lexicon_file("helper_marks: [بمؤازرة]\nperson_heads: [أبو]\n"
                                            "trailing_adjectives: [التجاري]\n"
                                            "link_heads: [بجوار]\n")], shipped=False)
    assert lexicon.starts("helper_marks") == ("بموازره ",)  # ؤ folds to و; right before a mention
    assert lexicon.starts("person_heads") == ("ابو ",)  # what a name opens with
    assert lexicon.starts("trailing_adjectives") == (" التجاري",)  # what a name ends with
    assert lexicon.starts("link_heads") == ("بجوار",)  # the start of a word
    shipped = load_lexicon()
    assert "عبد " in shipped.starts("person_heads") and " النفطي" in shipped.starts(
        "trailing_adjectives") and "جانب " in shipped.starts("helper_marks")


_LISTS = sorted(k for k, how in _WORD_SETS.items() if k != "causes" and how != "text"
                and k != "described_features")
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءئؤةى" + "\u064b\u064e\u064f\u0650\u0651\u0652"


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_LISTS),
       st.text(alphabet=_LETTERS, min_size=1, max_size=8).filter(lambda w: fold(w).strip()))
def test_a_listed_word_is_found_as_the_normalized_text_writes_it(tmp_path_factory, name, word):
    # written as in the press (hamza, ة, harakat), a word is what the text layer makes of
    # the same word in an article, whatever the list and its reading
    path = tmp_path_factory.mktemp("w") / "mine.yaml"
    path.write_text(f'{name}: ["{word}"]\n', encoding="utf-8")
    (stored,) = load_lexicon([path], shipped=False).words(name)
    assert stored.strip() == normalize_text(word).text.strip()
    assert f" {stored.strip()} " in normalize_text(f"قصفت {word} امس").text
