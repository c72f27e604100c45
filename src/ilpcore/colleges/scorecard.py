"""Loaders for the College Scorecard files: field-of-study outcomes and the institution subset."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from itertools import repeat
from typing import Final

from ilpcore.colleges.codes import CredentialLevel
from ilpcore.colleges.csvfile import SCORECARD_MISSING, CsvFile
from ilpcore.colleges.ipeds import check_codes, check_members
from ilpcore.colleges.records import Admissions
from ilpcore.colleges.tables import HORIZONS, NONE, OutcomeTable

__all__ = [
    "ADMISSIONS_FILE",
    "OUTCOMES_FILE",
    "read_admissions",
    "read_outcomes",
]

OUTCOMES_FILE: Final = "college_scorecard/fos_programs.csv"
ADMISSIONS_FILE: Final = "college_costs/scorecard_institution_subset_2022-06.csv"
_CIP4: Final = re.compile(r"\d{2}\.\d{2}")
_CREDENTIALS: Final = frozenset(c.value for c in CredentialLevel)


def read_outcomes(path: str | os.PathLike[str]) -> OutcomeTable:
    """Field-of-study rows; empty cells (suppressed) are "not published", never zero."""
    f = CsvFile.read(path)
    cu, cc, cl, cn, ce, ch, cd = f.columns(
        (
            "unitid",
            "cip4",
            "credential_level",
            "completers_count",
            "earnings_median",
            "earnings_horizon",
            "debt_median",
        )
    )
    unitids = f.int_column(cu, minimum=100000)
    check_codes(f, cc, _CIP4, "a 4-digit CIP code NN.NN")
    credentials = f.int_column(cl)
    check_members(f, cl, credentials, _CREDENTIALS, "credential level")
    suppressed = frozenset({""})
    earnings = f.int_column(ce, missing=suppressed)
    horizon_index = {(h or ""): i for i, h in enumerate(HORIZONS)}
    horizons = list(map(horizon_index.get, f.cells(ch), repeat(-1)))
    if -1 in horizons or bytes(map((0).__eq__, horizons)) != bytes(map(NONE.__eq__, earnings)):
        for i, row in f.enumerate():  # the slow path names the first bad row
            k = horizon_index.get(row[ch])
            if k is None:
                raise f.error(i, ch, f"unknown earnings horizon {row[ch]!r}")
            if (k == 0) != (earnings[i] == NONE):
                raise f.error(i, ch, "earnings and their horizon must be given together")
    return OutcomeTable(
        unitids,
        f.cells(cc),
        credentials,
        f.int_column(cn, missing=suppressed),
        earnings,
        horizons,
        f.int_column(cd, missing=suppressed),
    )


def read_admissions(path: str | os.PathLike[str]) -> tuple[Admissions, ...]:
    """Admission rate and SAT average; ``NULL`` / ``PrivacySuppressed`` become ``None``."""
    f = CsvFile.read(path)
    cu, cr, cs = f.columns(("UNITID", "ADM_RATE", "SAT_AVG"))
    out: list[Admissions] = []
    for i, _ in f.enumerate():
        rate = f.decimal_at(i, cr, SCORECARD_MISSING)
        if rate is not None and not Decimal(0) <= rate <= Decimal(1):
            raise f.error(i, cr, f"admission rate {rate} is not between 0 and 1")
        sat = f.decimal_at(i, cs, SCORECARD_MISSING)
        if sat is not None and not 400 <= sat <= 1600:
            raise f.error(i, cs, f"SAT average {sat} is not between 400 and 1600")
        if rate is None and sat is None:
            continue
        out.append(
            Admissions(
                f.required_int(i, cu),
                rate,
                None if sat is None else int(sat.to_integral_value()),
            )
        )
    return tuple(out)
