"""Choose the gazetteer entry a place mention means, and how precisely (ACLED geo_precision).

Ranking, strongest first (issue 3): the feature word before or in the mention ("قرية",
"حي", "منفذ", "محافظة"), admin context in the same sentence then the document ("في ريف
دير الزور", "غرب الأنبار"), proximity to places already resolved in the article, the
article's country, then feature and population. Precision (EVENTS.md, ACLED): 1 for the
named town/village/site, 2 for "ريف/محيط/جنوب/قرب X" (X's coordinates), 3 when only a
region, governorate or country is named. A mention no entry matches resolves to the
narrowest enclosing unit the text names, with precision 3 and no place_id.

The words around a mention are read in `geo.mention`; what is prepared once per
gazetteer (score entries, the per-key index, the PlaceMatch maker) is in `geo.index`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from marsad.geo.context import RELATION_WORDS, DocContext, Hit
from marsad.geo.gazetteer import Gazetteer, remember
from marsad.geo.index import (
    PRIOR,
    SETTLEMENTS,
    Entry,
    build_resolver_index,
    candidate_entries,
    match_factory,
    settlements_over_units,
)
from marsad.geo.mention import (
    COUNTRYSIDE,
    CUE_OF,
    FEATURE_OF,
    KM_PER_DEG,
    NATURAL,
    NEXT,
    Cues,
    feature_of,
    fits_unit,
    locating_unit,
    mention_cues,
    preceding_unit,
    read_cues,
    unit_after,
)
from marsad.geo.names import folded_surface_key
from marsad.geo.place import AREA_FEATURES, Place, PlaceContext
from marsad.model import NormText, PlaceMatch

__all__ = ["Candidate", "build_resolver_index", "explain", "guess_country", "resolve_place"]

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
    "oil field": {"oil field", "unresolved"},
    "station": {"station", "unresolved"},
    "dam": {"dam"},
    "mountain": {"mountain"},
    "river": {"river"},
    "sea": {"sea"},
    "region": {"region"},
    "camp": {"camp", "village"},
    "port": {"port"},
    "site": {"site"},
    "street": {"street", "neighbourhood"},
    "bridge": {"bridge"},
}
#: Feature words naming a site or a natural feature in or beside a town ("مطار دمشق",
#: "جبل مدينة البصيرة"): when no entry is that site, the town only locates it.
_SITE_WORDS = frozenset({
    "مطار", "حقل", "حقول", "محطه", "قاعده", "سجن", "مستشفي", "ميناء", "مرفا", "دوار",
    "شارع", "ساحه", "جسر", "سد", "منفذ", "معبر", "مخيم", "جبل", "تلال", "تله", "سهل",
    "وادي", "بحر", "خليج",
})
#: Admin feature words: a settlement named after one stands for its unit (precision 3).
_ADMIN_WORDS = frozenset({"محافظه", "محافظات", "محافظتي", "قضاء", "ناحيه", "مديريه", "مديريتي",
                          "قطاع"})
#: The feature words that change which entries a name has (see `_candidates`, `_rank`).
_SHAPING = _SITE_WORDS | _ADMIN_WORDS
_GOVERNORATE_CUES = frozenset({"ريف", "ارياف", "ريفي", "محافظه", "محافظات", "محافظتي"})
_BIG = frozenset({"city", "governorate", "district", "country", "region"})
_NISBA = re.compile(r"^(?:اراضي|الاراضي|اراض|الاراض|دوله|الدوله|ارض|الارض)\s+(.+?)(?:يه|ي)$")
_NOT_IN_UNIT = "not in the unit named after it"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored reading of a mention: a place, the precision it gives, and why."""

    place: Place
    score: float
    geo_precision: int
    reasons: tuple[str, ...]
    #: the place only encloses an unknown site or name: report it with place_id None
    enclosing: bool = False


#: What a written name gives wherever it stands, one per name in the gazetteer's bounded
#: memo: its cues when no word before it adds any, and per feature word that changes its
#: candidates (None for the others), its (entries, site). A plain tuple: a class with an
#: `__init__` costs a Python call per new name.
_Name = tuple[Cues, dict[str | None, tuple[tuple[Entry, ...], bool]]]


#: Feature a feature word names -> every feature of entries it fits (itself and `_FITS`'s).
_FIT_SETS = {f: frozenset({f, *_FITS.get(f, ())}) for f in {*FEATURE_OF.values(), *_FITS}}


