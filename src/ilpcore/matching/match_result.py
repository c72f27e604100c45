"""The result of ranking: matches that explain themselves, the filters and what was left out."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ilpcore.matching import _render
from ilpcore.matching.congruence import RIASEC, brown_gore_c, iachan_m_mean
from ilpcore.matching.interest_index import OccupationProfile
from ilpcore.matching.student_profile import StudentProfile

__all__ = ["Exclusions", "InterestMatch", "MatchFilters", "MatchResult"]


@attrs.frozen
class InterestMatch:
    """One ranked occupation with everything needed to explain its place."""

    rank: int
    r: float
    """Pearson correlation of the student's scores with the occupation's OI profile."""
    occupation: OccupationProfile
    student: StudentProfile = attrs.field(repr=False, eq=False)
    _vector: tuple[float, ...] = attrs.field(repr=False, eq=False)

    @property
    def code(self) -> str:
        return self.occupation.code

    @property
    def title(self) -> str:
        return self.occupation.title

    @property
    def job_zone(self) -> int | None:
        return self.occupation.job_zone

    @property
    def occupation_code(self) -> str:
        """O*NET's Interest High-Points (up to three letters)."""
        return self.occupation.high_points

    @property
    def student_code(self) -> str:
        return self.student.code

    @property
    def contributions(self) -> tuple[float, ...]:
        """Each area's share of r, in RIASEC order: ``z_student * z_occupation / 6``.

        They add up (left to right) to exactly :attr:`r`.
        """
        u = self.student.unit
        v = self._vector
        return tuple(u[k] * v[k] for k in range(len(RIASEC)))

    @property
    def iachan_m(self) -> float:
        """Iachan's M (0-28), averaged over the student's tied codes (Iachan's tie rule)."""
        if not self.occupation_code:
            return 0.0
        return iachan_m_mean(self.student.tied_codes, [self.occupation_code[:3]])

    @property
    def brown_gore_c(self) -> int:
        """Brown & Gore's C (0-18) for the student's code and the occupation's high points."""
        if not self.occupation_code:
            return 0
        return brown_gore_c(self.student_code, self.occupation_code[:3])

    def explanation(self) -> dict[str, Any]:
        """The explanation as a JSON-ready mapping."""
        return {
            "contributions": dict(zip(RIASEC, self.contributions, strict=True)),
            "student_code": self.student_code,
            "occupation_code": self.occupation_code,
            "iachan_m": self.iachan_m,
            "brown_gore_c": self.brown_gore_c,
        }


@attrs.frozen
class MatchFilters:
    """What the caller asked for and what was applied."""

    top: int
    zone: int | None = None
    """The Job Zone asked for (``None``: all zones)."""
    zones: tuple[int, ...] | None = None
    """The zones actually searched (wider than ``zone`` when it had too few occupations)."""
    excluded_codes: tuple[str, ...] = ()
    """Occupations the caller left out (e.g. careers the student dismissed)."""

    @property
    def widened(self) -> bool:
        return self.zone is not None and self.zones != (self.zone,)

    def describe(self) -> str:
        parts = [f"top {self.top}"]
        if self.zone is not None and self.zones is not None:
            if self.widened:
                parts.append(
                    f"Job Zone {self.zone} widened to {_zone_range(self.zones)} "
                    f"(Job Zone {self.zone} alone had fewer than {self.top} rated occupations)"
                )
            else:
                parts.append(f"Job Zone {self.zone}")
        if self.excluded_codes:
            parts.append(f"{len(self.excluded_codes)} dismissed")
        return "; ".join(parts)


def _zone_range(zones: tuple[int, ...]) -> str:
    return f"{zones[0]}-{zones[-1]}" if len(zones) > 1 else str(zones[0])


@attrs.frozen
class Exclusions:
    """Why occupations of the catalog are not among the matches."""

    unrated: tuple[str, ...] = ()
    """Codes without an OI profile (O*NET does not rate them)."""
    outside_zone: int = 0
    no_zone: int = 0
    """Rated occupations without a Job Zone (left out whenever a zone is asked for)."""
    dismissed: int = 0
    below_top: int = 0
    """Eligible occupations ranked below the top N."""

    def describe(self) -> str:
        parts = [f"{len(self.unrated)} not rated for interests by O*NET"]
        if self.outside_zone:
            parts.append(f"{self.outside_zone} outside the Job Zone filter")
        if self.no_zone:
            parts.append(f"{self.no_zone} without a Job Zone")
        if self.dismissed:
            parts.append(f"{self.dismissed} dismissed")
        parts.append(f"{self.below_top} ranked below the top")
        return "; ".join(parts)


@attrs.frozen
class MatchResult:
    """A ranked, explained list of occupations for one student."""

    matches: tuple[InterestMatch, ...]
    release: str
    """The catalog release, e.g. ``O*NET 30.1``."""
    scale: str
    scores: tuple[float, ...]
    student_code: str
    filters: MatchFilters
    excluded: Exclusions
    computed_on: date
    low_confidence: bool = False
    notes: tuple[str, ...] = ()
    method: str = "Pearson correlation with O*NET Occupational Interest (OI) profiles"

    def __len__(self) -> int:
        return len(self.matches)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matches)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready document (with the O*NET attribution)."""
        return _render.result_dict(self)

    def to_text(self) -> str:
        """A plain-text report (with the O*NET attribution)."""
        return _render.result_text(self)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        """An HTML table for notebooks; every value is escaped."""
        return _render.result_html(self)
