"""BLS Occupational Employment and Wage Statistics (OEWS): national and state wages.

The files (``bls_oews/``) hold one row per occupation and area with the BLS
measures as columns and a ``footnotes`` column ``column:code;...``.  An empty
cell is a value BLS did not publish, and its footnote says why (see
``oews_footnotes.csv``): ``4`` the occupation is paid hourly-only or
annual-only, ``5`` the wage is at or above the top code ($115.00/hour,
$239,200/year; BLS shows ``#``), ``8`` the estimate was not released (BLS
``*``).  A suppressed value is kept as ``None`` with its :class:`WageStatus`,
never as 0.
"""

from __future__ import annotations

import enum
import math
import operator
import os
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from ilpcore.data_location import find_data_dir
from ilpcore.exceptions import DataFileError, NotFoundError
from ilpcore.matching.catalog.tables import Table, parse_decimal, read_csv_file

__all__ = [
    "PERCENTILES",
    "STATES",
    "STATE_NAMES",
    "WageFigure",
    "WageStatistics",
    "WageStatus",
    "WageTable",
    "default_oews_dir",
    "read_oews",
    "state_code",
]

PERCENTILES: Final = ("pct10", "pct25", "median", "pct75", "pct90")
"""The wage percentiles BLS publishes, in order."""
_MEASURES: Final = ("mean", *PERCENTILES)

STATES: Final = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip
"""USPS abbreviation of each state FIPS code in the OEWS state file."""

NATIONAL: Final = "US"


class WageStatus(enum.Enum):
    """Whether a wage figure is published, and why not when it is not."""

    PUBLISHED = "published"
    TOP_CODED = "top_coded"
    """At or above $115.00 per hour or $239,200 per year (BLS ``#``, footnote 5)."""
    NOT_PUBLISHED = "not_published"
    """Hourly-only or annual-only occupation: this kind of wage is not published (footnote 4)."""
    NOT_RELEASED = "not_released"
    """Estimate not released (BLS ``*``, footnote 8)."""
    NOT_AVAILABLE = "not_available"
    """Empty without a footnote."""


_FOOTNOTE_STATUS: Final = {
    "4": WageStatus.NOT_PUBLISHED,
    "5": WageStatus.TOP_CODED,
    "8": WageStatus.NOT_RELEASED,
}


@attrs.frozen
class WageFigure:
    """One wage figure: its value in dollars, or ``None`` and the reason."""

    value: Decimal | None
    status: WageStatus

    def __str__(self) -> str:
        if self.value is not None:
            return f"${self.value:,}"
        return {
            WageStatus.TOP_CODED: "top-coded",
            WageStatus.NOT_PUBLISHED: "not published",
            WageStatus.NOT_RELEASED: "not released",
            WageStatus.NOT_AVAILABLE: "not available",
        }[self.status]


@attrs.frozen
class WageStatistics:
    """Employment and wages of one occupation in one area (the U.S. or a state).

    ``hourly`` and ``annual`` hold the mean and the 10th, 25th, 50th, 75th and
    90th percentiles in that order (``None`` where suppressed, see ``*_status``).
    """

    soc_code: str
    title: str
    area: str
    """``"US"`` or a state's USPS abbreviation."""
    area_title: str
    employment: int | None
    hourly: tuple[Decimal | None, ...]
    annual: tuple[Decimal | None, ...]
    hourly_status: tuple[WageStatus, ...]
    annual_status: tuple[WageStatus, ...]

    def figure(self, measure: str, *, hourly: bool = False) -> WageFigure:
        """``"mean"``, ``"pct10"``, ``"pct25"``, ``"median"``, ``"pct75"`` or ``"pct90"``."""
        i = _MEASURES.index(measure)
        if hourly:
            return WageFigure(self.hourly[i], self.hourly_status[i])
        return WageFigure(self.annual[i], self.annual_status[i])

    @property
    def annual_median(self) -> Decimal | None:
        return self.annual[3]

    @property
    def hourly_median(self) -> Decimal | None:
        return self.hourly[3]


