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

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    BenchmarkStatus,
    CourseRecord,
    CourseStatus,
    GoalCategory,
    GoalStatus,
    Plan,
)
from ilpcore.records.table import Column, ColumnType, Records

__all__ = [
    "ACTIVITY_COLUMNS",
    "ASSESSMENT_COLUMNS",
    "COURSE_COLUMNS",
    "GOAL_COLUMNS",
    "PLAN_COLUMNS",
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

_ATTEMPTED = frozenset({CourseStatus.COMPLETED, CourseStatus.FAILED})

PLAN_COLUMNS = (
    Column("student_id", _S, "the local (district) student id"),
    Column("state_id", _S, "the state student id"),
    Column("school_id", _S),
    Column("school_name", _S),
    Column("grade_level", _I),
    Column("cohort", _I, "expected graduation year"),
    Column("birth_date", _T),
    Column("revision", _I, "the plan revision these rows come from"),
    Column("goals", _I, "number of goals (all statuses)"),
    Column("current_goals", _I, "goals not revised or abandoned"),
    Column("goals_achieved", _I),
    Column("career_goal_code", _S, "O*NET-SOC code of the first current career goal"),
    Column("courses", _I, "transcript courses (all statuses)"),
    Column("courses_completed", _I),
    Column("credits_attempted", _D, "credits of completed and failed courses"),
    Column("credits_earned", _D, "credits awarded (Plan.earned_credits)"),
    Column("course_plans", _I),
    Column("planned_courses", _I, "courses in all course plans"),
    Column("activities", _I),
    Column("activity_hours", _D, "hours of all activities that record hours"),
    Column("assessments", _I),
    Column("reflections", _I),
    Column("artifacts", _I),
    Column("reviews", _I),
    Column("interest_taken_on", _T, "date of the latest interest assessment"),
    *(Column(f"interest_{area}", _D, f"latest {area} interest score") for area in RIASEC),
)
"""The columns of :func:`plan_row`, one row per student."""

COURSE_COLUMNS = (
    Column("student_id", _S),
    Column("course_plan_id", _S, "empty for the transcript; else the course plan's id"),
    Column("course_code", _S),
    Column("title", _S),
    Column("subject", _S),
    Column("school_year", _I, "the calendar year the school year starts in"),
    Column("session", _S),
    Column("grade_level", _I),
    Column("status", _S),
    Column("credits", _D, "credits the course carries (attempted)"),
    Column("credits_earned", _D, "credits awarded so far"),
    Column("mark", _S),
    Column("attributes", _S, "course attributes (ap, honors, cte...), sorted, ';'-separated"),
    Column("institution", _S, "where taken, when not the student's school"),
)
"""The columns of :func:`course_rows`, one row per course per student."""

ASSESSMENT_COLUMNS = (
    Column("student_id", _S),
    Column("assessment_id", _S),
    Column("kind", _S),
    Column("instrument_id", _S),
    Column("instrument_edition", _S),
    Column("taken_on", _T),
    Column("scale", _S),
    Column("value", _D),
    Column("minimum", _D),
    Column("maximum", _D),
)
"""The columns of :func:`assessment_rows`, one row per score."""

GOAL_COLUMNS = (
    Column("student_id", _S),
    Column("goal_id", _S),
    Column("title", _S),
    Column("category", _S),
    Column("horizon", _S),
    Column("status", _S),
    Column("set_on", _T),
    Column("target_date", _T),
    Column("career_code", _S),
    Column("replaces", _S, "the id of the goal this one revises"),
    Column("benchmarks", _I),
    Column("benchmarks_met", _I),
    Column("progress_notes", _I),
)
"""The columns of :func:`goal_rows`, one row per goal."""

ACTIVITY_COLUMNS = (
    Column("student_id", _S),
    Column("activity_id", _S),
    Column("kind", _S),
    Column("title", _S),
    Column("organization", _S),
    Column("role", _S),
    Column("start", _T),
    Column("end", _T, "empty while ongoing"),
    Column("hours", _D),
    Column("grade_levels", _S, "grade levels, ';'-separated"),
    Column("skills", _I, "number of skills named"),
)
"""The columns of :func:`activity_rows`, one row per activity."""


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def latest_interest(plan: Plan) -> AssessmentResult | None:
    """The plan's most recent interest assessment (the last one listed on a tie), if any."""
    latest: AssessmentResult | None = None
    for a in plan.assessments:
        if a.kind is AssessmentKind.INTEREST and (latest is None or a.taken_on >= latest.taken_on):
            latest = a
    return latest


def plan_row(plan: Plan) -> dict[str, Any]:
    """The student's row: ids, grade, cohort, school and counts (see :data:`PLAN_COLUMNS`)."""
    s = plan.student
    current = tuple(plan.current_goals())
    career = next((g for g in current if g.category is GoalCategory.CAREER and g.career_code), None)
    hours = [a.hours for a in plan.activities if a.hours is not None]
    interest = latest_interest(plan)
    row: dict[str, Any] = {
        "student_id": s.id,
        "state_id": s.state_id,
        "school_id": s.school.id,
        "school_name": s.school.name,
        "grade_level": s.grade_level,
        "cohort": s.cohort,
        "birth_date": None if s.birth_date is None else s.birth_date.isoformat(),
        "revision": plan.revision,
        "goals": len(plan.goals),
        "current_goals": len(current),
        "goals_achieved": sum(g.status is GoalStatus.ACHIEVED for g in plan.goals),
        "career_goal_code": None if career is None else career.career_code,
        "courses": len(plan.courses),
        "courses_completed": sum(c.status is CourseStatus.COMPLETED for c in plan.courses),
        "credits_attempted": _dec(
            sum((c.credits for c in plan.courses if c.status in _ATTEMPTED), Decimal(0))
        ),
        "credits_earned": _dec(plan.earned_credits),
        "course_plans": len(plan.course_plans),
        "planned_courses": sum(len(cp.courses) for cp in plan.course_plans),
        "activities": len(plan.activities),
        "activity_hours": _dec(sum(hours, Decimal(0))) if hours else None,
        "assessments": len(plan.assessments),
        "reflections": len(plan.reflections),
        "artifacts": len(plan.artifacts),
        "reviews": len(plan.reviews),
        "interest_taken_on": None if interest is None else interest.taken_on.isoformat(),
    }
    for area in RIASEC:
        row[f"interest_{area}"] = None if interest is None else _dec(interest.score(area))
    return row


def _course(student_id: str, plan_id: str | None, c: CourseRecord) -> dict[str, Any]:
    return {
        "student_id": student_id,
        "course_plan_id": plan_id,
        "course_code": c.course_code,
        "title": c.title,
        "subject": c.subject,
        "school_year": c.term.school_year,
        "session": c.term.session.value,
        "grade_level": c.grade_level,
        "status": c.status.value,
        "credits": _dec(c.credits),
        "credits_earned": _dec(c.earned_credits),
        "mark": c.mark,
        "attributes": ";".join(sorted(a.value for a in c.attributes)) or None,
        "institution": c.institution,
    }


def course_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """The transcript's courses, then each course plan's courses (see :data:`COURSE_COLUMNS`)."""
    sid = plan.student.id
    for c in plan.courses:
        yield _course(sid, None, c)
    for cp in plan.course_plans:
        for c in cp.courses:
            yield _course(sid, cp.id, c)


def assessment_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per score of every assessment result (see :data:`ASSESSMENT_COLUMNS`)."""
    for a in plan.assessments:
        for score in a.scores:
            yield {
                "student_id": plan.student.id,
                "assessment_id": a.id,
                "kind": a.kind.value,
                "instrument_id": a.instrument.id,
                "instrument_edition": a.instrument.edition,
                "taken_on": a.taken_on.isoformat(),
                "scale": score.scale,
                "value": _dec(score.value),
                "minimum": _dec(score.minimum),
                "maximum": _dec(score.maximum),
            }


def goal_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per goal (see :data:`GOAL_COLUMNS`)."""
    for g in plan.goals:
        yield {
            "student_id": plan.student.id,
            "goal_id": g.id,
            "title": g.title,
            "category": g.category.value,
            "horizon": g.horizon.value,
            "status": g.status.value,
            "set_on": None if g.set_on is None else g.set_on.isoformat(),
            "target_date": None if g.target_date is None else g.target_date.isoformat(),
            "career_code": g.career_code,
            "replaces": g.replaces,
            "benchmarks": len(g.benchmarks),
            "benchmarks_met": sum(b.status is BenchmarkStatus.MET for b in g.benchmarks),
            "progress_notes": len(g.progress),
        }


def activity_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per activity, with its hours (see :data:`ACTIVITY_COLUMNS`)."""
    for a in plan.activities:
        yield {
            "student_id": plan.student.id,
            "activity_id": a.id,
            "kind": a.kind.value,
            "title": a.title,
            "organization": a.organization,
            "role": a.role,
            "start": a.start.isoformat(),
            "end": None if a.end is None else a.end.isoformat(),
            "hours": _dec(a.hours),
            "grade_levels": ";".join(str(g) for g in a.grade_levels) or None,
            "skills": len(a.skills),
        }


def plans_table(plans: Iterable[Plan]) -> Records:
    """One row per plan (:func:`plan_row`)."""
    return Records.from_dicts(PLAN_COLUMNS, (plan_row(p) for p in plans))


def courses_table(plans: Iterable[Plan]) -> Records:
    """Every course of every plan (:func:`course_rows`)."""
    return Records.from_dicts(COURSE_COLUMNS, (r for p in plans for r in course_rows(p)))


def assessments_table(plans: Iterable[Plan]) -> Records:
    """Every score of every plan (:func:`assessment_rows`)."""
    return Records.from_dicts(ASSESSMENT_COLUMNS, (r for p in plans for r in assessment_rows(p)))


def goals_table(plans: Iterable[Plan]) -> Records:
    """Every goal of every plan (:func:`goal_rows`)."""
    return Records.from_dicts(GOAL_COLUMNS, (r for p in plans for r in goal_rows(p)))


def activities_table(plans: Iterable[Plan]) -> Records:
    """Every activity of every plan (:func:`activity_rows`)."""
    return Records.from_dicts(ACTIVITY_COLUMNS, (r for p in plans for r in activity_rows(p)))
