"""Ed-Fi descriptors (``uri://ed-fi.org/GradeLevelDescriptor#Ninth grade``) -> ilpcore values.

A descriptor value is a namespace naming the descriptor type and a code value
after ``#``.  The code values are those of the Ed-Fi Data Standard 5.2
descriptor sets, matched case-insensitively; any namespace is accepted as long
as its last part names the expected descriptor type (a district's own
``uri://gbisd.edu/TermDescriptor#Fall Semester`` is read like Ed-Fi's).  A bare
code value (``Ninth grade``) is accepted too.  Anything else raises
:class:`RowError`, which the reader turns into a rejected row.
"""

from __future__ import annotations

from collections.abc import Mapping

from ilpcore.interop.edfi.rows import RowError
from ilpcore.model import CourseAttribute, CourseStatus, Session

__all__ = [
    "ACADEMIC_SUBJECTS",
    "COURSE_LEVEL_CHARACTERISTICS",
    "GRADE_LEVELS",
    "METHODS_CREDIT_EARNED",
    "TERMS",
    "code_value",
    "course_attributes",
    "course_status",
    "grade_level",
    "session",
    "subject",
]

GRADE_LEVELS: Mapping[str, int] = {
    "kindergarten": 0,
    "first grade": 1,
    "second grade": 2,
    "third grade": 3,
    "fourth grade": 4,
    "fifth grade": 5,
    "sixth grade": 6,
    "seventh grade": 7,
    "eighth grade": 8,
    "ninth grade": 9,
    "tenth grade": 10,
    "eleventh grade": 11,
    "twelfth grade": 12,
}
"""GradeLevelDescriptor -> grade (K = 0).  Pre-K, ungraded, adult and postsecondary are refused."""

TERMS: Mapping[str, Session] = {
    "fall semester": Session.FALL_SEMESTER,
    "spring semester": Session.SPRING_SEMESTER,
    "summer semester": Session.SUMMER,
    "year round": Session.FULL_YEAR,
    "first trimester": Session.FIRST_TRIMESTER,
    "second trimester": Session.SECOND_TRIMESTER,
    "third trimester": Session.THIRD_TRIMESTER,
    "first quarter": Session.FIRST_QUARTER,
    "second quarter": Session.SECOND_QUARTER,
    "third quarter": Session.THIRD_QUARTER,
    "fourth quarter": Session.FOURTH_QUARTER,
    "miniterm": Session.OTHER,
    "semester": Session.OTHER,
    "trimester": Session.OTHER,
    "quarter": Session.OTHER,
    "other": Session.OTHER,
}
"""TermDescriptor -> session; unnumbered ``Semester``, ``Trimester``, ``Quarter`` are ``OTHER``."""

ACADEMIC_SUBJECTS: Mapping[str, str] = {
    "career and technical education": "cte",
    "composite": "composite",
    "critical reading": "english_language_arts",
    "cross subject": "cross_subject",
    "english": "english_language_arts",
    "english language arts": "english_language_arts",
    "reading": "english_language_arts",
    "writing": "english_language_arts",
    "fine and performing arts": "arts",
    "foreign language and literature": "world_language",
    "life and physical sciences": "science",
    "science": "science",
    "mathematics": "mathematics",
    "military science": "military_science",
    "other": "other",
    "physical, health, and safety education": "physical_education",
    "religious education and theology": "religious_education",
    "social sciences and history": "social_studies",
    "social studies": "social_studies",
}
"""AcademicSubjectDescriptor -> the subject slugs the requirement rule sets use."""

