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

import dataclasses
import functools
import math
import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from typing import NamedTuple

from marsad.geo.context import (
    _CLITIC_PREFIXES,
    _WORD,
    PROCLITICS,
    RELATION_WORDS,
    DocContext,
    Hit,
    strip_clitics,
)
from marsad.geo.distance import EARTH_KM
from marsad.geo.gazetteer import Gazetteer, remember
from marsad.geo.names import FEATURE_WORDS, folded_surface_key, surface_key
from marsad.geo.place import AREA_FEATURES, Place, PlaceContext
from marsad.model import NormText, PlaceMatch
from marsad.text.normalize import fold

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
#: Plural or governing cue words that carry over a list ("محافظات إدلب وحماة وحلب").
_LIST_CUES = frozenset({"محافظات", "مدن", "بلدات", "قري", "ارياف", "ريفي", "مناطق", "احياء",
                        "محافظتي", "مدينتي", "بلدتي", "قريتي", "محاور", "جبهات"})
_LIST_FEATURE = {"محافظتي": "governorate", "مدينتي": "city", "بلدتي": "town", "قريتي": "village"}
_COUNTRYSIDE = frozenset({"ريف", "ارياف", "ريفي"})
#: Natural features: before a settlement they mean "near it" ("جبل مدينة البصيرة").
_NATURAL = frozenset({"جبل", "تلال", "تله", "سهل", "وادي"})
#: Admin feature words: a settlement named after one stands for its unit (precision 3).
_ADMIN_WORDS = frozenset({"محافظه", "محافظات", "محافظتي", "قضاء", "ناحيه", "مديريه", "مديريتي"})
#: The feature words that change which entries a name has (see `_candidates`, `_prepare`).
_SHAPING = _SITE_WORDS | _ADMIN_WORDS
#: Words between a place and the unit that locates it ("X في ريف دير الزور").
#: a feature word with the article points back at a place named before ("في المدينة")
#: and one without it is a feature word whose name did not match ("في مدينة دير الزورhttps"):
#: neither is the unit "المدينة" (Medina) that locates a place
_ANAPHORIC = frozenset({"المدينه", "المنطقه", "البلده", "القريه", "المحافظه", "الناحيه",
                        "مدينه", "منطقه", "بلده", "قريه", "محافظه", "ناحيه"})
_LINKS = frozenset({
    "في", "ريف", "ارياف", "محافظه", "مدينه", "منطقه", "داخل", "ضمن", "قرب", "بالقرب",
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "الواقع", "الواقعه",
    "التابع", "التابعه", "باديه", "قضاء", "ناحيه", "اطراف",
})
#: Words that may stand between a cue and the name without breaking it ("شمال العاصمة بغداد").
_NEUTRAL = frozenset({"منطقه", "العاصمه", "عاصمه"})
_GOVERNORATE_CUES = frozenset({"ريف", "ارياف", "ريفي", "محافظه", "محافظات", "محافظتي"})
_BIG = frozenset({"city", "governorate", "district", "country", "region"})
_PRIOR = {
    "country": 2.0, "city": 1.2, "governorate": 1.0, "town": 0.8, "sea": 1.0, "region": 0.6,
    "district": -1.0, "subdistrict": -1.0, "village": 0.3, "neighbourhood": 0.0,
    "airbase": 0.5, "airport": 0.5, "border crossing": 0.5, "oil field": 0.5, "unresolved": 0.2,
}
_SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood"})
_NISBA = re.compile(r"^(?:اراضي|الاراضي|اراض|الاراض|دوله|الدوله|ارض|الارض)\s+(.+?)(?:يه|ي)$")
_NOT_IN_UNIT = "not in the unit named after it"
_BREAK = re.compile(r"[.!?:;\n]")
_BREAK_CHARS = frozenset(".!?:;\n")
_ITEM_SPLIT = re.compile(r"\s*,\s*|\s+و|^و")
#: Every cue word with each clitic it may carry ("وبريف", "بالقرب"), mapped to the bare cue,
#: so that words before a mention are read with one dict lookup.
_CUE_FORMS = {
    clitic + word: word
    for word in {*FEATURE_WORDS, *RELATION_WORDS, *_NEUTRAL, *_NATURAL, *_LINKS, *_LIST_CUES,
                 "قرب", "مقربه", "من"}
    for clitic in PROCLITICS
}

