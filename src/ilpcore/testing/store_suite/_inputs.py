"""The actors, random plans and audit records the conformance cases use."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import attrs
from hypothesis import strategies as st

from ilpcore.audit import AuditAction, AuditRecord, Outcome
from ilpcore.model import Plan, Role
from ilpcore.store import Actor
from ilpcore.testing import strategies

__all__ = ["COUNSELOR", "STUDENT", "audit_record", "plans"]

COUNSELOR = Actor("counselor-1", Role.COUNSELOR)
STUDENT = Actor("student-1", Role.STUDENT)
_ids = itertools.count()


def _with_unique_student(plan: Plan) -> Plan:
    return attrs.evolve(plan, student=attrs.evolve(plan.student, id=f"H{next(_ids)}"))


def plans() -> st.SearchStrategy[Plan]:
    """Random valid plans (:func:`ilpcore.testing.strategies.plans`), each with a new student id."""
    return strategies.plans(max_items=2).map(_with_unique_student)


_T0 = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def audit_record(
    n: int = 0,
    *,
    actor: Actor = COUNSELOR,
    action: AuditAction = AuditAction.READ,
    student_id: str | None = "S1",
) -> AuditRecord:
    """An allowed audit record, ``n`` minutes after 2026-09-01 08:00 UTC."""
    return AuditRecord(
        _T0 + timedelta(minutes=n), actor.id, actor.role, action, student_id,
        ("goals", "reviews"), 1, Outcome.ALLOWED, "test", "tests",
    )  # fmt: skip
