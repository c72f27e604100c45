"""The program index: indexed program searches equal the plain scan on the real catalog."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.colleges import (
    AwardLevel,
    CollegeCatalog,
    CollegeFilter,
    Control,
    CredentialLevel,
    Institution,
    Level,
    Outcome,
    ProgramRecord,
    SortKey,
    load_colleges,
)
from ilpcore.colleges import select as select_indexed
from ilpcore.colleges.program_index import ProgramIndex, ratio_hundredths
from ilpcore.colleges.selector import COMMUNITY_KINDS, select_by_scan

T = TypeVar("T")
STATES = ("KY", "OH", "CA", "TX", "PR", "WY", "NY")
CIPS = (
    "51", "52", "11", "47", "14", "26", "42", "13",  # 2-digit families
    "51.38", "51.09", "11.07", "52.02", "12.05", "46.03",  # 4-digit
    "51.3801", "11.0701", "47.0604", "52.0201", "13.1202", "99.9999",  # 6-digit (last: none)
)  # fmt: skip
PLACES = ((38.03, -84.50), (34.05, -118.24), (40.71, -74.0), (61.2, -149.9))


def _some(values: tuple[T, ...], most: int = 2) -> st.SearchStrategy[frozenset[T]]:
    return st.frozensets(st.sampled_from(values), max_size=most)


def _nudged(place: tuple[float, float]) -> tuple[float, float]:
    return (place[0] + 0.37, place[1] - 0.21)


@st.composite
def program_filters(draw: st.DrawFn) -> CollegeFilter:
    cips = draw(_some(CIPS, 3))
    awards = draw(_some(tuple(AwardLevel), 3))
    near = draw(st.none() | st.sampled_from(PLACES) | st.sampled_from(PLACES).map(_nudged))
    within = None if near is None else draw(st.none() | st.sampled_from((25.0, 150.0, 600.0)))
    return CollegeFilter(
        states=draw(_some(STATES, 3)),
        levels=draw(_some(tuple(Level), 1)),
        controls=draw(_some(tuple(Control), 2)),
        community_kinds=draw(_some(COMMUNITY_KINDS, 2)),
        cips=cips,
        awards=awards,
        near=near,
        within_miles=within,
        hbcu=draw(st.none() | st.booleans()),
    )


@settings(max_examples=80, deadline=None)
@given(program_filters(), st.sampled_from(tuple(SortKey)), st.none() | st.integers(0, 30))
def test_select_equals_the_plain_scan(
    catalog: CollegeCatalog, criteria: CollegeFilter, sort: SortKey, limit: int | None
) -> None:
    if (sort is SortKey.DISTANCE and criteria.near is None) or (
        sort in (SortKey.EARNINGS, SortKey.DEBT, SortKey.DEBT_TO_EARNINGS)
        and not criteria.has_program_filter
    ):
        sort = SortKey.NAME
    indexed = select_indexed(catalog, criteria, sort, limit)
    scanned = select_by_scan(catalog, criteria, sort, limit)
    assert indexed.total == scanned.total
    assert indexed.colleges == scanned.colleges
    assert indexed == scanned


def test_nationwide_nursing_by_earnings_equals_the_scan(catalog: CollegeCatalog) -> None:
    criteria = CollegeFilter(cips=frozenset({"51.3801"}), awards=frozenset({AwardLevel.BACHELOR}))
    indexed = select_indexed(catalog, criteria, SortKey.EARNINGS)
    assert indexed.total > 500
    assert indexed == select_by_scan(catalog, criteria, SortKey.EARNINGS)
    earnings = [s.best_earnings for s in indexed]
    assert earnings[0] is not None
    assert earnings[0] >= max(e for e in earnings if e is not None)


def test_results_build_each_college_when_first_read(catalog: CollegeCatalog) -> None:
    found = select_indexed(catalog, CollegeFilter(cips=frozenset({"51"})), SortKey.COMPLETIONS)
    assert found._built.count(None) == len(found) > 1000  # nothing built yet
    first = found[0]
    assert found[0] is first
    assert found._built.count(None) == len(found) - 1
    assert found[-1] is found.colleges[-1]
    assert found[1:3] == found.colleges[1:3]


@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_ratio_hundredths_equals_decimal_quantize(debt: int, earnings: int) -> None:
    expected = (Decimal(debt) / Decimal(earnings)).quantize(Decimal("0.01"))
    assert ratio_hundredths(debt, earnings) == int(expected * 100)


def test_index_is_cached_beside_the_catalog(data_dir: Path, tmp_path: Path) -> None:
    catalog = load_colleges(data_dir, cache=tmp_path)
    assert catalog._program_index is None  # not built by the load itself
    assert not list(tmp_path.glob("colleges-program-index-*"))
    index = catalog.program_index()
    assert index is catalog.program_index()
    assert len(index.rank) == catalog.program_count
    assert index.size == len(catalog)
    assert len(list(tmp_path.glob("colleges-program-index-*.pickle"))) == 1
    reloaded = load_colleges(data_dir, cache=tmp_path)
    assert reloaded is not catalog
    assert reloaded._program_index is None
    again = reloaded.program_index()  # read from the cache file, not rebuilt
    assert again is not index
    for name in ProgramIndex.__slots__:
        assert getattr(again, name) == getattr(index, name)


def test_index_without_a_cache_is_built_in_memory(catalog: CollegeCatalog) -> None:
    plain = CollegeCatalog.from_records(*catalog.records()[:2])
    assert plain._index_loader is None
    criteria = CollegeFilter(cips=frozenset({"11.07"}), awards=frozenset({AwardLevel.BACHELOR}))
    assert select_indexed(plain, criteria) == select_by_scan(plain, criteria)


def test_outcomes_are_built_once_and_shared_but_never_pickled(catalog: CollegeCatalog) -> None:
    criteria = CollegeFilter(awards=frozenset({AwardLevel.ASSOCIATE}))
    first = select_indexed(catalog, criteria, SortKey.DEBT_TO_EARNINGS)[:20]
    again = select_indexed(catalog, criteria, SortKey.DEBT_TO_EARNINGS)[:20]
    assert again == first
    shared = [
        (a.outcome, b.outcome)
        for x, y in zip(first, again, strict=True)
        for a, b in zip(x.programs, y.programs, strict=True)
        if a.outcome is not None
    ]
    assert shared
    assert all(a is b for a, b in shared)
    for college in first:
        for p in college.programs:
            assert p.outcome == catalog.outcome(college.institution.unitid, p.cip, p.award)
    state = catalog.__getstate__()
    assert state["_outcome_objects"] is None
    assert "_outcome_objects" in CollegeCatalog.__slots__


def test_a_pickled_catalog_searches_the_same_without_the_built_outcomes(
    catalog: CollegeCatalog,
) -> None:
    plain = CollegeCatalog.from_records(*catalog.records()[:2])
    criteria = CollegeFilter(cips=frozenset({"51"}), awards=frozenset({AwardLevel.ASSOCIATE}))
    found = select_indexed(plain, criteria, SortKey.EARNINGS)
    assert found == select_by_scan(plain, criteria, SortKey.EARNINGS)
    assert plain._outcome_objects is not None
    copy = pickle.loads(pickle.dumps(plain))
    assert copy._outcome_objects is None
    assert select_indexed(copy, criteria, SortKey.EARNINGS) == found


def _reference_blocks(
    catalog: CollegeCatalog, index: ProgramIndex
) -> dict[int, list[tuple[int, int, int, int, int]]]:
    """Block → sorted ``(rank, completions, earnings, debt, ratio)`` of its rows, found
    row by row through the catalog's public lookups (``-1``: not published)."""
    blocks: dict[int, list[tuple[int, int, int, int, int]]] = {}
    code_of = {code: k for k, code in enumerate(index.codes)}
    award_of = {award: k for k, award in enumerate(index.awards)}
    for rank, inst in enumerate(catalog.by_name):
        for cip, award, n in catalog.program_rows(inst.unitid):
            o = catalog.outcome(inst.unitid, cip, award)
            earnings = -1 if o is None or o.earnings_median is None else o.earnings_median
            debt = -1 if o is None or o.debt_median is None else o.debt_median
            ratio = -1 if debt < 0 or earnings <= 0 else ratio_hundredths(debt, earnings)
            block = award_of[award.value] * len(index.codes) + code_of[cip]
            blocks.setdefault(block, []).append((rank, n, earnings, debt, ratio))
    return {block: sorted(rows) for block, rows in blocks.items()}


