"""The plan over the years: reviews due, goals and benchmarks over time, what changed.

>>> from datetime import date
>>> from ilpcore.lifecycle import review_status
>>> from ilpcore.samples import sample_plan
>>> review_status(sample_plan(), date(2026, 6, 1)).next_due.due_on
datetime.date(2024, 10, 15)
"""

from ilpcore.lifecycle.checklists import (
    BASELINE,
    Checklist,
    ChecklistItem,
    Evidence,
    ItemStatus,
    checklist_status,
    plan_completed,
)
from ilpcore.lifecycle.diff import Change, ChangeKind, diff_plans
from ilpcore.lifecycle.progress import (
    DEFAULT_RETAKE_AFTER,
    OverdueBenchmark,
    overdue_benchmarks,
    revise_goal,
    stale_assessments,
)
from ilpcore.lifecycle.reviews import (
    WINDOW,
    DueReview,
    ReviewStatus,
    default_schedule,
    review_status,
    transition_dates,
)

__all__ = [
    "BASELINE",
    "DEFAULT_RETAKE_AFTER",
    "WINDOW",
    "Change",
    "ChangeKind",
    "Checklist",
    "ChecklistItem",
    "DueReview",
    "Evidence",
    "ItemStatus",
    "OverdueBenchmark",
    "ReviewStatus",
    "checklist_status",
    "default_schedule",
    "diff_plans",
    "overdue_benchmarks",
    "plan_completed",
    "review_status",
    "revise_goal",
    "stale_assessments",
    "transition_dates",
]
