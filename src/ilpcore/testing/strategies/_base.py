"""Building blocks of the strategies: text, ids, dates, credits, optional values and tuples."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any, TypeVar

from hypothesis import strategies as st

from ilpcore.model import (
    GRADE_LEVEL_MAX,
    GRADE_LEVEL_MIN,
    Role,
)

__all__ = ["SUBJECTS", "credits", "dates", "identifiers", "texts"]


T = TypeVar("T")

_BY_ID = attrgetter("id")
_BY_SCALE = attrgetter("scale")
_BY_KEY = attrgetter("key")
_BY_PHASE = attrgetter("phase")
_BY_UNITID = attrgetter("unitid")
_ROLES = st.sampled_from(Role)
_REVISIONS = st.integers(0, 50)
_HOURS = st.integers(0, 4000).map(lambda n: Decimal(n) / 2)

_WORDS = (
    "Algebra", "Biology", "robotics", "team", "nursing", "volunteer", "Spanish", "welding",
    "debate", "captain", "art", "portfolio", "summer", "internship", "food bank", "coding",
    "Ms. García", "Zoë", "O'Neil", "<b>bold</b>", "5th period", "AP®", "naïve", "東京",
)  # fmt: skip

SUBJECTS = (
    "english_language_arts", "mathematics", "science", "social_studies", "arts",
    "world_languages", "physical_education", "health", "career_technical", "electives",
)  # fmt: skip
"""Subject codes used by the generated course records."""


@functools.cache
def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text: mostly plausible words, sometimes arbitrary Unicode."""
    plausible = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
    arbitrary = st.text(min_size=1, max_size=max_size).filter(lambda s: bool(s.strip()))
    return st.one_of(plausible, plausible, arbitrary)


@functools.cache
def identifiers(prefix: str = "") -> st.SearchStrategy[str]:
    """Ids such as ``G-17`` that pass the model's id check."""
    return st.builds(lambda n: f"{prefix}{n}", st.integers(1, 10_000)).map(
        lambda s: s if s[0].isalnum() else "x" + s
    )


@functools.cache
def dates(start: int = 2012, end: int = 2040) -> st.SearchStrategy[date]:
    return st.dates(date(start, 1, 1), date(end, 12, 31))


@functools.cache
def credits() -> st.SearchStrategy[Decimal]:
    """Course credits in quarter steps from 0 to 2."""
    return st.integers(0, 8).map(lambda n: Decimal(n) / 4)


@functools.cache
def _grades() -> st.SearchStrategy[int]:
    return st.integers(GRADE_LEVEL_MIN, GRADE_LEVEL_MAX)


@functools.cache
def _opt(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@functools.cache
def _ordered_dates() -> st.SearchStrategy[tuple[date, date | None]]:
    return st.tuples(dates(), _opt(st.integers(0, 1500))).map(
        lambda t: (t[0], None if t[1] is None else t[0] + timedelta(days=t[1]))
    )


@functools.cache
def _tuple(
    strategy: st.SearchStrategy[T], max_size: int = 4, **kw: Any
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, **kw).map(tuple)


@functools.cache
def _unique_ids(
    strategy: st.SearchStrategy[T], max_size: int = 4
) -> st.SearchStrategy[tuple[T, ...]]:
    return _tuple(strategy, max_size, unique_by=_BY_ID)
