"""Dask scaling: the match and audit partition functions on a local cluster of 2 workers vs 1.

The input is a pandas frame of N synthetic students (``student_id`` and the plan as
its JSON document), split into 8 partitions; each cluster runs one worker process per
core with one thread.  Cluster start-up, sending the partitions and the O*NET index to
the workers, and a warm-up run are not timed.  Baseline in the same run: the same
partition function on the whole frame in this process.  Results are checked equal to the baseline.

Run: ``python benchmarks/batch_dask.py [MATCH_N] [AUDIT_N]`` (defaults 6000 and 300).
The machine has 2 cores shared with others: the load average is printed with the figures.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from ilpcore.batch import audit_meta, audit_partition, match_meta, match_partition
from ilpcore.data_location import find_data_dir
from ilpcore.matching.catalog import read_onet
from ilpcore.matching.ranking import InterestIndex
from ilpcore.serialization import dumps
from ilpcore.testing.synthetic import synthetic_plans

TODAY = date(2026, 11, 23)
PARTITIONS = 8


def timed(fn: Callable[[], pd.DataFrame]) -> tuple[float, pd.DataFrame]:
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def on_cluster(
    workers: int, frame: pd.DataFrame, fn: Callable[..., pd.DataFrame], meta: pd.DataFrame,
    *args: Any, **kwargs: Any,
) -> tuple[float, pd.DataFrame]:  # fmt: skip
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    )  # fmt: skip
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        shipped = [client.scatter(a, broadcast=True) for a in args]
        # The partitions are put on the workers first, as if each had read its own part.
        size = -(-len(frame) // PARTITIONS)
        pieces = [frame.iloc[i : i + size] for i in range(0, len(frame), size)]
        parts = dd.from_delayed(client.scatter(pieces), meta=frame.iloc[:0])

        def run() -> pd.DataFrame:
            out: pd.DataFrame = parts.map_partitions(fn, *shipped, meta=meta, **kwargs).compute()
            return out.reset_index(drop=True)

        run()  # warm-up: workers import ilpcore and receive the arguments
        return timed(run)


def main() -> None:
    match_n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    audit_n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    index = InterestIndex.from_catalog(read_onet(find_data_dir() / "onet" / "db_30_1_text"))
    plans = list(synthetic_plans(max(match_n, audit_n), seed=9))
    frame = pd.DataFrame({"student_id": [p.student.id for p in plans],
                          "plan": [dumps(p) for p in plans]})  # fmt: skip
    jobs: list[tuple[str, int, Callable[..., pd.DataFrame], pd.DataFrame, tuple[Any, ...],
                     dict[str, Any]]] = [
        ("match", match_n, match_partition, match_meta(), (index,), {"top": 20}),
        ("audit US-KY", audit_n, audit_partition, audit_meta(), ("US-KY",), {"today": TODAY}),
    ]  # fmt: skip
    for name, n, fn, meta, args, kwargs in jobs:
        part = frame.iloc[:n]
        fn(part.iloc[:50], *args, **kwargs)  # warm-up, as the clusters get
        base_t, expected = timed(partial(fn, part, *args, **kwargs))
        print(f"{name}, {n} students: one process {n / base_t:,.0f} students/s", flush=True)
        times = {}
        for workers in (1, 2):
            t, got = on_cluster(workers, part, fn, meta, *args, **kwargs)
            pd.testing.assert_frame_equal(got, expected)
            times[workers] = t
            print(f"  Dask {workers} worker(s): {n / t:,.0f} students/s "
                  f"({t / base_t:.2f}x the one-process time)", flush=True)  # fmt: skip
        print(f"  speed-up 2 workers vs 1: {times[1] / times[2]:.2f}x")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
