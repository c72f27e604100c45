"""The graduation-audit step of ``ilp demo``: the sample student against Kentucky's rules.

Audits the transcript and the four-year course plan together, so the report
shows what is done, in progress, planned and still missing for the class of
the student's cohort.
"""

from __future__ import annotations

from datetime import date

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.requirements.audit import evaluate_for
from ilpcore.requirements.plan_inputs import plan_audit_inputs
from ilpcore.requirements.report import audit_to_dict, audit_to_text

__all__ = ["audit_step"]


def audit_step(context: DemoContext) -> DemoSection:
    """Audit the plan's courses and course plans against its state's built-in rule set."""
    plan = context.plan
    state = plan.student.school.state or "KY"
    record = plan_audit_inputs(plan, date.today())
    audit = evaluate_for(
        f"US-{state}",
        plan.student.cohort,
        record.courses,
        assessments=record.assessments,
        milestones=record.milestones,
        ilp_aligned=record.ilp_aligned,
    )
    return DemoSection(
        f"Graduation audit: {audit.rule_set.jurisdiction}, class of {plan.student.cohort}",
        audit_to_text(audit),
        audit_to_dict(audit),
    )
