"""One student against the full O*NET 30.1 catalog, top 20, in pure Python.

Goal: under 0.2 ms median.  Measured: :func:`rank_interests` (profile checks, search,
20 explained matches whose explanations are computed on access), the search alone,
and the reference: a bare pure-Python loop scoring every precomputed normalised
vector (no selection at all).  Students are 500 random raw score profiles (0-40).

Run: ``python benchmarks/match_single.py`` (from the repository root).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date

from ilpcore.data_location import find_data_dir
from ilpcore.matching._vectors import unit_vector
from ilpcore.matching.catalog import read_onet
from ilpcore.matching.ranking import InterestIndex, rank_interests

TOP = 20
ROUNDS = 15
TODAY = date(2026, 11, 23)


def per_student(fn: Callable[[Sequence[int]], object], students: list[tuple[int, ...]]) -> float:
    """Seconds per student for one pass over all students."""
    t = time.perf_counter()
    for s in students:
        fn(s)
    return (time.perf_counter() - t) / len(students)


def main() -> None:
    catalog = read_onet(find_data_dir() / "onet" / "db_30_1_text")
    index = InterestIndex.from_catalog(catalog)
    rng = random.Random(2026)
    students = [tuple(rng.randint(0, 40) for _ in range(6)) for _ in range(600)]
    students = [s for s in students if len(set(s)) > 1][:500]
    vectors = index.vectors.vectors

    def ranked(s: Sequence[int]) -> object:
        return rank_interests(s, index, top=TOP, today=TODAY)

    def ranked_explained(s: Sequence[int]) -> object:
        result = rank_interests(s, index, top=TOP, today=TODAY)
        return [(m.contributions, m.iachan_m, m.brown_gore_c) for m in result.matches]

    def search(s: Sequence[int]) -> object:
        u = unit_vector(s)
        assert u is not None
        return index.vectors.top(u, TOP)

    def bare_loop(s: Sequence[int]) -> object:
        u = unit_vector(s)
        assert u is not None
        a0, a1, a2, a3, a4, a5 = u
        return [
            a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5
            for x0, x1, x2, x3, x4, x5 in vectors
        ]

    runs: dict[str, list[float]] = {
        "rank_interests": [],
        "rank_interests + all explanations": [],
        "search only": [],
        "bare loop (reference)": [],
    }
    fns = (ranked, ranked_explained, search, bare_loop)
    for _ in range(ROUNDS):  # interleaved, so load changes hit every variant alike
        for name, fn in zip(runs, fns, strict=True):
            runs[name].append(per_student(fn, students))
    ref = statistics.median(runs["bare loop (reference)"])
    print(f"{len(students)} students x {len(vectors)} rated occupations ({index.release}), "
          f"top {TOP}; median of {ROUNDS} rounds")  # fmt: skip
    for name, times in runs.items():
        med = statistics.median(times)
        print(f"{name:36s} {med * 1e3:.3f} ms  ratio to bare loop {med / ref:.2f}")
    goal = statistics.median(runs["rank_interests"])
    print(f"goal < 0.200 ms median for rank_interests: {'met' if goal < 2e-4 else 'NOT met'}")


if __name__ == "__main__":
    main()
