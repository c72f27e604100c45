"""Counselor queries over a whole school: every student with a review due in a date range."""

from __future__ import annotations

from datetime import date

import attrs

from ilpcore.exceptions import ValidationError
from ilpcore.lifecycle import review_status
from ilpcore.model import ReviewKind
from ilpcore.store.base import Store
from ilpcore.store.types import Actor, PlanQuery

__all__ = ["ReviewDue", "reviews_due"]


@attrs.frozen
class ReviewDue:
    """A review one student is due for, and whether it is overdue on the day asked about."""

    student_id: str
    name: str
    grade_level: int
    kind: ReviewKind
    due_on: date
    overdue: bool


def reviews_due(
    store: Store,
    actor: Actor,
    school_id: str,
    first: date,
    last: date,
    *,
    today: date | None = None,
) -> tuple[ReviewDue, ...]:
    """Every review not yet held that falls due from ``first`` to ``last`` (inclusive).

    One listing of the school's current plans (``list_plans`` by school) and one
    load of each current plan; no history is read.  Through a
    :class:`~ilpcore.access.guarded.GuardedStore`, the actor sees only the
    students within reach, and every read is logged.  ``today`` (default
    ``first``) decides which due reviews count as overdue.

    >>> from ilpcore.model import Role
    >>> from ilpcore.samples import sample_plan
    >>> from ilpcore.store import MemoryStore
    >>> store, me = MemoryStore(), Actor("c-reyes", Role.COUNSELOR)
    >>> _ = store.save_plan(me, sample_plan(), base_revision=None)
    >>> for due in reviews_due(store, me, "KY-165-040", date(2026, 1, 1), date(2026, 6, 30)):
    ...     print(due.student_id, due.kind.value, due.due_on, due.overdue)
    100482 scheduled 2026-03-15 False
    """
    if last < first:
        raise ValidationError.at("last", f"{last} is before the first day {first}")
    today = today or first
    found: list[ReviewDue] = []
    for summary in store.list_plans(actor, PlanQuery(school_id=school_id)):
        plan = store.load_plan(actor, summary.student_id)
        status = review_status(plan, today)
        for due in (*status.overdue, *status.upcoming):
            if first <= due.due_on <= last:
                student = plan.student
                found.append(
                    ReviewDue(
                        student.id, student.name.display, student.grade_level, due.kind,
                        due.due_on, due in status.overdue,
                    )
                )  # fmt: skip
    return tuple(sorted(found, key=lambda d: (d.due_on, d.student_id, d.kind.value)))
