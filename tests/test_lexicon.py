"""Lexicons as data: the shipped files load, user files extend them, mistakes name path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import LexiconError
from marsad.lexicon import load_lexicon
from marsad.lexicon.model import ENTRY_KINDS
from marsad.model import Document
from marsad.pipeline import extract, load_resources
from marsad.recognize.matcher import Matcher
from marsad.text.normalize import fold


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_lexicon_covers_every_actor_of_actors_md():
    lexicon = load_lexicon()
    ids = {"SYR_MIL", "SYR_ALLIES", "SYR_NDF", "HEZBOLLAH", "IRN_MIL", "RUS_MIL", "IRQ_MIL",
           "IRQ_PMF", "KATAIB_HEZBOLLAH", "IRQ_RESISTANCE", "KRG_PESHMERGA", "ISIS", "SDF", "YPG",
           "US_COALITION", "TUR_MIL", "SNA", "HTS", "ISR_MIL", "TRIBES", "PKK", "HOUTHIS",
           "SAUDI_COALITION", "LNA", "LBY_GOV", "UNKNOWN", "CIVILIANS"}
    assert ids <= set(lexicon.actors)
    assert lexicon.coalition("IRQ_PMF") == "iraq_gov"
    assert lexicon.coalition("SYR_ALLIES") == "syria_gov"
    named = {e.value for e in lexicon.entries if e.kind == "actor"}
    assert ids <= named  # every actor has at least one name


def test_both_sides_vocabulary_names_one_actor():
    lexicon = load_lexicon()
    matcher = Matcher(lexicon)
    for text, actor in [("قوات النظام", "SYR_MIL"), ("الجيش العربي السوري", "SYR_MIL"),
                        ("الاحتلال الأميركي", "US_COALITION"), ("تنظيم الدولة", "ISIS"),
                        ("جهاز مكافحة الإرهاب", "IRQ_MIL"), ("قسد", "SDF"),
                        # a state acting as a state is its forces' id (ACTORS.md)
                        ("مجلس النواب الأميركي", "US_COALITION"),
                        ("البرلمان العراقي", "IRQ_MIL")]:
        hits = [h for h in matcher.hits(fold(text)) if h.entry.kind == "actor"]
        assert [h.entry.value for h in hits] == [actor], text


def test_user_file_adds_a_name_to_an_actor(tmp_path):
    path = write(tmp_path, "actors:\n  SYR_MIL:\n    names: [كتيبة الاختبار]\n")
    lexicon = load_lexicon([path])
    assert any(e.form == "كتيبه الاختبار" and e.value == "SYR_MIL" for e in lexicon.entries)
    res = load_resources([path])
    doc = Document("t", "كتيبة الاختبار تسيطر على بلدة مورك.", None)
    assert [(e.kind, e.actor1) for e in extract(doc, res)] == [("capture", "SYR_MIL")]


def test_user_file_defines_a_new_actor(tmp_path):
    path = write(tmp_path, "actors:\n  NEW_FORCE:\n    coalition: others\n    acled: Some Force\n"
                           "    names: [القوة الجديدة]\n")
    lexicon = load_lexicon([path])
    assert lexicon.actors["NEW_FORCE"].coalition == "others"


def test_dated_name_belongs_to_its_actor_only_in_its_period():
    lexicon = load_lexicon()
    dated = [e for e in lexicon.entries if e.form == "جيش الثوار"]
    assert {(e.value, e.since is not None, e.until is not None) for e in dated} == \
        {("SDF", True, False), ("SNA", False, True)}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("actors:\n  SYR_MIL:\n    names: [ok]\n  bad id:\n    names: [x]\n", 4, "UPPER_SNAKE"),
        ("triggers:\n  - kind: bombing\n    cues: [قصف]\n", 2, "unknown event kind"),
        ("triggers:\n  - kind: capture\n    cues: [سي*طر]\n", 3, "may only end a word"),
        ("actors:\n  NEW_ONE:\n    names: [اسم]\n", 2, "missing 'coalition'"),
        ("actors:\n  SYR_MIL:\n    names:\n      - {name: اسم, since: yesterday}\n", 4,
         "not an ISO date"),
        ("means:\n  airstrike: [طائرة]\n  rockets: [صاروخ]\n", 3, "unknown event kind"),
        ("means:\n  payload:\n    gas: [غاز]\n", 3, "means.payload: unknown event kind"),
        ("sections:\n  - x\n", 1, "unknown section"),
        ("actors: [\n", 2, "not valid YAML"),
        ("generic:\n  - refers_to: [state]\n    default: NOBODY\n    names: [الجيش]\n", 3,
         "unknown actor id"),
        ("actors:\n  SYR_MIL:\n    names: [جيش الاختبار]\n  ISIS:\n    names: [جيش الاختبار]\n",
         5, "already actor SYR_MIL"),
        ("linked_names: [قناة الاختبار]\n", 1, "must be one word"),
        # named word lists (lexicon.words)
        ("reminders: {يذكر: أن}\n", 1, "reminders must be a list"),
        ("counts:\n  - ''\n", 2, "must be a non-empty word"),
        ("counts:\n  - [خمس, ست]\n", 2, "must be a non-empty word"),
        ("injured: [\"\u064b\"]\n", 1, "must be letters"),
        ("counts: [خمس*]\n", 1, "`*` may only end an opening"),
        ("reminders: [يذكر* أن]\n", 1, "must be letters"),
        ("reminder: [للتذكير]\n", 1, "unknown section 'reminder'"),
        ("ongoing: [المستمر]\ncauses:\n  - بفعل\n", 3, "not one of the `reasons`"),
        ("force_heads: {كتائب: روسية}\n", 1, "force_heads must be a list"),
        ("name_stops:\n  - ''\n", 2, "must be a non-empty word"),
        ("helper_marks: [بمؤازرة*]\n", 1, "`*` may only end an opening"),
        ("trailing_adjectives:\n  - التجاري*\n", 2, "`*` may only end an opening"),
        ("link_word: [المطلة]\n", 1, "unknown section 'link_word'"),
        ("stationed: [المرابطة]\ndescribed_features:\n  - الحصن\n", 3,
         "not a `places` drop or keep word"),
        # the lists compare a feature's form, which has no article
        ("described_features: [القرية]\n", 1, "written without its article"),
        # a borrowed name needs its names and its where words, and known fields only
        ("actors:\n  SYR_MIL:\n    borrows:\n      - names: [قوات التحالف]\n", 4,
         "needs `names` and `where`"),
        ("actors:\n  SYR_MIL:\n    borrows:\n      - {names: [x], where: [y], when: z}\n",
         4, "unknown field 'when'"),
    ],
)
def test_mistakes_are_reported_with_path_and_line(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        load_lexicon([path])
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert message in str(info.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon file"):
        load_lexicon([tmp_path / "absent.yaml"])


def test_a_payload_decides_the_kind_only_without_a_weapon(resources):
    # chemicals (means.payload) say what was dropped, not how
    def kinds(text):
        return sorted(e.kind for e in extract(Document("t", text, None), resources))
    assert kinds("قصف الطيران المروحي بالبراميل المتفجرة المحملة بغاز الكلور بلدة كفرزيتا.") == \
        ["airstrike"]
    assert kinds("قصفت قوات النظام بلدة كفرزيتا بقذائف مدفعية محملة بغاز الكلور.") == ["shelling"]
    # with no weapon named, chemicals were dropped from the air (triggers.yaml payload)
    assert kinds("قصفت قوات النظام بلدة كفرزيتا بغاز الكلور.") == ["airstrike"]


def test_actor_names_that_name_a_weapon_carry_its_kind():
    lexicon = load_lexicon()
    weapon = {e.form: e.attr("weapon") for e in lexicon.entries if e.kind in ("actor", "generic")}
    assert weapon["سلاح الجو الروسي"] == "airstrike"
    assert weapon["مدفعيه الجيش السوري"] == "shelling"
    assert weapon["جيش السوري"] is None


def test_every_entry_kind_is_a_documented_one():
    # ENTRY_KINDS is the list of kinds the frame rules read: a loader typo would show here
    kinds = {e.kind for e in load_lexicon().entries}
    assert kinds <= set(ENTRY_KINDS)
    assert {"actor", "trigger", "means", "place_name"} <= kinds


def test_a_user_file_adds_a_site_to_an_actor(tmp_path):
    path = write(tmp_path, "actors:\n  US_COALITION:\n    sites: [قاعدة الاختبار]\n")
    lexicon = load_lexicon([path])
    assert lexicon.site_holder("قاعدة الاختبار") == "US_COALITION"
    assert lexicon.site_holder("التنف") == "US_COALITION"  # the shipped sites are kept
    assert lexicon.site_holder("حلب") is None
    # a town that hosts a base is a site only named with its base word
    assert (lexicon.site_holder("الشدادي"), lexicon.site_holder("قاعدة الشدادي")) == \
        (None, "US_COALITION")
