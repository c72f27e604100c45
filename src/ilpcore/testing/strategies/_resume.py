"""Strategies for resume specs."""

from __future__ import annotations

import functools
from operator import attrgetter

from hypothesis import strategies as st

from ilpcore.model import (
    EntryOverride,
    ResumeContact,
    ResumeSection,
    ResumeSpec,
)
from ilpcore.testing.strategies._base import _opt, texts

__all__ = ["resume_contacts", "resume_specs"]


_EMAILS = st.sampled_from(("maya@example.org", "student+resume@school.example"))


@functools.cache
def resume_contacts() -> st.SearchStrategy[ResumeContact]:
    return st.builds(
        ResumeContact,
        _opt(_EMAILS),
        _opt(st.sampled_from(("+1 859 555 0100", "(502) 555-0123"))),
        _opt(texts()),
        _opt(st.sampled_from(("https://maya.example.org", "https://portfolio.example/x"))),
    )


@st.composite
def _entry_overrides(draw: st.DrawFn, ids: st.SearchStrategy[str]) -> EntryOverride:
    fields = draw(st.tuples(_opt(texts()), _opt(texts()), _opt(texts()), _opt(texts(200))))
    if fields == (None, None, None, None):
        fields = (draw(texts()), None, None, None)
    return EntryOverride(draw(ids), *fields)


@st.composite
def resume_specs(draw: st.DrawFn, entry_ids: tuple[str, ...] = ()) -> ResumeSpec:
    """Resume specs; ``entry_ids`` are the ids to exclude, put first and reword (some made up
    ids are mixed in: a spec may name entries the plan no longer has)."""
    ids = st.sampled_from((*entry_ids, "A-gone", "course:XX100", "skill:juggling"))
    excluded = draw(st.lists(ids, max_size=3, unique=True))
    first = draw(st.lists(ids.filter(lambda i: i not in excluded), max_size=3, unique=True))
    return ResumeSpec(
        sections=tuple(draw(st.permutations(list(ResumeSection)))[: draw(st.integers(0, 9))]),
        excluded=tuple(excluded),
        first=tuple(first),
        overrides=tuple(
            draw(st.lists(_entry_overrides(ids), max_size=3, unique_by=attrgetter("entry_id")))
        ),
        contact=draw(resume_contacts()),
        objective=draw(_opt(texts(120))),
        show_gpa=draw(st.booleans()),
    )
