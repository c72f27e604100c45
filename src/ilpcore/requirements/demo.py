"""The graduation-audit step of ``ilp demo``: the sample student against Kentucky's rules.

Audits the transcript and the four-year course plan together, so the report
shows what is done, in progress, planned and still missing for the class of
the student's cohort.
"""

from __future__ import annotations

from datetime import date

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.model import CourseAttribute
from ilpcore.requirements.audit import evaluate_for
from ilpcore.requirements.plan_milestones import audit_milestones
from ilpcore.requirements.report import audit_to_dict, audit_to_text

__all__ = ["audit_step"]


def audit_step(context: DemoContext) -> DemoSection:
    """Audit the plan's courses and course plans against its state's built-in rule set."""
    plan = context.plan
    state = plan.student.school.state or "KY"
    planned = [c for cp in plan.course_plans for c in cp.courses]
    courses = [*plan.courses, *planned]
    # Courses chosen for the career goal count as aligned to the ILP (Kentucky's term).
    aligned = frozenset(c.course_code for c in planned) | frozenset(
        c.course_code for c in plan.courses if CourseAttribute.CTE in c.attributes
    )
    audit = evaluate_for(
        f"US-{state}",
        plan.student.cohort,
        courses,
        assessments=plan.assessments,
        milestones=audit_milestones(plan.milestones, date.today()),
        ilp_aligned=aligned,
    )
    return DemoSection(
        f"Graduation audit: {audit.rule_set.jurisdiction}, class of {plan.student.cohort}",
        audit_to_text(audit),
        audit_to_dict(audit),
    )
