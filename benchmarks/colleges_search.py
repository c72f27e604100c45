"""Filtered search over all ~6,000 institutions vs a bare list comprehension over the same rows.

Run: ``python benchmarks/colleges_search.py``.  Goal: a filtered search < 10 ms.  Each
case is timed as a median of many runs; the baseline is a list comprehension that applies
the same institution-level test to ``catalog.institutions`` (no programs, no sorting,
no result objects), measured in the same run.
"""

from __future__ import annotations

import statistics
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


def _median_ms(fn: Callable[[], object], repeats: int = 31) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    catalog = load_colleges()
    near = catalog.locate_zip("40506")
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
            "nursing bachelor's, all states, by earnings",
            CollegeFilter(cips=frozenset({"51.3801"}), awards=frozenset({AwardLevel.BACHELOR})),
            SortKey.EARNINGS,
        ),
        (
            "within 50 miles of Lexington, by distance",
            CollegeFilter(near=near, within_miles=50.0),
            SortKey.DISTANCE,
        ),
        ("no filter (all 6,072, by name)", CollegeFilter(), SortKey.NAME),
    ]
    print(f"{'case':<46} {'select':>9} {'bare':>9} {'ratio':>7} {'rows':>6}")
    for name, criteria, sort in cases:
        select(catalog, criteria, sort)
        ours = _median_ms(lambda c=criteria, s=sort: select(catalog, c, s))  # type: ignore[misc]
        keeps = criteria.keeps
        bare = _median_ms(lambda k=keeps: [i for i in catalog.institutions if k(i)])  # type: ignore[misc]
        rows = select(catalog, criteria, sort).total
        print(f"{name:<46} {ours:8.2f}ms {bare:8.2f}ms {ours / bare:6.1f}x {rows:6d}")
    keyword_search(catalog, "nursing")
    kw = _median_ms(lambda: keyword_search(catalog, "community college"))
    print(f"{'keyword search: community college':<46} {kw:8.2f}ms")


if __name__ == "__main__":
    main()
