"""Audit speed: one 40-course transcript against a real rule set, a batch of students, and the
hard overlapping cases (16 half-credit courses / 4 overlapping areas, 30 / 8; and 30 / 8 with
every course's status drawn at random from the four tiers, over many seeds).

Baseline, measured in the same run: a greedy assignment of the same input (each course, in
transcript order, to the first option that still needs credits) — fast but not optimal.
The solver's caches shared across students are cleared before each timed batch
(:func:`ilpcore.requirements.shapes.clear_caches`), so repeats measure a cold start; a single
audit is timed as a new student of a rule set in use (what depends on the student's courses
cleared, :func:`ilpcore.requirements.blocks.clear_frontiers`) and as the first of its rule set.
Run: ``python benchmarks/audit_speed.py [SEEDS]`` (seeds of the random-tier case, default 40).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal

import attrs

from ilpcore.model import CourseRecord, CourseStatus, Term
from ilpcore.requirements import RuleSet, evaluate, registry, summarize
from ilpcore.requirements.blocks import clear_frontiers
from ilpcore.requirements.build import build
from ilpcore.requirements.shapes import clear_caches
from ilpcore.requirements.solver import Problem, solve
from ilpcore.testing.audit_cases import overlapping_case
from ilpcore.testing.rulesets import CompleteRecord, complete_record

REPEATS = 5
TIERED = (CourseStatus.COMPLETED, CourseStatus.IN_PROGRESS, CourseStatus.REGISTERED,
          CourseStatus.PLANNED)  # fmt: skip


def tiered_case(
    n: int, m: int, seed: int, slack: Decimal
) -> tuple[RuleSet, tuple[CourseRecord, ...]]:
    """:func:`overlapping_case` with each course's status drawn from the four tiers."""
    rs, courses = overlapping_case(n, m, seed=seed, slack=slack)
    rng = random.Random(seed * 7919 + 1)
    return rs, tuple(attrs.evolve(c, status=rng.choice(TIERED)) for c in courses)


def greedy_cost(p: Problem) -> int:
    """The baseline: first option that still needs credits, no search, no bound."""
    have = [0] * len(p.parent)
    for c, opts in enumerate(p.options):
        if not opts:
            continue
        pick = next((o for o in opts if any(have[i] < p.need_credits[i] for i in o)), opts[0])
        for i in pick:
            have[i] += p.course_credits[c]
    return sum(max(0, p.need_credits[i] - have[i]) for i in range(len(p.parent)))


def median_seconds(fn: Callable[[], object], inner: int) -> float:
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times)


def forty_courses(rs: RuleSet) -> CompleteRecord:
    rec = complete_record(rs)
    extra = []
    for i in range(40 - len(rec.courses)):
        status = CourseStatus.PLANNED if i % 3 else CourseStatus.COMPLETED
        extra.append(
            CourseRecord(f"EL{i:02d}", f"Elective {i}", "elective", Term(2023 + i % 4), 9 + i % 4,
                         Decimal("0.5"), status=status)
        )  # fmt: skip
    return CompleteRecord(
        rec.courses + tuple(extra), rec.assessments, rec.milestones, rec.ilp_aligned
    )


