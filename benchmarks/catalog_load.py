"""Benchmark: loading the career catalog cold vs from the cache, and keyword search.

Run ``python benchmarks/catalog_load.py [DATA_DIR]`` from the repository root.

* cold: parse and validate the O*NET 30.1 release, the career clusters, the OEWS
  wages and the EP projections, and build the search index (no cache);
* cached: the same catalog from the pickle cache (the baseline is the cold load,
  measured in the same run; the ratio is cold / cached);
* O*NET only: the O*NET release alone, cold and cached;
* search: keyword queries against the loaded catalog (median per query), and
  the one-off index build they need, for comparison.

The machine is noisy: every figure is the median of several runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ilpcore.matching import load_catalog, search
from ilpcore.matching.catalog import default_onet_path, load_onet, read_onet
from ilpcore.matching.search import SearchIndex

QUERIES = ("nurse", "software developers", "chef", "teach children", "truck driver", "art")


def _median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _line(label: str, seconds: float, runs: int) -> None:
    print(f"{label:<44} {seconds * 1000:9.1f} ms  (median of {runs})")


def main(argv: list[str]) -> None:
    data = argv[0] if argv else None
    release = default_onet_path(data)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        cold = _median_seconds(lambda: load_catalog(data, cache=False), runs=3)
        load_catalog(data, cache=cache)  # fill the cache
        warm = _median_seconds(lambda: load_catalog(data, cache=cache), runs=5)
        onet_cold = _median_seconds(lambda: read_onet(release), runs=3)
        load_onet(release, cache=cache)
        onet_warm = _median_seconds(lambda: load_onet(release, cache=cache), runs=5)
        catalog = load_catalog(data, cache=cache)
    index_build = _median_seconds(lambda: SearchIndex(catalog), runs=3)

    def one_query(query: str) -> Callable[[], object]:
        return lambda: search(catalog, query)

    per_query = statistics.median(_median_seconds(one_query(q), runs=5) for q in QUERIES)
    print(f"data: {release.parent.parent}")
    _line("full catalog, cold (O*NET + joins + index)", cold, 3)
    _line("full catalog, cached", warm, 5)
    print(f"{'  ratio cold / cached':<44} {cold / warm:9.1f}x")
    _line("O*NET release only, cold", onet_cold, 3)
    _line("O*NET release only, cached", onet_warm, 5)
    print(f"{'  ratio cold / cached':<44} {onet_cold / onet_warm:9.1f}x")
    _line("search index build (once per catalog)", index_build, 3)
    _line(f"keyword search, median of {len(QUERIES)} queries", per_query, 5)
    print(f"{'  ratio index build / one search':<44} {index_build / per_query:9.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
