from __future__ import annotations

from datetime import date

from ilpcore.model import Milestone as PlanMilestone
from ilpcore.model import MilestoneKind
from ilpcore.requirements.audit import evaluate_for
from ilpcore.requirements.inputs import MilestoneStatus
from ilpcore.requirements.plan_milestones import audit_milestones


def test_a_filed_fafsa_satisfies_texas_financial_aid_requirement() -> None:
    filed = PlanMilestone("M-fafsa", MilestoneKind.FAFSA, completed_on=date(2026, 10, 15))
    planned = PlanMilestone("M-fafsa", MilestoneKind.FAFSA, due=date(2026, 10, 1))

    def aid_status(milestone: PlanMilestone) -> str:
        audit = evaluate_for(
            "US-TX", 2027, [], milestones=audit_milestones([milestone], date(2026, 12, 1))
        )
        status: str = audit.node("financial-aid").status.value
        return status

    assert aid_status(filed) == "done"
    assert aid_status(planned) == "planned"


def test_scholarships_are_not_graduation_milestones() -> None:
    scholarship = PlanMilestone("M-s", MilestoneKind.SCHOLARSHIP, completed_on=date(2027, 1, 1))
    assert audit_milestones([scholarship], date(2027, 6, 1)) == ()


def test_a_completion_date_after_today_is_still_planned() -> None:
    later = PlanMilestone("M-f", MilestoneKind.FAFSA, completed_on=date(2027, 1, 1))
    (m,) = audit_milestones([later], date(2026, 12, 1))
    assert m.status is MilestoneStatus.PLANNED
