"""The career-matching step of ``ilp demo``: rank O*NET occupations for the sample student.

Uses the student's Interest Profiler result on the plan and the real O*NET
release (found with :func:`~ilpcore.data_location.find_data_dir`), saves the
matches on the plan as a dated careers list, and explains the best one.
"""

from __future__ import annotations

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.matching.attribution import ONET_ATTRIBUTION
from ilpcore.matching.catalog import load_catalog
from ilpcore.matching.interests import from_assessment
from ilpcore.matching.plans import save_match
from ilpcore.matching.ranking import InterestIndex, rank_interests
from ilpcore.model import AssessmentKind

__all__ = ["DEMO_ZONE", "match_step"]

DEMO_ZONE = 4
"""Job Zone 4: considerable preparation, usually a bachelor's degree (the sample aims at a BSN)."""


def match_step(context: DemoContext) -> DemoSection:
    """Rank careers for the plan's latest interest result and save them on the plan."""
    plan = context.plan
    latest = max(
        (a for a in plan.assessments if a.kind is AssessmentKind.INTEREST),
        key=lambda a: a.taken_on,
    )
    scores = from_assessment(latest)
    catalog = load_catalog(context.data_dir)
    index = InterestIndex.from_catalog(catalog)
    result = rank_interests(scores, index, top=10, zone=DEMO_ZONE, today=latest.taken_on)
    everything = rank_interests(scores, index, top=len(catalog.occupations))
    positions = {m.code: (i + 1, m) for i, m in enumerate(everything.matches)}
    goal_lines = [
        f"The goal {goal.title!r} ({goal.career_code}): {positions[goal.career_code][1].title}"
        f" ranks {positions[goal.career_code][0]} of {len(everything.matches)} by interests"
        f" (r = {positions[goal.career_code][1].r:.3f}); interests are one input, not a verdict."
        for goal in plan.current_goals()
        if goal.career_code in positions
    ]
    list_id = f"L-match-{latest.id}"
    if all(s.id != list_id for s in plan.saved_lists):
        context.plan = save_match(
            plan,
            result,
            list_id=list_id,
            name=f"Careers matching my interests ({latest.taken_on.isoformat()})",
        )
    best = result.matches[0]
    shares = ", ".join(
        f"{area} {share:+.2f}" for area, share in zip("RIASEC", best.contributions, strict=True)
    )
    text = "\n".join(
        [
            str(result),
            "",
            f"Why {best.title}: r = {best.r:.3f} = sum of the areas' shares ({shares});",
            f"codes {best.student_code} (student) vs {best.occupation_code} (occupation),"
            f" Iachan M {best.iachan_m}, Brown & Gore C {best.brown_gore_c}.",
            f"Saved on the plan as list {list_id!r}.",
            *goal_lines,
        ]
    )
    data = {**result.to_dict(), "saved_list": list_id, "attribution": ONET_ATTRIBUTION}
    return DemoSection("Careers that match the student's interests", text, data)
