"""Goals over time: overdue benchmarks, revising a goal with its history, stale assessments."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs

from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    Benchmark,
    BenchmarkStatus,
    Goal,
    GoalStatus,
    Plan,
    ProgressNote,
    evolve,
)

__all__ = [
    "DEFAULT_RETAKE_AFTER",
    "OverdueBenchmark",
    "overdue_benchmarks",
    "revise_goal",
    "stale_assessments",
]

DEFAULT_RETAKE_AFTER = timedelta(days=365)
"""Interests change in adolescence: after a year, suggest taking the inventory again."""


@attrs.frozen
class OverdueBenchmark:
    goal: Goal
    benchmark: Benchmark
    due_on: date
    """The benchmark's target date, or June 30 of the school year of its grade level."""


def _due_date(plan: Plan, benchmark: Benchmark) -> date:
    if benchmark.target_date is not None:
        return benchmark.target_date
    # Grade 12 ends in June of the cohort year; each grade before, a year earlier.
    return date(plan.student.cohort - (12 - benchmark.grade_level), 6, 30)


def overdue_benchmarks(plan: Plan, today: date) -> tuple[OverdueBenchmark, ...]:
    """Pending benchmarks of current goals whose due date is before ``today``, oldest first.

    >>> from ilpcore.samples import sample_plan
    >>> [o.benchmark.id for o in overdue_benchmarks(sample_plan(), date(2028, 1, 2))]
    ['B-apply']
    """
    pending = [
        OverdueBenchmark(goal, b, _due_date(plan, b))
        for goal in plan.current_goals()
        if goal.status is not GoalStatus.ACHIEVED
        for b in goal.benchmarks
        if b.status is BenchmarkStatus.PENDING
    ]
    found = [o for o in pending if o.due_on < today]
    return tuple(sorted(found, key=lambda o: (o.due_on, o.goal.id, o.benchmark.id)))


def revise_goal(plan: Plan, goal_id: str, new_id: str, on: date, **changes: Any) -> Plan:
    """Replace a goal by a revised copy, keeping the old one (status ``revised``) as history.

    The new goal gets ``changes``, ``replaces=goal_id``, ``set_on=on`` and a progress
    note saying it was revised.

    >>> from ilpcore.samples import sample_plan
    >>> plan = revise_goal(sample_plan(), "G-nurse", "G-nurse-2", date(2026, 1, 5),
    ...                    title="Become a pediatric nurse")
    >>> [(g.id, g.status.value) for g in plan.goals][:1], plan.goal("G-nurse-2").replaces
    ([('G-nurse', 'revised')], 'G-nurse')
    """
    old = plan.goal(goal_id)
    note = ProgressNote(on, f"Revised from goal {goal_id!r}")
    new = evolve(
        old,
        id=new_id,
        replaces=goal_id,
        set_on=on,
        progress=(*old.progress, note),
        **changes,
    )
    goals = tuple(
        evolve(g, status=GoalStatus.REVISED) if g.id == goal_id else g for g in plan.goals
    )
    return evolve(plan, goals=(*goals, new))


def stale_assessments(
    plan: Plan,
    today: date,
    retake_after: timedelta = DEFAULT_RETAKE_AFTER,
    kinds: frozenset[AssessmentKind] = frozenset(
        {AssessmentKind.INTEREST, AssessmentKind.WORK_VALUES}
    ),
) -> tuple[AssessmentResult, ...]:
    """The newest result of each instrument of ``kinds`` that is older than ``retake_after``.

    Only the newest result per instrument counts: an old result already retaken is not stale.

    >>> from ilpcore.samples import sample_plan
    >>> [a.id for a in stale_assessments(sample_plan(), date(2026, 11, 1))]
    ['AS-ip-2025']
    """
    newest: dict[str, AssessmentResult] = {}
    for a in plan.assessments:
        if a.kind in kinds and (
            a.instrument.id not in newest or a.taken_on > newest[a.instrument.id].taken_on
        ):
            newest[a.instrument.id] = a
    return tuple(
        a
        for a in sorted(newest.values(), key=lambda a: a.taken_on)
        if today - a.taken_on > retake_after
    )