#: Every cue word the resolver compares a word before or after a mention with.
_CUE_WORDS = frozenset(_CUE_FORMS.values())


def _cue_table() -> dict[str, str]:
    """Every word `_cue` reads as a cue word, mapped to that cue.

    `_cue` is `_CUE_FORMS` first, else `strip_clitics`; a word `strip_clitics` turns into a
    cue is a clitic (plus, after a one-letter one, the article) glued to that cue, so trying
    each clitic on each cue finds every such word. A word missing here reads as no cue.
    """
    table = {}
    for cue in _CUE_WORDS:
        for clitic in ("", *_CLITIC_PREFIXES):
            for word in (clitic + cue, clitic + "ال" + cue):
                read = _cue(word)
                if read in _CUE_WORDS:
                    table[word] = read
    table.update(_CUE_FORMS)
    return table


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored reading of a mention: a place, the precision it gives, and why."""

    place: Place
    score: float
    geo_precision: int
    reasons: tuple[str, ...]
    #: the place only encloses an unknown site or name: report it with place_id None
    enclosing: bool = False


class _Cues(NamedTuple):
    # a tuple, not a frozen dataclass: one is made per mention, and a tuple is made faster
    name: str
    feature_word: str | None
    relation: str | None
    whole: str


_KM_PER_DEG = EARTH_KM * math.pi / 180


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular is plenty for ranking at these latitudes and much cheaper than haversine.
    x = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return _KM_PER_DEG * math.hypot(x, lat2 - lat1)


def _mention_cues(mention: str) -> _Cues:
    """The mention's own feature and relation words: (name, feature, relation, key)."""
    key = surface_key(mention)  # fold and key in one pass
    if " " not in key:
        return _Cues(key, None, None, key)  # one word: no cue word to split off
    words = key.split(" ")
    feature_word = relation = None
    first = True
    while len(words) > 1:
        head = words[0]
        # "المحيط الهندي" is an ocean, "محيط الميادين" the surroundings of a town.
        if head in RELATION_WORDS and relation is None and not (
            first and fold(mention).strip().split(" ", 1)[0].startswith("ال")
        ):
            relation = head
        elif head in FEATURE_WORDS and feature_word is None:
            feature_word = head
        else:
            break
        first = False
        words = words[1:]
        # a word of `key` is folded already, and folding is idempotent
        words[0] = folded_surface_key(words[0])
    return _Cues(" ".join(words), feature_word, relation, key)


def _cue(word: str) -> str:
    """A cue word without its clitics: the known cue first ("وبلدة" -> "بلده"), else stripped."""
    return _CUE_FORMS.get(word) or strip_clitics(word)


#: word -> the cue `_cue` reads it as, for every word read as a cue: one dict lookup per
#: word instead of a regex, `None` for the words that are no cue
_CUE_OF = _cue_table()


class _Name:
    """What a written name gives wherever it stands: its own cues and, per feature word that
    changes them, its candidates. One per name, in the gazetteer's bounded memo."""

    __slots__ = ("alone", "found")

    def __init__(self, mention: str) -> None:
        #: the mention's cues when no word before it adds any
        self.alone = _mention_cues(mention)
        #: `_shaping(feature word)` -> (entries, site) (see `_prepare`)
        self.found: dict[str | None, tuple[list[_Entry], bool]] = {}


