"""Strategies for reviews and review schedules."""

from __future__ import annotations

import functools
from datetime import timedelta

from hypothesis import strategies as st

from ilpcore.model import (
    TWICE_A_YEAR,
    Participant,
    Review,
    ReviewKind,
    ReviewSchedule,
    SignOff,
)
from ilpcore.testing.strategies._base import (
    _REVISIONS,
    _ROLES,
    _opt,
    _tuple,
    dates,
    identifiers,
    texts,
)

__all__ = ["review_schedules", "reviews"]


_SIGNERS = st.tuples(texts(), _ROLES, st.integers(0, 60))
_PARTICIPANTS = st.builds(Participant, texts(), _ROLES)


@functools.cache
@st.composite
def reviews(draw: st.DrawFn) -> Review:
    held_on = draw(dates())
    sign_offs = tuple(
        SignOff(name, role, held_on + timedelta(days=delay))
        for name, role, delay in draw(_tuple(_SIGNERS))
    )
    before = draw(_opt(_REVISIONS))
    extra = None if before is None else draw(_opt(_REVISIONS))
    after = None if before is None or extra is None else before + extra
    return Review(
        draw(identifiers("R")),
        held_on,
        draw(st.sampled_from(ReviewKind)),
        draw(_tuple(_PARTICIPANTS)),
        draw(_tuple(texts(80))),
        draw(_opt(texts(200))),
        sign_offs,
        before,
        after,
    )


@functools.cache
def review_schedules() -> st.SearchStrategy[ReviewSchedule]:
    recurrences = st.sampled_from(
        (
            TWICE_A_YEAR,
            "RRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=1",
            "RRULE:FREQ=MONTHLY;INTERVAL=4;BYMONTHDAY=1",
            "RRULE:FREQ=YEARLY;BYMONTH=1,4,9;BYMONTHDAY=10,20",
        )
    )
    zones = st.sampled_from(
        ("America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu")
    )
    return st.builds(ReviewSchedule, recurrences, dates(2015, 2030), zones)
