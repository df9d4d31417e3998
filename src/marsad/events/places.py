"""Place mentions of a sentence: gazetteer names and names after a feature word.

A place is what EVENTS.md calls `place`: the surface form as the article writes it,
without the generic feature words ("قرية طابية الجزيرة" -> "طابية الجزيرة") but with the
ones that name a site ("منفذ ربيعة", "حقل العمر", "مطار حلب", "حي الصناعة"). Each place
also carries what the words before it say: a relation ("ريف X", "جنوب X": ACLED
geo_precision 2), the part taken ("قسم كبير من حي الصناعة": partial), and whether it
merely locates the place before it ("طابية الجزيرة ... في ريف دير الزور": dير الزور is
context, not a second place of the event).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from marsad.events.analysis import Analysis
from marsad.events.context import mark_context
from marsad.events.unknown_names import TANWEEN, clean, longer_name, name_after, tanween
from marsad.lexicon.model import Lexicon
from marsad.recognize.matcher import Hit

#: Hit kinds that sit between words without being content.
_CUE_KINDS = frozenset({"place_drop", "place_keep", "relation", "place_prep", "partial",
                        "source_stop"})
_KEEP = frozenset({"place_keep"})
_FEATURES = frozenset({"place_drop", "place_keep"})
#: the hit kinds `find_places` reads a place from
_PLACE_KINDS = frozenset({"place", "place_name", "place_drop", "place_keep"})


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place named in a sentence, in normalized offsets."""

    start: int  # the surface (keep-feature word included)
    end: int
    name_start: int  # the name alone
    name_end: int
    surface: str  # as recorded in the event
    key: str | None  # gazetteer key, None for a name no gazetteer knows
    feature: str | None = None
    relation: str | None = None
    partial: bool = False
    context_only: bool = False
    coordinated: bool = False


def find_places(an: Analysis, lexicon: Lexicon, a: int, b: int) -> list[PlaceRef]:
    """The places named in normalized [a, b) (a sentence), in order."""
    first = bisect.bisect_left(an.hit_starts, a)
    last = bisect.bisect_left(an.hit_starts, b)
    hits = an.hits[first:last]
    out: list[PlaceRef] = []
    taken_until = a
    # a place name that is also read as something else (a cue, an actor) is that, unless
    # it is the nisba after "الأراضي", "الأجواء" ("الأراضي السورية"): the country
    released = set()
    keeps = an.hit_indices(_KEEP)
    for k in keeps[bisect.bisect_left(keeps, first):bisect.bisect_left(keeps, last)]:
        i = k - first
        if hits[i].entry.form in ("اراضي", "اجواء") and \
                i + 1 < len(hits) and hits[i + 1].entry.kind in ("adjective", "place"):
            released.add((hits[i + 1].start, hits[i + 1].end))
    # only these kinds do anything below; the other hits of the sentence are skipped
    wanted = an.hit_indices(_PLACE_KINDS)
    # feature words followed by a description more often than by a name ("جبهات القتال")
    described = lexicon.words("described_features")
    for k in wanted[bisect.bisect_left(wanted, first):bisect.bisect_left(wanted, last)]:
        i = k - first
        hit = hits[i]
        kind = hit.entry.kind
        if kind == "place" and (hit.start, hit.end) not in released and any(
                h.end == hit.end and h.entry.kind not in ("place", "metonym")
                for h in an.hits_in(hit.start, hit.start + 1)):
            continue
        if kind == "place" and any(t in an.norm.original[
                an.norm.to_original[hit.end] - 2:an.norm.to_original[hit.end] + 1]
                for t in TANWEEN):
            continue  # "ضابطاً سورياً", "جراحٍ": tanween marks an indefinite word; names take none
        if kind == "place" and hit.start >= taken_until:
            ref = _known_place(an, lexicon, hits, i)
            if ref is not None:
                ref = _compound(an, lexicon, hits, i, ref)
                out.append(ref)
                taken_until = ref.end
        elif kind == "place_name" and hit.start >= taken_until:
            ref = _ref(an, lexicon, hit.start, hit.end, None, _before(hits, i, an), hit)
            out.append(ref)
            taken_until = ref.end
        elif kind in ("place_drop", "place_keep") and hit.end >= taken_until and \
                hit.entry.form not in described and \
                not (kind == "place_drop" and hit.entry.article):
            follows = next((h for h in hits[i + 1:] if h.start >= hit.end), None)
            nxt = an.next_word(hit.end)
            if follows is not None and nxt is not None and follows.start <= nxt[0] and \
                    follows.entry.kind in ("place", "place_drop", "place_keep", "relation") \
                    and longer_name(an, lexicon, follows, b) is None:
                continue  # a known name (or another feature word) follows: handled there
            for ref in _unknown_places(an, lexicon, hits, i, b):
                out.append(ref)
                taken_until = ref.end
    return mark_context(an, lexicon, out)