def _cues(alone: _Cues, text: str, start: int) -> _Cues:
    """The mention's own feature and relation words with those read just before it."""
    feature_word, relation = alone.feature_word, alone.relation
    raw = _words_before(text, start)
    get = _CUE_OF.get
    # Only words that `_cue` reads as cues matter here: the table gives them, others are None.
    first = get(raw[0]) if raw else None
    if first == "من" and len(raw) > 1 and get(raw[1]) in ("بالقرب", "قرب", "مقربه"):
        relation = relation or "قرب"
    elif first is not None:
        for k, w in enumerate(raw):
            w = get(w) if k else first
            if w in _NEUTRAL:
                continue  # "منطقة X" is "the area of X": neither a district nor a relation
            if w in _NATURAL and feature_word is not None and relation is None:
                relation = w  # "جبل مدينة البصيرة": the mountain by the town
                continue
            if w in FEATURE_WORDS and feature_word is None and relation is None:
                feature_word = w
                continue
            if w in RELATION_WORDS and relation is None:
                relation = w
                continue
            break
    if feature_word is None and relation is None:
        listed = _list_cue(text, start)
        if listed in _COUNTRYSIDE or listed in ("محاور", "جبهات"):
            relation = listed
        elif listed is not None:
            feature_word = listed
    if feature_word == alone.feature_word and relation == alone.relation:
        return alone
    return _Cues(alone.name, feature_word, relation, alone.whole)


def _words_before(text: str, pos: int) -> list[str]:
    """`context.word_before(text, pos, 3)`, reading a short window first.

    When a short window holds four words or more, its last three are whole words and the
    same as word_before's 60-character window gives: most mentions never read the rest.
    """
    words = _WORD.findall(text, max(0, pos - 24), pos)
    if len(words) < 4:
        words = _WORD.findall(text, max(0, pos - 60), pos)
    return words[:-4:-1]


def _list_cue(text: str, start: int) -> str | None:
    """The cue governing a list the mention ends ("محافظات إدلب وحماة" -> "محافظات")."""
    j = start
    glued = j > 0 and text[j - 1] == "و" and (j < 2 or text[j - 2] == " ")
    if glued:
        j -= 1
    lo = max(0, j - 80)
    if not glued:
        # window.rstrip() ends with "," or " و", read in place (most mentions end no list)
        k = j
        while k > lo and text[k - 1].isspace():
            k -= 1
        if not (k > lo and text[k - 1] == ",") and not (k - lo >= 2 and text[k - 2 : k] == " و"):
            return None
    # Tokens by str.split (the runs of non-space, without a match object each); what follows
    # the cue is its tokens joined by single spaces: splitting it into items and counting
    # their words reads whitespace runs as one space anyway.
    words = text[lo:j].split()
    for k in range(len(words) - 1, max(-1, len(words) - 10), -1):
        token = words[k]
        w = _CUE_OF.get(token.strip(",."))
        if w in _LIST_CUES:
            between = " ".join(words[k + 1 :])
            items = [i for i in _ITEM_SPLIT.split(between) if i.strip()]
            if items and all(len(i.split()) <= 3 for i in items):
                return w
            return None
        if not _BREAK_CHARS.isdisjoint(token):  # `_BREAK.search(token)`, without a regex call
            return None
    return None


def _feature_of(word: str | None) -> str | None:
    if word is None:
        return None
    return _LIST_FEATURE.get(word) or FEATURE_WORDS.get(word)


#: `_feature_of` as one dict (its values are never empty, so `or` is the merge order)
_FEATURE_OF = {**FEATURE_WORDS, **_LIST_FEATURE}


