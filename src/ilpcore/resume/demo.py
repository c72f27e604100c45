"""The resume step of ``ilp demo``: the sample student's resume and hours.

The lead adds ``("resume", demo_step)`` to :data:`ilpcore.cli.demo.DEMO_STEPS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ilpcore.model import ResumeContact, ResumeSpec
from ilpcore.resume.builder import build_resume
from ilpcore.resume.hours import hours_totals, school_year_label
from ilpcore.resume.jsonresume import to_json_resume
from ilpcore.resume.text import to_text

if TYPE_CHECKING:
    from ilpcore.cli.demo import DemoContext, DemoSection

__all__ = ["DEMO_SPEC", "demo_step"]

DEMO_SPEC = ResumeSpec(
    contact=ResumeContact("maya.okafor@example.org", location="Lexington, KY"),
    show_gpa=True,
)
"""The spec the demo uses: every section, the GPA, an e-mail address and a city."""


def demo_step(context: DemoContext) -> DemoSection:
    """The resume as plain text with the hours per school year; ``--json`` gets the JSON
    Resume export and the hours."""
    # Imported here: ilpcore.cli.demo imports this module to list the step.
    from ilpcore.cli.demo import DemoSection

    plan = context.plan
    totals = hours_totals(plan.activities)
    lines = [to_text(build_resume(plan, DEMO_SPEC)).rstrip("\n"), "", "Hours by school year"]
    lines += [f"  {school_year_label(year)}  {hours} h" for year, hours in totals.by_year().items()]
    return DemoSection(
        "The resume, built from the plan",
        "\n".join(lines),
        {"jsonresume": to_json_resume(plan, DEMO_SPEC), "hours": totals.to_json()},
    )
