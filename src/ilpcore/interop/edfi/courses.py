"""Course catalog and course transcripts -> :class:`~ilpcore.model.CourseRecord`."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.rows import CourseRow, RowError, TranscriptRow
from ilpcore.interop.edfi.values import credits, required, school_year_start
from ilpcore.model import CourseAttribute, CourseRecord, CourseStatus, Term

__all__ = ["Catalog", "CatalogCourse", "catalog_course", "course_record", "transcript_term"]


@attrs.frozen
class CatalogCourse:
    """A course of the catalog, its descriptors already mapped."""

    code: str
    education_organization_id: str | None
    title: str
    subject: str | None
    attributes: frozenset[CourseAttribute]
    max_credits: Decimal | None


def catalog_course(row: CourseRow) -> CatalogCourse:
    """The catalog entry for ``row`` (:class:`RowError` when a descriptor or value is bad)."""
    return CatalogCourse(
        required(row.code, "CourseCode"),
        row.education_organization_id,
        required(row.title, "CourseTitle"),
        None if row.subject is None else descriptors.subject(row.subject),
        descriptors.course_attributes(row.characteristics),
        None if row.max_credits is None else credits(row.max_credits, "MaximumAvailableCredits"),
    )


class Catalog:
    """The courses by code and education organization; by code alone when that is unambiguous."""

    def __init__(self, courses: Mapping[tuple[str, str | None], CatalogCourse]) -> None:
        self._by_key = dict(courses)
        by_code: dict[str, list[CatalogCourse]] = {}
        for course in courses.values():
            by_code.setdefault(course.code, []).append(course)
        self._by_code = {code: found[0] for code, found in by_code.items() if len(found) == 1}

    def __len__(self) -> int:
        return len(self._by_key)

    def find(self, code: str, education_organization_id: str | None) -> CatalogCourse:
        found = self._by_key.get((code, education_organization_id)) or self._by_code.get(code)
        if found is None:
            owner = "" if education_organization_id is None else f" of {education_organization_id}"
            raise RowError(f"course {code!r}{owner} is not in the course catalog")
        return found


def transcript_term(row: TranscriptRow) -> Term:
    """The term of a transcript row: its academic record's school year and term."""
    year = school_year_start(required(row.school_year, "SchoolYear"))
    return Term(year, descriptors.session(required(row.term, "Term")))


def _mark(row: TranscriptRow) -> str | None:
    if row.letter_grade is not None:
        return row.letter_grade
    if row.numeric_grade is not None:
        return str(credits(row.numeric_grade, "FinalNumericGradeEarned"))
    return None


def course_record(
    row: TranscriptRow, catalog: Catalog, grade_now: int | None, now: int
) -> CourseRecord:
    """The course record for one transcript row.

    ``grade_now`` (the student's grade in school year ``now``) stands in for a
    missing ``WhenTakenGradeLevel``: the grade then is that grade moved back by
    the years since.  Status follows the attempt result; earned credits are kept
    for completed and failed courses only (the model's rule).
    """
    course = catalog.find(
        required(row.course_code, "CourseCode"), row.course_education_organization_id
    )
    term = transcript_term(row)
    if row.grade_level is not None:
        grade = descriptors.grade_level(row.grade_level)
    elif grade_now is not None and 0 <= grade_now - (now - term.school_year) <= 12:
        grade = grade_now - (now - term.school_year)
    else:
        raise RowError("WhenTakenGradeLevel is missing and the student's grade is unknown")
    subjects = tuple(descriptors.subject(s) for s in row.subjects)
    subject = subjects[0] if subjects else course.subject
    if subject is None:
        raise RowError(f"course {course.code!r} has no AcademicSubject")
    attempted = (
        None
        if row.attempted_credits is None
        else credits(row.attempted_credits, "AttemptedCredits")
    )
    earned = None if row.earned_credits is None else credits(row.earned_credits, "EarnedCredits")
    amount = (
        attempted if attempted is not None else earned if earned is not None else course.max_credits
    )
    if amount is None:
        raise RowError("neither AttemptedCredits nor EarnedCredits is given")
    status = descriptors.course_status(required(row.attempt_result, "CourseAttemptResult"))
    keep_earned = status in (CourseStatus.COMPLETED, CourseStatus.FAILED)
    if keep_earned and earned is not None and earned > amount:
        raise RowError(f"EarnedCredits {earned} is more than AttemptedCredits {amount}")
    attributes = course.attributes | descriptors.course_attributes((), row.method_credit_earned)
    return CourseRecord(
        course.code,
        row.title or course.title,
        subject,
        term,
        grade,
        amount,
        status=status,
        mark=_mark(row),
        credits_earned=earned if keep_earned and earned != amount else None,
        attributes=attributes,
        institution=row.institution,
    )
