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

import functools
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any, TypeVar

from hypothesis import strategies as st

from ilpcore.model import (
    GRADE_LEVEL_MAX,
    GRADE_LEVEL_MIN,
    TWICE_A_YEAR,
    Accommodation,
    AccommodationSource,
    Activity,
    ActivityKind,
    ApplicationStatus,
    Artifact,
    Aspiration,
    AspirationArea,
    AssessmentKind,
    AssessmentResult,
    Benchmark,
    BenchmarkStatus,
    CollegeApplication,
    Contact,
    ContactMethod,
    CourseAttribute,
    CoursePlan,
    CourseRecord,
    CourseStatus,
    Demographics,
    DocumentLink,
    Enrollment,
    EntryOverride,
    Goal,
    GoalCategory,
    GoalHorizon,
    GoalStatus,
    Instrument,
    Milestone,
    MilestoneKind,
    Participant,
    PersonName,
    Phase,
    PhaseCompletion,
    Plan,
    Profile,
    ProgressNote,
    RaceEthnicity,
    Reflection,
    ResumeContact,
    ResumeSection,
    ResumeSpec,
    Review,
    ReviewKind,
    ReviewSchedule,
    Role,
    SavedItem,
    SavedList,
    SavedListKind,
    SchoolRef,
    Score,
    Session,
    SignOff,
    Student,
    SubjectKind,
    SubjectRef,
    Term,
    evolve,
)

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


@functools.cache
def person_names() -> st.SearchStrategy[PersonName]:
    return st.builds(PersonName, texts(), texts(), _opt(texts()), _opt(texts()))


@functools.cache
def school_refs() -> st.SearchStrategy[SchoolRef]:
    states = st.sampled_from(("KY", "IN", "WA", "TX", "VA", "CO", "SC"))
    return st.builds(SchoolRef, identifiers("SCH"), texts(), _opt(states), _opt(texts()))


@functools.cache
def students() -> st.SearchStrategy[Student]:
    return st.builds(
        Student,
        identifiers("S"),
        person_names(),
        _grades(),
        st.integers(2020, 2040),
        school_refs(),
        _opt(identifiers("ST")),
        _opt(dates(1995, 2020)),
    )


@functools.cache
def demographics() -> st.SearchStrategy[Demographics]:
    flag = _opt(st.booleans())
    return st.builds(
        Demographics,
        _opt(st.sampled_from(("female", "male", "nonbinary"))),
        _tuple(st.sampled_from(RaceEthnicity), unique=True),
        flag, flag, flag, flag, flag, flag, flag, flag,
        _opt(st.sampled_from(("English", "Spanish", "Somali", "Vietnamese"))),
    )  # fmt: skip


@functools.cache
@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    method = draw(_opt(st.sampled_from(ContactMethod)))
    email = draw(_opt(st.sampled_from(("parent@example.org", "c.lee@school.example"))))
    phone = draw(_opt(st.sampled_from(("+1 502 555 0100", "(859) 555-0199"))))
    if method is ContactMethod.EMAIL and email is None:
        email = "contact@example.org"
    if method in (ContactMethod.PHONE, ContactMethod.TEXT_MESSAGE) and phone is None:
        phone = "+1 502 555 0111"
    role = draw(
        st.sampled_from(
            (Role.PARENT_GUARDIAN, Role.TEACHER, Role.COUNSELOR, Role.MENTOR, Role.ADVISOR)
        )
    )
    return Contact(
        draw(identifiers("C")), draw(texts()), role, email, phone, method, draw(_opt(texts()))
    )


@functools.cache
def accommodations() -> st.SearchStrategy[Accommodation]:
    link = st.builds(DocumentLink, st.just("https://sis.example/iep/123"), _opt(texts()))
    return st.builds(
        Accommodation,
        identifiers("ACC"),
        st.sampled_from(AccommodationSource),
        texts(),
        st.booleans(),
        _opt(link),
    )


