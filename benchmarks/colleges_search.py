"""Filtered search over all ~6,000 institutions, indexed vs the plain scan, same run.

Run: ``python benchmarks/colleges_search.py``.  Goal: a filtered search < 10 ms.  Each
case is timed as a median of many runs, by the wall clock (``--cpu``: CPU time of this
process, steadier when the machine is shared):

* ``select``: :func:`~ilpcore.colleges.select`, the search (filter and sort; a program
  search builds its colleges when they are read);
* ``+page``: the search plus building the first 20 colleges with their programs (what
  ``ilp colleges search`` and a notebook show first);
* ``scan``: the baseline, :func:`~ilpcore.colleges.selector.select_by_scan`, which visits
  every candidate institution and its programs and builds every result (what ``select``
  did before the program index);
* ``bare``: a list comprehension applying only the institution-level test (no programs,
  no sorting, no result objects), a floor for institution filters.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from ilpcore.colleges import (
    AwardLevel,
    CollegeFilter,
    Control,
    Level,
    SortKey,
    keyword_search,
    load_colleges,
    select,
)
from ilpcore.colleges.selector import select_by_scan

CLOCK = time.process_time if "--cpu" in sys.argv else time.perf_counter


def _median_ms(fn: Callable[[], object], repeats: int = 31) -> float:
    samples = []
    for _ in range(repeats):
        start = CLOCK()
        fn()
        samples.append(CLOCK() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    catalog = load_colleges()
    near = catalog.locate_zip("40506")
    nursing_bachelor = CollegeFilter(
        cips=frozenset({"51.3801"}), awards=frozenset({AwardLevel.BACHELOR})
    )
    cases: list[tuple[str, CollegeFilter, SortKey]] = [
        ("state KY", CollegeFilter(states=frozenset({"KY"})), SortKey.NAME),
        (
            "4-year public, rural or town",
            CollegeFilter(
                levels=frozenset({Level.FOUR_YEAR}),
                controls=frozenset({Control.PUBLIC}),
                community_kinds=frozenset({"rural", "town"}),
            ),
            SortKey.COMPLETIONS,
        ),
        (
            "within 50 miles of Lexington, by distance",
            CollegeFilter(near=near, within_miles=50.0),
            SortKey.DISTANCE,
        ),
        ("no filter (all 6,072, by name)", CollegeFilter(), SortKey.NAME),
        ("nursing bachelor's (CIP 6), US, by earnings", nursing_bachelor, SortKey.EARNINGS),
        (
            "nursing bachelor's (CIP 6), US, by debt/earn",
            nursing_bachelor,
            SortKey.DEBT_TO_EARNINGS,
        ),
        (
            "health (CIP 2), every award, US, by completions",
            CollegeFilter(cips=frozenset({"51"})),
            SortKey.COMPLETIONS,
        ),
        (
            "health (CIP 2) bachelor's, US, by earnings",
            CollegeFilter(cips=frozenset({"51"}), awards=frozenset({AwardLevel.BACHELOR})),
            SortKey.EARNINGS,
        ),
        (
            "business admin (CIP 4) bachelor's, TX, by debt",
            CollegeFilter(
                cips=frozenset({"52.02"}),
                awards=frozenset({AwardLevel.BACHELOR}),
                states=frozenset({"TX"}),
            ),
            SortKey.DEBT,
        ),
        (
            "computing (CIP 2), 4-year public, by earnings",
            CollegeFilter(
                cips=frozenset({"11"}),
                levels=frozenset({Level.FOUR_YEAR}),
                controls=frozenset({Control.PUBLIC}),
            ),
            SortKey.EARNINGS,
        ),
        (
            "associate, any program, US, by debt/earn",
            CollegeFilter(awards=frozenset({AwardLevel.ASSOCIATE})),
            SortKey.DEBT_TO_EARNINGS,
        ),
        (
            "nursing (CIP 4) within 150 mi, by distance",
            CollegeFilter(cips=frozenset({"51.38"}), near=near, within_miles=150.0),
            SortKey.DISTANCE,
        ),
    ]
    print(
        f"{'case':<48} {'select':>9} {'+page':>9} {'scan':>9} {'scan/sel':>8}"
        f" {'bare':>8} {'rows':>6}"
    )
    worst = 0.0
    for name, criteria, sort in cases:
        assert select(catalog, criteria, sort) == select_by_scan(catalog, criteria, sort)
        ours = _median_ms(lambda c=criteria, s=sort: select(catalog, c, s))  # type: ignore[misc]
        page = _median_ms(lambda c=criteria, s=sort: select(catalog, c, s)[:20])  # type: ignore[misc]
        scan = _median_ms(lambda c=criteria, s=sort: select_by_scan(catalog, c, s), 11)  # type: ignore[misc]
        keeps = criteria.keeps
        bare = _median_ms(lambda k=keeps: [i for i in catalog.institutions if k(i)])  # type: ignore[misc]
        rows = select(catalog, criteria, sort).total
        worst = max(worst, page)
        print(
            f"{name:<48} {ours:8.2f}ms {page:8.2f}ms {scan:8.2f}ms {scan / ours:7.1f}x"
            f" {bare:7.2f}ms {rows:6d}"
        )
    clock = "CPU" if CLOCK is time.process_time else "wall"
    print(f"slowest search + first page: {worst:.2f} ms {clock} (goal < 10 ms)")
    keyword_search(catalog, "nursing")
    kw = _median_ms(lambda: keyword_search(catalog, "community college"))
    print(f"{'keyword search: community college':<46} {kw:8.2f}ms")


if __name__ == "__main__":
    main()
