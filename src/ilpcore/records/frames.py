"""Records to pandas DataFrames and Arrow tables, through the optional ``notebook`` extra."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from ilpcore.exceptions import ExtraNotInstalledError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Record", "to_arrow", "to_pandas"]

Record: TypeAlias = Mapping[str, Any]
"""One flat row: column name -> scalar value."""


def _rows(records: Iterable[Record], columns: Sequence[str] | None) -> tuple[list[str], list[Any]]:
    rows = [dict(r) for r in records]
    if columns is None:
        seen: dict[str, None] = {}
        for r in rows:
            seen.update(dict.fromkeys(r))
        columns = list(seen)
    return list(columns), rows


def to_pandas(records: Iterable[Record], columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A pandas DataFrame of ``records`` (columns in first-seen order unless given).

    Raises :class:`~ilpcore.exceptions.ExtraNotInstalledError` without pandas.
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ExtraNotInstalledError("notebook", "DataFrames", "pandas") from e
    names, rows = _rows(records, columns)
    return pd.DataFrame.from_records(rows, columns=names)


def to_arrow(records: Iterable[Record], columns: Sequence[str] | None = None) -> pa.Table:
    """An Arrow table of ``records`` (columns in first-seen order unless given).

    Raises :class:`~ilpcore.exceptions.ExtraNotInstalledError` without pyarrow.
    """
    try:
        import pyarrow as pa
    except ImportError as e:
        raise ExtraNotInstalledError("notebook", "Arrow tables", "pyarrow") from e
    names, rows = _rows(records, columns)
    if not rows:  # from_pylist would drop the columns of an empty table
        return pa.table({n: pa.array([], type=pa.null()) for n in names})
    return pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows])
