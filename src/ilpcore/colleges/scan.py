"""The school selector's plain definition: visit every candidate institution and its programs.

:func:`~ilpcore.colleges.select` answers from the program index; it is tested against
:func:`select_by_scan`, which uses no index.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.criteria import (
    DESCENDING,
    EVERY_COLLEGE,
    CollegeFilter,
    SortKey,
    check_sort,
)
from ilpcore.colleges.geo import Place
from ilpcore.colleges.records import Institution
from ilpcore.colleges.selected import ProgramMatch, SelectedCollege

if TYPE_CHECKING:
    from ilpcore.colleges.results import CollegeResults

__all__ = ["select_by_scan"]


def select_by_scan(
    catalog: CollegeCatalog,
    criteria: CollegeFilter = EVERY_COLLEGE,
    sort: SortKey = SortKey.NAME,
    limit: int | None = None,
) -> CollegeResults:
    """:func:`select` by visiting every candidate institution and its programs.

    No index: the plain definition that :func:`select`'s program index is tested against.
    """
    check_sort(criteria, sort)
    candidates: Iterable[Institution] = (
        catalog.in_states(criteria.states) if criteria.states else catalog.by_name
    )
    if criteria.cips:
        offering = frozenset().union(*(catalog.offering(c) for c in criteria.cips))
        candidates = [i for i in candidates if i.unitid in offering]
    keep = criteria.keeps
    place = Place(criteria.near, criteria.within_miles)
    out: list[SelectedCollege] = []
    for inst in candidates:
        if not keep(inst):
            continue
        passes, distance = place.measure(inst)
        if not passes:
            continue
        if criteria.has_program_filter:
            programs = _matching_programs(catalog, inst.unitid, criteria)
            if not programs:
                continue
            completions = sum(p.completions for p in programs)
        else:
            programs = ()
            completions = catalog.total_completions(inst.unitid)
        out.append(SelectedCollege(inst, programs, distance, completions))
    if sort is not SortKey.NAME:
        sign = -1 if sort in DESCENDING else 1
        out.sort(key=lambda s: _sort_value(s.best(sort), sign))
    from ilpcore.colleges.results import CollegeResults

    return CollegeResults(tuple(out[:limit] if limit is not None else out), len(out))


def _sort_value(value: Decimal | int | float | None, sign: int) -> tuple[int, Decimal | float]:
    if value is None:
        return (1, 0)
    return (0, sign * value)


def _matching_programs(
    catalog: CollegeCatalog, unitid: int, criteria: CollegeFilter
) -> tuple[ProgramMatch, ...]:
    awards = criteria.awards
    if criteria.cips:
        rows = [
            row
            for prefix in sorted(criteria.cips)
            for row in catalog.program_rows_with_prefix(unitid, prefix)
        ]
        if len(criteria.cips) > 1:  # overlapping prefixes (51, 51.38) must not repeat a row
            rows = sorted(set(rows), key=lambda r: (r[0], r[1].value))
    else:
        rows = list(catalog.program_rows(unitid))
    out = []
    for cip, award, n in rows:
        if awards and award not in awards:
            continue
        out.append(
            ProgramMatch(cip, catalog.cip_title(cip), award, n, catalog.outcome(unitid, cip, award))
        )
    return tuple(out)
