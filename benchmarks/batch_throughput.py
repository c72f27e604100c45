"""Students per second for batch match and batch audit on one core, against the plain loop.

Baselines, measured in the same run on the same synthetic students:

* match: for each student, read the scores (``from_assessment``) and call
  ``rank_interests`` (the single-student function) -- what a script would do today;
* audit: for each student, ``registry.find`` the rule set of their state and class and
  ``evaluate`` the plan, building the full audit tree (the batch picks each rule set once
  and makes its rows from :func:`~ilpcore.requirements.summarize`: same assignment, no tree).

Audits are timed over every state, then one rule set at a time (the rate of each real rule
set; the goal is 2,000 students/s per core), five runs each, batch and loop in turn: the
median and the best are printed.

Plans are made before timing (generation is not measured).  NumPy is held to one thread.
Run: ``python benchmarks/batch_throughput.py [MATCH_N] [AUDIT_N]`` (defaults 10000 and 150).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date  # noqa: E402
from functools import partial  # noqa: E402

from ilpcore.batch import audit_inputs, batch_audit, batch_match  # noqa: E402
from ilpcore.data_location import find_data_dir  # noqa: E402
from ilpcore.exceptions import IlpcoreError  # noqa: E402
from ilpcore.matching import from_assessment, rank_interests  # noqa: E402
from ilpcore.matching.batch import Engine  # noqa: E402
from ilpcore.matching.catalog import read_onet  # noqa: E402
from ilpcore.matching.ranking import InterestIndex  # noqa: E402
from ilpcore.model import AssessmentKind, Plan  # noqa: E402
from ilpcore.requirements import evaluate, registry  # noqa: E402
from ilpcore.requirements.shapes import clear_caches  # noqa: E402
from ilpcore.testing.synthetic import synthetic_plans  # noqa: E402

TODAY = date(2026, 11, 23)
TOP = 20
REPEAT = 5
"""Timed runs of each rule set's batch (and of its baseline loop), in turn."""


def timed(fn: Callable[[], int]) -> tuple[float, int]:
    clear_caches()  # every timed run starts with the solver's cross-student caches empty
    t = time.perf_counter()
    n = fn()
    return time.perf_counter() - t, n


def match_loop(plans: list[Plan], index: InterestIndex) -> int:
    rows = 0
    for p in plans:
        found = [a for a in p.assessments if a.kind is AssessmentKind.INTEREST]
        if not found:
            rows += 1
            continue
        scores = from_assessment(found[-1])
        try:
            rows += len(rank_interests(scores, index, top=TOP, today=TODAY).matches)
        except IlpcoreError:
            rows += 1
    return rows


def audit_loop(plans: list[Plan]) -> int:
    rows = 0
    for p in plans:
        s = p.student
        try:
            rs = registry.find(f"US-{s.school.state}", s.cohort)
        except IlpcoreError:
            rows += 1
            continue
        rec = audit_inputs(p, TODAY)
        evaluate(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                 ilp_aligned=rec.ilp_aligned)  # fmt: skip
        rows += 1
    return rows


def batch_rows(plans: list[Plan]) -> int:
    return sum(1 for _ in batch_audit(plans, today=TODAY))


def compare_audits(label: str, group: list[Plan]) -> None:
    """The batch and the baseline loop over ``group``, timed in turn ``REPEAT`` times each (the
    VM's speed drifts by up to 2x within minutes): the median and the best of each."""
    batch_times, loop_times = [], []
    for _ in range(REPEAT):
        batch_times.append(timed(partial(batch_rows, group))[0])
        loop_times.append(timed(partial(audit_loop, group))[0])
    n = len(group)
    t_batch, t_loop = statistics.median(batch_times), statistics.median(loop_times)
    print(f"batch_audit {n} students of {label}: median {n / t_batch:,.0f} students/s "
          f"(best {n / min(batch_times):,.0f}); baseline loop median {n / t_loop:,.0f}/s "
          f"(best {n / min(loop_times):,.0f}); ratio of medians {t_loop / t_batch:.2f}x"
          )  # fmt: skip


def main() -> None:
    match_n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    audit_n = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    index = InterestIndex.from_catalog(read_onet(find_data_dir() / "onet" / "db_30_1_text"))
    plans = list(synthetic_plans(max(match_n, audit_n), seed=2026))

    m = plans[:match_n]
    engines: tuple[Engine, ...] = ("numpy", "python")
    for warm in engines:  # warm-up: imports, first-call set-up
        sum(1 for _ in batch_match(plans[:200], index, top=TOP, engine=warm))
    match_loop(plans[:200], index)
    rates = {}
    for engine in engines:

        def run(engine: Engine = engine) -> int:
            return sum(1 for _ in batch_match(m, index, top=TOP, engine=engine))

        t_batch, rows = timed(run)
        rates[engine] = match_n / t_batch
        print(f"batch_match ({engine}) {match_n} students: {rates[engine]:,.0f} students/s "
              f"({rows} rows)")  # fmt: skip
    numpy_rate = rates["numpy"]
    t_loop, loop_rows = timed(lambda: match_loop(m, index))
    loop_rate = match_n / t_loop
    print(f"baseline loop of rank_interests: {loop_rate:,.0f} students/s ({loop_rows} rows)")
    print(f"ratio batch_match (numpy) / loop: {numpy_rate / loop_rate:.1f}x")

    compare_audits("every state", plans[:audit_n])
    # One rule set at a time: how fast each real rule set is audited in a batch.
    by_rule_set: dict[str, list[Plan]] = {}
    for p in plans:
        s = p.student
        try:
            rs = registry.find(f"US-{s.school.state}", s.cohort)
        except IlpcoreError:
            continue
        group = by_rule_set.setdefault(rs.id, [])
        if len(group) < audit_n:
            group.append(p)
    for rule_set_id, group in sorted(by_rule_set.items()):
        compare_audits(rule_set_id, group)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
