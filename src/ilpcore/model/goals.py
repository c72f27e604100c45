"""Goals with grade-level benchmarks and dated progress notes."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    each,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    optional,
    unique,
)

__all__ = [
    "Benchmark",
    "BenchmarkStatus",
    "Goal",
    "GoalCategory",
    "GoalHorizon",
    "GoalStatus",
    "ProgressNote",
]


class GoalCategory(enum.Enum):
    """The kind of goal, as ILP frameworks name them."""

    ACADEMIC = "academic"
    CAREER = "career"
    PERSONAL = "personal"


class GoalHorizon(enum.Enum):
    """Long-term goals span the plan (e.g. "become a registered nurse"); short-term ones a year."""

    LONG_TERM = "long_term"
    SHORT_TERM = "short_term"


class GoalStatus(enum.Enum):
    """How far a goal has come."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    REVISED = "revised"
    """Replaced by a newer version of the goal; kept for the plan's history."""
    ABANDONED = "abandoned"


class BenchmarkStatus(enum.Enum):
    """Whether a benchmark was reached; ``waived`` when the team agreed it no longer applies."""

    PENDING = "pending"
    MET = "met"
    NOT_MET = "not_met"
    WAIVED = "waived"


@attrs.frozen
class ProgressNote(ModelBase):
    """A dated note on progress toward a goal, and who wrote it."""

    on: date = attrs.field(metadata=check(a_date))
    text: str = attrs.field(metadata=check(non_blank))
    author: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


@attrs.frozen
class Benchmark(ModelBase):
    """A step toward a goal expected by a grade level (and optionally a date)."""

    id: str = attrs.field(metadata=check(identifier))
    grade_level: int = attrs.field(metadata=check(grade_level))
    description: str = attrs.field(metadata=check(non_blank))
    target_date: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    status: BenchmarkStatus = attrs.field(
        default=BenchmarkStatus.PENDING, metadata=check(instance_of(BenchmarkStatus))
    )
    met_on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))

    def _check(self) -> Iterable[Problem]:
        if self.status is BenchmarkStatus.MET and self.met_on is None:
            yield Problem("met_on", "is required when the benchmark is met")
        if self.status is not BenchmarkStatus.MET and self.met_on is not None:
            yield Problem("met_on", f"must be empty when the status is {self.status.value}")


@attrs.frozen
class Goal(ModelBase):
    """An academic, career or personal goal."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    category: GoalCategory = attrs.field(metadata=check(instance_of(GoalCategory)))
    horizon: GoalHorizon = attrs.field(
        default=GoalHorizon.LONG_TERM, metadata=check(instance_of(GoalHorizon))
    )
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    set_on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    target_date: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    status: GoalStatus = attrs.field(
        default=GoalStatus.NOT_STARTED, metadata=check(instance_of(GoalStatus))
    )
    benchmarks: tuple[Benchmark, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Benchmark)), unique("id"))
    )
    progress: tuple[ProgressNote, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(ProgressNote)))
    )
    career_code: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """For career goals, the O*NET-SOC code of the occupation aimed at (e.g. ``29-1141.00``)."""
    replaces: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    """The id of the goal this one revises."""

    def _check(self) -> Iterable[Problem]:
        if (
            self.set_on is not None
            and self.target_date is not None
            and self.target_date < self.set_on
        ):
            yield Problem("target_date", f"{self.target_date} is before set_on {self.set_on}")
        if self.replaces == self.id:
            yield Problem("replaces", "a goal cannot replace itself")