def _locating(doc: DocContext, start: int, end: int, s_end: int,
              after: list[Hit] | None = None) -> Hit | None:
    """A unit named right after the mention that locates it ("X في ريف دير الزور")."""
    limit = min(s_end, end + 45)
    text = doc.norm.text
    for h in (after if after is not None else doc.hits_in(end, limit)):
        if h.start < end:
            continue
        if h.start >= limit:
            return None
        between = text[end : h.start - len(h.proclitic)]
        if h.cue == "مع" or not _BREAK_CHARS.isdisjoint(between) or "," in between:
            return None
        words = between.split()
        if len(words) > 5:
            return None
        for w in words:
            if w.startswith("و") and w not in _LINKS and w != "وسط":
                # "حلب وريف إدلب", "ريف اللاذقية الشمالي ومحيط إدلب": a second place, not
                # where the first is
                return None
        if not words and h.proclitic.startswith("و"):
            return None
        if text[max(0, h.start - 2) : h.end] in _ANAPHORIC or text[h.start : h.end] in _ANAPHORIC:
            continue  # "حي الصناعة في المدينة": the city told before, not a place "المدينة"
        if h.proclitic.startswith(("ب", "وب")):
            return h
        for w in words:
            if w in _LINKS or _CUE_OF.get(w) in _LINKS:
                return h
        return None
    return None


def _fits_unit(place: Place, hit: Hit) -> bool:
    """True when `place` lies in (or beside) one of the units a hit names."""
    if not hit.ids.isdisjoint(place.idset) or not hit.ids.isdisjoint(place.adminset):
        return True
    for unit in hit.places:
        if unit.feature == "country" and unit.country == place.country:
            return True
        if unit.feature == "city" and _km(place.lat, place.lon, unit.lat, unit.lon) < 30:
            return True
    return False


class _Frame(NamedTuple):
    """What every candidate of one mention is scored against (computed once per call).

    A tuple, not a dataclass: one is made per call, and `_score` unpacks it at once.
    """

    cues: _Cues
    feature: str | None
    #: the mention's relation word is "ريف" (or its plurals)
    countryside: bool
    #: ids named in the sentence before / after the mention (their union: "in the sentence")
    before_ids: frozenset[str]
    after_ids: frozenset[str]
    #: how many context hits of the article carry each id (`DocContext.id_counts`)
    id_counts: dict[str, int]
    own: frozenset[str]
    locating: Hit | None
    cities: list[tuple[frozenset[str], float, float]]
    resolved_ids: Set[str]
    resolved_points: list[tuple[float, float]]
    country: str | None
    overlay: frozenset[str]


#: A candidate with what its score needs that does not depend on the context: (place, base,
#: kx, population bonus, then the place's feature, admin_ids, adminset, idset, lat, lon and
#: country). base: the feature prior, user overlay and exact-key bonuses, added in `_score`'s
#: order; kx: km per degree of longitude at the place; the population bonus of a settlement,
#: else None. A plain tuple, unpacked at once: scoring reads no attribute of the place.
_Entry = tuple[Place, float, float, "float | None", str, tuple[str, ...], frozenset[str],
               frozenset[str], float, float, "str | None"]


def _place_entries(place: Place, overlay: frozenset[str]) -> tuple[_Entry, _Entry]:
    """`place`'s entry without and with the exact-key bonus."""
    base = _PRIOR.get(place.feature, 0.3)
    if place.id in overlay:
        base += 10
    pop = None
    if place.population and place.feature in _SETTLEMENTS:
        pop = min(math.log10(place.population) / 6, 1.0) * 0.8
    kx = _KM_PER_DEG * math.cos(math.radians(place.lat))
    rest = (place.feature, place.admin_ids, place.adminset, place.idset, place.lat, place.lon,
            place.country)
    # the exact-key bonus comes after the prior and overlay ones, as in the sum it stands for
    return (place, base, kx, pop, *rest), (place, base + 0.5, kx, pop, *rest)


def _entries(places: list[Place], exact: Set[str], gazetteer: Gazetteer) -> list[_Entry]:
    """The context-free part of each candidate's score (made once per gazetteer, not per name)."""
    parts = gazetteer.place_parts
    overlay = gazetteer.overlay_ids
    if not parts:
        # once per gazetteer: every place's entries, so that a name's candidates cost lookups only
        for p in gazetteer.places:
            parts[id(p)] = _place_entries(p, overlay)
    out = []
    for p in places:
        pair = parts.get(id(p))
        if pair is None:
            pair = _place_entries(p, overlay)
        out.append(pair[1] if p.id in exact else pair[0])
    return out


