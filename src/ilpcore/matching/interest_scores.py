"""Six raw RIASEC scores on a named scale, and their place on a plan as an assessment result."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Final

import attrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.matching.congruence import AREA_NAMES, RIASEC, holland_code, tied_codes
from ilpcore.model import AssessmentKind, AssessmentResult, Instrument, Score
from ilpcore.model._checks import ModelBase, check, identifier, non_blank, optional

__all__ = [
    "FLAT_PROFILE_THRESHOLD",
    "IP_SHORT_FORM_ID",
    "InterestScores",
    "from_assessment",
    "is_undifferentiated",
    "to_assessment",
]

FLAT_PROFILE_THRESHOLD: Final = 0.05
"""A profile is *undifferentiated* when the population standard deviation of its six
scores is below this fraction of the scale's range (2 points on 0-40, 1 on 0-20).
Everything answered alike gives 0."""

IP_SHORT_FORM_ID: Final = "onet-ip-sf-60"
IP_SHORT_FORM_EDITION: Final = "Short Form, 60 items (My Next Move order)"
IP_SHORT_FORM_NAME: Final = "O*NET Interest Profiler"


def _scale_name(instrument_id: str, minimum: int, maximum: int) -> str:
    return f"{instrument_id} raw {minimum}-{maximum}"


def is_undifferentiated(values: Sequence[int], minimum: float, maximum: float) -> bool:
    """Whether six whole-number scores are flat: spread below the threshold of the range.

    Computed exactly: ``sum((6*x - sum(x))**2) = 216 * variance`` is compared with
    ``216 * (threshold * range)**2``, so every path (single, batch, NumPy) agrees.
    """
    total = sum(values)
    squares = sum((len(values) * v - total) ** 2 for v in values)
    n3 = len(values) ** 3
    return squares < n3 * (FLAT_PROFILE_THRESHOLD * (maximum - minimum)) ** 2


def _scores_check(value: object) -> str | None:
    if not isinstance(value, tuple) or len(value) != len(RIASEC):
        return "must be a tuple of 6 scores in RIASEC order"
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return "scores must be whole numbers"
    return None


@attrs.frozen
class InterestScores(ModelBase):
    """Six raw RIASEC scores on a named scale, from one Interest Profiler administration.

    >>> s = InterestScores((40, 0, 0, 0, 0, 0), maximum=40)
    >>> s.scale, s.code
    ('onet-ip-sf-60 raw 0-40', 'RIA')
    """

    values: tuple[int, ...] = attrs.field(metadata=check(_scores_check))
    """R, I, A, S, E, C."""
    maximum: int = attrs.field(default=40)
    minimum: int = attrs.field(default=0)
    instrument_id: str = attrs.field(default=IP_SHORT_FORM_ID, metadata=check(identifier))
    edition: str = attrs.field(default=IP_SHORT_FORM_EDITION, metadata=check(non_blank))
    answers: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if self.maximum <= self.minimum:
            yield Problem("maximum", f"{self.maximum} is not above minimum {self.minimum}")
            return
        for i, v in enumerate(self.values):
            if not self.minimum <= v <= self.maximum:
                yield Problem(
                    f"values[{i}]",
                    f"{RIASEC[i]} = {v} is outside the scale {self.minimum}-{self.maximum}",
                )

    @property
    def scale(self) -> str:
        return _scale_name(self.instrument_id, self.minimum, self.maximum)

    def as_dict(self) -> dict[str, int]:
        """``{"R": 27, "I": 13, ...}``."""
        return dict(zip(RIASEC, self.values, strict=True))

    @property
    def spread(self) -> float:
        """Population standard deviation of the six scores."""
        mean = sum(self.values) / len(self.values)
        return math.sqrt(sum((v - mean) ** 2 for v in self.values) / len(self.values))

    @property
    def undifferentiated(self) -> bool:
        """True when :attr:`spread` is below :data:`FLAT_PROFILE_THRESHOLD` of the scale range."""
        return is_undifferentiated(self.values, self.minimum, self.maximum)

    @property
    def code(self) -> str:
        """Three-letter code; ties go in RIASEC order (see :func:`~.congruence.holland_code`)."""
        return holland_code(self.values)

    @property
    def tied_codes(self) -> tuple[str, ...]:
        """Every three-letter code the ties allow (for Iachan's tie rule)."""
        return tied_codes(self.values)


_SCALE_KEYS: Final = tuple(name.lower() for name in AREA_NAMES)


def to_assessment(scores: InterestScores, id: str, taken_on: date) -> AssessmentResult:
    """The scores as an :class:`~ilpcore.model.AssessmentResult` (kind INTEREST) for a plan.

    Each area is a :class:`~ilpcore.model.Score` named ``realistic`` ... ``conventional``
    with the scale's minimum and maximum; the answer string is kept.
    """
    return AssessmentResult(
        id=id,
        kind=AssessmentKind.INTEREST,
        instrument=Instrument(scores.instrument_id, scores.edition, IP_SHORT_FORM_NAME),
        taken_on=taken_on,
        scores=tuple(
            Score(key, Decimal(v), Decimal(scores.minimum), Decimal(scores.maximum))
            for key, v in zip(_SCALE_KEYS, scores.values, strict=True)
        ),
        answers=scores.answers,
    )


def from_assessment(result: AssessmentResult) -> InterestScores:
    """Read interest scores back from an assessment result made by :func:`to_assessment`.

    Raises :class:`~ilpcore.exceptions.ValidationError` naming every missing or unusable
    score (paths such as ``scores``, ``scores[2].maximum``).
    """
    problems: list[Problem] = []
    if result.kind is not AssessmentKind.INTEREST:
        problems.append(Problem("kind", f"is {result.kind.value}, expected interest"))
    found: dict[str, tuple[int, Score]] = {s.scale: (i, s) for i, s in enumerate(result.scores)}
    values: list[int] = []
    bounds: set[tuple[Decimal | None, Decimal | None]] = set()
    for key in _SCALE_KEYS:
        if key not in found:
            problems.append(Problem("scores", f"has no {key!r} score"))
            continue
        i, s = found[key]
        if s.value != s.value.to_integral_value():
            problems.append(Problem(f"scores[{i}].value", f"{s.value} is not a raw score"))
        if s.minimum is None or s.maximum is None:
            problems.append(
                Problem(f"scores[{i}].maximum", "needs the scale's minimum and maximum")
            )
        bounds.add((s.minimum, s.maximum))
        values.append(int(s.value))
    if len(bounds) > 1:
        problems.append(Problem("scores", "the six scores are on different scales"))
    if problems:
        raise ValidationError(problems)
    ((low, high),) = bounds
    assert low is not None
    assert high is not None
    return InterestScores(
        values=tuple(values),
        maximum=int(high),
        minimum=int(low),
        instrument_id=result.instrument.id,
        edition=result.instrument.edition,
        answers=result.answers,
    )