COURSE_LEVEL_CHARACTERISTICS: Mapping[str, CourseAttribute | None] = {
    "advanced placement": CourseAttribute.AP,
    "international baccalaureate": CourseAttribute.IB,
    "honors": CourseAttribute.HONORS,
    "career and technical education": CourseAttribute.CTE,
    "dual credit": CourseAttribute.DUAL_CREDIT,
    "pre-ap": CourseAttribute.PRE_AP,
    "distance learning": CourseAttribute.ONLINE,
    **dict.fromkeys(
        (
            "accepted as high school equivalent",
            "advanced",
            "basic",
            "college-level",
            "core subject",
            "correspondence",
            "english language learner",
            "general",
            "gifted and talented",
            "graduation credit",
            "magnet",
            "other",
            "pre-ib",
            "remedial",
            "students with disabilities",
            "untracked",
        )
    ),
}
"""CourseLevelCharacteristicDescriptor -> attribute; ``None``: known, but not tracked."""

METHODS_CREDIT_EARNED: Mapping[str, CourseAttribute | None] = {
    "credit recovery": CourseAttribute.CREDIT_RECOVERY,
    "online credit": CourseAttribute.ONLINE,
    **dict.fromkeys(
        (
            "classroom credit",
            "converted occupational experience credit",
            "correspondence credit",
            "credit by examination",
            "other",
            "transfer credit",
        )
    ),
}
"""MethodCreditEarnedDescriptor -> attribute of the course record, where it has one."""

_ATTEMPT_RESULTS = frozenset({"pass", "fail", "incomplete", "withdrawn"})


def code_value(value: str, descriptor: str) -> str:
    """The code value of ``value``, a ``descriptor`` URI (or a bare code value), case-folded."""
    namespace, hash_sign, code = value.rpartition("#")
    if not hash_sign:
        return value.strip().casefold()
    kind = namespace.rstrip("/").rpartition("/")[2]
    if kind.casefold() != descriptor.casefold():
        raise RowError(f"{value!r} is not a {descriptor}")
    return code.strip().casefold()


def _lookup(value: str, descriptor: str, table: Mapping[str, object]) -> str:
    code = code_value(value, descriptor)
    if code not in table:
        raise RowError(f"unknown {descriptor} {value!r}")
    return code


def grade_level(value: str) -> int:
    """``...GradeLevelDescriptor#Ninth grade`` -> 9."""
    return GRADE_LEVELS[_lookup(value, "GradeLevelDescriptor", GRADE_LEVELS)]


def session(value: str) -> Session:
    """``...TermDescriptor#Fall Semester`` -> :attr:`Session.FALL_SEMESTER`."""
    return TERMS[_lookup(value, "TermDescriptor", TERMS)]


def subject(value: str) -> str:
    """``...AcademicSubjectDescriptor#Mathematics`` -> ``mathematics``."""
    return ACADEMIC_SUBJECTS[_lookup(value, "AcademicSubjectDescriptor", ACADEMIC_SUBJECTS)]


def course_attributes(
    characteristics: tuple[str, ...], method_credit_earned: str | None = None
) -> frozenset[CourseAttribute]:
    """The attributes named by course level characteristics and the method credit was earned."""
    found: set[CourseAttribute | None] = {
        COURSE_LEVEL_CHARACTERISTICS[
            _lookup(c, "CourseLevelCharacteristicDescriptor", COURSE_LEVEL_CHARACTERISTICS)
        ]
        for c in characteristics
    }
    if method_credit_earned is not None:
        code = _lookup(method_credit_earned, "MethodCreditEarnedDescriptor", METHODS_CREDIT_EARNED)
        found.add(METHODS_CREDIT_EARNED[code])
    return frozenset(a for a in found if a is not None)


def course_status(attempt_result: str) -> CourseStatus:
    """CourseAttemptResultDescriptor -> status (Pass: completed, Incomplete: in progress)."""
    code = code_value(attempt_result, "CourseAttemptResultDescriptor")
    if code not in _ATTEMPT_RESULTS:
        raise RowError(f"unknown CourseAttemptResultDescriptor {attempt_result!r}")
    return {
        "pass": CourseStatus.COMPLETED,
        "fail": CourseStatus.FAILED,
        "incomplete": CourseStatus.IN_PROGRESS,
        "withdrawn": CourseStatus.WITHDRAWN,
    }[code]
