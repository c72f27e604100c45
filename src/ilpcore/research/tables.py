"""The de-identified tables: which columns a release has, and one plan's rows of each.

Each table is an allow list over a records table of :mod:`ilpcore.records`
(:data:`~ilpcore.records.PLAN_TABLES`): a column reaches a release only if it
is named here, with what is done to it, so a field added to the records later
stays out until someone decides it is safe.  Student ids become pseudonyms;
item ids become per-student ordinals; event dates become school year and month;
coded values (course codes, marks, instrument ids...) that do not look like
codes are dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Final, cast

import attrs

from ilpcore.model import Plan
from ilpcore.records import PLAN_TABLES, RIASEC, Column, ColumnType
from ilpcore.records.fields import PlanTable
from ilpcore.research.generalize import QUASI_IDENTIFIERS, QuasiIdentifiers, school_year

__all__ = [
    "RELEASED_TABLES",
    "SUPPRESSED_COLUMN",
    "TABLES",
    "Released",
    "ReleasedStudent",
    "ReleasedTable",
    "student_row",
]

_S, _I, _D, _B = ColumnType.STRING, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.BOOLEAN
SUPPRESSED_COLUMN: Final = "suppressed"
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:/+\-]{0,39}")
_SOC = re.compile(r"\d\d-\d\d\d\d(\.\d\d)?")


class ReleasedStudent:
    """One student as released: pseudonym, and which quasi-identifiers show.

    ``combo`` (the student's quasi-identifiers) and ``plan`` are needed by the
    students table and the per-student item numbers.
    """

    __slots__ = ("_numbers", "combo", "grades", "kept", "plan", "pseudonym", "years")

    def __init__(
        self,
        pseudonym: str,
        kept: tuple[int, ...],
        *,
        combo: QuasiIdentifiers = (),
        plan: Plan | None = None,
    ) -> None:
        self.pseudonym = pseudonym
        self.kept = kept
        self.combo = combo
        self.plan = plan
        shown = {QUASI_IDENTIFIERS[i] for i in kept}
        self.years = "cohort" in shown
        """Whether school years may show: they would give back a suppressed cohort."""
        self.grades = "grade_level" in shown
        """Whether grade levels may show in item rows."""
        self._numbers: dict[str, dict[str, int]] = {}

    def of(self, plan: Plan) -> ReleasedStudent:
        """This student, for the rows of ``plan``."""
        if self.plan is plan:
            return self
        return ReleasedStudent(self.pseudonym, self.kept, combo=self.combo, plan=plan)

    def year(self, iso: str | None) -> int | None:
        return None if iso is None or not self.years else school_year(date.fromisoformat(iso))

    def grade(self, value: Any) -> Any:
        return value if self.grades else None

    def numbers(self, items: str) -> Callable[[str | None], int | None]:
        """The place (from 1) of an item, by id, in the plan's ``items`` (``"goals"``...)."""
        numbers = self._numbers.get(items)
        if numbers is None:
            listed = getattr(self.plan, items)
            numbers = self._numbers[items] = {x.id: n for n, x in enumerate(listed, 1)}
        return cast(Callable[[str | None], int | None], numbers.get)


Treatment = Callable[[ReleasedStudent], Callable[[Any], Any] | None]
"""What is done to a records value before release: ``treatment(student)`` is the function
applied to each of the student's values (``None``: released as it is)."""


@attrs.frozen
class Released:
    """A released column, made from the records column ``source`` (``None``: from the student
    alone) by ``treatment`` (``None``: as it is)."""

    column: Column
    source: str | None
    treatment: Treatment | None = None


@attrs.frozen
class ReleasedTable:
    """A table of the release: its columns, read from one records table."""

    source: PlanTable[Any]
    released: tuple[Released, ...]
    columns: tuple[Column, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(r.column for r in self.released))

    def values(self, plan: Plan, who: ReleasedStudent) -> Iterator[list[Any]]:
        """Each released row of ``plan``, its values in the order of the columns."""
        who = who.of(plan)
        steps = tuple(
            (self.source.reader(r.source), None if r.treatment is None else r.treatment(who))
            for r in self.released
        )
        for item in self.source.items(plan):
            yield [read(plan, item) if fn is None else fn(read(plan, item)) for read, fn in steps]

    def rows(self, plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
        """Each released row of ``plan`` as a dict."""
        names = tuple(c.name for c in self.columns)
        for values in self.values(plan, who):
            yield dict(zip(names, values, strict=True))


@functools.lru_cache(maxsize=4096)
def _code(value: str | None, pattern: re.Pattern[str] = _CODE) -> str | None:
    return value if value is not None and pattern.fullmatch(value) else None


def _as(fn: Callable[[Any], Any]) -> Treatment:
    """``fn`` for every student."""
    return lambda who: fn


def _constant(value: Callable[[ReleasedStudent], Any]) -> Treatment:
    """``value(student)`` in every row of the student."""

    def treatment(who: ReleasedStudent) -> Callable[[Any], Any]:
        shown = value(who)
        return lambda _: shown

    return treatment


_CODED, _SOC_CODED = _as(_code), _as(functools.partial(_code, pattern=_SOC))


def _year(who: ReleasedStudent) -> Callable[[str | None], int | None]:
    return who.year


def _month(iso: str | None) -> int | None:
    return None if iso is None else int(iso[5:7])


def _as_years(who: ReleasedStudent) -> Callable[[Any], Any] | None:
    """School years as they are, or none when they would give back a suppressed cohort."""
    return None if who.years else lambda _: None


def _grade(who: ReleasedStudent) -> Callable[[Any], Any]:
    return who.grade


def _numbered(items: str) -> Treatment:
    return lambda who: who.numbers(items)


_PSEUDONYM = Released(
    Column("student", _S, "the student's keyed pseudonym (HMAC-SHA256)"),
    None,
    _constant(lambda who: who.pseudonym),
)


def _kept(
    table: PlanTable[Any], name: str, treat: Treatment | None = None, description: str | None = None
) -> Released:
    """The records column ``name`` released under its name and type."""
    return Released(Column(name, table.column(name).type, description), name, treat)


def _date(name: str, source: str) -> tuple[Released, Released]:
    """The school year and month of the date column ``source``, as ``<name>school_year`` and
    ``<name>month``."""
    return (
        Released(Column(f"{name}school_year", _I), source, _year),
        Released(Column(f"{name}month", _I), source, _as(_month)),
    )


def _quasi_identifier(i: int, t: ColumnType, description: str) -> Released:
    return Released(
        Column(QUASI_IDENTIFIERS[i], t, description),
        None,
        _constant(lambda who: who.combo[i] if i in who.kept else None),
    )


def _suppressed(who: ReleasedStudent) -> str | None:
    return ";".join(n for i, n in enumerate(QUASI_IDENTIFIERS) if i not in who.kept) or None


def _disadvantaged(who: ReleasedStudent) -> bool | None:
    d = None if who.plan is None else who.plan.demographics
    return None if d is None else d.economically_disadvantaged


_P, _C, _A, _G, _V = (
    PLAN_TABLES[name] for name in ("plans", "courses", "assessments", "goals", "activities")
)
_QI = "quasi-identifier"
_COUNTS = (
    "goals", "current_goals", "goals_achieved", "courses", "courses_completed", "course_plans",
    "planned_courses", "activities", "assessments", "reflections", "artifacts",
)  # fmt: skip

STUDENTS: Final = ReleasedTable(
    _P,
    (
        _PSEUDONYM,
        *(
            _quasi_identifier(i, t, description)
            for i, (t, description) in enumerate(
                (
                    (_S, _QI),
                    (_I, f"{_QI}: expected graduation year"),
                    (_I, _QI),
                    (_S, f"{_QI}: female, male, nonbinary or other"),
                    (_S, f"{_QI}: federal reporting category"),
                    (_B, f"{_QI}: student with disabilities"),
                    (_B, _QI),
                    (_I, _QI),
                )
            )
        ),
        Released(
            Column(
                SUPPRESSED_COLUMN, _S, "the quasi-identifiers suppressed in this row, ';'-separated"
            ),
            None,
            _constant(_suppressed),
        ),
        Released(Column("economically_disadvantaged", _B), None, _constant(_disadvantaged)),
        *(_kept(_P, name) for name in _COUNTS),
        _kept(
            _P, "career_goal_code", _SOC_CODED, "O*NET-SOC code of the first current career goal"
        ),
        *(_kept(_P, name) for name in ("credits_attempted", "credits_earned", "activity_hours")),
        Released(
            Column("interest_school_year", _I, "school year of the latest interest assessment"),
            "interest_taken_on",
            _year,
        ),
        *(_kept(_P, f"interest_{a}") for a in RIASEC),
    ),
)

COURSES: Final = ReleasedTable(
    _C,
    (
        _PSEUDONYM,
        Released(
            Column("in_course_plan", _B, "false for the transcript, true for a planned course"),
            "course_plan_id",
            _as(lambda plan_id: plan_id is not None),
        ),
        _kept(_C, "course_code", _CODED),
        _kept(_C, "subject", _CODED),
        Released(Column("school_year", _I), "school_year", _as_years),
        _kept(_C, "session"),
        _kept(_C, "grade_level", _grade),
        _kept(_C, "status"),
        _kept(_C, "credits"),
        _kept(_C, "credits_earned"),
        _kept(_C, "mark", _CODED),
        _kept(_C, "attributes"),
    ),
)

ASSESSMENTS: Final = ReleasedTable(
    _A,
    (
        _PSEUDONYM,
        Released(
            Column("administration", _I, "numbers the student's assessment results from 1"),
            "assessment_id",
            _numbered("assessments"),
        ),
        _kept(_A, "kind"),
        _kept(_A, "instrument_id", _CODED),
        _kept(_A, "instrument_edition", _CODED),
        *_date("", "taken_on"),
        _kept(_A, "scale", _CODED),
        *(_kept(_A, name) for name in ("value", "minimum", "maximum")),
    ),
)

GOALS: Final = ReleasedTable(
    _G,
    (
        _PSEUDONYM,
        Released(
            Column("goal", _I, "numbers the student's goals from 1"),
            "goal_id",
            _numbered("goals"),
        ),
        *(_kept(_G, name) for name in ("category", "horizon", "status")),
        *_date("set_", "set_on"),
        *_date("target_", "target_date"),
        _kept(_G, "career_code", _SOC_CODED),
        Released(
            Column("revises_goal", _I, "the number of the goal this one revises"),
            "replaces",
            _numbered("goals"),
        ),
        *(_kept(_G, name) for name in ("benchmarks", "benchmarks_met", "progress_notes")),
    ),
)

ACTIVITIES: Final = ReleasedTable(
    _V,
    (
        _PSEUDONYM,
        _kept(_V, "kind"),
        *_date("start_", "start"),
        *_date("end_", "end"),
        _kept(_V, "hours"),
        _kept(_V, "grade_levels", _grade),
        _kept(_V, "skills", description="number of skills named"),
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
