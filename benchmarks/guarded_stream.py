"""``iter_plans`` through a GuardedStore vs the bare SQLite store it wraps.

Run: ``python benchmarks/guarded_stream.py [PLANS] [RUNS]`` (defaults 2000 and 3).  A
temporary SQLite store is filled with PLANS synthetic plans (not timed); then a district
administrator streams every plan ``RUNS`` times through each of:

* ``bare``: the store's own paged ``iter_plans`` (the baseline, no policy, no log);
* ``guarded``: ``GuardedStore.iter_plans``, each plan decided and withheld as ``load_plan``
  does, its reads logged a page at a time (one transaction per page);
* ``per plan``: what the guarded store did before (``Store.iter_plans``' default: list the
  students, then ``load_plan`` each, one audit write each).

The medians and their ratios to ``bare`` are printed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ilpcore.access.guarded import GuardedStore
from ilpcore.model import Plan, Role
from ilpcore.store import Actor, Store
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.synthetic import synthetic_plans

ADMIN = Actor("da-1", Role.DISTRICT_ADMINISTRATOR)


def per_plan(guarded: GuardedStore) -> Iterator[Plan]:
    return Store.iter_plans(guarded, ADMIN)


def median_seconds(stream: Callable[[], Iterator[Plan]], runs: int, expected: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        count = sum(1 for _ in stream())
        times.append(time.perf_counter() - start)
        assert count == expected, (count, expected)
    return statistics.median(times)


def main(count: int = 2000, runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "s.sqlite3") as store:
        for plan in synthetic_plans(count, seed=7):
            store.save_plan(ADMIN, plan, base_revision=None)
        guarded = GuardedStore(store)
        bare = median_seconds(lambda: store.iter_plans(ADMIN), runs, count)
        streamed = median_seconds(lambda: guarded.iter_plans(ADMIN), runs, count)
        before = median_seconds(lambda: per_plan(guarded), runs, count)
    print(f"iter_plans of {count} synthetic plans on SQLite, median of {runs} runs")
    for name, seconds in (("bare", bare), ("guarded", streamed), ("per plan", before)):
        print(
            f"  {name:<9} {seconds * 1000:9.1f} ms  {count / seconds:8.0f} plans/s"
            f"  x{seconds / bare:5.2f} of bare"
        )
    print(f"  guarded is {before / streamed:.1f}x faster than per plan")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
