"""The selector keeps exactly the matching rows, sorts correctly and stably; keyword search."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    Institution,
    Level,
    ProgramRecord,
    Size,
    SortKey,
    keyword_search,
    select,
)
from ilpcore.colleges.geo import miles_between
from ilpcore.colleges.selector import COMMUNITY_KINDS
from ilpcore.exceptions import UnknownLocationError, ValidationError

STATES = ("KY", "IN", "OH", "TN", "CA", "PR", "WY")
CIPS = ("51", "51.38", "51.3801", "11.07", "47.0604", "52.0201")


def _subset(values: tuple[object, ...]) -> st.SearchStrategy[frozenset[object]]:
    return st.frozensets(st.sampled_from(values), max_size=2)


filters = st.builds(
    CollegeFilter,
    states=_subset(STATES),
    levels=_subset(tuple(Level)),
    controls=_subset(tuple(Control)),
    community_kinds=_subset(COMMUNITY_KINDS),
    sizes=_subset(tuple(Size)),
    cips=_subset(CIPS),
    awards=_subset(tuple(AwardLevel)),
    hbcu=st.none() | st.booleans(),
)


def _brute_force(catalog: CollegeCatalog, f: CollegeFilter) -> set[int]:
    keep = set()
    for inst in catalog:
        if f.states and inst.state not in f.states:
            continue
        if f.levels and inst.level not in f.levels:
            continue
        if f.controls and inst.control not in f.controls:
            continue
        if f.community_kinds and (
            inst.community is None or inst.community.kind not in f.community_kinds
        ):
            continue
        if f.sizes and inst.size not in f.sizes:
            continue
        if f.hbcu is not None and inst.hbcu != f.hbcu:
            continue
        if f.cips or f.awards:
            rows = [
                (cip, award)
                for cip, award, _ in catalog.program_rows(inst.unitid)
                if (not f.cips or any(cip.startswith(c) for c in f.cips))
                and (not f.awards or award in f.awards)
            ]
            if not rows:
                continue
        keep.add(inst.unitid)
    return keep


@settings(max_examples=30)
@given(filters)
def test_select_returns_exactly_the_matching_institutions(
    catalog: CollegeCatalog, criteria: CollegeFilter
) -> None:
    results = select(catalog, criteria)
    found = [s.institution.unitid for s in results]
    assert len(found) == len(set(found)) == results.total
    assert set(found) == _brute_force(catalog, criteria)
    for s in results:
        for p in s.programs:
            assert not criteria.cips or p.cip.startswith(tuple(criteria.cips))
            assert not criteria.awards or p.award in criteria.awards


@settings(max_examples=30)
@given(
    st.sampled_from(
        (SortKey.EARNINGS, SortKey.DEBT, SortKey.DEBT_TO_EARNINGS, SortKey.COMPLETIONS)
    ),
    st.sampled_from(("51.38", "11.07", "52.02")),
    _subset(STATES),
)
def test_sorting_orders_values_and_puts_unpublished_last(
    catalog: CollegeCatalog, key: SortKey, cip: str, states: frozenset[str]
) -> None:
    results = select(catalog, CollegeFilter(states=states, cips=frozenset({cip})), key)
    values = [s.best(key) for s in results]
    published = [v for v in values if v is not None]
    assert values[: len(published)] == published  # every None after every value
    descending = key in (SortKey.EARNINGS, SortKey.COMPLETIONS)
    assert published == sorted(published, reverse=descending)
    # stable: equal values keep name order
    for a, b in zip(results, results.colleges[1:], strict=False):
        if a.best(key) == b.best(key):
            assert (a.institution.name, a.institution.unitid) <= (
                b.institution.name,
                b.institution.unitid,
            )


def test_distance_filter_and_sort(catalog: CollegeCatalog) -> None:
    lexington = catalog.locate_zip("40506")
    results = select(catalog, CollegeFilter(near=lexington, within_miles=25.0), SortKey.DISTANCE)
    distances = [s.distance_miles for s in results]
    assert distances == sorted(d for d in distances if d is not None)
    assert all(d is not None and d <= 25 for d in distances)
    assert 157085 in {s.institution.unitid for s in results}
    everyone = [
        i
        for i in catalog
        if i.latitude is not None
        and i.longitude is not None
        and miles_between(lexington, (i.latitude, i.longitude)) <= 25
    ]
    assert len(results) == len(everyone)


def test_unknown_zip_and_bad_filters(catalog: CollegeCatalog) -> None:
    with pytest.raises(UnknownLocationError):
        catalog.locate_zip("00000")
    with pytest.raises(ValidationError) as e:
        CollegeFilter(within_miles=10.0, community_kinds=frozenset({"metro"}))
    assert set(e.value.paths) == {"within_miles", "community_kinds"}
    with pytest.raises(ValidationError) as e:
        select(catalog, CollegeFilter(states=frozenset({"KY"})), SortKey.EARNINGS)
    assert e.value.paths == ("sort",)


def test_limit_keeps_total(catalog: CollegeCatalog) -> None:
    results = select(catalog, CollegeFilter(states=frozenset({"KY"})), limit=3)
    assert len(results) == 3
    assert results.total > 3


def test_records_are_plain_and_html_escapes(catalog: CollegeCatalog) -> None:
    hostile = Institution(
        900001, "<script>alert('x')</script> & Co", "Town", "KY", Level.TWO_YEAR, Control.PUBLIC
    )
    small = CollegeCatalog.from_records(
        [hostile], [ProgramRecord(900001, "51.3801", AwardLevel.ASSOCIATE, 12)]
    )
    results = select(small, CollegeFilter(cips=frozenset({"51"})))
    html = results._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    (record,) = results.to_records()
    assert record["name"] == hostile.name
    assert record["programs"][0]["median_earnings"] is None  # no outcome: not published
    assert record["level"] == "2-year"


def test_keyword_search(catalog: CollegeCatalog) -> None:
    found = keyword_search(catalog, "university of kentucky")
    assert found.institutions[0].unitid == 157085
    programs = keyword_search(catalog, "registered nurs").programs
    assert programs[0].cip == "51.3801"
    assert programs[0].institutions == len(catalog.offering("51.3801"))
    assert keyword_search(catalog, "  ").institutions == ()
    for inst in keyword_search(catalog, "tech").institutions:
        assert "tech" in (inst.name + " " + (inst.alias or "") + " " + inst.city).lower()


def test_debt_to_earnings_ratio(catalog: CollegeCatalog) -> None:
    results = select(
        catalog,
        CollegeFilter(states=frozenset({"KY"}), cips=frozenset({"51.3801"})),
        SortKey.DEBT_TO_EARNINGS,
    )
    first = results[0].programs
    ratios = [p.debt_to_earnings for p in first if p.debt_to_earnings is not None]
    assert ratios
    for p in first:
        if p.debt is not None and p.earnings:
            assert p.debt_to_earnings == (Decimal(p.debt) / p.earnings).quantize(Decimal("0.01"))
