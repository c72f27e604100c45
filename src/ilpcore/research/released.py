"""Released columns: a records column, and what is done to it before it leaves the district.

A :class:`ReleasedTable` reads the fields of a records table
(:class:`~ilpcore.records.PlanTable`) and passes each value through its
column's *treatment*: a function of the value, the same for every student
(:data:`CODED`, :func:`month`), or one made for each student
(:class:`PerStudent`: :data:`YEAR` shows no school year where the cohort is
suppressed).  Only the records columns a table names are ever read.

>>> from ilpcore.records import PLAN_TABLES
>>> from ilpcore.samples import sample_plan
>>> goals = PLAN_TABLES["goals"]
>>> table = ReleasedTable(goals, (from_records(goals, "category"), *dated("set_", "set_on")))
>>> cohort = QUASI_IDENTIFIERS.index("cohort")
>>> next(table.rows(sample_plan(), ReleasedStudent("p" * 32, kept=(cohort,))))
{'category': 'career', 'set_school_year': 2024, 'set_month': 10}
>>> next(table.rows(sample_plan(), ReleasedStudent("p" * 32, kept=())))
{'category': 'career', 'set_school_year': None, 'set_month': 10}
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, Final, cast

import attrs

from ilpcore.model import Plan
from ilpcore.records import Column, ColumnType, PlanTable
from ilpcore.research.generalize import QUASI_IDENTIFIERS, QuasiIdentifiers, school_year

__all__ = [
    "AS_YEARS",
    "CODED",
    "GRADE",
    "SOC_CODED",
    "YEAR",
    "PerStudent",
    "Released",
    "ReleasedStudent",
    "ReleasedTable",
    "Treatment",
    "constant",
    "dated",
    "from_records",
    "month",
    "numbered",
]

_I = ColumnType.INTEGER
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


@attrs.frozen
class PerStudent:
    """A treatment that depends on the student: ``make(student)`` is the function applied to
    each of her values (``None``: released as they are)."""

    make: Callable[[ReleasedStudent], Callable[[Any], Any] | None]


Treatment = Callable[[Any], Any] | PerStudent
"""What is done to a records value before release: a function of the value, the same for every
student, or one made for each student (:class:`PerStudent`)."""


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
    _readers: tuple[Callable[[Plan, Any], Any], ...] = attrs.field(init=False, repr=False)
    _steps: tuple[tuple[Any, Callable[[Any], Any] | None], ...] = attrs.field(
        init=False, repr=False
    )
    _per_student: tuple[tuple[int, PerStudent], ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        sources = tuple(dict.fromkeys(r.source for r in self.released))
        shared = len(sources) < len(self.released)
        # Where columns share a records column (a date gives a year and a month), it is read
        # once per row; else each column reads its own, which is quicker.
        readers = tuple(map(self.source.reader, sources)) if shared else ()
        treatments = tuple(r.treatment for r in self.released)
        for name, value in (
            ("columns", tuple(r.column for r in self.released)),
            ("_readers", readers),
            ("_steps", tuple(
                (
                    sources.index(r.source) if shared else self.source.reader(r.source),
                    None if isinstance(r.treatment, PerStudent) else r.treatment,
                )
                for r in self.released
            )),
            ("_per_student", tuple(
                (j, t) for j, t in enumerate(treatments) if isinstance(t, PerStudent)
            )),
        ):  # fmt: skip
            object.__setattr__(self, name, value)

    def values(self, plan: Plan, who: ReleasedStudent) -> Iterator[list[Any]]:
        """Each released row of ``plan``, its values in the order of the columns."""
        who = who.of(plan)
        steps = list(self._steps)
        for j, treatment in self._per_student:
            steps[j] = (steps[j][0], treatment.make(who))
        readers = self._readers
        if readers:
            for item in self.source.items(plan):
                read = [r(plan, item) for r in readers]
                yield [read[i] if fn is None else fn(read[i]) for i, fn in steps]
        else:
            for item in self.source.items(plan):
                yield [r(plan, item) if fn is None else fn(r(plan, item)) for r, fn in steps]

    def rows(self, plan: Plan, who: ReleasedStudent) -> Iterator[dict[str, Any]]:
        """Each released row of ``plan`` as a dict."""
        names = tuple(c.name for c in self.columns)
        for values in self.values(plan, who):
            yield dict(zip(names, values, strict=True))


@functools.lru_cache(maxsize=4096)
def _code(value: str | None, pattern: re.Pattern[str] = _CODE) -> str | None:
    return value if value is not None and pattern.fullmatch(value) else None


def constant(value: Callable[[ReleasedStudent], Any]) -> PerStudent:
    """``value(student)`` in every row of the student."""

    def make(who: ReleasedStudent) -> Callable[[Any], Any]:
        shown = value(who)
        return lambda _: shown

    return PerStudent(make)


CODED: Final = _code
"""A value kept only if it looks like a code: at most 40 letters, digits, spaces and ``._:/+-``."""
SOC_CODED: Final = functools.partial(_code, pattern=_SOC)
"""A value kept only if it is an O*NET-SOC code (``29-1141.00``)."""
YEAR: Final = PerStudent(lambda who: who.year)
"""The school year of an ISO date, unless it would give back a suppressed cohort."""
AS_YEARS: Final = PerStudent(lambda who: None if who.years else lambda _: None)
"""School years as they are, unless they would give back a suppressed cohort."""
GRADE: Final = PerStudent(lambda who: who.grade)
"""Grade levels as they are, unless the student's grade level is suppressed."""


def month(iso: str | None) -> int | None:
    """The month of an ISO date."""
    return None if iso is None else int(iso[5:7])


def numbered(items: str) -> PerStudent:
    """An item id as its place (from 1) in the student's ``items`` (``"goals"``...)."""
    return PerStudent(lambda who: who.numbers(items))


def from_records(
    table: PlanTable[Any],
    name: str,
    treatment: Treatment | None = None,
    description: str | None = None,
) -> Released:
    """The records column ``name`` of ``table`` released under its name and type."""
    return Released(Column(name, table.column(name).type, description), name, treatment)


def dated(prefix: str, source: str) -> tuple[Released, Released]:
    """The school year and month of the date column ``source``, as ``<prefix>school_year`` and
    ``<prefix>month``."""
    return (
        Released(Column(f"{prefix}school_year", _I), source, YEAR),
        Released(Column(f"{prefix}month", _I), source, month),
    )
