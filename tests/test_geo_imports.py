"""Loading the gazetteer and resolving names import neither shapely nor numpy.

They cost about 20 MB and a sixth of a second at start: only the build and the admin
polygons (`Gazetteer.locate`) need them, and import them when used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from marsad.geo import build, paths

CODE = """
import sys
from pathlib import Path
from marsad.geo import PlaceContext, load_gazetteer, resolve_place
from marsad.geo.distance import haversine_km
from marsad.text.normalize import normalize_text
import marsad.pipeline
gaz = load_gazetteer(overlay=Path("/nonexistent/overlay.tsv"))
norm = normalize_text("قصفت الطائرات بلدة الميادين في ريف دير الزور")
start = norm.text.index("الميادين")
m = resolve_place("الميادين", PlaceContext(norm, (start, start + 8)), gaz)
assert m is not None and m.place_id and haversine_km(m.lat, m.lon, 35.02, 40.45) < 10, m
print("numpy" in sys.modules, "shapely" in sys.modules)
loc = gaz.locate(m.lat, m.lon)  # the polygons: now shapely is read
print("shapely" in sys.modules, [p.feature for p in loc][:1])
"""


def test_loading_and_resolving_import_no_shapely_nor_numpy():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["False False", "True ['country']"]


def test_the_index_names_are_still_importable_from_the_build():
    assert (build.DATA_DIR, build.PLACES_FILE, build.ADMIN_FILE) == (
        paths.DATA_DIR, paths.PLACES_FILE, paths.ADMIN_FILE)
    assert (Path(build.__file__).parent / "data" / "places.tsv.gz") == paths.DATA_DIR / paths.PLACES_FILE
    assert (paths.DATA_DIR / paths.PLACES_FILE).exists()
