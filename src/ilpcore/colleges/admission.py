"""Admission selectivity beside the student's own score, and a reach / match / likely label.

The rule (documented in ``docs/colleges.md``), from the College Scorecard
admission rate and SAT average of admitted students who enrolled:

1. **reach** when the admission rate is under 20 % (whatever the scores), or the
   student's SAT is more than 100 points below the school's average;
2. **likely** when the admission rate is at least 75 % and the student's SAT is
   not below the average (or either SAT figure is missing), or the admission
   rate is at least 50 % and the student's SAT is 100 or more points above it;
3. **match** otherwise.

Without an admission rate (open-admission and most 2-year schools do not
publish one) there is no label.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Final

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.figures import SCORECARD_INSTITUTION, Figure, Missing
from ilpcore.colleges.notebook import Tabular, figure_row

__all__ = [
    "LIKELY_RATE",
    "REACH_RATE",
    "SAT_MARGIN",
    "Fit",
    "Selectivity",
    "fit_label",
    "selectivity",
]

REACH_RATE: Final = Decimal("0.20")
LIKELY_RATE: Final = Decimal("0.75")
OPEN_RATE: Final = Decimal("0.50")
SAT_MARGIN: Final = 100


class Fit(enum.Enum):
    REACH = "reach"
    MATCH = "match"
    LIKELY = "likely"


def fit_label(
    admission_rate: Decimal | None, sat_average: int | None, student_sat: int | None
) -> Fit | None:
    """The label the rule above gives; ``None`` without an admission rate.

    >>> fit_label(Decimal("0.05"), 1500, 1580)
    <Fit.REACH: 'reach'>
    >>> fit_label(Decimal("0.65"), 1198, 1210)
    <Fit.MATCH: 'match'>
    >>> fit_label(Decimal("0.90"), 1050, None)
    <Fit.LIKELY: 'likely'>
    """
    if admission_rate is None:
        return None
    gap = None if sat_average is None or student_sat is None else student_sat - sat_average
    if admission_rate < REACH_RATE or (gap is not None and gap < -SAT_MARGIN):
        return Fit.REACH
    if admission_rate >= LIKELY_RATE and (gap is None or gap >= 0):
        return Fit.LIKELY
    if admission_rate >= OPEN_RATE and gap is not None and gap >= SAT_MARGIN:
        return Fit.LIKELY
    return Fit.MATCH


@attrs.frozen
class Selectivity(Tabular):
    unitid: int
    admission_rate: Figure
    """A fraction 0-1 (unit ``""``)."""
    sat_average: Figure
    student_sat: int | None
    fit: Fit | None
    """``None`` when the school publishes no admission rate."""

    def frame_rows(self) -> list[dict[str, Any]]:
        """The admission rate and SAT average (the student's SAT and the label are in
        :meth:`html_caption` and on the object)."""
        return [
            figure_row("admission rate", self.admission_rate),
            figure_row("SAT average", self.sat_average),
        ]

    def html_caption(self) -> str:
        fit = "no label (no admission rate)" if self.fit is None else self.fit.value
        sat = "" if self.student_sat is None else f"your SAT {self.student_sat}; "
        return f"Selectivity of UNITID {self.unitid}: {sat}{fit}"


def selectivity(
    catalog: CollegeCatalog, unitid: int, student_sat: int | None = None
) -> Selectivity:
    """The school's admission rate and SAT average beside the student's SAT, with the label."""
    catalog.institution(unitid)
    adm = catalog.admissions(unitid)
    rate = None if adm is None else adm.admission_rate
    sat = None if adm is None else adm.sat_average
    reason = Missing.NOT_PUBLISHED
    return Selectivity(
        unitid,
        Figure.of(rate, SCORECARD_INSTITUTION, reason, unit=""),
        Figure.of(sat, SCORECARD_INSTITUTION, reason, unit=""),
        student_sat,
        fit_label(rate, sat, student_sat),
    )
