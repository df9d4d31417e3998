"""Build the shipped gazetteer: read every source, merge duplicates, add admin chains, write.

`build_gazetteer(options)` writes two files into the output folder:

- `places.tsv.gz`: one place per line (see `marsad.geo.gazetteer.COLUMNS`), with its
  preferred id, the ids of the merged duplicates as aliases, names, surface and
  canonical keys, feature, coordinates, population, country, admin chain, sources;
- `admin.jsonl.gz`: simplified admin polygons (countries, SY/IQ governorates and
  districts, IQ sub-districts) for point-in-polygon.

Which entries are one place, and the row a merged place becomes, is `marsad.geo.merge`.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import GazetteerError
from marsad.geo.admin import (
    AdminArea,
    AdminAreas,
    read_ocha_admin,
    read_topojson,
    write_admin_areas,
)
from marsad.geo.gazetteer import read_places
from marsad.geo.merge import Row, merge_entries, place_row
from marsad.geo.names import canonical, en_canonical, name_variants, surface_key
from marsad.geo.paths import ADMIN_FILE, DATA_DIR, PLACES_FILE
from marsad.geo.place import ADMIN_FEATURES
from marsad.geo.sources import (
    Entry,
    is_arabic,
    read_alternate_names,
    read_curated,
    read_geonames,
    read_ocha_communities,
    read_opensyria,
    read_seas,
    read_subdivisions,
    read_syrian_archive,
    read_unresolved,
    tsv_rows,
)

log = logging.getLogger(__name__)

#: Countries whose places come from every source.
CORE = ("SY", "IQ")
#: Neighbours and the other theatres the news covers: their towns come from cities500.
NEIGHBOURS = ("TR", "LB", "JO", "IL", "PS", "SA", "IR", "KW", "YE", "LY", "EG", "QA", "AE",
              "BH", "OM", "CY", "SD", "DJ", "ER", "SO", "AF", "AZ", "AM", "GE")

#: Columns of the package's countries.tsv (written by tools/make_countries.py).
_COUNTRY_COLUMNS = ("iso2", "iso3", "numeric", "geonameid", "name_en", "name_ar")


@dataclass(slots=True)
class BuildOptions:
    """What to read and where to write (paths of the optional user GeoNames dumps)."""

    source_dir: Path | None = None
    geonames: Sequence[Path] = ()
    alternate_names: Path | None = None
    output: Path = DATA_DIR
    #: an existing index folder to grow (used when there is no source folder)
    base: Path | None = None
    neighbours: Sequence[str] = NEIGHBOURS
    simplify: float = 0.005
    progress: Callable[[str], None] | None = None


@dataclass(slots=True)
class BuildReport:
    """Counts of what the build read and wrote."""

    read: dict[str, int] = field(default_factory=dict)
    places: int = 0
    merged: int = 0
    keys: int = 0
    admin_areas: int = 0
    output: Path | None = None



def _nisba_variants(iso2: str, name_ar: str) -> list[str]:
    """Syria's formal name "سورية" beside CLDR's "سوريا" (other ية forms are adjectives)."""
    return [name_ar[:-1] + "ة"] if iso2 == "SY" and name_ar.endswith("يا") else []


def build_gazetteer(options: BuildOptions) -> BuildReport:
    """Read the sources, merge, attach admin chains and write the index files."""
    say = options.progress or (lambda _msg: None)
    src = options.source_dir
    report = BuildReport()
    entries: list[Entry] = []
    areas: list[AdminArea] = []

    def add(label: str, items: list[Entry]) -> None:
        report.read[label] = report.read.get(label, 0) + len(items)
        entries.extend(items)

    countries = [row for _, row in tsv_rows(DATA_DIR / "countries.tsv", _COUNTRY_COLUMNS)]
    wanted = set(CORE) | set(options.neighbours)
    subdivisions: list[dict[str, object]] = []
    cities = None
    if src is not None:
        subdivisions = _read_source_dir(src, wanted, countries, add, areas, say)
        cities = src / "geonames" / "cities500.txt"
    elif options.base is not None:
        say(f"base index {options.base}")
        base_entries, base_areas = read_index(options.base)
        add("base index", base_entries)
        areas.extend(base_areas)

    admin1_names = _admin1_names(subdivisions)
    arabic: dict[int, list[str]] | None = None
    if options.alternate_names is not None:
        say(f"alternate names {options.alternate_names.name}")
        arabic = read_alternate_names(options.alternate_names)
    if cities is not None and cities.exists():
        say("GeoNames cities500")
        add("geonames cities500", read_geonames(cities, wanted, arabic, admin1_names))
    for dump in options.geonames:
        say(f"GeoNames {dump.name}")
        add(f"geonames {dump.name}", read_geonames(dump, None, arabic, admin1_names))
    _attach_subdivisions(entries, subdivisions)
    if options.base is None or src is not None:
        entries.extend(_country_entries(countries, areas, entries))
        # Seas and gulfs are in no country dump; the package carries their GeoNames rows.
        have = {e.id for e in entries}
        add("geonames seas", [e for e in read_seas(DATA_DIR / "seas.tsv") if e.id not in have])

    say("merging")
    groups = merge_entries(entries)
    rows = [place_row(g) for g in groups]
    report.merged = len(entries) - len(rows)
    say("admin chains")
    _admin_chains(rows, entries, AdminAreas(areas))
    rows = _place_unresolved(rows)
    _bare_name_keys(rows)
    rows.sort(key=lambda r: (r.country != "SY", r.country != "IQ", r.country, r.id))
    out = options.output
    out.mkdir(parents=True, exist_ok=True)
    _write_places(out / PLACES_FILE, rows)
    write_admin_areas(out / ADMIN_FILE, areas, options.simplify)
    report.places = len(rows)
    report.keys = len({k for r in rows for k in r.keys})
    report.admin_areas = len(areas)
    report.output = out
    return report


#: OCHA admin polygons under the source folder's boundaries/: (file, country, level).
_ADMIN_FILES = (
    ("syr_admin1.geojson", "SY", 1),
    ("syr_admin2.geojson", "SY", 2),
    ("irq_admbnda_adm1_cso_20190603.geojson", "IQ", 1),
    ("irq_admbnda_adm2_cso_20190603.geojson", "IQ", 2),
    ("irq_admbnda_adm3_cso_20190603.geojson", "IQ", 3),
)
#: Point sources of the source folder, read in this order (it decides which names of a
#: merged place come first): (path, progress message, label in the report, reader).
_POINT_SOURCES: tuple[tuple[str, str, str, Callable[[Path], list[Entry]]], ...] = (
    ("villages/opensyria-data-geography", "OpenSyria admin hierarchy", "opensyria",
     read_opensyria),
    ("geonames/syr_admin4_point.geojson", "OCHA Syria communities", "ocha communities",
     read_ocha_communities),
    ("syrian_archive/locations.json", "Syrian Archive locations", "syrian archive",
     read_syrian_archive),
    ("villages/curated_euphrates.tsv", "curated Euphrates list", "curated", read_curated),
    ("villages/curated_euphrates_unresolved.tsv", "", "curated unresolved (admin fallbacks)",
     read_unresolved),
)


def _read_source_dir(
    src: Path,
    wanted: set[str],
    countries: list[dict[str, str]],
    add: Callable[[str, list[Entry]], None],
    areas: list[AdminArea],
    say: Callable[[str], None],
) -> list[dict[str, object]]:
    """Read the source folder's polygons, outlines and point sources (the ones present).

    Entries go to `add`, polygons to `areas`; returns GeoNames' subdivisions of `wanted`
    countries (for the admin1 names of cities500).
    """
    if not src.is_dir():
        raise GazetteerError(f"{src}: source folder not found")
    bdir = src / "boundaries"
    for name, cc, level in _ADMIN_FILES:
        path = bdir / name
        if path.exists():
            say(f"admin polygons {path.name}")
            pairs = read_ocha_admin(path, cc, level)
            add(f"ocha admin {cc}{level}", [e for e, _ in pairs])
            areas.extend(AdminArea(e.id, level, cc, g) for e, g in pairs)
    ne = bdir / "countries-50m.json"
    if ne.exists():
        say("Natural Earth countries")
        by_numeric = {int(c["numeric"]): c for c in countries if c["numeric"].isdigit()}
        for feat, geom in read_topojson(ne):
            try:
                info = by_numeric[int(feat.get("id"))]  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError):
                continue
            areas.append(AdminArea(f"geonames:{info['geonameid']}", 0, info["iso2"], geom))
    for relative, message, label, reader in _POINT_SOURCES:
        path = src / relative
        if path.exists():
            if message:
                say(message)
            add(label, reader(path))
    sub = src / "geonames" / "subdivisions.tsv"
    return read_subdivisions(sub, wanted) if sub.exists() else []


def _source_of(place_id: str, feature: str) -> str:
    """The source a shipped row's id comes from (for the merge preferences)."""
    prefix = place_id.split(":", 1)[0]
    if prefix == "ocha":
        return "ocha-admin1" if feature in ADMIN_FEATURES else "ocha-communities"
    if place_id.startswith("marsad:unresolved"):
        return "curated-unresolved"
    if prefix == "marsad":
        return "curated"
    if prefix == "geonames" and feature == "country":
        return "naturalearth"
    return prefix


