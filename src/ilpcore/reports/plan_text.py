"""A plan as plain text, the way a counselor would skim it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ilpcore.model import ActivityKind, CourseStatus, Plan, courses_by_term

__all__ = ["plan_text"]

_STATUS_MARK = {
    CourseStatus.COMPLETED: "done",
    CourseStatus.IN_PROGRESS: "now",
    CourseStatus.REGISTERED: "registered",
    CourseStatus.PLANNED: "planned",
    CourseStatus.FAILED: "failed",
    CourseStatus.WITHDRAWN: "withdrawn",
}


def plan_text(plan: Plan) -> str:
    """A text summary: student, goals, courses by year, activities, assessments, reviews.

    >>> from ilpcore.samples import sample_plan
    >>> print(plan_text(sample_plan()).splitlines()[0])
    Maya Okafor - grade 10, class of 2028, Bluegrass Valley High School (KY)
    """
    s = plan.student
    lines = [
        f"{s.name.display} - grade {s.grade_level}, class of {s.cohort}, {s.school.name}"
        + (f" ({s.school.state})" if s.school.state else ""),
        f"Plan revision {plan.revision}; {plan.earned_credits} credits earned",
    ]
    if plan.profile.aspirations:
        lines += ["", "Aspirations"]
        lines += [f"  {a.area.value:<9} {a.text}" for a in plan.profile.aspirations]
    if plan.goals:
        lines += ["", "Goals"]
        for g in plan.goals:
            target = f", by {g.target_date.isoformat()}" if g.target_date else ""
            lines.append(f"  [{g.status.value}] {g.title} ({g.category.value}{target})")
            lines += [
                f"      grade {b.grade_level}: {b.description} - {b.status.value}"
                for b in g.benchmarks
            ]
    courses = list(plan.courses) + [c for cp in plan.course_plans for c in cp.courses]
    if courses:
        lines += ["", "Courses"]
        for term, group in courses_by_term(courses).items():
            lines.append(f"  {term.label}")
            for c in group:
                mark = f" {c.mark}" if c.mark else ""
                flags = "".join(
                    f" [{a.value}]" for a in sorted(c.attributes, key=lambda a: a.value)
                )
                lines.append(
                    f"    {c.course_code:<8} {c.title:<34} {c.credits:>5} cr"
                    f"  {_STATUS_MARK[c.status]}{mark}{flags}"
                )
    if plan.activities:
        lines += ["", "Activities"]
        hours: dict[ActivityKind, Decimal] = defaultdict(Decimal)
        for a in plan.activities:
            span = a.start.isoformat() + (f" to {a.end.isoformat()}" if a.end else " to now")
            extra = f", {a.hours} h" if a.hours is not None else ""
            where = f" - {a.organization}" if a.organization else ""
            lines.append(f"  {a.kind.value:<18} {a.title}{where} ({span}{extra})")
            if a.hours is not None:
                hours[a.kind] += a.hours
        if hours:
            totals = ", ".join(
                f"{k.value} {v} h" for k, v in sorted(hours.items(), key=lambda kv: kv[0].value)
            )
            lines.append(f"  hours: {totals}")
    if plan.assessments:
        lines += ["", "Assessments"]
        for r in plan.assessments:
            scores = ", ".join(f"{sc.scale} {sc.value}" for sc in r.scores)
            name = r.instrument.name or r.instrument.id
            lines.append(f"  {r.taken_on.isoformat()} {name}: {scores}")
    if plan.reviews:
        lines += ["", "Reviews"]
        for rv in plan.reviews:
            signed = ", ".join(so.role.value for so in rv.sign_offs) or "nobody yet"
            lines.append(f"  {rv.held_on.isoformat()} {rv.kind.value}; signed by {signed}")
            lines += [f"      - {change}" for change in rv.changes]
    return "\n".join(lines)