def _near_article(doc: DocContext, ids: frozenset[str], lat: float, lon: float,
                  kx: float) -> int:
    """1 when a city the article names (other than the place itself) is within 50 km, else 0."""
    for city_ids, clat, clon in doc.cities_named():
        if city_ids.isdisjoint(ids) and _hypot((clon - lon) * kx, (clat - lat) * KM_PER_DEG) < 50:
            return 1
    return 0


_hypot = math.hypot
#: the reason of a candidate `k` km (rounded) from a place resolved earlier, k < 150 (+ 1)
_KM_REASONS = tuple(f"{k} km from a place resolved earlier" for k in range(151))


def guess_country(norm_text: NormText | str, gazetteer: Gazetteer) -> str | None:
    """The country an article is mostly about (country and admin names counted), or None."""
    norm = norm_text if isinstance(norm_text, NormText) else NormText(norm_text, [], norm_text)
    return gazetteer.doc_context(norm).country


def _key(words: str) -> str:
    """`surface_key` of words cut from a surface key (folded, clean: only ال may go)."""
    return folded_surface_key(words) if words.startswith("ال") else words


def _candidates(cues: Cues, gazetteer: Gazetteer) -> tuple[list[Place], bool]:
    """Entries for the whole mention, else for its name without feature words.

    Returns (places, site): `site` is True when a site word ("مطار", "حقل") was dropped and
    none of the entries is such a site: they only locate it.
    """
    if cues.whole != cues.name:
        whole = gazetteer.lookup_key(_key(cues.whole))
        if whole:
            return whole, False
    found = gazetteer.lookup_key(_key(cues.name))
    if not found:
        m = _NISBA.match(cues.whole)
        if m:
            country = gazetteer.lookup(m.group(1) + "يا") or gazetteer.lookup(m.group(1))
            return [p for p in country if p.feature == "country"], False
    if cues.feature_word in _SITE_WORDS and found:
        feature = feature_of(cues.feature_word)
        fits = _FITS.get(feature or "", {feature})
        sites = [p for p in found if p.feature in fits]
        if sites:
            return sites, False
        return found, True
    return found, False


