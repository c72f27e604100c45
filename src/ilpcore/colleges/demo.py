"""The college step of ``ilp demo``: from the student's career goal to schools, costs and a list.

:mod:`ilpcore.cli.demo` runs it as its "colleges" step.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Final

from ilpcore.colleges.careers import for_career
from ilpcore.colleges.codes import Control
from ilpcore.colleges.cost import cost_of_attendance, multi_year_cost
from ilpcore.colleges.finances import program_finances
from ilpcore.colleges.loading import load_colleges
from ilpcore.colleges.occupations import career_facts
from ilpcore.colleges.records import Housing, Residency
from ilpcore.colleges.selector import CollegeFilter, SortKey
from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.matching import ONET_ATTRIBUTION, load_catalog
from ilpcore.model import (
    ApplicationStatus,
    CollegeApplication,
    Milestone,
    MilestoneKind,
    SavedItem,
    SavedList,
    SavedListKind,
    evolve,
)
from ilpcore.serialization import to_document

__all__ = ["DEMO_INFLATION", "DEMO_LOAN_RATE", "demo_step"]

DEMO_INFLATION: Final = Decimal("0.03")
"""The demo's stated assumption: charges grow 3 % a year."""
DEMO_LOAN_RATE: Final = Decimal("0.0653")
"""The demo's stated assumption: 6.53 %, the federal undergraduate Direct Loan rate for 2024-25."""
GOAL_ENTRY_EDUCATION: Final = "Bachelor's degree"
"""Used only if the occupation catalog has no projection for the goal (BLS EP 2024-34 gives
registered nurses, 29-1141, "Bachelor's degree")."""
TODAY: Final = date(2025, 11, 12)


def demo_step(context: DemoContext) -> DemoSection:
    """Schools for the plan's career goal in the student's state, cost and payoff, a saved list."""
    plan = context.plan
    goal = next((g for g in plan.current_goals() if g.career_code), None)
    code = goal.career_code if goal is not None and goal.career_code else "29-1141.00"
    state = plan.student.school.state or "KY"
    catalog = load_colleges(context.data_dir)
    facts = career_facts(load_catalog(context.data_dir), code, state)
    entry_education = facts.entry_education or GOAL_ENTRY_EDUCATION
    found = for_career(
        catalog,
        code,
        entry_education,
        CollegeFilter(states=frozenset({state})),
        SortKey.EARNINGS,
        limit=5,
    )
    lines = [
        f"Career goal {code} ({facts.title}): typical entry education {entry_education!r} "
        f"(BLS EP {facts.projection_period}); median wage in {state} "
        f"{facts.wage if facts.wage is not None else 'not published'}; "
        f"{len(found.programs)} programs in the CIP-SOC crosswalk; "
        f"{found.colleges.total} schools in {state} award them at that level.",
        found.colleges.text(),
    ]
    data: dict[str, Any] = {"schools": found.colleges.to_records()}
    public = [s for s in found.colleges if s.institution.control is Control.PUBLIC]
    if public or len(found.colleges):
        first = public[0] if public else found.colleges[0]
        unitid = first.institution.unitid
        cost = cost_of_attendance(catalog, unitid, Residency.IN_STATE, Housing.ON_CAMPUS)
        start = plan.student.cohort
        lines.append(f"\nCost of attendance at {first.institution.name}, in-state, on campus:")
        lines += [f"  {name:<20} {f}" for name, f in cost.parts]
        lines.append(f"  {'total':<20} {cost.total}")
        if cost.total.value is not None:
            years = multi_year_cost(cost, start_year=start, years=4, inflation=DEMO_INFLATION)
            by_year = ", ".join(f"{y.academic_year} ${y.amount:,}" for y in years.years)
            lines.append(
                f"  4 years from fall {start} at {DEMO_INFLATION:.0%} a year: "
                f"${years.total:,} ({by_year})"
            )
            data["four_year_total"] = str(years.total)
        program = first.programs[0]
        money = program_finances(
            catalog,
            unitid,
            program.cip,
            program.award,
            annual_rate=DEMO_LOAN_RATE,
            occupation_wage=facts.wage,
        )
        lines.append(f"{program.title}, {program.award.label}:")
        lines += [f"  {item:<40} {figure}" for item, figure in money.figures()]
        data["program"] = {
            "unitid": unitid,
            "cip": program.cip,
            "median_debt": money.median_debt.to_dict(),
            "median_earnings": money.median_earnings.to_dict(),
            "monthly_payment": money.monthly_payment.to_dict(),
            "occupation_wage": None if facts.wage is None else facts.wage.to_dict(),
        }
    shortlist = tuple(found.colleges)[:3]
    saved = SavedList(
        "L-colleges",
        SavedListKind.COLLEGES,
        f"Nursing schools in {state}",
        TODAY,
        tuple(
            SavedItem(str(s.institution.unitid), s.institution.name, TODAY, favorite=i == 0)
            for i, s in enumerate(shortlist)
        ),
        source="IPEDS HD2024 + College Scorecard, ilp colleges for-career",
    )
    applications = tuple(
        CollegeApplication(
            str(s.institution.unitid),
            s.institution.name,
            ApplicationStatus.RESEARCHING,
            deadline=date(start - 1, 12, 1),
        )
        for s in shortlist
    )
    milestones = (
        Milestone("M-fafsa", MilestoneKind.FAFSA, "File the FAFSA", due=date(start - 1, 10, 1)),
        Milestone("M-kees", MilestoneKind.SCHOLARSHIP, "Apply for a nursing scholarship"),
    )
    if all(s.id != saved.id for s in plan.saved_lists):
        context.plan = evolve(
            plan,
            saved_lists=(*plan.saved_lists, saved),
            applications=(*plan.applications, *applications),
            milestones=(*plan.milestones, *milestones),
        )
    lines.append(
        f"\nSaved list {saved.name!r} with {len(saved.items)} schools; "
        f"{len(applications)} applications tracked (researching); milestones: "
        + "; ".join(f"{m.title} (due {m.due})" if m.due else str(m.title) for m in milestones)
    )
    lines.append(ONET_ATTRIBUTION)

    data["saved_list"] = to_document(saved)
    data["applications"] = [to_document(a) for a in applications]
    data["milestones"] = [to_document(m) for m in milestones]
    return DemoSection("Colleges for the career goal", "\n".join(lines), data)
