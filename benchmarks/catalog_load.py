"""Benchmark: loading the O*NET 30.1 catalog cold (parse every file) vs from the cache.

Run ``python benchmarks/catalog_load.py [DATA_DIR]`` from the repository root.
Prints the median of several runs of each and the ratio cold / cached.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ilpcore.matching.catalog import default_onet_path, load_onet, read_onet


def _median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    release = default_onet_path(argv[0] if argv else None)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        cold = _median_seconds(lambda: read_onet(release), runs=3)
        load_onet(release, cache=cache)  # fill the cache
        warm = _median_seconds(lambda: load_onet(release, cache=cache), runs=5)
    print(f"O*NET release: {release}")
    print(f"cold load (parse + validate): {cold * 1000:8.1f} ms (median of 3)")
    print(f"cached load:                  {warm * 1000:8.1f} ms (median of 5)")
    print(f"ratio cold / cached:          {cold / warm:8.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
