"""The loaded gazetteer: places by id and by name key, admin polygons, user overlay.

`load_gazetteer()` reads the shipped index (`data/places.tsv.gz`) plus the user overlay
when there is one; `Gazetteer.lookup(name)` returns candidates for a written name,
`Gazetteer.keys()` every surface key for the recognizer's automaton.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import ahocorasick

from marsad.errors import GazetteerError
from marsad.geo.context import CONTEXT_FEATURES, DocContext, context_value, scan
from marsad.geo.names import (
    canonical,
    canonical_key,
    en_canonical,
    name_variants,
    split_feature_prefix,
    surface_key,
)
from marsad.geo.overlay import default_overlay_path, read_overlay, user_dir
from marsad.geo.paths import ADMIN_FILE, DATA_DIR, PLACES_FILE
from marsad.geo.place import Place
from marsad.model import NormText

if TYPE_CHECKING:  # shapely (and numpy) are imported with the polygons, on first use
    from marsad.geo.admin import AdminAreas

log = logging.getLogger(__name__)

K = TypeVar("K")
V = TypeVar("V")

#: Columns of places.tsv.gz, in order.
COLUMNS = (
    "id", "aliases", "feature", "lat", "lon", "population", "country", "admin",
    "name", "name_en", "names", "keys", "canon", "sources",
)

_FEATURE_RANK = {
    "country": 9, "governorate": 8, "city": 7, "district": 6, "town": 5, "subdistrict": 4,
    "airbase": 4, "airport": 4, "border crossing": 4, "oil field": 4, "sea": 4,
    "village": 3, "neighbourhood": 2,
}


class Gazetteer:
    """Places indexed by id, alias id, surface key and canonical key."""

    def __init__(self, places: Iterable[Place], *, keys: dict[int, tuple[str, ...]] | None = None,
                 canon: dict[int, tuple[str, ...]] | None = None,
                 admin_path: Path | None = None, overlay_ids: frozenset[str] = frozenset(),
                 path: Path | None = None, overlay_path: Path | None = None,
                 common_words: Iterable[str] = (), outlet_nouns: Iterable[str] = ()) -> None:
        self.places: list[Place] = list(places)
        #: ordinary words that are also place names (the lexicon's `common_words`): the
        #: article scan counts them only after a feature word, as the recognizer does
        self.common_words = frozenset(common_words)
        #: nouns of a news outlet (the lexicon's `outlet_nouns`): the article scan skips a
        #: name right after one ("مراسل الميادين" names the channel, not the town)
        self.outlet_nouns = frozenset(outlet_nouns)
        self.path = path
        self.overlay_path = overlay_path
        self.overlay_ids = overlay_ids
        self._admin_path = admin_path
        self._admin: AdminAreas | None = None
        self._automaton: object | None = None
        #: id(norm) -> (norm, its scan), least recently used first; the norm is held so that
        #: its id stays its own while cached
        self._doc_cache: dict[int, tuple[NormText, DocContext]] = {}
        #: how many article scans `doc_context` keeps (an extractor needs only the current one)
        self.doc_cache_size = 8
        self._lookups: dict[tuple[str, bool], tuple[Place, ...]] = {}
        self._ranked: dict[str, tuple[Place, ...]] | None = None  # see `ranked_index`
        self._major: frozenset[str] | None = None  # see `major_keys`
        self._country_cache: dict[str, Place] | None = None  # see `country_place`
        #: bounded memos of the resolver's pure per-name work (see `clear_caches`)
        self.memo: dict[str, dict] = {}
        #: what the resolver precomputes once per place (by `id(place)`): index data, not a memo
        self.place_parts: dict[int, tuple] = {}
        #: what the resolver precomputes once per surface key (`build_resolver_index`): index data
        self.key_entries: dict[str, tuple] = {}
        self.by_id: dict[str, Place] = {}
        self._surface: dict[str, list[Place]] = {}
        self._canon: dict[str, list[Place]] = {}
        for i, place in enumerate(self.places):
            for pid in place.ids:
                # Overlay entries come last and win the id (a user correcting a place).
                if pid not in self.by_id or place.id in overlay_ids:
                    self.by_id[pid] = place
            place_keys = keys.get(i) if keys else None
            if place_keys is None:
                place_keys = _keys_of(place)
            for k in place_keys:
                self._surface.setdefault(k, []).append(place)
            place_canon = canon.get(i) if canon else None
            if place_canon is None:
                place_canon = tuple({canonical(k) for k in place_keys if not k.isascii()}
                                    | {"en:" + en_canonical(n) for n in place.names if n.isascii()})
            for c in place_canon:
                self._canon.setdefault(c, []).append(place)

    def __len__(self) -> int:
        return len(self.places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def keys(self) -> Iterable[str]:
        """Every surface key (folded name or variant, no leading article or feature word)."""
        return self._surface.keys()

    def get(self, place_id: str) -> Place | None:
        """The place with this id or alias id."""
        return self.by_id.get(place_id)

    def lookup(self, name: str, *, strip_feature: bool = True) -> list[Place]:
        """Candidates for a written name (tolerant of ال, ة/ه, ى/ي, spacing, feature words)."""
        cached = self._lookups.get((name, strip_feature))
        if cached is not None:
            return list(cached)
        found = self._lookup(name, strip_feature)
        remember(self._lookups, (name, strip_feature), tuple(found))
        return found

    def _lookup(self, name: str, strip_feature: bool) -> list[Place]:
        key = surface_key(name)
        if not key:
            return []
        found = self._lookup_key(key)
        if not found and strip_feature:
            head, rest = split_feature_prefix(key)
            if head is not None:
                found = self._lookup_key(surface_key(rest))
        return found

    def lookup_key(self, key: str) -> list[Place]:
        """`lookup(name, strip_feature=False)` of a name already made a surface key, unmemoized.

        The gazetteer's own keys are read from the ranked index (`ranked_index`); a key it
        does not hold (a spelling only the canonical key finds) is ranked on the spot.
        """
        if not key:
            return []
        found = (self._ranked or self.ranked_index()).get(key)
        return list(found) if found is not None else self._lookup_key(key)

    def ranked_index(self) -> dict[str, tuple[Place, ...]]:
        """Every surface key with its ranked candidates (`_lookup_key`), built once on first use.

        Index data, like the context automaton: built for every key at once, not per name
        asked, so a resolver's new names cost a dict lookup instead of a merge and a sort.
        """
        ranked = self._ranked
        if ranked is None:
            ranked = self._ranked = {k: tuple(self._lookup_key(k)) for k in self._surface}
        return ranked

    def exact_key(self, key: str) -> list[Place]:
        """Places with exactly this surface key (the key already made by `surface_key`)."""
        return self._surface.get(key, [])

    def clear_caches(self) -> None:
        """Forget memoized lookups, resolver memos and article scans (e.g. for benchmarks)."""
        self._lookups.clear()
        self.memo.clear()
        self._doc_cache.clear()

    def major_keys(self) -> frozenset[str]:
        """Surface keys naming at least one major place (what the news names bare).

        Major: a city, country, governorate, district, region, sea, airbase, border
        crossing or oil field, or a place of 50,000 people or more. Same answer as
        looking every key up, without the lookups (the matcher calls it at load time).
        """
        cached = self._major
        if cached is None:
            major_canon = {c for c, places in self._canon.items() if any(map(_is_major, places))}
            # Non-major places sharing a loose key with a major one: only their keys can be
            # major through loose matching (lookup's canonical step), so only those are keyed.
            suspects = {id(p) for c in major_canon for p in self._canon[c] if not _is_major(p)}
            out = set()
            for key, places in self._surface.items():
                if any(map(_is_major, places)):
                    out.add(key)
                elif any(id(p) in suspects for p in places):
                    loose = "en:" + en_canonical(key) if key.isascii() else canonical(key)
                    if loose in major_canon:
                        out.add(key)
            cached = self._major = frozenset(out)
        return cached

    def _lookup_key(self, key: str) -> list[Place]:
        exact = self._surface.get(key, [])
        if key.isascii():
            loose = self._canon.get("en:" + en_canonical(key), [])
        else:
            loose = self._canon.get(canonical_key(key), [])
        if not loose:
            out = list(exact)
        elif not exact:
            out = list(loose)
        elif len(exact) == 1 and len(loose) == 1 and exact[0] is loose[0]:
            return [exact[0]]  # the usual case: the name's one place, by both keys
        else:
            # by identity: hashing a Place hashes every field
            out = list({id(p): p for p in [*exact, *loose]}.values())
        if len(out) < 2:
            return out
        exact_ids = {p.id for p in exact}
        overlay = self.overlay_ids
        rank = _FEATURE_RANK.get
        out.sort(key=lambda p: (p.id not in overlay, p.id not in exact_ids,
                                -rank(p.feature, 1), -(p.population or 0)))
        return out

    # --- article context ---------------------------------------------------------------

    def doc_context(self, norm: NormText) -> DocContext:
        """The context scan of an article (cached for the last few articles)."""
        cache = self._doc_cache
        key = id(norm)
        hit = cache.get(key)
        if hit is not None and hit[0] is norm:
            # an extractor asks for the same article once per mention: found by identity
            del cache[key]
            cache[key] = hit
            return hit[1]
        text = norm.text
        found = None
        for other, doc in cache.values():
            if other.text == text:  # the same article in another NormText (guess_country)
                found = doc
                break
        if found is None:
            if self._automaton is None:
                self._automaton = _context_automaton(self._surface)
            found = scan(norm, self._automaton, self.common_words, self.outlet_nouns)
        cache.pop(key, None)
        cache[key] = (norm, found)
        while len(cache) > self.doc_cache_size:
            del cache[next(iter(cache))]
        return found

    # --- admin polygons ----------------------------------------------------------------

    @property
    def admin_areas(self) -> AdminAreas:
        """The admin polygons (read on first use, so that loading stays fast)."""
        if self._admin is None:
            # imported here: loading the index and resolving names need no polygons
            from marsad.geo.admin import AdminAreas

            if self._admin_path is not None and self._admin_path.exists():
                self._admin = AdminAreas.load(self._admin_path)
            else:
                self._admin = AdminAreas([])
        return self._admin

    def locate(self, lat: float, lon: float) -> list[Place]:
        """Admin units containing a point, country first (point-in-polygon)."""
        out = []
        for area in self.admin_areas.locate(lat, lon):
            place = self.by_id.get(area.id)
            if place is not None:
                out.append(place)
        return out

    def country_place(self, iso2: str | None) -> Place | None:
        """The country entry of an ISO code."""
        if not iso2:
            return None
        return self._countries().get(iso2.upper())

    def _countries(self) -> dict[str, Place]:
        cached = self._country_cache
        if cached is None:
            cached = {p.country: p for p in self.places if p.feature == "country" and p.country}
            self._country_cache = cached
        return cached


#: How many entries a name memo holds before it starts again: names recur across
#: articles, so a bounded memo is plenty and memory stays flat over a long run.
MEMO_SIZE = 50_000


def remember(memo: dict[K, V], key: K, value: V) -> V:
    """Store `value` under `key` in a bounded memo (emptied when full); return `value`."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


