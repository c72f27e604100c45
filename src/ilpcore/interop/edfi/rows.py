"""The Ed-Fi entities the importer uses, as read from XML or JSON and not yet interpreted.

Both readers (bulk XML, API JSON) produce these rows; one mapping turns them
into ilpcore values, so XML and JSON are read alike.  Values are kept as the
source wrote them (descriptor URIs, date strings, ``2021-2022`` or ``2022``
school years); interpreting them may raise :class:`RowError`, which becomes a
:class:`~ilpcore.interop.RejectedRow`.
"""

from __future__ import annotations

import attrs

__all__ = [
    "AcademicRecordRow",
    "AssessmentRow",
    "CourseRow",
    "DistrictRow",
    "GraduationPlanRow",
    "Row",
    "RowError",
    "SchoolAssociationRow",
    "SchoolRow",
    "SessionRow",
    "StudentAssessmentRow",
    "StudentRow",
    "TranscriptRow",
    "Where",
]


class RowError(Exception):
    """One row cannot be used; the message says why (internal: becomes a rejected row)."""


@attrs.frozen
class Where:
    """Where a row is: file name and the 1-based line its element or object starts on."""

    file: str
    line: int | None


@attrs.frozen
class StudentRow:
    where: Where
    student_id: str
    given: str | None
    family: str | None
    middle: str | None = None
    preferred: str | None = None
    birth_date: str | None = None


@attrs.frozen
class SchoolRow:
    where: Where
    school_id: str
    name: str | None
    grade_levels: tuple[str, ...] = ()
    district: str | None = None
    """The local education agency: its id, or in XML the ``ref`` to its element's ``id``."""
    state: str | None = None
    """The state abbreviation (descriptor) of the school's first address."""


@attrs.frozen
class DistrictRow:
    """A local education agency: its id (and XML element ``id``) and name."""

    where: Where
    district_id: str | None
    element_id: str | None
    name: str | None


@attrs.frozen
class SessionRow:
    """A session of a school's calendar: only its school year is used (to find the data's year)."""

    where: Where
    school_year: str | None


@attrs.frozen
class CourseRow:
    where: Where
    code: str
    education_organization_id: str | None
    title: str | None
    subject: str | None
    characteristics: tuple[str, ...] = ()
    max_credits: str | None = None


@attrs.frozen
class SchoolAssociationRow:
    where: Where
    student_id: str | None
    school_id: str | None
    entry_date: str | None
    entry_grade_level: str | None
    exit_date: str | None = None
    class_of: str | None = None
    school_year: str | None = None


@attrs.frozen
class AcademicRecordRow:
    where: Where
    student_id: str | None
    education_organization_id: str | None
    school_year: str | None
    term: str | None


@attrs.frozen
class TranscriptRow:
    where: Where
    student_id: str | None
    education_organization_id: str | None
    school_year: str | None
    term: str | None
    course_code: str | None
    course_education_organization_id: str | None
    attempt_result: str | None
    attempted_credits: str | None = None
    earned_credits: str | None = None
    grade_level: str | None = None
    method_credit_earned: str | None = None
    letter_grade: str | None = None
    numeric_grade: str | None = None
    title: str | None = None
    subjects: tuple[str, ...] = ()
    institution: str | None = None


@attrs.frozen
class AssessmentRow:
    """Assessment metadata: title, version and each reporting method's score range."""

    where: Where
    identifier: str
    namespace: str | None
    title: str | None
    version: str | None
    score_ranges: tuple[tuple[str, str | None, str | None], ...] = ()
    """(reporting method, minimum, maximum)."""


@attrs.frozen
class StudentAssessmentRow:
    where: Where
    identifier: str | None
    student_id: str | None
    assessment_id: str | None
    namespace: str | None
    administration_date: str | None
    grade_level: str | None = None
    school_year: str | None = None
    scores: tuple[tuple[str, str], ...] = ()
    """(reporting method, result)."""


@attrs.frozen
class GraduationPlanRow:
    where: Where
    plan_type: str | None
    education_organization_id: str | None
    graduation_school_year: str | None
    total_credits: str | None
    credit_type: str | None = None
    by_subject: tuple[tuple[str, str], ...] = ()
    """(academic subject, credits)."""
    by_course: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """(course set name, credits, course codes)."""


Row = (
    StudentRow
    | SchoolRow
    | DistrictRow
    | SessionRow
    | CourseRow
    | SchoolAssociationRow
    | AcademicRecordRow
    | TranscriptRow
    | AssessmentRow
    | StudentAssessmentRow
    | GraduationPlanRow
)
"""Any row a reader produces."""
