"""The de-identified tables: which columns a release has, and one plan's rows of each.

Rows are built from the flat records of :mod:`ilpcore.records` by an allow
list: a column reaches a release only if it is named here, so a field added to
the model later stays out until someone decides it is safe.  Student ids become
pseudonyms; item ids become per-student ordinals; event dates become school
year and month; coded values (course codes, marks, instrument ids...) that do
not look like codes are dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Final

from ilpcore.model import Plan
from ilpcore.records import (
    RIASEC,
    Column,
    ColumnType,
    activity_rows,
    assessment_rows,
    course_rows,
    goal_rows,
    plan_row,
)
from ilpcore.research.generalize import QUASI_IDENTIFIERS, QuasiIdentifiers, school_year

__all__ = ["SUPPRESSED_COLUMN", "TABLES", "ReleasedStudent", "student_row"]

_S, _I, _D, _B = ColumnType.STRING, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.BOOLEAN
SUPPRESSED_COLUMN: Final = "suppressed"
_PSEUDONYM = Column("student", _S, "the student's keyed pseudonym (HMAC-SHA256)")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:/+\-]{0,39}")
_SOC = re.compile(r"\d\d-\d\d\d\d(\.\d\d)?")


@functools.lru_cache(maxsize=4096)
def _code(value: str | None, pattern: re.Pattern[str] = _CODE) -> str | None:
    return value if value is not None and pattern.fullmatch(value) else None


_COUNTS = (
    "goals", "current_goals", "goals_achieved", "courses", "courses_completed", "course_plans",
    "planned_courses", "activities", "assessments", "reflections", "artifacts",
)  # fmt: skip

STUDENT_COLUMNS: Final = (
    _PSEUDONYM,
    Column("school_id", _S, "quasi-identifier"),
    Column("cohort", _I, "quasi-identifier: expected graduation year"),
    Column("grade_level", _I, "quasi-identifier"),
    Column("sex", _S, "quasi-identifier: female, male, nonbinary or other"),
    Column("race_ethnicity", _S, "quasi-identifier: federal reporting category"),
    Column("disability", _B, "quasi-identifier: student with disabilities"),
    Column("english_learner", _B, "quasi-identifier"),
    Column("birth_year", _I, "quasi-identifier"),
    Column(SUPPRESSED_COLUMN, _S, "the quasi-identifiers suppressed in this row, ';'-separated"),
    Column("economically_disadvantaged", _B),
    *(Column(name, _I) for name in _COUNTS),
    Column("career_goal_code", _S, "O*NET-SOC code of the first current career goal"),
    Column("credits_attempted", _D),
    Column("credits_earned", _D),
    Column("activity_hours", _D),
    Column("interest_school_year", _I, "school year of the latest interest assessment"),
    *(Column(f"interest_{a}", _D) for a in RIASEC),
)

COURSE_COLUMNS: Final = (
    _PSEUDONYM,
    Column("in_course_plan", _B, "false for the transcript, true for a planned course"),
    Column("course_code", _S),
    Column("subject", _S),
    Column("school_year", _I),
    Column("session", _S),
    Column("grade_level", _I),
    Column("status", _S),
    Column("credits", _D),
    Column("credits_earned", _D),
    Column("mark", _S),
    Column("attributes", _S),
)

ASSESSMENT_COLUMNS: Final = (
    _PSEUDONYM,
    Column("administration", _I, "numbers the student's assessment results from 1"),
    Column("kind", _S),
    Column("instrument_id", _S),
    Column("instrument_edition", _S),
    Column("school_year", _I),
    Column("month", _I),
    Column("scale", _S),
    Column("value", _D),
    Column("minimum", _D),
    Column("maximum", _D),
)

GOAL_COLUMNS: Final = (
    _PSEUDONYM,
    Column("goal", _I, "numbers the student's goals from 1"),
    Column("category", _S),
    Column("horizon", _S),
    Column("status", _S),
    Column("set_school_year", _I),
    Column("set_month", _I),
    Column("target_school_year", _I),
    Column("target_month", _I),
    Column("career_code", _S),
    Column("revises_goal", _I, "the number of the goal this one revises"),
    Column("benchmarks", _I),
    Column("benchmarks_met", _I),
    Column("progress_notes", _I),
)

ACTIVITY_COLUMNS: Final = (
    _PSEUDONYM,
    Column("kind", _S),
    Column("start_school_year", _I),
    Column("start_month", _I),
    Column("end_school_year", _I),
    Column("end_month", _I),
    Column("hours", _D),
    Column("grade_levels", _S),
    Column("skills", _I, "number of skills named"),
)


class ReleasedStudent:
    """One student as released: pseudonym, and which quasi-identifiers show."""

    __slots__ = ("grades", "pseudonym", "years")

    def __init__(self, pseudonym: str, kept: tuple[int, ...]) -> None:
        self.pseudonym = pseudonym
        shown = {QUASI_IDENTIFIERS[i] for i in kept}
        self.years = "cohort" in shown
        """Whether school years may show: they would give back a suppressed cohort."""
        self.grades = "grade_level" in shown
        """Whether grade levels may show in item rows."""

    def year(self, iso: str | None) -> int | None:
        return None if iso is None or not self.years else school_year(date.fromisoformat(iso))

    def grade(self, value: Any) -> Any:
        return value if self.grades else None


def _month(iso: str | None) -> int | None:
    return None if iso is None else int(iso[5:7])


def student_row(
    plan: Plan, who: ReleasedStudent, combo: QuasiIdentifiers, kept: tuple[int, ...]
) -> dict[str, Any]:
    """The student's released row: quasi-identifiers outside ``kept`` are suppressed."""
    source = plan_row(plan)
    row: dict[str, Any] = {"student": who.pseudonym}
    for i, name in enumerate(QUASI_IDENTIFIERS):
        row[name] = combo[i] if i in kept else None
    hidden = [n for i, n in enumerate(QUASI_IDENTIFIERS) if i not in kept]
    row[SUPPRESSED_COLUMN] = ";".join(hidden) or None
    d = plan.demographics
    row["economically_disadvantaged"] = None if d is None else d.economically_disadvantaged
    for name in (*_COUNTS, "credits_attempted", "credits_earned", "activity_hours"):
        row[name] = source[name]
    row["career_goal_code"] = _code(source["career_goal_code"], _SOC)
    row["interest_school_year"] = who.year(source["interest_taken_on"])
    for a in RIASEC:
        row[f"interest_{a}"] = source[f"interest_{a}"]
    return row