#: Features of places the news names bare, without a locative word (see `major_keys`).
MAJOR_FEATURES = frozenset({"city", "country", "governorate", "district", "region", "sea",
                            "airbase", "border crossing", "oil field"})
MAJOR_POPULATION = 50_000


def _is_major(place: Place) -> bool:
    return place.feature in MAJOR_FEATURES or (place.population or 0) >= MAJOR_POPULATION


def _keys_of(place: Place) -> tuple[str, ...]:
    """Surface keys of a place read without them (overlay entries, places built in code)."""
    keys: set[str] = set()
    for n in place.names or (place.name,):
        if n.isascii():
            k = surface_key(n)
            if len(k) >= 4:
                keys.add(k)
        else:
            keys |= name_variants(n)
    return tuple(keys)


def _context_automaton(surface: dict[str, list[Place]]):  # type: ignore[no-untyped-def]
    """Aho-Corasick over the keys of countries, admin units and cities."""
    auto = ahocorasick.Automaton()
    count = 0
    for key, places in surface.items():
        if len(key) < 3 or key.isascii():
            continue
        found = tuple(p for p in places if p.feature in CONTEXT_FEATURES)
        if found:
            auto.add_word(key, context_value(key, found))
            count += 1
    if count:
        auto.make_automaton()
    return auto


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split("|")) if text else ()


