"""Course records and the multi-year course plan.

Credits are :class:`~decimal.Decimal`: half and quarter credits are common and
must add up exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    check,
    each,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    non_negative_decimal,
    optional,
    set_of,
    year,
)

__all__ = [
    "CourseAttribute",
    "CoursePlan",
    "CourseRecord",
    "CourseStatus",
    "Session",
    "Term",
]


class CourseStatus(enum.Enum):
    """Where a course stands on the student's transcript or plan."""

    COMPLETED = "completed"
    IN_PROGRESS = "in_progress"
    REGISTERED = "registered"
    PLANNED = "planned"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


class CourseAttribute(enum.Enum):
    """Course characteristics that graduation rules and resumes care about."""

    AP = "ap"
    IB = "ib"
    HONORS = "honors"
    CTE = "cte"
    DUAL_CREDIT = "dual_credit"
    LAB = "lab"
    ONLINE = "online"
    CREDIT_RECOVERY = "credit_recovery"
    PRE_AP = "pre_ap"


class Session(enum.Enum):
    """The part of a school year a course ran in (after Ed-Fi's term descriptors)."""

    FULL_YEAR = "full_year"
    FALL_SEMESTER = "fall_semester"
    SPRING_SEMESTER = "spring_semester"
    SUMMER = "summer"
    FIRST_TRIMESTER = "first_trimester"
    SECOND_TRIMESTER = "second_trimester"
    THIRD_TRIMESTER = "third_trimester"
    FIRST_QUARTER = "first_quarter"
    SECOND_QUARTER = "second_quarter"
    THIRD_QUARTER = "third_quarter"
    FOURTH_QUARTER = "fourth_quarter"
    OTHER = "other"


@attrs.frozen(order=True)
class Term(ModelBase):
    """A term: the school year (named by the calendar year it starts in) and the session.

    >>> Term(2025, Session.FALL_SEMESTER).label
    '2025-26 fall semester'
    """

    school_year: int = attrs.field(metadata=check(year))
    """2025 for the 2025-26 school year."""
    session: Session = attrs.field(
        default=Session.FULL_YEAR,
        metadata=check(instance_of(Session)),
        order=lambda s: list(Session).index(s),
    )

    @property
    def label(self) -> str:
        """The term for people, e.g. ``2025-26 fall semester``."""
        years = f"{self.school_year}-{(self.school_year + 1) % 100:02d}"
        return f"{years} {self.session.value.replace('_', ' ')}"


_EARNED = frozenset({CourseStatus.COMPLETED})


@attrs.frozen
class CourseRecord(ModelBase):
    """One course the student took, is taking, is registered for, or plans to take.

    ``credits`` is the credit the course carries (attempted);
    ``credits_earned`` is what was awarded, when it differs from ``credits``.

    >>> from decimal import Decimal
    >>> c = CourseRecord("MA1101", "Algebra I", "mathematics", Term(2024), 9, Decimal("1"),
    ...                  status=CourseStatus.COMPLETED, mark="B+")
    >>> c.earned_credits
    Decimal('1')
    """

    course_code: str = attrs.field(metadata=check(non_blank))
    title: str = attrs.field(metadata=check(non_blank))
    subject: str = attrs.field(metadata=check(non_blank))
    """The subject area, e.g. ``mathematics`` or ``english_language_arts``."""
    term: Term = attrs.field(metadata=check(instance_of(Term)))
    grade_level: int = attrs.field(metadata=check(grade_level))
    credits: Decimal = attrs.field(metadata=check(non_negative_decimal))
    status: CourseStatus = attrs.field(
        default=CourseStatus.PLANNED, metadata=check(instance_of(CourseStatus))
    )
    mark: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """The final mark as reported, e.g. ``A-``, ``93`` or ``P``."""
    credits_earned: Decimal | None = attrs.field(
        default=None, metadata=check(optional(non_negative_decimal))
    )
    attributes: frozenset[CourseAttribute] = attrs.field(
        default=frozenset(), metadata=check(set_of(CourseAttribute))
    )
    institution: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """Where it was taken, when not the student's school (a college, for dual credit)."""

    def _check(self) -> Iterable[Problem]:
        if self.credits_earned is not None:
            if self.status not in (CourseStatus.COMPLETED, CourseStatus.FAILED):
                yield Problem(
                    "credits_earned", f"must be empty for a course that is {self.status.value}"
                )
            elif self.credits_earned > self.credits:
                yield Problem(
                    "credits_earned",
                    f"{self.credits_earned} is more than the course's {self.credits}",
                )
        if self.mark is not None and self.status in (CourseStatus.PLANNED, CourseStatus.REGISTERED):
            yield Problem("mark", f"a {self.status.value} course has no mark yet")

    @property
    def earned_credits(self) -> Decimal:
        """Credits awarded so far: ``credits_earned``, else all credits if completed, else 0."""
        if self.credits_earned is not None:
            return self.credits_earned
        return self.credits if self.status in _EARNED else Decimal(0)


@attrs.frozen
class CoursePlan(ModelBase):
    """A multi-year course plan, aligned to a career goal where the student has one."""

    id: str = attrs.field(metadata=check(identifier))
    name: str = attrs.field(metadata=check(non_blank))
    courses: tuple[CourseRecord, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(CourseRecord)))
    )
    goal_id: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    """The career goal this plan serves."""
    pathway: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """A career pathway or program of study, e.g. ``Health Science: Therapeutic Services``."""

    @property
    def total_credits(self) -> Decimal:
        """All credits in the plan, exactly."""
        return sum((c.credits for c in self.courses), Decimal(0))


def courses_by_term(courses: Iterable[CourseRecord]) -> dict[Term, tuple[CourseRecord, ...]]:
    """Group courses by term, terms in order."""
    groups: dict[Term, list[CourseRecord]] = {}
    for c in courses:
        groups.setdefault(c.term, []).append(c)
    return {t: tuple(groups[t]) for t in sorted(groups)}
