"""Plans as flat records: one table per kind of row, built one plan at a time.

Each ``*_rows(plan)`` function gives the rows of one plan (plain dicts of
JSON-ready scalars); each ``*_table(plans)`` collects the rows of many plans
into a typed :class:`~ilpcore.records.Records` table with the columns of the
matching ``*_COLUMNS``.  Names, contacts and free text about the student stay
out of the student rows; the item rows keep titles, which a district's own
analysts may need (the de-identified export of :mod:`ilpcore.research` drops them).

Credits and hours are exact decimal strings (``"0.5"``): DataFrames get floats,
which hold every quarter credit and half hour exactly.

>>> from ilpcore.samples import sample_plan
>>> row = plan_row(sample_plan())
>>> row["student_id"], row["credits_earned"], row["credits_attempted"], row["interest_social"]
('100482', '8.0', '8.0', '36')
>>> plans_table([sample_plan()]).to_dicts()[0] == row
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from ilpcore.model import (
    Activity,
    AssessmentKind,
    AssessmentResult,
    BenchmarkStatus,
    CourseRecord,
    CourseStatus,
    Goal,
    GoalCategory,
    GoalStatus,
    Plan,
    Score,
)
from ilpcore.records.fields import Field, PlanTable
from ilpcore.records.table import Column, ColumnType, Records

__all__ = [
    "ACTIVITY_COLUMNS",
    "ASSESSMENT_COLUMNS",
    "COURSE_COLUMNS",
    "GOAL_COLUMNS",
    "PLAN_COLUMNS",
    "PLAN_TABLES",
    "RIASEC",
    "activities_table",
    "activity_rows",
    "assessment_rows",
    "assessments_table",
    "course_rows",
    "courses_table",
    "goal_rows",
    "goals_table",
    "latest_interest",
    "plan_row",
    "plans_table",
]

_S, _I, _D, _B, _T = (
    ColumnType.STRING,
    ColumnType.INTEGER,
    ColumnType.DECIMAL,
    ColumnType.BOOLEAN,
    ColumnType.DATE,
)

RIASEC = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
"""The six interest areas of the O*NET Interest Profiler, in their usual order."""

T = TypeVar("T")

_ATTEMPTED = frozenset({CourseStatus.COMPLETED, CourseStatus.FAILED})


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def latest_interest(plan: Plan) -> AssessmentResult | None:
    """The plan's most recent interest assessment (the last one listed on a tie), if any."""
    latest: AssessmentResult | None = None
    for a in plan.assessments:
        if a.kind is AssessmentKind.INTEREST and (latest is None or a.taken_on >= latest.taken_on):
            latest = a
    return latest


class _Summary:
    """What several columns of a student's row read, worked out once per plan."""

    __slots__ = ("career", "current", "hours", "interest")

    def __init__(self, plan: Plan) -> None:
        self.current = tuple(plan.current_goals())
        self.career = next(
            (g for g in self.current if g.category is GoalCategory.CAREER and g.career_code), None
        )
        self.hours = [a.hours for a in plan.activities if a.hours is not None]
        self.interest = latest_interest(plan)

    def interest_score(self, area: str) -> str | None:
        return None if self.interest is None else _dec(self.interest.score(area))


def _of(name: str, t: ColumnType, read: Callable[[Plan, T], Any],
        description: str | None = None) -> Field[T]:  # fmt: skip
    return Field(Column(name, t, description), read)


def _attempted(plan: Plan) -> Decimal:
    return sum((c.credits for c in plan.courses if c.status in _ATTEMPTED), Decimal(0))


def _interest_field(area: str) -> Field[_Summary]:
    return _of(f"interest_{area}", _D, lambda p, s: s.interest_score(area),
                    f"latest {area} interest score")  # fmt: skip


