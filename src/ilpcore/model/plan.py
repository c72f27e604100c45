"""The plan: the aggregate root holding everything about one student's ILP."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Protocol, TypeVar

import attrs

from ilpcore.exceptions import NotFoundError, Problem
from ilpcore.model._checks import (
    Check,
    ModelBase,
    boolean,
    check,
    each,
    instance_of,
    non_negative_int,
    optional,
    unique,
)
from ilpcore.model.activities import Activity, Artifact, Reflection, SubjectKind
from ilpcore.model.applications import CollegeApplication, Milestone
from ilpcore.model.assessments import AssessmentResult
from ilpcore.model.courses import CoursePlan, CourseRecord
from ilpcore.model.demographics import Demographics
from ilpcore.model.goals import Goal, GoalStatus
from ilpcore.model.people import Student
from ilpcore.model.phases import PhaseCompletion
from ilpcore.model.profile import Profile
from ilpcore.model.resume import ResumeSpec
from ilpcore.model.reviews import Review
from ilpcore.model.saved import SavedList
from ilpcore.model.schedule import ReviewSchedule

__all__ = ["Plan"]


def _items_with_ids(kind: type) -> Mapping[str, tuple[Check, ...]]:
    return check(each(instance_of(kind)), unique("id"))


@attrs.frozen
class Plan(ModelBase):
    """One student's Individual Learning Plan.

    ``revision`` counts saved versions; the store sets it, a new plan is 0.
    Edit with :func:`attrs.evolve` (re-exported as :func:`ilpcore.model.evolve`):

    >>> from ilpcore.model import evolve, PersonName, SchoolRef, Student
    >>> school = SchoolRef("HS1", "Central High")
    >>> student = Student("S1", PersonName("Maya", "Okafor"), 9, 2029, school)
    >>> plan = Plan(student)
    >>> evolve(plan, student=evolve(student, grade_level=10)).student.grade_level
    10
    """

    student: Student = attrs.field(metadata=check(instance_of(Student)))
    profile: Profile = attrs.field(factory=Profile, metadata=check(instance_of(Profile)))
    demographics: Demographics | None = attrs.field(
        default=None, metadata=check(optional(instance_of(Demographics)))
    )
    goals: tuple[Goal, ...] = attrs.field(default=(), metadata=_items_with_ids(Goal))
    reviews: tuple[Review, ...] = attrs.field(default=(), metadata=_items_with_ids(Review))
    phases: tuple[PhaseCompletion, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(PhaseCompletion)), unique("phase"))
    )
    courses: tuple[CourseRecord, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(CourseRecord)))
    )
    course_plans: tuple[CoursePlan, ...] = attrs.field(
        default=(), metadata=_items_with_ids(CoursePlan)
    )
    activities: tuple[Activity, ...] = attrs.field(default=(), metadata=_items_with_ids(Activity))
    reflections: tuple[Reflection, ...] = attrs.field(
        default=(), metadata=_items_with_ids(Reflection)
    )
    artifacts: tuple[Artifact, ...] = attrs.field(default=(), metadata=_items_with_ids(Artifact))
    assessments: tuple[AssessmentResult, ...] = attrs.field(
        default=(), metadata=_items_with_ids(AssessmentResult)
    )
    saved_lists: tuple[SavedList, ...] = attrs.field(
        default=(), metadata=_items_with_ids(SavedList)
    )
    applications: tuple[CollegeApplication, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(CollegeApplication)), unique("unitid"))
    )
    """College applications and where each stands (one per institution)."""
    milestones: tuple[Milestone, ...] = attrs.field(default=(), metadata=_items_with_ids(Milestone))
    """Financial-planning steps: FAFSA or its alternatives, scholarships."""
    resume_spec: ResumeSpec | None = attrs.field(
        default=None, metadata=check(optional(instance_of(ResumeSpec)))
    )
    """What the student chose to show on their resume (built from the rest of the plan)."""
    parental_access_consent: bool = attrs.field(default=False, metadata=check(boolean))
    """Whether a student of 18 or older lets parents and guardians keep access to the plan
    (FERPA passes the rights over the record to the student at 18)."""
    review_schedule: ReviewSchedule | None = attrs.field(
        default=None, metadata=check(optional(instance_of(ReviewSchedule)))
    )
    """When regular reviews fall; ``None`` means the district's default schedule."""
    revision: int = attrs.field(default=0, metadata=check(non_negative_int))

    def _check(self) -> Iterable[Problem]:
        ids = {
            SubjectKind.ACTIVITY: {a.id for a in self.activities},
            SubjectKind.GOAL: {g.id for g in self.goals},
            SubjectKind.ASSESSMENT: {a.id for a in self.assessments},
            SubjectKind.COURSE_PLAN: {c.id for c in self.course_plans},
            SubjectKind.ARTIFACT: {a.id for a in self.artifacts},
        }
        referring: tuple[tuple[str, tuple[Reflection | Artifact, ...]], ...] = (
            ("reflections", self.reflections),
            ("artifacts", self.artifacts),
        )
        for field, items in referring:
            for i, item in enumerate(items):
                for j, ref in enumerate(item.about):
                    if ref.id not in ids[ref.kind]:
                        yield Problem(
                            f"{field}[{i}].about[{j}].id",
                            f"no {ref.kind.value} with id {ref.id!r} in this plan",
                        )
        for i, g in enumerate(self.goals):
            if g.replaces is not None and g.replaces not in ids[SubjectKind.GOAL]:
                yield Problem(
                    f"goals[{i}].replaces", f"no goal with id {g.replaces!r} in this plan"
                )
        for i, cp in enumerate(self.course_plans):
            if cp.goal_id is not None and cp.goal_id not in ids[SubjectKind.GOAL]:
                yield Problem(
                    f"course_plans[{i}].goal_id", f"no goal with id {cp.goal_id!r} in this plan"
                )

    @property
    def earned_credits(self) -> Decimal:
        """Credits earned on the transcript (completed courses)."""
        return sum((c.earned_credits for c in self.courses), Decimal(0))

    def goal(self, goal_id: str) -> Goal:
        """The goal with ``goal_id``; raises :class:`~ilpcore.exceptions.NotFoundError`."""
        return _find(self.goals, goal_id, "goal")

    def activity(self, activity_id: str) -> Activity:
        """The activity with ``activity_id``; raises :class:`~ilpcore.exceptions.NotFoundError`."""
        return _find(self.activities, activity_id, "activity")

    def assessment(self, assessment_id: str) -> AssessmentResult:
        """The assessment result with ``assessment_id``; raises
        :class:`~ilpcore.exceptions.NotFoundError`."""
        return _find(self.assessments, assessment_id, "assessment")

    def current_goals(self) -> Iterator[Goal]:
        """Goals that are not revised or abandoned."""
        return (g for g in self.goals if g.status not in (GoalStatus.REVISED, GoalStatus.ABANDONED))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _find(items: tuple[_T, ...], key: str, what: str) -> _T:
    for item in items:
        if item.id == key:
            return item
    raise NotFoundError(f"no {what} with id {key!r}")
