"""The review step of the demo: a review with three sign-offs, through the policy, audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.audit import AuditAction, Outcome, verify
from ilpcore.audit.demo import review_cycle_step
from ilpcore.cli.store_demo import store_step
from ilpcore.demo_steps import DemoContext
from ilpcore.lifecycle import diff_plans
from ilpcore.model import Role
from ilpcore.samples import sample_plan
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore


def test_a_review_cycle_after_the_store_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for run in range(2):  # the demo can run again on the same store
        context = DemoContext(sample_plan(), SQLiteStore(tmp_path / "demo.sqlite3"))
        store_step(context)
        first = context.plan.revision
        section = review_cycle_step(context)
        review = context.plan.reviews[-1]
        assert (review.revision_before, review.revision_after) == (first, first + 1)
        assert context.plan.revision == first + 4
        assert [s.role for s in review.sign_offs] == [
            Role.COUNSELOR, Role.STUDENT, Role.PARENT_GUARDIAN,
        ]  # fmt: skip
        assert "~ goals[G-speak].status: 'not_started' -> 'in_progress'" in section.text
        assert "Hash chain: OK" in section.text
        assert section.data["chain_ok"]
        assert section.data["entries"] == 6 * run + 5, "its own reading is logged after"
    with SQLiteStore(tmp_path / "demo.sqlite3") as store:
        admin = Actor("checker", Role.DISTRICT_ADMINISTRATOR)
        entries = store.audit_log(admin)
        plan = context.plan
        before = store.load_plan(admin, plan.student.id, revision=review.revision_before)
        after = store.load_plan(admin, plan.student.id, revision=review.revision_after)
    assert review.changes == tuple(str(c) for c in diff_plans(before, after))
    assert verify(entries).ok
    assert [(e.record.action, e.record.outcome) for e in entries[-6:]] == [
        (AuditAction.READ, Outcome.ALLOWED), (AuditAction.WRITE, Outcome.ALLOWED),
        (AuditAction.WRITE, Outcome.ALLOWED), (AuditAction.SIGN_OFF, Outcome.ALLOWED),
        (AuditAction.SIGN_OFF, Outcome.ALLOWED), (AuditAction.AUDIT_READ, Outcome.ALLOWED),
    ]  # fmt: skip
