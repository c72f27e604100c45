"""Which reviews a plan is due for, and which are overdue.

Regular reviews come from the plan's :class:`~ilpcore.model.ReviewSchedule`
(or the default, twice a school year).  Transition reviews come from the
student's cohort: one before entering high school and one before leaving it.

A due date counts as *held* when a review of a matching kind took place within
:data:`WINDOW` of it (before or after); a due date more than ``WINDOW`` in the
past that was not held is *overdue*.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs

from ilpcore.model import TWICE_A_YEAR, Plan, ReviewKind, ReviewSchedule

__all__ = [
    "WINDOW",
    "DueReview",
    "ReviewStatus",
    "default_schedule",
    "review_status",
    "transition_dates",
]

WINDOW = timedelta(days=45)
"""How far from its due date a review may be held and still count for it."""


@attrs.frozen
class DueReview:
    """A review the plan should have, and when."""

    kind: ReviewKind
    due_on: date


@attrs.frozen
class ReviewStatus:
    """Where a plan stands with its reviews on ``today``."""

    today: date
    held: tuple[DueReview, ...]
    overdue: tuple[DueReview, ...]
    upcoming: tuple[DueReview, ...]
    """Due from today on, within a year, in date order."""

    @property
    def next_due(self) -> DueReview | None:
        """The earliest review still to hold: an overdue one first, else the next upcoming."""
        if self.overdue:
            return self.overdue[0]
        return self.upcoming[0] if self.upcoming else None


def default_schedule(plan: Plan) -> ReviewSchedule:
    """The plan's own schedule, else twice a school year from the plan's first review (or,
    with no review yet, from August 1 of the student's grade-6 year)."""
    if plan.review_schedule is not None:
        return plan.review_schedule
    if plan.reviews:
        return ReviewSchedule(TWICE_A_YEAR, min(r.held_on for r in plan.reviews))
    return ReviewSchedule(TWICE_A_YEAR, date(plan.student.cohort - 7, 8, 1))


def transition_dates(cohort: int) -> tuple[DueReview, ...]:
    """Transition reviews for a graduating class: April 15 of grade 8, January 15 of grade 12.

    >>> [(d.kind.value, d.due_on.isoformat()) for d in transition_dates(2028)]
    [('entering_high_school', '2024-04-15'), ('leaving_high_school', '2028-01-15')]
    """
    return (
        DueReview(ReviewKind.ENTERING_HIGH_SCHOOL, date(cohort - 4, 4, 15)),
        DueReview(ReviewKind.LEAVING_HIGH_SCHOOL, date(cohort, 1, 15)),
    )


def review_status(plan: Plan, today: date, schedule: ReviewSchedule | None = None) -> ReviewStatus:
    """Held, overdue and upcoming reviews of ``plan`` as of ``today``.

    A scheduled due date is held by any review; a transition due date only by a
    review of its own kind.  Each review held counts for one due date at most.

    >>> from ilpcore.samples import sample_plan
    >>> status = review_status(sample_plan(), date(2026, 6, 1))
    >>> [d.due_on.isoformat() for d in status.overdue]
    ['2024-10-15', '2025-03-15', '2026-03-15']
    >>> [(d.kind.value, d.due_on.isoformat()) for d in status.held]
    [('entering_high_school', '2024-04-15'), ('scheduled', '2025-10-15')]
    """
    schedule = schedule or default_schedule(plan)
    first = schedule.start
    horizon = today + timedelta(days=366)
    last_due = date(plan.student.cohort, 6, 30)
    due = [
        DueReview(ReviewKind.SCHEDULED, d) for d in schedule.between(first, min(horizon, last_due))
    ]
    due += [t for t in transition_dates(plan.student.cohort) if t.due_on <= horizon]
    due.sort(key=lambda d: (d.due_on, d.kind.value))
    unused = sorted(plan.reviews, key=lambda r: r.held_on)
    held, overdue, upcoming = [], [], []
    # Transition reviews claim their matching review first, so a transition meeting is not
    # spent on a nearby regular due date.
    for item in sorted(due, key=lambda d: d.kind is ReviewKind.SCHEDULED):
        match = next(
            (
                r
                for r in unused
                if abs(r.held_on - item.due_on) <= WINDOW
                and (item.kind is ReviewKind.SCHEDULED or r.kind is item.kind)
            ),
            None,
        )
        if match is not None:
            unused.remove(match)
            held.append(item)
        elif item.due_on + WINDOW < today:
            overdue.append(item)
        elif item.due_on + WINDOW >= today:
            upcoming.append(item)
    order = lambda d: (d.due_on, d.kind.value)  # noqa: E731
    return ReviewStatus(
        today, tuple(sorted(held, key=order)), tuple(sorted(overdue, key=order)),
        tuple(sorted(upcoming, key=order)),
    )  # fmt: skip
