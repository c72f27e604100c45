"""Strategies for saved lists (careers, colleges)."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    SavedItem,
    SavedList,
    SavedListKind,
)
from ilpcore.testing.strategies._base import _BY_KEY, _opt, _tuple, dates, identifiers, texts

__all__ = ["saved_items", "saved_lists"]


@functools.cache
def saved_items() -> st.SearchStrategy[SavedItem]:
    return st.builds(
        SavedItem,
        st.sampled_from(("29-1141.00", "15-1252.00", "157289", "17-2051.00", "199120")),
        texts(),
        dates(),
        st.booleans(),
        _opt(texts()),
    )


@functools.cache
def saved_lists() -> st.SearchStrategy[SavedList]:
    return st.builds(
        SavedList,
        identifiers("L"),
        st.sampled_from(SavedListKind),
        texts(),
        dates(),
        _tuple(saved_items(), 5, unique_by=_BY_KEY),
        _opt(texts()),
    )