def _before(hits: list[Hit], i: int, an: Analysis) -> list[Hit]:
    """The cue hits right before hits[i] (each at most one word before the next)."""
    out: list[Hit] = []
    pos = hits[i].token_start
    span = (hits[i].start, hits[i].end)
    cue_spans = an.spans_of(_CUE_KINDS)
    j = i - 1
    while j >= 0 and len(out) < 4:
        h = hits[j]
        if (h.start, h.end) == span:
            j -= 1
            continue
        if h.entry.kind not in _CUE_KINDS:
            # a gazetteer name that is also a cue ("شمالي" is a village too): the cue
            if (h.start, h.end) not in cue_spans:
                break  # no cue has this span anywhere: no twin (the common case, cheaply)
            twin = next((k for k in hits[max(0, j - 2):j + 3]
                         if (k.start, k.end) == (h.start, h.end) and k.entry.kind in _CUE_KINDS),
                        None)
            if twin is None:
                break
            h = twin
        if an.words_between(h.end, pos) > 1:
            break
        if h.entry.kind == "relation" and "ال" in h.proclitics and \
                "ل" not in hits[i].proclitics and an.word_before(hits[i].token_start) != "من":
            # "ريف إدلب الغربي وتلال الخضر": a direction with the article qualifies the
            # place before it; it relates a name only through "ل" or "من" ("الريف الغربي
            # لحلب", "الشمال الشرقي من سوريا")
            break
        out.append(h)
        pos = h.token_start
        j -= 1
    return out


def _linked(an: Analysis, hit: Hit) -> bool:
    """Is the hit an outlet's name (lexicon `linked_names`) that the page glued to a word
    beside it, as it does its links ("كاميراالميادينفي المنزل")? A town is never linked."""
    name = an.text[hit.start:hit.end]
    if name not in an.linked_names and "ال" + name not in an.linked_names:
        return False
    original, to_original = an.norm.original, an.norm.to_original
    left = to_original[hit.token_start]
    right = to_original[hit.end - 1] + 1
    return (left > 0 and original[left - 1].isalpha()) or \
        (right < len(original) and original[right].isalpha())


