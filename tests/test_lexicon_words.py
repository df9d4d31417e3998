"""Named word lists of the lexicon (`reminders`, `threats`, `counts`, ...): user files add to
them, and the rules that read them follow.

Short invented sentences in the style of the news; each extension test checks the
sentence first without the user's word, then with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import LexiconError
from marsad.lexicon import load_lexicon
from marsad.model import Document
from marsad.pipeline import Resources, extract
from marsad.recognize.matcher import build_matcher
from marsad.text.normalize import fold, normalize_text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def with_file(resources: Resources, path: Path) -> Resources:
    """The shipped resources with the user file `path` added to the lexicon."""
    lexicon = load_lexicon([path])
    return Resources(lexicon, resources.gazetteer, build_matcher(lexicon, resources.gazetteer),
                     None)


def events(text: str, res: Resources) -> list[tuple[str, str]]:
    return [(e.kind, e.place) for e in extract(Document("t", text, None), res)]


def test_a_user_reminder_opener_makes_its_sentence_tell_no_event(resources, tmp_path):
    text = "للتذكير، قصفت قوات النظام بلدة مورك."
    assert events(text, resources) == [("shelling", "مورك")]
    mine = with_file(resources, write(tmp_path, "reminders: [للتذكير*]\n"))
    assert events(text, mine) == []
    # the shipped openers are still there, and other sentences still tell their events
    assert "يذكر ان" in mine.lexicon.words("reminders")
    assert events("قصفت قوات النظام بلدة مورك.", mine) == [("shelling", "مورك")]


def test_a_user_threat_verb_makes_the_attack_it_governs_no_event(resources, tmp_path):
    text = "وأنذر القائد بقصف بلدة مورك."
    assert events(text, resources) == [("shelling", "مورك")]
    # the verb's start is listed: "وأنذر" (with و) and "أنذرت" are found too
    assert events(text, with_file(resources, write(tmp_path, "threats: [أنذر]\n"))) == []


def test_a_user_count_word_makes_counted_attacks_a_tally(resources, tmp_path):
    text = "نفذت قوات النظام جملة هجمات على بلدة مورك."
    assert events(text, resources) == [("clash", "مورك")]
    assert events(text, with_file(resources, write(tmp_path, "counts: [جملة]\n"))) == []


def test_a_user_cause_must_be_a_reason_and_then_tells_no_event(resources, tmp_path):
    text = "أغلق المعبر بفعل قصف قوات النظام بلدة مورك."
    reason = with_file(resources, write(tmp_path, "reasons: [بفعل]\n"))
    assert ("shelling", "مورك") in events(text, reason)  # a reason only cuts the place before
    cause = with_file(resources, write(tmp_path, "reasons: [بفعل]\ncauses: [بفعل]\n"))
    assert events(text, cause) == []


def test_an_opening_is_a_whole_word_unless_a_star_ends_it(tmp_path):
    lexicon = load_lexicon([write(tmp_path, "continuing: [بعدها, وبعدها*]\n")])
    openings = lexicon.starts("continuing")
    assert "بعدها " in openings and "وبعدها" in openings
    assert "كما " in openings  # shipped
    assert "بعدهاا".startswith(openings) is False
    assert "وبعدهاا".startswith(openings)


def test_starts_puts_each_proclitic_before_each_word(tmp_path):
    lexicon = load_lexicon([write(tmp_path, "threats: [أنذر]\n")], shipped=False)
    assert lexicon.starts("threats", ("", "و")) == ("انذر", "وانذر")
    assert lexicon.words("no such list") == frozenset()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("reminders: {يذكر: أن}\n", 1, "reminders must be a list"),
        ("counts:\n  - ''\n", 2, "must be a non-empty word"),
        ("counts:\n  - [خمس, ست]\n", 2, "must be a non-empty word"),
        ("injured: [\"\u064b\"]\n", 1, "must be letters"),
        ("counts: [خمس*]\n", 1, "`*` may only end an opening"),
        ("reminders: [يذكر* أن]\n", 1, "must be letters"),
        ("reminder: [للتذكير]\n", 1, "unknown section 'reminder'"),
        ("ongoing: [المستمر]\ncauses:\n  - بفعل\n", 3, "not one of the `reasons`"),
    ],
)
def test_word_list_mistakes_are_reported_with_path_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        load_lexicon([path])
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert message in str(info.value)


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءئؤةى" + "\u064b\u064e\u064f\u0650\u0651\u0652"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=8).filter(lambda w: fold(w).strip()))
def test_a_listed_word_matches_itself_in_the_normalized_text(tmp_path_factory, word):
    # written as in the press (hamza, ة, harakat), a word is what the text layer makes of
    # the same word in an article: "مئات" in a list finds "مئات" in the text
    path = tmp_path_factory.mktemp("w") / "mine.yaml"
    path.write_text(f'injured: ["{word}"]\n', encoding="utf-8")
    lexicon = load_lexicon([path], shipped=False)
    assert lexicon.words("injured") == {normalize_text(word).text.strip()}


@pytest.mark.parametrize("text", ["نفذت قوات النظام مئات هجمات على بلدة مورك.",
                                  "تعرضت بلدة مورك لمئات الهجمات."])
def test_hundreds_of_attacks_are_a_tally(resources, text):
    # "مئات" reads "ميات" in the normalized text: written unfolded, the rules missed it
    assert events(text, resources) == []
    assert events("تعرضت بلدة مورك لهجمات.", resources) == [("shelling", "مورك")]