@functools.cache
@st.composite
def _enrollments(draw: st.DrawFn) -> Enrollment:
    start, end = draw(_ordered_dates())
    first = draw(_opt(_grades()))
    last = None if first is None else draw(_opt(st.integers(first, GRADE_LEVEL_MAX)))
    return Enrollment(draw(school_refs()), start, end, first, last)


@functools.cache
def profiles() -> st.SearchStrategy[Profile]:
    return st.builds(
        Profile,
        _tuple(texts()),
        _tuple(texts()),
        _tuple(texts()),
        _tuple(st.builds(Aspiration, st.sampled_from(AspirationArea), texts())),
        _tuple(texts()),
        _tuple(_enrollments(), 3),
        _unique_ids(contacts()),
        _unique_ids(accommodations(), 2),
    )


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
@st.composite
def activities(draw: st.DrawFn) -> Activity:
    start, end = draw(_ordered_dates())
    return Activity(
        id=draw(identifiers("A")),
        kind=draw(st.sampled_from(ActivityKind)),
        title=draw(texts()),
        start=start,
        end=end,
        organization=draw(_opt(texts())),
        role=draw(_opt(texts())),
        hours=draw(_opt(_HOURS)),
        description=draw(_opt(texts(200))),
        grade_levels=draw(_tuple(st.integers(6, GRADE_LEVEL_MAX), unique=True)),
        skills=draw(_tuple(texts())),
    )


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


_SUBMITTED = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.ADMITTED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.DENIED,
    ApplicationStatus.ENROLLED,
)


@functools.cache
@st.composite
def college_applications(draw: st.DrawFn) -> CollegeApplication:
    """Applications whose dates agree with their status (submitted before decided)."""
    status = draw(st.sampled_from(ApplicationStatus))
    submitted, decided = (None, None)
    if status in _SUBMITTED:
        submitted, decided = draw(_opt(_ordered_dates())) or (None, None)
    return CollegeApplication(
        draw(st.sampled_from(("157085", "157289", "156620", "199120", "166027"))),
        draw(texts()),
        status,
        draw(_opt(dates())),
        submitted,
        decided,
        draw(_opt(texts(200))),
    )


