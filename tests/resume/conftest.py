"""Shared helpers for the resume tests: golden files and the sample resume."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilpcore.model import EntryOverride, Plan, ResumeContact, ResumeSpec
from ilpcore.resume import Resume, build_resume
from ilpcore.samples import sample_plan

GOLDEN = Path(__file__).parent / "golden"

SAMPLE_SPEC = ResumeSpec(
    first=("A-hosa",),
    excluded=("A-soccer",),
    overrides=(EntryOverride("A-job", description="Ran the register on busy weekend shifts."),),
    contact=ResumeContact("maya.okafor@example.org", "+1 859 555 0100", "Lexington, KY"),
    show_gpa=True,
)
"""The spec of the golden renderings: one entry moved first, one left out, one reworded."""


def entry_ids(plan: Plan) -> tuple[str, ...]:
    """Every entry id the plan's full resume has (with the objective and GPA), for specs."""
    resume = build_resume(plan, ResumeSpec(objective="x", show_gpa=True))
    return tuple(e.id for s in resume.sections for e in s.entries)


def check_golden(name: str, text: str) -> None:
    """Compare with ``golden/<name>``; ``ILPCORE_UPDATE_GOLDEN=1`` rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("ILPCORE_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with ILPCORE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.fixture
def sample_resume() -> Resume:
    return build_resume(sample_plan(), SAMPLE_SPEC)
