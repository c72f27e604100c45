"""Places: great-circle distance in miles, the distance test of a filter, ZIP code centres."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

from ilpcore.colleges.records import Institution
from ilpcore.exceptions import UnknownLocationError

__all__ = ["EARTH_RADIUS_MILES", "Place", "ZipCentres", "miles_between"]

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


class ZipCentres:
    """The mean position of the institutions of each 5-digit ZIP code and 3-digit prefix."""

    __slots__ = ("centres",)

    def __init__(self, institutions: Iterable[Institution]) -> None:
        sums: dict[str, list[float]] = {}
        for inst in institutions:
            if inst.zip is None or inst.latitude is None or inst.longitude is None:
                continue
            for key in (inst.zip[:5], inst.zip[:3]):
                s = sums.setdefault(key, [0.0, 0.0, 0.0])
                s[0] += inst.latitude
                s[1] += inst.longitude
                s[2] += 1
        self.centres = {k: (s[0] / s[2], s[1] / s[2]) for k, s in sums.items()}

    def locate(self, zip_code: str) -> tuple[float, float]:
        """The centre of the 5-digit ZIP, else of its 3-digit prefix, else
        :class:`~ilpcore.exceptions.UnknownLocationError`."""
        code = zip_code.strip()[:5]
        for key in (code, code[:3]):
            if key in self.centres:
                return self.centres[key]
        raise UnknownLocationError(
            f"ZIP {zip_code!r}: no institution in the directory has this ZIP or its "
            "3-digit prefix; give a latitude and longitude instead"
        )
