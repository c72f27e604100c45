"""Cost of attendance for one student at one institution, and its multi-year total.

The figures are IPEDS IC2022_AY published charges for 2022-23 (full-time,
first-time undergraduates): tuition and required fees for the student's
residency, books and supplies, room and board for the chosen housing, and
other expenses.  A multi-year total grows them by an inflation rate that the
user sets explicitly; nothing is assumed.

Net price by family income is not in the releases ilpcore reads.  A
:class:`NetPriceTable` (any object with a ``net_price`` method) can be passed
in when one is available; its figure is shown beside the published price.
"""

from __future__ import annotations

import enum
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar, Final, Protocol

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.figures import IPEDS_IC2022, IPEDS_IC2022_AY, Figure, Missing, Release
from ilpcore.colleges.notebook import Tabular, figure_row, number
from ilpcore.colleges.records import Housing, Residency
from ilpcore.exceptions import ValidationError

__all__ = [
    "CHARGES_YEAR",
    "CostOfAttendance",
    "IncomeBand",
    "MultiYearCost",
    "NetPriceTable",
    "YearCost",
    "cost_of_attendance",
    "multi_year_cost",
]

CHARGES_YEAR: Final = 2022
"""The fall the charges year starts (IC2022_AY covers academic year 2022-23)."""
_DOLLAR: Final = Decimal(1)


class IncomeBand(enum.Enum):
    """Family income bands that net price tables (IPEDS SFA, Scorecard) report."""

    UP_TO_30000 = "$0-30,000"
    FROM_30001_TO_48000 = "$30,001-48,000"
    FROM_48001_TO_75000 = "$48,001-75,000"
    FROM_75001_TO_110000 = "$75,001-110,000"
    OVER_110000 = "over $110,000"


class NetPriceTable(Protocol):
    """Where net prices would come from (e.g. a future IPEDS SFA loader, a state's table)."""

    def net_price(self, unitid: int, income: IncomeBand) -> Figure | None:
        """The average net price for the band, or ``None`` when the table has no row."""


@attrs.frozen
class CostOfAttendance(Tabular):
    """One year's published cost of attendance, each part with its release and year."""

    unitid: int
    residency: Residency
    housing: Housing
    tuition_fees: Figure
    books_supplies: Figure
    room_board: Figure | None
    """``None`` when living with family (no room and board in the budget)."""
    other_expenses: Figure
    net_price: Figure | None = None
    """From a :class:`NetPriceTable`, when one was given."""
    application_fee: Figure | None = None

    @property
    def parts(self) -> tuple[tuple[str, Figure], ...]:
        parts = [
            ("tuition and fees", self.tuition_fees),
            ("books and supplies", self.books_supplies),
        ]
        if self.room_board is not None:
            parts.append(("room and board", self.room_board))
        parts.append(("other expenses", self.other_expenses))
        return tuple(parts)

    @property
    def total(self) -> Figure:
        """The sum of the parts; not reported when any part is."""
        missing = [f for _, f in self.parts if f.value is None]
        if missing:
            return Figure.missing(Missing.NOT_REPORTED, IPEDS_IC2022_AY)
        return Figure(
            sum((f.value for _, f in self.parts if f.value is not None), Decimal(0)),
            IPEDS_IC2022_AY,
        )

    @property
    def release(self) -> Release:
        return IPEDS_IC2022_AY

    def frame_rows(self) -> list[dict[str, Any]]:
        """One row per part, then the total, the net price and the application fee if given."""
        rows = [figure_row(name, f) for name, f in self.parts]
        rows.append(figure_row("total", self.total))
        if self.net_price is not None:
            rows.append(figure_row("net price", self.net_price))
        if self.application_fee is not None:
            rows.append(figure_row("application fee", self.application_fee))
        return rows

    def html_caption(self) -> str:
        return (
            f"Cost of attendance at UNITID {self.unitid}, {self.residency.value}, "
            f"{self.housing.value}"
        )