def read_index(folder: Path) -> tuple[list[Entry], list[AdminArea]]:
    """An existing index as build entries and admin areas, to grow it with more sources."""
    places, _, _ = read_places(folder / PLACES_FILE)
    entries = [
        Entry(
            id=p.id, source=_source_of(p.id, p.feature), feature=p.feature, lat=p.lat, lon=p.lon,
            country=p.country or "", names_ar=[n for n in p.names if is_arabic(n)],
            names_en=[n for n in p.names if not is_arabic(n)], aliases=list(p.aliases),
            population=p.population, admin=list(p.admin_ids),
        )
        for p in places
    ]
    admin = folder / ADMIN_FILE
    areas = AdminAreas.load(admin).areas if admin.exists() else []
    return entries, areas


def _admin1_names(subdivisions: list[dict[str, object]]) -> dict[str, str]:
    """GeoNames admin1 code ("TR.81") -> Arabic name when known, else English."""
    out = {}
    for row in subdivisions:
        if row["level"] != 1:
            continue
        ar = [n for n in row["names_ar"] if not str(n).startswith("محافظة")]  # type: ignore[union-attr]
        out[str(row["code"])] = str(ar[0] if ar else row["name"])
    return out


def _attach_subdivisions(entries: list[Entry], subdivisions: list[dict[str, object]]) -> None:
    """Give OCHA admin units the GeoNames ids and Arabic aliases of the same division."""
    index: dict[tuple[str, int, str], Entry] = {}
    for e in entries:
        if e.feature in ("governorate", "district"):
            level = 1 if e.feature == "governorate" else 2
            for n in e.names_ar:
                index[(e.country, level, canonical(_drop_admin_word(n)))] = e
            for n in e.names_en:
                index[(e.country, level, "en:" + en_canonical(n))] = e
    for row in subdivisions:
        cc = str(row["code"]).split(".")[0]
        level = int(row["level"])  # type: ignore[arg-type]
        names_ar = [str(n) for n in row["names_ar"]]  # type: ignore[union-attr]
        keys = [canonical(_drop_admin_word(n)) for n in names_ar]
        keys += ["en:" + en_canonical(re.sub(r"\s+(District|Governorate)$", "", str(n)))
                 for n in row["names_en"]]  # type: ignore[union-attr]
        target = next((index[(cc, level, k)] for k in keys if (cc, level, k) in index), None)
        if target is None:
            continue
        gid = f"geonames:{row['geonameid']}"
        if gid not in target.aliases:
            target.aliases.append(gid)
        for n in names_ar:
            if n not in target.names_ar and is_arabic(n):
                target.names_ar.append(n)