def main() -> None:
    rs = registry.find("US-KY", 2027)
    rec = forty_courses(rs)

    def audit() -> object:
        clear_frontiers()  # a new student of a rule set already in use in this process
        return evaluate(rs, rec.courses, assessments=rec.assessments,
                        milestones=rec.milestones, ilp_aligned=rec.ilp_aligned)  # fmt: skip

    def first_audit() -> object:
        clear_caches()  # the first audit of its rule set (and tiers) in this process
        return audit()

    built = build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                  ilp_aligned=rec.ilp_aligned)  # fmt: skip
    one = median_seconds(audit, 20)
    first = median_seconds(first_audit, 20)
    base = median_seconds(lambda: greedy_cost(built.problem), 200)

    def solver() -> object:
        clear_frontiers()
        return solve(built.problem)

    solver_only = median_seconds(solver, 50)
    print(f"{rs.id}, {len(rec.courses)} courses: audit {one * 1e3:.2f} ms, the first of its "
          f"rule set in the process {first * 1e3:.2f} ms (solver {solver_only * 1e3:.2f} ms; "
          f"greedy baseline {base * 1e3:.3f} ms; audit/greedy = {one / base:.0f}x) "
          "goal < 2 ms")  # fmt: skip
    # A batch of different students: each drops some courses and leaves others planned.
    students: list[list[CourseRecord]] = []
    for k in range(100):
        courses = [
            attrs.evolve(c, status=CourseStatus.PLANNED, mark=None) if (i + k) % 7 == 0 else c
            for i, c in enumerate(rec.courses)
            if (i * 3 + k) % 11 != 0
        ]
        students.append(courses)

    def batch() -> None:
        clear_caches()  # each timed batch starts cold (its students share what they share)
        for courses in students:
            evaluate(rs, courses, assessments=rec.assessments, milestones=rec.milestones,
                     ilp_aligned=rec.ilp_aligned)  # fmt: skip

    def summaries() -> None:
        clear_caches()
        for courses in students:
            summarize(rs, courses, assessments=rec.assessments, milestones=rec.milestones,
                      ilp_aligned=rec.ilp_aligned)  # fmt: skip

    def greedy_batch() -> None:
        for courses in students:
            greedy_cost(build(rs, courses, assessments=rec.assessments, milestones=rec.milestones,
                              ilp_aligned=rec.ilp_aligned).problem)  # fmt: skip

    base_per = median_seconds(greedy_batch, 1) / len(students)
    for label, fn in (("summaries (batch rows)", summaries), ("full audit trees", batch)):
        per = median_seconds(fn, 1) / len(students)
        print(f"batch of {len(students)} different students, {label}: {1 / per:,.0f} students/s "
              f"on one core ({per * 1e3:.2f} ms each; build + greedy baseline "
              f"{1 / base_per:,.0f}/s, ratio {per / base_per:.1f}x; goal >= 2,000/s)")  # fmt: skip

    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    times, nodes, greedy = [], [], []
    for seed in range(seeds):
        for slack in (Decimal(0), Decimal("-0.5")):
            b3 = build(*tiered_case(30, 8, seed, slack))
            t = time.perf_counter()
            sol = solve(b3.problem)
            times.append(time.perf_counter() - t)
            nodes.append(sol.nodes_explored)
            tb = time.perf_counter()
            greedy_cost(b3.problem)
            greedy.append(time.perf_counter() - tb)
            assert sol.optimal
    med = statistics.median(times)
    gmed = statistics.median(greedy)
    print(f"30 courses / 8 overlapping areas, random tiers, {len(times)} cases ({seeds} seeds x "
          f"slack 0, -0.5): optimal in median {med * 1e3:.1f} ms, max {max(times) * 1e3:.1f} ms "
          f"(search nodes median {statistics.median(nodes):.0f}, max {max(nodes)}); greedy "
          f"{gmed * 1e3:.3f} ms, ratio {med / gmed:.0f}x")  # fmt: skip

    for n, m in ((16, 4), (30, 8)):
        for slack in (Decimal(0), Decimal("-0.5")):
            times, nodes, gaps = [], [], []
            for seed in range(5):
                rs2, case = overlapping_case(n, m, seed=seed, slack=slack)
                b2 = build(rs2, case)
                t = time.perf_counter()
                sol = solve(b2.problem)
                times.append(time.perf_counter() - t)
                nodes.append(sol.nodes_explored)
                tb = time.perf_counter()
                g = greedy_cost(b2.problem)
                gaps.append((g, time.perf_counter() - tb))
                assert sol.optimal
            med = statistics.median(times)
            gmed = statistics.median(x[1] for x in gaps)
            print(f"{n} courses / {m} overlapping areas, slack {slack}: optimal in "
                  f"median {med * 1e3:.1f} ms, max {max(times) * 1e3:.1f} ms "
                  f"(search nodes median {statistics.median(nodes):.0f}); greedy "
                  f"{gmed * 1e3:.3f} ms, ratio {med / gmed:.0f}x")  # fmt: skip


if __name__ == "__main__":
    main()
