"""Explainable career ranking: Pearson r between a student's RIASEC scores and O*NET OI profiles.

Occupations are ranked by the correlation of the six scores with each occupation's
Occupational Interest profile (not by uncentred cosine, and not by first letter),
so the result is the same on the 0-40 and 10-50 scales.  Ties in r go to the lower
O*NET-SOC code.  A Job Zone is a filter that widens to neighbouring zones, and says
so, when it would leave fewer occupations than asked for.

Every match explains itself: the contribution of each area to r (the products of the
standardised scores divided by six, which add up to r), the student's and the
occupation's three-letter codes, Iachan's M and Brown & Gore's C.  The result says
what was left out and why.

>>> index = InterestIndex.build(
...     [OccupationProfile("11-0000.00", "Tinkerer", (7, 4, 1, 1, 1, 3), "RIC", 2),
...      OccupationProfile("22-0000.00", "Helper", (1, 2, 3, 7, 4, 2), "SE", 3),
...      OccupationProfile("33-0000.00", "Unrated", None)],
...     release="hand-made 1")
>>> result = rank_interests((30, 20, 5, 5, 5, 10), index, top=1, zone=2)
>>> [(m.code, round(m.r, 3)) for m in result.matches]
[('11-0000.00', 0.984)]
>>> result.matches[0].student_code, result.matches[0].occupation_code
('RIC', 'RIC')
>>> round(sum(result.matches[0].contributions), 12) == round(result.matches[0].r, 12)
True
>>> result.excluded.unrated, result.excluded.outside_zone
(('33-0000.00',), 1)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Final, Protocol

import attrs

from ilpcore.exceptions import Problem, UndifferentiatedProfileError, ValidationError
from ilpcore.matching import _render
from ilpcore.matching._vectors import (
    VectorIndex,
    canonical_differences,
    unit_from_differences,
    unit_vector,
)
from ilpcore.matching.congruence import (
    RIASEC,
    brown_gore_c,
    holland_code,
    iachan_m_mean,
    tied_codes,
)
from ilpcore.matching.interests import FLAT_PROFILE_THRESHOLD, InterestScores

__all__ = [
    "Exclusions",
    "InterestIndex",
    "InterestMatch",
    "MatchFilters",
    "MatchResult",
    "OccupationProfile",
    "StudentProfile",
    "profiles_from_catalog",
    "rank_interests",
    "student_profile",
]

JOB_ZONES: Final = (1, 2, 3, 4, 5)
RAW_SCALE: Final = "caller scale"
"""The scale name of scores given as a bare sequence."""


@attrs.frozen
class OccupationProfile:
    """What ranking needs of one occupation (a plain record, easy to build in tests)."""

    code: str
    title: str
    interests: tuple[float, ...] | None
    """OI scores in RIASEC order, or ``None`` when the occupation is not rated."""
    high_points: str = ""
    """O*NET's Interest High-Points, e.g. ``"RIC"``; may have fewer than three letters."""
    job_zone: int | None = None


