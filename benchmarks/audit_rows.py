"""The work of a batch audit row around the solver, per student, for each real rule set.

A row of :func:`ilpcore.batch.batch_audit` reads the plan (``audit_inputs``), builds the
solver's problem, solves it, tallies the assignment and makes the row.  Here every student's
solution is found first (not timed); the timed loops then replace ``solve`` by a look-up of
that solution, so they measure everything but the search.

Baseline, measured in the same run on the same students: the same row made from the full
audit tree (``evaluate`` and ``Audit.summary()``, also with the search replaced), as rows
were made before the lean summary.

Run: ``python benchmarks/audit_rows.py [N]`` (students per rule set, default 1000).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import date

from ilpcore.batch import AreaResult, AuditRow, audit_inputs
from ilpcore.batch.audit import audit_row
from ilpcore.exceptions import IlpcoreError
from ilpcore.model import Plan
from ilpcore.requirements import RuleSet, evaluate, registry
from ilpcore.requirements import audit as audit_module
from ilpcore.requirements import summary as summary_module
from ilpcore.requirements.build import build
from ilpcore.requirements.problem import Problem, Solution
from ilpcore.requirements.solver import solve
from ilpcore.testing.synthetic import synthetic_plans

TODAY = date(2026, 11, 23)
RULE_SETS = ("US-TX-foundation-2022", "US-IN-core40-2023", "US-WA-24-credit-2020",
             "US-KY-minimum-2024")  # fmt: skip
REPEATS = 5


def tree_row(plan: Plan, rs: RuleSet) -> AuditRow:
    """The baseline: the row read from the full audit tree."""
    s = plan.student
    rec = audit_inputs(plan, TODAY)
    audit = evaluate(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                     ilp_aligned=rec.ilp_aligned)  # fmt: skip
    summary = audit.summary()
    return AuditRow(
        s.id, s.school.id, s.cohort, rs.id, summary.status.value, summary.satisfied,
        summary.credits_earned, summary.credits_counted, summary.credits_required,
        tuple(AreaResult(a.path, a.title, a.status.value, a.earned, a.counted, a.required,
                         a.missing) for a in summary.areas),
        tuple(f"{path or '(total)'}: {needed}" for path, needed in summary.missing),
        summary.optimal,
    )  # fmt: skip


def best_seconds(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def measure(rs: RuleSet, plans: list[Plan]) -> tuple[float, float]:
    """Seconds for the batch rows and for the baseline rows of ``plans``, search replaced."""
    solutions: list[Solution] = []
    for plan in plans:
        rec = audit_inputs(plan, TODAY)
        built = build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                      ilp_aligned=rec.ilp_aligned)  # fmt: skip
        solutions.append(solve(built.problem))
    current: list[Solution] = []

    def known(p: Problem, node_limit: int = 0) -> Solution:
        return current[0]

    def rows(make: Callable[[Plan], object]) -> None:
        for plan, solution in zip(plans, solutions, strict=True):
            current[:] = [solution]
            make(plan)

    use_solver(known)
    try:
        batch = best_seconds(lambda: rows(lambda p: audit_row(p, rs, TODAY)))
        tree = best_seconds(lambda: rows(lambda p: tree_row(p, rs)))
    finally:
        use_solver(solve)
    return batch, tree


def use_solver(fn: Callable[..., Solution], name: str = "solve") -> None:
    """Make ``summarize`` and ``evaluate`` call ``fn`` for the search."""
    for module in (summary_module, audit_module):
        setattr(module, name, fn)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    groups: dict[str, list[Plan]] = {rid: [] for rid in RULE_SETS}
    for plan in synthetic_plans(20 * n, seed=2026):
        s = plan.student
        try:
            rid = registry.find(f"US-{s.school.state}", s.cohort).id
        except IlpcoreError:
            continue
        if rid in groups and len(groups[rid]) < n:
            groups[rid].append(plan)
        if all(len(g) >= n for g in groups.values()):
            break
    for rid, plans in groups.items():
        batch, tree = measure(registry.get(rid), plans)
        per = len(plans) / 1e3
        print(f"{rid} ({len(plans)} students), all but the search: batch row "
              f"{batch / per:.3f} ms/student; baseline row from the tree {tree / per:.3f} "
              f"ms/student; ratio {tree / batch:.2f}x")  # fmt: skip
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