_PLAN = PlanTable[_Summary](
    (
        _of("student_id", _S, lambda p, s: p.student.id, "the local (district) student id"),
        _of("state_id", _S, lambda p, s: p.student.state_id, "the state student id"),
        _of("school_id", _S, lambda p, s: p.student.school.id),
        _of("school_name", _S, lambda p, s: p.student.school.name),
        _of("grade_level", _I, lambda p, s: p.student.grade_level),
        _of("cohort", _I, lambda p, s: p.student.cohort, "expected graduation year"),
        _of("birth_date", _T, lambda p, s: _iso(p.student.birth_date)),
        _of("revision", _I, lambda p, s: p.revision, "the plan revision these rows come from"),
        _of("goals", _I, lambda p, s: len(p.goals), "number of goals (all statuses)"),
        _of("current_goals", _I, lambda p, s: len(s.current),
            "goals not revised or abandoned"),
        _of("goals_achieved", _I,
                 lambda p, s: sum(g.status is GoalStatus.ACHIEVED for g in p.goals)),
        _of("career_goal_code", _S,
                 lambda p, s: None if s.career is None else s.career.career_code,
                 "O*NET-SOC code of the first current career goal"),
        _of("courses", _I, lambda p, s: len(p.courses), "transcript courses (all statuses)"),
        _of("courses_completed", _I,
                 lambda p, s: sum(c.status is CourseStatus.COMPLETED for c in p.courses)),
        _of("credits_attempted", _D, lambda p, s: _dec(_attempted(p)),
                 "credits of completed and failed courses"),
        _of("credits_earned", _D, lambda p, s: _dec(p.earned_credits),
                 "credits awarded (Plan.earned_credits)"),
        _of("course_plans", _I, lambda p, s: len(p.course_plans)),
        _of("planned_courses", _I, lambda p, s: sum(len(cp.courses) for cp in p.course_plans),
                 "courses in all course plans"),
        _of("activities", _I, lambda p, s: len(p.activities)),
        _of("activity_hours", _D,
                 lambda p, s: _dec(sum(s.hours, Decimal(0))) if s.hours else None,
                 "hours of all activities that record hours"),
        _of("assessments", _I, lambda p, s: len(p.assessments)),
        _of("reflections", _I, lambda p, s: len(p.reflections)),
        _of("artifacts", _I, lambda p, s: len(p.artifacts)),
        _of("reviews", _I, lambda p, s: len(p.reviews)),
        _of("interest_taken_on", _T,
                 lambda p, s: None if s.interest is None else s.interest.taken_on.isoformat(),
                 "date of the latest interest assessment"),
        *(_interest_field(area) for area in RIASEC),
    ),
    lambda plan: (_Summary(plan),),
)  # fmt: skip

_Placed = tuple[str | None, CourseRecord]
"""A course and the id of its course plan (``None`` on the transcript)."""


def _placed(plan: Plan) -> Iterator[_Placed]:
    for c in plan.courses:
        yield None, c
    for cp in plan.course_plans:
        for c in cp.courses:
            yield cp.id, c


def _student_id(plan: Plan, item: object) -> str:
    return plan.student.id


_COURSE = PlanTable[_Placed](
    (
        _of("student_id", _S, _student_id),
        _of("course_plan_id", _S, lambda p, pc: pc[0],
            "empty for the transcript; else the course plan's id"),
        _of("course_code", _S, lambda p, pc: pc[1].course_code),
        _of("title", _S, lambda p, pc: pc[1].title),
        _of("subject", _S, lambda p, pc: pc[1].subject),
        _of("school_year", _I, lambda p, pc: pc[1].term.school_year,
            "the calendar year the school year starts in"),
        _of("session", _S, lambda p, pc: pc[1].term.session.value),
        _of("grade_level", _I, lambda p, pc: pc[1].grade_level),
        _of("status", _S, lambda p, pc: pc[1].status.value),
        _of("credits", _D, lambda p, pc: _dec(pc[1].credits),
            "credits the course carries (attempted)"),
        _of("credits_earned", _D, lambda p, pc: _dec(pc[1].earned_credits),
            "credits awarded so far"),
        _of("mark", _S, lambda p, pc: pc[1].mark),
        _of("attributes", _S,
            lambda p, pc: ";".join(sorted(a.value for a in pc[1].attributes)) or None,
            "course attributes (ap, honors, cte...), sorted, ';'-separated"),
        _of("institution", _S, lambda p, pc: pc[1].institution,
            "where taken, when not the student's school"),
    ),
    _placed,
)  # fmt: skip

_Scored = tuple[AssessmentResult, Score]


def _scores(plan: Plan) -> Iterator[_Scored]:
    for a in plan.assessments:
        for score in a.scores:
            yield a, score


_ASSESSMENT = PlanTable[_Scored](
    (
        _of("student_id", _S, _student_id),
        _of("assessment_id", _S, lambda p, a: a[0].id),
        _of("kind", _S, lambda p, a: a[0].kind.value),
        _of("instrument_id", _S, lambda p, a: a[0].instrument.id),
        _of("instrument_edition", _S, lambda p, a: a[0].instrument.edition),
        _of("taken_on", _T, lambda p, a: a[0].taken_on.isoformat()),
        _of("scale", _S, lambda p, a: a[1].scale),
        _of("value", _D, lambda p, a: _dec(a[1].value)),
        _of("minimum", _D, lambda p, a: _dec(a[1].minimum)),
        _of("maximum", _D, lambda p, a: _dec(a[1].maximum)),
    ),
    _scores,
)  # fmt: skip

