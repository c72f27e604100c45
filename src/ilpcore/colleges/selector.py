"""The school selector: filter institutions and their programs, then sort.

A :class:`CollegeFilter` says what to keep; :func:`select` applies it to every
institution of a catalog and sorts the result.  With a program filter (``cips``
and/or ``awards``) each selected college lists the matching programs, and the
sort keys "earnings", "debt" and "debt-to-earnings" use the best of them.
Colleges whose sort value is not published come last; ties keep name order.

The filter and sort keys live in :mod:`ilpcore.colleges.criteria`, the colleges found
in :mod:`ilpcore.colleges.selected` and the index-free :func:`select_by_scan` in
:mod:`ilpcore.colleges.scan`; all are importable from here too.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.criteria import (
    COMMUNITY_KINDS,
    EVERY_COLLEGE,
    CollegeFilter,
    SortKey,
    check_sort,
)
from ilpcore.colleges.geo import Place
from ilpcore.colleges.program_index import ProgramIndex
from ilpcore.colleges.scan import select_by_scan
from ilpcore.colleges.selected import ProgramMatch, SelectedCollege

if TYPE_CHECKING:
    from ilpcore.colleges.results import CollegeResults

__all__ = [
    "COMMUNITY_KINDS",
    "CollegeFilter",
    "ProgramMatch",
    "SelectedCollege",
    "SortKey",
    "select",
    "select_by_scan",
]


def select(
    catalog: CollegeCatalog,
    criteria: CollegeFilter = EVERY_COLLEGE,
    sort: SortKey = SortKey.NAME,
    limit: int | None = None,
) -> CollegeResults:
    """The institutions (and programs) that pass ``criteria``, sorted by ``sort``.

    ``limit`` keeps the first results after sorting.  A program search reads the
    catalog's :meth:`~CollegeCatalog.program_index`; its colleges are built when
    first read, so a search is fast however many colleges it finds.  The result
    equals :func:`select_by_scan`'s.
    """
    check_sort(criteria, sort)
    if not criteria.has_program_filter:
        return _select_institutions(catalog, criteria, sort, limit)
    from ilpcore.colleges.results import CollegeResults

    index = catalog.program_index()
    spans = index.row_spans(criteria.cips, criteria.awards)
    by_name = catalog.by_name
    # whole award levels and whole 2-digit CIP families: the index keeps their ranks
    if not criteria.cips:
        found = index.ranks_of_awards(criteria.awards)
    else:
        kept = index.ranks_of_families(criteria.cips, criteria.awards)
        found = sorted(index.ranks(spans)) if kept is None else kept
    ranks, distances = _institution_filter(catalog, criteria, found)
    if sort is not SortKey.NAME:
        _sort_ranks(ranks, index, spans, sort, distances)

    code_spans = index.code_spans(criteria.cips) if criteria.cips else [(0, len(index.codes))]
    award_values = frozenset(a.value for a in criteria.awards)
    title = catalog.cip_title

    def build(r: int) -> SelectedCollege:
        inst = by_name[r]
        programs = [
            ProgramMatch(cip, title(cip), award, n, outcome)
            for cip, award, n, outcome in catalog.indexed_rows(
                inst.unitid, code_spans, award_values
            )
        ]
        if len(criteria.cips) > 1:  # ordered like _matching_programs
            programs.sort(key=lambda p: (p.cip, p.award.value))
        completions = sum(p.completions for p in programs)
        return SelectedCollege(inst, tuple(programs), distances.get(r), completions)

    shown = ranks[:limit] if limit is not None else ranks
    return CollegeResults.deferred(tuple(shown), build, len(ranks))


def _institution_filter(
    catalog: CollegeCatalog, criteria: CollegeFilter, ranks: list[int] | None
) -> tuple[list[int], dict[int, float | None]]:
    """The name ranks (ascending) among ``ranks`` (every institution when ``None``) that pass
    the institution-level and distance criteria, and the distance of each when measured."""
    by_name = catalog.by_name
    if criteria.within_miles is not None and criteria.near is not None:
        box = Place(criteria.near, criteria.within_miles).box or 0.0
        band = catalog.ranks_between_latitudes(criteria.near[0] - box, criteria.near[0] + box)
        ranks = band if ranks is None else sorted(set(band).intersection(ranks))
    if ranks is None:
        if criteria.states:
            ranks = catalog.name_ranks(i.unitid for i in catalog.in_states(criteria.states))
        else:
            ranks = list(range(len(by_name)))
    if criteria.has_institution_filter:
        ranks = criteria.kept(catalog.institution_columns(), ranks)
    distances: dict[int, float | None] = {}
    if criteria.near is not None:
        place = Place(criteria.near, criteria.within_miles)
        near_enough = []
        for r in ranks:
            passes, distances[r] = place.measure(by_name[r])
            if passes:
                near_enough.append(r)
        ranks = near_enough
    return ranks, distances


def _select_institutions(
    catalog: CollegeCatalog, criteria: CollegeFilter, sort: SortKey, limit: int | None
) -> CollegeResults:
    """:func:`select` without a program filter; colleges are built when first read."""
    from ilpcore.colleges.results import CollegeResults

    ranks, distances = _institution_filter(catalog, criteria, None)
    by_name = catalog.by_name
    if sort is SortKey.COMPLETIONS:
        total = catalog.total_completions
        ranks.sort(key=lambda r: -total(by_name[r].unitid))
    elif sort is SortKey.DISTANCE:
        ranks.sort(key=lambda r: math.inf if (d := distances.get(r)) is None else d)

    def build(r: int) -> SelectedCollege:
        inst = by_name[r]
        return SelectedCollege(inst, (), distances.get(r), catalog.total_completions(inst.unitid))

    shown = ranks[:limit] if limit is not None else ranks
    return CollegeResults.deferred(tuple(shown), build, len(ranks))


def _sort_ranks(
    ranks: list[int],
    index: ProgramIndex,
    spans: list[tuple[int, int]],
    sort: SortKey,
    distances: dict[int, float | None],
) -> None:
    """Sort the name-ordered ``ranks`` in place like :func:`select_by_scan` orders colleges:
    "not published" after every value, ties in name order (a sort is stable, also when
    reversed)."""
    if sort is SortKey.DISTANCE:
        ranks.sort(key={r: math.inf if d is None else d for r, d in distances.items()}.__getitem__)
    elif sort is SortKey.COMPLETIONS:
        ranks.sort(key=index.totals(spans).__getitem__, reverse=True)
    elif sort is SortKey.EARNINGS:  # unpublished: -1, below every value
        ranks.sort(key=index.best("earnings", spans, highest=True).__getitem__, reverse=True)
    else:  # unpublished: UNPUBLISHED_LOWEST, above every value
        column = "debt" if sort is SortKey.DEBT else "ratio"
        ranks.sort(key=index.best(column, spans, highest=False).__getitem__)