def build_resolver_index(gazetteer: Gazetteer) -> dict[str, tuple[list[_Entry], bool]]:
    """Build what the resolver reads per gazetteer key (else built on first resolve); return it.

    Index data, like the ranked index it is made from: for every surface key without a
    leading ال, the (entries, site) `_prepare` would compute for that key read bare (no
    feature word in or before it that changes the candidates), so that a new name costs
    a dict lookup instead of a ranking, a merge and a score table.
    """
    index = gazetteer.key_entries
    if index:
        return index
    surface = gazetteer.exact_key
    for key, ranked in gazetteer.ranked_index().items():
        if key.startswith("ال"):
            continue  # `_key` strips it again: such names take the general path
        places = list(ranked)
        if len(places) > 1:
            places = _settlements_over_units(places)
        index[key] = (_entries(places, {p.id for p in surface(key)}, gazetteer), False)
    return index


def _score(entry: _Entry, f: _Frame, reasons: list[str]) -> float:
    """Score one candidate and append to `reasons` why.

    The terms are added in one fixed order, so that equal evidence gives bit-equal scores
    and ties keep the lookup's order.
    """
    place, score, kx, pop, feature, admin, adminset, ids, plat, plon, country = entry
    (cues, ff, countryside, before_ids, after_ids, id_counts, own, locating, cities,
     resolved_ids, points, fc, overlay) = f
    reasons.append(feature)
    if overlay and place.id in overlay:
        reasons.append("user overlay")
    if ff is not None:
        if feature == ff or feature in _FITS.get(ff, ()):
            score += 3
            reasons.append(f"feature word {cues.feature_word}")
        elif feature in AREA_FEATURES or ff in ("governorate", "neighbourhood"):
            score -= 3
            reasons.append(f"feature word {cues.feature_word} does not fit")
    if countryside:
        if feature == "city":
            score += 1
            reasons.append("countryside of a city")
        elif feature in ("village", "neighbourhood"):
            score -= 0.5
    if admin:
        if not (before_ids.isdisjoint(adminset) and after_ids.isdisjoint(adminset)):
            score += 3
            reasons.append("admin unit named in the sentence")
        else:
            get = id_counts.get
            for a in admin:
                if get(a, 0) - (a in own) > 0:
                    score += 1
                    reasons.append("admin unit named in the article")
                    break
    if locating is not None:
        if _fits_unit(place, locating):
            score += 2
            reasons.append("located by the unit named after it")
        else:
            score -= 4
            reasons.append(_NOT_IN_UNIT)
    # Distances in km on a local plane (one cosine per candidate, none per point).
    if cities:
        for city_ids, lat, lon in cities:
            if city_ids.isdisjoint(ids) and _hypot((lon - plon) * kx, (lat - plat) * _KM_PER_DEG) < 40:
                score += 1
                reasons.append("near a city named in the sentence")
                break
    if not resolved_ids.isdisjoint(ids):
        score += 2.5
        reasons.append("resolved earlier in the article")
    elif points:
        # min() of the distances, in a loop: a comprehension is a function call of its own
        d = math.inf
        for la, lo in points:
            e = _hypot((lo - plon) * kx, (la - plat) * _KM_PER_DEG)
            if e < d:
                d = e
        if d < 150:
            score += 2.5 if d < 15 else 1.5 if d < 50 else 0.5
            reasons.append(f"{d:.0f} km from a place resolved earlier")
    if fc and country == fc:
        score += 1.5
        reasons.append(f"in the article's country {fc}")
    if pop is not None:
        score += pop
    return score


_hypot = math.hypot


