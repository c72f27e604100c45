"""Peak memory of streaming N synthetic students through batch match (and audit) as N grows.

Each measurement runs in a fresh process, which reports its peak resident set size
(``getrusage``: the whole process, Python and NumPy included) and how long it took.
Streaming should hold the peak flat as N grows; the baseline, measured in the same
run, is the same work on a list of all the plans held at once (what loading every
plan before matching costs).  The audit uses Kentucky's rules for everybody (the
solver is the slow part, and Kentucky's rules are the quick ones).

Run: ``python benchmarks/batch_memory.py [--match N,N,...] [--audit N,N,...] [--baseline N,N]``
(defaults: match 20k,40k,80k; audit 1k,2k,4k; baseline 20k,40k).  For the figures of the
issue: ``--match 100000,250000,500000,1000000``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date

TODAY = date(2026, 11, 23)


def one(kind: str, n: int) -> None:
    """Run one measurement in this process and print it as JSON."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from ilpcore.batch import batch_audit, batch_match
    from ilpcore.data_location import find_data_dir
    from ilpcore.matching.catalog import read_onet
    from ilpcore.matching.ranking import InterestIndex
    from ilpcore.testing.synthetic import synthetic_plans

    index = InterestIndex.from_catalog(read_onet(find_data_dir() / "onet" / "db_30_1_text"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    rows = 0
    if kind == "match":
        for _ in batch_match(synthetic_plans(n), index, top=20, engine="numpy"):
            rows += 1
    elif kind == "baseline":
        plans = list(synthetic_plans(n))
        for _ in batch_match(plans, index, top=20, engine="numpy"):
            rows += 1
    else:
        for _ in batch_audit(synthetic_plans(n), "US-KY", today=TODAY):
            rows += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"kind": kind, "n": n, "rows": rows, "seconds": seconds,
                      "rss_before_mib": before / 1024, "rss_peak_mib": peak / 1024}))  # fmt: skip


def measure(kind: str, n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(n)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--match", default="20000,40000,80000")
    parser.add_argument("--audit", default="1000,2000,4000")
    parser.add_argument("--baseline", default="20000,40000")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "N"))
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]))
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for kind, text in (("match", args.match), ("baseline", args.baseline), ("audit", args.audit)):
        first = None
        for n in sizes(text):
            r = measure(kind, n)
            first = first or r["rss_peak_mib"]
            label = {"match": "batch_match, streamed", "baseline": "batch_match, list held",
                     "audit": "batch_audit (US-KY), streamed"}[kind]  # fmt: skip
            print(f"{label:<32} N={n:>9,}: peak RSS {r['rss_peak_mib']:7.0f} MiB "
                  f"(after loading O*NET {r['rss_before_mib']:.0f} MiB; "
                  f"x{r['rss_peak_mib'] / first:.2f} of the smallest N) "
                  f"{n / r['seconds']:,.0f} students/s", flush=True)  # fmt: skip
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