def explain(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> list[Candidate]:
    """Every reading of `mention` with its score and reasons, best first."""
    every: list[tuple[Entry, float, list[str]]] = []
    ranked = _rank(mention, context, gazetteer, every)
    if ranked is None:
        return []
    cues, site = ranked[3], ranked[4]
    out = []
    for entry, score, reasons in every:
        precision, enclosing = _reading(entry, cues, site, reasons)
        out.append(Candidate(entry[0], score, precision, tuple(reasons), enclosing))
    out.sort(key=lambda c: -c.score)
    return out


#: What `_rank` gives: the best candidate, its score and reasons, the mention's cues, whether
#: a site word was dropped (`_candidates`), and the unit the text locates the mention in.
_Ranked = tuple[Entry, float, list[str], Cues, bool, "Hit | None"]


def _rank(mention: str, context: PlaceContext, gazetteer: Gazetteer,
          every: list[tuple[Entry, float, list[str]]] | None = None) -> _Ranked | None:
    """Score every candidate of a mention in its context; None when it has none.

    `every`, when given, receives each candidate's (entry, score, reasons). Each score adds
    its terms in one fixed order, so that equal evidence gives bit-equal scores and ties
    keep the lookup's order: the best is the first of the highest scores. What the terms
    read of the context is computed once per mention, into locals (one function: the
    resolver's hot path, where a frame record and a call per candidate cost more than the
    terms).
    """
    # --- the name: its cues and candidates (memoized per name and shaping feature word)
    memo = gazetteer.memo
    names = memo.get("names")
    if names is None:
        names = memo["names"] = {}
    record: _Name | None = names.get(mention)
    if record is None:
        record = remember(names, mention, (mention_cues(mention), {}))
    alone, found = record
    norm = context.norm
    start, end = context.norm_span
    text = norm.text
    cues = read_cues(alone, text, start)
    feature_word = cues.feature_word
    # Only site and admin feature words change a name's candidates (see `_candidates`).
    shaping = feature_word if feature_word in _SHAPING else None
    cached = found.get(shaping)
    if cached is None:
        name = cues.name
        if shaping is None and cues.whole == name and not name.startswith("ال"):
            # the usual name: a gazetteer key read bare, its candidates in the key index
            cached = (gazetteer.key_entries or build_resolver_index(gazetteer)).get(name)
        if cached is None:
            places, site = _candidates(cues, gazetteer)
            if len(places) > 1 and feature_word not in _ADMIN_WORDS:
                places = settlements_over_units(places)
            exact = {p.id for p in gazetteer.exact_key(name)}
            cached = (candidate_entries(places, exact, gazetteer), site)
        found[shaping] = cached
    entries, site = cached
    if not entries:
        return None

    # --- the context: what the terms below read, once per mention
    # `doc_context`'s first test, inline: every mention of an article asks for its scan
    hit = gazetteer._doc_cache.get(id(norm))
    doc = hit[1] if hit is not None and hit[0] is norm else gazetteer.doc_context(norm)
    info, i, j, s_end = doc.where(start, end)
    hits = info.hits
    if i == j:
        own = _NONE
    elif j == i + 1:
        # the mention is itself one context name (a city, a governorate): its ids
        own = hits[i].ids if hits[i].start >= start else _NONE
    else:
        own = frozenset(x for h in hits[i:j] if h.start >= start for x in h.ids)
    # (hit index, ids, lat, lon) of the sentence's cities; those of hits [i, j) are the
    # mention itself, skipped in the loop (cheaper than a list without them per mention)
    cities = info.cities
    resolved = context.resolved
    if resolved:
        resolved_ids, points = doc.resolved_sets(resolved)
    else:
        resolved_ids, points = _NONE, ()
    locating = unit_after(text, end, s_end, hits[j]) if j < len(hits) else None
    if locating is NEXT:
        locating = None
    if locating is None and i:
        locating = preceding_unit(text, hits[i - 1], start)
    ff = FEATURE_OF.get(feature_word)
    # the features the feature word fits, and whether it also counts against the others
    fits = _FIT_SETS.get(ff)  # type: ignore[arg-type]
    strict = ff == "governorate" or ff == "neighbourhood"
    countryside = cues.relation in COUNTRYSIDE
    # ids named in the sentence before / after the mention (their union: "in the sentence")
    before_ids = info.prefix[i]
    after_ids = info.suffix[j]
    # how many context hits of the article carry each id
    id_counts = doc.id_counts
    fc = context.country or doc.country
    overlay = gazetteer.overlay_ids
    near_of = doc.near
    # most candidates lie in the article's country: its reason is written once per mention
    in_country = f"in the article's country {fc}" if fc else ""

    # --- the candidates
    top = None
    best = 0.0
    best_reasons: list[str] = []
    for entry in entries:
        (place, score, kx, pop, feature, admin, adminset, ids, plat, plon, country, pid,
         settlement) = entry
        reasons = [feature]
        if overlay and pid in overlay:
            reasons.append("user overlay")
        if fits is not None:
            if feature in fits:
                score += 3
                reasons.append(f"feature word {feature_word}")
            elif strict or feature in AREA_FEATURES:
                score -= 3
                reasons.append(f"feature word {feature_word} does not fit")
        if countryside:
            if feature == "city":
                score += 1
                reasons.append("countryside of a city")
            elif feature == "village" or feature == "neighbourhood":
                score -= 0.5
        if admin:
            if not (before_ids.isdisjoint(adminset) and after_ids.isdisjoint(adminset)):
                score += 3
                reasons.append("admin unit named in the sentence")
            else:
                # The more often the article names a unit, the more it is about it ("ريف دمشق"
                # four times beats a lone "حلب"); one naming gives 1, five or more give 2.
                n = 0
                for a in admin:
                    k = id_counts.get(a, 0) - (a in own)
                    if k > n:
                        n = k
                if n > 0:
                    score += 0.75 + 0.25 * (n if n < 5 else 5)
                    reasons.append("admin unit named in the article" if n == 1 else
                                   f"admin unit named {n} times in the article")
        if locating is not None:
            if fits_unit(place, locating):
                score += 2
                reasons.append("located by the unit named after it")
            else:
                score -= 4
                reasons.append(_NOT_IN_UNIT)
        # Distances in km on a local plane (one cosine per candidate, none per point).
        for at, city_ids, lat, lon in cities:
            if i <= at < j:
                continue
            if city_ids.isdisjoint(ids) and _hypot((lon - plon) * kx, (lat - plat) * KM_PER_DEG) < 40:
                score += 1
                reasons.append("near a city named in the sentence")
                break
        else:
            if settlement:
                # A homonym near a city the article names elsewhere is likelier than one far
                # from every such city (the article is about one area). Kept per article.
                near = near_of.get(pid)
                if near is None:
                    near = near_of[pid] = _near_article(doc, ids, plat, plon, kx)
                if near:
                    score += 0.5
                    reasons.append("near a city named in the article")
        if not resolved_ids.isdisjoint(ids):
            score += 2.5
            reasons.append("resolved earlier in the article")
        elif points:
            # min() of the distances, in a loop: a comprehension is a function call of its own
            d = math.inf
            for la, lo in points:
                e = _hypot((lo - plon) * kx, (la - plat) * KM_PER_DEG)
                if e < d:
                    d = e
            if d < 150:
                score += 2.5 if d < 15 else 1.5 if d < 50 else 0.5
                # f"{d:.0f} km ...", read from a table: `round` rounds half to even as the
                # format does, and formatting a float costs more than the rest of the term
                reasons.append(_KM_REASONS[round(d)])
        if fc and country == fc:
            score += 1.5
            reasons.append(in_country)
        if pop is not None:
            score += pop
        if every is not None:
            every.append((entry, score, reasons))
        if top is None or score > best:
            top, best, best_reasons = entry, score, reasons
    assert top is not None  # `entries` is not empty
    return top, best, best_reasons, cues, site, locating


_NONE: frozenset[str] = frozenset()


def _reading(entry: Entry, cues: Cues, site: bool, reasons: list[str]) -> tuple[int, bool]:
    """(precision, enclosing) of a candidate `_rank` gave `reasons`, completing them."""
    place = entry[0]
    if site:
        if place.feature == "subdistrict" and cues.feature_word != "مطار":
            # A sub-district is named after its seat (OCHA): a base or field named after it
            # is by that town, whose point the gazetteer only has as the unit's ("قاعدة حرير").
            reasons.insert(0, f"{cues.feature_word} by the seat of this subdistrict")
            return 2, False
        if (cues.feature_word == "مطار" and place.feature in _BIG) or place.feature in AREA_FEATURES:
            # A city's airport lies outside it: an unknown site in the unit (EVENTS.md).
            reasons.insert(0, f"unknown {cues.feature_word} in this {place.feature}")
            return 3, True
        if cues.feature_word in NATURAL or cues.relation:
            reasons.insert(0, f"{cues.feature_word} by this {place.feature}")
            return 2, False
        reasons.insert(0, f"{cues.feature_word} of this {place.feature}")
        return 1, False
    feature = entry[4]
    if feature == "unresolved":
        reasons.insert(0, "known name without a sourced point: its admin unit")
        return 3, True
    relation = cues.relation
    if relation:
        reasons.append(f"relation {relation}")
    # ACLED: 3 for an area, 2 for a place near the named one, 1 for the place itself
    precision = 3 if feature in AREA_FEATURES else 2 if relation is not None else 1
    if cues.feature_word in _ADMIN_WORDS and feature in SETTLEMENTS:
        precision = 3  # "مديرية حيفان", "قضاء الحويجة": the unit named after the town
        reasons.append(f"the {cues.feature_word} of this town")
    return precision, False


def _pick(hit: Hit, resolved: tuple[PlaceMatch, ...], country: str | None,
          governorate: bool) -> Place:
    """The place a context hit most likely names (resolved before, in the country, ...)."""
    ids = {m.place_id for m in resolved if m.place_id}
    places = [p for p in hit.places if not ids.isdisjoint(p.idset)] or list(hit.places)
    if country:
        places = [p for p in places if p.country == country] or places
    if governorate or hit.cue in _GOVERNORATE_CUES:
        for p in places:
            if p.feature == "governorate":
                return p
    return max(places, key=lambda p: PRIOR.get(p.feature, 0))


def _enclosing(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The narrowest unit the text names around an unknown place, at precision 3."""
    norm = context.norm
    hit = gazetteer._doc_cache.get(id(norm))  # `doc_context`'s first test, as in `_rank`
    doc = hit[1] if hit is not None and hit[0] is norm else gazetteer.doc_context(norm)
    start, end = context.norm_span
    info, i, j, s_end = doc.where(start, end)
    hits = info.hits
    country = context.country or doc.country
    resolved = context.resolved
    # EVENTS.md: an unknown place takes "the nearest enclosing place the text gives
    # (e.g. its governorate)": a name that is both city and governorate means the latter.
    # Hits do not overlap and are in text order: hits[j:] start after the mention (all the
    # sentence's hits from its end), hits[:i] end before it.
    locating = locating_unit(doc, start, end, s_end, hits[j:]) if j < len(hits) else None
    if locating is not None:
        relation = _relation_between(context.norm.text, end, locating)
        place = _pick(locating, resolved, country, relation is None)
        if relation is not None and place.feature not in AREA_FEATURES:
            # "منطقة X جنوب شرقي مدينة Y": X is near the town Y (ACLED precision 2, EVENTS.md
            # "south of X"), not somewhere in the town's unit
            return _unknown_in(place, mention, 0.0,
                               f"unknown place; {relation} the {place.feature} named after it", 2)
        return _unknown_in(place, mention, 0.0, f"unknown place; the {place.feature} named after it")
    before = [h for h in hits[:i] if h.cue != "مع"]
    if before:
        place = _pick(before[-1], resolved, country, True)
        return _unknown_in(place, mention, 0.0,
                           f"unknown place; the {place.feature} named before it in the sentence")
    for m in reversed(resolved):
        if m.place_id and m.geo_precision <= 2 and m.feature in ("city", "governorate"):
            place = gazetteer.get(m.place_id)
            if place is not None:
                return _unknown_in(place, mention, 0.0,
                                   f"unknown place; the {place.feature} the article is about")
    place = gazetteer.country_place(country)
    if place is None:
        return None
    return _unknown_in(place, mention, 0.0, "unknown place; the article's country")


def _relation_between(text: str, end: int, unit: Hit) -> str | None:
    """The relation word (not "ريف") between a mention and the unit that locates it, or None.

    "X جنوب شرقي مدينة Y" -> "جنوب"; "X في ريف Y", "X في Y" -> None.
    """
    for w in text[end : unit.start - len(unit.proclitic)].split():
        cue = CUE_OF.get(w, w)
        if cue in RELATION_WORDS and cue not in COUNTRYSIDE:
            return cue
    return None


def _unknown_in(place: Place, mention: str, score: float, reason: str,
                precision: int = 3) -> PlaceMatch:
    """`place.match(precision, score, reason, place_id=None, name=mention)`, by the fast maker."""
    admin = place.admin
    n = len(admin)
    return match_factory()(None, mention, place.lat, place.lon, precision, place.feature, place.country,
                            admin[0] if n else None, admin[1] if n > 1 else None,
                            admin[2] if n > 2 else None, place.population, score, reason)


def resolve_place(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The best `PlaceMatch` for a place mention in its article, or None (no clue at all)."""
    ranked = _rank(mention, context, gazetteer)
    if ranked is not None:
        # Every candidate is scored with its reasons: cheaper than scoring the best one twice.
        top, score, reasons, cues, site, locating = ranked
        precision, enclosing = _reading(top, cues, site, reasons)
        place = top[0]
        if enclosing:
            if place.feature == "unresolved":
                unit = gazetteer.get(place.admin_ids[0]) if place.admin_ids else None
                return PlaceMatch(None, mention, place.lat, place.lon, 3, place.feature,
                                  place.country, unit.name if unit else None,
                                  score=score, reason="; ".join(reasons))
            return _unknown_in(place, mention, score, "; ".join(reasons))
        # A candidate the text places elsewhere ("X في ريف اللاذقية" but X is in Aleppo)
        # is a homonym: the unknown place is better put in the unit the text names.
        misplaced = locating is not None and not fits_unit(place, locating)
        if not misplaced or place.feature in AREA_FEATURES:
            # `place.match(precision, score, reason)`, positional: one is made per call
            admin = place.admin
            n = len(admin)
            return match_factory()(place.id, place.name, place.lat, place.lon, precision,
                                    place.feature, place.country, admin[0] if n else None,
                                    admin[1] if n > 1 else None, admin[2] if n > 2 else None,
                                    place.population, score, "; ".join(reasons))
    return _enclosing(mention, context, gazetteer)

