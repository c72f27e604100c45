"""Strategies for college applications and milestones."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    ApplicationStatus,
    CollegeApplication,
    Milestone,
    MilestoneKind,
)
from ilpcore.testing.strategies._base import _opt, _ordered_dates, dates, identifiers, texts

__all__ = ["college_applications", "milestones"]


_SUBMITTED = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.ADMITTED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.DENIED,
    ApplicationStatus.ENROLLED,
)


@functools.cache
@st.composite
def college_applications(draw: st.DrawFn) -> CollegeApplication:
    """Applications whose dates agree with their status (submitted before decided)."""
    status = draw(st.sampled_from(ApplicationStatus))
    submitted, decided = (None, None)
    if status in _SUBMITTED:
        submitted, decided = draw(_opt(_ordered_dates())) or (None, None)
    return CollegeApplication(
        draw(st.sampled_from(("157085", "157289", "156620", "199120", "166027"))),
        draw(texts()),
        status,
        draw(_opt(dates())),
        submitted,
        decided,
        draw(_opt(texts(200))),
    )


@functools.cache
def milestones() -> st.SearchStrategy[Milestone]:
    return st.builds(
        Milestone,
        identifiers("M"),
        st.sampled_from(MilestoneKind),
        _opt(texts()),
        _opt(dates()),
        _opt(dates()),
        _opt(texts()),
    )
