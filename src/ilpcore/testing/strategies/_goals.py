"""Strategies for goals and their benchmarks."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    Benchmark,
    BenchmarkStatus,
    Goal,
    GoalCategory,
    GoalHorizon,
    GoalStatus,
    ProgressNote,
)
from ilpcore.testing.strategies._base import (
    _grades,
    _opt,
    _ordered_dates,
    _tuple,
    _unique_ids,
    dates,
    identifiers,
    texts,
)

__all__ = ["goals"]


@functools.cache
@st.composite
def _benchmarks(draw: st.DrawFn) -> Benchmark:
    status = draw(st.sampled_from(BenchmarkStatus))
    met_on = draw(dates()) if status is BenchmarkStatus.MET else None
    return Benchmark(
        draw(identifiers("B")), draw(_grades()), draw(texts()), draw(_opt(dates())), status, met_on
    )


@functools.cache
@st.composite
def goals(draw: st.DrawFn, ids: st.SearchStrategy[str] | None = None) -> Goal:
    set_on, target = draw(_ordered_dates())
    return Goal(
        id=draw(ids or identifiers("G")),
        title=draw(texts()),
        category=draw(st.sampled_from(GoalCategory)),
        horizon=draw(st.sampled_from(GoalHorizon)),
        description=draw(_opt(texts(200))),
        set_on=draw(_opt(st.just(set_on))),
        target_date=target,
        status=draw(st.sampled_from(GoalStatus)),
        benchmarks=draw(_unique_ids(_benchmarks(), 3)),
        progress=draw(_tuple(st.builds(ProgressNote, dates(), texts(), _opt(texts())), 3)),
        career_code=draw(_opt(st.sampled_from(("29-1141.00", "15-1252.00", "47-2111.00")))),
    )
