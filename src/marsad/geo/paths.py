"""Where the shipped index lives and what its files are called.

A module of its own so that loading the index imports none of the build's readers
(shapely, numpy); `marsad.geo.build` re-exports these names.
"""

from __future__ import annotations

from pathlib import Path

#: The package folder holding the shipped index and the build's small tables.
DATA_DIR = Path(__file__).with_name("data")
PLACES_FILE = "places.tsv.gz"
ADMIN_FILE = "admin.jsonl.gz"

__all__ = ["ADMIN_FILE", "DATA_DIR", "PLACES_FILE"]
