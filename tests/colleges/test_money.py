"""Cost of attendance, multi-year totals, loan payments and program finances."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    Control,
    Figure,
    Housing,
    Institution,
    Level,
    Missing,
    Residency,
    cost_of_attendance,
    monthly_payment,
    multi_year_cost,
    program_finances,
)
from ilpcore.colleges.finances import BLS_OEWS_MAY_2025
from ilpcore.exceptions import NotFoundError, ValidationError

principals = st.integers(0, 300_000).map(Decimal)
rates = st.integers(0, 1500).map(lambda n: Decimal(n) / 10000)


@given(principals, rates)
def test_payment_repays_at_least_the_principal(principal: Decimal, rate: Decimal) -> None:
    payment = monthly_payment(principal, rate)
    assert payment == payment.quantize(Decimal("0.01"))
    assert payment * 120 >= principal - Decimal("0.60")  # rounding to cents, 120 payments
    if rate == 0:
        assert abs(payment * 120 - principal) <= Decimal("0.60")


@given(principals, rates, rates)
def test_payment_grows_with_the_rate(principal: Decimal, r1: Decimal, r2: Decimal) -> None:
    low, high = sorted((r1, r2))
    assert monthly_payment(principal, low) <= monthly_payment(principal, high)


@given(principals, principals, rates)
def test_payment_grows_with_the_principal(p1: Decimal, p2: Decimal, rate: Decimal) -> None:
    low, high = sorted((p1, p2))
    assert monthly_payment(low, rate) <= monthly_payment(high, rate)


def test_payment_known_value_and_bad_input() -> None:
    # 10,000 at 5 % for 10 years: the standard amortization table value
    assert monthly_payment(Decimal(10000), Decimal("0.05")) == Decimal("106.07")
    with pytest.raises(ValidationError):
        monthly_payment(Decimal(-1), Decimal("0.05"))


def test_cost_of_attendance_for_each_residency(catalog: CollegeCatalog) -> None:
    inside = cost_of_attendance(catalog, 110635, Residency.IN_STATE, Housing.ON_CAMPUS)
    outside = cost_of_attendance(catalog, 110635, Residency.OUT_OF_STATE, Housing.ON_CAMPUS)
    assert inside.tuition_fees.value == 14395
    assert outside.tuition_fees.value == 44467
    assert inside.tuition_fees.release.period == "2022-23"
    assert inside.total.value == sum(f.value or 0 for _, f in inside.parts)
    home = cost_of_attendance(catalog, 110635, Residency.IN_STATE, Housing.WITH_FAMILY)
    assert home.room_board is None
    assert [name for name, _ in home.parts] == [
        "tuition and fees",
        "books and supplies",
        "other expenses",
    ]


def test_cost_not_in_release_is_never_zero(catalog: CollegeCatalog) -> None:
    no_charges = next(i.unitid for i in catalog if catalog.charges(i.unitid) is None)
    cost = cost_of_attendance(catalog, no_charges)
    assert cost.tuition_fees.value is None
    assert cost.tuition_fees.reason is Missing.NOT_IN_RELEASE
    assert cost.total.value is None
    with pytest.raises(ValidationError) as e:
        multi_year_cost(cost, start_year=2028, years=4, inflation=Decimal("0.03"))
    assert "cost" in e.value.paths
    with pytest.raises(NotFoundError):
        cost_of_attendance(catalog, 123)


@given(st.integers(2022, 2035), st.integers(1, 6), st.integers(0, 100))
def test_multi_year_cost_formula(start: int, years: int, basis_points: int) -> None:
    from ilpcore.colleges import CollegeCatalog as Catalog
    from ilpcore.colleges.records import Charges

    inst = Institution(900002, "Test College", "Town", "KY", Level.FOUR_YEAR, Control.PUBLIC)
    charges = Charges(900002, 10000, 10000, 20000, 1000, 8000, 2000, 9000, 3000, 2500)
    catalog = Catalog.from_records([inst], charges=[charges])
    cost = cost_of_attendance(catalog, 900002)
    rate = Decimal(basis_points) / 10000
    projected = multi_year_cost(cost, start_year=start, years=years, inflation=rate)
    assert len(projected.years) == years
    assert projected.years[0].academic_year == f"{start}-{(start + 1) % 100:02d}"
    amounts = [y.amount for y in projected.years]
    assert amounts == sorted(amounts)
    assert projected.total == sum(amounts)
    if rate == 0:
        assert amounts == [Decimal(21000)] * years
    expected_first = (Decimal(21000) * (1 + rate) ** (start - 2022)).quantize(Decimal(1))
    assert abs(amounts[0] - expected_first) <= 1


def test_program_finances(catalog: CollegeCatalog) -> None:
    wage = Figure(Decimal(79000), BLS_OEWS_MAY_2025)
    money = program_finances(
        catalog,
        157386,
        "51.3801",
        AwardLevel.BACHELOR,
        annual_rate=Decimal("0.0653"),
        occupation_wage=wage,
    )
    assert money.median_debt.value is not None
    assert money.median_earnings.value is not None
    assert money.median_debt.release.name == "College Scorecard field of study"
    assert money.monthly_payment.value == monthly_payment(
        money.median_debt.value, Decimal("0.0653")
    )
    assert money.debt_to_earnings == (
        money.median_debt.value / money.median_earnings.value
    ).quantize(Decimal("0.01"))
    assert money.occupation_wage is wage


def test_program_finances_not_published(catalog: CollegeCatalog) -> None:
    uk = [
        p
        for p in catalog.programs(157085)
        for o in p.outcomes
        if o.earnings_median is None and o.debt_median is None
    ]
    program = uk[0]
    award = next(a.award for a in program.awards if catalog.outcome(157085, program.cip, a.award))
    money = program_finances(catalog, 157085, program.cip, award, annual_rate=Decimal("0.05"))
    if money.median_debt.value is None:
        assert money.median_debt.reason is Missing.NOT_PUBLISHED
        assert money.monthly_payment.value is None
    if money.median_earnings.value is None:
        assert money.debt_to_earnings is None
