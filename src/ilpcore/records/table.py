"""A typed table of flat records: what a notebook shows and turns into a DataFrame.

Rows hold JSON-ready scalars: ``str``, ``int``, ``float``, ``bool`` or ``None``.
Dates are ISO strings (``2025-09-18``) and decimals exact decimal strings
(``"0.5"``), so ``json.dumps(records.to_dicts())`` always works and nothing is
rounded.  The column types say what each column becomes in pandas and Arrow:

=========  ====================  ===================
type       pandas dtype          Arrow type
=========  ====================  ===================
string     ``string``            ``string``
integer    ``Int64`` (nullable)  ``int64``
float      ``float64``           ``float64``
decimal    ``float64``           ``float64``
boolean    ``boolean``           ``bool``
date       ``datetime64[ns]``    ``date32``
=========  ====================  ===================

>>> t = Records.from_dicts(
...     (Column("student_id", ColumnType.STRING), Column("credits", ColumnType.DECIMAL)),
...     [{"student_id": "S1", "credits": "8.5"}, {"student_id": "S2", "credits": None}],
... )
>>> len(t), t.names, t[0]
(2, ('student_id', 'credits'), {'student_id': 'S1', 'credits': '8.5'})
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, overload

import attrs

from ilpcore.exceptions import ExtraNotInstalledError, Problem
from ilpcore.model._checks import ModelBase, check, each, instance_of, non_blank, optional, unique

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Column", "ColumnType", "Records"]


class ColumnType(enum.Enum):
    """What a column holds, and so what it becomes in pandas and Arrow."""

    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    DECIMAL = "decimal"
    """An exact decimal string in the rows (``"0.25"``); a float in DataFrames."""
    BOOLEAN = "boolean"
    DATE = "date"
    """An ISO date string in the rows (``"2025-09-18"``)."""


def _is_decimal_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def _is_date_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


_ACCEPTS = {
    ColumnType.STRING: lambda v: isinstance(v, str),
    ColumnType.INTEGER: lambda v: isinstance(v, int) and not isinstance(v, bool),
    ColumnType.FLOAT: lambda v: isinstance(v, float | int) and not isinstance(v, bool),
    ColumnType.DECIMAL: _is_decimal_text,
    ColumnType.BOOLEAN: lambda v: isinstance(v, bool),
    ColumnType.DATE: _is_date_text,
}


@attrs.frozen
class Column(ModelBase):
    """A column: its name, type and (for documentation) what it means."""

    name: str = attrs.field(metadata=check(non_blank))
    type: ColumnType = attrs.field(metadata=check(instance_of(ColumnType)))
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


def _row_tuples(value: object) -> str | None:
    if not isinstance(value, tuple) or not all(isinstance(r, tuple) for r in value):
        return "must be a tuple of row tuples"
    return None


@attrs.frozen
class Records(ModelBase, Sequence[dict[str, Any]]):
    """An immutable table: named, typed columns and rows of JSON-ready scalars.

    Indexing gives a row as a ``dict`` (a slice gives a smaller table); iterating
    gives every row as a ``dict``.  ``None`` is a missing value in any column.
    """

    columns: tuple[Column, ...] = attrs.field(
        metadata=check(each(instance_of(Column)), unique("name"))
    )
    rows: tuple[tuple[Any, ...], ...] = attrs.field(default=(), metadata=check(_row_tuples))

    def _check(self) -> Iterable[Problem]:
        width = len(self.columns)
        for i, row in enumerate(self.rows):
            if len(row) != width:
                yield Problem(f"rows[{i}]", f"has {len(row)} values for {width} columns")
                continue
            for column, value in zip(self.columns, row, strict=True):
                if value is not None and not _ACCEPTS[column.type](value):
                    yield Problem(
                        f"rows[{i}].{column.name}",
                        f"{value!r} is not a {column.type.value} value",
                    )

    @classmethod
    def from_dicts(cls, columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]) -> Records:
        """A table of ``rows`` (dicts); a key missing from a row is ``None``."""
        names = tuple(c.name for c in columns)
        return cls(tuple(columns), tuple(tuple(r.get(n) for n in names) for r in rows))

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> Records: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | Records:
        if isinstance(index, slice):
            return Records(self.columns, self.rows[index])
        return dict(zip(self.names, self.rows[index], strict=True))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        names = self.names
        return (dict(zip(names, row, strict=True)) for row in self.rows)

    def column(self, name: str) -> tuple[Any, ...]:
        """Every value of column ``name``, in row order."""
        i = self.names.index(name)
        return tuple(row[i] for row in self.rows)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts, ready for :func:`json.dumps`."""
        return list(self)

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame with the dtypes of the table above (needs the ``notebook`` extra)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ExtraNotInstalledError("notebook", "DataFrames", "pandas") from e
        data: dict[str, Any] = {}
        for i, column in enumerate(self.columns):
            values = [row[i] for row in self.rows]
            t = column.type
            if t is ColumnType.DATE:
                data[column.name] = pd.to_datetime(pd.Series(values, dtype="object")).astype(
                    "datetime64[ns]"
                )
            elif t in (ColumnType.FLOAT, ColumnType.DECIMAL):
                floats = [float("nan") if v is None else float(v) for v in values]
                data[column.name] = pd.Series(floats, dtype="float64")
            else:
                data[column.name] = pd.Series(values, dtype=_PANDAS_DTYPES[t])
        return pd.DataFrame(data, columns=list(self.names))

    def to_arrow(self) -> pa.Table:
        """An Arrow table with the types of the table above (needs the ``notebook`` extra)."""
        try:
            import pyarrow as pa
        except ImportError as e:
            raise ExtraNotInstalledError("notebook", "Arrow tables", "pyarrow") from e
        arrays = []
        for i, column in enumerate(self.columns):
            values = [row[i] for row in self.rows]
            t = column.type
            if t is ColumnType.DATE:
                values = [None if v is None else date.fromisoformat(v) for v in values]
            elif t in (ColumnType.FLOAT, ColumnType.DECIMAL):
                values = [None if v is None else float(v) for v in values]
            arrays.append(pa.array(values, type=_arrow_type(pa, t)))
        return pa.Table.from_arrays(arrays, names=list(self.names))

    def _repr_html_(self, max_rows: int = 20) -> str:
        """The first ``max_rows`` rows as an HTML table, every value escaped."""
        from ilpcore.records.html import records_html

        return records_html(self.names, self.rows, max_rows)


_PANDAS_DTYPES = {
    ColumnType.STRING: "string",
    ColumnType.INTEGER: "Int64",
    ColumnType.BOOLEAN: "boolean",
}


def _arrow_type(pa: Any, t: ColumnType) -> Any:
    return {
        ColumnType.STRING: pa.string(),
        ColumnType.INTEGER: pa.int64(),
        ColumnType.FLOAT: pa.float64(),
        ColumnType.DECIMAL: pa.float64(),
        ColumnType.BOOLEAN: pa.bool_(),
        ColumnType.DATE: pa.date32(),
    }[t]
