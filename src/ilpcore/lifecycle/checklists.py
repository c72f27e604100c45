"""Per-grade checklists of the three ILP phases, and whether a plan meets them.

What a state or district expects by which grade is data: a :class:`Checklist`
of items, each naming its phase, the grade by whose end it is due, and the
kind of :class:`Evidence` in the plan that completes it.  A rule-set plugin can
supply its own checklist; :data:`BASELINE` is a general one drawn from common
state ILP frameworks.  A plan whose every item due by now is done counts as a
completed plan, the milestone some graduation rules require.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date

import attrs

from ilpcore.model import (
    ActivityKind,
    AssessmentKind,
    GoalCategory,
    Phase,
    Plan,
    Role,
    SavedListKind,
)
from ilpcore.model._checks import (
    ModelBase,
    check,
    each,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    unique,
)
from ilpcore.serialization import register_document

__all__ = [
    "BASELINE",
    "Checklist",
    "ChecklistItem",
    "Evidence",
    "ItemStatus",
    "checklist_status",
    "plan_completed",
]


class Evidence(enum.Enum):
    """What in a plan shows that a checklist item is done (the earliest such date counts)."""

    INTEREST_INVENTORY = "interest_inventory"
    WORK_VALUES_INVENTORY = "work_values_inventory"
    SAVED_CAREERS = "saved_careers"
    CAREER_GOAL = "career_goal"
    CAREER_ACTIVITY = "career_activity"
    """A job shadow, career fair, internship... (an activity of kind ``career_activity``)."""
    COURSE_PLAN = "course_plan"
    """A multi-year course plan (its date is the earliest review after it, or none)."""
    REFLECTION = "reflection"
    PARENT_SIGN_OFF = "parent_sign_off"
    SAVED_COLLEGES = "saved_colleges"


@attrs.frozen
class ChecklistItem(ModelBase):
    """One expectation: ``evidence`` in the plan by the end of grade ``by_grade``."""

    id: str = attrs.field(metadata=check(identifier))
    phase: Phase = attrs.field(metadata=check(instance_of(Phase)))
    by_grade: int = attrs.field(metadata=check(grade_level))
    description: str = attrs.field(metadata=check(non_blank))
    evidence: Evidence = attrs.field(metadata=check(instance_of(Evidence)))


@attrs.frozen
class Checklist(ModelBase):
    """A named checklist, e.g. a state's ILP components by grade."""

    name: str = attrs.field(metadata=check(non_blank))
    items: tuple[ChecklistItem, ...] = attrs.field(
        metadata=check(each(instance_of(ChecklistItem)), unique("id"))
    )


@attrs.frozen
class ItemStatus:
    item: ChecklistItem
    done_on: date | None
    """The date of the earliest evidence, or ``None`` when there is none."""
    due_on: date
    """June 30 of the school year in which the student is in grade ``by_grade``."""

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue(self, today: date) -> bool:
        return not self.done and today > self.due_on


def _earliest(dates: list[date]) -> date | None:
    return min(dates) if dates else None


_FINDERS: dict[Evidence, Callable[[Plan], date | None]] = {
    Evidence.INTEREST_INVENTORY: lambda p: _earliest(
        [a.taken_on for a in p.assessments if a.kind is AssessmentKind.INTEREST]
    ),
    Evidence.WORK_VALUES_INVENTORY: lambda p: _earliest(
        [a.taken_on for a in p.assessments if a.kind is AssessmentKind.WORK_VALUES]
    ),
    Evidence.SAVED_CAREERS: lambda p: _earliest(
        [s.created_on for s in p.saved_lists if s.kind is SavedListKind.CAREERS and s.items]
    ),
    Evidence.SAVED_COLLEGES: lambda p: _earliest(
        [s.created_on for s in p.saved_lists if s.kind is SavedListKind.COLLEGES and s.items]
    ),
    Evidence.CAREER_GOAL: lambda p: _earliest(
        [g.set_on for g in p.goals if g.category is GoalCategory.CAREER and g.set_on]
    ),
    Evidence.CAREER_ACTIVITY: lambda p: _earliest(
        [a.start for a in p.activities if a.kind is ActivityKind.CAREER_ACTIVITY]
    ),
    Evidence.COURSE_PLAN: lambda p: (
        None
        if not any(cp.courses for cp in p.course_plans)
        else _earliest([r.held_on for r in p.reviews]) or date.min
    ),
    Evidence.REFLECTION: lambda p: _earliest([r.written_on for r in p.reflections]),
    Evidence.PARENT_SIGN_OFF: lambda p: _earliest(
        [s.signed_on for r in p.reviews for s in r.sign_offs if s.role is Role.PARENT_GUARDIAN]
    ),
}


def checklist_status(plan: Plan, checklist: Checklist) -> tuple[ItemStatus, ...]:
    """Each item of ``checklist`` with the date it was done (if it was) and when it is due.

    >>> from ilpcore.samples import sample_plan
    >>> for s in checklist_status(sample_plan(), BASELINE)[:3]:
    ...     print(s.item.id, s.done_on, s.due_on)
    interest-inventory 2025-09-18 2023-06-30
    saved-careers 2025-09-20 2024-06-30
    career-goal 2024-10-02 2025-06-30
    """
    cohort = plan.student.cohort
    return tuple(
        ItemStatus(item, _FINDERS[item.evidence](plan), date(cohort - (12 - item.by_grade), 6, 30))
        for item in checklist.items
    )


def plan_completed(plan: Plan, checklist: Checklist, today: date) -> bool:
    """Whether every item due by ``today`` is done (the "ILP completed" milestone)."""
    return not any(s.overdue(today) for s in checklist_status(plan, checklist))


BASELINE = Checklist(
    "ILP baseline (common state expectations)",
    (
        ChecklistItem("interest-inventory", Phase.SELF_EXPLORATION, 7,
                      "Take an interest inventory", Evidence.INTEREST_INVENTORY),
        ChecklistItem("saved-careers", Phase.CAREER_EXPLORATION, 8,
                      "Save careers to explore", Evidence.SAVED_CAREERS),
        ChecklistItem("career-goal", Phase.CAREER_EXPLORATION, 9,
                      "Set a career goal", Evidence.CAREER_GOAL),
        ChecklistItem("course-plan", Phase.CAREER_PLANNING, 9,
                      "Make a four-year course plan", Evidence.COURSE_PLAN),
        ChecklistItem("parent-sign-off", Phase.CAREER_PLANNING, 9,
                      "Review the plan with a parent or guardian", Evidence.PARENT_SIGN_OFF),
        ChecklistItem("career-activity", Phase.CAREER_EXPLORATION, 10,
                      "Take part in a career activity (job shadow, career fair...)",
                      Evidence.CAREER_ACTIVITY),
        ChecklistItem("reflection", Phase.SELF_EXPLORATION, 10,
                      "Reflect on an activity or assessment", Evidence.REFLECTION),
        ChecklistItem("work-values", Phase.SELF_EXPLORATION, 11,
                      "Take a work values inventory", Evidence.WORK_VALUES_INVENTORY),
        ChecklistItem("saved-colleges", Phase.CAREER_PLANNING, 11,
                      "Save colleges or programs to apply to", Evidence.SAVED_COLLEGES),
    ),
)  # fmt: skip
"""A general checklist; states' own come from their rule-set plugins."""

register_document(ChecklistItem, "ilpcore.checklist_item", 1)
register_document(Checklist, "ilpcore.checklist", 1)
