"""Reading the published tables (tab-delimited O*NET text files, BLS/O*NET CSV files).

Every table is read whole into a :class:`Table`: a header and rows of strings.
Anything wrong with the layout (a missing column, a row with the wrong number
of fields, bytes that are not UTF-8) raises
:class:`~ilpcore.exceptions.DataFileError` naming the file, the 1-based line
(the header is line 1) and the column.  The ``parse_*`` helpers turn one cell
into a number and raise the same error when it is not one or is out of range.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final

from ilpcore.exceptions import DataFileError

__all__ = [
    "MISSING",
    "Table",
    "decode",
    "parse_csv",
    "parse_decimal",
    "parse_float",
    "parse_int",
    "parse_tsv",
    "read_csv_file",
]

MISSING: Final = "n/a"
"""How the O*NET text release writes a missing value."""


class Table:
    """A parsed table: ``header`` and ``rows`` (lists of strings), with error helpers."""

    __slots__ = ("_index", "file", "header", "lines", "rows")

    def __init__(
        self,
        file: str,
        header: Sequence[str],
        rows: list[list[str]],
        lines: list[int] | None = None,
    ) -> None:
        self.file = file
        self.header = tuple(header)
        self.rows = rows
        self.lines = lines
        self._index = {name: i for i, name in enumerate(self.header)}

    def line(self, row: int) -> int:
        """The 1-based line of data row ``row`` (0-based) in the file."""
        return self.lines[row] if self.lines is not None else row + 2

    def column(self, name: str) -> int:
        """The index of column ``name``; a :class:`DataFileError` on line 1 when it is absent."""
        try:
            return self._index[name]
        except KeyError:
            raise DataFileError(
                self.file,
                f"missing column {name!r} (the header has {', '.join(map(repr, self.header))})",
                line=1,
                column=name,
            ) from None

    def optional_column(self, name: str) -> int | None:
        """The index of column ``name``, or ``None`` when the table does not have it."""
        return self._index.get(name)

    def columns(self, names: Iterable[str]) -> tuple[int, ...]:
        """The indexes of several required columns."""
        return tuple(self.column(n) for n in names)

    def error(self, row: int, column: int | str | None, message: str) -> DataFileError:
        """A :class:`DataFileError` about data row ``row`` and a column (index or name)."""
        name = self.header[column] if isinstance(column, int) else column
        return DataFileError(self.file, message, line=self.line(row), column=name)


def decode(file: str, data: bytes) -> str:
    """UTF-8 text of a file (a leading byte-order mark is dropped); names the line of bad bytes."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise DataFileError(file, f"not UTF-8 text ({e.reason})", line=line) from None
    return text.removeprefix("\ufeff")


def parse_tsv(file: str, text: str) -> Table:
    """A tab-delimited table with a header row (CRLF or LF line ends, as O*NET publishes)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise DataFileError(file, "the file is empty (no header row)", line=1)
    header = lines[0].rstrip("\r").split("\t")
    width = len(header)
    rows: list[list[str]] = []
    append = rows.append
    for n, raw in enumerate(lines[1:], start=2):
        fields = raw.rstrip("\r").split("\t")
        if len(fields) != width:
            if fields == [""]:
                raise DataFileError(file, "blank line inside the table", line=n)
            raise DataFileError(file, f"{len(fields)} fields where the header has {width}", line=n)
        append(fields)
    return Table(file, header, rows)


def parse_csv(file: str, text: str) -> Table:
    """A comma-separated table with a header row (RFC 4180 quoting)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DataFileError(file, "the file is empty (no header row)", line=1) from None
    except csv.Error as e:
        raise DataFileError(file, f"not valid CSV: {e}", line=1) from None
    header = [h.strip() for h in header]
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = reader.line_num + 1
    try:
        for fields in reader:
            if len(fields) != width:
                raise DataFileError(
                    file, f"{len(fields)} fields where the header has {width}", line=start
                )
            rows.append(fields)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        raise DataFileError(file, f"not valid CSV: {e}", line=start) from None
    return Table(file, header, rows, lines)


def parse_float(
    table: Table, row: int, column: int, raw: str, low: float | None, high: float | None
) -> float:
    """A number in ``[low, high]``; a :class:`DataFileError` naming the cell otherwise."""
    try:
        value = float(raw)
    except ValueError:
        raise table.error(row, column, f"{raw!r} is not a number") from None
    if not math.isfinite(value):
        raise table.error(row, column, f"{raw!r} is not a finite number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise table.error(row, column, f"{raw} is outside the scale's range {low}-{high}")
    return value


def parse_int(
    table: Table, row: int, column: int, raw: str, low: int | None, high: int | None
) -> int:
    """A whole number in ``[low, high]`` (``"5"`` or ``"5.00"``)."""
    value = parse_float(table, row, column, raw, low, high)
    if value != int(value):
        raise table.error(row, column, f"{raw!r} is not a whole number")
    return int(value)


def parse_decimal(table: Table, row: int, column: int, raw: str) -> Decimal:
    """An exact non-negative decimal such as a wage (``"24.51"``, ``"50980"``)."""
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        raise table.error(row, column, f"{raw!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise table.error(row, column, f"{raw!r} is not a non-negative number")
    return value


def read_csv_file(path: str | os.PathLike[str]) -> Table:
    """Read and parse a CSV file; a :class:`DataFileError` when it cannot be read."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise DataFileError(name, f"cannot read the file: {e.strerror or e}") from None
    return parse_csv(name, decode(name, data))
