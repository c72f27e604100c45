"""How a guarded store decides an operation and logs it, whatever the operation is.

:class:`StoreGuard` holds the policy, the relationships and the clock, decides
each section an operation touches, and leaves exactly one audit entry per
operation (allowed, denied or failed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Final, TypeVar

from ilpcore.access.policy import AccessPolicy, Decision, decide
from ilpcore.access.relationships import Relationships, StudentFacts
from ilpcore.access.sections import Action, Section
from ilpcore.audit.entries import AuditAction, AuditRecord, Outcome
from ilpcore.exceptions import AccessDeniedError, IlpcoreError, NotFoundError
from ilpcore.model import Plan, Role
from ilpcore.store.base import Store
from ilpcore.store.types import Actor

__all__ = ["ALL_SECTIONS", "StoreGuard"]

ALL_SECTIONS: Final = frozenset(Section)

_T = TypeVar("_T")


class StoreGuard(Store):
    """Deciding and logging for every guarded operation (the constructor sets the attributes)."""

    inner: Store
    policy: AccessPolicy
    relationships: Relationships
    clock: Callable[[], datetime]
    via: str
    audit_readers: frozenset[Role]

    def _facts(self, actor: Actor, student_id: str) -> tuple[StudentFacts, Plan | None]:
        try:
            plan = self.inner.load_plan(actor, student_id)
        except NotFoundError:
            return StudentFacts(student_id, "", None, False), None
        return StudentFacts.of(plan), plan

    def _decide(
        self, actor: Actor, action: Action, sections: Iterable[Section], facts: StudentFacts
    ) -> tuple[Decision, Section | None]:
        """Allowed if every section is; else the first denied section and why."""
        today = self.clock().date()
        allowed: Decision | None = None
        for section in sorted(sections, key=lambda s: s.value):
            d = decide(
                self.policy, actor.id, actor.role, action, section, facts, self.relationships, today
            )
            if not d.allowed:
                return d, section
            allowed = allowed or d
        return allowed or Decision(True, "nothing to decide"), None

    def _readable(self, actor: Actor, facts: StudentFacts) -> frozenset[Section]:
        today = self.clock().date()
        p, r = self.policy, self.relationships
        return frozenset(
            s
            for s in ALL_SECTIONS
            if decide(p, actor.id, actor.role, Action.READ, s, facts, r, today)
        )

    def _record(
        self,
        actor: Actor,
        action: AuditAction,
        student_id: str | None,
        sections: Iterable[Section],
        outcome: Outcome,
        reason: str,
        revision: int | None = None,
    ) -> AuditRecord:
        return AuditRecord(
            self.clock(), actor.id, actor.role, action, student_id,
            tuple(sorted(s.value for s in sections)), revision, outcome, reason, self.via,
        )  # fmt: skip

    def _deny(
        self,
        actor: Actor,
        action: AuditAction,
        student_id: str | None,
        section: Section | None,
        reason: str,
        verb: str,
    ) -> AccessDeniedError:
        sections = () if section is None else (section,)
        self.inner.append_audit(
            self._record(actor, action, student_id, sections, Outcome.DENIED, reason)
        )
        name = section.value if section is not None else "the audit log"
        return AccessDeniedError(actor.id, actor.role.value, verb, name, student_id, reason)

    def _run(self, record: AuditRecord, operation: Callable[[], _T], *, write: bool) -> _T:
        """Do an allowed ``operation`` and log ``record`` (with a write, atomically)."""
        try:
            if write:
                with self.inner.recording(record) as pending:
                    result = operation()
            else:
                pending = None
                result = operation()
        except IlpcoreError as e:
            failed = AuditRecord(
                record.at, record.actor_id, record.actor_role, record.action, record.student_id,
                record.sections, None, Outcome.FAILED, f"{type(e).__name__}: {e}", record.via,
            )  # fmt: skip
            self.inner.append_audit(failed)
            raise
        if pending is None or pending.entry is None:
            self.inner.append_audit(record)
        return result

    def _guard(
        self,
        actor: Actor,
        student_id: str,
        audit: AuditAction,
        action: Action,
        section: Section,
        operation: Callable[[], _T],
        *,
        write: bool = False,
    ) -> _T:
        self._check_actor(actor)
        self._check_student_id(student_id)
        facts, plan = self._facts(actor, student_id)
        decision, denied = self._decide(actor, action, (section,), facts)
        if not decision:
            raise self._deny(actor, audit, student_id, denied, decision.reason, action.value)
        revision = plan.revision if plan is not None else None
        record = self._record(
            actor, audit, student_id, (section,), Outcome.ALLOWED, decision.reason, revision
        )
        return self._run(record, operation, write=write)

    def _read_record(
        self, actor: Actor, student_id: str, readable: frozenset[Section], revision: int | None
    ) -> AuditRecord:
        reason = f"{actor.role.value} may read {len(readable)} of {len(ALL_SECTIONS)} sections"
        return self._record(
            actor, AuditAction.READ, student_id, readable, Outcome.ALLOWED, reason, revision
        )

    def _audit_read(self, actor: Actor, student_id: str | None, read: Callable[[], _T]) -> _T:
        self._check_actor(actor)
        if actor.role not in self.audit_readers:
            reason = f"{actor.role.value} may not read the audit and deletion logs"
            raise self._deny(actor, AuditAction.AUDIT_READ, student_id, None, reason, "read")
        record = self._record(
            actor, AuditAction.AUDIT_READ, student_id, (), Outcome.ALLOWED,
            f"{actor.role.value} may read the audit and deletion logs",
        )  # fmt: skip
        return self._run(record, read, write=False)
