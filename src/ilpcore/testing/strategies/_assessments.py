"""Strategies for assessment results."""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import strategies as st

from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    Instrument,
    Score,
)
from ilpcore.testing.strategies._base import _BY_SCALE, _opt, _tuple, dates, identifiers, texts

__all__ = ["assessment_results", "instruments"]


@functools.cache
def _scores() -> st.SearchStrategy[Score]:
    return st.builds(
        lambda scale, v: Score(scale, Decimal(v), Decimal(0), Decimal(40)),
        st.sampled_from(("realistic", "investigative", "artistic", "social", "enterprising")),
        st.integers(0, 40),
    )


@functools.cache
def instruments() -> st.SearchStrategy[Instrument]:
    return st.builds(
        Instrument,
        st.sampled_from(("onet-ip-sf", "sat", "act", "ky-eoc-algebra-1")),
        st.sampled_from(("1.0", "2024", "60-item short form")),
        _opt(texts()),
    )


@functools.cache
def assessment_results() -> st.SearchStrategy[AssessmentResult]:
    return st.builds(
        AssessmentResult,
        identifiers("AS"),
        st.sampled_from(AssessmentKind),
        instruments(),
        dates(),
        _tuple(_scores(), 5, unique_by=_BY_SCALE),
        _opt(st.lists(st.sampled_from("12345"), min_size=60, max_size=60).map("".join)),
    )