def _courses(plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
    for r in course_rows(plan):
        yield {
            "student": who.pseudonym,
            "in_course_plan": r["course_plan_id"] is not None,
            "course_code": _code(r["course_code"]),
            "subject": _code(r["subject"]),
            "school_year": r["school_year"] if who.years else None,
            "session": r["session"],
            "grade_level": who.grade(r["grade_level"]),
            "status": r["status"],
            "credits": r["credits"],
            "credits_earned": r["credits_earned"],
            "mark": _code(r["mark"]),
            "attributes": r["attributes"],
        }


def _assessments(plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
    number = {a.id: n for n, a in enumerate(plan.assessments, 1)}
    for r in assessment_rows(plan):
        yield {
            "student": who.pseudonym,
            "administration": number[r["assessment_id"]],
            "kind": r["kind"],
            "instrument_id": _code(r["instrument_id"]),
            "instrument_edition": _code(r["instrument_edition"]),
            "school_year": who.year(r["taken_on"]),
            "month": _month(r["taken_on"]),
            "scale": _code(r["scale"]),
            "value": r["value"],
            "minimum": r["minimum"],
            "maximum": r["maximum"],
        }


def _goals(plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
    number = {g.id: n for n, g in enumerate(plan.goals, 1)}
    for n, r in enumerate(goal_rows(plan), 1):
        yield {
            "student": who.pseudonym,
            "goal": n,
            "category": r["category"],
            "horizon": r["horizon"],
            "status": r["status"],
            "set_school_year": who.year(r["set_on"]),
            "set_month": _month(r["set_on"]),
            "target_school_year": who.year(r["target_date"]),
            "target_month": _month(r["target_date"]),
            "career_code": _code(r["career_code"], _SOC),
            "revises_goal": None if r["replaces"] is None else number.get(r["replaces"]),
            "benchmarks": r["benchmarks"],
            "benchmarks_met": r["benchmarks_met"],
            "progress_notes": r["progress_notes"],
        }


def _activities(plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
    for r in activity_rows(plan):
        yield {
            "student": who.pseudonym,
            "kind": r["kind"],
            "start_school_year": who.year(r["start"]),
            "start_month": _month(r["start"]),
            "end_school_year": who.year(r["end"]),
            "end_month": _month(r["end"]),
            "hours": r["hours"],
            "grade_levels": who.grade(r["grade_levels"]),
            "skills": r["skills"],
        }


ItemRows = Callable[[Plan, ReleasedStudent], Iterator[dict[str, Any]]]

TABLES: Final[dict[str, tuple[tuple[Column, ...], ItemRows | None]]] = {
    "students": (STUDENT_COLUMNS, None),
    "courses": (COURSE_COLUMNS, _courses),
    "assessments": (ASSESSMENT_COLUMNS, _assessments),
    "goals": (GOAL_COLUMNS, _goals),
    "activities": (ACTIVITY_COLUMNS, _activities),
}
"""Table name -> (columns, the rows of one plan); the students table is :func:`student_row`."""