@functools.cache
def milestones() -> st.SearchStrategy[Milestone]:
    return st.builds(
        Milestone,
        identifiers("M"),
        st.sampled_from(MilestoneKind),
        _opt(texts()),
        _opt(dates()),
        _opt(dates()),
        _opt(texts()),
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


def _refs(ids: dict[SubjectKind, tuple[str, ...]]) -> st.SearchStrategy[tuple[SubjectRef, ...]]:
    choices = [SubjectRef(kind, i) for kind, values in ids.items() for i in values]
    if not choices:
        return st.just(())
    return _tuple(st.sampled_from(choices), 3, unique=True)


def artifacts(
    about: st.SearchStrategy[tuple[SubjectRef, ...]] | None = None,
) -> st.SearchStrategy[Artifact]:
    return st.builds(
        Artifact,
        identifiers("W"),
        texts(),
        st.binary(min_size=32, max_size=32).map(lambda b: "sha256:" + b.hex()),
        st.sampled_from(("application/pdf", "image/png", "text/plain", "video/mp4")),
        st.integers(0, 50_000_000),
        dates(),
        _opt(texts()),
        st.just(()) if about is None else about,
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


_PHASES = _tuple(
    st.builds(PhaseCompletion, st.sampled_from(Phase), dates(), _opt(texts())),
    3,
    unique_by=_BY_PHASE,
)


@st.composite
def plans(draw: st.DrawFn, max_items: int = 3) -> Plan:
    """Whole plans whose cross-references (reflections, artifacts, goals) all resolve."""
    goal_list = draw(_unique_ids(goals(), max_items))
    goal_ids = tuple(g.id for g in goal_list)
    if len(goal_list) > 1 and draw(st.booleans()):
        goal_list = (*goal_list[:-1], _with_replaces(goal_list[-1], goal_ids[0]))
    activity_list = draw(_unique_ids(activities(), max_items))
    assessment_list = draw(_unique_ids(assessment_results(), max_items))
    plan_list = draw(_unique_ids(course_plans(goal_ids), 2))
    ids = {
        SubjectKind.ACTIVITY: tuple(a.id for a in activity_list),
        SubjectKind.GOAL: goal_ids,
        SubjectKind.ASSESSMENT: tuple(a.id for a in assessment_list),
        SubjectKind.COURSE_PLAN: tuple(c.id for c in plan_list),
    }
    artifact_list = draw(_unique_ids(artifacts(_refs(ids)), max_items))
    ids[SubjectKind.ARTIFACT] = tuple(a.id for a in artifact_list)
    reflection = st.builds(Reflection, identifiers("RF"), dates(), texts(300), _refs(ids))
    return Plan(
        student=draw(students()),
        profile=draw(profiles()),
        demographics=draw(_opt(demographics())),
        goals=goal_list,
        reviews=draw(_unique_ids(reviews(), max_items)),
        phases=draw(_PHASES),
        courses=draw(_tuple(course_records(), max_items * 2)),
        course_plans=plan_list,
        activities=activity_list,
        reflections=draw(_unique_ids(reflection, max_items)),
        artifacts=artifact_list,
        assessments=assessment_list,
        saved_lists=draw(_unique_ids(saved_lists(), 3)),
        review_schedule=draw(_opt(review_schedules())),
        parental_access_consent=draw(st.booleans()),
        resume_spec=draw(_opt(resume_specs())),
        applications=draw(_tuple(college_applications(), 3, unique_by=_BY_UNITID)),
        milestones=draw(_unique_ids(milestones(), 3)),
        revision=draw(st.integers(0, 1000)),
    )


_EMAILS = st.sampled_from(("maya@example.org", "student+resume@school.example"))


@functools.cache
def resume_contacts() -> st.SearchStrategy[ResumeContact]:
    return st.builds(
        ResumeContact,
        _opt(_EMAILS),
        _opt(st.sampled_from(("+1 859 555 0100", "(502) 555-0123"))),
        _opt(texts()),
        _opt(st.sampled_from(("https://maya.example.org", "https://portfolio.example/x"))),
    )


@st.composite
def _entry_overrides(draw: st.DrawFn, ids: st.SearchStrategy[str]) -> EntryOverride:
    fields = draw(st.tuples(_opt(texts()), _opt(texts()), _opt(texts()), _opt(texts(200))))
    if fields == (None, None, None, None):
        fields = (draw(texts()), None, None, None)
    return EntryOverride(draw(ids), *fields)


@st.composite
def resume_specs(draw: st.DrawFn, entry_ids: tuple[str, ...] = ()) -> ResumeSpec:
    """Resume specs; ``entry_ids`` are the ids to exclude, put first and reword (some made up
    ids are mixed in: a spec may name entries the plan no longer has)."""
    ids = st.sampled_from((*entry_ids, "A-gone", "course:XX100", "skill:juggling"))
    excluded = draw(st.lists(ids, max_size=3, unique=True))
    first = draw(st.lists(ids.filter(lambda i: i not in excluded), max_size=3, unique=True))
    return ResumeSpec(
        sections=tuple(draw(st.permutations(list(ResumeSection)))[: draw(st.integers(0, 9))]),
        excluded=tuple(excluded),
        first=tuple(first),
        overrides=tuple(
            draw(st.lists(_entry_overrides(ids), max_size=3, unique_by=attrgetter("entry_id")))
        ),
        contact=draw(resume_contacts()),
        objective=draw(_opt(texts(120))),
        show_gpa=draw(st.booleans()),
    )


def _with_replaces(goal: Goal, replaced: str) -> Goal:
    return evolve(goal, replaces=replaced) if goal.id != replaced else goal


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
