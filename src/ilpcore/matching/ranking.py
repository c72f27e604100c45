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

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

from ilpcore.exceptions import ValidationError
from ilpcore.matching.interest_index import InterestIndex, OccupationProfile, profiles_from_catalog
from ilpcore.matching.interests import InterestScores
from ilpcore.matching.match_result import Exclusions, InterestMatch, MatchFilters, MatchResult
from ilpcore.matching.student_profile import RAW_SCALE as RAW_SCALE
from ilpcore.matching.student_profile import StudentProfile, student_profile

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