def read_places(path: Path) -> tuple[list[Place], dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """Read places.tsv.gz: the places, their surface keys and canonical keys by position."""
    rows = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) != len(COLUMNS):
                    raise GazetteerError(
                        f"{path}:{lineno}: expected {len(COLUMNS)} columns, got {len(cols)}"
                    )
                rows.append(cols)
    except (OSError, EOFError) as exc:
        raise GazetteerError(f"{path}: cannot read the gazetteer index ({exc})") from exc
    names_by_id = {}
    for cols in rows:
        names_by_id[cols[0]] = cols[8]
        for alias in _split(cols[1]):
            names_by_id.setdefault(alias, cols[8])
    places: list[Place] = []
    keys: dict[int, tuple[str, ...]] = {}
    canon: dict[int, tuple[str, ...]] = {}
    for i, cols in enumerate(rows):
        try:
            lat, lon = float(cols[3]), float(cols[4])
        except ValueError as exc:
            raise GazetteerError(f"{path}:{i + 1}: bad coordinates") from exc
        admin_ids = _split(cols[7])
        places.append(
            Place(
                id=cols[0],
                aliases=_split(cols[1]),
                feature=cols[2],
                lat=lat,
                lon=lon,
                population=int(cols[5]) if cols[5] else None,
                country=cols[6] or None,
                admin_ids=admin_ids,
                admin=tuple(names_by_id.get(a, a) for a in admin_ids),
                name=cols[8],
                name_en=cols[9],
                names=_split(cols[10]),
                source=cols[13],
            )
        )
        keys[i] = _split(cols[11])
        canon[i] = _split(cols[12])
    return places, keys, canon


