"""Named word lists of the lexicon (`reminders`, `threats`, `counts`, ...): user files add to
them, and the rules that read them follow.

Short invented sentences in the style of the news; each extension test checks the
sentence first without the user's word, then with it.
"""

from __future__ import annotations

import pytest

from marsad.lexicon import load_lexicon
from marsad.model import Document
from marsad.pipeline import Resources, extract


def events(text: str, res: Resources) -> list[tuple[str, str]]:
    return [(e.kind, e.place) for e in extract(Document("t", text, None), res)]


def test_a_user_reminder_opener_makes_its_sentence_tell_no_event(resources, with_lexicon):
    text = "للتذكير، قصفت قوات النظام بلدة مورك."
    assert events(text, resources) == [("shelling", "مورك")]
    mine = with_lexicon("reminders: [للتذكير*]\n")
    assert events(text, mine) == []
    # the shipped openers are still there, and other sentences still tell their events
    assert "يذكر ان" in mine.lexicon.words("reminders")
    assert events("قصفت قوات النظام بلدة مورك.", mine) == [("shelling", "مورك")]


def test_a_user_threat_verb_makes_the_attack_it_governs_no_event(resources, with_lexicon):
    text = "وأنذر القائد بقصف بلدة مورك."
    assert events(text, resources) == [("shelling", "مورك")]
    # the verb's start is listed: "وأنذر" (with و) and "أنذرت" are found too
    assert events(text, with_lexicon("threats: [أنذر]\n")) == []


def test_a_user_count_word_makes_counted_attacks_a_tally(resources, with_lexicon):
    text = "نفذت قوات النظام جملة هجمات على بلدة مورك."
    assert events(text, resources) == [("clash", "مورك")]
    assert events(text, with_lexicon("counts: [جملة]\n")) == []


def test_a_user_cause_must_be_a_reason_and_then_tells_no_event(resources, with_lexicon):
    text = "أغلق المعبر بفعل قصف قوات النظام بلدة مورك."
    reason = with_lexicon("reasons: [بفعل]\n")
    assert ("shelling", "مورك") in events(text, reason)  # a reason only cuts the place before
    cause = with_lexicon("reasons: [بفعل]\ncauses: [بفعل]\n")
    assert events(text, cause) == []


def test_an_opening_is_a_whole_word_unless_a_star_ends_it(lexicon_file):
    lexicon = load_lexicon([lexicon_file("continuing: [بعدها, وبعدها*]\n")])
    openings = lexicon.starts("continuing")
    assert "بعدها " in openings and "وبعدها" in openings
    assert "كما " in openings  # shipped
    assert "بعدهاا".startswith(openings) is False
    assert "وبعدهاا".startswith(openings)


def test_starts_puts_each_proclitic_before_each_word(lexicon_file):
    lexicon = load_lexicon([lexicon_file("threats: [أنذر]\n")], shipped=False)
    assert lexicon.starts("threats", ("", "و")) == ("انذر", "وانذر")
    assert lexicon.words("no such list") == frozenset()


@pytest.mark.parametrize("text", ["نفذت قوات النظام مئات هجمات على بلدة مورك.",
                                  "تعرضت بلدة مورك لمئات الهجمات."])
def test_hundreds_of_attacks_are_a_tally(resources, text):
    # "مئات" reads "ميات" in the normalized text: written unfolded, the rules missed it
    assert events(text, resources) == []
    assert events("تعرضت بلدة مورك لهجمات.", resources) == [("shelling", "مورك")]
