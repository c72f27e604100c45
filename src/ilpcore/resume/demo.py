"""The resume step of ``ilp demo``: the sample student's resume and hours.

It is a step of :func:`ilpcore.cli.demo.demo_steps`; it uses the plan's own resume spec,
or :data:`DEMO_SPEC` when the plan has none.
"""

from __future__ import annotations

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.model import ResumeContact, ResumeSpec
from ilpcore.resume.builder import build_resume
from ilpcore.resume.hours import hours_totals, school_year_label
from ilpcore.resume.jsonresume import to_json_resume
from ilpcore.resume.text import to_text

__all__ = ["DEMO_SPEC", "demo_step"]

DEMO_SPEC = ResumeSpec(
    contact=ResumeContact("maya.okafor@example.org", location="Lexington, KY"),
    show_gpa=True,
)
"""The spec the demo uses: every section, the GPA, an e-mail address and a city."""


def demo_step(context: DemoContext) -> DemoSection:
    """The resume as plain text with the hours per school year; ``--json`` gets the JSON
    Resume export and the hours."""
    plan = context.plan
    spec = plan.resume_spec or DEMO_SPEC
    totals = hours_totals(plan.activities)
    lines = [to_text(build_resume(plan, spec)).rstrip("\n"), "", "Hours by school year"]
    lines += [f"  {school_year_label(year)}  {hours} h" for year, hours in totals.by_year().items()]
    return DemoSection(
        "The resume, built from the plan",
        "\n".join(lines),
        {"jsonresume": to_json_resume(plan, spec), "hours": totals.to_json()},
    )
