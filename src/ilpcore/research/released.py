"""Released columns: a records column, and what is done to it before it leaves the district.

A :class:`ReleasedTable` reads the fields of a records table
(:class:`~ilpcore.records.PlanTable`) and passes each value through its
column's *treatment*: given the student (:class:`ReleasedStudent`: pseudonym,
which quasi-identifiers show), the function applied to each of her values.
The treatments here generalise (school years, months), code-check,
renumber items per student, or put the same value in every row of a student.
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
    "CODED",
    "SOC_CODED",
    "Released",
    "ReleasedStudent",
    "ReleasedTable",
    "Treatment",
    "as_years",
    "constant",
    "dated",
    "from_records",
    "grade",
    "numbered",
    "same_for_all",
    "year",
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


def same_for_all(fn: Callable[[Any], Any]) -> Treatment:
    """``fn`` for every student."""
    return lambda who: fn


def constant(value: Callable[[ReleasedStudent], Any]) -> Treatment:
    """``value(student)`` in every row of the student."""

    def treatment(who: ReleasedStudent) -> Callable[[Any], Any]:
        shown = value(who)
        return lambda _: shown

    return treatment


CODED: Final = same_for_all(_code)
"""A value kept only if it looks like a code: at most 40 letters, digits, spaces and ``._:/+-``."""
SOC_CODED: Final = same_for_all(functools.partial(_code, pattern=_SOC))
"""A value kept only if it is an O*NET-SOC code (``29-1141.00``)."""


def year(who: ReleasedStudent) -> Callable[[str | None], int | None]:
    """The school year of an ISO date, unless it would give back a suppressed cohort."""
    return who.year


def _month(iso: str | None) -> int | None:
    return None if iso is None else int(iso[5:7])


def as_years(who: ReleasedStudent) -> Callable[[Any], Any] | None:
    """School years as they are, or none when they would give back a suppressed cohort."""
    return None if who.years else lambda _: None


def grade(who: ReleasedStudent) -> Callable[[Any], Any]:
    """Grade levels as they are, unless the student's grade level is suppressed."""
    return who.grade


def numbered(items: str) -> Treatment:
    """An item id as its place (from 1) in the student's ``items`` (``"goals"``...)."""
    return lambda who: who.numbers(items)


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
        Released(Column(f"{prefix}school_year", _I), source, year),
        Released(Column(f"{prefix}month", _I), source, same_for_all(_month)),
    )
