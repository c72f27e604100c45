"""GuardedStore.iter_plans: the same plans, withheld the same way, as load_plan of each."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.access.guarded import GuardedStore
from ilpcore.audit import AuditAction, AuditEntry, AuditQuery, Outcome, verify
from ilpcore.exceptions import AccessDeniedError
from ilpcore.model import Plan, Role
from ilpcore.store import Actor, MemoryStore, Store
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import make_plan
from ilpcore.testing.synthetic import synthetic_plans

from .test_guarded import ADMIN, MAYA, NOW, SCHOOL, _actor_in, maya


def fill(store: Store) -> Store:
    store.save_plan(ADMIN, maya(), base_revision=None)
    store.save_plan(ADMIN, make_plan("S2", school_id=SCHOOL), base_revision=None)
    for plan in synthetic_plans(5, seed=3):
        store.save_plan(ADMIN, plan, base_revision=None)
    return store


def loaded_one_by_one(store: GuardedStore, actor: Actor) -> tuple[list[Plan], list[AuditEntry]]:
    """What load_plan gives ``actor`` for every student (denied ones left out), and its log."""
    before = len(store.inner.audit_log(ADMIN))
    plans = []
    for summary in store.inner.list_plans(ADMIN):
        try:
            plans.append(store.load_plan(actor, summary.student_id))
        except AccessDeniedError:
            continue
    allowed = [
        e for e in store.inner.audit_log(ADMIN)[before:] if e.record.outcome is Outcome.ALLOWED
    ]
    return plans, allowed


@pytest.mark.parametrize("relation", ["self", "guardian", "caseload", "school", "none"])
@pytest.mark.parametrize("role", list(Role))
def test_the_stream_is_load_plan_of_every_readable_student(role: Role, relation: str) -> None:
    actor, family = _actor_in(role, relation)
    inner = fill(MemoryStore())
    store = GuardedStore(inner, relationships=family, clock=lambda: NOW, via="tests")
    expected, expected_log = loaded_one_by_one(store, actor)
    before = len(inner.audit_log(ADMIN))
    streamed = list(store.iter_plans(actor, page_size=2))
    assert streamed == expected
    listing, *reads = inner.audit_log(ADMIN)[before:]
    assert (listing.record.action, listing.record.student_id) == (AuditAction.LIST, None)
    assert [e.record for e in reads] == [e.record for e in expected_log]
    assert verify(inner.audit_log(ADMIN)).ok


def test_every_plan_read_is_found_by_student_in_the_log(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.sqlite3") as inner:
        fill(inner)
        store = GuardedStore(inner, clock=lambda: NOW, via="tests")
        ids = [p.student.id for p in store.iter_plans(ADMIN, page_size=3)]
        assert ids == sorted(s.student_id for s in inner.list_plans(ADMIN))
        for student_id in ids:
            (entry,) = inner.audit_log(ADMIN, AuditQuery(student_id=student_id, actor_id=ADMIN.id))
            r = entry.record
            assert (r.action, r.outcome, r.via, r.at) == (
                AuditAction.READ, Outcome.ALLOWED, "tests", NOW,
            )  # fmt: skip
            assert r.revision == inner.current_revision(ADMIN, student_id)
        assert verify(inner.audit_log(ADMIN)).ok


def test_a_page_is_logged_before_it_is_handed_out() -> None:
    inner = fill(MemoryStore())
    store = GuardedStore(inner, clock=lambda: NOW)
    before = len(inner.audit_log(ADMIN))
    stream = store.iter_plans(ADMIN, page_size=3)
    first = next(stream)
    read = [e.record.student_id for e in inner.audit_log(ADMIN)[before + 1 :]]
    assert read[0] == first.student.id
    assert len(read) == 3  # the whole first page, not the rest
    assert inner.audit_log(ADMIN)[before].record.student_id is None


def test_students_deleted_under_the_stream_are_not_read() -> None:
    inner = fill(MemoryStore())
    store = GuardedStore(inner, clock=lambda: NOW)
    stream = store.iter_plans(ADMIN, page_size=1)
    first = next(stream)
    assert first.student.id == MAYA
    inner.delete_student(ADMIN, "S2")
    rest = [p.student.id for p in stream]
    assert "S2" not in rest
    assert len(rest) == 5
    assert {e.record.student_id for e in inner.audit_log(ADMIN, AuditQuery(
        action=AuditAction.READ))} == {first.student.id, *rest}  # fmt: skip
