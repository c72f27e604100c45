"""Loading the college catalog: cold (reading the 8 CSV files) vs from the pickle cache.

Run: ``python benchmarks/colleges_load.py``.  Goals: cold < 2 s, cached < 200 ms.  The
baseline measured in the same run is reading the same files with :mod:`csv` alone (no
validation, no catalog), so the ratio shows what validation and building cost.
Medians of several runs (CPU time is printed too: the machine may be shared).  The
program index is built on the first program search, not by the load, and cached in its
own file: two lines show a cold load followed by building it, and a cached load
followed by reading it; the last shows what a user waits for on a cold machine, a cold load
then one program search and its first page (goal < 2 s as well).
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import time
from collections.abc import Callable

from ilpcore.colleges import AwardLevel, CollegeFilter, SortKey, load_colleges, select
from ilpcore.colleges.loading import SOURCE_FILES
from ilpcore.data_location import find_data_dir


def _median(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    root = find_data_dir()

    def bare_csv() -> object:
        rows = 0
        for name in SOURCE_FILES:
            with (root / name).open(encoding="utf-8-sig", newline="") as f:
                rows += sum(1 for _ in csv.reader(f))
        return rows

    with tempfile.TemporaryDirectory() as folder:
        load_colleges(root, cache=folder)  # fill the cache

        def cold() -> object:
            return load_colleges(root, cache=False)

        def cached() -> object:
            return load_colleges(root, cache=folder)

        def index_built() -> object:
            return load_colleges(root, cache=False).program_index()

        def index_cached() -> object:
            return load_colleges(root, cache=folder).program_index()

        nursing = CollegeFilter(
            cips=frozenset({"51.3801"}), awards=frozenset({AwardLevel.BACHELOR})
        )

        def first_search() -> object:
            return select(load_colleges(root, cache=False), nursing, SortKey.EARNINGS)[:20]

        csv_wall, csv_cpu = _median(bare_csv, 5)
        cold_wall, cold_cpu = _median(cold, 5)
        cached_wall, cached_cpu = _median(cached, 9)
        index_cached()  # fill the index cache
        built_wall, built_cpu = _median(index_built, 3)
        both_wall, both_cpu = _median(index_cached, 9)
        first_wall, first_cpu = _median(first_search, 3)
    for label, wall, cpu in (
        ("bare csv.reader of the 8 files", csv_wall, csv_cpu),
        ("cold load (validated catalog)", cold_wall, cold_cpu),
        ("cached load", cached_wall, cached_cpu),
        ("cold load + build program index", built_wall, built_cpu),
        ("cached load + cached program index", both_wall, both_cpu),
        ("cold load + first program search", first_wall, first_cpu),
    ):
        print(f"{label:<32} {wall * 1000:8.1f} ms (cpu {cpu * 1000:.1f} ms)")
    ratio_csv, ratio_cache = cold_wall / csv_wall, cold_wall / cached_wall
    print(f"cold / bare csv: {ratio_csv:.2f}x; cold / cached: {ratio_cache:.1f}x")
    print(f"goals: cold < 2000 ms -> {'met' if cold_wall < 2 else 'NOT met'}; "
          f"cached < 200 ms -> {'met' if cached_wall < 0.2 else 'NOT met'}; "
          f"cold + first search < 2000 ms -> {'met' if first_wall < 2 else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
