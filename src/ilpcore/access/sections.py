"""The vocabulary of access decisions: plan sections, actions and scopes."""

from __future__ import annotations

import enum

__all__ = ["SECTION_FIELDS", "Action", "Scope", "Section"]


class Section(enum.Enum):
    """The parts of a plan an access policy tells apart."""

    IDENTITY = "identity"
    PROFILE = "profile"
    DEMOGRAPHICS = "demographics"
    GOALS = "goals"
    REVIEWS = "reviews"
    PHASES = "phases"
    COURSES = "courses"
    """The transcript."""
    COURSE_PLANS = "course_plans"
    PORTFOLIO = "portfolio"
    """Activities, reflections and artifacts."""
    ASSESSMENTS = "assessments"
    SAVED_LISTS = "saved_lists"


SECTION_FIELDS: dict[Section, tuple[str, ...]] = {
    Section.IDENTITY: ("student", "parental_access_consent"),
    Section.PROFILE: ("profile",),
    Section.DEMOGRAPHICS: ("demographics",),
    Section.GOALS: ("goals",),
    Section.REVIEWS: ("reviews", "review_schedule"),
    Section.PHASES: ("phases",),
    Section.COURSES: ("courses",),
    Section.COURSE_PLANS: ("course_plans",),
    Section.PORTFOLIO: ("activities", "reflections", "artifacts"),
    Section.ASSESSMENTS: ("assessments",),
    Section.SAVED_LISTS: ("saved_lists",),
}
"""Which :class:`~ilpcore.model.Plan` fields belong to each section."""


class Action(enum.Enum):
    READ = "read"
    WRITE = "write"
    SIGN_OFF = "sign_off"
    """Sign off a review of the plan."""


class Scope(enum.Enum):
    """Which students a grant reaches, seen from the acting person."""

    SELF = "self"
    """The student's own plan."""
    GUARDIAN = "guardian"
    """A child of the actor (guardian access ends at 18 unless the student consents)."""
    CASELOAD = "caseload"
    """A student on the actor's caseload."""
    SCHOOL = "school"
    """A student at a school the actor works at."""
    DISTRICT = "district"
    """Any student of the district the store serves."""
