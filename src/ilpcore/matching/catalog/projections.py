"""BLS Employment Projections (EP) 2024-34: growth, openings and entry requirements.

Read from Table 1.2 (occupational projections) as extracted into
``bls_ep/ep_2024_34_table_1_2_occupational_projections.csv``.  Employment and
openings are in thousands, as BLS publishes them.

**Bright outlook.** ilpcore calls an occupation's outlook *bright* when BLS
projects employment growth at least twice the growth of all occupations
(``Total, all occupations`` row: 3.1 % for 2024-34, so ≥ 6.2 %) **or** at least
10,000 openings a year (100,000 over the decade).  This follows the kind of
criteria O*NET uses for its "Bright Outlook" flag (much faster than average
growth, or very many openings), computed here from the BLS file; it is not
O*NET's own flag.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError
from ilpcore.matching.catalog.tables import Table, read_csv_file
from ilpcore.matching.catalog.wages import WageFigure, WageStatus

__all__ = [
    "BRIGHT_GROWTH_FACTOR",
    "BRIGHT_OPENINGS_THOUSANDS",
    "ENTRY_EDUCATION_LEVELS",
    "Projection",
    "ProjectionTable",
    "default_projections_path",
    "read_projections",
]

BRIGHT_GROWTH_FACTOR: Final = Decimal(2)
"""Growth at least this many times the all-occupations growth is "much faster than average"."""
BRIGHT_OPENINGS_THOUSANDS: Final = Decimal(10)
"""At least this many thousand openings a year count as very many openings."""

ENTRY_EDUCATION_LEVELS: Final = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
"""BLS "typical education needed for entry" categories, from least to most."""

_YEARS = re.compile(r"(\d{4})_(\d{2,4})")
COLUMNS: Final = {
    "employment_base": "Employment, 2024",
    "employment_projected": "Employment, 2034",
    "change": "Employment change, numeric, 2024\u201334",
    "change_percent": "Employment change, percent, 2024\u201334",
    "openings": "Occupational openings, 2024\u201334 annual average",
    "median_wage": "Median annual wage, dollars, 2024[1]",
    "education": "Typical education needed for entry",
    "experience": "Work experience in a related occupation",
    "training": "Typical on-the-job training needed to attain competency in the occupation",
}


@attrs.frozen
class Projection:
    """The 2024-34 projection of one SOC occupation (employment figures in thousands)."""

    soc_code: str
    title: str
    employment_base: Decimal
    employment_projected: Decimal
    change: Decimal
    change_percent: Decimal
    openings: Decimal
    """Average annual openings, thousands."""
    median_wage: WageFigure
    """Median annual wage (May 2024 OEWS, as printed in the EP table; top-coded ``>=$239,200``)."""
    entry_education: str
    work_experience: str
    training: str
    bright_outlook: bool
    ooh_url: str | None = None

    @property
    def entry_education_rank(self) -> int:
        """0 (no formal credential) to 7 (doctoral or professional degree)."""
        return ENTRY_EDUCATION_LEVELS.index(self.entry_education)


@attrs.frozen
class ProjectionTable:
    """Employment projections of one BLS cycle, keyed by SOC code (line items only)."""

    period: str
    """E.g. ``"2024-34"``."""
    total_change_percent: Decimal
    """Growth of all occupations over the period (the comparison for "faster than average")."""
    by_code: dict[str, Projection] = attrs.field(repr=False)


def default_projections_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    root = find_data_dir(data_dir) / "bls_ep"
    found = sorted(root.glob("ep_*_table_1_2_occupational_projections.csv"))
    if not found:
        raise DataFileError(str(root), "no EP Table 1.2 file (ep_*_table_1_2_...csv) here")
    return found[-1]


def read_projections(path: str | os.PathLike[str]) -> ProjectionTable:
    """Parse and validate EP Table 1.2."""
    table = read_csv_file(path)
    c_code, c_title, c_type = table.columns(("code", "title", "Occupation type"))
    cols = {k: table.column(v) for k, v in COLUMNS.items()}
    c_url = table.optional_column("ooh_url")
    m = _YEARS.search(Path(table.file).name)
    period = f"{m.group(1)}-{m.group(2)}" if m else ""
    total: Decimal | None = None
    rows: list[tuple[int, list[str]]] = []
    for i, row in enumerate(table.rows):
        code = row[c_code].strip()
        if not re.fullmatch(r"\d\d-\d\d\d\d", code):
            raise table.error(i, c_code, f"{code!r} is not a SOC code (NN-NNNN)")
        kind = row[c_type]
        if code == "00-0000":
            total = _number(table, i, cols["change_percent"], row)
        if kind == "Line item":
            rows.append((i, row))
        elif kind != "Summary":
            raise table.error(i, c_type, f"unknown occupation type {kind!r} (Line item, Summary)")
    if total is None:
        raise DataFileError(table.file, "no 'Total, all occupations' (00-0000) row", line=1)
    growth_cut = total * BRIGHT_GROWTH_FACTOR
    by_code: dict[str, Projection] = {}
    for i, row in rows:
        code = row[c_code].strip()
        if code in by_code:
            raise table.error(i, c_code, f"duplicate line item {code}")
        education = row[cols["education"]]
        if education not in ENTRY_EDUCATION_LEVELS:
            raise table.error(i, cols["education"], f"unknown entry education {education!r}")
        change_percent = _number(table, i, cols["change_percent"], row)
        openings = _number(table, i, cols["openings"], row)
        wage_raw = row[cols["median_wage"]].strip()
        url = row[c_url].strip() if c_url is not None else ""
        by_code[code] = Projection(
            soc_code=code,
            title=row[c_title].strip(),
            employment_base=_number(table, i, cols["employment_base"], row),
            employment_projected=_number(table, i, cols["employment_projected"], row),
            change=_number(table, i, cols["change"], row),
            change_percent=change_percent,
            openings=openings,
            median_wage=_wage(table, i, cols["median_wage"], wage_raw),
            entry_education=education,
            work_experience=row[cols["experience"]].strip(),
            training=row[cols["training"]].strip(),
            bright_outlook=change_percent >= growth_cut or openings >= BRIGHT_OPENINGS_THOUSANDS,
            ooh_url=url or None,
        )
    return ProjectionTable(period=period, total_change_percent=total, by_code=by_code)


def _wage(table: Table, i: int, column: int, raw: str) -> WageFigure:
    if not raw:
        return WageFigure(None, WageStatus.NOT_AVAILABLE)
    if raw.startswith(">="):
        return WageFigure(None, WageStatus.TOP_CODED)
    return WageFigure(_number(table, i, column, [raw.removeprefix("$")], 0), WageStatus.PUBLISHED)


def _number(table: Table, i: int, column: int, row: list[str], at: int | None = None) -> Decimal:
    raw = row[column if at is None else at].strip().replace(",", "")
    try:
        value = Decimal(raw)
    except ArithmeticError:
        raise table.error(i, column, f"{raw!r} is not a number") from None
    if not value.is_finite():
        raise table.error(i, column, f"{raw!r} is not a finite number")
    return value
