"""Synthetic students for batch work: fast, seeded, deterministic, valid plans in any number.

Hypothesis explores the corners of the model; it cannot make a million plans
quickly, and its plans are not shaped like a school's.  :func:`synthetic_plans`
makes plans that look like a district's high-school students in the school year
:data:`SCHOOL_YEAR`: a state (KY, IN, TX, WA, VA), a school, a grade (9-12) and its
graduation class, an O*NET Interest Profiler result (most students), and 20-40 course
records in the subjects and with the titles the built-in rule sets know (completed or
failed in past years, in progress this year, planned for the years ahead), with credits in
the unit the state's schools report (Indiana counts semester credits: a full-year course
is 2 credits; the other states count a full year as 1).

Student ``i`` of a seed is always the same plan, however many are made and in any
order (:func:`synthetic_plan`), so partitions of a big run can be made apart.  Ids
are zero-padded (``SYN-00000042``), so id order is generation order.

>>> plans = list(synthetic_plans(3, seed=7))
>>> [p.student.id for p in plans]
['SYN-00000000', 'SYN-00000001', 'SYN-00000002']
>>> plans[1] == synthetic_plan(1, seed=7)
True
>>> all(20 <= len(p.courses) <= 40 for p in synthetic_plans(50))
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Final

from ilpcore.model import (
    AssessmentKind,
    AssessmentResult,
    CourseAttribute,
    CourseRecord,
    CourseStatus,
    Instrument,
    Milestone,
    MilestoneKind,
    PersonName,
    Plan,
    SchoolRef,
    Score,
    Session,
    Student,
    Term,
)

__all__ = ["INTEREST_ASSESSMENT_ID", "SCHOOL_YEAR", "STATES", "synthetic_plan", "synthetic_plans"]

SCHOOL_YEAR: Final = 2026
"""The school year the students are in (2026-27): grade 12 is the class of 2027."""
STATES: Final = ("KY", "KY", "KY", "IN", "IN", "TX", "TX", "WA", "VA")
"""School states, drawn uniformly from this tuple (so Kentucky is the most common)."""
INTEREST_ASSESSMENT_ID: Final = "ip-sf-60"
"""The id of a synthetic student's Interest Profiler result."""

_SCHOOLS_PER_STATE: Final = 12
_SEMESTER_CREDITS: Final = frozenset({"IN"})
"""States whose schools report semester credits (a year-long course earns 2)."""
_NO_INTERESTS: Final = 0.08
_FLAT: Final = 0.01
_FAILS: Final = 0.03
_GIVEN: Final = ("Maya", "Liam", "Ava", "Noah", "Sofia", "Elijah", "Zoe", "Mateo", "Nia", "Owen")
_FAMILY: Final = ("Okafor", "Nguyen", "Smith", "Garcia", "Patel", "Brown", "Kim", "Lopez", "Ali")
_RIASEC_SCALES: Final = (
    "realistic", "investigative", "artistic", "social", "enterprising", "conventional",
)  # fmt: skip
_MARKS: Final = ("A", "A-", "B+", "B", "B-", "C+", "C", "D")
_LAB = frozenset({CourseAttribute.LAB})
_CTE = frozenset({CourseAttribute.CTE})
_HONORS = frozenset({CourseAttribute.HONORS})
_AP = frozenset({CourseAttribute.AP})

_Template = tuple[str, str, str, str, frozenset[CourseAttribute]]
"""A course: code, title, subject, credits, attributes."""

# Each year's core courses by grade; a student also takes 1-4 electives a year.
_CORE: Final[dict[int, tuple[_Template, ...]]] = {
    9: (
        ("EN09", "English I", "english_language_arts", "1", frozenset()),
        ("MA09", "Algebra I", "mathematics", "1", frozenset()),
        ("SC09", "Biology", "science", "1", _LAB),
        ("SS09", "World History", "social_studies", "1", frozenset()),
        ("PE09", "Physical Education", "physical_education", "0.5", frozenset()),
        ("HE09", "Health", "health", "0.5", frozenset()),
    ),
    10: (
        ("EN10", "English II", "english_language_arts", "1", frozenset()),
        ("MA10", "Geometry", "mathematics", "1", frozenset()),
        ("SC10", "Chemistry", "science", "1", _LAB),
        ("SS10", "U.S. History", "social_studies", "1", frozenset()),
        ("FL10", "Financial Literacy", "financial_literacy", "0.5", frozenset()),
    ),
    11: (
        ("EN11", "English III", "english_language_arts", "1", frozenset()),
        ("MA11", "Algebra II", "mathematics", "1", frozenset()),
        ("SC11", "Physics", "science", "1", _LAB),
        ("SS11", "U.S. Government", "social_studies", "0.5", frozenset()),
        ("SS12", "Economics", "social_studies", "0.5", frozenset()),
    ),
    12: (
        ("EN12", "English IV", "english_language_arts", "1", frozenset()),
        ("MA12", "Pre-Calculus", "mathematics", "1", _HONORS),
        ("SC12", "Environmental Science", "science", "1", frozenset()),
    ),
}
_ELECTIVES: Final[tuple[_Template, ...]] = (
    ("AR01", "Visual Art", "arts", "1", frozenset()),
    ("AR02", "Choir", "arts", "1", frozenset()),
    ("WL01", "Spanish I", "world_language", "1", frozenset()),
    ("WL02", "Spanish II", "world_language", "1", frozenset()),
    ("CT01", "Principles of Health Science", "cte", "1", _CTE),
    ("CT02", "Introduction to Engineering Design", "cte", "1", _CTE),
    ("CT03", "Computer Science Principles", "cte", "1", _CTE | _AP),
    ("EL01", "Psychology", "social_studies", "0.5", frozenset()),
    ("EL02", "Creative Writing", "english_language_arts", "0.5", frozenset()),
    ("EL03", "Statistics", "mathematics", "1", frozenset()),
    ("EL04", "Anatomy and Physiology", "science", "1", _LAB),
    ("EL05", "Study Skills", "elective", "0.5", frozenset()),
)


