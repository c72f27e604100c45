"""Notebook support for college results: flat rows for pandas / Arrow, and escaped HTML tables.

Classes that mix in :class:`Tabular` say what their rows are (``frame_rows``) and
which columns they have (``FRAME_COLUMNS``, so that an empty result still has
its columns); they get ``to_pandas()`` and ``to_arrow()`` through
:func:`ilpcore.records.to_pandas` / :func:`~ilpcore.records.to_arrow` (the
optional ``notebook`` extra) and an HTML table for Jupyter.  In rows, dollar
amounts and rates are ``float`` (the objects keep their exact ``Decimal``),
counts are ``int``, and a value that is not there is ``None`` beside the reason
and the release it was looked up in.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar

from ilpcore.colleges.figures import Figure
from ilpcore.records import Record, to_arrow, to_pandas

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["FIGURE_COLUMNS", "Tabular", "figure_row", "html_table", "number"]

FIGURE_COLUMNS: tuple[str, ...] = ("item", "value", "unit", "reason", "release", "year")
"""The columns of a table of figures (costs, finances, selectivity)."""


def number(value: Decimal | int | None) -> float | None:
    """A ``Decimal`` as a ``float`` for a data frame (``None`` stays ``None``)."""
    return None if value is None else float(value)


def figure_row(item: str, figure: Figure) -> dict[str, Any]:
    """One figure as a row of :data:`FIGURE_COLUMNS`."""
    return {
        "item": item,
        "value": number(figure.value),
        "unit": figure.unit,
        "reason": None if figure.reason is None else figure.reason.value,
        "release": figure.release.name,
        "year": figure.release.period,
    }


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return escape(str(value))


def html_table(columns: Sequence[str], rows: Sequence[Record], caption: str, css_class: str) -> str:
    """An HTML table of ``rows`` with a caption; every text is escaped."""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows
    )
    return (
        f'<table class="{escape(css_class)}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


class Tabular:
    """Mix-in: ``to_pandas()``, ``to_arrow()`` and ``_repr_html_()`` from ``frame_rows()``."""

    __slots__ = ()

    FRAME_COLUMNS: ClassVar[tuple[str, ...]] = FIGURE_COLUMNS

    def frame_rows(self) -> list[dict[str, Any]]:
        """The rows, one dict of :attr:`FRAME_COLUMNS` each."""
        raise NotImplementedError

    def html_caption(self) -> str:
        return type(self).__name__

    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame of :meth:`frame_rows` (needs the ``notebook`` extra)."""
        return to_pandas(self.frame_rows(), self.FRAME_COLUMNS)

    def to_arrow(self) -> pa.Table:
        """An Arrow table of :meth:`frame_rows` (needs the ``notebook`` extra)."""
        return to_arrow(self.frame_rows(), self.FRAME_COLUMNS)

    def _repr_html_(self) -> str:
        return html_table(
            self.FRAME_COLUMNS,
            self.frame_rows(),
            self.html_caption(),
            "ilpcore-" + type(self).__name__.lower(),
        )
