"""The user's own places (an overlay that takes precedence) and the unknown-places report.

Both live in the user data folder: `$MARSAD_HOME/gazetteer/` when MARSAD_HOME is set,
else `$XDG_DATA_HOME/marsad/gazetteer/` or `~/.local/share/marsad/gazetteer/`:
`overlay.tsv` (one place per line, with a header) and `unknown.tsv` (names the
resolver could not place, with the article ids and counts).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import GazetteerError
from marsad.geo.place import Place

OVERLAY_FIELDS = ("id", "name", "lat", "lon", "kind", "country", "admin", "names")
UNKNOWN_FIELDS = ("name", "count", "articles")

_KINDS = frozenset({
    "city", "town", "village", "neighbourhood", "border crossing", "station", "oil field",
    "airbase", "airport", "dam", "mountain", "river", "sea", "region", "district",
    "subdistrict", "governorate", "country", "camp", "port", "site", "bridge", "street",
})


def user_dir() -> Path:
    """The user data folder for the gazetteer (see the module docstring)."""
    home = os.environ.get("MARSAD_HOME")
    if home:
        return Path(home) / "gazetteer"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "marsad" / "gazetteer"


def default_overlay_path() -> Path:
    """Where the user overlay lives by default."""
    return user_dir() / "overlay.tsv"


def overlay_id(name: str, lat: float, lon: float) -> str:
    """A stable marsad: id for a user place (its name and rounded position)."""
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    digest = hashlib.sha1(f"{name}|{lat:.3f}|{lon:.3f}".encode()).hexdigest()[:8]
    return f"marsad:{ascii_slug or 'user'}-{digest}"


def _check(row: dict[str, str], path: Path, lineno: int) -> Place:
    name = (row.get("name") or "").strip()
    if not name:
        raise GazetteerError(f"{path}:{lineno}: empty name")
    try:
        lat, lon = float(row.get("lat") or ""), float(row.get("lon") or "")
    except ValueError as exc:
        raise GazetteerError(f"{path}:{lineno}: lat/lon must be numbers") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{path}:{lineno}: lat/lon out of range ({lat}, {lon})")
    kind = (row.get("kind") or "village").strip() or "village"
    if kind not in _KINDS:
        raise GazetteerError(f"{path}:{lineno}: unknown kind {kind!r} (one of {sorted(_KINDS)})")
    country = (row.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise GazetteerError(f"{path}:{lineno}: country must be an ISO 3166 alpha-2 code")
    admin = tuple(a.strip() for a in (row.get("admin") or "").split("|") if a.strip())
    names = tuple(n.strip() for n in (row.get("names") or "").split("|") if n.strip())
    pid = (row.get("id") or "").strip() or overlay_id(name, lat, lon)
    return Place(
        id=pid, name=name, feature=kind, lat=lat, lon=lon, country=country,
        names=(name, *[n for n in names if n != name]), admin=admin, admin_ids=admin,
        source="user overlay",
    )


def read_overlay(path: Path) -> list[Place]:
    """Read an overlay TSV (header: id, name, lat, lon, kind, country, admin, names)."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t")
            if not reader.fieldnames or not {"name", "lat", "lon"} <= set(reader.fieldnames):
                raise GazetteerError(f"{path}:1: expected a header with name, lat, lon")
            return [_check(row, path, lineno) for lineno, row in enumerate(reader, 2)]
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 text") from exc


def _write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write a TSV with a header atomically (a temporary file, then a rename): a crash
    half-way leaves the previous file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    tmp.replace(path)


def write_overlay(path: Path, places: Iterable[Place]) -> None:
    """Write places as an overlay TSV (atomically)."""
    _write_tsv(path, OVERLAY_FIELDS, (
        [p.id, p.name, f"{p.lat:.6f}", f"{p.lon:.6f}", p.feature, p.country or "",
         "|".join(p.admin), "|".join(p.names[1:])]
        for p in places
    ))


def add_places(path: Path, new: Iterable[Place]) -> int:
    """Add (or replace, by id) places in the overlay at `path`; returns how many were added."""
    current = read_overlay(path) if path.exists() else []
    by_id = {p.id: p for p in current}
    count = 0
    for place in new:
        by_id[place.id] = place
        count += 1
    write_overlay(path, by_id.values())
    return count


def make_place(name: str, lat: float, lon: float, kind: str = "village",
               country: str | None = None, admin: str = "", names: str = "") -> Place:
    """Build an overlay place from command-line values (validated like a TSV row)."""
    row = {"name": name, "lat": str(lat), "lon": str(lon), "kind": kind,
           "country": country or "", "admin": admin, "names": names}
    return _check(row, Path("<command line>"), 0)


@dataclass(slots=True)
class UnknownPlaces:
    """Counts of place names the resolver could not find, with the articles they came from.

    The resolver stays pure: the caller records each `PlaceMatch` whose `place_id` is None
    (`recorder.record(match.name, doc_id)`) and saves once at the end (`save()`).
    """

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    articles: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def open(cls, path: Path | None = None) -> UnknownPlaces:
        """The report at `path` (default: beside the overlay), with what it already holds."""
        report = cls(path or user_dir() / "unknown.tsv")
        if report.path.exists():
            with report.path.open(encoding="utf-8", newline="") as fh:
                for lineno, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
                    try:
                        report.counts[row["name"]] = int(row["count"])
                    except (KeyError, TypeError, ValueError) as exc:
                        raise GazetteerError(f"{report.path}:{lineno}: bad row") from exc
                    report.articles[row["name"]] = [a for a in (row.get("articles") or "").split("|") if a]
        return report

    def record(self, name: str, doc_id: str | None = None) -> None:
        """Count one more occurrence of an unknown place name (in article `doc_id`)."""
        name = " ".join(name.split())
        if not name:
            return
        self.counts[name] = self.counts.get(name, 0) + 1
        docs = self.articles.setdefault(name, [])
        if doc_id and doc_id not in docs and len(docs) < 50:
            docs.append(doc_id)

    def rows(self) -> list[tuple[str, int, list[str]]]:
        """(name, count, article ids), most frequent first."""
        return sorted(((n, c, self.articles.get(n, [])) for n, c in self.counts.items()),
                      key=lambda r: (-r[1], r[0]))

    def save(self) -> None:
        """Write the report (atomically)."""
        _write_tsv(self.path, UNKNOWN_FIELDS,
                   ([name, count, "|".join(docs)] for name, count, docs in self.rows()))