def _index_blocks(index: ProgramIndex) -> dict[int, list[tuple[int, int, int, int, int]]]:
    starts = index.starts
    return {
        block: sorted(
            zip(
                *(
                    getattr(index, name)[starts[block] : starts[block + 1]]
                    for name in ("rank", "completions", "earnings", "debt", "ratio")
                ),
                strict=True,
            )
        )
        for block in range(len(starts) - 1)
        if starts[block + 1] > starts[block]
    }


def _check_index(catalog: CollegeCatalog) -> ProgramIndex:
    index = catalog.program_index()
    assert _index_blocks(index) == _reference_blocks(catalog, index)
    for name in ("earnings", "debt", "ratio"):
        assert list(index.published[name]) == [int(v >= 0) for v in getattr(index, name)]
    by_award: dict[int, set[int]] = {}
    for rank, inst in enumerate(catalog.by_name):
        for _, award, _ in catalog.program_rows(inst.unitid):
            by_award.setdefault(award.value, set()).add(rank)
    assert index.awards == tuple(sorted(by_award))
    assert [list(r) for r in index.award_ranks] == [sorted(by_award[a]) for a in index.awards]
    return index


def test_index_equals_a_row_by_row_build_on_the_real_catalog(catalog: CollegeCatalog) -> None:
    index = _check_index(catalog)
    table_rows = [
        (inst.unitid, cip, award)
        for inst in sorted(catalog, key=lambda i: i.unitid)
        for cip, award, _ in catalog.program_rows(inst.unitid)
    ]
    outcomes = catalog._outcomes
    for (unitid, cip, award), row in zip(table_rows, index.outcome_row, strict=True):
        expected = catalog.outcome(unitid, cip, award)
        assert (row < 0) == (expected is None)
        if expected is not None:
            assert outcomes.at(row, unitid) == expected


