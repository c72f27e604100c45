"""Loader for the IPEDS student charges (IC2022_AY) joined with application fees (IC2022)."""

from __future__ import annotations

import os
from typing import Final

from ilpcore.colleges.csvfile import CsvFile
from ilpcore.colleges.records import Charges

__all__ = ["APPLICATION_FEES_FILE", "CHARGES_FILE", "read_application_fees", "read_charges"]

CHARGES_FILE: Final = "college_costs/ic2022_ay.csv"
APPLICATION_FEES_FILE: Final = "college_costs/ic2022.csv"

CHARGE_COLUMNS: Final = {
    "tuition_in_district": "CHG1AY3",
    "tuition_in_state": "CHG2AY3",
    "tuition_out_of_state": "CHG3AY3",
    "books_supplies": "CHG4AY3",
    "room_board_on_campus": "CHG5AY3",
    "other_on_campus": "CHG6AY3",
    "room_board_off_campus": "CHG7AY3",
    "other_off_campus": "CHG8AY3",
    "other_with_family": "CHG9AY3",
}
"""Field of :class:`~ilpcore.colleges.records.Charges` → IC2022_AY column (suffix 3 = 2022-23)."""


def read_application_fees(path: str | os.PathLike[str]) -> dict[int, int]:
    """UNITID → undergraduate application fee (IPEDS IC2022 ``APPLFEEU``), where reported."""
    f = CsvFile.read(path)
    cu, cf = f.columns(("UNITID", "APPLFEEU"))
    fees = f.optional_ints(cf)
    if fees is not None and min(filter(None, fees), default=0) >= 0:
        unitids = f.whole_numbers(cu)
        if unitids is not None:
            return {u: fee for u, fee in zip(unitids, fees, strict=True) if fee is not None}
    return _application_fees_by_rows(f, cu, cf)


def _application_fees_by_rows(f: CsvFile, cu: int, cf: int) -> dict[int, int]:
    """:func:`read_application_fees` a cell at a time, naming the first bad one."""
    fees: dict[int, int] = {}
    for i, _ in f.enumerate():
        fee = f.int_at(i, cf)
        if fee is not None:
            if fee < 0:
                raise f.error(i, cf, f"{fee} is negative")
            fees[f.required_int(i, cu)] = fee
    return fees


def read_charges(
    path: str | os.PathLike[str], application_fees: dict[int, int] | None = None
) -> tuple[Charges, ...]:
    """The 2022-23 charges of each institution that reports by academic year."""
    f = CsvFile.read(path)
    cu = f.column("UNITID")
    cols = {name: f.column(column) for name, column in CHARGE_COLUMNS.items()}
    fees = application_fees or {}
    unitids = f.whole_numbers(cu)
    values = [f.optional_ints(col) for col in cols.values()]
    columns = [v for v in values if v is not None and min(filter(None, v), default=0) >= 0]
    if unitids is None or len(columns) < len(values):
        return _charges_by_rows(f, cu, cols, fees)
    return tuple(map(Charges, unitids, *columns, map(fees.get, unitids)))


def _charges_by_rows(
    f: CsvFile, cu: int, cols: dict[str, int], fees: dict[int, int]
) -> tuple[Charges, ...]:
    """:func:`read_charges` a cell at a time, naming the first bad one."""
    out: list[Charges] = []
    for i, _ in f.enumerate():
        unitid = f.required_int(i, cu)
        values: dict[str, int | None] = {}
        for name, col in cols.items():
            value = f.int_at(i, col)
            if value is not None and value < 0:
                raise f.error(i, col, f"{value} is negative")
            values[name] = value
        out.append(Charges(unitid=unitid, application_fee=fees.get(unitid), **values))
    return tuple(out)