WageRow = tuple[str, str, int | None, str]
"""A validated OEWS row kept compact: title, area title, employment and the 12 wage cells
(hourly then annual, comma-separated; a published value as its decimal text, a suppressed one
as ``!status``)."""


@attrs.frozen
class WageTable:
    """OEWS wages of one release, national and by state, keyed by SOC code.

    Rows are kept as validated text and turned into :class:`WageStatistics`
    when asked for, which keeps loading (and the cache) fast.
    """

    release: str
    """E.g. ``"May 2025"``."""
    national: dict[str, WageRow] = attrs.field(repr=False)
    states: dict[str, dict[str, WageRow]] = attrs.field(repr=False)

    def area(self, state: str | None) -> dict[str, WageRow]:
        """The rows of the U.S. (``None``) or of a state (abbreviation, name or FIPS code)."""
        if state is None or state_code(state) == NATIONAL:
            return self.national
        return self.states.get(state_code(state), {})

    def statistics(self, soc: str, state: str | None = None) -> WageStatistics | None:
        """The wages published for ``soc`` in the U.S. or a state (``None`` when none)."""
        area = NATIONAL if state is None else state_code(state)
        row = self.area(area).get(soc)
        if row is None:
            return None
        title, area_title, employment, text = row
        cells = text.split(",")
        values = tuple(None if c.startswith("!") else Decimal(c) for c in cells)
        statuses = tuple(
            WageStatus(c[1:]) if c.startswith("!") else WageStatus.PUBLISHED for c in cells
        )
        return WageStatistics(
            soc_code=soc,
            title=title,
            area=area,
            area_title=area_title,
            employment=employment,
            hourly=values[:6],
            annual=values[6:],
            hourly_status=statuses[:6],
            annual_status=statuses[6:],
        )


def state_code(state: str) -> str:
    """A state's USPS abbreviation from an abbreviation, a FIPS code or a name (any case)."""
    s = state.strip()
    if s.upper() in STATES.values() or s.upper() == NATIONAL:
        return s.upper()
    if s in STATES:
        return STATES[s]
    key = s.casefold()
    for fips, name in STATE_NAMES.items():
        if name.casefold() == key:
            return STATES[fips]
    raise NotFoundError(f"unknown state {state!r} (use a USPS abbreviation such as KY)")


STATE_NAMES: Final = {
    "01": "Alabama", "02": "Alaska", "04": "Arizona", "05": "Arkansas", "06": "California",
    "08": "Colorado", "09": "Connecticut", "10": "Delaware", "11": "District of Columbia",
    "12": "Florida", "13": "Georgia", "15": "Hawaii", "16": "Idaho", "17": "Illinois",
    "18": "Indiana", "19": "Iowa", "20": "Kansas", "21": "Kentucky", "22": "Louisiana",
    "23": "Maine", "24": "Maryland", "25": "Massachusetts", "26": "Michigan", "27": "Minnesota",
    "28": "Mississippi", "29": "Missouri", "30": "Montana", "31": "Nebraska", "32": "Nevada",
    "33": "New Hampshire", "34": "New Jersey", "35": "New Mexico", "36": "New York",
    "37": "North Carolina", "38": "North Dakota", "39": "Ohio", "40": "Oklahoma", "41": "Oregon",
    "42": "Pennsylvania", "44": "Rhode Island", "45": "South Carolina", "46": "South Dakota",
    "47": "Tennessee", "48": "Texas", "49": "Utah", "50": "Vermont", "51": "Virginia",
    "53": "Washington", "54": "West Virginia", "55": "Wisconsin", "56": "Wyoming", "66": "Guam",
    "72": "Puerto Rico", "78": "Virgin Islands",
}  # fmt: skip
"""State names by FIPS code, as in the OEWS state file."""
_RELEASE: Final = re.compile(r"_(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(\d{4})")


def default_oews_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return find_data_dir(data_dir) / "bls_oews"


def _release_of(path: Path) -> str:
    m = _RELEASE.search(path.name.lower())
    if not m:
        raise DataFileError(
            str(path), "cannot tell the OEWS release (month and year) from the name"
        )
    return f"{m.group(1).capitalize()} {m.group(2)}"


