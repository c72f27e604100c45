"""What an audit reads besides courses: milestones, and the overrides counselors approve."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model import CourseStatus
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    identifier,
    instance_of,
    non_blank,
    non_negative_decimal,
    optional,
)

__all__ = ["Milestone", "MilestoneStatus", "Override", "OverrideAction", "tier_of"]


class MilestoneStatus(enum.Enum):
    COMPLETED = "completed"
    IN_PROGRESS = "in_progress"
    REGISTERED = "registered"
    PLANNED = "planned"


@attrs.frozen
class Milestone(ModelBase):
    """A non-course milestone the student reached or plans: ``ilp``, ``hsbp``, ``fafsa``,
    ``fafsa-opt-out``, ``cpr``, ``financial-literacy``... (the ids rule sets accept)."""

    id: str = attrs.field(metadata=check(identifier))
    status: MilestoneStatus = attrs.field(
        default=MilestoneStatus.COMPLETED, metadata=check(instance_of(MilestoneStatus))
    )
    on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))


class OverrideAction(enum.Enum):
    WAIVE = "waive"
    """The requirement at ``path`` (and everything under it) counts as met."""
    SUBSTITUTE = "substitute"
    """``course_code`` may count toward ``path`` although its filter does not accept it."""
    INSERT = "insert"
    """``course_code`` must count toward ``path`` (accepted there even if its filter does not)."""
    BLOCK = "block"
    """``course_code`` may not count toward ``path`` (``""``: toward anything)."""
    ADJUST_CREDITS = "adjust_credits"
    """The requirement at ``path`` needs ``credits`` instead of its usual amount."""


@attrs.frozen
class Override(ModelBase):
    """An exception to a rule set for one student, approved by someone, for a reason."""

    action: OverrideAction = attrs.field(metadata=check(instance_of(OverrideAction)))
    path: str = attrs.field(metadata=check(instance_of(str)))
    """The requirement's stable path, e.g. ``math/algebra-1`` (``""``: the whole rule set)."""
    approved_by: str = attrs.field(metadata=check(non_blank))
    reason: str = attrs.field(metadata=check(non_blank))
    course_code: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    credits: Decimal | None = attrs.field(
        default=None, metadata=check(optional(non_negative_decimal))
    )
    on: date | None = attrs.field(default=None, metadata=check(optional(a_date)))

    def _check(self) -> Iterable[Problem]:
        needs_course = self.action in (
            OverrideAction.SUBSTITUTE,
            OverrideAction.INSERT,
            OverrideAction.BLOCK,
        )
        if needs_course and self.course_code is None:
            yield Problem("course_code", f"a {self.action.value} override names a course")
        if self.action is OverrideAction.ADJUST_CREDITS and self.credits is None:
            yield Problem("credits", "an adjust_credits override gives the credits")
        if self.action is OverrideAction.WAIVE and not self.path:
            yield Problem("path", "the whole rule set cannot be waived")


_TIERS = {
    CourseStatus.COMPLETED: 0,
    CourseStatus.IN_PROGRESS: 1,
    CourseStatus.REGISTERED: 2,
    CourseStatus.PLANNED: 3,
}


def tier_of(status: CourseStatus) -> int | None:
    """0 completed, 1 in progress, 2 registered, 3 planned; ``None``: failed or withdrawn."""
    return _TIERS.get(status)
