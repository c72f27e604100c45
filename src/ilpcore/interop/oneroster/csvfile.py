"""Reading one OneRoster CSV file into rows that know their line, and writing one atomically."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from ilpcore.exceptions import DataFileError
from ilpcore.files import atomic_text_file

__all__ = ["Row", "cell_count_problem", "read_rows", "write_rows"]


@attrs.frozen
class Row:
    """One data row: the file it is in, the line it starts on (the header is line 1), its cells.

    Cells of columns the file does not have read as ``""``.
    """

    file: str
    line: int
    cells: dict[str, str] = attrs.field(eq=False)

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def text(self, column: str) -> str:
        """The cell without surrounding white space."""
        return self[column].strip()

    def list(self, column: str) -> tuple[str, ...]:
        """A list cell (``"a,b"``) as its non-empty items."""
        return tuple(item for item in (s.strip() for s in self[column].split(",")) if item)

    @property
    def to_be_deleted(self) -> bool:
        """Whether the row's ``status`` is ``tobedeleted``."""
        return self.text("status") == "tobedeleted"


def _decoded(path: Path, name: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DataFileError(name, f"cannot be read: {e.strerror or e}") from e
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise DataFileError(name, "is not UTF-8 text", line=line) from e


def read_rows(path: Path, required: Sequence[str]) -> Iterator[Row]:
    """The data rows of the CSV file at ``path``, checking the header has ``required``.

    Raises :class:`~ilpcore.exceptions.DataFileError` (file, line) for a file
    that is not UTF-8 or not CSV, a header without a required column or with a
    column twice.  Blank lines are skipped; a row whose cell count differs from
    the header's is yielded with the cells it has, and
    :func:`cell_count_problem` says so, so that the reader can reject it.
    """
    name = path.name
    reader = csv.reader(io.StringIO(_decoded(path, name), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise DataFileError(name, "is empty: a OneRoster CSV file starts with its header")
        header = [h.strip() for h in header]
        for column in required:
            if column not in header:
                raise DataFileError(name, "the header lacks this required column", line=1,
                                    column=column)  # fmt: skip
        seen: set[str] = set()
        for column in header:
            if column in seen:
                raise DataFileError(name, "the column appears twice", line=1, column=column)
            seen.add(column)
        end = reader.line_num
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not cells or cells == [""]:
                continue
            values = dict(zip(header, cells, strict=False))
            if len(cells) != len(header):
                values[_COUNT] = f"{len(cells)} cells where the header has {len(header)}"
            yield Row(name, start, values)
    except csv.Error as e:
        raise DataFileError(name, f"is not valid CSV: {e}", line=reader.line_num) from e


_COUNT = "\x00count"


def cell_count_problem(row: Row) -> str | None:
    """Why ``row`` has the wrong number of cells, or ``None``."""
    return row.cells.get(_COUNT)


def write_rows(
    folder: Path, name: str, header: Sequence[str], rows: Iterable[Sequence[str]]
) -> None:
    """Write ``header`` and ``rows`` to ``folder/name`` (UTF-8, CRLF line ends), atomically."""
    with atomic_text_file(folder / name, newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