def synthetic_plans(n: int, seed: int = 0, *, start: int = 0) -> Iterator[Plan]:
    """``n`` synthetic plans, students ``start`` to ``start + n - 1`` of ``seed``, made lazily."""
    for i in range(start, start + n):
        yield synthetic_plan(i, seed)


def synthetic_plan(i: int, seed: int = 0) -> Plan:
    """Synthetic student number ``i`` of ``seed`` (see the module docstring)."""
    rng = random.Random(seed * 1_000_003 + i)
    state = STATES[rng.randrange(len(STATES))]
    grade = rng.randint(9, 12)
    student = Student(
        f"SYN-{i:08d}",
        PersonName(_GIVEN[rng.randrange(len(_GIVEN))], _FAMILY[rng.randrange(len(_FAMILY))]),
        grade,
        SCHOOL_YEAR + 1 + 12 - grade,
        _school(state, rng.randrange(_SCHOOLS_PER_STATE)),
        birth_date=date(SCHOOL_YEAR - grade - 5, rng.randint(1, 12), rng.randint(1, 28)),
    )
    electives = rng.sample(_ELECTIVES, len(_ELECTIVES))
    courses: list[CourseRecord] = []
    for year_grade in range(9, 13):
        taken = 1 + rng.randrange(4)
        offered = _CORE[year_grade] + tuple(electives[:taken])
        del electives[:taken]
        for template in offered:
            courses.append(_record(rng, template, year_grade, grade, state in _SEMESTER_CREDITS))
    assessments: tuple[AssessmentResult, ...] = ()
    if rng.random() >= _NO_INTERESTS:
        assessments = (_interests(rng, grade),)
    milestones: tuple[Milestone, ...] = ()
    if grade == 12 and rng.random() < 0.6:
        milestones = (Milestone("fafsa", MilestoneKind.FAFSA, completed_on=date(2026, 11, 2)),)
    return Plan(student, courses=tuple(courses), assessments=assessments, milestones=milestones)


@cache
def _school(state: str, k: int) -> SchoolRef:
    return SchoolRef(f"{state}-HS{k:02d}", f"{state} Synthetic High School {k}", state, "Synth")


def _record(
    rng: random.Random,
    template: _Template,
    year_grade: int,
    grade: int,
    semester_credits: bool,
) -> CourseRecord:
    if year_grade < grade:
        failed = rng.random() < _FAILS
        status = CourseStatus.FAILED if failed else CourseStatus.COMPLETED
        mark = "F" if failed else _MARKS[rng.randrange(len(_MARKS))]
    else:
        status = CourseStatus.IN_PROGRESS if year_grade == grade else CourseStatus.PLANNED
        mark = None
    return _course(
        template, SCHOOL_YEAR - grade + year_grade, year_grade, status, mark, semester_credits
    )


@cache
def _course(
    template: _Template,
    school_year: int,
    grade: int,
    status: CourseStatus,
    mark: str | None,
    semester_credits: bool,
) -> CourseRecord:
    # Records are immutable, so students share them: making a plan allocates little.
    code, title, subject, credits, attributes = template
    session = Session.FALL_SEMESTER if credits == "0.5" else Session.FULL_YEAR
    earned = Decimal(0) if status is CourseStatus.FAILED else None
    amount = Decimal(credits) * 2 if semester_credits else Decimal(credits)
    return CourseRecord(
        code, title, subject, Term(school_year, session), grade, amount, status, mark,
        earned, attributes,
    )  # fmt: skip


def _interests(rng: random.Random, grade: int) -> AssessmentResult:
    if rng.random() < _FLAT:
        level = rng.randint(5, 35)
        values = [level + rng.randint(0, 1) for _ in range(6)]
    else:
        values = [rng.randint(0, 24) for _ in range(6)]
        for area in rng.sample(range(6), 2):
            values[area] = min(40, values[area] + rng.randint(10, 20))
    return _interest_result(tuple(values), date(SCHOOL_YEAR, 9, 10 + grade))


def _interest_result(values: tuple[int, ...], taken_on: date) -> AssessmentResult:
    return AssessmentResult(
        INTEREST_ASSESSMENT_ID,
        AssessmentKind.INTEREST,
        Instrument("onet-ip-sf-60", "Short Form, 60 items", "O*NET Interest Profiler"),
        taken_on,
        tuple(
            Score(scale, Decimal(v), Decimal(0), Decimal(40))
            for scale, v in zip(_RIASEC_SCALES, values, strict=True)
        ),
    )
