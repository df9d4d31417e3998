"""Linked names glued to their neighbours are split off again, offsets intact."""

from __future__ import annotations

import pytest

from marsad.text.normalize import normalize_text
from marsad.text.unglue import unglue


def words_and_originals(raw: str) -> list[tuple[str, str]]:
    norm = unglue(normalize_text(raw), ["الميادين"])
    out, start = [], 0
    for word in norm.text.split(" "):
        out.append((word, norm.original_slice(start, start + len(word))))
        start += len(word) + 1
    return out


def test_a_name_glued_on_both_sides_becomes_three_words():
    assert words_and_originals("أفاد مراسلالميادينفي دمشق") == [
        ("افاد", "أفاد"), ("مراسل", "مراسل"), ("الميادين", "الميادين"), ("في", "في"),
        ("دمشق", "دمشق"),
    ]


def test_the_form_after_the_preposition_lam_is_split_too():
    assert [w for w, _ in words_and_originals("قالت مصادرللميادينإن")] == [
        "قالت", "مصادر", "للميادين", "ان"]


@pytest.mark.parametrize("raw", ["والميادين", "بالميادين", "وللميادين", "في الميادين اليوم"])
def test_proclitics_and_spaced_names_are_left_alone(raw):
    norm = normalize_text(raw)
    assert unglue(norm, ["الميادين"]) is norm


def test_spaced_slice_quotes_the_phrase_as_split():
    norm = unglue(normalize_text("مكتبالميادينفي دمشق"), ["الميادين"])
    assert norm.text == "مكتب الميادين في دمشق"
    assert norm.original_slice(0, len(norm.text)) == "مكتبالميادينفي دمشق"
    assert norm.spaced_slice(0, len(norm.text)) == "مكتب الميادين في دمشق"
    assert norm.spaced_slice(5, 13) == "الميادين"
    assert norm.spaced_slice(5, 14) == "الميادين"
