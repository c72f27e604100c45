"""The de-identified tables: which columns a release has, and one plan's rows of each.

Each table is an allow list over a records table of :mod:`ilpcore.records`
(:data:`~ilpcore.records.PLAN_TABLES`): a column reaches a release only if it
is named here, with its treatment (:mod:`ilpcore.research.released`), so a
field added to the records later stays out until someone decides it is safe.
Student ids become pseudonyms; item ids become per-student ordinals; event
dates become school year and month; coded values (course codes, marks,
instrument ids...) that do not look like codes are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from ilpcore.model import Plan
from ilpcore.records import PLAN_TABLES, RIASEC, Column, ColumnType
from ilpcore.research.generalize import QUASI_IDENTIFIERS, QuasiIdentifiers
from ilpcore.research.released import (
    AS_YEARS,
    CODED,
    GRADE,
    SOC_CODED,
    YEAR,
    Released,
    ReleasedStudent,
    ReleasedTable,
    constant,
    dated,
    from_records,
    numbered,
)

__all__ = [
    "ACTIVITY_COLUMNS",
    "ASSESSMENT_COLUMNS",
    "COURSE_COLUMNS",
    "GOAL_COLUMNS",
    "RELEASED_TABLES",
    "STUDENT_COLUMNS",
    "SUPPRESSED_COLUMN",
    "TABLES",
    "ReleasedStudent",
    "student_row",
]

_S, _I, _B = ColumnType.STRING, ColumnType.INTEGER, ColumnType.BOOLEAN
SUPPRESSED_COLUMN: Final = "suppressed"

_PSEUDONYM = Released(
    Column("student", _S, "the student's keyed pseudonym (HMAC-SHA256)"),
    None,
    constant(lambda who: who.pseudonym),
)


def _quasi_identifier(name: str, t: ColumnType, description: str = "quasi-identifier") -> Released:
    i = QUASI_IDENTIFIERS.index(name)
    return Released(
        Column(name, t, description),
        None,
        constant(lambda who: who.combo[i] if i in who.kept else None),
    )


def _suppressed(who: ReleasedStudent) -> str | None:
    return ";".join(n for i, n in enumerate(QUASI_IDENTIFIERS) if i not in who.kept) or None


def _disadvantaged(who: ReleasedStudent) -> bool | None:
    d = None if who.plan is None else who.plan.demographics
    return None if d is None else d.economically_disadvantaged


_P, _C, _A, _G, _V = (
    PLAN_TABLES[name] for name in ("plans", "courses", "assessments", "goals", "activities")
)
_COUNTS = (
    "goals", "current_goals", "goals_achieved", "courses", "courses_completed", "course_plans",
    "planned_courses", "activities", "assessments", "reflections", "artifacts",
)  # fmt: skip

STUDENTS: Final = ReleasedTable(
    _P,
    (
        _PSEUDONYM,
        _quasi_identifier("school_id", _S),
        _quasi_identifier("cohort", _I, "quasi-identifier: expected graduation year"),
        _quasi_identifier("grade_level", _I),
        _quasi_identifier("sex", _S, "quasi-identifier: female, male, nonbinary or other"),
        _quasi_identifier("race_ethnicity", _S, "quasi-identifier: federal reporting category"),
        _quasi_identifier("disability", _B, "quasi-identifier: student with disabilities"),
        _quasi_identifier("english_learner", _B),
        _quasi_identifier("birth_year", _I),
        Released(
            Column(
                SUPPRESSED_COLUMN, _S, "the quasi-identifiers suppressed in this row, ';'-separated"
            ),
            None,
            constant(_suppressed),
        ),
        Released(Column("economically_disadvantaged", _B), None, constant(_disadvantaged)),
        *(from_records(_P, name) for name in _COUNTS),
        from_records(
            _P, "career_goal_code", SOC_CODED, "O*NET-SOC code of the first current career goal"
        ),
        *(
            from_records(_P, name)
            for name in ("credits_attempted", "credits_earned", "activity_hours")
        ),
        Released(
            Column("interest_school_year", _I, "school year of the latest interest assessment"),
            "interest_taken_on",
            YEAR,
        ),
        *(from_records(_P, f"interest_{a}") for a in RIASEC),
    ),
)

COURSES: Final = ReleasedTable(
    _C,
    (
        _PSEUDONYM,
        Released(
            Column("in_course_plan", _B, "false for the transcript, true for a planned course"),
            "course_plan_id",
            lambda plan_id: plan_id is not None,
        ),
        from_records(_C, "course_code", CODED),
        from_records(_C, "subject", CODED),
        Released(Column("school_year", _I), "school_year", AS_YEARS),
        from_records(_C, "session"),
        from_records(_C, "grade_level", GRADE),
        from_records(_C, "status"),
        from_records(_C, "credits"),
        from_records(_C, "credits_earned"),
        from_records(_C, "mark", CODED),
        from_records(_C, "attributes"),
    ),
)

ASSESSMENTS: Final = ReleasedTable(
    _A,
    (
        _PSEUDONYM,
        Released(
            Column("administration", _I, "numbers the student's assessment results from 1"),
            "assessment_id",
            numbered("assessments"),
        ),
        from_records(_A, "kind"),
        from_records(_A, "instrument_id", CODED),
        from_records(_A, "instrument_edition", CODED),
        *dated("", "taken_on"),
        from_records(_A, "scale", CODED),
        *(from_records(_A, name) for name in ("value", "minimum", "maximum")),
    ),
)

GOALS: Final = ReleasedTable(
    _G,
    (
        _PSEUDONYM,
        Released(
            Column("goal", _I, "numbers the student's goals from 1"),
            "goal_id",
            numbered("goals"),
        ),
        *(from_records(_G, name) for name in ("category", "horizon", "status")),
        *dated("set_", "set_on"),
        *dated("target_", "target_date"),
        from_records(_G, "career_code", SOC_CODED),
        Released(
            Column("revises_goal", _I, "the number of the goal this one revises"),
            "replaces",
            numbered("goals"),
        ),
        *(from_records(_G, name) for name in ("benchmarks", "benchmarks_met", "progress_notes")),
    ),
)

ACTIVITIES: Final = ReleasedTable(
    _V,
    (
        _PSEUDONYM,
        from_records(_V, "kind"),
        *dated("start_", "start"),
        *dated("end_", "end"),
        from_records(_V, "hours"),
        from_records(_V, "grade_levels", GRADE),
        from_records(_V, "skills", description="number of skills named"),
    ),
)

RELEASED_TABLES: Final = {
    "students": STUDENTS,
    "courses": COURSES,
    "assessments": ASSESSMENTS,
    "goals": GOALS,
    "activities": ACTIVITIES,
}
"""Every table of a release, by name, in the order they are written."""


def student_row(
    plan: Plan, who: ReleasedStudent, combo: QuasiIdentifiers, kept: tuple[int, ...]
) -> dict[str, Any]:
    """The student's released row: quasi-identifiers outside ``kept`` are suppressed."""
    student = ReleasedStudent(who.pseudonym, kept, combo=combo, plan=plan)
    return next(STUDENTS.rows(plan, student))


ItemRows = Callable[[Plan, ReleasedStudent], Iterator[dict[str, Any]]]

TABLES: Final[dict[str, tuple[tuple[Column, ...], ItemRows | None]]] = {
    name: (table.columns, None if table is STUDENTS else table.rows)
    for name, table in RELEASED_TABLES.items()
}
"""Table name -> (columns, the rows of one plan); the students table is :func:`student_row`."""

STUDENT_COLUMNS: Final = STUDENTS.columns
COURSE_COLUMNS: Final = COURSES.columns
ASSESSMENT_COLUMNS: Final = ASSESSMENTS.columns
GOAL_COLUMNS: Final = GOALS.columns
ACTIVITY_COLUMNS: Final = ACTIVITIES.columns
