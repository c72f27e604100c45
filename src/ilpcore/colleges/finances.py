"""What a program costs and pays: median debt, median earnings, their ratio, the loan payment.

Figures come from the College Scorecard field-of-study table (by 4-digit CIP
and credential) and carry its release.  The occupation's wage in the student's
state is an input: the caller takes it from the occupation catalog
(:mod:`ilpcore.matching`, BLS OEWS May 2025) and passes it as a
:class:`~ilpcore.colleges.figures.Figure` with its release.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import AwardLevel
from ilpcore.colleges.figures import SCORECARD_FOS, Figure, Missing, Release
from ilpcore.colleges.notebook import Tabular, figure_row
from ilpcore.exceptions import ValidationError

__all__ = [
    "BLS_OEWS_MAY_2025",
    "STANDARD_TERM_YEARS",
    "ProgramFinances",
    "monthly_payment",
    "program_finances",
]

STANDARD_TERM_YEARS: Final = 10
"""The federal Standard Repayment Plan: fixed monthly payments over 10 years."""
BLS_OEWS_MAY_2025: Final = Release(
    "BLS OEWS",
    "May 2025",
    "Source: U.S. Bureau of Labor Statistics, "
    "Occupational Employment and Wage Statistics, May 2025.",
)
_CENT: Final = Decimal("0.01")


def monthly_payment(
    principal: Decimal, annual_rate: Decimal, years: int = STANDARD_TERM_YEARS
) -> Decimal:
    """The fixed monthly payment that repays ``principal`` in ``years`` at ``annual_rate``.

    ``annual_rate`` is a fraction (``0.0653`` = 6.53 %), compounded monthly;
    the payment is rounded to the cent.

    >>> monthly_payment(Decimal(27000), Decimal("0.0653"))
    Decimal('306.99')
    >>> monthly_payment(Decimal(12000), Decimal(0))
    Decimal('100.00')
    """
    if principal < 0 or annual_rate < 0 or years < 1:
        raise ValidationError.at(
            "loan", f"principal {principal}, rate {annual_rate}, {years} years is not a loan"
        )
    n = years * 12
    r = annual_rate / 12
    payment = principal / n if r == 0 else principal * r / (1 - (1 + r) ** -n)
    return payment.quantize(_CENT, rounding=ROUND_HALF_UP)


@attrs.frozen
class ProgramFinances(Tabular):
    """The money side of one program at one institution and award level."""

    unitid: int
    cip: str
    award: AwardLevel
    median_debt: Figure
    median_earnings: Figure
    earnings_horizon: str | None
    """``4yr_after_completion`` or ``1yr_after_completion`` where earnings are published."""
    debt_to_earnings: Decimal | None
    """Median debt / median earnings (2 places); ``None`` unless both are published."""
    annual_rate: Decimal
    monthly_payment: Figure
    """Of the median debt under standard 10-year repayment at ``annual_rate``."""
    occupation_wage: Figure | None = None
    """The occupation's median annual wage in the student's state, as given by the caller."""

    def figures(self) -> tuple[tuple[str, Figure], ...]:
        """Median debt, median earnings, their ratio, the monthly payment, the wage if given;
        each with its release."""
        reason = self.median_earnings.reason or self.median_debt.reason or Missing.NOT_PUBLISHED
        ratio = Figure.of(self.debt_to_earnings, SCORECARD_FOS, reason, unit="")
        figures = [
            ("median debt", self.median_debt),
            ("median earnings", self.median_earnings),
            ("debt-to-earnings ratio", ratio),
            (f"monthly payment (10 years at {self.annual_rate})", self.monthly_payment),
        ]
        if self.occupation_wage is not None:
            figures.append(("occupation wage in the state", self.occupation_wage))
        return tuple(figures)

    def frame_rows(self) -> list[dict[str, Any]]:
        """One row per :meth:`figures`."""
        return [figure_row(item, figure) for item, figure in self.figures()]

    def html_caption(self) -> str:
        return f"CIP {self.cip} {self.award.label} at UNITID {self.unitid}"


def program_finances(
    catalog: CollegeCatalog,
    unitid: int,
    cip: str,
    award: AwardLevel,
    *,
    annual_rate: Decimal,
    occupation_wage: Figure | None = None,
) -> ProgramFinances:
    """Debt, earnings, their ratio and the monthly payment for a program.

    ``annual_rate`` is the loan's yearly interest rate as a fraction (e.g. the
    federal undergraduate rate); there is no default, so the rate is always stated.
    """
    catalog.institution(unitid)
    outcome = catalog.outcome(unitid, cip, award)
    reason = Missing.NOT_PUBLISHED if outcome is not None else Missing.NOT_IN_RELEASE
    debt = None if outcome is None else outcome.debt_median
    earnings = None if outcome is None else outcome.earnings_median
    ratio = None
    if debt is not None and earnings:
        ratio = (Decimal(debt) / Decimal(earnings)).quantize(_CENT)
    payment = (
        Figure(monthly_payment(Decimal(debt), annual_rate), SCORECARD_FOS)
        if debt is not None
        else Figure.missing(reason, SCORECARD_FOS)
    )
    return ProgramFinances(
        unitid,
        cip,
        award,
        Figure.of(debt, SCORECARD_FOS, reason),
        Figure.of(earnings, SCORECARD_FOS, reason),
        None if outcome is None else outcome.earnings_horizon,
        ratio,
        annual_rate,
        payment,
        occupation_wage,
    )