def cost_of_attendance(
    catalog: CollegeCatalog,
    unitid: int,
    residency: Residency = Residency.IN_STATE,
    housing: Housing = Housing.ON_CAMPUS,
    *,
    net_prices: NetPriceTable | None = None,
    income: IncomeBand | None = None,
) -> CostOfAttendance:
    """The 2022-23 cost of attendance at ``unitid`` for a residency and housing.

    An institution not in IC2022_AY (program reporters, closed schools, plugin
    colleges) gets figures that say "not in this release".
    """
    catalog.institution(unitid)  # NotFoundError for an unknown UNITID
    charges = catalog.charges(unitid)
    release = IPEDS_IC2022_AY
    if charges is None:
        absent = Figure.missing(Missing.NOT_IN_RELEASE, release)
        return CostOfAttendance(
            unitid, residency, housing, absent, absent,
            None if housing is Housing.WITH_FAMILY else absent, absent,
        )  # fmt: skip
    reason = Missing.NOT_REPORTED
    net = None
    if net_prices is not None and income is not None:
        net = net_prices.net_price(unitid, income)
    room = None if housing is Housing.WITH_FAMILY else charges.room_board(housing)
    return CostOfAttendance(
        unitid,
        residency,
        housing,
        Figure.of(charges.tuition_fees(residency), release, reason),
        Figure.of(charges.books_supplies, release, reason),
        None if housing is Housing.WITH_FAMILY else Figure.of(room, release, reason),
        Figure.of(charges.other_expenses(housing), release, reason),
        net,
        None
        if charges.application_fee is None
        else Figure(Decimal(charges.application_fee), IPEDS_IC2022),
    )


@attrs.frozen
class YearCost:
    academic_year: str
    """E.g. ``"2027-28"``."""
    amount: Decimal
    """Whole dollars, projected from 2022-23 at the given inflation rate."""


@attrs.frozen
class MultiYearCost(Tabular):
    """A projected total over several years, with the rate and base year stated."""

    base: Figure
    """The one-year total it starts from (2022-23)."""
    inflation: Decimal
    """Yearly rate as a fraction (``0.03`` = 3 % a year), set by the user."""
    years: tuple[YearCost, ...]

    FRAME_COLUMNS: ClassVar[tuple[str, ...]] = (
        "academic_year",
        "amount",
        "inflation",
        "base",
        "base_release",
        "base_year",
    )

    @property
    def total(self) -> Decimal:
        return sum((y.amount for y in self.years), Decimal(0))

    def frame_rows(self) -> list[dict[str, Any]]:
        """One row per academic year: the projected amount, the rate and the base figure."""
        return [
            {
                "academic_year": y.academic_year,
                "amount": number(y.amount),
                "inflation": number(self.inflation),
                "base": number(self.base.value),
                "base_release": self.base.release.name,
                "base_year": self.base.release.period,
            }
            for y in self.years
        ]

    def html_caption(self) -> str:
        return (
            f"Projected cost: ${self.total:,} over {len(self.years)} years at "
            f"{self.inflation * 100}% a year from {self.base}"
        )


def multi_year_cost(
    cost: CostOfAttendance, *, start_year: int, years: int, inflation: Decimal
) -> MultiYearCost:
    """Project a 2022-23 cost to ``years`` academic years starting in the fall of ``start_year``.

    Year ``k`` costs ``base x (1 + inflation) ** (start_year + k - 2022)``, rounded to whole
    dollars.  Raises :class:`~ilpcore.exceptions.ValidationError` when the base total is not
    reported or an argument is out of range.

    >>> from ilpcore.colleges.figures import IPEDS_IC2022_AY
    >>> base = Figure(Decimal(20000), IPEDS_IC2022_AY)
    >>> [y.amount for y in _project(base, 2023, 2, Decimal("0.05"))]
    [Decimal('21000'), Decimal('22050')]
    """
    problems = []
    if not 1 <= years <= 10:
        problems.append(("years", f"must be 1 to 10, got {years}"))
    if not Decimal("-0.5") < inflation < Decimal(1):
        problems.append(("inflation", f"{inflation} is not a plausible yearly rate (-0.5 to 1)"))
    if start_year < CHARGES_YEAR:
        problems.append(("start_year", f"{start_year} is before the charges year {CHARGES_YEAR}"))
    base = cost.total
    if base.value is None:
        problems.append(("cost", "the one-year total is not reported, so it cannot be projected"))
    if problems:
        from ilpcore.exceptions import Problem

        raise ValidationError([Problem(p, m) for p, m in problems])
    return MultiYearCost(base, inflation, _project(base, start_year, years, inflation))


def _project(base: Figure, start_year: int, years: int, inflation: Decimal) -> tuple[YearCost, ...]:
    assert base.value is not None
    out = []
    for k in range(years):
        year = start_year + k
        factor = (1 + inflation) ** (year - CHARGES_YEAR)
        amount = (base.value * factor).quantize(_DOLLAR, rounding=ROUND_HALF_UP)
        out.append(YearCost(f"{year}-{(year + 1) % 100:02d}", amount))
    return tuple(out)
