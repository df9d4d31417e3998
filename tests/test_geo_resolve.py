"""Resolver: context ranking, ACLED precision, unknown places, overlay, CLI.

Built on the small fixture gazetteer of tests/data/geo/src (conftest's `geo_gaz`); the
sentences are short invented ones in the style of the news, and one is from the seed
article (Al Mayadeen, 2017-10-25, the project's founding example).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from marsad.cli import app
from marsad.geo import (
    PlaceContext,
    UnknownPlaces,
    explain,
    guess_country,
    load_gazetteer,
    resolve_place,
)
from marsad.geo.context import strip_clitics, word_before
from marsad.geo.mention import CUE_WORDS as _CUE_WORDS
from marsad.geo.mention import words_before as _words_before
from marsad.geo.overlay import add_places, make_place
from marsad.model import PlaceMatch
from marsad.text.normalize import normalize_text

NO_OVERLAY = Path("/nonexistent/overlay.tsv")


def ctx(text: str, mention: str, *, resolved: tuple[PlaceMatch, ...] = (),
        country: str | None = None) -> PlaceContext:
    """Context for the last occurrence of `mention` in `text`."""
    norm = normalize_text(text)
    pos = text.rfind(mention)
    assert pos >= 0
    return PlaceContext(norm, norm.norm_span(pos, pos + len(mention)), resolved, country)


def resolve(gaz, text: str, mention: str, **kw) -> PlaceMatch:
    match = resolve_place(mention, ctx(text, mention, **kw), gaz)
    assert match is not None
    return match


@pytest.mark.parametrize(
    ("text", "expected", "country"),
    [
        ("قصفت الطائرات بلدة ربيعة في ريف اللاذقية الشمالي", "syrianarchive:4861", "SY"),
        ("استعادت القوات العراقية بلدة ربيعة في محافظة نينوى", "marsad:rabia", "IQ"),
        ("دخلت القوات بلدة ربيعة شمالي العراق", "marsad:rabia", "IQ"),
    ],
)
def test_same_name_in_two_countries_chosen_by_context(geo_gaz, text, expected, country):
    match = resolve(geo_gaz, text, "ربيعة")
    assert (match.place_id, match.country, match.geo_precision) == (expected, country, 1)


def test_article_country_breaks_a_tie(geo_gaz):
    assert resolve(geo_gaz, "اشتباكات في ربيعة", "ربيعة", country="IQ").place_id == "marsad:rabia"
    assert resolve(geo_gaz, "اشتباكات في ربيعة", "ربيعة", country="SY").place_id == "syrianarchive:4861"


def test_nearby_resolved_place_wins(geo_gaz):
    near_iraqi_rabia = PlaceMatch("geonames:1", "x", 36.7, 42.1, 1)
    match = resolve(geo_gaz, "اشتباكات في ربيعة", "ربيعة", resolved=(near_iraqi_rabia,))
    assert match.place_id == "marsad:rabia"


@pytest.mark.parametrize(
    ("text", "mention", "place_id", "precision"),
    [
        ("استعادة القوات العراقية السيطرة على منفذ ربيعة الحدودي مع سوريا", "منفذ ربيعة",
         "marsad:rabia-border-crossing", 1),
        ("استعادة القوات العراقية السيطرة على منفذ ربيعة الحدودي مع سوريا", "ربيعة",
         "marsad:rabia-border-crossing", 1),
        ("سيطر الجيش على قسم كبير من حي الصناعة", "حي الصناعة", "syrianarchive:5766", 1),
        ("وصلت القوات إلى مشارف قرية جديدة عكيدات", "جديدة عكيدات", "syrianarchive:2853", 2),
        ("اشتباكات عنيفة في دير الزور", "دير الزور", "syrianarchive:2839", 1),
        ("غارات على مواقع في ريف دير الزور", "دير الزور", "syrianarchive:2839", 2),
        ("غارات على مواقع في أرياف محافظة دير الزور", "دير الزور", "ocha:SY09", 3),
        ("تقدم الحشد باتجاه جنوب القائم", "القائم", "geonames:92138", 2),
        ("وصلت التعزيزات إلى محيط القائم", "القائم", "geonames:92138", 2),
        ("الوضع في سوريا", "سوريا", "geonames:163843", 3),
    ],
)
def test_feature_words_and_relations_give_acled_precision(geo_gaz, text, mention, place_id, precision):
    match = resolve(geo_gaz, text, mention)
    assert (match.place_id, match.geo_precision) == (place_id, precision)


def test_seed_sentence_lands_on_tabiyat_al_jazira(geo_gaz):
    # Al Mayadeen, 2017-10-25 (the seed article), abridged.
    text = "سيطر الجيش السوري على قرية طابية الجزيرة على الضفة الشرقية للفرات في ريف دير الزور"
    match = resolve(geo_gaz, text, "طابية الجزيرة")
    assert match.place_id == "syrianarchive:2859"
    assert match.geo_precision == 1
    assert (match.lat, match.lon) == pytest.approx((35.2823, 40.3177))
    assert match.admin1 == "دير الزور"


def test_unknown_place_takes_the_enclosing_unit_at_precision_3(geo_gaz):
    text = "استهدفت المقاومة القاعدة الأميركية في حقل كونيكو في ريف دير الزور"
    match = resolve(geo_gaz, text, "حقل كونيكو")
    gov = geo_gaz.get("ocha:SY09")
    assert match.place_id is None
    assert match.name == "حقل كونيكو"
    assert match.geo_precision == 3
    assert (match.lat, match.lon) == (gov.lat, gov.lon)


def test_a_unit_joined_by_waw_is_a_second_place_not_the_first_ones_unit(shipped_gaz):
    # "حلب وريف إدلب": Aleppo and the Idlib countryside, not an Aleppo inside Idlib
    match = resolve(shipped_gaz, "قصفت الطائرات حلب وريف إدلب", "حلب")
    assert match.place_id is not None and match.geo_precision == 1
    assert match.admin1 == "حلب"
    # without the "و" the unit after the name locates it
    located = resolve(shipped_gaz, "قصفت الطائرات قرية كفرنبل في ريف إدلب", "كفرنبل")
    assert located.admin1 == "إدلب"
    # an adjective before the "و" changes nothing
    text = "استهدفت الطائرات مواقع في ريف اللاذقية الشمالي ومحيط إدلب"
    assert resolve(shipped_gaz, text, "اللاذقية").place_id is not None


def test_a_feature_word_whose_name_did_not_match_locates_nothing(shipped_gaz):
    # the seed article's tweet: the link glued to "دير الزور" hides the name, and
    # "مدينة" alone is no unit (it is also Medina's name in the gazetteer)
    text = "وضعية تظهر سيطرة الجيش السوري على حي الصناعة في مدينة دير الزورhttps://t.co/x"
    match = resolve(shipped_gaz, text, "حي الصناعة")
    assert match.country == "SY" and match.admin1 == "دير الزور"


def test_the_city_told_before_is_no_unit_named_city(shipped_gaz):
    # the seed article (Al Mayadeen, 2017-10-25): "في المدينة" is Deir ez-Zor, told before,
    # not a town called "المدينة" that would leave the quarter unknown
    text = ("يسيطرون على قرية طابية الجزيرة في ريف دير الزور وعلى قسم كبير من حي الصناعة "
            "في المدينة")
    match = resolve(shipped_gaz, text, "حي الصناعة")
    assert match.place_id is not None and match.admin1 == "دير الزور"


@pytest.fixture(scope="module")
def shipped_gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer(overlay=NO_OVERLAY)


def test_unresolved_name_resolves_to_its_unit_without_an_id(geo_gaz):
    match = resolve(geo_gaz, "قصف صاروخي على حقل العمر النفطي", "حقل العمر النفطي")
    assert match.place_id is None and match.geo_precision == 3
    gov = geo_gaz.get("ocha:SY09")
    assert (match.lat, match.lon) == (gov.lat, gov.lon)


def test_unknown_place_without_any_unit_falls_back_to_the_country(geo_gaz):
    match = resolve(geo_gaz, "انفجار في موقع مجهول", "موقع مجهول", country="SY")
    assert match.place_id is None and match.geo_precision == 3
    assert match.country == "SY" and match.feature == "country"
    assert resolve_place("موقع مجهول", ctx("انفجار في موقع مجهول", "موقع مجهول"), geo_gaz) is None


def test_guess_country_counts_country_and_admin_names(geo_gaz):
    norm = normalize_text("أعلنت القوات العراقية في الأنبار ونينوى أن العراق ... وسوريا")
    assert guess_country(norm, geo_gaz) == "IQ"


def test_explain_lists_candidates_with_reasons(geo_gaz):
    ranked = explain("ربيعة", ctx("بلدة ربيعة في ريف اللاذقية", "ربيعة"), geo_gaz)
    assert ranked[0].place.id == "syrianarchive:4861"
    assert len(ranked) >= 2 and ranked[0].score > ranked[1].score
    assert any("admin unit named in the sentence" in r for r in ranked[0].reasons)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("قصفت الطائرات بلدة ربيعة في ريف اللاذقية الشمالي", "ربيعة"),
        ("استعادت القوات العراقية بلدة ربيعة في محافظة نينوى", "ربيعة"),
        ("اشتباكات عنيفة في ربيعة", "ربيعة"),
        ("دخلت القوات بلدة ربيعة شمالي العراق", "ربيعة"),
    ],
)
def test_resolve_place_takes_what_explain_ranks_first(geo_gaz, text, mention):
    # resolve_place scores the runners-up without their reasons; it must still pick and
    # explain the same candidate as the full ranking (first of the best scores).
    context = ctx(text, mention, country="SY")
    ranked = explain(mention, context, geo_gaz)
    match = resolve_place(mention, context, geo_gaz)
    assert len(ranked) >= 2 and match is not None and not ranked[0].enclosing
    assert match.place_id == ranked[0].place.id
    assert match.score == ranked[0].score and match.geo_precision == ranked[0].geo_precision
    assert match.reason == "; ".join(ranked[0].reasons)


@given(st.text(alphabet="ابدرفليةو ،,.\n-قx1", max_size=120), st.integers(0, 130))
def test_short_window_reads_the_same_words_before(text, pos):
    pos = min(pos, len(text))
    assert _words_before(text, pos) == word_before(text, pos, 3)


def test_overlay_takes_precedence(geo_index, tmp_path):
    overlay = tmp_path / "overlay.tsv"
    add_places(overlay, [make_place("ربيعة", 36.1, 41.0, "village", "SY", "", "")])
    gaz = load_gazetteer(geo_index, overlay=overlay)
    [first, *_] = gaz.lookup("ربيعة")
    assert first.source == "user overlay"
    match = resolve(gaz, "اشتباكات في ربيعة", "ربيعة")
    assert match.place_id == first.id and (match.lat, match.lon) == (36.1, 41.0)


def test_unknown_places_report_round_trip(tmp_path):
    report = UnknownPlaces.open(tmp_path / "unknown.tsv")
    report.record("حقل كونيكو", "doc-1")
    report.record("حقل كونيكو", "doc-2")
    report.record("التنف", "doc-1")
    report.save()
    again = UnknownPlaces.open(tmp_path / "unknown.tsv")
    assert again.rows() == [("حقل كونيكو", 2, ["doc-1", "doc-2"]), ("التنف", 1, ["doc-1"])]


def test_cli_add_import_lookup_unknown(geo_index, tmp_path):
    runner = CliRunner()
    overlay = tmp_path / "o.tsv"
    res = runner.invoke(app, ["gazetteer", "add", "قرية الاختبار", "--lat", "35.5", "--lon", "40.5",
                              "--country", "SY", "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    tsv = tmp_path / "import.tsv"
    tsv.write_text("name\tlat\tlon\tkind\tcountry\nتل التجربة\t35.6\t40.6\ttown\tSY\n", encoding="utf-8")
    res = runner.invoke(app, ["gazetteer", "import", str(tsv), "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    gaz = load_gazetteer(geo_index, overlay=overlay)
    assert gaz.lookup("الاختبار")[0].source == "user overlay"
    assert gaz.lookup("تل التجربة")[0].feature == "town"
    res = runner.invoke(app, ["gazetteer", "lookup", "ربيعة", "--context", "بلدة ربيعة في ريف اللاذقية",
                              "--index", str(geo_index), "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    assert "syrianarchive:4861" in res.output and "chosen: syrianarchive:4861" in res.output


def test_cli_import_rejects_a_bad_row(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("name\tlat\tlon\nمكان\tشمال\t40\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["gazetteer", "import", str(tsv), "--overlay", str(tmp_path / "o.tsv")])
    assert res.exit_code != 0
    assert "bad.tsv:2: lat/lon must be numbers" in str(res.exception) + res.output
    assert not (tmp_path / "o.tsv").exists()


def test_shipped_index_loads_and_resolves_the_seed_place():
    gaz = load_gazetteer(overlay=NO_OVERLAY)
    assert len(gaz) > 10_000
    text = "سيطر الجيش السوري على قرية طابية الجزيرة على الضفة الشرقية للفرات في ريف دير الزور"
    assert resolve(gaz, text, "طابية الجزيرة").place_id == "syrianarchive:2859"
    assert resolve(gaz, text, "دير الزور").geo_precision == 2


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        ("استهدفت القوات سفينة تجارية في البحر الأحمر قبالة سواحل اليمن", "البحر الأحمر",
         "geonames:350155"),
        ("أعلنت القوات اعتراض سفينة في خليج عدن", "خليج عدن", "geonames:80303"),
        ("وصلت حاملة الطائرات إلى المحيط الهندي", "المحيط الهندي", "geonames:1545739"),
    ],
)
def test_seas_and_gulfs_resolve_as_areas(geo_gaz, text, mention, place_id):
    # Seas are wide areas: ACLED precision 3 at GeoNames' point, never a coastal town.
    match = resolve(geo_gaz, text, mention)
    assert (match.place_id, match.geo_precision, match.feature) == (place_id, 3, "sea")


@pytest.mark.parametrize(
    ("word", "bare"),
    [("وبريف", "ريف"), ("بالقرب", "قرب"), ("للقري", "قري"), ("والريف", "ريف"), ("ريف", "ريف"),
     ("وب", "وب"), ("فالقصف", "قصف")],
)
def test_strip_clitics(word, bare):
    assert strip_clitics(word) == bare


def test_a_feature_word_with_a_clitic_before_the_name_counts(geo_gaz):
    # "وبلدة" must read as the feature word "بلدة" (stripping "ب" alone would leave "لدة").
    ranked = explain("ربيعة", ctx("قصفت الطائرات ريف اللاذقية وبلدة ربيعة", "ربيعة"), geo_gaz)
    assert any(r.startswith("feature word") for r in ranked[0].reasons)


def test_a_town_beats_the_sub_district_named_after_it():
    from marsad.geo.index import settlements_over_units as _settlements_over_units
    from marsad.geo.place import Place

    unit = Place("ocha:SY050201", "سلحب", "subdistrict", 35.27, 36.33, "SY",
                 admin_ids=("ocha:SY05", "ocha:SY0502"))
    town = Place("sa:3115", "تل سلحب", "town", 35.25, 36.38, "SY",
                 admin_ids=("ocha:SY05", "ocha:SY0502", "ocha:SY050201"))
    elsewhere = Place("ocha:SY070101", "سلحب", "subdistrict", 36.0, 36.6, "SY")
    assert _settlements_over_units([unit, town, elsewhere]) == [town, elsewhere]
    assert _settlements_over_units([unit]) == [unit]


def test_name_memos_stay_bounded(monkeypatch):
    import marsad.geo.gazetteer as gazetteer_module

    monkeypatch.setattr(gazetteer_module, "MEMO_SIZE", 2)
    memo: dict[int, str] = {}
    for i in range(5):
        assert gazetteer_module.remember(memo, i, str(i)) == str(i)
        assert len(memo) <= 2
    assert memo[4] == "4"


# --- the fast paths read the same as the plain ones they replace -------------------------

_CLITICS = ["", "و", "ب", "ل", "ف", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ول", "وب",
            "فب", "وبال", "فبال", "ولل", "فل", "وك", "وكال", "لال"]
_LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"


@given(st.sampled_from(_CLITICS), st.one_of(st.just(""), st.just("ال")),
       st.sampled_from(sorted(_CUE_WORDS)),
       st.text(_LETTERS, max_size=2), st.text(_LETTERS + " ,.", max_size=8))
def test_the_cue_table_reads_words_as_the_cue_function_does(clitic, article, cue, tail, other):
    from marsad.geo.mention import CUE_OF as _CUE_OF
    from marsad.geo.mention import bare_cue as _cue

    for word in (clitic + article + cue, clitic + article + cue + tail, other, other.strip(",.")):
        read = _cue(word)
        assert _CUE_OF.get(word) == (read if read in _CUE_WORDS else None), word


def _list_cue_by_regex(text: str, start: int) -> str | None:
    """The list-cue reading as it was written with regex tokens (the reference)."""
    import re

    from marsad.geo.mention import _BREAK, _ITEM_SPLIT, _LIST_CUES
    from marsad.geo.mention import bare_cue as _cue

    j = start
    glued = j > 0 and text[j - 1] == "و" and (j < 2 or text[j - 2] == " ")
    if glued:
        j -= 1
    window = text[max(0, j - 80) : j]
    if not glued and not (window.rstrip().endswith(",") or window.rstrip().endswith(" و")):
        return None
    words = list(re.finditer(r"\S+", window))
    for k in range(len(words) - 1, max(-1, len(words) - 10), -1):
        token = words[k].group()
        w = _cue(token.strip(",."))
        if w in _LIST_CUES:
            between = window[words[k].end() :].strip()
            items = [i for i in _ITEM_SPLIT.split(between) if i.strip()]
            return w if items and all(len(i.split()) <= 3 for i in items) else None
        if _BREAK.search(token):
            return None
    return None


_LIST_PIECES = ["محافظات", "وبلدات", "مدن", "قري", "ريفي", "محاور", "ادلب", "حماه", "حلب",
                "دير", "الزور", "و", ",", " ,", ", ", ".", "\n", "  ", " ", "\t", "والرقه", "في"]


@given(st.lists(st.sampled_from(_LIST_PIECES), max_size=14), st.sampled_from(["", " ", "و", " و"]))
def test_list_cues_read_by_split_as_by_regex(pieces, glue):
    from marsad.geo.mention import list_cue as _list_cue

    text = " ".join(pieces) + glue
    start = len(text)
    text += "ربيعه في الريف"
    assert _list_cue(text, start) == _list_cue_by_regex(text, start)


@given(st.text("ابتالهةىي ـ.,-«»()\n\t" + "ا" * 5, max_size=30))
def test_canonical_of_a_surface_key_needs_no_second_fold(name):
    from marsad.geo.names import canonical, canonical_key, folded_surface_key, surface_key
    from marsad.text.normalize import fold

    key = surface_key(name)
    assert fold(key) == key  # folding is idempotent: a key is its own folded form
    assert canonical_key(key) == canonical(key)
    # what the resolver's `_key` relies on: a key is made a key again without folding
    assert folded_surface_key(key) == surface_key(key)


def test_the_ranked_index_ranks_every_key_as_a_lookup_does(geo_gaz):
    index = geo_gaz.ranked_index()
    assert len(index) == len(list(geo_gaz.keys()))
    for key, places in index.items():
        assert list(places) == geo_gaz._lookup_key(key)
        assert geo_gaz.lookup_key(key) == geo_gaz._lookup_key(key)
    # a spelling no key holds is ranked on the spot, like any lookup
    assert geo_gaz.lookup_key("ربيعه") == geo_gaz.lookup("ربيعة", strip_feature=False)


def test_article_scans_are_kept_by_identity_and_by_text(geo_gaz):
    norm = normalize_text("قصفت الطائرات بلدة ربيعة في ريف اللاذقية الشمالي")
    doc = geo_gaz.doc_context(norm)
    assert geo_gaz.doc_context(norm) is doc
    # the same text in another NormText (guess_country builds one) reads the same scan
    again = normalize_text("قصفت الطائرات بلدة ربيعة في ريف اللاذقية الشمالي")
    assert geo_gaz.doc_context(again) is doc
    size = geo_gaz.doc_cache_size
    for k in range(size + 3):
        geo_gaz.doc_context(normalize_text(f"قصفت الطائرات حلب {k}"))
    assert len(geo_gaz._doc_cache) <= size
    # an evicted article is scanned again, to the same hits
    assert [h.start for h in geo_gaz.doc_context(norm).hits] == [h.start for h in doc.hits]


def test_the_resolver_index_holds_what_a_name_read_bare_computes(geo_gaz):
    from marsad.geo.index import build_resolver_index
    from marsad.geo.index import candidate_entries as _entries
    from marsad.geo.index import settlements_over_units as _settlements_over_units
    from marsad.geo.mention import Cues as _Cues
    from marsad.geo.resolve import _candidates

    index = build_resolver_index(geo_gaz)
    assert build_resolver_index(geo_gaz) is index  # built once per gazetteer
    ranked = geo_gaz.ranked_index()
    # every key but those still opening with ال once the article is stripped
    assert set(index) == {k for k in ranked if not k.startswith("ال")}
    assert any(len(entries) > 1 for entries, _ in index.values())
    for key, (entries, site) in index.items():
        # `_prepare`'s general path for the name `key` with no feature word
        places, general_site = _candidates(_Cues(key, None, None, key), geo_gaz)
        if len(places) > 1:
            places = _settlements_over_units(places)
        exact = {p.id for p in geo_gaz.exact_key(key)}
        assert (entries, site) == (_entries(places, exact, geo_gaz), general_site), key


def test_the_resolver_makes_the_same_place_matches_as_the_dataclass():
    import dataclasses

    from marsad.geo.index import match_factory as _match_factory

    make = _match_factory()
    assert make is not PlaceMatch  # the fast maker is in use for the current record
    for values in [
        ("geonames:1", "حلب", 36.2, 37.1, 1, "city", "SY", "حلب", "جبل سمعان", None, 2_000_000,
         4.5, "city; in the article's country SY"),
        (None, "X", 0.0, -1.5, 3, "unknown", None, None, None, None, None, 0.0, ""),
    ]:
        fast, plain = make(*values), PlaceMatch(*values)
        assert type(fast) is PlaceMatch
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert dataclasses.astuple(fast) == values
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.lat = 1.0  # type: ignore[misc]


@given(st.text("ابتالهةىيأإآؤئ ـًّ.,-«»()\"'/\n\t\r\u00a0\u200c\u2003\x1cﻻﷺ،؛٣Éé" + "ا" * 5, max_size=30))
def test_a_surface_key_is_made_in_one_pass_as_by_folding_first(name):
    from marsad.geo.names import _PUNCT_TO_SPACE, _key_table, folded_surface_key, surface_key
    from marsad.text.normalize import fold, fold_chars

    # what `surface_key` relies on: folding then mapping punctuation gives the same words
    # as the one composed table, whatever white space folding would have collapsed
    assert fold_chars(name, _key_table()).split() == fold(name).translate(_PUNCT_TO_SPACE).split()
    assert surface_key(name) == folded_surface_key(fold(name))
