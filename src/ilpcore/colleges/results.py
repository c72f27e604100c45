"""Selector results as records (for pandas), text and escaped notebook HTML."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from typing import Any, TypeVar, overload

from ilpcore.colleges.figures import IPEDS_C2024_A, IPEDS_HD2024, SCORECARD_FOS
from ilpcore.colleges.notebook import Tabular, number
from ilpcore.colleges.selector import SelectedCollege

__all__ = ["COLLEGE_COLUMNS", "CollegeResults", "college_record", "college_row"]

T = TypeVar("T")
SOURCES = (IPEDS_HD2024, IPEDS_C2024_A, SCORECARD_FOS)


def _opt_value(value: object) -> Any:
    if value is None:
        return None
    return getattr(value, "value", value)


def college_record(s: SelectedCollege) -> dict[str, Any]:
    """One flat, JSON-ready dict per college; money as whole dollars, missing as ``None``."""
    inst = s.institution
    best_earnings = s.best_earnings
    best_debt = s.best_debt
    ratio = s.best_ratio
    return {
        "unitid": inst.unitid,
        "name": inst.name,
        "city": inst.city,
        "state": inst.state,
        "level": _opt_value(inst.level),
        "control": _opt_value(inst.control),
        "community": _opt_value(inst.community),
        "size": _opt_value(inst.size),
        "hbcu": inst.hbcu,
        "tribal": inst.tribal,
        "web_address": inst.web_address,
        "distance_miles": None if s.distance_miles is None else round(s.distance_miles, 1),
        "completions": s.completions,
        "programs": [
            {
                "cip": p.cip,
                "title": p.title,
                "award": p.award.label,
                "completions": p.completions,
                "median_earnings": p.earnings,
                "median_debt": p.debt,
                "debt_to_earnings": None if p.debt_to_earnings is None else str(p.debt_to_earnings),
            }
            for p in s.programs
        ],
        "best_median_earnings": best_earnings,
        "best_median_debt": best_debt,
        "best_debt_to_earnings": None if ratio is None else str(ratio),
    }


COLLEGE_COLUMNS: tuple[str, ...] = (
    "unitid",
    "name",
    "city",
    "state",
    "level",
    "control",
    "community",
    "size",
    "hbcu",
    "tribal",
    "web_address",
    "distance_miles",
    "completions",
    "matching_programs",
    "best_median_earnings",
    "best_median_debt",
    "best_debt_to_earnings",
)
"""The columns of a data frame of colleges (:meth:`CollegeResults.to_pandas`)."""


def college_row(s: SelectedCollege) -> dict[str, Any]:
    """One college as a flat row of :data:`COLLEGE_COLUMNS`: the matching programs are
    counted, not listed (``to_records`` lists them); the ratio is a ``float``."""
    row = college_record(s)
    del row["programs"]
    row["matching_programs"] = len(s.programs)
    row["best_debt_to_earnings"] = number(s.best_ratio)
    return row


def _money(value: int | None) -> str:
    return "not published" if value is None else f"${value:,}"


class CollegeResults(Tabular, Sequence[SelectedCollege]):
    """The colleges a search found, in order; a sequence of :class:`SelectedCollege`.

    A program search builds each college (with its matching programs) when it is
    first read, so finding thousands of colleges costs little until they are shown.
    Two results are equal when they hold equal colleges and the same :attr:`total`.
    """

    __slots__ = ("_build", "_built", "_pending", "total")

    total: int
    """How many matched before ``limit``."""

    def __init__(self, colleges: Iterable[SelectedCollege], total: int) -> None:
        self._built: list[SelectedCollege | None] = list(colleges)
        self._pending: tuple[Any, ...] = ()
        self._build: Callable[[Any], SelectedCollege] | None = None
        self.total = total

    @classmethod
    def deferred(
        cls, pending: tuple[T, ...], build: Callable[[T], SelectedCollege], total: int
    ) -> CollegeResults:
        """Results whose ``k``-th college is ``build(pending[k])``, built when first read."""
        results = cls((), total)
        results._built = [None] * len(pending)
        results._pending = pending
        results._build = build
        return results

    def _at(self, k: int) -> SelectedCollege:
        college = self._built[k]
        if college is None:
            assert self._build is not None
            college = self._built[k] = self._build(self._pending[k])
        return college

    @property
    def colleges(self) -> tuple[SelectedCollege, ...]:
        return tuple(self._at(k) for k in range(len(self._built)))

    def __len__(self) -> int:
        return len(self._built)

    def __iter__(self) -> Iterator[SelectedCollege]:
        return (self._at(k) for k in range(len(self._built)))

    @overload
    def __getitem__(self, i: int) -> SelectedCollege: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[SelectedCollege, ...]: ...
    def __getitem__(self, i: int | slice) -> SelectedCollege | tuple[SelectedCollege, ...]:
        if isinstance(i, slice):
            return tuple(self._at(k) for k in range(*i.indices(len(self._built))))
        if i < 0:
            i += len(self._built)
        if not 0 <= i < len(self._built):
            raise IndexError("college index out of range")
        return self._at(i)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CollegeResults):
            return NotImplemented
        return self.total == other.total and self.colleges == other.colleges

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<CollegeResults: {len(self)} of {self.total} colleges>"

    def to_records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per college (``pandas.DataFrame(results.to_records())``)."""
        return [college_record(s) for s in self]

    FRAME_COLUMNS = COLLEGE_COLUMNS

    def frame_rows(self) -> list[dict[str, Any]]:
        """One flat row per college (:func:`college_row`), for ``to_pandas()`` / ``to_arrow()``."""
        return [college_row(s) for s in self]

    def text(self) -> str:
        lines = [f"{len(self)} of {self.total} colleges"]
        for s in self:
            inst = s.institution
            where = f"{inst.city}, {inst.state}"
            if s.distance_miles is not None:
                where += f", {s.distance_miles:.0f} mi"
            kind = ", ".join(str(x.value) for x in (inst.level, inst.control) if x is not None)
            lines.append(f"{inst.unitid}  {inst.name} ({where}; {kind})")
            for p in s.programs[:3]:
                lines.append(
                    f"        {p.cip} {p.title} — {p.award.label}: {p.completions} completions"
                    f" (2023-24), median earnings {_money(p.earnings)},"
                    f" median debt {_money(p.debt)}"
                )
            if len(s.programs) > 3:
                lines.append(f"        … and {len(s.programs) - 3} more programs")
        lines.append("Sources: " + "; ".join(str(r) for r in SOURCES))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = []
        for s in self:
            inst = s.institution
            programs = "<br>".join(
                escape(f"{p.title} ({p.award.label}): {_money(p.earnings)} / {_money(p.debt)}")
                for p in s.programs[:3]
            )
            rows.append(
                "<tr>"
                f"<td>{inst.unitid}</td><td>{escape(inst.name)}</td>"
                f"<td>{escape(inst.city)}, {escape(inst.state)}</td>"
                f"<td>{escape(inst.level.value if inst.level else '')}</td>"
                f"<td>{escape(inst.control.value if inst.control else '')}</td>"
                f"<td>{s.completions:,}</td><td>{programs}</td>"
                "</tr>"
            )
        sources = escape("; ".join(str(r) for r in SOURCES))
        return (
            '<table class="ilpcore-colleges"><thead><tr><th>UNITID</th><th>Name</th>'
            "<th>Place</th><th>Level</th><th>Control</th><th>Completions</th>"
            "<th>Programs: median earnings / median debt</th></tr></thead><tbody>"
            + "".join(rows)
            + f"</tbody></table><p><small>{escape(str(len(self)))} of "
            f"{self.total} colleges. Sources: {sources}</small></p>"
        )
