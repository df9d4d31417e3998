"""Admin polygons: read OCHA/Natural Earth outlines, simplify, ship, and locate points.

A point gets its country, governorate, district (and, for Iraq, sub-district) by
point-in-polygon; the shipped file is a gzip'd JSON list of simplified polygons as WKB.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

from marsad.errors import GazetteerError
from marsad.geo.sources import Entry, load_json

#: The feature type of an OCHA admin level.
OCHA_LEVELS = {
    1: "governorate",
    2: "district",
    3: "subdistrict",
}


@dataclass(frozen=True, slots=True)
class AdminArea:
    """One admin polygon: its gazetteer id, level (0 country .. 3 sub-district), country."""

    id: str
    level: int
    country: str
    geometry: object


def read_ocha_admin(path: Path, country: str, level: int) -> list[tuple[Entry, object]]:
    """OCHA admin polygons (Syria `syr_adminN`, Iraq `irq_admbnda_admN`) as entries + shapes."""
    data = load_json(path)
    out: list[tuple[Entry, object]] = []
    for feat in data.get("features", []):  # type: ignore[union-attr]
        p = feat.get("properties") or {}
        if f"ADM{level}_PCODE" in p:  # Iraq 2019 layout
            pcode = p[f"ADM{level}_PCODE"]
            names_ar = [p.get(f"ADM{level}_AR")] + [p.get(f"ADM{level}ALT{i}AR") for i in (1, 2)]
            names_en = [p.get(f"ADM{level}_EN")] + [p.get(f"ADM{level}ALT{i}EN") for i in (1, 2)]
            parents = [f"ocha:{p[f'ADM{lv}_PCODE']}" for lv in range(1, level)]
        elif "PCODE" in p:  # Syria 2015 layout
            pcode = p["PCODE"]
            names_ar = [p.get("NAME_ARA")]
            names_en = [p.get("NAME_EN"), p.get("NAM_EN_REF")]
            parents = [f"ocha:{p['ADMIN1_COD']}"] if p.get("ADMIN1_COD") else []
        else:
            raise GazetteerError(f"{path}: feature without a P-code property")
        try:
            geom = shape(feat["geometry"])
        except (KeyError, TypeError, ValueError) as exc:
            raise GazetteerError(f"{path}: bad geometry for {pcode}") from exc
        if not geom.is_valid:
            geom = geom.buffer(0)
        centroid = geom.centroid
        entry = Entry(
            id=f"ocha:{pcode}",
            source=f"ocha-admin{level}",
            feature=OCHA_LEVELS[level],
            lat=round(centroid.y, 5),
            lon=round(centroid.x, 5),
            country=country,
            names_ar=list(dict.fromkeys(n for n in names_ar if n)),
            names_en=list(dict.fromkeys(n for n in names_en if n)),
            admin=parents,
            level=level,
        )
        out.append((entry, geom))
    return out


def read_topojson(path: Path, obj: str = "countries") -> list[tuple[dict[str, object], object]]:
    """Decode a TopoJSON object (Natural Earth's world-atlas) into (feature, shapely geometry)."""
    data = load_json(path)
    try:
        transform = data.get("transform")  # type: ignore[union-attr]
        arcs_raw = data["arcs"]  # type: ignore[index]
        geometries = data["objects"][obj]["geometries"]  # type: ignore[index]
    except (KeyError, TypeError) as exc:
        raise GazetteerError(f"{path}: not a TopoJSON file with object {obj!r}") from exc
    arcs: list[list[tuple[float, float]]] = []
    for arc in arcs_raw:
        pts: list[tuple[float, float]] = []
        x = y = 0.0
        for pos in arc:
            if transform:
                x += pos[0]
                y += pos[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                pts.append((x * sx + tx, y * sy + ty))
            else:
                pts.append((pos[0], pos[1]))
        arcs.append(pts)

    def ring(indices: Sequence[int]) -> list[tuple[float, float]]:
        coords: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            coords.extend(pts if not coords else pts[1:])
        return coords

    def polygon(rings: Sequence[Sequence[int]]) -> Polygon:
        shell, *holes = (ring(r) for r in rings)
        return Polygon(shell, [h for h in holes if len(h) >= 4])

    out = []
    for g in geometries:
        if g.get("type") == "Polygon":
            geom: object = polygon(g["arcs"])
        elif g.get("type") == "MultiPolygon":
            geom = MultiPolygon([polygon(p) for p in g["arcs"]])
        else:
            continue
        if not geom.is_valid:  # type: ignore[attr-defined]
            geom = geom.buffer(0)  # type: ignore[attr-defined]
        out.append((g, geom))
    return out


def write_admin_areas(path: Path, areas: Iterable[AdminArea], tolerance: float) -> None:
    """Simplify and write admin polygons as gzip'd JSON lines of WKB hex."""
    rows = []
    for area in areas:
        geom = shapely.simplify(area.geometry, tolerance, preserve_topology=True)
        geom = shapely.set_precision(geom, 1e-4)
        if geom.is_empty:
            continue
        rows.append({"id": area.id, "level": area.level, "country": area.country,
                     "wkb": shapely.to_wkb(geom, hex=True)})
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for row in rows:
            fh.write(json.dumps(row, separators=(",", ":")) + "\n")


class AdminAreas:
    """Point-in-polygon over shipped admin areas (built lazily: loading stays fast)."""

    def __init__(self, areas: Sequence[AdminArea]) -> None:
        self.areas = list(areas)
        self._tree = shapely.STRtree([a.geometry for a in self.areas]) if self.areas else None
        self.by_id = {a.id: a for a in self.areas}

    @classmethod
    def load(cls, path: Path) -> AdminAreas:
        """Read the shipped gzip'd WKB lines."""
        areas = []
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    try:
                        row = json.loads(line)
                        geom = shapely.from_wkb(row["wkb"])
                    except (ValueError, KeyError, shapely.errors.GEOSException) as exc:
                        raise GazetteerError(f"{path}:{lineno}: bad admin area ({exc})") from exc
                    areas.append(AdminArea(row["id"], int(row["level"]), row["country"], geom))
        except OSError as exc:
            raise GazetteerError(f"{path}: cannot read admin areas ({exc})") from exc
        return cls(areas)

    def locate(self, lat: float, lon: float) -> list[AdminArea]:
        """Admin areas containing the point, country first, then by level."""
        if self._tree is None:
            return []
        point = shapely.Point(lon, lat)
        hits = self._tree.query(point, predicate="intersects")
        found = [self.areas[i] for i in hits]
        return sorted(found, key=lambda a: a.level)

    def nearest(self, lat: float, lon: float, level: int, country: str | None = None,
                max_deg: float = 0.05) -> AdminArea | None:
        """The area of `level` nearest to a point just outside every polygon (coast, border)."""
        point = shapely.Point(lon, lat)
        best: tuple[float, AdminArea] | None = None
        for area in self.areas:
            if area.level != level or (country and area.country != country):
                continue
            d = area.geometry.distance(point)  # type: ignore[attr-defined]
            if d <= max_deg and (best is None or d < best[0]):
                best = (d, area)
        return best[1] if best else None
