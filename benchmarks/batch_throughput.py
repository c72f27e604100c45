"""Students per second for batch match and batch audit on one core, against the plain loop.

Baselines, measured in the same run on the same synthetic students:

* match: for each student, read the scores (``from_assessment``) and call
  ``rank_interests`` (the single-student function) -- what a script would do today;
* audit: for each student, ``registry.find`` the rule set of their state and class and
  ``evaluate`` the plan, building the full audit tree (the batch picks each rule set once
  and makes its rows from :func:`~ilpcore.requirements.summarize`: same assignment, no tree).

Audits are timed over every state, then one rule set at a time (the rate of each real rule
set; the goal is 2,000 students/s per core).

Plans are made before timing (generation is not measured).  NumPy is held to one thread.
Run: ``python benchmarks/batch_throughput.py [MATCH_N] [AUDIT_N]`` (defaults 10000 and 150).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

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

    a = plans[:audit_n]
    t_batch, rows = timed(lambda: sum(1 for _ in batch_audit(a, today=TODAY)))
    t_loop, _ = timed(lambda: audit_loop(a))
    print(f"batch_audit {audit_n} students (every state): {audit_n / t_batch:,.1f} students/s; "
          f"baseline loop {audit_n / t_loop:,.1f}/s; ratio {t_loop / t_batch:.2f}x")  # fmt: skip
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
        t_batch, _ = timed(partial(batch_rows, group))
        t_loop, _ = timed(partial(audit_loop, group))
        n = len(group)
        print(f"batch_audit {n} students of {rule_set_id}: {n / t_batch:,.0f} students/s; "
              f"baseline loop {n / t_loop:,.0f}/s; ratio {t_loop / t_batch:.2f}x")  # fmt: skip
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