def read_oews(folder: str | os.PathLike[str]) -> WageTable:
    """Parse and validate the national and state OEWS files in ``folder``."""
    root = Path(folder)
    nationals = sorted(root.glob("oews_national_*.csv"))
    states = sorted(root.glob("oews_state_*.csv"))
    if not nationals:
        raise DataFileError(str(root / "oews_national_*.csv"), "no OEWS national file")
    national_path = nationals[-1]
    release = _release_of(national_path)
    national: dict[str, WageRow] = {}
    for _area, code, row in _rows(
        read_csv_file(national_path), lambda i, row: (NATIONAL, "United States")
    ):
        national[code] = row
    by_state: dict[str, dict[str, WageRow]] = {}
    if states:
        table = read_csv_file(states[-1])
        c_fips, c_title = table.columns(("state_fips", "area_title"))

        def area_of(i: int, row: list[str]) -> tuple[str, str]:
            fips = row[c_fips].strip().zfill(2)
            if fips not in STATES:
                raise table.error(i, c_fips, f"unknown state FIPS code {row[c_fips]!r}")
            return STATES[fips], row[c_title]

        for area, code, row in _rows(table, area_of):
            by_state.setdefault(area, {})[code] = row
    return WageTable(release=release, national=national, states=by_state)


_SOC = re.compile(r"\d\d-\d\d\d\d")
_WAGE = r"(?:0\.\d*[1-9]\d*|[1-9]\d*(?:\.\d+)?)"
_ALL_PUBLISHED = re.compile(rf"(?:{_WAGE},){{11}}{_WAGE}")
"""Twelve positive plain numbers: a row whose wages are all published and well formed."""


def _rows(
    table: Table, area_of: Callable[[int, list[str]], tuple[str, str]]
) -> list[tuple[str, str, WageRow]]:
    c_code, c_title, c_emp, c_notes = table.columns(
        ("occ_code", "occ_title", "tot_emp", "footnotes")
    )
    wage_cols = table.columns([*(f"h_{m}" for m in _MEASURES), *(f"a_{m}" for m in _MEASURES)])
    take = operator.itemgetter(*wage_cols)
    out: list[tuple[str, str, WageRow]] = []
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(table.rows):
        code = row[c_code]
        if not _SOC.fullmatch(code):
            raise table.error(i, c_code, f"{code!r} is not a SOC code (NN-NNNN)")
        notes = _footnotes(table, i, c_notes, row[c_notes])
        area, area_title = area_of(i, row)
        if (area, code) in seen:
            raise table.error(i, c_code, f"duplicate row for {code} in {area_title}")
        seen.add((area, code))
        emp_raw = row[c_emp]
        employment = int(parse_decimal(table, i, c_emp, emp_raw)) if emp_raw else None
        cells = ",".join(take(row))
        if not _ALL_PUBLISHED.fullmatch(cells):  # the fast path checks all 12 at once
            cells = ",".join(_cell(table, i, c, row[c], notes) for c in wage_cols)
        out.append((area, code, (row[c_title], area_title, employment, cells)))
    return out


def _footnotes(table: Table, i: int, column: int, raw: str) -> dict[str, str]:
    notes: dict[str, str] = {}
    for part in filter(None, raw.split(";")):
        name, sep, code = part.partition(":")
        if not sep or name not in table.header or not code:
            raise table.error(i, column, f"malformed footnote {part!r} (expected column:code)")
        notes[name] = code
    return notes


def _cell(table: Table, i: int, column: int, raw: str, notes: dict[str, str]) -> str:
    """A wage cell as compact text: the value, or ``!`` and the status when suppressed."""
    if raw in ("", "*", "#", "-"):
        if raw == "#":
            status = WageStatus.TOP_CODED
        elif raw == "*":
            status = WageStatus.NOT_RELEASED
        else:
            status = _FOOTNOTE_STATUS.get(
                notes.get(table.header[column], ""), WageStatus.NOT_AVAILABLE
            )
        return "!" + status.value
    text = raw.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        raise table.error(i, column, f"{raw!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise table.error(i, column, f"{raw!r} is not a positive wage")
    return text
