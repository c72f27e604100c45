"""Results of assessments: interest and work-values inventories, skills, tests."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    each,
    finite_decimal,
    identifier,
    instance_of,
    non_blank,
    optional,
    unique,
)

__all__ = ["AssessmentKind", "AssessmentResult", "Instrument", "Score"]


class AssessmentKind(enum.Enum):
    """What an assessment measures."""

    INTEREST = "interest"
    """E.g. the O*NET Interest Profiler (RIASEC)."""
    WORK_VALUES = "work_values"
    SKILLS = "skills"
    LEARNING_PREFERENCES = "learning_preferences"
    TEST = "test"
    """Achievement and admission tests: SAT, ACT, state end-of-course exams."""


@attrs.frozen
class Instrument(ModelBase):
    """Which instrument, and which edition of it, produced a result."""

    id: str = attrs.field(metadata=check(identifier))
    """E.g. ``onet-ip-60``, ``sat``, ``ky-eoc-algebra-2``."""
    edition: str = attrs.field(metadata=check(non_blank))
    """The form or release of the instrument, e.g. ``60-item short form``."""
    name: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


@attrs.frozen
class Score(ModelBase):
    """One score on one scale, e.g. ``realistic = 27`` on a 0-40 scale."""

    scale: str = attrs.field(metadata=check(non_blank))
    value: Decimal = attrs.field(metadata=check(finite_decimal))
    minimum: Decimal | None = attrs.field(default=None, metadata=check(optional(finite_decimal)))
    maximum: Decimal | None = attrs.field(default=None, metadata=check(optional(finite_decimal)))

    def _check(self) -> Iterable[Problem]:
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            yield Problem("maximum", f"{self.maximum} is below minimum {self.minimum}")
        if self.minimum is not None and self.value < self.minimum:
            yield Problem("value", f"{self.value} is below the scale minimum {self.minimum}")
        if self.maximum is not None and self.value > self.maximum:
            yield Problem("value", f"{self.value} is above the scale maximum {self.maximum}")


@attrs.frozen
class AssessmentResult(ModelBase):
    """The scores a student got on one administration of an instrument."""

    id: str = attrs.field(metadata=check(identifier))
    kind: AssessmentKind = attrs.field(metadata=check(instance_of(AssessmentKind)))
    instrument: Instrument = attrs.field(metadata=check(instance_of(Instrument)))
    taken_on: date = attrs.field(metadata=check(a_date))
    scores: tuple[Score, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Score)), unique("scale"))
    )
    answers: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """The raw answers where the instrument has an answer string (e.g. the 60 IP digits)."""

    def score(self, scale: str) -> Decimal | None:
        """The value on ``scale``, or ``None`` if this result has no such score."""
        for s in self.scores:
            if s.scale == scale:
                return s.value
        return None
