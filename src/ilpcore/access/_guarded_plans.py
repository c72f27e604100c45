"""The plan operations of a guarded store: saving and signing off, reading, listing, streaming.

A save is decided section by section on what it changes (sections the actor
may not read are kept as stored); a read hands out the plan with the sections
the actor may not read withheld.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ilpcore.access._guard import ALL_SECTIONS, StoreGuard
from ilpcore.access.policy import Decision
from ilpcore.access.relationships import StudentFacts
from ilpcore.access.sections import Action, Scope, Section
from ilpcore.access.views import (
    changed_sections,
    merge_withheld,
    new_sign_offs,
    only_signs_off,
    withhold,
)
from ilpcore.audit.entries import AuditAction, AuditRecord, Outcome
from ilpcore.exceptions import IlpcoreError, NotFoundError
from ilpcore.model import Plan
from ilpcore.store.base import DEFAULT_PAGE_SIZE
from ilpcore.store.types import Actor, PlanQuery, PlanSummary, RevisionInfo

__all__ = ["GuardedPlans"]


class GuardedPlans(StoreGuard):
    """:meth:`save_plan`, :meth:`load_plan` and the other plan operations, decided and logged."""

    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        base = self._check_save(actor, plan, base_revision)
        student_id = plan.student.id
        try:
            stored = self.inner.load_plan(actor, student_id, revision=base) if base else None
        except NotFoundError:
            stored = None
        facts = StudentFacts.of(stored if stored is not None else plan)
        if stored is not None:
            plan = merge_withheld(plan, stored, ALL_SECTIONS - self._readable(actor, facts))
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
        return withhold(plan, ALL_SECTIONS - readable)

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
                views.append(withhold(plan, ALL_SECTIONS - readable))
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
