"""Gazetteer build: every source format, merging, variants, admin chains, GeoNames dumps.

The fixtures in tests/data/geo/src mirror the layout of the real sources (see their
SOURCES.md) with a handful of rows each; the GeoNames rows carry GeoNames' real values
(CC BY 4.0), the Syrian Archive rows are its (CC BY-SA 4.0, "Syrian Archive / Mnemonic").
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.errors import GazetteerError
from marsad.geo import load_gazetteer
from marsad.geo.build import DATA_DIR, BuildOptions, build_gazetteer
from marsad.geo.names import canonical, name_variants, surface_key
from marsad.geo.sources import parse_syrian_archive_name, read_geonames, read_seas

DATA = Path(__file__).parent / "data" / "geo"
NO_OVERLAY = Path("/nonexistent/overlay.tsv")


@pytest.mark.parametrize(
    ("composite", "names", "admin", "city"),
    [
        ("ابين- عفرين - مركز عفرين - عفرين --- (((0)))", ["ابين"], ["عفرين", "مركز عفرين"], None),
        ("بابليت - مركز عفرين - عفرين --- (((2)))", ["بابليت"], ["عفرين", "مركز عفرين"], None),
        ("جوبان_الشيخ جوبان - مركز عين العرب - عين العرب --- (((237)))",
         ["جوبان", "الشيخ جوبان"], ["عين العرب", "مركز عين العرب"], None),
        ("مدينة حلب : حي السكري --- (((5700)))", ["حي السكري"], [], "حلب"),
        ("حامـــو - مركز القامشلي - القامشلي --- (((1874)))", ["حامو"], ["القامشلي", "مركز القامشلي"], None),
    ],
)
def test_syrian_archive_names_parse(composite, names, admin, city):
    assert parse_syrian_archive_name(composite) == (names, admin, city)


def test_merge_keeps_preferred_id_and_aliases(geo_gaz):
    # Deir ez-Zor city comes from Syrian Archive, OCHA, GeoNames and the curated list.
    place = geo_gaz.get("geonames:170794")
    assert place is not None
    assert place.id == "syrianarchive:2839"
    assert {"ocha:C5086", "geonames:170794", "marsad:deir-ez-zor"} <= set(place.aliases)
    assert geo_gaz.get("ocha:C5086") is place
    assert place.feature == "city"
    assert place.population == 242565


def test_iraqi_town_keeps_geonames_id(geo_gaz):
    [qaim] = [p for p in geo_gaz.lookup("القائم") if p.feature != "district"]
    assert qaim.id == "geonames:92138"
    assert qaim.country == "IQ"


def test_admin_units_keep_ocha_pcode_and_centroid(geo_gaz):
    gov = geo_gaz.get("ocha:SY09")
    assert gov is not None and gov.feature == "governorate"
    # centroid of the fixture's box (39.5..41.0, 34.4..36.0), not OpenSyria's point
    assert gov.lat == pytest.approx(35.2) and gov.lon == pytest.approx(40.25)
    assert "geonames:170792" in gov.aliases
    assert "محافظة دير الزور" in gov.names


def test_admin_chain_by_point_in_polygon(geo_gaz):
    tabiya = geo_gaz.get("syrianarchive:2859")
    assert tabiya.admin_ids[:2] == ("ocha:SY09", "ocha:SY0901")
    assert tabiya.admin[0] == "دير الزور"
    found = [p.id for p in geo_gaz.locate(34.4, 41.2)]
    assert found == ["geonames:99237", "ocha:IQG01", "ocha:IQG01Q02"]


def test_countries_from_natural_earth_with_arabic_names(geo_gaz):
    [syria] = geo_gaz.lookup("سوريا")
    assert syria.id == "geonames:163843" and syria.feature == "country"
    assert geo_gaz.lookup("سورية") == [syria]
    # the fixture's Syria square spans 35..41 E, 32..40 N: its centroid
    assert (syria.lat, syria.lon) == pytest.approx((36.0, 38.0))


def test_unresolved_rows_are_never_points(geo_gaz):
    [omar] = geo_gaz.lookup("حقل العمر النفطي")
    assert omar.feature == "unresolved"
    gov = geo_gaz.get("ocha:SY09")
    assert (omar.lat, omar.lon) == (gov.lat, gov.lon)
    # a row without a fallback unit is left out
    assert geo_gaz.lookup("حاوي الجزيرة") == []


def test_rows_without_coordinates_are_skipped(geo_gaz):
    assert geo_gaz.lookup("مكان بلا إحداثيات") == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("طابية الجزيرة", "syrianarchive:2859"),  # source writes "طابية جزيرة"
        ("جديدة عكيدات", "syrianarchive:2853"),  # source writes "جديد عكيدات"
        ("ديرالزور", "syrianarchive:2839"),
        ("دير الزّور", "syrianarchive:2839"),
        ("حي الصناعة", "syrianarchive:5766"),
        ("الصناعه", "syrianarchive:5766"),
        ("Deir ez-Zor", "syrianarchive:2839"),
    ],
)
def test_lookup_tolerates_spelling_variants(geo_gaz, written, expected):
    assert expected in [p.id for p in geo_gaz.lookup(written)]


def test_keys_have_no_article_or_feature_word(geo_gaz):
    keys = set(geo_gaz.keys())
    assert "طابيه الجزيره" in keys and "صناعه" in keys and "ميادين" not in keys
    assert not any(k.startswith("ال") and len(k) > 4 and k[2:] in keys for k in keys if " " not in k)
    assert "حي الصناعه" not in keys


def test_geonames_dump_and_alternate_names(tmp_path):
    out = tmp_path / "full"
    report = build_gazetteer(BuildOptions(source_dir=None, geonames=[DATA / "XX.txt"],
                                          alternate_names=DATA / "alternateNames.txt", output=out))
    # No countries without Natural Earth outlines; the package's GeoNames seas always come.
    assert report.read["geonames seas"] == len(read_seas(DATA_DIR / "seas.tsv")) > 0
    assert report.places == 3 + report.read["geonames seas"]
    with gzip.open(out / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh]
    got = {(r[0], r[2], r[3], r[4], r[6], r[8]) for r in rows if r[2] != "sea"}
    assert got == {
        ("geonames:9000001", "village", "36.00000", "42.50000", "IQ", "تل عاشق"),
        ("geonames:9000002", "bridge", "35.90000", "42.60000", "IQ", "جسر الشيخ"),
        ("geonames:9000003", "river", "35.80000", "42.70000", "IQ", "Wadi X"),
    }
    gaz = load_gazetteer(out, overlay=NO_OVERLAY)
    assert [p.id for p in gaz.lookup("تل عاشق")] == ["geonames:9000001"]
    # GeoNames' Red Sea row (geonameid 350155), with the Arabic name marsad adds to it.
    red_sea = gaz.lookup("البحر الأحمر")
    assert [(p.id, p.feature, p.lat, p.lon) for p in red_sea] == [
        ("geonames:350155", "sea", 20.26735, 38.53455)]
    assert gaz.lookup("تل عاشق القديم") == []  # historic name skipped


def test_grow_the_shipped_sources_with_a_dump(tmp_path):
    out = tmp_path / "grown"
    build_gazetteer(BuildOptions(source_dir=DATA / "src", geonames=[DATA / "XX.txt"],
                                 alternate_names=DATA / "alternateNames.txt", output=out))
    gaz = load_gazetteer(out, overlay=NO_OVERLAY)
    village = gaz.get("geonames:9000001")
    assert village.admin_ids[0] == "ocha:IQG15"  # admin chain from the polygons
    assert gaz.get("syrianarchive:2859") is not None


def test_bad_dump_names_file_and_line(tmp_path):
    bad = tmp_path / "SY.txt"
    bad.write_text("1\tonly three\tcolumns\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"SY.txt:1: expected 19"):
        read_geonames(bad)


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerError, match="gazetteer index not found"):
        load_gazetteer(tmp_path, overlay=NO_OVERLAY)


@pytest.mark.parametrize(
    ("a", "b"),
    [("دير الزور", "ديرالزور"), ("طابية الجزيرة", "طابية جزيرة"), ("جديدة عكيدات", "جديد عكيدات"),
     ("الرقة", "رقه"), ("إدلب", "ادلب"), ("حماة", "حماه")],
)
def test_canonical_keys_meet(a, b):
    assert canonical(a) == canonical(b)


def test_variants_cover_article_taa_and_spacing():
    assert {"طابيه الجزيره", "طابيه جزيره"} <= name_variants("طابية جزيرة")
    assert {"تل ابيض", "تله ابيض"} <= name_variants("تل أبيض")
    assert "كفر جوم" in name_variants("كفر جوم غربية")
    assert "ديرالزور" in name_variants("دير الزور")


def test_a_plant_is_also_known_by_its_bare_name():
    # the news writes "حقل كونيكو" and "حقل غاز كونيكو" for "معمل غاز كونيكو"
    assert {"كونيكو", "غاز كونيكو"} <= name_variants("معمل غاز كونيكو")
    assert "معمل غاز كونيكو" not in name_variants("معمل غاز كونيكو")


arabic_words = st.lists(
    # "ة" only ends a word: normalization reads a letter after it as the next word
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوية", min_size=2, max_size=6).filter(
        lambda w: not w.startswith("ال") and "ة" not in w[:-1]
    ),
    min_size=1,
    max_size=3,
)


@given(arabic_words)
def test_surface_key_is_idempotent_and_canonical_ignores_article(words):
    name = " ".join(words)
    assert surface_key(surface_key(name)) == surface_key(name)
    assert canonical("ال" + name) == canonical(name)


def test_grow_an_existing_index_without_the_sources(geo_index, tmp_path):
    out = tmp_path / "grown"
    build_gazetteer(BuildOptions(source_dir=None, base=geo_index, geonames=[DATA / "XX.txt"],
                                 alternate_names=DATA / "alternateNames.txt", output=out))
    before = load_gazetteer(geo_index, overlay=NO_OVERLAY)
    after = load_gazetteer(out, overlay=NO_OVERLAY)
    assert len(after) == len(before) + 3
    assert after.get("geonames:170794").id == "syrianarchive:2839"
    assert after.get("geonames:9000001").admin_ids[0] == "ocha:IQG15"
    assert [p.id for p in after.locate(35.3, 40.1)] == [p.id for p in before.locate(35.3, 40.1)]


def test_major_keys_agree_with_looking_every_key_up(geo_gaz):
    # major_keys() is the matcher's fast path; it must mean what a lookup per key means.
    slow = {
        key for key in list(geo_gaz.keys())
        if any(p.feature in {"city", "country", "governorate", "district", "region", "sea",
                             "airbase", "border crossing", "oil field"}
               or (p.population or 0) >= 50_000 for p in geo_gaz.lookup(key))
    }
    assert geo_gaz.major_keys() == slow
    assert "بحر الاحمر" in slow  # a sea is named bare in the news


def test_seas_file_rejects_a_land_feature(tmp_path):
    bad = tmp_path / "seas.tsv"
    bad.write_text("geonameid\tname_en\tlat\tlon\tfcode\tnames_ar_geonames\tnames_ar_marsad\n"
                   "1\tX\t1\t2\tPPL\t\tس\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"seas.tsv:2: not a sea feature code"):
        read_seas(bad)


def _row(pid: str, feature: str, names: list[str], admin: list[str]):
    from marsad.geo.merge import Row

    keys = set().union(*(name_variants(n) for n in names))
    return Row(pid, [], feature, 35.0, 36.0, None, "SY", admin, names[0], "", names, keys,
               {canonical(k) for k in keys}, ["test"])


def test_lead_words_are_dropped_only_where_no_other_place_is_taken():
    from marsad.geo.build import _bare_name_keys

    unit = _row("ocha:SY050201", "subdistrict", ["سلحب"], ["ocha:SY05"])
    town = _row("sa:1", "town", ["تل سلحب"], ["ocha:SY05", "ocha:SY050201"])
    other = _row("sa:2", "village", ["تل أبيض"], ["ocha:SY11"])  # "ابيض" is no key: kept out
    harir = _row("ocha:IQ1", "subdistrict", ["ديرة حرير"], ["ocha:IQG11"])
    taken = _row("ocha:IQ2", "subdistrict", ["ديرة عمر"], ["ocha:IQG12"])
    omar = _row("sa:3", "village", ["عمر"], ["ocha:SY02"])
    _bare_name_keys([unit, town, other, harir, taken, omar])
    assert "سلحب" in town.keys and canonical("سلحب") in town.canon
    assert "ابيض" not in other.keys
    assert "حرير" in harir.keys
    assert "عمر" not in taken.keys  # another place already answers to "عمر"
