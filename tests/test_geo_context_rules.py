"""Resolver rules read from the words around a mention and from the whole article.

Each test is a short invented sentence in the style of the news, resolved against the
shipped gazetteer; each was checked to fail without the rule it names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.geo import PlaceContext, load_gazetteer, resolve_place
from marsad.model import PlaceMatch
from marsad.text.normalize import normalize_text

NO_OVERLAY = Path("/nonexistent/overlay.tsv")


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer(overlay=NO_OVERLAY)


def resolve(gaz, text: str, mention: str, *, occurrence: int = -1) -> PlaceMatch:  # type: ignore[no-untyped-def]
    """Resolve the first (occurrence 0) or last (-1) occurrence of `mention` in `text`."""
    norm = normalize_text(text)
    pos = text.find(mention) if occurrence == 0 else text.rfind(mention)
    assert pos >= 0
    match = resolve_place(mention, PlaceContext(norm, norm.norm_span(pos, pos + len(mention))), gaz)
    assert match is not None
    return match


def test_a_river_named_after_a_site_does_not_locate_it(gaz):
    # "نهر الفرات" is the river, not the Iraqi sub-district called "الفرات"
    text = "سقطت صواريخ على القواعد الأميركية في حقل كونيكو شرقي نهر الفرات"
    match = resolve(gaz, text, "حقل كونيكو")
    assert match.place_id == "marsad:conoco-gas-plant"
    assert match.country == "SY"
