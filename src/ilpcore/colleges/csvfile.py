"""Reading one published CSV file, with errors that name the file, line and column.

NCES files write a missing value as ``.`` and some carry a trailing space in a
header name (``CHG9AY3 ``); the College Scorecard writes ``NULL`` or
``PrivacySuppressed``.  Header names are stripped; the cell parsers below return
``None`` for the missing codes of the file's publisher and raise
:class:`~ilpcore.exceptions.DataFileError` for anything else that is not a number.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from itertools import islice, repeat
from pathlib import Path
from typing import Final

from ilpcore.exceptions import DataFileError

__all__ = ["NCES_MISSING", "SCORECARD_MISSING", "CsvFile"]

NCES_MISSING: Final = frozenset({".", ""})
"""How NCES writes "not reported / not applicable"."""
SCORECARD_MISSING: Final = frozenset({"NULL", "PrivacySuppressed", ""})
"""How the College Scorecard writes "not published"."""


class CsvFile:
    """A CSV file read whole: stripped header, rows of strings, and error helpers.

    Rows are checked to have as many fields as the header.
    """

    __slots__ = ("_flat", "_index", "_rows", "count", "header", "name")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self._flat: list[str] | None = None
        self._rows: list[list[str]] | None = None
        if '"' not in text and "\r" not in text:
            # No quoting and plain LF endings: every line splits on commas exactly.  When all
            # lines have the header's width, the cells are kept as one flat list (two C-level
            # splits instead of one split a line) and columns are slices of it.
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            if not lines:
                raise DataFileError(name, "the file is empty (no header row)", line=1)
            header = lines[0].split(",")
            commas = len(header) - 1
            if set(map(str.count, lines, repeat(",", len(lines)))) == {commas} and all(lines):
                self._flat = ",".join(lines[1:]).split(",") if len(lines) > 1 else []
                self.count = len(lines) - 1
            else:
                self._rows = [line.split(",") for line in lines[1:]]
        else:
            reader = csv.reader(io.StringIO(text, newline=""))
            try:
                header = next(reader)
                self._rows = list(reader)
            except StopIteration:
                raise DataFileError(name, "the file is empty (no header row)", line=1) from None
            except csv.Error as e:
                raise DataFileError(name, f"unreadable CSV: {e}", line=reader.line_num) from None
        self.header = tuple(h.strip() for h in header)
        self._index = {h: i for i, h in enumerate(self.header)}
        if self._rows is not None:
            self.count = len(self._rows)
            width = len(self.header)
            if set(map(len, self._rows)) - {width}:
                for i, row in enumerate(self._rows):
                    if not row or row == [""]:
                        raise self.error(i, None, "blank line inside the table")
                    if len(row) != width:
                        raise self.error(i, None, f"{len(row)} fields, the header has {width}")

    @property
    def rows(self) -> list[list[str]]:
        """Every data row as a list of cells (built on first use for flat files)."""
        if self._rows is None:
            flat, width = self._flat or [], len(self.header)
            self._rows = [flat[i : i + width] for i in range(0, len(flat), width)]
        return self._rows

    def cells(self, column: int) -> list[str]:
        """Every cell of one column, in row order."""
        if self._rows is None and self._flat is not None:
            return self._flat[column :: len(self.header)]
        return [row[column] for row in self.rows]

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> CsvFile:
        """Read ``path`` (UTF-8, a BOM is tolerated)."""
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as e:
            raise DataFileError(str(p), f"cannot read the file: {e.strerror or e}") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            raise DataFileError(str(p), "bytes that are not UTF-8", line=line) from None
        return cls(str(p), text)

    def column(self, name: str) -> int:
        """The index of column ``name``, or an error on line 1 naming the missing column."""
        try:
            return self._index[name]
        except KeyError:
            raise DataFileError(self.name, "missing column", line=1, column=name) from None

    def columns(self, names: Iterable[str]) -> tuple[int, ...]:
        return tuple(self.column(n) for n in names)

    def has(self, name: str) -> bool:
        return name in self._index

    def error(self, row: int, column: int | None, message: str) -> DataFileError:
        """An error about data row ``row`` (0-based; the file line is ``row + 2``)."""
        name = self.header[column] if column is not None else None
        return DataFileError(self.name, message, line=row + 2, column=name)

    def enumerate(self) -> Iterator[tuple[int, list[str]]]:
        return enumerate(self.rows)

    def __len__(self) -> int:
        return self.count

    # --- whole columns (fast paths for the large files) ------------------------------------

    def int_column(
        self, column: int, *, missing: frozenset[str] = frozenset(), minimum: int = 0
    ) -> list[int]:
        """Every cell of a column as a whole number of at least ``minimum``.

        A cell in ``missing`` becomes ``-1`` (callers turn it into ``None``).
        """
        cells = self.cells(column)
        values = _whole_numbers(cells, missing, minimum)
        if values is not None:
            return values
        for i, c in enumerate(cells):  # the slow path: find the first bad cell
            if c in missing:
                continue
            try:
                v = int(c)
            except ValueError:
                raise self.error(i, column, f"{c!r} is not a whole number") from None
            if v < minimum:
                raise self.error(i, column, f"{v} is less than {minimum}")
        raise AssertionError("unreachable: a bad cell was expected")  # pragma: no cover

    def text_column(self, column: int) -> list[str]:
        return [c.strip() for c in self.cells(column)]

    def whole_numbers(self, column: int) -> list[int] | None:
        """Every cell of a column as :meth:`required_int` reads it, or ``None`` when a cell is
        not a whole number: the fast path of a reader, which then reads row by row to name it."""
        try:
            return list(map(int, self.cells(column)))
        except ValueError:
            return None

    def optional_ints(
        self, column: int, missing: frozenset[str] = NCES_MISSING
    ) -> list[int | None] | None:
        """Every cell of a column as :meth:`int_at` reads it, or ``None`` when a cell is not
        a whole number: the fast path of a reader, which then reads row by row to name it."""
        try:
            return [None if (s := c.strip()) in missing else int(s) for c in self.cells(column)]
        except ValueError:
            return None

    def optional_texts(self, column: int) -> list[str | None]:
        """Every cell of a column as :meth:`text_at` reads it."""
        return [c.strip() or None for c in self.cells(column)]

    # --- cells -------------------------------------------------------------------------------

    def int_at(self, row: int, column: int, missing: frozenset[str] = NCES_MISSING) -> int | None:
        """The whole number in a cell, or ``None`` for a missing code."""
        raw = self.rows[row][column].strip()
        if raw in missing:
            return None
        try:
            return int(raw)
        except ValueError:
            raise self.error(row, column, f"{raw!r} is not a whole number") from None

    def required_int(self, row: int, column: int) -> int:
        value = self.int_at(row, column, frozenset())
        if value is None:  # pragma: no cover - int_at with no missing codes never returns None
            raise self.error(row, column, "a value is required")
        return value

    def decimal_at(
        self, row: int, column: int, missing: frozenset[str] = NCES_MISSING
    ) -> Decimal | None:
        """The finite number in a cell, or ``None`` for a missing code."""
        raw = self.rows[row][column].strip()
        if raw in missing:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self.error(row, column, f"{raw!r} is not a number") from None
        if not value.is_finite():
            raise self.error(row, column, f"{raw!r} is not a finite number")
        return value

    def text_at(self, row: int, column: int) -> str | None:
        raw = self.rows[row][column].strip()
        return raw or None


def _whole_numbers(cells: list[str], missing: frozenset[str], minimum: int) -> list[int] | None:
    """:meth:`CsvFile.int_column` when every cell is good, else ``None``; C-level passes.

    A column that repeats its values (codes, UNITIDs, counts) converts each distinct cell
    once; the others convert every cell, reading each missing code as ``-1``.
    """
    lowest = max(minimum, 0) if missing else minimum  # -1 must only mean "missing"
    try:
        if len(set(islice(cells, 1000))) * 4 <= min(len(cells), 1000):
            value_of = {c: -1 if c in missing else int(c) for c in set(cells)}
            present = [v for c, v in value_of.items() if c not in missing]
            if min(present, default=lowest) < lowest:
                return None
            return list(map(value_of.__getitem__, cells))
        as_minus_one = dict.fromkeys(missing, "-1")
        values = list(map(int, map(as_minus_one.get, cells, cells)))
    except ValueError:
        return None
    if not missing:
        return values if min(values, default=lowest) >= lowest else None
    if "-" in "".join(cells):  # a negative number written in the file
        return None
    if lowest > 0 and min(filter((-1).__ne__, values), default=lowest) < lowest:
        return None
    return values
