"""Tables of plans described once: each column with how to read it from one item of a plan.

A :class:`PlanTable` lists its :class:`Field` s and how to find a plan's items
(its courses, goals...); one item gives one row.  The records tables of
:mod:`ilpcore.records` are such descriptions, and the de-identified tables of
:mod:`ilpcore.research` read the same fields, so a new column is declared in one
place.

>>> from ilpcore.records import Column, ColumnType
>>> from ilpcore.samples import sample_plan
>>> goals = PlanTable(
...     (
...         Field(Column("student_id", ColumnType.STRING), lambda plan, goal: plan.student.id),
...         Field(Column("title", ColumnType.STRING), lambda plan, goal: goal.title),
...     ),
...     lambda plan: plan.goals,
... )
>>> next(goals.rows(sample_plan()))["title"]
'Become a registered nurse'
>>> next(goals.values(sample_plan(), ("title", "title")))[1]
'Become a registered nurse'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ilpcore.model import Plan
from ilpcore.records.table import Column, Records

__all__ = ["Field", "PlanTable"]

T = TypeVar("T")


@attrs.frozen
class Field(Generic[T]):
    """A column, and ``read(plan, item)``: its value (a JSON-ready scalar) for one item."""

    column: Column
    read: Callable[[Plan, T], Any]


def _nothing(plan: Plan, item: object) -> None:
    return None


@attrs.frozen
class PlanTable(Generic[T]):
    """A table with one row per item of each plan: ``items(plan)`` gives a plan's items."""

    fields: tuple[Field[T], ...]
    items: Callable[[Plan], Iterable[T]]
    columns: tuple[Column, ...] = attrs.field(init=False)
    _readers: dict[str, Callable[[Plan, T], Any]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(f.column for f in self.fields))
        object.__setattr__(self, "_readers", {f.column.name: f.read for f in self.fields})

    def column(self, name: str) -> Column:
        """The column called ``name`` (a :class:`KeyError` if there is none)."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def reader(self, name: str | None) -> Callable[[Plan, T], Any]:
        """How column ``name`` is read; ``None`` reads nothing (gives ``None``)."""
        return _nothing if name is None else self._readers[name]

    def values(
        self, plan: Plan, names: Sequence[str | None] | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Each row of ``plan`` as a tuple of the values of ``names`` (default: every column),
        reading only those; a name ``None`` gives ``None``."""
        if names is None:
            readers = tuple(f.read for f in self.fields)
        else:
            readers = tuple(map(self.reader, names))
        for item in self.items(plan):
            yield tuple([read(plan, item) for read in readers])

    def rows(self, plan: Plan) -> Iterator[dict[str, Any]]:
        """Each row of ``plan`` as a dict of column name to value."""
        names = tuple(c.name for c in self.columns)
        for values in self.values(plan):
            yield dict(zip(names, values, strict=True))

    def table(self, plans: Iterable[Plan]) -> Records:
        """The rows of every plan, as a typed table."""
        return Records(self.columns, tuple(v for p in plans for v in self.values(p)))
