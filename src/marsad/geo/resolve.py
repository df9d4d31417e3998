"""Choose the gazetteer entry a place mention means, and how precisely (ACLED geo_precision).

Ranking, strongest first (issue 3): the feature word before or in the mention ("قرية",
"حي", "منفذ", "محافظة"), admin context in the same sentence then the document ("في ريف
دير الزور", "غرب الأنبار"), proximity to places already resolved in the article, the
article's country, then feature and population. Precision (EVENTS.md, ACLED): 1 for the
named town/village/site, 2 for "ريف/محيط/جنوب/قرب X" (X's coordinates), 3 when only a
region, governorate or country is named. A mention no entry matches resolves to the
narrowest enclosing unit the text names, with precision 3 and no place_id.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from marsad.geo.context import RELATION_WORDS, DocContext, Hit, strip_clitics, word_before
from marsad.geo.gazetteer import Gazetteer
from marsad.geo.names import FEATURE_WORDS, surface_key
from marsad.geo.place import AREA_FEATURES, Place, PlaceContext
from marsad.model import NormText, PlaceMatch

__all__ = ["Candidate", "explain", "guess_country", "resolve_place"]

#: Feature word -> features of entries it fits.
_FITS = {
    "village": {"village", "town"},
    "town": {"town", "village", "city"},
    "city": {"city", "town"},
    "neighbourhood": {"neighbourhood", "village"},
    "subdistrict": {"subdistrict"},
    "district": {"district", "subdistrict", "region"},
    "governorate": {"governorate"},
    "border crossing": {"border crossing"},
    "airport": {"airport", "airbase"},
    "airbase": {"airbase", "airport"},
    "oil field": {"oil field"},
    "station": {"station"},
    "dam": {"dam"},
    "mountain": {"mountain"},
    "river": {"river"},
    "sea": {"sea"},
    "camp": {"camp", "village"},
    "port": {"port", "city", "town"},
}
#: Feature words naming a site inside or beside a town: "مطار دمشق" is not Damascus itself.
_SITE_WORDS = frozenset({
    "مطار", "حقل", "حقول", "محطه", "قاعده", "سجن", "مستشفي", "ميناء", "مرفا", "دوار",
    "شارع", "ساحه", "جسر", "سد", "منفذ", "معبر", "مخيم",
})
#: Plural or governing cue words that carry over a list ("محافظات إدلب وحماة وحلب").
_LIST_CUES = frozenset({"محافظات", "مدن", "بلدات", "قري", "ارياف", "ريفي", "مناطق", "احياء",
                        "محافظتي", "مدينتي", "بلدتي", "قريتي"})
_LIST_FEATURE = {"محافظتي": "governorate", "مدينتي": "city", "بلدتي": "town", "قريتي": "village"}
_COUNTRYSIDE = frozenset({"ريف", "ارياف", "ريفي"})
_PRIOR = {
    "country": 2.0, "city": 1.2, "governorate": 1.0, "town": 0.8, "sea": 1.0, "region": 0.6,
    "district": 0.3, "subdistrict": 0.2, "village": 0.3, "neighbourhood": 0.0,
    "airbase": 0.5, "airport": 0.5, "border crossing": 0.5, "oil field": 0.5,
}
_GLUE = re.compile(r"^(?:\s*(?:,|و)\s*|\s+و)$")
_NISBA = re.compile(r"^(?:اراضي|الاراضي|اراض|الاراض|دوله|الدوله|ارض|الارض)\s+(.+?)(?:يه|ي)$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored reading of a mention: a place, the precision it gives, and why."""

    place: Place
    score: float
    geo_precision: int
    reasons: tuple[str, ...]
    #: the place stands for an unknown site inside it: report with place_id None
    enclosing: bool = False


@dataclass(frozen=True, slots=True)
class _Cues:
    name: str
    feature_word: str | None
    relation: str | None
    whole: str


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular is plenty for ranking at these latitudes and much cheaper than haversine.
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def _doc(context: PlaceContext, gazetteer: Gazetteer) -> DocContext:
    return gazetteer.doc_context(context.norm)


def _cues(mention: str, context: PlaceContext) -> _Cues:
    """Split feature and relation words off the mention and read those just before it."""
    key = surface_key(mention)
    words = key.split(" ")
    feature_word = relation = None
    while len(words) > 1:
        head = words[0]
        if head in RELATION_WORDS and relation is None:
            relation = head
        elif head in FEATURE_WORDS and feature_word is None:
            feature_word = head
        else:
            break
        words = words[1:]
        words[0] = surface_key(words[0])
    text = context.norm.text
    start = context.norm_span[0]
    before = [strip_clitics(w) for w in word_before(text, start, 3)]
    # A glued proclitic ("بريف", "وحماة") belongs to the word before the span, if any.
    for i, w in enumerate(before[:2]):
        if feature_word is None and w in FEATURE_WORDS and relation is None:
            feature_word = w
            continue
        if relation is None and w in RELATION_WORDS:
            relation = w
            continue
        if w in ("من", "في", "على", "الي") and i == 0:
            continue
        if i == 0 and w == "بالقرب":
            relation = "قرب"
        break
    if feature_word is None and relation is None:
        listed = _list_cue(text, start, context)
        if listed in _COUNTRYSIDE:
            relation = listed
        elif listed is not None:
            feature_word = listed
    return _Cues(" ".join(words), feature_word, relation, key)