class _CatalogOccupation(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def interests(self) -> tuple[float, ...] | None: ...
    @property
    def high_points(self) -> tuple[str, ...]: ...
    @property
    def job_zone(self) -> int | None: ...


class _Catalog(Protocol):
    @property
    def release(self) -> str: ...
    @property
    def occupations(self) -> tuple[Any, ...]: ...


def profiles_from_catalog(catalog: _Catalog) -> tuple[OccupationProfile, ...]:
    """The interest profiles of an occupation catalog's occupations."""
    occupations: Iterable[_CatalogOccupation] = catalog.occupations
    return tuple(
        OccupationProfile(
            code=o.code,
            title=o.title,
            interests=None if o.interests is None else tuple(o.interests),
            high_points="".join(o.high_points),
            job_zone=o.job_zone,
        )
        for o in occupations
    )


@attrs.frozen
class _Subset:
    positions: tuple[int, ...]
    """Positions in the index's rated occupations."""
    vectors: VectorIndex


@attrs.frozen
class InterestIndex:
    """Occupation OI profiles, centred and normalised once, ready to rank against.

    Occupations without OI scores (or with six equal ones) are kept aside as *unrated*
    and reported in every result.  Order is by code, which is the tie-break.
    """

    release: str
    rated: tuple[OccupationProfile, ...]
    unrated: tuple[str, ...]
    vectors: VectorIndex
    _subsets: dict[tuple[int, ...], _Subset] = attrs.field(
        factory=dict, repr=False, eq=False, hash=False
    )
    _zone_counts: dict[int | None, int] = attrs.field(
        factory=dict, repr=False, eq=False, hash=False
    )
    _codes: dict[str, int] = attrs.field(factory=dict, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        for i, p in enumerate(self.rated):
            self._codes[p.code] = i
            self._zone_counts[p.job_zone] = self._zone_counts.get(p.job_zone, 0) + 1

    def position(self, code: str) -> int | None:
        """The position of a rated occupation, or ``None``."""
        return self._codes.get(code)

    @classmethod
    def build(cls, profiles: Iterable[OccupationProfile], *, release: str) -> InterestIndex:
        rated: list[tuple[OccupationProfile, tuple[float, ...]]] = []
        unrated: list[str] = []
        seen: set[str] = set()
        problems = []
        for i, p in enumerate(sorted(profiles, key=lambda p: p.code)):
            if p.code in seen:
                problems.append(Problem(f"profiles[{i}].code", f"duplicate code {p.code}"))
            seen.add(p.code)
            if p.interests is not None and len(p.interests) != len(RIASEC):
                problems.append(Problem(f"profiles[{i}].interests", "needs 6 scores"))
                continue
            v = None if p.interests is None else _occupation_unit(p.interests)
            if v is None:
                unrated.append(p.code)
            else:
                rated.append((p, v))
        if problems:
            raise ValidationError(problems)
        return cls(
            release=release,
            rated=tuple(p for p, _ in rated),
            unrated=tuple(unrated),
            vectors=VectorIndex(tuple(v for _, v in rated)),
        )

    @classmethod
    def from_catalog(cls, catalog: _Catalog) -> InterestIndex:
        """The index of an :class:`~ilpcore.matching.OccupationCatalog` (its release is kept)."""
        return cls.build(profiles_from_catalog(catalog), release=catalog.release)

    def subset(self, zones: tuple[int, ...] | None) -> _Subset:
        """The rated occupations in ``zones`` (all when ``None``), indexed for search."""
        key = zones if zones is not None else ()
        found = self._subsets.get(key)
        if found is None:
            if zones is None:
                found = _Subset(tuple(range(len(self.rated))), self.vectors)
            else:
                positions = tuple(i for i, p in enumerate(self.rated) if p.job_zone in zones)
                found = _Subset(
                    positions, VectorIndex(tuple(self.vectors.vectors[i] for i in positions))
                )
            self._subsets[key] = found
        return found

    def zone_count(self, zones: Iterable[int | None]) -> int:
        """How many rated occupations are in ``zones``."""
        return sum(self._zone_counts.get(z, 0) for z in zones)


def _occupation_unit(interests: Sequence[float]) -> tuple[float, ...] | None:
    return unit_vector(tuple(interests))


@attrs.frozen
class StudentProfile:
    """A student's six scores prepared for ranking."""

    scores: tuple[float, ...]
    scale: str
    unit: tuple[float, ...]
    """Centred, unit-length scores (the standardised scores divided by sqrt(6))."""
    spread: float
    undifferentiated: bool

    @functools.cached_property
    def code(self) -> str:
        """Three-letter code; ties in RIASEC order."""
        return holland_code(self.scores)

    @functools.cached_property
    def tied_codes(self) -> tuple[str, ...]:
        """Every three-letter code the ties allow (Iachan's tie rule averages over them)."""
        return tied_codes(self.scores)


def student_profile(
    scores: InterestScores | Sequence[float], *, best_effort: bool = False
) -> StudentProfile:
    """Prepare scores for ranking, refusing flat profiles unless ``best_effort``.

    :class:`~ilpcore.matching.interests.InterestScores` are checked against
    :data:`~ilpcore.matching.interests.FLAT_PROFILE_THRESHOLD` of their scale; a bare
    sequence has no known scale, so only six equal scores are recognised as flat.
    Six equal scores cannot be correlated at all and are refused even for a best effort.
    """
    if isinstance(scores, InterestScores):
        values: tuple[float, ...] = scores.values
        scale = scores.scale
        flat = scores.undifferentiated
        spread = scores.spread
        path = "scores"
    else:
        values = tuple(scores)
        scale = RAW_SCALE
        if len(values) != len(RIASEC):
            raise ValidationError.at("scores", f"needs 6 scores in RIASEC order, not {len(values)}")
        mean = sum(values) / len(values)
        spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
        flat = False
        path = "scores"
    d = canonical_differences(values)
    if d is None:
        raise UndifferentiatedProfileError(
            [
                Problem(
                    path,
                    "the profile is undifferentiated: all six scores are equal, so there is "
                    "nothing to correlate",
                )
            ]
        )
    if flat and not best_effort:
        raise UndifferentiatedProfileError(
            [
                Problem(
                    path,
                    f"the profile is undifferentiated (standard deviation {spread:.2f} is below "
                    f"{FLAT_PROFILE_THRESHOLD:.0%} of the scale); pass best_effort=True for a "
                    "low-confidence ranking",
                )
            ]
        )
    return StudentProfile(
        scores=values,
        scale=scale,
        unit=unit_from_differences(d),
        spread=spread,
        undifferentiated=flat,
    )


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


def _zones_for(
    index: InterestIndex, zone: int, top: int, excluded: frozenset[str] = frozenset()
) -> tuple[int, ...]:
    """``zone`` alone, or the narrowest band of neighbours around it holding ``top``.

    Excluded (dismissed) occupations do not count towards ``top``.
    """
    if zone not in JOB_ZONES:
        raise ValidationError.at("zone", f"Job Zone {zone!r} is not one of 1-5")
    excluded_zones = [
        index.rated[pos].job_zone
        for pos in (index.position(code) for code in excluded)
        if pos is not None
    ]
    for width in range(len(JOB_ZONES)):
        zones = tuple(z for z in JOB_ZONES if abs(z - zone) <= width)
        available = index.zone_count(zones) - sum(1 for z in excluded_zones if z in zones)
        if available >= top or len(zones) == len(JOB_ZONES):
            return zones
    raise AssertionError("unreachable")  # pragma: no cover


def rank_interests(
    scores: InterestScores | Sequence[float],
    index: InterestIndex,
    *,
    top: int = 20,
    zone: int | None = None,
    exclude: Iterable[str] = (),
    best_effort: bool = False,
    today: date | None = None,
) -> MatchResult:
    """Rank the index's occupations for one student; see the module docstring.

    ``exclude`` leaves out codes (e.g. careers the student dismissed).  A flat profile
    raises :class:`~ilpcore.exceptions.UndifferentiatedProfileError` unless
    ``best_effort``, whose result is then marked ``low_confidence``.
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValidationError.at("top", f"must be a whole number of at least 1, got {top!r}")
    student = student_profile(scores, best_effort=best_effort)
    return rank_profile(
        student, index, top=top, zone=zone, exclude=exclude, today=today or date.today()
    )


def rank_profile(
    student: StudentProfile,
    index: InterestIndex,
    *,
    top: int,
    zone: int | None,
    exclude: Iterable[str],
    today: date,
) -> MatchResult:
    """:func:`rank_interests` for a prepared :class:`StudentProfile`."""
    excluded = frozenset(exclude)
    zones = None if zone is None else _zones_for(index, zone, top, excluded)
    subset = index.subset(zones)
    found = subset.vectors.top(student.unit, top + len(excluded) if excluded else top)
    if excluded:
        found = [f for f in found if index.rated[subset.positions[f[1]]].code not in excluded]
        found = found[:top]
    matches = tuple(
        _match(rank, r, index, subset.positions[pos], student)
        for rank, (r, pos) in enumerate(found, start=1)
    )
    return _result(student, index, matches, top, zone, zones, excluded, today)


def _match(
    rank: int, r: float, index: InterestIndex, position: int, student: StudentProfile
) -> InterestMatch:
    return InterestMatch(rank, r, index.rated[position], student, index.vectors.vectors[position])


def _result(
    student: StudentProfile,
    index: InterestIndex,
    matches: tuple[InterestMatch, ...],
    top: int,
    zone: int | None,
    zones: tuple[int, ...] | None,
    excluded: frozenset[str],
    today: date,
) -> MatchResult:
    outside = no_zone = 0
    if zones is not None:
        no_zone = index.zone_count((None,))
        outside = len(index.rated) - no_zone - index.zone_count(zones)
    eligible = len(index.rated) - outside - no_zone
    dismissed = 0
    for code in excluded:
        pos = index.position(code)
        if pos is not None and (zones is None or index.rated[pos].job_zone in zones):
            dismissed += 1
    below = eligible - dismissed - len(matches)
    notes: list[str] = []
    filters = MatchFilters(top, zone, zones, tuple(sorted(excluded)))
    if filters.widened:
        notes.append(filters.describe().split("; ")[1])
    low = student.undifferentiated
    if low:
        notes.append(
            f"low confidence: the profile is undifferentiated (standard deviation "
            f"{student.spread:.2f}); the ranking says little"
        )
    return MatchResult(
        matches=matches,
        release=index.release,
        scale=student.scale,
        scores=student.scores,
        student_code=student.code,
        filters=filters,
        excluded=Exclusions(index.unrated, outside, no_zone, dismissed, below),
        computed_on=today,
        low_confidence=low,
        notes=tuple(notes),
    )
