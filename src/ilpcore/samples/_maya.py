# ruff: noqa: E501 - sample data reads best one record per line
"""Maya Okafor, the sample student: fictional, shaped like a real Kentucky ILP."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ilpcore.model import (
    Accommodation,
    AccommodationSource,
    Activity,
    ActivityKind,
    Aspiration,
    AspirationArea,
    AssessmentKind,
    AssessmentResult,
    Benchmark,
    BenchmarkStatus,
    Contact,
    ContactMethod,
    CourseAttribute,
    CoursePlan,
    CourseRecord,
    CourseStatus,
    DocumentLink,
    Enrollment,
    Goal,
    GoalCategory,
    GoalHorizon,
    GoalStatus,
    Instrument,
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
    ReviewKind,
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
)

__all__ = ["sample_plan"]

_HIGH_SCHOOL = SchoolRef("KY-165-040", "Bluegrass Valley High School", "KY", "Fayette County")
_MIDDLE_SCHOOL = SchoolRef("KY-165-021", "Bluegrass Valley Middle School", "KY", "Fayette County")

_RIASEC = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")


def _course(
    code: str,
    title: str,
    subject: str,
    year: int,
    grade: int,
    credits: str,
    status: CourseStatus,
    mark: str | None = None,
    session: Session = Session.FULL_YEAR,
    *attributes: CourseAttribute,
) -> CourseRecord:
    return CourseRecord(
        code,
        title,
        subject,
        Term(year, session),
        grade,
        Decimal(credits),
        status,
        mark,
        attributes=frozenset(attributes),
    )


def _courses() -> tuple[CourseRecord, ...]:
    done, now = CourseStatus.COMPLETED, CourseStatus.IN_PROGRESS
    fall, spring = Session.FALL_SEMESTER, Session.SPRING_SEMESTER
    lab, honors = CourseAttribute.LAB, CourseAttribute.HONORS
    return (
        _course("MA8110", "Algebra I", "mathematics", 2023, 8, "1", done, "A"),
        _course("EN9100", "English I", "english_language_arts", 2024, 9, "1", done, "A-"),
        _course("MA9210", "Geometry", "mathematics", 2024, 9, "1", done, "B+"),
        _course("SC9120", "Biology", "science", 2024, 9, "1", done, "A", Session.FULL_YEAR, lab),
        _course("SS9300", "World Civilizations", "social_studies", 2024, 9, "1", done, "B"),
        _course("HE9010", "Health", "health", 2024, 9, "0.5", done, "A", fall),
        _course("PE9010", "Physical Education", "physical_education", 2024, 9, "0.5", done, "A", spring),
        _course("AR9400", "Visual Art I", "arts", 2024, 9, "1", done, "A"),
        _course("WL9510", "Spanish I", "world_languages", 2024, 9, "1", done, "B+"),
        _course("EN0200", "English II", "english_language_arts", 2025, 10, "1", now, None, Session.FULL_YEAR, honors),
        _course("MA0310", "Algebra II", "mathematics", 2025, 10, "1", now),
        _course("SC0220", "Chemistry", "science", 2025, 10, "1", now, None, Session.FULL_YEAR, lab),
        _course("SS0310", "U.S. History", "social_studies", 2025, 10, "1", now),
        _course("CT0610", "Principles of Health Science", "career_technical", 2025, 10, "1", now, None, Session.FULL_YEAR, CourseAttribute.CTE),
        _course("FL0110", "Financial Literacy", "financial_literacy", 2025, 10, "0.5", now, None, fall),
        _course("WL0520", "Spanish II", "world_languages", 2025, 10, "1", now),
    )  # fmt: skip


def _course_plan() -> CoursePlan:
    planned = CourseStatus.PLANNED
    cte, dual, ap, lab = (
        CourseAttribute.CTE,
        CourseAttribute.DUAL_CREDIT,
        CourseAttribute.AP,
        CourseAttribute.LAB,
    )
    full = Session.FULL_YEAR
    courses = (
        _course("EN1300", "English III", "english_language_arts", 2026, 11, "1", planned),
        _course("MA1410", "Pre-Calculus", "mathematics", 2026, 11, "1", planned),
        _course("SC1330", "AP Biology", "science", 2026, 11, "1", planned, None, full, ap, lab),
        _course("SS1220", "Civics", "social_studies", 2026, 11, "0.5", planned, None, Session.FALL_SEMESTER),
        _course("SS1230", "Psychology", "social_studies", 2026, 11, "0.5", planned, None, Session.SPRING_SEMESTER),
        _course("WL1530", "Spanish III", "world_languages", 2026, 11, "1", planned),
        _course("CT1620", "Medical Terminology", "career_technical", 2026, 11, "1", planned, None, full, cte),
        _course("CT1630", "Emergency Procedures", "career_technical", 2026, 11, "1", planned, None, full, cte),
        _course("EN1400", "English IV", "english_language_arts", 2027, 12, "1", planned),
        _course("MA1510", "Statistics (dual credit)", "mathematics", 2027, 12, "1", planned, None, full, dual),
        _course("SC1410", "Anatomy and Physiology", "science", 2027, 12, "1", planned, None, full, lab),
        _course("CT1640", "Nurse Aide (dual credit)", "career_technical", 2027, 12, "1", planned, None, full, cte, dual),
    )  # fmt: skip
    return CoursePlan(
        "CP-nursing",
        "Four-year plan toward nursing",
        courses,
        goal_id="G-nurse",
        pathway="Health Science: Therapeutic Services",
    )


def _interest_result() -> AssessmentResult:
    raw = (12, 30, 21, 36, 17, 20)
    return AssessmentResult(
        "AS-ip-2025",
        AssessmentKind.INTEREST,
        Instrument("onet-ip-sf", "60-item short form", "O*NET Interest Profiler"),
        date(2025, 9, 18),
        tuple(
            Score(s, Decimal(v), Decimal(0), Decimal(40)) for s, v in zip(_RIASEC, raw, strict=True)
        ),
    )


def sample_plan() -> Plan:
    """Maya Okafor's plan: grade 10, class of 2028, goal registered nurse."""
    student = Student(
        "100482",
        PersonName("Maya", "Okafor", preferred=None),
        grade_level=10,
        cohort=2028,
        school=_HIGH_SCHOOL,
        state_id="KY7741190023",
        birth_date=date(2010, 3, 14),
    )
    profile = Profile(
        strengths=("Patient with younger kids", "Biology and chemistry", "Keeps a schedule"),
        weaknesses=("Public speaking",),
        interests=("Volunteering at the hospital", "Drawing", "Soccer"),
        aspirations=(
            Aspiration(
                AspirationArea.CAREER, "Become a registered nurse, later a nurse practitioner"
            ),
            Aspiration(AspirationArea.ACADEMIC, "Earn college credit before graduating"),
            Aspiration(AspirationArea.PERSONAL, "Be the first in my family to finish college"),
            Aspiration(
                AspirationArea.ARTISTIC, "Keep drawing and show work at the district art fair"
            ),
        ),
        learning_preferences=("Hands-on labs", "Written instructions"),
        education_history=(
            Enrollment(_MIDDLE_SCHOOL, date(2021, 8, 11), date(2024, 5, 24), 6, 8),
            Enrollment(_HIGH_SCHOOL, date(2024, 8, 14), None, 9, None),
        ),
        contacts=(
            Contact(
                "C-mother",
                "Grace Okafor",
                Role.PARENT_GUARDIAN,
                "grace.okafor@example.org",
                "+1 859 555 0142",
                ContactMethod.TEXT_MESSAGE,
                "mother",
            ),
            Contact(
                "C-counselor",
                "Daniel Reyes",
                Role.COUNSELOR,
                "d.reyes@bvhs.example.org",
                None,
                ContactMethod.EMAIL,
                "school counselor",
            ),
            Contact(
                "C-mentor",
                "Angela Brooks, RN",
                Role.MENTOR,
                None,
                "+1 859 555 0178",
                ContactMethod.PHONE,
                "hospital volunteer coordinator",
            ),
        ),
        accommodations=(
            Accommodation(
                "ACC-1",
                AccommodationSource.SECTION_504,
                "Extended time (1.5x) on tests for a reading-related disability",
                transition_related=False,
                document=DocumentLink("https://sis.example.org/504/100482", "504 plan"),
            ),
        ),
    )
    goals = (
        Goal(
            "G-nurse",
            "Become a registered nurse",
            GoalCategory.CAREER,
            GoalHorizon.LONG_TERM,
            "BSN at a Kentucky public university, then RN licensure",
            set_on=date(2024, 10, 2),
            target_date=date(2032, 5, 31),
            status=GoalStatus.IN_PROGRESS,
            benchmarks=(
                Benchmark(
                    "B-bio",
                    9,
                    "Biology with a B or better",
                    date(2025, 5, 30),
                    BenchmarkStatus.MET,
                    date(2025, 5, 30),
                ),
                Benchmark("B-cna", 12, "Earn the nurse aide (CNA) certificate", date(2028, 5, 1)),
                Benchmark("B-apply", 12, "Apply to three BSN programs", date(2027, 12, 1)),
            ),
            progress=(
                ProgressNote(date(2025, 3, 4), "Started volunteering at the hospital", "Maya"),
                ProgressNote(
                    date(2025, 10, 9), "Enrolled in Principles of Health Science", "D. Reyes"
                ),
            ),
            career_code="29-1141.00",
        ),
        Goal(
            "G-gpa",
            "Keep a 3.5 GPA or better",
            GoalCategory.ACADEMIC,
            GoalHorizon.SHORT_TERM,
            set_on=date(2025, 8, 13),
            target_date=date(2026, 5, 29),
            status=GoalStatus.IN_PROGRESS,
        ),
        Goal(
            "G-speak",
            "Get comfortable presenting in class",
            GoalCategory.PERSONAL,
            GoalHorizon.SHORT_TERM,
            "Join HOSA and present at the regional conference",
            set_on=date(2025, 8, 13),
            target_date=date(2026, 3, 15),
        ),
    )
    activities = (
        Activity("A-volunteer", ActivityKind.COMMUNITY_SERVICE, "Hospital volunteer",
                 date(2025, 3, 1), None, "Bluegrass Community Hospital", "Front desk and patient escort",
                 Decimal("86"), "Escort patients and visitors; restock supply carts.", (9, 10),
                 ("Communication", "Reliability")),
        Activity("A-hosa", ActivityKind.EXTRACURRICULAR, "HOSA - Future Health Professionals",
                 date(2025, 8, 20), None, "BVHS HOSA chapter", "Member", None, None, (10,),
                 ("Teamwork",)),
        Activity("A-job", ActivityKind.WORK_EXPERIENCE, "Cashier", date(2025, 6, 2),
                 date(2025, 8, 8), "Valley Fresh Grocery", "Part-time cashier", Decimal("140"), None, (10,),
                 ("Customer service", "Handling money")),
        Activity("A-shadow", ActivityKind.CAREER_ACTIVITY, "Job shadow: pediatric nurse",
                 date(2025, 11, 6), date(2025, 11, 6), "Bluegrass Children's Clinic", None, Decimal("6"),
                 None, (10,)),
        Activity("A-soccer", ActivityKind.EXTRACURRICULAR, "Junior varsity soccer",
                 date(2024, 8, 1), None, "BVHS Athletics", "Defender", None, None, (9, 10)),
        Activity("A-art", ActivityKind.AWARD, "District art fair, honorable mention",
                 date(2025, 4, 12), date(2025, 4, 12), "Fayette County Public Schools", None,
                 None, None, (9,)),
    )  # fmt: skip
    interest = _interest_result()
    reflections = (
        Reflection(
            "RF-1",
            date(2025, 11, 10),
            "Shadowing showed me how much nurses teach families. I want pediatrics.",
            (SubjectRef(SubjectKind.ACTIVITY, "A-shadow"), SubjectRef(SubjectKind.GOAL, "G-nurse")),
        ),
        Reflection(
            "RF-2",
            date(2025, 9, 20),
            "My top interest area was Social, then Investigative. That fits nursing.",
            (SubjectRef(SubjectKind.ASSESSMENT, "AS-ip-2025"),),
        ),
    )
    reviews = (
        Review(
            "R-2024-entry",
            date(2024, 5, 2),
            ReviewKind.ENTERING_HIGH_SCHOOL,
            (Participant("Maya Okafor", Role.STUDENT), Participant("Grace Okafor", Role.PARENT_GUARDIAN),
             Participant("Daniel Reyes", Role.COUNSELOR)),
            ("Chose the Health Science pathway", "Drafted the four-year course plan"),
            None,
            (SignOff("Maya Okafor", Role.STUDENT, date(2024, 5, 2)),
             SignOff("Grace Okafor", Role.PARENT_GUARDIAN, date(2024, 5, 3)),
             SignOff("Daniel Reyes", Role.COUNSELOR, date(2024, 5, 2))),
        ),
        Review(
            "R-2025-fall",
            date(2025, 10, 9),
            ReviewKind.SCHEDULED,
            (Participant("Maya Okafor", Role.STUDENT), Participant("Daniel Reyes", Role.COUNSELOR)),
            ("Added the job shadow", "Moved AP Biology to grade 11"),
            "Parent to review at the spring conference.",
            (SignOff("Maya Okafor", Role.STUDENT, date(2025, 10, 9)),
             SignOff("Daniel Reyes", Role.COUNSELOR, date(2025, 10, 9))),
        ),
    )  # fmt: skip
    saved = (
        SavedList(
            "L-careers",
            SavedListKind.CAREERS,
            "Health careers I am considering",
            date(2025, 9, 20),
            (
                SavedItem("29-1141.00", "Registered Nurses", date(2025, 9, 20), favorite=True),
                SavedItem("29-1171.00", "Nurse Practitioners", date(2025, 9, 20)),
                SavedItem("31-9092.00", "Medical Assistants", date(2025, 9, 20)),
            ),
        ),
    )
    return Plan(
        student=student,
        profile=profile,
        goals=goals,
        reviews=reviews,
        phases=(
            PhaseCompletion(Phase.SELF_EXPLORATION, date(2024, 5, 2), "Completed in grade 8"),
            PhaseCompletion(Phase.CAREER_EXPLORATION, date(2025, 11, 10)),
        ),
        courses=_courses(),
        course_plans=(_course_plan(),),
        activities=activities,
        reflections=reflections,
        assessments=(interest,),
        saved_lists=saved,
        resume_spec=ResumeSpec(
            contact=ResumeContact("maya.okafor@example.org", location="Lexington, KY"),
            objective="Hospital volunteer and HOSA member looking for a summer job in patient care.",
            show_gpa=True,
        ),
    )
