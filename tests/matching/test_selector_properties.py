"""The career selector keeps exactly the occupations that meet every criterion."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.matching import (
    ENTRY_EDUCATION_LEVELS,
    CareerFilter,
    Occupation,
    OccupationCatalog,
    WageStatus,
    select,
)

criteria = st.builds(
    CareerFilter,
    job_zones=st.frozensets(st.integers(1, 5), max_size=3),
    max_entry_education=st.none() | st.sampled_from(ENTRY_EDUCATION_LEVELS),
    min_median_wage=st.none() | st.sampled_from([Decimal(30000), Decimal(75000), Decimal(239200)]),
    state=st.none() | st.sampled_from(["KY", "CA", "PR"]),
    min_growth=st.none() | st.sampled_from([Decimal(-5), Decimal(0), Decimal("6.2")]),
    bright_outlook=st.none() | st.booleans(),
    interests=st.none() | st.sampled_from(["R", "IA", "SEC", "RIASEC"]),
)


def _meets(catalog: OccupationCatalog, o: Occupation, f: CareerFilter) -> bool:
    """The selector's rules, written out again independently."""
    if f.job_zones and o.job_zone not in f.job_zones:
        return False
    outlook = catalog.outlook_of(o.code)
    projection = outlook.projection if outlook is not None else None
    if f.max_entry_education is not None:
        if projection is None:
            return False
        rank = ENTRY_EDUCATION_LEVELS.index
        if rank(projection.entry_education) > rank(f.max_entry_education):
            return False
    if f.min_median_wage is not None:
        wages = catalog.wages_of(o.code, f.state)
        if wages is None:
            return False
        median = wages.statistics.figure("median")
        if median.status is WageStatus.TOP_CODED:
            if f.min_median_wage > 239200:
                return False
        elif median.value is None or median.value < f.min_median_wage:
            return False
    if f.min_growth is not None and (
        projection is None or projection.change_percent < f.min_growth
    ):
        return False
    if f.bright_outlook is not None and (
        projection is None or projection.bright_outlook is not f.bright_outlook
    ):
        return False
    return not (f.interests and (not o.high_points or o.high_points[0] not in f.interests))


@settings(max_examples=20, deadline=None)
@given(f=criteria)
def test_selection_is_exactly_the_matching_occupations(
    catalog: OccupationCatalog, f: CareerFilter
) -> None:
    chosen = set(select(catalog, f).codes)
    expected = {o.code for o in catalog if _meets(catalog, o, f)}
    assert chosen == expected