def _list_cue(text: str, start: int, context: PlaceContext) -> str | None:
    """The cue governing a list the mention ends ("محافظات إدلب وحماة" -> "محافظات")."""
    j = start
    glued = j > 0 and text[j - 1] == "و" and (j < 2 or text[j - 2] == " ")
    if glued:
        j -= 1
    window = text[max(0, j - 80) : j]
    tail = window.rstrip()
    if not glued and not (tail.endswith(",") or tail.endswith(" و")):
        return None
    words = list(re.finditer(r"\S+", window))
    for k in range(len(words) - 1, max(-1, len(words) - 10), -1):
        token = words[k].group()
        w = strip_clitics(token.strip(",."))
        if w in _LIST_CUES:
            between = window[words[k].end() :].strip()
            items = [i for i in re.split(r"\s*,\s*|\s+و|^و", between) if i.strip()]
            if items and all(len(i.split()) <= 3 for i in items):
                return w
            return None
        if any(c in token for c in ".:;?!"):
            return None
    return None


def _feature_of(word: str | None) -> str | None:
    if word is None:
        return None
    return _LIST_FEATURE.get(word) or FEATURE_WORDS.get(word)


def _nearest(place: Place, points: list[tuple[float, float]]) -> float:
    return min((_km(place.lat, place.lon, la, lo) for la, lo in points), default=1e9)


def _score(place: Place, cues: _Cues, ctx: PlaceContext, doc: DocContext, sentence_hits: list[Hit],
           doc_ids: set[str], sentence_ids: set[str], country: str | None, exact: bool,
           overlay: bool) -> tuple[float, list[str], bool]:
    """Score one candidate; return (score, reasons, supported-by-context)."""
    score = _PRIOR.get(place.feature, 0.3)
    reasons = [f"{place.feature}"]
    supported = False
    if overlay:
        score += 10
        reasons.append("user overlay")
    if exact:
        score += 0.5
    feature = _feature_of(cues.feature_word)
    if feature is not None:
        if place.feature in _FITS.get(feature, {feature}):
            score += 3
            reasons.append(f"feature word {cues.feature_word}")
            supported = True
        elif place.feature in AREA_FEATURES or feature in ("governorate", "neighbourhood"):
            score -= 3
            reasons.append(f"feature word {cues.feature_word} does not fit")
    if cues.relation in _COUNTRYSIDE:
        if place.feature == "city":
            score += 1
            reasons.append("countryside of a city")
        elif place.feature in ("village", "neighbourhood"):
            score -= 0.5
    admin = set(place.admin_ids)
    if admin & sentence_ids:
        score += 3
        reasons.append("admin unit named in the sentence")
        supported = True
    elif admin & doc_ids:
        score += 1
        reasons.append("admin unit named in the article")
        supported = True
    near_city = [(h_place.lat, h_place.lon) for h in sentence_hits for h_place in h.places
                 if h_place.feature == "city" and h_place.id != place.id]
    if near_city and _nearest(place, near_city) < 40:
        score += 1
        reasons.append("near a city named in the sentence")
        supported = True
    resolved = [(m.lat, m.lon) for m in ctx.resolved if m.place_id and m.place_id not in place.ids]
    if resolved:
        d = _nearest(place, resolved)
        if d < 15:
            score += 2.5
        elif d < 50:
            score += 1.5
        elif d < 150:
            score += 0.5
        if d < 150:
            reasons.append(f"{d:.0f} km from a place resolved earlier")
            supported = True
    if country and place.country == country:
        score += 1.5
        reasons.append(f"in the article's country {country}")
    if place.population:
        score += min(math.log10(place.population) / 6, 1.0) * 0.8
    return score, reasons, supported


def _precision(place: Place, cues: _Cues) -> int:
    if place.feature in AREA_FEATURES:
        return 3
    if cues.relation is not None:
        return 2
    return 1