def default_index() -> Path:
    """The index folder in use: the user's grown one (`gazetteer build --user`), else the shipped one."""
    grown = user_dir() / "index"
    return grown if (grown / PLACES_FILE).exists() else DATA_DIR


def load_gazetteer(path: Path | None = None, *, overlay: Path | None = None,
                   common_words: Iterable[str] = (), outlet_nouns: Iterable[str] = ()) -> Gazetteer:
    """Load the gazetteer (default: `default_index()`) + overlay; the word lists: see `Gazetteer`."""
    folder = default_index() if path is None else path
    places_file = folder / PLACES_FILE if folder.is_dir() else folder
    admin_file = places_file.with_name(ADMIN_FILE)
    if not places_file.exists():
        raise GazetteerError(
            f"{places_file}: gazetteer index not found (run `marsad gazetteer build`)"
        )
    places, keys, canon = read_places(places_file)
    overlay_path = overlay if overlay is not None else default_overlay_path()
    overlay_ids: set[str] = set()
    if overlay_path is not None and overlay_path.exists():
        extra = read_overlay(overlay_path)
        overlay_ids = {p.id for p in extra}
        places.extend(extra)
    return Gazetteer(places, keys=keys, canon=canon, admin_path=admin_file,
                     overlay_ids=frozenset(overlay_ids), path=places_file,
                     overlay_path=overlay_path, common_words=common_words,
                     outlet_nouns=outlet_nouns)


__all__ = ["COLUMNS", "Gazetteer", "default_index", "load_gazetteer", "read_places"]
