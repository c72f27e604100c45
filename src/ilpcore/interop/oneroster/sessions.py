"""Academic sessions for ilpcore terms: a school year and the parts of it courses ran in."""

from __future__ import annotations

from datetime import date

from ilpcore.model import Session, Term

__all__ = ["SESSION_TYPES", "session_id", "session_row", "year_session_id"]

_WHOLE_YEAR = ((0, 8, 1), (1, 6, 30))
_SPANS: dict[Session, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    Session.FULL_YEAR: _WHOLE_YEAR,
    Session.FALL_SEMESTER: ((0, 8, 1), (0, 12, 31)),
    Session.SPRING_SEMESTER: ((1, 1, 1), (1, 6, 30)),
    Session.SUMMER: ((1, 7, 1), (1, 7, 31)),
    Session.FIRST_TRIMESTER: ((0, 8, 1), (0, 11, 30)),
    Session.SECOND_TRIMESTER: ((0, 12, 1), (1, 2, 28)),
    Session.THIRD_TRIMESTER: ((1, 3, 1), (1, 6, 30)),
    Session.FIRST_QUARTER: ((0, 8, 1), (0, 10, 15)),
    Session.SECOND_QUARTER: ((0, 10, 16), (0, 12, 31)),
    Session.THIRD_QUARTER: ((1, 1, 1), (1, 3, 15)),
    Session.FOURTH_QUARTER: ((1, 3, 16), (1, 6, 30)),
    Session.OTHER: _WHOLE_YEAR,
}
"""Nominal dates of each session (years after the school year's start, month, day):
ilpcore terms carry no dates, and the binding requires them."""

SESSION_TYPES: dict[Session, str] = {
    Session.FULL_YEAR: "schoolYear",
    Session.FALL_SEMESTER: "semester",
    Session.SPRING_SEMESTER: "semester",
    Session.FIRST_QUARTER: "gradingPeriod",
    Session.SECOND_QUARTER: "gradingPeriod",
    Session.THIRD_QUARTER: "gradingPeriod",
    Session.FOURTH_QUARTER: "gradingPeriod",
}
"""academicSessions.csv ``type`` of each session; the others are ``term``."""


def year_session_id(start_year: int) -> str:
    return f"sy-{start_year}"


def session_id(term: Term) -> str:
    """The sourcedId of a term's session: the school year itself for a full-year course."""
    if term.session is Session.FULL_YEAR:
        return year_session_id(term.school_year)
    return f"{year_session_id(term.school_year)}-{term.session.value}"


def _day(start_year: int, spec: tuple[int, int, int]) -> str:
    offset, month, day = spec
    return date(start_year + offset, month, day).isoformat()


def session_row(term: Term) -> list[str]:
    """The academicSessions.csv row of ``term`` (a full-year term: its school year)."""
    start, end = _SPANS[term.session]
    year = term.school_year
    is_year = term.session is Session.FULL_YEAR
    return [
        session_id(term), "", "",
        f"{year}-{(year + 1) % 100:02d}" if is_year else term.label,
        SESSION_TYPES.get(term.session, "term"),
        _day(year, start), _day(year, end),
        "" if is_year else year_session_id(year),
        str(year + 1),
    ]  # fmt: skip
