"""The article scan (`Gazetteer.doc_context`): which names count as the article's places.

Short invented sentences in the style of the news, scanned with the shipped gazetteer;
each test was checked to fail without the rule it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo import load_gazetteer
from marsad.geo.context import DocContext
from marsad.lexicon.loader import load_lexicon
from marsad.text.normalize import normalize_text

NO_OVERLAY = Path("/nonexistent/overlay.tsv")
#: a few of the lexicon's common words (ordinary words that are also place names)
COMMON = ("خمس", "فجر", "انه", "وانه", "دانا", "مدينه")


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    # the outlet nouns the pipeline gives the scan (the lexicon's `outlet_nouns`)
    return load_gazetteer(overlay=NO_OVERLAY, common_words=COMMON,
                          outlet_nouns=load_lexicon().words("outlet_nouns"))


def names(doc: DocContext) -> list[str]:
    """The normalized names the scan counted, in text order."""
    return [doc.norm.text[h.start : h.end] for h in doc.hits]


@pytest.mark.parametrize("outlet", ["مراسل", "مصادر", "قناة", "وكالة", "لمراسلة", "فضائية"])
def test_a_name_after_an_outlet_noun_is_the_outlet_not_a_place(gaz, outlet):
    # "الميادين" is a Syrian town and district, and the TV channel
    doc = gaz.doc_context(normalize_text(f"وقال {outlet} الميادين إن الطائرات قصفت حلب"))
    assert names(doc) == ["حلب"]
    assert "syrianarchive:2797" not in doc.id_counts


def test_the_town_named_as_a_place_still_counts(gaz):
    doc = gaz.doc_context(normalize_text("قصفت الطائرات مدينة الميادين"))
    assert names(doc) == ["ميادين"]
    assert doc.id_counts["syrianarchive:2797"] == 1


def test_common_words_count_only_after_a_feature_word(gaz):
    # "خمس" (five, a Libyan town), "فجر" (dawn, an Iraqi sub-district), "وانه" ("and that
    # it", a sub-district), "دانا" inside "بدأنا" (we began; a Syrian sub-district)
    text = "بدأنا العمل مع فجر اليوم بعد مقتل خمس مدنيين وانه لم يعد في حلب"
    doc = gaz.doc_context(normalize_text(text))
    assert names(doc) == ["حلب"]
    assert doc.country == "SY"
    # after a feature word the name is a place again
    doc = gaz.doc_context(normalize_text("قصفت الطائرات مدينة خمس"))
    assert names(doc) == ["خمس"]
    assert doc.country == "LY"


def test_without_common_words_every_name_counts():
    # a gazetteer loaded without the lexicon's words scans as before
    plain = load_gazetteer(overlay=NO_OVERLAY)
    doc = plain.doc_context(normalize_text("قتل خمس مدنيين في حلب"))
    assert names(doc) == ["خمس", "حلب"]


def test_the_pipeline_gives_the_gazetteer_the_lexicon_common_words(resources):
    assert resources.lexicon.common_words
    assert resources.gazetteer.common_words == resources.lexicon.common_words
