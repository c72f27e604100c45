"""A store that asks the access policy before every operation and logs every one.

:class:`GuardedStore` wraps any :class:`~ilpcore.store.Store` and has the same
API.  Each call is decided by the policy for the acting user, and leaves
exactly one entry in the store's audit log (allowed, denied or failed).  A
denied call raises :class:`~ilpcore.exceptions.AccessDeniedError` and changes
nothing.  See ``docs/audit.md`` for what each operation needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Final, TypeVar

import attrs

from ilpcore.access.policy import DEFAULT_POLICY, AccessPolicy, Decision, decide
from ilpcore.access.relationships import Relationships, StudentFacts
from ilpcore.access.sections import Action, Scope, Section
from ilpcore.access.views import (
    changed_sections,
    merge_withheld,
    new_sign_offs,
    only_signs_off,
    withhold,
)
from ilpcore.audit.entries import AuditAction, AuditEntry, AuditQuery, AuditRecord, Outcome
from ilpcore.exceptions import AccessDeniedError, IlpcoreError, NotFoundError
from ilpcore.model import Plan, Role, SavedList, SavedListKind
from ilpcore.store.base import DEFAULT_PAGE_SIZE, Store
from ilpcore.store.types import Actor, Blob, BlobRef, Deletion, PlanQuery, PlanSummary, RevisionInfo

__all__ = ["AUDIT_READERS", "GuardedStore"]

AUDIT_READERS: Final = frozenset({Role.DISTRICT_ADMINISTRATOR})
"""The roles that may read the audit log and the deletion log by default."""

_T = TypeVar("_T")
_ALL = frozenset(Section)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class GuardedStore(Store):
    """``store`` seen through ``policy``: every operation decided and audited.

    ``relationships`` says who is whose guardian, caseload and school;
    ``clock`` gives the time of entries and the day for the age-18 rule;
    ``via`` names the channel in every entry (e.g. ``"portal:counselor-dashboard"``).
    """

    def __init__(
        self,
        store: Store,
        *,
        policy: AccessPolicy = DEFAULT_POLICY,
        relationships: Relationships | None = None,
        clock: Callable[[], datetime] = _utc_now,
        via: str = "library",
        audit_readers: Iterable[Role] = AUDIT_READERS,
    ) -> None:
        self.inner = store
        self.url = store.url
        self.max_blob_size = store.max_blob_size
        self.policy = policy
        self.relationships = relationships or Relationships()
        self.clock = clock
        self.via = via
        self.audit_readers = frozenset(audit_readers)

    # --- deciding and logging ------------------------------------------------------------------

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
            s for s in _ALL if decide(p, actor.id, actor.role, Action.READ, s, facts, r, today)
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

    # --- plans ---------------------------------------------------------------------------------

    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        base = self._check_save(actor, plan, base_revision)
        student_id = plan.student.id
        try:
            stored = self.inner.load_plan(actor, student_id, revision=base) if base else None
        except NotFoundError:
            stored = None
        facts = StudentFacts.of(stored if stored is not None else plan)
        if stored is not None:
            plan = merge_withheld(plan, stored, _ALL - self._readable(actor, facts))
            before = stored
            changed = changed_sections(stored, plan)
        else:
            before = Plan(plan.student)
            changed = changed_sections(before, plan) | {Section.IDENTITY}
        signing = Section.REVIEWS in changed and bool(new_sign_offs(before, plan))
        sign_only = signing and only_signs_off(before, plan)
        writes = changed - {Section.REVIEWS} if sign_only else changed
        decision, denied = self._decide(actor, Action.WRITE, writes, facts)
        if not writes and not signing:  # an unchanged save: only for those who see the plan
            decision, denied = self._decide(actor, Action.READ, (Section.IDENTITY,), facts)
        audit = AuditAction.WRITE if writes or not signing else AuditAction.SIGN_OFF
        verb = "write"
        if decision and signing:
            decision, denied = self._decide(actor, Action.SIGN_OFF, (Section.REVIEWS,), facts)
            decision = self._check_sign_off_roles(before, plan) if decision else decision
            denied, verb = Section.REVIEWS, "sign off"
        if not decision:
            raise self._deny(actor, audit, student_id, denied, decision.reason, verb)
        record = self._record(
            actor, audit, student_id, changed, Outcome.ALLOWED, decision.reason, base + 1
        )
        saved: Plan = self._run(
            record,
            lambda: self.inner.save_plan(actor, plan, base_revision=base_revision),
            write=True,
        )
        return saved

    def _check_sign_off_roles(self, before: Plan, after: Plan) -> Decision:
        """Every new sign-off must be in a role the policy lets sign off reviews."""
        reviews = {r.id: r for r in after.reviews}
        for review_id, i in new_sign_offs(before, after):
            role = reviews[review_id].sign_offs[i].role
            if not any(
                g.role is role and Action.SIGN_OFF in g.actions and Section.REVIEWS in g.sections
                for g in self.policy.grants
            ):
                return Decision(False, f"the policy lets no {role.value} sign off reviews")
        return Decision(True, "every sign-off is by a role that may sign off")

    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_revision(revision)
        facts, current = self._facts(actor, student_id)
        readable = self._readable(actor, facts)
        if current is not None and Section.IDENTITY not in readable:
            d, _ = self._decide(actor, Action.READ, (Section.IDENTITY,), facts)
            raise self._deny(
                actor, AuditAction.READ, student_id, Section.IDENTITY, d.reason, "read"
            )
        record = self._read_record(
            actor, student_id, readable, revision or (current.revision if current else None)
        )
        plan = self._run(
            record, lambda: self.inner.load_plan(actor, student_id, revision=revision), write=False
        )
        return withhold(plan, _ALL - readable)

    def current_revision(self, actor: Actor, student_id: str) -> int:
        return self._guard(
            actor, student_id, AuditAction.READ, Action.READ, Section.IDENTITY,
            lambda: self.inner.current_revision(actor, student_id),
        )  # fmt: skip

    def plan_history(self, actor: Actor, student_id: str) -> tuple[RevisionInfo, ...]:
        return self._guard(
            actor, student_id, AuditAction.HISTORY, Action.READ, Section.IDENTITY,
            lambda: self.inner.plan_history(actor, student_id),
        )  # fmt: skip

    def list_plans(self, actor: Actor, query: PlanQuery | None = None) -> tuple[PlanSummary, ...]:
        self._check_actor(actor)
        guardian = any(
            g.role is actor.role and g.scope is Scope.GUARDIAN for g in self.policy.grants
        )
        found = self.inner.list_plans(actor, query)
        visible = []
        for s in found:
            facts = StudentFacts(s.student_id, s.school_id, None, False)
            if guardian and actor.id in self.relationships.guardians.get(s.student_id, ()):
                facts = self._facts(actor, s.student_id)[0]  # the age-18 rule needs the plan
            if self._decide(actor, Action.READ, (Section.IDENTITY,), facts)[0]:
                visible.append(s)
        reason = f"{len(visible)} of {len(found)} plans are within {actor.role.value}'s reach"
        self.inner.append_audit(
            self._record(
                actor, AuditAction.LIST, None, (Section.IDENTITY,), Outcome.ALLOWED, reason
            )
        )
        return tuple(visible)

    def iter_plans(
        self, actor: Actor, query: PlanQuery | None = None, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[Plan]:
        """The inner store's stream, each plan decided and withheld exactly as :meth:`load_plan`.

        A plan whose identity the actor may not read is skipped (as :meth:`list_plans`
        skips it).  The stream is logged as one ``list`` entry, then one ``read``
        entry per plan returned, appended a page at a time in one write
        (:meth:`Store.append_audits`) before the page's plans are handed out.
        """
        self._check_actor(actor)
        self._check_page_size(page_size)
        return self._stream(actor, query, page_size)

    def _stream(self, actor: Actor, query: PlanQuery | None, page_size: int) -> Iterator[Plan]:
        listing = self._record(
            actor, AuditAction.LIST, None, (Section.IDENTITY,), Outcome.ALLOWED,
            f"streaming the plans within {actor.role.value}'s reach",
        )  # fmt: skip
        self.inner.append_audit(listing)
        plans = self.inner.iter_plans(actor, query, page_size=page_size)
        while page := self._next_page(actor, plans, page_size, listing):
            yield from page

    def _next_page(
        self, actor: Actor, plans: Iterator[Plan], size: int, listing: AuditRecord
    ) -> list[Plan]:
        """Up to ``size`` more plans the actor may read, withheld, their reads logged in one go."""
        records: list[AuditRecord] = []
        views: list[Plan] = []
        try:
            for plan in plans:
                readable = self._readable(actor, StudentFacts.of(plan))
                if Section.IDENTITY not in readable:
                    continue
                records.append(self._read_record(actor, plan.student.id, readable, plan.revision))
                views.append(withhold(plan, _ALL - readable))
                if len(views) == size:
                    break
        except IlpcoreError as e:
            failed = attrs.evolve(
                listing, at=self.clock(), outcome=Outcome.FAILED, reason=f"{type(e).__name__}: {e}"
            )
            self.inner.append_audits((*records, failed))
            raise
        self.inner.append_audits(records)
        return views

    def _read_record(
        self, actor: Actor, student_id: str, readable: frozenset[Section], revision: int | None
    ) -> AuditRecord:
        reason = f"{actor.role.value} may read {len(readable)} of {len(_ALL)} sections"
        return self._record(
            actor, AuditAction.READ, student_id, readable, Outcome.ALLOWED, reason, revision
        )

    # --- deletion ------------------------------------------------------------------------------

    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        """Needs write access to the identity section (by default: administrators)."""
        return self._guard(
            actor, student_id, AuditAction.DELETE, Action.WRITE, Section.IDENTITY,
            lambda: self.inner.delete_student(actor, student_id), write=True,
        )  # fmt: skip

    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        """The deletion log, for the :data:`AUDIT_READERS` roles."""
        return self._audit_read(actor, student_id, lambda: self.inner.deletions(actor, student_id))

    # --- artifacts -----------------------------------------------------------------------------

    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        self._check_blob(data, media_type)
        return self._guard(
            actor, student_id, AuditAction.BLOB_WRITE, Action.WRITE, Section.PORTFOLIO,
            lambda: self.inner.put_blob(actor, student_id, data, media_type), write=True,
        )  # fmt: skip

    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        return self._guard(
            actor, student_id, AuditAction.BLOB_READ, Action.READ, Section.PORTFOLIO,
            lambda: self.inner.get_blob(actor, student_id, content_hash),
        )  # fmt: skip

    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        return self._guard(
            actor, student_id, AuditAction.BLOB_READ, Action.READ, Section.PORTFOLIO,
            lambda: self.inner.list_blobs(actor, student_id),
        )  # fmt: skip

    # --- saved lists ---------------------------------------------------------------------------

    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        self._check_list(saved_list)
        self._guard(
            actor, student_id, AuditAction.WRITE, Action.WRITE, Section.SAVED_LISTS,
            lambda: self.inner.save_list(actor, student_id, saved_list), write=True,
        )  # fmt: skip

    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        return self._guard(
            actor, student_id, AuditAction.READ, Action.READ, Section.SAVED_LISTS,
            lambda: self.inner.load_lists(actor, student_id, kind),
        )  # fmt: skip

    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        self._guard(
            actor, student_id, AuditAction.WRITE, Action.WRITE, Section.SAVED_LISTS,
            lambda: self.inner.delete_list(actor, student_id, list_id), write=True,
        )  # fmt: skip

    # --- audit log -----------------------------------------------------------------------------

    def append_audit(self, record: AuditRecord) -> AuditEntry:
        """Append a record of the host's own (passed through unchecked: the host is trusted)."""
        return self.inner.append_audit(record)

    def append_audits(self, records: Sequence[AuditRecord]) -> tuple[AuditEntry, ...]:
        """Append records of the host's own, in one write where the store can (unchecked)."""
        return self.inner.append_audits(records)

    def audit_log(self, actor: Actor, query: AuditQuery | None = None) -> tuple[AuditEntry, ...]:
        """The log, for the :data:`AUDIT_READERS` roles; the reading is logged after it."""
        student_id = query.student_id if query is not None else None
        return self._audit_read(actor, student_id, lambda: self.inner.audit_log(actor, query))

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

    def close(self) -> None:
        """Close the wrapped store."""
        self.inner.close()
