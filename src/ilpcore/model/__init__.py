"""The immutable vocabulary of an Individual Learning Plan.

Every type is a frozen, slotted ``attrs`` class validated on construction;
collections are tuples; credits and scores are :class:`~decimal.Decimal`.
Change a value with :func:`evolve`, which returns a new, re-validated value.
This package imports nothing from ilpcore's engines.
"""

from __future__ import annotations

from attrs import evolve

from ilpcore.model._checks import GRADE_LEVEL_MAX, GRADE_LEVEL_MIN
from ilpcore.model.activities import (
    Activity,
    ActivityKind,
    Artifact,
    Reflection,
    SubjectKind,
    SubjectRef,
)
from ilpcore.model.applications import (
    ApplicationStatus,
    CollegeApplication,
    Milestone,
    MilestoneKind,
)
from ilpcore.model.assessments import AssessmentKind, AssessmentResult, Instrument, Score
from ilpcore.model.courses import (
    CourseAttribute,
    CoursePlan,
    CourseRecord,
    CourseStatus,
    Session,
    Term,
    courses_by_term,
)
from ilpcore.model.demographics import Demographics, RaceEthnicity
from ilpcore.model.goals import (
    Benchmark,
    BenchmarkStatus,
    Goal,
    GoalCategory,
    GoalHorizon,
    GoalStatus,
    ProgressNote,
)
from ilpcore.model.people import PersonName, Role, SchoolRef, Student
from ilpcore.model.phases import Phase, PhaseCompletion
from ilpcore.model.plan import Plan
from ilpcore.model.profile import (
    Accommodation,
    AccommodationSource,
    Aspiration,
    AspirationArea,
    Contact,
    ContactMethod,
    DocumentLink,
    Enrollment,
    Profile,
)
from ilpcore.model.resume import EntryOverride, ResumeContact, ResumeSection, ResumeSpec
from ilpcore.model.reviews import Participant, Review, ReviewKind, SignOff
from ilpcore.model.saved import SavedItem, SavedList, SavedListKind
from ilpcore.model.schedule import TWICE_A_YEAR, ReviewSchedule

__all__ = [
    "GRADE_LEVEL_MAX",
    "GRADE_LEVEL_MIN",
    "TWICE_A_YEAR",
    "Accommodation",
    "AccommodationSource",
    "Activity",
    "ActivityKind",
    "ApplicationStatus",
    "Artifact",
    "Aspiration",
    "AspirationArea",
    "AssessmentKind",
    "AssessmentResult",
    "Benchmark",
    "BenchmarkStatus",
    "CollegeApplication",
    "Contact",
    "ContactMethod",
    "CourseAttribute",
    "CoursePlan",
    "CourseRecord",
    "CourseStatus",
    "Demographics",
    "DocumentLink",
    "Enrollment",
    "EntryOverride",
    "Goal",
    "GoalCategory",
    "GoalHorizon",
    "GoalStatus",
    "Instrument",
    "Milestone",
    "MilestoneKind",
    "Participant",
    "PersonName",
    "Phase",
    "PhaseCompletion",
    "Plan",
    "Profile",
    "ProgressNote",
    "RaceEthnicity",
    "Reflection",
    "ResumeContact",
    "ResumeSection",
    "ResumeSpec",
    "Review",
    "ReviewKind",
    "ReviewSchedule",
    "Role",
    "SavedItem",
    "SavedList",
    "SavedListKind",
    "SchoolRef",
    "Score",
    "Session",
    "SignOff",
    "Student",
    "SubjectKind",
    "SubjectRef",
    "Term",
    "courses_by_term",
    "evolve",
]

MODEL_TYPES: tuple[type, ...] = (
    Accommodation, Activity, Artifact, Aspiration, AssessmentResult, Benchmark,
    CollegeApplication, Contact, CoursePlan, CourseRecord, Demographics, DocumentLink, Enrollment,
    EntryOverride, Goal, Instrument, Milestone, Participant, PersonName, PhaseCompletion, Plan,
    Profile, ProgressNote, Reflection, ResumeContact, ResumeSpec, Review, ReviewSchedule,
    SavedItem, SavedList, SchoolRef, Score, SignOff, Student, SubjectRef, Term,
)  # fmt: skip
"""Every model value type (enums excluded), for the converter and the test strategies."""
