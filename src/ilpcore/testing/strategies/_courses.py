"""Strategies for terms, course records and course plans."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    GRADE_LEVEL_MAX,
    CourseAttribute,
    CoursePlan,
    CourseRecord,
    CourseStatus,
    Session,
    Term,
)
from ilpcore.testing.strategies._base import SUBJECTS, _opt, _tuple, credits, identifiers, texts

__all__ = ["course_plans", "course_records", "terms"]


_course_codes = st.builds(
    "{}{}".format,
    st.sampled_from(("MA", "ENG", "BIO", "CHEM", "HIST", "ART", "CTE")),
    st.integers(100, 4999),
)


@functools.cache
def terms() -> st.SearchStrategy[Term]:
    return st.builds(Term, st.integers(2015, 2035), st.sampled_from(Session))


@functools.cache
@st.composite
def course_records(draw: st.DrawFn, status: CourseStatus | None = None) -> CourseRecord:
    status = status or draw(st.sampled_from(CourseStatus))
    amount = draw(credits())
    graded = status in (CourseStatus.COMPLETED, CourseStatus.FAILED)
    earned = None
    if graded and draw(st.booleans()):
        earned = min(amount, draw(credits()))
    mark = None
    if status not in (CourseStatus.PLANNED, CourseStatus.REGISTERED):
        mark = draw(_opt(st.sampled_from(("A", "A-", "B+", "B", "C", "D", "F", "P", "93"))))
    return CourseRecord(
        course_code=draw(_course_codes),
        title=draw(texts()),
        subject=draw(st.sampled_from(SUBJECTS)),
        term=draw(terms()),
        grade_level=draw(st.integers(6, GRADE_LEVEL_MAX)),
        credits=amount,
        status=status,
        mark=mark,
        credits_earned=earned,
        attributes=draw(st.frozensets(st.sampled_from(CourseAttribute), max_size=3)),
        institution=draw(_opt(texts())),
    )


@functools.cache
def course_plans(goal_ids: tuple[str, ...] = ()) -> st.SearchStrategy[CoursePlan]:
    goal = _opt(st.sampled_from(goal_ids)) if goal_ids else st.none()
    return st.builds(
        CoursePlan,
        identifiers("CP"),
        texts(),
        _tuple(course_records(CourseStatus.PLANNED), 8),
        goal,
        _opt(texts()),
    )