_GOAL = PlanTable[Goal](
    (
        _of("student_id", _S, _student_id),
        _of("goal_id", _S, lambda p, g: g.id),
        _of("title", _S, lambda p, g: g.title),
        _of("category", _S, lambda p, g: g.category.value),
        _of("horizon", _S, lambda p, g: g.horizon.value),
        _of("status", _S, lambda p, g: g.status.value),
        _of("set_on", _T, lambda p, g: _iso(g.set_on)),
        _of("target_date", _T, lambda p, g: _iso(g.target_date)),
        _of("career_code", _S, lambda p, g: g.career_code),
        _of("replaces", _S, lambda p, g: g.replaces, "the id of the goal this one revises"),
        _of("benchmarks", _I, lambda p, g: len(g.benchmarks)),
        _of("benchmarks_met", _I,
            lambda p, g: sum(b.status is BenchmarkStatus.MET for b in g.benchmarks)),
        _of("progress_notes", _I, lambda p, g: len(g.progress)),
    ),
    lambda plan: plan.goals,
)  # fmt: skip

_ACTIVITY = PlanTable[Activity](
    (
        _of("student_id", _S, _student_id),
        _of("activity_id", _S, lambda p, a: a.id),
        _of("kind", _S, lambda p, a: a.kind.value),
        _of("title", _S, lambda p, a: a.title),
        _of("organization", _S, lambda p, a: a.organization),
        _of("role", _S, lambda p, a: a.role),
        _of("start", _T, lambda p, a: a.start.isoformat()),
        _of("end", _T, lambda p, a: _iso(a.end), "empty while ongoing"),
        _of("hours", _D, lambda p, a: _dec(a.hours)),
        _of("grade_levels", _S, lambda p, a: ";".join(str(g) for g in a.grade_levels) or None,
            "grade levels, ';'-separated"),
        _of("skills", _I, lambda p, a: len(a.skills), "number of skills named"),
    ),
    lambda plan: plan.activities,
)  # fmt: skip

PLAN_TABLES: dict[str, PlanTable[Any]] = {
    "plans": _PLAN,
    "courses": _COURSE,
    "assessments": _ASSESSMENT,
    "goals": _GOAL,
    "activities": _ACTIVITY,
}
"""Every records table by name, each described once (columns and how to read them)."""

PLAN_COLUMNS = _PLAN.columns
"""The columns of :func:`plan_row`, one row per student."""
COURSE_COLUMNS = _COURSE.columns
"""The columns of :func:`course_rows`, one row per course per student."""
ASSESSMENT_COLUMNS = _ASSESSMENT.columns
"""The columns of :func:`assessment_rows`, one row per score."""
GOAL_COLUMNS = _GOAL.columns
"""The columns of :func:`goal_rows`, one row per goal."""
ACTIVITY_COLUMNS = _ACTIVITY.columns
"""The columns of :func:`activity_rows`, one row per activity."""


def plan_row(plan: Plan) -> dict[str, Any]:
    """The student's row: ids, grade, cohort, school and counts (see :data:`PLAN_COLUMNS`)."""
    return next(_PLAN.rows(plan))


def course_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """The transcript's courses, then each course plan's courses (see :data:`COURSE_COLUMNS`)."""
    return _COURSE.rows(plan)


def assessment_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per score of every assessment result (see :data:`ASSESSMENT_COLUMNS`)."""
    return _ASSESSMENT.rows(plan)


def goal_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per goal (see :data:`GOAL_COLUMNS`)."""
    return _GOAL.rows(plan)


def activity_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per activity, with its hours (see :data:`ACTIVITY_COLUMNS`)."""
    return _ACTIVITY.rows(plan)


def plans_table(plans: Iterable[Plan]) -> Records:
    """One row per plan (:func:`plan_row`)."""
    return _PLAN.table(plans)


def courses_table(plans: Iterable[Plan]) -> Records:
    """Every course of every plan (:func:`course_rows`)."""
    return _COURSE.table(plans)


def assessments_table(plans: Iterable[Plan]) -> Records:
    """Every score of every plan (:func:`assessment_rows`)."""
    return _ASSESSMENT.table(plans)


def goals_table(plans: Iterable[Plan]) -> Records:
    """Every goal of every plan (:func:`goal_rows`)."""
    return _GOAL.table(plans)


def activities_table(plans: Iterable[Plan]) -> Records:
    """Every activity of every plan (:func:`activity_rows`)."""
    return _ACTIVITY.table(plans)
