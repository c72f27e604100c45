"""The lean paths agree with the full audit: summaries, batch rows, determined problems."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.batch import audit_inputs
from ilpcore.batch.audit import audit_row
from ilpcore.exceptions import IlpcoreError
from ilpcore.model import CourseRecord, CourseStatus, Plan
from ilpcore.requirements import (
    Audit,
    AuditNode,
    Override,
    OverrideAction,
    RuleSet,
    evaluate,
    registry,
    summarize,
)
from ilpcore.requirements import solver as solver_module
from ilpcore.requirements.build import build
from ilpcore.requirements.determined import determined_solution
from ilpcore.requirements.solver import solve
from ilpcore.testing.synthetic import synthetic_plans

from .test_optimality import courses, rule_sets

TODAY = date(2026, 11, 23)


def _planned_for_builtin() -> list[tuple[Plan, RuleSet]]:
    out = []
    for plan in synthetic_plans(400, seed=11):
        s = plan.student
        try:
            out.append((plan, registry.find(f"US-{s.school.state}", s.cohort)))
        except IlpcoreError:
            continue
    return out


PLANS = _planned_for_builtin()


def _earned(node: AuditNode) -> Decimal:
    done = (a.credits for a in node.applied if a.status is CourseStatus.COMPLETED)
    return sum(done, Decimal(0))


def _row_from_tree(audit: Audit) -> tuple[object, ...]:
    """The batch row's audit columns, read from the full tree (how rows were made before)."""
    root = audit.root
    areas = tuple(
        (
            n.path,
            n.title,
            n.status.value,
            _earned(n),
            n.counted_credits,
            n.required_credits,
            n.missing_credits,
        )
        for n in root.children
    )
    missing = tuple(f"{n.path or '(total)'}: {n.needed}" for n in audit.missing())
    return (audit.status.value, audit.satisfied, _earned(root), root.counted_credits,
            root.required_credits, areas, missing, audit.optimal)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_sets(), courses(), st.data())
def test_summary_is_the_full_audits(
    rs: RuleSet, record: list[CourseRecord], data: st.DataObject
) -> None:
    overrides: tuple[Override, ...] = ()
    waive = data.draw(st.booleans())
    if waive and rs.requirements:
        path = data.draw(st.sampled_from([r.id for r in rs.requirements]))
        overrides = (Override(OverrideAction.WAIVE, path, "counselor", "test"),)
    full = evaluate(rs, record, overrides=overrides)
    assert summarize(rs, record, overrides=overrides) == full.summary()


@pytest.mark.parametrize("k", range(0, len(PLANS), max(1, len(PLANS) // 40)))
def test_batch_rows_match_the_full_audit_on_real_rule_sets(k: int) -> None:
    plan, rs = PLANS[k]
    rec = audit_inputs(plan, TODAY)
    full = evaluate(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                    ilp_aligned=rec.ilp_aligned)  # fmt: skip
    row = audit_row(plan, rs, TODAY)
    areas = tuple(
        (a.path, a.title, a.status, a.earned, a.counted, a.required, a.missing) for a in row.areas
    )
    got = (row.status, row.satisfied, row.credits_earned, row.credits_counted,
           row.credits_required, areas, row.missing, row.optimal)  # fmt: skip
    assert got == _row_from_tree(full)


def test_every_builtin_rule_set_is_reached() -> None:
    assert len({rs.id for _, rs in PLANS}) >= 4


def test_determined_problems_get_what_the_search_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = []
    for plan, rs in PLANS:
        rec = audit_inputs(plan, TODAY)
        p = build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                  ilp_aligned=rec.ilp_aligned).problem  # fmt: skip
        if determined_solution(p) is not None:
            problems.append(p)
    assert len(problems) >= 20
    shortcut = [solve(p) for p in problems]
    monkeypatch.setattr(solver_module, "determined_solution", lambda p, capped=None: None)
    for p, quick in zip(problems, shortcut, strict=True):
        searched = solve(p)
        assert (quick.choice, quick.cost, quick.optimal) == (
            searched.choice,
            searched.cost,
            searched.optimal,
        )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_sets(), courses())
def test_determined_costs_match_the_search_on_random_rule_sets(
    rs: RuleSet, record: list[CourseRecord]
) -> None:
    p = build(rs, record).problem
    quick = determined_solution(p)
    if quick is None:
        assert (
            any(len(o) > 1 for o in p.options)
            or p.caps
            or any(m is not None for m in p.max_credits)
        )
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(solver_module, "determined_solution", lambda p, capped=None: None)
        searched = solve(p)
    assert (quick.choice, quick.cost) == (searched.choice, searched.cost)
