"""The review step of ``ilp demo``: a counselor holds a review through the access policy.

After the store step saved the demo plan, the student's counselor (through a
:class:`~ilpcore.access.guarded.GuardedStore`) updates a goal, records the
review with the revisions before and after and the structured diff as its
changes, and signs off; the student and the parent sign off in turn.  The
step shows the review, the diff and the tail of the audit log, verified.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from ilpcore.access import Relationships, Section, age_on
from ilpcore.access.guarded import GuardedStore
from ilpcore.audit.verify import verify
from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.lifecycle import diff_plans
from ilpcore.model import GoalStatus, Participant, Plan, Review, ReviewKind, Role, SignOff
from ilpcore.store import Actor

__all__ = ["AUDIT_SHOWN", "review_cycle_step"]

AUDIT_SHOWN: Final = 6
"""How many of the latest audit entries the text shows."""

_COUNSELOR = ("c-reyes", "Daniel Reyes")
_PARENT = ("p-grace", "Grace Okafor")
_GOAL = "G-speak"


def _with_review(plan: Plan, review: Review) -> Plan:
    others = tuple(r for r in plan.reviews if r.id != review.id)
    return attrs.evolve(plan, reviews=(*others, review))


def review_cycle_step(context: DemoContext) -> DemoSection:
    """Hold a review of ``context.plan`` (as saved by the store step) with three sign-offs.

    Replaces ``context.plan`` with the plan after the last sign-off.
    """
    student = context.plan.student
    today = date.today()
    counselor = Actor(_COUNSELOR[0], Role.COUNSELOR)
    parent = Actor(_PARENT[0], Role.PARENT_GUARDIAN)
    pupil = Actor(student.id, Role.STUDENT)
    admin = Actor("district-admin", Role.DISTRICT_ADMINISTRATOR)
    family = Relationships(
        guardians={student.id: frozenset({parent.id})},
        caseloads={counselor.id: frozenset({student.id})},
    )
    # Not closed here: the store belongs to the demo, which closes it at the end.
    store = GuardedStore(context.store, relationships=family, via="demo:review-cycle")
    before = store.load_plan(counselor, student.id)
    goals = tuple(
        attrs.evolve(g, status=GoalStatus.IN_PROGRESS) if g.id == _GOAL else g for g in before.goals
    )
    updated = store.save_plan(
        counselor, attrs.evolve(before, goals=goals), base_revision=before.revision
    )
    changes = diff_plans(before, updated)
    review = Review(
        f"R-{today.isoformat()}-{updated.revision}", today, ReviewKind.SCHEDULED,
        (Participant(student.name.display, Role.STUDENT),
         Participant(_PARENT[1], Role.PARENT_GUARDIAN),
         Participant(_COUNSELOR[1], Role.COUNSELOR)),
        tuple(str(c) for c in changes), "Started on the public speaking goal.",
        (SignOff(_COUNSELOR[1], Role.COUNSELOR, today),),
        revision_before=before.revision, revision_after=updated.revision,
    )  # fmt: skip
    plan = store.save_plan(counselor, _with_review(updated, review), base_revision=updated.revision)
    signers = [(pupil, student.name.display, Role.STUDENT)]
    adult = student.birth_date is not None and age_on(student.birth_date, today) >= 18
    if not adult or plan.parental_access_consent:  # FERPA: at 18 the student decides
        signers.append((parent, _PARENT[1], Role.PARENT_GUARDIAN))
    for actor, name, role in signers:
        review = attrs.evolve(review, sign_offs=(*review.sign_offs, SignOff(name, role, today)))
        plan = store.save_plan(actor, _with_review(plan, review), base_revision=plan.revision)
    entries = store.audit_log(admin)
    check = verify(entries)
    context.plan = plan
    lines = [
        f"Review {review.id} held {today} ({review.kind.value}), "
        f"revision {review.revision_before} -> {review.revision_after}:",
        *(f"  {c}" for c in changes),
        "Signed off by: " + ", ".join(f"{s.name} ({s.role.value})" for s in review.sign_offs),
        f"Audit log (the latest {min(AUDIT_SHOWN, len(entries))} of {len(entries)} entries):",
    ]
    for e in entries[-AUDIT_SHOWN:]:
        r = e.record
        sections = "all sections" if len(r.sections) == len(Section) else ", ".join(r.sections)
        lines.append(
            f"  {e.seq:>5}  {r.at:%H:%M:%S}  {r.actor_id} ({r.actor_role.value})  "
            f"{r.action.value} {r.student_id or '-'} [{sections}]  {r.outcome.value}"
        )
    lines.append(
        f"Hash chain: {'OK' if check.ok else 'BROKEN at entry ' + str(check.seq)} "
        f"({check.entries} entries checked)"
    )
    data = {
        "review": {
            "id": review.id,
            "held_on": today.isoformat(),
            "revision_before": review.revision_before,
            "revision_after": review.revision_after,
            "sign_offs": [s.role.value for s in review.sign_offs],
        },
        "changes": [
            {"path": c.path, "kind": c.kind.value, "before": c.before, "after": c.after}
            for c in changes
        ],
        "audit_tail": [
            {
                "seq": e.seq,
                "actor": e.record.actor_id,
                "role": e.record.actor_role.value,
                "action": e.record.action.value,
                "outcome": e.record.outcome.value,
                "sections": list(e.record.sections),
                "hash": e.hash,
            }
            for e in entries[-AUDIT_SHOWN:]
        ],
        "chain_ok": check.ok,
        "entries": check.entries,
    }
    return DemoSection("A review cycle, with sign-offs and the audit log", "\n".join(lines), data)