def guess_country(norm_text: NormText | str, gazetteer: Gazetteer) -> str | None:
    """The country an article is mostly about (country and admin names counted), or None."""
    norm = norm_text if isinstance(norm_text, NormText) else NormText(norm_text, [], norm_text)
    counts = gazetteer.doc_context(norm).countries
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _candidates(cues: _Cues, gazetteer: Gazetteer) -> tuple[list[Place], bool]:
    """Entries for the whole mention, else for its name without feature words.

    Returns (places, site): `site` is True when a site word ("مطار", "حقل") was dropped and
    none of the entries is such a site: they are then only the town the site belongs to.
    """
    whole = gazetteer.lookup(cues.whole) if cues.whole != cues.name else []
    if whole:
        return whole, False
    found = gazetteer.lookup(cues.name)
    if not found:
        m = _NISBA.match(cues.whole)
        if m:
            country = gazetteer.lookup(m.group(1) + "يا") or gazetteer.lookup(m.group(1))
            return [p for p in country if p.feature == "country"], False
    feature = _feature_of(cues.feature_word)
    if cues.feature_word in _SITE_WORDS and found:
        fits = _FITS.get(feature or "", {feature})
        sites = [p for p in found if p.feature in fits]
        if sites:
            return sites, False
        return found, True
    return found, False


def explain(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> list[Candidate]:
    """Every reading of `mention` with its score and reasons, best first."""
    cues = _cues(mention, context)
    places, site = _candidates(cues, gazetteer)
    doc = _doc(context, gazetteer)
    start, end = context.norm_span
    s_start, s_end = doc.sentence(start)
    sentence_hits = [h for h in doc.hits_in(s_start, s_end) if h.end <= start or h.start >= end]
    sentence_ids = {i for h in sentence_hits if h.cue != "مع" for p in h.places for i in p.ids}
    doc_ids = {i for h in doc.hits if h.end <= start or h.start >= end for p in h.places
               for i in p.ids}
    country = context.country or guess_country(context.norm, gazetteer)
    exact_key = surface_key(cues.name)
    out = []
    for place in places:
        exact = any(surface_key(n) == exact_key for n in place.names[:3])
        score, reasons, supported = _score(
            place, cues, context, doc, sentence_hits, doc_ids, sentence_ids, country, exact,
            place.id in gazetteer.overlay_ids,
        )
        if site:
            reasons.insert(0, f"unknown {cues.feature_word} in this place")
            out.append(Candidate(place, score, 3, tuple(reasons), enclosing=True))
            continue
        precision = _precision(place, cues)
        if cues.relation:
            reasons.append(f"relation {cues.relation}")
        if not supported and place.feature in ("village", "neighbourhood") and doc_ids and (
            place.country != country or not (set(place.admin_ids) & doc_ids)
        ):
            score -= 2.5
            reasons.append("far from every place the article names")
        out.append(Candidate(place, score, precision, tuple(reasons)))
    out.sort(key=lambda c: -c.score)
    return out


def _enclosing(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The narrowest unit the text names around an unknown place, at precision 3."""
    doc = _doc(context, gazetteer)
    start, end = context.norm_span
    s_start, s_end = doc.sentence(start)

    def unit(h: Hit) -> Place:
        if h.cue in _COUNTRYSIDE or h.cue in ("محافظه", "محافظات"):
            for p in h.places:
                if p.feature == "governorate":
                    return p
        return max(h.places, key=lambda p: _PRIOR.get(p.feature, 0))

    around = [h for h in doc.hits_in(s_start, s_end) if h.end <= start or h.start >= end]
    around = [h for h in around if h.cue != "مع"]
    if around:
        # Narrowest first (city, district, governorate, country), then nearest in the text.
        def rank(h: Hit) -> tuple[int, int]:
            p = unit(h)
            level = {"city": 0, "subdistrict": 1, "district": 2, "governorate": 3}.get(p.feature, 4)
            return level, min(abs(h.start - end), abs(start - h.end))

        place = unit(min(around, key=rank))
        return place.match(3, 0.0, f"unknown place; enclosing {place.feature} named in the sentence",
                           place_id=None, name=mention)
    others = [h for h in doc.hits if h.end <= start or h.start >= end]
    if others:
        counts: dict[str, int] = {}
        first: dict[str, Place] = {}
        for h in others:
            p = unit(h)
            if p.feature == "country":
                continue
            counts[p.id] = counts.get(p.id, 0) + 1
            first.setdefault(p.id, p)
        if counts:
            best = max(counts, key=lambda k: counts[k])
            place = first[best]
            return place.match(3, 0.0, f"unknown place; {place.feature} named in the article",
                               place_id=None, name=mention)
    country = context.country or guess_country(context.norm, gazetteer)
    place = gazetteer.country_place(country)
    if place is None:
        return None
    return place.match(3, 0.0, "unknown place; the article's country", place_id=None, name=mention)


def resolve_place(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The best `PlaceMatch` for a place mention in its article, or None (no clue at all)."""
    ranked = explain(mention, context, gazetteer)
    if ranked and ranked[0].score > 0:
        best = ranked[0]
        reason = "; ".join(best.reasons)
        if best.enclosing:
            return best.place.match(3, best.score, reason, place_id=None, name=mention)
        return best.place.match(best.geo_precision, best.score, reason)
    return _enclosing(mention, context, gazetteer)
