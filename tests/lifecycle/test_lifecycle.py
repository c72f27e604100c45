from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.exceptions import ValidationError
from ilpcore.lifecycle import (
    WINDOW,
    ChangeKind,
    diff_plans,
    overdue_benchmarks,
    review_status,
    revise_goal,
    stale_assessments,
)
from ilpcore.model import (
    TWICE_A_YEAR,
    AssessmentResult,
    BenchmarkStatus,
    GoalStatus,
    Plan,
    Review,
    ReviewKind,
    ReviewSchedule,
    evolve,
)
from ilpcore.samples import sample_plan
from ilpcore.testing.strategies import plans


def test_schedule_rejects_bad_rules_and_zones() -> None:
    with pytest.raises(ValidationError) as info:
        ReviewSchedule("RRULE:FREQ=SOMETIMES", date(2024, 8, 1), "Mars/Olympus_Mons")
    assert info.value.paths == ("recurrence", "time_zone")


def test_schedule_today_uses_the_school_time_zone() -> None:
    from datetime import datetime

    schedule = ReviewSchedule(TWICE_A_YEAR, date(2024, 8, 1), "Pacific/Honolulu")
    late_utc = datetime(2025, 3, 15, 5, 0, tzinfo=UTC)  # still March 14 in Honolulu
    assert schedule.today(late_utc) == date(2025, 3, 14)


@given(st.dates(date(2020, 1, 1), date(2035, 1, 1)))
def test_review_status_partitions_the_due_dates(today: date) -> None:
    plan = sample_plan()
    status = review_status(plan, today)
    items = status.held + status.overdue + status.upcoming
    assert len(set(items)) == len(items)
    assert all(d.due_on + WINDOW < today for d in status.overdue)
    assert all(d.due_on + WINDOW >= today for d in status.upcoming)
    assert len(status.held) <= len(plan.reviews)


def test_holding_an_overdue_review_clears_it() -> None:
    plan = sample_plan()
    today = date(2026, 6, 1)
    first = review_status(plan, today).overdue[0]
    review = Review("R-makeup", first.due_on + timedelta(days=10), ReviewKind.SCHEDULED)
    status = review_status(evolve(plan, reviews=(*plan.reviews, review)), today)
    assert first not in status.overdue
    assert first in status.held


def test_a_transition_review_needs_its_own_kind() -> None:
    plan = sample_plan()
    leaving = date(plan.student.cohort, 1, 15)
    regular = Review("R-jan", leaving, ReviewKind.SCHEDULED)
    status = review_status(evolve(plan, reviews=(*plan.reviews, regular)), date(2028, 6, 1))
    assert any(d.kind is ReviewKind.LEAVING_HIGH_SCHOOL for d in status.overdue)


def test_overdue_benchmarks_skip_met_and_revised() -> None:
    plan = sample_plan()
    assert [o.benchmark.id for o in overdue_benchmarks(plan, date(2028, 6, 1))] == [
        "B-apply",
        "B-cna",
    ]
    revised = revise_goal(plan, "G-nurse", "G-nurse-2", date(2026, 1, 1))
    # The revised copy carries the same pending benchmarks; the old goal no longer counts.
    overdue = overdue_benchmarks(revised, date(2028, 6, 1))
    assert {o.goal.id for o in overdue} == {"G-nurse-2"}
    assert all(o.benchmark.status is BenchmarkStatus.PENDING for o in overdue)


def test_revise_goal_keeps_history() -> None:
    plan = revise_goal(sample_plan(), "G-gpa", "G-gpa-2", date(2026, 2, 1), title="Keep a 3.7 GPA")
    assert plan.goal("G-gpa").status is GoalStatus.REVISED
    new = plan.goal("G-gpa-2")
    assert (new.replaces, new.title, new.set_on) == ("G-gpa", "Keep a 3.7 GPA", date(2026, 2, 1))
    assert "Revised from goal 'G-gpa'" in new.progress[-1].text


def test_stale_assessments_look_at_the_newest_result_only() -> None:
    plan = sample_plan()
    old = plan.assessments[0]
    retaken: AssessmentResult = evolve(old, id="AS-ip-2026", taken_on=date(2026, 10, 1))
    assert stale_assessments(plan, date(2026, 11, 1)) == (old,)
    assert stale_assessments(evolve(plan, assessments=(old, retaken)), date(2026, 11, 1)) == ()


@given(plans(max_items=2))
def test_a_plan_has_no_changes_against_itself(plan: Plan) -> None:
    assert diff_plans(plan, evolve(plan, revision=plan.revision + 1)) == ()


def test_diff_names_added_removed_and_changed_items() -> None:
    old = sample_plan()
    activity = evolve(old.activities[0], id="A-new", title="Tutoring")
    new = evolve(
        old,
        activities=(*old.activities[1:], activity),
        student=evolve(old.student, grade_level=11),
    )
    changes = {(c.path, c.kind) for c in diff_plans(old, new)}
    assert changes == {
        ("student.grade_level", ChangeKind.CHANGED),
        ("activities[A-volunteer]", ChangeKind.REMOVED),
        ("activities[A-new]", ChangeKind.ADDED),
    }


def test_checklist_evidence_and_completion() -> None:
    from ilpcore.lifecycle import (
        BASELINE,
        Checklist,
        ChecklistItem,
        Evidence,
        checklist_status,
        plan_completed,
    )
    from ilpcore.model import Phase

    plan = sample_plan()
    done = {s.item.evidence: s.done_on for s in checklist_status(plan, BASELINE)}
    assert done[Evidence.PARENT_SIGN_OFF] == date(2024, 5, 3)
    assert done[Evidence.CAREER_ACTIVITY] == date(2025, 11, 6)
    assert done[Evidence.WORK_VALUES_INVENTORY] is None
    only_done = Checklist("done", tuple(i for i in BASELINE.items if done[i.evidence] is not None))
    assert plan_completed(plan, only_done, date(2040, 1, 1))
    item = ChecklistItem("x", Phase.SELF_EXPLORATION, 7, "Do it", Evidence.REFLECTION)
    with pytest.raises(ValidationError, match=r"items\[1\]\.id: duplicate id"):
        Checklist("twice", (item, item))


def test_checklist_is_a_document() -> None:
    from ilpcore.lifecycle import BASELINE, Checklist
    from ilpcore.serialization import dumps, loads

    assert loads(dumps(BASELINE), Checklist) == BASELINE
