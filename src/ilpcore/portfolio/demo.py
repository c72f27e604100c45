"""The portfolio step of ``ilp demo``: the student adds a work sample, then exports her
ePortfolio to a temporary folder.

It is a step of :func:`ilpcore.cli.demo.demo_steps`, after the review cycle: it adds
:data:`DEMO_SAMPLE` to the plan as stored (a new revision) and shows what the export holds.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Final

from ilpcore.demo_steps import DemoContext, DemoSection
from ilpcore.model import Role
from ilpcore.portfolio.artifacts import add_artifact, artifact_id_for
from ilpcore.portfolio.export import export_portfolio
from ilpcore.portfolio.html import size_text
from ilpcore.resume.hours import school_year_label
from ilpcore.store import Actor

__all__ = ["DEMO_SAMPLE", "DEMO_SAMPLE_NAME", "demo_step"]

DEMO_SAMPLE_NAME: Final = "pediatric-nursing-essay.md"
DEMO_SAMPLE: Final = (
    b"# Why pediatric nursing\n\n"
    b"At the Bluegrass Children's Clinic I watched a nurse explain an inhaler to a scared\n"
    b"seven-year-old and his father. She knelt down, used a stuffed bear, and checked that\n"
    b"they could both do it. That is the part of nursing I want: teaching families.\n"
)
"""The work sample the demo adds: a short essay about the job shadow, in Markdown."""


def demo_step(context: DemoContext) -> DemoSection:
    """Add :data:`DEMO_SAMPLE` (linked to the job shadow) as the student, export the portfolio
    to a temporary folder; show the files and the hours. Replaces ``context.plan``."""
    student_id = context.plan.student.id
    student = Actor(student_id, Role.STUDENT)
    store = context.store
    plan = store.load_plan(student, student_id)
    if not any(a.id == artifact_id_for(DEMO_SAMPLE) for a in plan.artifacts):
        plan = add_artifact(
            store, student, plan, DEMO_SAMPLE, DEMO_SAMPLE_NAME,
            title="Why pediatric nursing (essay)", about=("A-shadow",),
            added_on=date(2025, 11, 12),
        )  # fmt: skip
    context.plan = plan
    with tempfile.TemporaryDirectory() as folder:
        result = export_portfolio(store, student, student_id, Path(folder) / "portfolio")
    sample = plan.artifacts[-1]
    totals = result.portfolio.hours_totals
    lines = [
        f"Added the work sample {sample.title!r} ({sample.media_type}, "
        f"{size_text(sample.size)}) as revision {plan.revision}",
        f"Exported the ePortfolio: {len(result.paths)} files, {size_text(result.size)}",
        *(f"  {path}" for path in result.paths),
        f"Hours: {totals.total}",
        *(f"  {school_year_label(y)}  {h} h" for y, h in totals.by_year().items()),
    ]
    return DemoSection("The portfolio, exported", "\n".join(lines), result.to_json())
