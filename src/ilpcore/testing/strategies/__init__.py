"""Hypothesis strategies for every ilpcore model type.

They generate *valid* values (every construction check passes), realistic
enough for plugin authors and researchers: ids are unique where the model
requires it, reflections refer to items of the same plan, credits are
multiples of a quarter.  Text mixes plausible words with arbitrary Unicode,
so serializers and renderers meet hostile input too.

A whole plan is hundreds of draws, so tests over plans should allow slow
generation:

>>> from hypothesis import HealthCheck, given, settings
>>> from ilpcore.testing.strategies import plans
>>> @settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
... @given(plans(max_items=2))
... def test_plan_has_student(plan):
...     assert plan.student.id
>>> test_plan_has_student()

These strategies are also registered for :func:`hypothesis.strategies.from_type`
through Hypothesis' entry point, once ilpcore is installed.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ilpcore.model import (
    Accommodation,
    Activity,
    Artifact,
    Aspiration,
    AspirationArea,
    AssessmentResult,
    Benchmark,
    CollegeApplication,
    Contact,
    CoursePlan,
    CourseRecord,
    Demographics,
    DocumentLink,
    Enrollment,
    EntryOverride,
    Goal,
    Instrument,
    Milestone,
    Participant,
    PersonName,
    Phase,
    PhaseCompletion,
    Plan,
    Profile,
    ProgressNote,
    Reflection,
    ResumeContact,
    ResumeSpec,
    Review,
    ReviewSchedule,
    Role,
    SavedItem,
    SavedList,
    SchoolRef,
    Score,
    SignOff,
    Student,
    SubjectKind,
    SubjectRef,
    Term,
)
from ilpcore.testing.strategies._activities import activities, artifacts
from ilpcore.testing.strategies._applications import college_applications, milestones
from ilpcore.testing.strategies._assessments import _scores, assessment_results, instruments
from ilpcore.testing.strategies._base import SUBJECTS as SUBJECTS
from ilpcore.testing.strategies._base import _opt, credits, dates, identifiers, texts
from ilpcore.testing.strategies._courses import course_plans, course_records, terms
from ilpcore.testing.strategies._goals import _benchmarks, goals
from ilpcore.testing.strategies._people import (
    _enrollments,
    accommodations,
    contacts,
    demographics,
    person_names,
    profiles,
    school_refs,
    students,
)
from ilpcore.testing.strategies._plans import plans
from ilpcore.testing.strategies._resume import _entry_overrides, resume_contacts, resume_specs
from ilpcore.testing.strategies._reviews import review_schedules, reviews
from ilpcore.testing.strategies._saved import saved_items, saved_lists

__all__ = [
    "accommodations",
    "activities",
    "artifacts",
    "assessment_results",
    "college_applications",
    "contacts",
    "course_plans",
    "course_records",
    "credits",
    "dates",
    "demographics",
    "goals",
    "identifiers",
    "instruments",
    "milestones",
    "person_names",
    "plans",
    "profiles",
    "register_type_strategies",
    "resume_contacts",
    "resume_specs",
    "review_schedules",
    "reviews",
    "saved_items",
    "saved_lists",
    "school_refs",
    "students",
    "terms",
    "texts",
]

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    PersonName: person_names(),
    SchoolRef: school_refs(),
    Student: students(),
    Demographics: demographics(),
    Contact: contacts(),
    Accommodation: accommodations(),
    Enrollment: _enrollments(),
    Profile: profiles(),
    Benchmark: _benchmarks(),
    Goal: goals(),
    Review: reviews(),
    Term: terms(),
    CourseRecord: course_records(),
    CoursePlan: course_plans(),
    Activity: activities(),
    AssessmentResult: assessment_results(),
    SavedList: saved_lists(),
    Artifact: artifacts(),
    Plan: plans(),
    Aspiration: st.builds(Aspiration, st.sampled_from(AspirationArea), texts()),
    DocumentLink: st.builds(DocumentLink, texts(), _opt(texts())),
    Instrument: instruments(),
    Participant: st.builds(Participant, texts(), st.sampled_from(Role)),
    SignOff: st.builds(SignOff, texts(), st.sampled_from(Role), dates()),
    PhaseCompletion: st.builds(PhaseCompletion, st.sampled_from(Phase), dates(), _opt(texts())),
    ProgressNote: st.builds(ProgressNote, dates(), texts(), _opt(texts())),
    Reflection: st.builds(Reflection, identifiers("RF"), dates(), texts(300)),
    SavedItem: saved_items(),
    CollegeApplication: college_applications(),
    Milestone: milestones(),
    Score: _scores(),
    SubjectRef: st.builds(SubjectRef, st.sampled_from(SubjectKind), identifiers()),
    ReviewSchedule: review_schedules(),
    ResumeContact: resume_contacts(),
    EntryOverride: _entry_overrides(st.sampled_from(("A-1", "course:MA100", "skill:teamwork"))),
    ResumeSpec: resume_specs(),
}
"""The strategy for each model type (those not listed here are reached through these)."""


def register_type_strategies() -> None:
    """Make :func:`hypothesis.strategies.from_type` use these strategies."""
    for cls, strategy in STRATEGIES.items():
        st.register_type_strategy(cls, strategy)
