"""Strategies for activities and portfolio artifacts."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    GRADE_LEVEL_MAX,
    Activity,
    ActivityKind,
    Artifact,
    SubjectRef,
)
from ilpcore.testing.strategies._base import (
    _HOURS,
    _opt,
    _ordered_dates,
    _tuple,
    dates,
    identifiers,
    texts,
)

__all__ = ["activities", "artifacts"]


@functools.cache
@st.composite
def activities(draw: st.DrawFn) -> Activity:
    start, end = draw(_ordered_dates())
    return Activity(
        id=draw(identifiers("A")),
        kind=draw(st.sampled_from(ActivityKind)),
        title=draw(texts()),
        start=start,
        end=end,
        organization=draw(_opt(texts())),
        role=draw(_opt(texts())),
        hours=draw(_opt(_HOURS)),
        description=draw(_opt(texts(200))),
        grade_levels=draw(_tuple(st.integers(6, GRADE_LEVEL_MAX), unique=True)),
        skills=draw(_tuple(texts())),
    )


def artifacts(
    about: st.SearchStrategy[tuple[SubjectRef, ...]] | None = None,
) -> st.SearchStrategy[Artifact]:
    return st.builds(
        Artifact,
        identifiers("W"),
        texts(),
        st.binary(min_size=32, max_size=32).map(lambda b: "sha256:" + b.hex()),
        st.sampled_from(("application/pdf", "image/png", "text/plain", "video/mp4")),
        st.integers(0, 50_000_000),
        dates(),
        _opt(texts()),
        st.just(()) if about is None else about,
    )