def _known_place(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> PlaceRef | None:
    hit = hits[i]
    if hit.entry.attr("common") and \
            not an.has_hit(_FEATURES, max(0, hit.token_start - 80), hit.token_start):
        return None  # a common word is a place only after a feature word (or its dual)
    before = _before(hits, i, an)
    kinds = {h.entry.kind for h in before}
    prev = hits[i - 1] if i > 0 else None
    if prev is not None and prev.entry.kind == "source_noun" and \
            an.words_between(prev.end, hit.start) == 0:
        return None  # "مراسل الميادين", "مصادر للميادين": an outlet, not a place
    if not kinds & {"place_drop", "place_keep", "relation"} and _in_person_name(an, lexicon, hits, i):
        return None  # "السيد حسن نصر الله", "محمد بن سلمان": a man's name, no place
    if an.word_before(hit.token_start) in lexicon.words("colour_words"):
        return None  # "داعش باللون الرمادي": a colour on a map's legend, not Ramadi
    nxt = an.next_word(hit.end)
    if nxt is not None and an.text[nxt[0]:nxt[1]] in lexicon.words("website_words") and \
            an.text[hit.start:hit.end] in an.linked_names:
        return None  # "إلى الميادين أونلاين": the outlet's website, not the city
    if "ل" in hit.proclitics and "ال" + an.text[hit.start:hit.end] in an.linked_names:
        return None  # "في حديثه للميادين", "تصريحات للميادين": told to the outlet
    if _linked(an, hit):
        return None  # "عرضتالميادينللمرة الأولى": the page linked the outlet's name
    # "استهداف كفرتخاريم", "قصفت دمشق": the object of an attack is where it struck
    struck = prev is not None and prev.entry.kind == "trigger" and \
        an.words_between(prev.end, hit.token_start) == 0 and not an.text[prev.token_end:hit.token_start].strip()
    # "ب" before a name locates it ("بريف", "بالقائم"); "ل" mostly does not ("لسان")
    # a source's stop word ("أنّ", "إن": also read inside "وكان") before a name says
    # nothing of where it is: "وكان عبد السلام قد كتب" names a man
    located = bool(kinds - {"source_stop"}) or struck or "ب" in hit.proclitics \
        or _after_place_list(an, hits, i) or _in_each_of(an, hit) or (
            prev is not None and prev.entry.kind == "place" and not prev.entry.attr("common")
            and an.words_between(prev.end, hit.token_start) == 0
            and not an.text[prev.end:hit.token_start].strip())
    # "قرية شباط" names a village; "المنطقة" (with the article) points back to one
    # ... and only right before the name: "أرياف المحافظة في الضفة" licenses nothing
    licensing = {h.entry.kind for h in before
                 if not (h.entry.kind == "place_drop" and (
                     h.entry.article or an.text[h.token_start:h.start].endswith("ال")))
                 and not (h.entry.kind in ("place_drop", "place_keep")
                          and (an.words_between(h.end, hit.token_start) > 0
                               # "المحافظة والبلدية": "و" ends the feature word's name
                               or "و" in hit.proclitics))}
    # "بلدتي ذيبان والطيانة", "حقلي كونيكو والعمر": the dual licenses its second name too
    dual = _dual_before(an, hits, i, before)
    if dual is not None:
        licensing.add(dual.entry.kind)
    if "ب" in hit.proclitics and not dual:
        # "استهداف المنطقة بصورة عامة": a preposition glued on the word after a feature
        # word breaks the construct; the feature word names nothing through it
        licensing -= {"place_drop", "place_keep"}
    if hit.entry.attr("common") and not (licensing & {"place_drop", "place_keep"}):
        return None
    if licensing & {"place_drop", "place_keep"} and _agrees_as_adjective(an, lexicon, hit, before):
        return None  # "مستوطنات جديدة", "المناطق العالية": the feature word's adjective
    if hit.entry.form[:-1] in lexicon.words("suffixed_nouns") and hit.entry.form.endswith("ه") \
            and not licensing & {"place_drop", "place_keep"} and _written_ha(an, hit.end):
        return None  # "في حديثه للصحيفة": his talk (a plain "ه"), not Haditha ("حديثة")
    if hit.entry.form in lexicon.words("locative_only") and not (
            licensing & {"place_drop", "place_keep"} or kinds & {"relation"} or dual is not None
            or (hit.token_start == hit.start
                and an.word_before(hit.token_start) in LOCATIVE_WORDS)):
        return None  # "برز القلق", "بالحجارة": a word that is a place only after "في" & co
    if "ل" in hit.proclitics and licensing & {"place_drop", "place_keep"} and \
            not kinds & {"relation"}:
        return None  # "قاعدة للتحالف", "مقر للجيش": whose base, not a place's name
    metonym = any(h.entry.kind == "metonym" and (h.start, h.end) == (hit.start, hit.end)
                  for h in hits[max(0, i - 2):i + 3])
    if not located and an.words_between(hit.token_start, hit.start) == 0 and (
            an.word_before(hit.token_start) in LOCATIVE_WORDS or _capital_before(an, hit)):
        located = True
    if not located and _quoted_after_feature(an, hits, i):
        located = True  # 'قاعدة الاحتلال الأميركي "حرير"': the base's name, in quotes
    if not located and " " in hit.entry.value and not metonym and \
            not hit.entry.value.startswith(lexicon.starts("person_heads")):
        located = True  # a name of two words or more is hardly an ordinary phrase
    if not located and (metonym or not hit.entry.attr("major") or "ل" in hit.proclitics):
        # a small place named with no locative word: an ordinary word, likely; and "ل"
        # before a name makes it whom something is for ("تؤكد للميادين"), not where
        return None
    if metonym and not _where(an, hit, kinds):
        return None  # "شنّت روسيا", "كل من روسيا": the country acts, it is no place here
    if _describes_actor(an, lexicon, hit):
        return None  # "التنظيمات المنتشرة في ريف إدلب": where an actor is, not the event
    if _names_organization(an, hits, i):
        return None  # "مركز جسر الشغور الإعلامي", "تنسيقية جسر الشغور": who, not where
    if an.dates_in(max(0, hit.start - 12), hit.end) and any(
            d.start <= hit.start < d.end for d in an.dates_in(max(0, hit.start - 12), hit.end)):
        return None  # "في تشرين الأول": a month, not the village of that name
    longer = longer_name(an, lexicon, hit, min(len(an.text), hit.end + 80))
    if longer is not None:
        # "منطقة رأس عيسى": the gazetteer's "رأس" only heads a name it does not know
        return _ref(an, lexicon, longer[0], longer[1], None, before, hit, dual)
    return _ref(an, lexicon, hit.start, hit.end, hit.entry.value, before, hit, dual)


def _compound(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int, ref: PlaceRef) -> PlaceRef:
    """A known name right after a known name, with no "و" or comma, makes one name with it.

    "حويجة البصيرة", "راشيا الفخار": a village named after the town it lies by; the two
    names of a route ("طريق حلب اللاذقية", lexicon `route_words`) stay two places.
    """
    nxt = next((h for h in hits[i + 1:] if h.start >= ref.name_end), None)
    if nxt is None or nxt.entry.kind != "place" or nxt.entry.attr("common") or \
            set(nxt.proclitics) - {"ال"} or an.text[ref.name_end:nxt.token_start].strip() or \
            an.words_between(ref.name_end, nxt.token_start) or nxt.token_start != nxt.start:
        return ref
    if any(h.start < nxt.end and h.end > nxt.start and h.entry.kind not in ("place", "metonym")
           for h in an.hits_in(max(0, nxt.start - 30), nxt.end)):
        return ref  # "حلب الشرقية": a direction, a cue or an actor after the name
    route = an.word_before(ref.start)
    if route in lexicon.words("route_words") or \
            (route[:1] in ("و", "ب") and route[1:] in lexicon.words("route_words")):
        return ref
    surface = clean(an.spaced_slice(ref.start, nxt.end))
    return replace(ref, end=nxt.end, name_end=nxt.end, surface=surface, key=None)


def _quoted_after_feature(an: Analysis, hits: list[Hit], i: int) -> bool:
    """Is hits[i] a quoted name a few words after a feature word ('قاعدة الاحتلال "حرير"')?"""
    hit = hits[i]
    if an.text[hit.token_start - 1:hit.token_start] not in ('"', "«"):
        return False
    feature = next((h for h in reversed(hits[max(0, i - 8):i])
                    if h.entry.kind in _FEATURES), None)
    return feature is not None and an.words_between(feature.end, hit.token_start) <= 4


def _dual_before(an: Analysis, hits: list[Hit], i: int,
                 before_i: list[Hit] | None = None) -> Hit | None:
    """The dual feature word ("حقلي", "بلدتي") heading hits[i] or the name coordinated before it.

    `before_i` is `_before(hits, i, an)` when the caller has it already.
    """
    for j in (i, i - 1):
        if j < 0 or (j < i and not _after_place_list(an, hits, i)):
            return None
        before = before_i if j == i and before_i is not None else _before(hits, j, an)
        dual = next((h for h in before if h.entry.value.startswith("dual_")), None)
        if dual is not None:
            return dual
    return None


def _singular(an: Analysis, feature: Hit) -> str:
    """A feature word as written, a dual ("حقلي") made singular ("حقل")."""
    word = an.spaced_slice(feature.start, feature.end)
    return word[:-1] if feature.entry.value == "dual_keep" else word


#: words that put the name after them in a place (normalized): "في إسرائيل", "قرب حلب"
LOCATIVE_WORDS = frozenset({"في", "علي", "الي", "من", "نحو", "داخل", "قرب", "عند", "فوق"})


def _in_person_name(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int) -> bool:
    """Is hits[i] part of a person's name: after "بن", a first name, or a title and a word,
    or before a first name (the father's)?"""
    hit = hits[i]
    nxt = an.next_word(hit.end)
    if nxt is not None and an.text[hit.end:nxt[0]].isspace() and \
            an.text[nxt[0]:nxt[1]] in lexicon.words("first_names") and \
            not hit.entry.attr("major") and an.word_before(hit.token_start) not in LOCATIVE_WORDS:
        # "وحمزة حسن موسى", "جميل جعفر": a first name, then the father's; not "في اليمن
        # محمد الحوثي", "محافظ الحديدة محمد": a man named after a place he serves
        return True
    if hit.token_start != hit.start:
        return False  # "وحسن": a clitic glued on the name starts another phrase
    prev = an.prev_word(hit.token_start)
    if prev is None or not an.text[prev[1]:hit.token_start].isspace():
        return False  # a comma or a stop between: a new phrase
    word = an.text[prev[0]:prev[1]]
    if word in lexicon.words("person_links") or word in lexicon.words("first_names"):
        return True
    # "السيد نصر الله", "الشيخ حسن X": a title (lexicon `sources.titles`), then a word or none
    for h in hits[max(0, i - 6):i]:
        if h.entry.kind == "title" and h.end <= hit.token_start and \
                an.words_between(h.end, hit.token_start) <= 1 and \
                not any(c in an.text[h.end:hit.token_start] for c in ",.:;"):
            return True
    return False


def _names_organization(an: Analysis, hits: list[Hit], i: int) -> bool:
    """Is the name part of an organization's ("تنسيقية X", "X الإعلامي")?"""
    hit = hits[i]
    for h in hits[max(0, i - 2):i + 4]:
        if h.entry.kind == "org_head" and h.end <= hit.token_start and \
                an.words_between(h.end, hit.token_start) == 0:
            return True
        if h.entry.kind == "org_tail" and h.start >= hit.end and \
                an.words_between(hit.end, h.start) == 0:
            return True
    return False


def _where(an: Analysis, hit: Hit, kinds: set[str]) -> bool:
    """Does a locative word stand right before this name ("في إسرائيل", "من العراق")?"""
    if kinds & {"place_drop", "place_keep", "relation"} or "ب" in hit.proclitics:
        return True
    if _in_each_of(an, hit):
        return True  # "في كل من سوريا والعراق": both are where it happened
    words = an.words(max(0, hit.token_start - 12), hit.token_start)[-2:]
    if words[-1:] == ["من"]:
        return words != ["كل", "من"]  # "انسحاب القوات من العراق"; not "كل من روسيا وإيران"
    return (bool(words) and words[-1] in LOCATIVE_WORDS) or _capital_before(an, hit)


def listed_where(an: Analysis, hits: list[Hit], i: int) -> bool:
    """"في سوريا والعراق": a name joined by "و" to a name that is where, is where too."""
    hit = hits[i]
    if "و" not in hit.proclitics:
        return False
    j = i - 1
    while j >= 0 and hits[j].end > hit.token_start:
        j -= 1  # the other readings of this very word
    if j < 0 or hits[j].entry.kind != "place" or an.text[hits[j].end:hit.token_start].strip():
        return False
    prev = hits[j]
    k = j
    while k > 0 and hits[k - 1].start == prev.start:
        k -= 1  # the first reading of the name before
    return _where(an, prev, {h.entry.kind for h in _before(hits, k, an)})


def _in_each_of(an: Analysis, hit: Hit) -> bool:
    """Is the name one of a list opened by "في كل من" ("في كل من سوريا والعراق")?"""
    if "كل من" not in an.text[max(0, hit.token_start - 40):hit.token_start]:
        return False
    words = an.words(max(0, hit.token_start - 40), hit.token_start)
    for k in range(len(words) - 3, max(-1, len(words) - 8), -1):
        if words[k:k + 3] == ["في", "كل", "من"]:
            return all("," not in w for w in words[k + 3:])
    return False


def _capital_before(an: Analysis, hit: Hit) -> bool:
    """"تستهدف العاصمة اليمنية صنعاء": the capital named as such, not its government."""
    return "العاصمه" in an.words(max(0, hit.token_start - 24), hit.token_start)[-2:]


def _describes_actor(an: Analysis, lexicon: Lexicon, hit: Hit) -> bool:
    # "التنظيمات المنتشرة في ريف إدلب" (lexicon `stationed`): where an actor is
    words = an.words_before(hit.token_start, 40, 3)
    stationed = lexicon.words("stationed")
    return any(w in stationed for w in words[-3:]) and "في" in words[-3:]


def _after_place_list(an: Analysis, hits: list[Hit], i: int) -> bool:
    """True when hits[i] is coordinated ("و" or a comma) with a place right before it."""
    if i == 0 or ("و" not in hits[i].proclitics and an.text[hits[i - 1].end:hits[i].start].strip() != ","):
        return _quoted_and(an, hits, i)
    prev = hits[i - 1]
    return prev.entry.kind == "place" and an.words_between(prev.end, hits[i].token_start) == 0


def _quoted_and(an: Analysis, hits: list[Hit], i: int) -> bool:
    """`"كونيكو" و"العمر"`: a quoted name after a place and an "و" standing alone."""
    return i > 0 and hits[i - 1].entry.kind == "place" and \
        an.text[hits[i - 1].end:hits[i].token_start].replace(" ", "") in ('"و"', '"و', 'و"')


def _ref(an: Analysis, lexicon: Lexicon, start: int, end: int, key: str | None,
         before: list[Hit], hit: Hit, dual: Hit | None = None) -> PlaceRef:
    feature = relation = None
    partial = False
    surface_start = start
    kept = None
    for h in before:
        k = h.entry.kind
        if k == "place_keep" and feature is None and relation is None:
            feature = h.entry.written
            surface_start = h.start
            kept = h
        elif k == "place_drop" and feature is None and relation is None:
            feature = h.entry.form
        elif k == "relation" and relation is None:
            relation = h.entry.form
        elif k == "partial":
            partial = True
    surface_start, end = _trim_surface(an, lexicon, surface_start, end, keep=True)
    surface = an.spaced_slice(surface_start, end)
    if kept is not None and kept.entry.value == "dual_keep" and surface_start == kept.start:
        feature = feature[:-1]
        surface = _singular(an, kept) + an.spaced_slice(kept.end, end)
    elif kept is None and dual is not None and dual.entry.value == "dual_keep":
        feature = dual.entry.form[:-1]
        surface = f"{_singular(an, dual)} {an.spaced_slice(surface_start, end)}"
    # "وتلال الخضر", "وحي القصور": the "و" may stand on the feature word before the name
    # (not on a relation: "جنوب وغرب محافظة تعز" joins two directions of one place)
    coordinated = "و" in hit.proclitics or (bool(before) and "و" in before[-1].proclitics
                                            and before[-1].entry.kind in _FEATURES) or \
        an.text[max(0, start - 4):start].replace(" ", "").endswith(('"و"', '"و'))
    return PlaceRef(surface_start, end, start, end, clean(surface), key, feature, relation,
                    partial, coordinated=coordinated)


def _trim_surface(an: Analysis, lexicon: Lexicon, start: int, end: int,
                  keep: bool) -> tuple[int, int]:
    """Drop a leading generic feature word and, after a site word, trailing adjectives."""
    text = an.text
    # "مدينة حلب" (lexicon `leading_features`), "حقل العمر النفطي" (`trailing_adjectives`)
    leading = lexicon.starts("leading_features")
    trailing = lexicon.starts("trailing_adjectives")
    # one test for all the words first: most names have none of them
    if text.startswith(leading, start):
        for word in leading:
            if text.startswith(word, start) and end - start > len(word) + 1:
                start += len(word)
                break
    while keep:
        surface = text[start:end]
        if not surface.endswith(trailing):
            break
        for adjective in trailing:
            if surface.endswith(adjective) and end - start > len(adjective) + 4:
                end -= len(adjective)
                break
        else:
            break
    return start, end


def _unknown_places(an: Analysis, lexicon: Lexicon, hits: list[Hit], i: int,
                    limit: int) -> list[PlaceRef]:
    """Names after a feature word that no gazetteer knows ("حقل كونيكو", "مطار أربيل")."""
    feature_hit = hits[i]
    if _suffixed(an, lexicon, feature_hit):
        return []  # "قريتهم": their village, named before; "هم" is no name
    if tanween(an, feature_hit.end - 1):
        return []  # "16 ميناءً", "محطةً": an indefinite noun, counted or described, no name
    if "ال" in feature_hit.proclitics and not feature_hit.entry.article and \
            an.text[feature_hit.end:feature_hit.end + 2].strip()[:1] not in ('"', "«"):
        # "القاعدة التقليدية", "الحقل النفطي", "المطار وخروجه": a feature word with the
        # article heads no construct name; what follows describes the one named before
        return []
    keep = feature_hit.entry.kind == "place_keep"
    before = _before(hits, i, an)
    refs: list[PlaceRef] = []
    pos = feature_hit.end
    text = an.text
    while True:
        name = name_after(an, lexicon, pos, limit, allow_number=keep)
        if name is None:
            break
        n_start, n_end = name
        if keep:
            # "حقلي كونيكو والعمر": the dual names two sites, each "حقل X"
            feat = _singular(an, feature_hit)
            surface = f"{feat} {clean(an.spaced_slice(n_start, n_end))}"
            s_start = feature_hit.start if not refs else n_start
        else:
            surface = clean(an.spaced_slice(n_start, n_end))
            s_start = n_start
        feature = feature_hit.entry.form
        relation = next((h.entry.form for h in before if h.entry.kind == "relation"), None)
        partial = any(h.entry.kind == "partial" for h in before)
        refs.append(PlaceRef(s_start, n_end, n_start, n_end, surface, None, feature, relation,
                             partial, coordinated=bool(refs)))
        # a coordinated second name: "بلدتي ذيبان والطيانة", "حقلي كونيكو والعمر"
        after = an.next_word(n_end)
        if after is None or text[after[0]] != "و" or after[1] - after[0] < 4:
            break
        if any(h.start < after[1] and h.end > after[0] and h.entry.kind not in ("place",)
               for h in an.hits_in(after[0], after[1])):
            break
        pos = after[0] + 1
        if pos >= limit:
            break
    return refs


def _agrees_as_adjective(an: Analysis, lexicon: Lexicon, hit: Hit, before: list[Hit]) -> bool:
    """Is the name an adjective (lexicon `name_stops`) of the feature word right before it?

    It agrees with it: both with the article ("المناطق العالية") or both without
    ("مستوطنات جديدة"); "بلدة الجديدة" (the article on the name alone) names a village.
    """
    if an.text[hit.token_start:hit.end] not in lexicon.words("name_stops"):
        return False
    feature = next((h for h in before if h.entry.kind in _FEATURES), None)
    if feature is None or an.words_between(feature.end, hit.token_start):
        return False
    feature_definite = "ال" in feature.proclitics or feature.entry.article or \
        an.text[feature.token_start:feature.start].endswith("ال")
    return bool(feature_definite) == ("ال" in hit.proclitics or hit.entry.form.startswith("ال"))


def _written_ha(an: Analysis, end: int) -> bool:
    """Is the letter before normalized `end` written as a plain "ه" (not "ة", which folds to it)?"""
    k = an.norm.to_original[end - 1]
    return an.norm.original[k:k + 1] == "\u0647"


def _suffixed(an: Analysis, lexicon: Lexicon, feature: Hit) -> bool:
    """Does a pronoun suffix end the feature word's word ("قريتهم", "مواقعها")?"""
    k = an.word_index(feature.end - 1)
    if k >= len(an.word_ends) or an.word_ends[k] <= feature.end:
        return False
    return an.text[feature.end:an.word_ends[k]] in lexicon.words("pronoun_suffixes")