small_programs = st.lists(
    st.builds(
        ProgramRecord,
        st.sampled_from((100001, 100002, 100003)),
        st.sampled_from(("51.3801", "51.3802", "11.0701", "52.0201")),
        st.sampled_from(tuple(AwardLevel)[:4]),
        st.integers(0, 300),
    ),
    max_size=25,
    unique_by=lambda p: (p.unitid, p.cip, p.award),
)
small_outcomes = st.lists(
    st.builds(
        Outcome,
        st.sampled_from((100001, 100002, 100003, 100009)),
        st.sampled_from(("51.38", "11.07", "01.00")),
        st.sampled_from(tuple(CredentialLevel)[:4]),
        st.none() | st.integers(0, 50),
        st.none() | st.integers(0, 90_000),
        st.just("4yr_after_completion"),
        st.none() | st.integers(0, 40_000),
    ),
    max_size=15,
    unique_by=lambda o: (o.unitid, o.cip4, o.credential),
)


@given(small_programs, small_outcomes)
def test_index_equals_a_row_by_row_build_on_small_catalogs(
    programs: list[ProgramRecord], outcomes: list[Outcome]
) -> None:
    institutions = [
        Institution(u, name, "Town", "KY", Level.FOUR_YEAR, Control.PUBLIC)
        for u, name in ((100001, "Beta"), (100002, "Alpha"), (100003, "Gamma"))
    ]
    catalog = CollegeCatalog.from_records(institutions, programs, outcomes)
    _check_index(catalog)


BROAD_SEARCHES = (
    (CollegeFilter(awards=frozenset({AwardLevel.ASSOCIATE})), SortKey.DEBT_TO_EARNINGS),
    (CollegeFilter(awards=frozenset({AwardLevel.ASSOCIATE})), SortKey.COMPLETIONS),
    (CollegeFilter(awards=frozenset({AwardLevel.ASSOCIATE, AwardLevel.BACHELOR})), SortKey.DEBT),
    (CollegeFilter(awards=frozenset({AwardLevel.BACHELOR})), SortKey.EARNINGS),
    (CollegeFilter(awards=frozenset({AwardLevel.MASTER})), SortKey.NAME),
    (CollegeFilter(cips=frozenset({"51"})), SortKey.COMPLETIONS),
    (
        CollegeFilter(cips=frozenset({"51"}), awards=frozenset({AwardLevel.BACHELOR})),
        SortKey.EARNINGS,
    ),
    (CollegeFilter(cips=frozenset({"51", "51.38", "11"})), SortKey.DEBT_TO_EARNINGS),
    (
        CollegeFilter(
            cips=frozenset({"11"}),
            levels=frozenset({Level.FOUR_YEAR}),
            controls=frozenset({Control.PUBLIC}),
        ),
        SortKey.EARNINGS,
    ),
)


@pytest.mark.parametrize(("criteria", "sort"), BROAD_SEARCHES)
def test_nationwide_searches_equal_the_plain_scan(
    catalog: CollegeCatalog, criteria: CollegeFilter, sort: SortKey
) -> None:
    indexed = select_indexed(catalog, criteria, sort)
    scanned = select_by_scan(catalog, criteria, sort)
    assert indexed.total == scanned.total > 50
    assert indexed.colleges == scanned.colleges


@settings(max_examples=60, deadline=None)
@given(
    program_filters(),
    st.none() | st.frozensets(st.sampled_from((157085, 100654, 110635, 999999)), max_size=3),
    st.none() | st.booleans(),
)
def test_column_filter_keeps_what_the_institution_test_keeps(
    catalog: CollegeCatalog,
    criteria: CollegeFilter,
    unitids: frozenset[int] | None,
    tribal: bool | None,
) -> None:
    criteria = attrs.evolve(criteria, unitids=unitids, tribal=tribal)
    everyone = list(range(len(catalog)))
    kept = criteria.kept(catalog.institution_columns(), everyone)
    assert kept == [r for r in everyone if criteria.keeps(catalog.by_name[r])]


def test_family_ranks_are_the_ranks_of_their_rows(catalog: CollegeCatalog) -> None:
    index = catalog.program_index()
    assert len(index.families) > 30
    for awards in ((), (AwardLevel.BACHELOR,), (AwardLevel.ASSOCIATE, AwardLevel.MASTER)):
        for families in (("51",), ("11", "52"), ("51", "01", "60")):
            expected = sorted(index.ranks(index.row_spans(families, awards)))
            assert index.ranks_of_families(families, awards) == expected
    assert index.ranks_of_families(("51.38",), ()) is None
