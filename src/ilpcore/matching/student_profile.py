"""A student's six interest scores prepared for ranking (flat profiles refused or marked)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

import attrs

from ilpcore.exceptions import Problem, UndifferentiatedProfileError, ValidationError
from ilpcore.matching._vectors import canonical_differences, unit_from_differences
from ilpcore.matching.congruence import RIASEC, holland_code, tied_codes
from ilpcore.matching.interests import FLAT_PROFILE_THRESHOLD, InterestScores

__all__ = ["RAW_SCALE", "StudentProfile", "student_profile"]

RAW_SCALE: Final = "caller scale"
"""The scale name of scores given as a bare sequence."""


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
