"""Requirements that consume no course: timing, GPA, assessments and milestones.

Each returns its status tier (0 done, 1 in progress, 2 registered, 3 planned,
4 missing), what is still needed (or ``None``) and a short detail.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from ilpcore.model import AssessmentResult, CourseRecord, CourseStatus
from ilpcore.requirements.inputs import Milestone, MilestoneStatus
from ilpcore.requirements.marks import MarkScale
from ilpcore.requirements.problem import MISSING
from ilpcore.requirements.rules import (
    AssessmentRequirement,
    GpaRequirement,
    MilestoneRequirement,
    TimingRequirement,
)

__all__ = ["Outcome", "assessment_status", "gpa_status", "milestone_status", "timing_status"]

Outcome = tuple[int, str | None, str | None]

MAX_MATCHED = 10_000

_MILESTONE_TIER = {
    MilestoneStatus.COMPLETED: 0,
    MilestoneStatus.IN_PROGRESS: 1,
    MilestoneStatus.REGISTERED: 2,
    MilestoneStatus.PLANNED: 3,
}


def timing_status(
    rq: TimingRequirement,
    courses: Sequence[tuple[CourseRecord, int]],
    scale: MarkScale,
    ilp_aligned: frozenset[str],
    matched: dict[tuple[object, ...], bool] | None = None,
    met: dict[str | None, bool] | None = None,
) -> Outcome:
    """A matching course in every listed grade; the status is the worst grade's best tier.

    ``matched`` keeps whether ``rq.match`` accepts a course, by the fields it reads, and
    ``met`` whether a mark meets ``rq.min_mark`` on ``scale`` (kept per rule set, they spare
    students the filter and the scale for courses and marks seen before)."""
    wanted = frozenset(rq.grade_levels)
    best: dict[int, int] = {}  # grade -> best tier of a matching course
    meets: dict[str | None, bool] = {} if met is None else met
    for c, tier in courses:
        grade = c.grade_level
        if grade not in wanted or tier >= best.get(grade, MISSING):
            continue
        if matched is None:
            if not rq.match.matches(c, ilp_aligned):
                continue
        else:
            code = c.course_code
            key = (code, c.title, c.subject, c.attributes, grade, code in ilp_aligned)
            ok = matched.get(key)
            if ok is None:
                if len(matched) > MAX_MATCHED:
                    matched.clear()
                ok = matched[key] = rq.match.matches(c, ilp_aligned)
            if not ok:
                continue
        ok = meets.get(c.mark)
        if ok is None:
            if len(meets) > MAX_MATCHED:
                meets.clear()
            ok = meets[c.mark] = scale.meets(c.mark, rq.min_mark)
        if ok:
            best[grade] = tier
    worst = 0
    lacking = []
    for grade in rq.grade_levels:
        if grade in best:
            worst = max(worst, best[grade])
        else:
            lacking.append(grade)
    if lacking:
        grades = ", ".join(str(g) for g in lacking)
        return MISSING, f"a matching course in grade {grades}", None
    return worst, None, None


def gpa_status(
    rq: GpaRequirement, courses: Sequence[tuple[CourseRecord, int]], scale: MarkScale
) -> Outcome:
    """Credit-weighted GPA over completed courses with a letter mark."""
    points = Decimal(0)
    weight = Decimal(0)
    points_of: dict[str, Decimal | None] = {}
    for c, tier in courses:
        if tier != 0 or c.mark is None:
            continue
        if c.mark in points_of:
            p = points_of[c.mark]
        else:
            p = points_of[c.mark] = scale.points(c.mark)
        if p is not None and c.credits > 0:
            points += p * c.credits
            weight += c.credits
    if not weight:
        return MISSING, f"a GPA of at least {rq.min_gpa} (no graded courses yet)", None
    gpa = (points / weight).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if gpa >= rq.min_gpa:
        return 0, None, f"GPA {gpa}"
    return MISSING, f"a GPA of at least {rq.min_gpa} (now {gpa})", f"GPA {gpa}"


def _milestone_tier(accepts: Sequence[str], milestones: Sequence[Milestone]) -> tuple[int, str]:
    best, which = MISSING, ""
    for m in milestones:
        if m.id in accepts and _MILESTONE_TIER[m.status] < best:
            best, which = _MILESTONE_TIER[m.status], m.id
    return best, which


def assessment_status(
    rq: AssessmentRequirement,
    results: Sequence[AssessmentResult],
    milestones: Sequence[Milestone],
) -> Outcome:
    """Done when one result meets every minimum of one alternative, or a milestone is accepted."""
    for alt in rq.alternatives:
        for r in results:
            if r.instrument.id != alt.instrument:
                continue
            scores = [r.score(m.scale) for m in alt.minimums]
            if all(
                s is not None and s >= m.min_score
                for s, m in zip(scores, alt.minimums, strict=False)
            ):
                shown = ", ".join(
                    f"{m.scale} {s}" for s, m in zip(scores, alt.minimums, strict=False)
                )
                return 0, None, f"{alt.label or alt.instrument}: {shown}"
    tier, which = _milestone_tier(rq.milestones, milestones)
    if tier < MISSING:
        return tier, None, which
    return MISSING, _missing_text(rq), None


_MISSING_TEXT: dict[int, tuple[AssessmentRequirement | MilestoneRequirement, str]] = {}


def _missing_text(rq: AssessmentRequirement | MilestoneRequirement) -> str:
    """What an unmet requirement needs, in words (the same for every student: made once)."""
    hit = _MISSING_TEXT.get(id(rq))
    if hit is not None and hit[0] is rq:
        return hit[1]
    if isinstance(rq, MilestoneRequirement):
        text = "one of: " + ", ".join(rq.accepts)
    else:
        options = [
            (alt.label or alt.instrument)
            + " "
            + " and ".join(f"{m.scale} >= {m.min_score}" for m in alt.minimums)
            for alt in rq.alternatives
        ] + list(rq.milestones)
        text = "one of: " + "; ".join(options)
    if len(_MISSING_TEXT) > 4096:
        _MISSING_TEXT.clear()
    _MISSING_TEXT[id(rq)] = (rq, text)
    return text


def milestone_status(rq: MilestoneRequirement, milestones: Sequence[Milestone]) -> Outcome:
    tier, which = _milestone_tier(rq.accepts, milestones)
    if tier < MISSING:
        return tier, None, which
    return MISSING, _missing_text(rq), None


def eligible(course: CourseRecord) -> bool:
    """Failed and withdrawn courses never count."""
    return course.status not in (CourseStatus.FAILED, CourseStatus.WITHDRAWN)
