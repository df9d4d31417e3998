"""`NormText.spaced_slice` quotes what the plain reading (a test of every character) quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.model import NormText
from marsad.text.normalize import normalize_text


def _spaced_slice_reference(norm: NormText, start: int, end: int) -> str:
    """The method as first written: every character of the span tested."""
    span = norm.original_span(start, end)
    text, original, offsets = norm.text, norm.original, norm.to_original
    cuts = [offsets[i + 1] for i in range(start, end)
            if text[i] == " " and not original[offsets[i]].isspace()]
    if not cuts:
        return span.slice(original)
    pieces, prev = [], span.start
    for cut in cuts:
        if span.start < cut < span.end:
            pieces.append(original[prev:cut])
            prev = cut
    pieces.append(original[prev:span.end])
    return " ".join(pieces)


#: glued words ("جويةروسية": a space put in after "ة"), marks, spaces, ligatures
_PIECES = ("ضربة", "جوية", "روسية", "في", " ", "  ", "\n", "مستشفى", "القرية", "ﻻ", "بِـ",
           "\u00a0", "،", "x", "حلب")


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.data())
def test_the_spaced_slice_is_the_plain_reading(pieces, data):
    norm = normalize_text("".join(pieces))
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert norm.spaced_slice(start, end) == _spaced_slice_reference(norm, start, end)


def test_a_glued_phrase_is_quoted_split_and_a_plain_one_as_written():
    norm = normalize_text("ضربة جويةروسية على القرية")
    assert norm.text.count(" ") == 4  # one put in between "جوية" and "روسية"
    assert norm.spaced_slice(0, len(norm.text)) == "ضربة جوية روسية على القرية"
    assert norm.spaced_slice(5, 15) == "جوية روسية"
    assert norm.spaced_slice(0, 4) == "ضربة"


def test_a_span_outside_the_text_is_refused():
    norm = normalize_text("حلب")
    with pytest.raises(ValueError):
        norm.spaced_slice(0, 9)
