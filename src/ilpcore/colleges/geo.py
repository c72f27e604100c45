"""Great-circle distance between two points, in miles, and the distance test of a filter."""

from __future__ import annotations

import math
from typing import Final

from ilpcore.colleges.records import Institution

__all__ = ["EARTH_RADIUS_MILES", "Place", "miles_between"]

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


class Place:
    """The distance part of a college filter: how far an institution is from ``near``, and
    whether it lies within ``within`` miles (``None``: any distance)."""

    __slots__ = ("box", "near", "within")

    def __init__(self, near: tuple[float, float] | None, within: float | None) -> None:
        self.near = near
        self.within = within
        # degrees of latitude that surely lie beyond within_miles (a degree is at least 68.7 miles)
        self.box = None if within is None else within / 68.0 + 0.01

    def measure(self, inst: Institution) -> tuple[bool, float | None]:
        """``(passes, distance in miles or None)``; no coordinates pass only without ``within``."""
        near = self.near
        if near is None:
            return True, None
        if inst.latitude is None or inst.longitude is None:
            return self.within is None, None
        if self.box is not None and abs(inst.latitude - near[0]) > self.box:
            return False, None
        distance = miles_between(near, (inst.latitude, inst.longitude))
        if self.within is not None and distance > self.within:
            return False, None
        return True, distance
