"""What a graduation audit of a plan reads, taken from the plan in one place.

Used by ``ilp demo``, :func:`ilpcore.batch.batch_audit` and anything else that
audits a whole plan: the transcript and every course plan together, the courses
of the course plans and CTE courses counting as aligned to the ILP (Kentucky's
term), and the plan's milestones as of a day.
"""

from __future__ import annotations

from datetime import date

from ilpcore.model import CourseAttribute, Plan
from ilpcore.requirements.plan_milestones import audit_milestones
from ilpcore.requirements.whatif import Record

__all__ = ["plan_audit_inputs"]

# ``CTE in attributes`` hashes the member in Python code; isdisjoint uses the stored hashes.
_CTE = frozenset({CourseAttribute.CTE})


def plan_audit_inputs(plan: Plan, today: date) -> Record:
    """What the audit of ``plan`` reads: courses (transcript and course plans), scores,
    milestones as of ``today``, and the courses aligned to the ILP.

    >>> from ilpcore.samples import sample_plan
    >>> plan = sample_plan()
    >>> record = plan_audit_inputs(plan, date(2026, 1, 15))
    >>> len(record.courses) == len(plan.courses) + sum(len(cp.courses) for cp in plan.course_plans)
    True
    """
    planned = [c for cp in plan.course_plans for c in cp.courses]
    aligned = frozenset(c.course_code for c in planned) | frozenset(
        c.course_code for c in plan.courses if not c.attributes.isdisjoint(_CTE)
    )
    return Record(
        courses=(*plan.courses, *planned),
        assessments=plan.assessments,
        milestones=audit_milestones(plan.milestones, today),
        ilp_aligned=aligned,
    )
