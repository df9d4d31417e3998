"""Great-circle distances between points given in degrees: the one formula marsad uses.

The resolver ranks candidates with a cheaper local-plane distance (`geo.resolve`); every
distance that is reported, compared with a threshold or scored is this haversine.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported by the array function, on first use
    import numpy as np

__all__ = ["EARTH_KM", "haversine_km", "haversine_km_array"]

#: Mean Earth radius (IUGG), in km.
EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def haversine_km_array(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """`haversine_km` element by element over arrays of degrees."""
    import numpy as np  # here: the scalar distance (resolver, eval) needs no numpy

    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = (np.sin((p2 - p1) / 2) ** 2
         + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
