"""Great-circle distance between two points, in miles."""

from __future__ import annotations

import math
from typing import Final

__all__ = ["EARTH_RADIUS_MILES", "miles_between"]

EARTH_RADIUS_MILES: Final = 3958.8


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance between two ``(latitude, longitude)`` points in degrees.

    >>> round(miles_between((38.04, -84.50), (38.25, -85.76)))  # Lexington to Louisville
    70
    """
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))
