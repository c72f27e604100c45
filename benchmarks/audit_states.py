"""Solve time of the audit's assignment search on realistic students, per built-in rule set.

Synthetic students (``ilpcore.testing.synthetic.synthetic_plans``) are audited against the
rule set of their state and class; the problems are built before timing, and only
``solve`` is timed.  Students of one rule set are solved in sequence, as a batch does (the
solver's caches are shared across them), in several passes with the caches cleared before
each; each student's time is the least over the passes.

Baselines, measured in the same run on the same problems: the greedy assignment of
``benchmarks/audit_speed.py`` (fast, not optimal), and the search without the block/hub
programme (``ilpcore.requirements.separable``), the solver before it.
Run: ``python benchmarks/audit_states.py [STUDENTS] [PASSES]`` (defaults 600 and 3).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date

from audit_speed import greedy_cost

from ilpcore.batch import audit_inputs
from ilpcore.exceptions import IlpcoreError
from ilpcore.requirements import registry, solver
from ilpcore.requirements.build import build
from ilpcore.requirements.problem import Problem
from ilpcore.requirements.shapes import clear_caches
from ilpcore.testing.synthetic import synthetic_plans

TODAY = date(2026, 11, 23)


def problems(students: int) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = defaultdict(list)
    for plan in synthetic_plans(students, seed=2026):
        student = plan.student
        try:
            rs = registry.find(f"US-{student.school.state}", student.cohort)
        except IlpcoreError:
            continue
        rec = audit_inputs(plan, TODAY)
        built = build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                      ilp_aligned=rec.ilp_aligned)  # fmt: skip
        out[rs.id].append(built.problem)
    return dict(sorted(out.items()))


def timed(fn: Callable[[Problem], object], batch: list[Problem], passes: int) -> list[float]:
    """Per problem, the least time (ms) over ``passes`` passes over the batch."""
    best = [float("inf")] * len(batch)
    for _ in range(passes):
        clear_caches()
        for x, p in enumerate(batch):
            t = time.perf_counter()
            fn(p)
            best[x] = min(best[x], (time.perf_counter() - t) * 1e3)
    return best


def without_programme(p: Problem) -> solver.Solution:
    real = getattr(solver, "follow_exact")  # noqa: B009
    setattr(solver, "follow_exact", lambda *args: None)  # noqa: B010
    try:
        return solver.solve(p)
    finally:
        setattr(solver, "follow_exact", real)  # noqa: B010


def summary(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))], ordered[-1]


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    for rule_set, batch in problems(students).items():
        solved = [solver.solve(p) for p in batch]
        before = [without_programme(p) for p in batch]
        assert all(
            a.choice == b.choice and a.cost == b.cost for a, b in zip(solved, before, strict=True)
        )
        med, p90, worst = summary(timed(solver.solve, batch, passes))
        old_med, old_p90, old_worst = summary(timed(without_programme, batch, passes))
        greedy, _, _ = summary(timed(greedy_cost, batch, passes))
        nodes = [s.nodes_explored for s in solved]
        old_nodes = [s.nodes_explored for s in before]
        print(f"{rule_set} ({len(batch)} students): solve median {med:.2f} ms, p90 {p90:.2f}, "
              f"max {worst:.2f}; nodes median {statistics.median(nodes):.0f}, max {max(nodes)}\n"
              f"    greedy baseline median {greedy:.3f} ms: solve/greedy = {med / greedy:.0f}x\n"
              f"    without the block/hub programme: median {old_med:.2f} ms, p90 {old_p90:.2f}, "
              f"max {old_worst:.2f}; nodes median {statistics.median(old_nodes):.0f}, max "
              f"{max(old_nodes)}; speed-up median {old_med / med:.1f}x, max "
              f"{old_worst / worst:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
