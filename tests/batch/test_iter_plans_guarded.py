"""Store.iter_plans through a GuardedStore: the access policy decides and logs every plan."""

from __future__ import annotations

import pytest

from ilpcore.access import Relationships
from ilpcore.access.guarded import GuardedStore
from ilpcore.audit import AuditAction, Outcome, verify
from ilpcore.exceptions import ValidationError
from ilpcore.model import Role
from ilpcore.store import Actor, MemoryStore, PlanQuery
from ilpcore.testing.synthetic import synthetic_plans

ADMIN = Actor("da-1", Role.DISTRICT_ADMINISTRATOR)
COUNSELOR = Actor("c-1", Role.COUNSELOR)
STRANGER = Actor("c-2", Role.COUNSELOR)


@pytest.fixture
def inner() -> MemoryStore:
    store = MemoryStore()
    for plan in synthetic_plans(8, seed=11):
        store.save_plan(ADMIN, plan, base_revision=None)
    return store


def test_each_actor_streams_only_what_the_policy_lets_them_read(inner: MemoryStore) -> None:
    caseload = frozenset({"SYN-00000001", "SYN-00000004"})
    guarded = GuardedStore(inner, relationships=Relationships(caseloads={COUNSELOR.id: caseload}))
    before = len(inner.audit_log(ADMIN))
    mine = list(guarded.iter_plans(COUNSELOR, page_size=3))
    assert [p.student.id for p in mine] == sorted(caseload)
    assert mine == [guarded.load_plan(COUNSELOR, sid) for sid in sorted(caseload)]
    entries = inner.audit_log(ADMIN)[before:]
    assert [e.record.action for e in entries[:3]] == [AuditAction.LIST, AuditAction.READ,
                                                       AuditAction.READ]  # fmt: skip
    assert {e.record.student_id for e in entries[1:3]} == caseload
    assert all(e.record.outcome is Outcome.ALLOWED for e in entries)
    assert list(guarded.iter_plans(STRANGER)) == []
    student = Actor("SYN-00000006", Role.STUDENT)
    assert [p.student.id for p in guarded.iter_plans(student)] == ["SYN-00000006"]
    everyone = list(guarded.iter_plans(ADMIN, PlanQuery(cohort=mine[0].student.cohort)))
    assert {p.student.id for p in everyone} == {
        p.student.id for p in inner.iter_plans(ADMIN) if p.student.cohort == mine[0].student.cohort
    }
    assert verify(inner.audit_log(ADMIN)).ok


def test_withheld_sections_stay_withheld(inner: MemoryStore) -> None:
    guarded = GuardedStore(
        inner, relationships=Relationships(caseloads={"m-1": frozenset({"SYN-00000002"})})
    )
    mentor = Actor("m-1", Role.MENTOR)
    (plan,) = guarded.iter_plans(mentor)
    assert plan == guarded.load_plan(mentor, "SYN-00000002")
    assert inner.load_plan(ADMIN, "SYN-00000002").courses
    assert plan.courses == ()  # a mentor does not see the transcript


def test_a_bad_page_size_is_refused_before_anything_is_read(inner: MemoryStore) -> None:
    guarded = GuardedStore(inner)
    with pytest.raises(ValidationError, match="page_size"):
        guarded.iter_plans(ADMIN, page_size=0)