_ADMIN_WORD = re.compile(r"^(?:محافظة|محافظه|قضاء|ناحية|ناحيه|منطقة|منطقه)\s+")


def _drop_admin_word(name: str) -> str:
    return _ADMIN_WORD.sub("", name.strip())


def _country_entries(
    countries: list[dict[str, str]], areas: list[AdminArea], entries: list[Entry]
) -> list[Entry]:
    """One entry per country: GeoNames id, CLDR Arabic name, Natural Earth point."""
    shapes = {a.id: a.geometry for a in areas if a.level == 0}
    have = {e.id for e in entries}
    out = []
    for c in countries:
        gid = f"geonames:{c['geonameid']}"
        geom = shapes.get(gid)
        if geom is None or gid in have:
            continue
        # The representative point lies inside the outline; the centroid may not (coasts).
        point = geom.centroid  # type: ignore[attr-defined]
        if not geom.contains(point):  # type: ignore[attr-defined]
            point = geom.representative_point()  # type: ignore[attr-defined]
        names_ar = [c["name_ar"], *_nisba_variants(c["iso2"], c["name_ar"])] if c["name_ar"] else []
        out.append(
            Entry(
                id=gid,
                source="naturalearth",
                feature="country",
                lat=round(point.y, 5),
                lon=round(point.x, 5),
                country=c["iso2"],
                names_ar=names_ar,
                names_en=[c["name_en"], c["iso3"]],
                level=0,
            )
        )
    return out


