"""1,000,000 synthetic students, top 20 each: the NumPy engine against a bare NumPy baseline.

Goal: within 1.5x of the baseline (matrix product + argpartition, in blocks, measured in
the same run) with peak memory under 2 GiB.  The baseline returns the top 20 *unordered*
and without tie-break or exactness checks; the engine returns them ordered by (r, code),
bit-identical to the pure-Python path.

Run: ``python benchmarks/match_batch.py [N]`` (from the repository root).
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

from ilpcore.data_location import find_data_dir
from ilpcore.matching.batch import DEFAULT_BLOCK, rank_batch
from ilpcore.matching.catalog import read_onet
from ilpcore.matching.ranking import InterestIndex

TOP = 20
REPEATS = 3


def baseline(students: Any, vectors: Any, top: int, block: int) -> Any:
    """Centre and normalise, one matrix product and argpartition per block."""
    out = np.empty((students.shape[0], top), dtype=np.int64)
    for first in range(0, students.shape[0], block):
        s = students[first : first + block].astype(np.float64)
        c = s - s.mean(axis=1, keepdims=True)
        u = c / np.linalg.norm(c, axis=1, keepdims=True)
        r = u @ vectors.T
        out[first : first + block] = np.argpartition(-r, top - 1, axis=1)[:, :top]
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    catalog = read_onet(find_data_dir() / "onet" / "db_30_1_text")
    index = InterestIndex.from_catalog(catalog)
    vectors = np.asarray(index.vectors.vectors)
    rng = np.random.default_rng(2026)
    students = rng.integers(0, 41, size=(n, 6), dtype=np.int64)
    flat = (students == students[:, :1]).all(axis=1)
    students[flat, 0] = (students[flat, 0] + 1) % 41  # the baseline cannot handle flat rows
    print(f"{n:,} students x {len(index.rated)} rated occupations ({index.release}), top {TOP}")

    def ours() -> Any:
        return rank_batch(students, index, top=TOP, engine="numpy", best_effort=True)

    def bare() -> Any:
        return baseline(students, vectors, TOP, DEFAULT_BLOCK)

    ours_times, bare_times = [], []
    result: Any = None
    for _ in range(REPEATS):
        t, result = timed(ours)
        ours_times.append(t)
        t, bare_result = timed(bare)
        bare_times.append(t)
    mine, ref = statistics.median(ours_times), statistics.median(bare_times)
    print(f"engine  median {mine:.2f} s  ({[round(t, 2) for t in ours_times]})")
    print(f"baseline median {ref:.2f} s  ({[round(t, 2) for t in bare_times]})")
    print(f"ratio engine / baseline: {mine / ref:.2f} (goal <= 1.5)")
    same = sum(
        set(result.positions[i].tolist()) == set(bare_result[i].tolist()) for i in range(1000)
    )
    print(f"same top-{TOP} sets as the baseline in {same} of the first 1000 students")

    tracemalloc.start()
    ours()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"engine peak traced memory (tracemalloc): {peak / 2**20:.0f} MiB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (getrusage, whole run incl. catalog and baseline): {rss:.0f} MiB")
    print(f"goal: under 2048 MiB -> {'met' if max(rss, peak / 2**20) < 2048 else 'NOT met'}")


if __name__ == "__main__":
    main()