def guess_country(norm_text: NormText | str, gazetteer: Gazetteer) -> str | None:
    """The country an article is mostly about (country and admin names counted), or None."""
    norm = norm_text if isinstance(norm_text, NormText) else NormText(norm_text, [], norm_text)
    return gazetteer.doc_context(norm).country


def _key(words: str) -> str:
    """`surface_key` of words cut from a surface key (folded, clean: only ال may go)."""
    return folded_surface_key(words) if words.startswith("ال") else words


def _candidates(cues: _Cues, gazetteer: Gazetteer) -> tuple[list[Place], bool]:
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
        feature = _feature_of(cues.feature_word)
        fits = _FITS.get(feature or "", {feature})
        sites = [p for p in found if p.feature in fits]
        if sites:
            return sites, False
        return found, True
    return found, False


def explain(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> list[Candidate]:
    """Every reading of `mention` with its score and reasons, best first."""
    prepared = _prepare(mention, context, gazetteer)
    if prepared is None:
        return []
    frame, entries, site = prepared
    out = [_candidate(entry, frame, site) for entry in entries]
    out.sort(key=lambda c: -c.score)
    return out


def _prepare(mention: str, context: PlaceContext,
             gazetteer: Gazetteer) -> tuple[_Frame, list[_Entry], bool] | None:
    """The frame a mention is scored in and its candidates, or None when there are none."""
    memo = gazetteer.memo
    names = memo.get("names")
    if names is None:
        names = memo["names"] = {}
    record = names.get(mention)
    if record is None:
        record = remember(names, mention, _Name(mention))
    norm = context.norm
    start, end = context.norm_span
    cues = _cues(record.alone, norm.text, start)
    feature_word = cues.feature_word
    # Only site and admin feature words change a name's candidates (see `_candidates`).
    shaping = feature_word if feature_word in _SHAPING else None
    cached = record.found.get(shaping)
    if cached is None:
        name = cues.name
        if shaping is None and cues.whole == name and not name.startswith("ال"):
            # the usual name: a gazetteer key read bare, its candidates in the key index
            cached = (gazetteer.key_entries or build_resolver_index(gazetteer)).get(name)
        if cached is None:
            places, site = _candidates(cues, gazetteer)
            if len(places) > 1 and feature_word not in _ADMIN_WORDS:
                places = _settlements_over_units(places)
            exact = {p.id for p in gazetteer.exact_key(name)}
            cached = (_entries(places, exact, gazetteer), site)
        record.found[shaping] = cached
    entries, site = cached
    if not entries:
        return None
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
    if i == j or not info.cities:
        cities = info.city_points  # the mention names no city: every one counts
    else:
        cities = [(ids, lat, lon) for k, ids, lat, lon in info.cities if k < i or k >= j]
    resolved = context.resolved
    if resolved:
        resolved_ids = {m.place_id for m in resolved if m.place_id}
        # one point per place: an article names the same town again and again
        resolved_points = list({(m.lat, m.lon): None for m in resolved if m.place_id})
    else:
        resolved_ids, resolved_points = _NONE, []
    # `_Frame(...)` without its Python-level `__new__`: one frame is made per call
    frame = _new_tuple(_Frame, (
        cues,
        _FEATURE_OF.get(feature_word),
        cues.relation in _COUNTRYSIDE,
        info.prefix[i],
        info.suffix[j],
        doc.id_counts,
        own,
        _locating(doc, start, end, s_end, hits[j : j + 1]) if j < len(hits) else None,
        cities,
        resolved_ids,
        resolved_points,
        context.country or doc.country,
        gazetteer.overlay_ids,
    ))
    return frame, entries, site


_NONE: frozenset[str] = frozenset()
_new_tuple = tuple.__new__


def _settlements_over_units(places: list[Place]) -> list[Place]:
    """Drop a district or sub-district when a town inside it has the same name.

    OCHA names most sub-districts after their seat ("ناحية سلحب" around the town of
    Tall Salhab); the news names the town, and says "ناحية"/"قضاء" when it means the unit.
    """
    for p in places:
        if p.feature in ("district", "subdistrict"):
            break
    else:
        return places  # no unit to drop (the usual case)
    inside = {a for p in places if p.feature in _SETTLEMENTS for a in p.adminset}
    if not inside:
        return places
    kept = [p for p in places if not (p.feature in ("district", "subdistrict") and p.idset & inside)]
    return kept or places


def _candidate(entry: _Entry, frame: _Frame, site: bool) -> Candidate:
    """Score a candidate in `frame` and give the precision it would resolve with."""
    reasons: list[str] = []
    score = _score(entry, frame, reasons)
    precision, enclosing = _reading(entry, frame, site, reasons)
    return Candidate(entry[0], score, precision, tuple(reasons), enclosing)


def _reading(entry: _Entry, frame: _Frame, site: bool, reasons: list[str]) -> tuple[int, bool]:
    """(precision, enclosing) of a candidate `_score` gave `reasons`, completing them."""
    cues = frame.cues
    place = entry[0]
    if site:
        if (cues.feature_word == "مطار" and place.feature in _BIG) or place.feature in AREA_FEATURES:
            # A city's airport lies outside it: an unknown site in the unit (EVENTS.md).
            reasons.insert(0, f"unknown {cues.feature_word} in this {place.feature}")
            return 3, True
        if cues.feature_word in _NATURAL or cues.relation:
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
    if cues.feature_word in _ADMIN_WORDS and feature in _SETTLEMENTS:
        precision = 3  # "مديرية حيفان", "قضاء الحويجة": the unit named after the town
        reasons.append(f"the {cues.feature_word} of this town")
    return precision, False


def _pick(hit: Hit, resolved: set[str], country: str | None, governorate: bool) -> Place:
    """The place a context hit most likely names (resolved before, in the country, ...)."""
    places = [p for p in hit.places if resolved.intersection(p.ids)] or list(hit.places)
    if country:
        places = [p for p in places if p.country == country] or places
    if governorate or hit.cue in _GOVERNORATE_CUES:
        for p in places:
            if p.feature == "governorate":
                return p
    return max(places, key=lambda p: _PRIOR.get(p.feature, 0))


def _enclosing(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The narrowest unit the text names around an unknown place, at precision 3."""
    doc = gazetteer.doc_context(context.norm)
    start, end = context.norm_span
    info, i, j, s_end = doc.where(start, end)
    hits = info.hits
    country = context.country or doc.country
    resolved = {m.place_id for m in context.resolved if m.place_id}
    # EVENTS.md: an unknown place takes "the nearest enclosing place the text gives
    # (e.g. its governorate)": a name that is both city and governorate means the latter.
    # Hits do not overlap and are in text order: hits[j:] start after the mention (all the
    # sentence's hits from its end), hits[:i] end before it.
    locating = _locating(doc, start, end, s_end, hits[j:]) if j < len(hits) else None
    if locating is not None:
        place = _pick(locating, resolved, country, True)
        return _unknown_in(place, mention, 0.0, f"unknown place; the {place.feature} named after it")
    before = [h for h in hits[:i] if h.cue != "مع"]
    if before:
        place = _pick(before[-1], resolved, country, True)
        return _unknown_in(place, mention, 0.0,
                           f"unknown place; the {place.feature} named before it in the sentence")
    for m in reversed(context.resolved):
        if m.place_id and m.geo_precision <= 2 and m.feature in ("city", "governorate"):
            place = gazetteer.get(m.place_id)
            if place is not None:
                return _unknown_in(place, mention, 0.0,
                                   f"unknown place; the {place.feature} the article is about")
    place = gazetteer.country_place(country)
    if place is None:
        return None
    return _unknown_in(place, mention, 0.0, "unknown place; the article's country")


def _unknown_in(place: Place, mention: str, score: float, reason: str) -> PlaceMatch:
    """`place.match(3, score, reason, place_id=None, name=mention)`, by the fast maker."""
    admin = place.admin
    n = len(admin)
    return _match_factory()(None, mention, place.lat, place.lon, 3, place.feature, place.country,
                            admin[0] if n else None, admin[1] if n > 1 else None,
                            admin[2] if n > 2 else None, place.population, score, reason)


def resolve_place(mention: str, context: PlaceContext, gazetteer: Gazetteer) -> PlaceMatch | None:
    """The best `PlaceMatch` for a place mention in its article, or None (no clue at all)."""
    prepared = _prepare(mention, context, gazetteer)
    if prepared is not None:
        frame, entries, site = prepared
        # The best is the first of the highest scores (what a stable sort puts first). Every
        # candidate is scored with its reasons: cheaper than scoring the best one twice.
        top = entries[0]
        reasons: list[str] = []
        score = _score(top, frame, reasons)
        if len(entries) > 1:
            for entry in entries[1:]:
                other: list[str] = []
                other_score = _score(entry, frame, other)
                if other_score > score:
                    top, score, reasons = entry, other_score, other
        precision, enclosing = _reading(top, frame, site, reasons)
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
        misplaced = frame.locating is not None and not _fits_unit(place, frame.locating)
        if not misplaced or place.feature in AREA_FEATURES:
            # `place.match(precision, score, reason)`, positional: one is made per call
            admin = place.admin
            n = len(admin)
            return _match_factory()(place.id, place.name, place.lat, place.lon, precision,
                                    place.feature, place.country, admin[0] if n else None,
                                    admin[1] if n > 1 else None, admin[2] if n > 2 else None,
                                    place.population, score, "; ".join(reasons))
    return _enclosing(mention, context, gazetteer)


#: PlaceMatch's fields, in order: what `_match_factory`'s maker takes positionally.
_MATCH_FIELDS = ("place_id", "name", "lat", "lon", "geo_precision", "feature", "country",
                 "admin1", "admin2", "admin3", "population", "score", "reason")


@functools.cache
def _match_factory() -> Callable[..., PlaceMatch]:
    """`PlaceMatch` itself, or a maker of the same records without the frozen dataclass's
    `__init__` (one `object.__setattr__` lookup per field: about 1.5 µs of each resolution).

    The maker sets every slot through its descriptor, the fields after `_MATCH_FIELDS` to
    their defaults; it is used only while PlaceMatch is a plain frozen slotted dataclass
    whose first fields are `_MATCH_FIELDS` (no `__post_init__`, no field without default
    after them), else PlaceMatch is called.
    """
    fields = dataclasses.fields(PlaceMatch)
    extra = fields[len(_MATCH_FIELDS) :]
    if (
        tuple(f.name for f in fields[: len(_MATCH_FIELDS)]) != _MATCH_FIELDS
        or hasattr(PlaceMatch, "__post_init__")
        or not hasattr(PlaceMatch, "__slots__")
        or any(f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
               for f in extra)
    ):
        return PlaceMatch
    slot = PlaceMatch.__dict__
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12 = (slot[n].__set__ for n in _MATCH_FIELDS)
    defaults = [(slot[f.name].__set__, f.default, f.default_factory) for f in extra]
    new = object.__new__

    def make(place_id: str | None, name: str, lat: float, lon: float, geo_precision: int,
             feature: str, country: str | None, admin1: str | None, admin2: str | None,
             admin3: str | None, population: int | None, score: float, reason: str) -> PlaceMatch:
        m = new(PlaceMatch)
        s0(m, place_id)
        s1(m, name)
        s2(m, lat)
        s3(m, lon)
        s4(m, geo_precision)
        s5(m, feature)
        s6(m, country)
        s7(m, admin1)
        s8(m, admin2)
        s9(m, admin3)
        s10(m, population)
        s11(m, score)
        s12(m, reason)
        for set_field, default, factory in defaults:
            set_field(m, factory() if default is dataclasses.MISSING else default)
        return m

    return make