def _admin_chains(rows: list[Row], entries: list[Entry], areas: AdminAreas) -> None:
    """Fill each place's admin chain (ids of governorate, district, sub-district)."""
    sub_by_name: dict[tuple[str, str], str] = {}
    for r in rows:
        if r.feature == "subdistrict" and r.country == "SY":
            for n in r.names:
                for key in (canonical(n), canonical("مركز " + n)):
                    sub_by_name.setdefault((r.admin[1] if len(r.admin) > 1 else "", key), r.id)
    sa_admin = {e.id: e.admin_names for e in entries if e.source == "syrianarchive"}
    ocha_sub = {e.id: e.admin for e in entries if e.source == "ocha-communities"}
    for r in rows:
        if r.feature == "country":
            r.admin = []
            continue
        if r.feature == "unresolved":
            continue
        if r.country in CORE:
            found = areas.locate(r.lat, r.lon)
            chain = [a.id for a in found if a.level >= 1 and a.country == r.country]
            if not chain and r.feature not in ADMIN_FEATURES:
                near = areas.nearest(r.lat, r.lon, 1, r.country)
                chain = [near.id] if near else []
                if near:
                    d = areas.nearest(r.lat, r.lon, 2, r.country)
                    chain += [d.id] if d else []
            if r.feature == "governorate":
                chain = []
            elif r.feature == "district":
                chain = chain[:1]
            elif r.feature == "subdistrict":
                chain = chain[:2]
            elif r.country == "SY" and len(chain) == 2:
                sub = next((ocha_sub[i][2] for i in [r.id, *r.aliases]
                            if i in ocha_sub and len(ocha_sub[i]) > 2), None)
                if sub is None:
                    names = next((sa_admin[i] for i in [r.id, *r.aliases] if i in sa_admin), [])
                    if len(names) == 2:
                        sub = sub_by_name.get((chain[1], canonical(names[1])))
                if sub:
                    chain.append(sub)
            r.admin = chain
        # Foreign places keep the GeoNames admin1 name their reader gave.


def _place_unresolved(rows: list[Row]) -> list[Row]:
    """Give unresolved names their fallback unit's point; drop those whose unit is unknown."""
    by_id = {i: r for r in rows for i in [r.id, *r.aliases]}
    out = []
    for r in rows:
        if r.feature == "unresolved":
            unit = by_id.get(r.admin[0]) if r.admin else None
            if unit is None:
                log.warning("unresolved %s: fallback unit %s not in the index", r.name, r.admin)
                continue
            r.lat, r.lon, r.country = unit.lat, unit.lon, unit.country
            r.admin = [unit.id]
        out.append(r)
    return out


#: Lead words some sources keep in a name that the news drops: "تل سلحب" is written
#: "سلحب", OCHA's Iraqi sub-district "ديرة حرير" is "حرير".
_LEAD_WORDS = ("تل", "تله", "ديره")


def _bare_name_keys(rows: list[Row]) -> None:
    """Index a name without its lead word, only where that cannot take another place.

    "تل X": only when "X" is already a key, of admin units that contain this place (the
    sub-district named after its seat): the town becomes a candidate beside its unit and no
    new word enters the recognizer. "ديرة X" (sub-districts and districts only): when no
    other place has the key "X".
    """
    owners: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        for k in r.keys:
            owners[k].append(r)
    for r in rows:
        for name in r.names:
            head, _, rest = surface_key(name).partition(" ")
            if head not in _LEAD_WORDS or len(rest.replace(" ", "")) < 3:
                continue
            if head == "ديره" and r.feature not in ("district", "subdistrict"):
                continue
            for key in name_variants(rest):
                others = [o for o in owners.get(key, ()) if o is not r]
                if head == "ديره":
                    ok = not others
                else:
                    ok = bool(others) and all(
                        o.feature in ADMIN_FEATURES and o.id in r.admin for o in others)
                if ok:
                    r.keys.add(key)
                    r.canon.add(canonical(key))


def _write_places(path: Path, rows: list[Row]) -> None:
    def clean(text: str) -> str:
        return text.replace("\t", " ").replace("\n", " ").replace("|", "/")

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for r in rows:
            fields = [
                r.id,
                "|".join(r.aliases),
                r.feature,
                f"{r.lat:.5f}",
                f"{r.lon:.5f}",
                str(r.population or ""),
                r.country,
                "|".join(clean(a) for a in r.admin),
                clean(r.name),
                clean(r.name_en),
                "|".join(clean(n) for n in r.names),
                "|".join(sorted(clean(k) for k in r.keys)),
                "|".join(sorted(r.canon)),
                "|".join(r.sources),
            ]
            fh.write("\t".join(fields) + "\n")
