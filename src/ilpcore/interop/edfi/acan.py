"""The ACAN composite transcript JSON: one object per student, records and transcripts nested.

This is the shape of the Ed-Fi Alliance's ACAN transcript research spike (a
custom composite resource, not the Ed-Fi core resources): each student carries
``studentAcademicRecords[]`` (``schoolYear``, ``term``,
``cumulativeEarnedCredits``, ``gradePointAverages``), each with
``courseTranscript[]`` (``courseCode``, ``courseTitle``, ``academicSubject``,
credits, final marks, ``courseAttemptResult``, ``whenTakenGradeLevel``).  Course
transcripts describe their course, so no catalog is needed; they are mapped by
the same code as core transcripts.  Rejected rows carry the line of the
student's object (nested objects have no line of their own here).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from ilpcore.exceptions import ValidationError
from ilpcore.interop.batch import ImportBatch, RejectedRow, StudentRecord
from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.assessments import assessment_result
from ilpcore.interop.edfi.courses import Catalog, CatalogCourse, course_record
from ilpcore.interop.edfi.json_rows import objects_with_lines
from ilpcore.interop.edfi.placement import cohort_of
from ilpcore.interop.edfi.rows import RowError, StudentAssessmentRow, TranscriptRow, Where
from ilpcore.interop.edfi.values import (
    credits,
    descriptor_label,
    parse_date,
    required,
    school_year_start,
)
from ilpcore.model import (
    AssessmentResult,
    CourseRecord,
    PersonName,
    SchoolRef,
    Session,
    Student,
)

__all__ = ["AcademicRecordSummary", "AcanTranscripts", "read_acan_transcript"]

Obj = dict[str, Any]


@attrs.frozen
class AcademicRecordSummary:
    """What one academic record (a student's term) states about itself."""

    student_id: str
    school_year: int
    session: Session
    cumulative_earned_credits: Decimal | None
    grade_point_averages: Mapping[str, Decimal]
    """GPA by type (``Unweighted``, ``Weighted``), as stated."""


@attrs.frozen
class AcanTranscripts:
    """The students of an ACAN transcript file and their academic records' own figures."""

    batch: ImportBatch
    records: tuple[AcademicRecordSummary, ...]


def _text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    return None


def _list(obj: Obj, key: str) -> list[Obj]:
    found = obj.get(key)
    return [i for i in found if isinstance(i, dict)] if isinstance(found, list) else []


def _transcript_rows(where: Where, sid: str, record: Obj) -> list[TranscriptRow]:
    return [
        TranscriptRow(
            where,
            sid,
            None,
            _text(record.get("schoolYear")),
            _text(record.get("term")),
            _text(c.get("courseCode")),
            None,
            _text(c.get("courseAttemptResult")),
            attempted_credits=_text(c.get("attemptedCredits")),
            earned_credits=_text(c.get("earnedCredits")),
            grade_level=_text(c.get("whenTakenGradeLevel")),
            method_credit_earned=_text(c.get("methodCreditEarnedDescriptor")),
            letter_grade=_text(c.get("finalLetterGradeEarned")),
            numeric_grade=_text(c.get("finalNumericGradeEarned")),
            title=_text(c.get("courseTitle")),
            subjects=tuple(s for s in [_text(c.get("academicSubject"))] if s is not None),
        )
        for c in _list(record, "courseTranscript")
    ]


def _summary(sid: str, record: Obj) -> AcademicRecordSummary:
    gpas = {
        descriptor_label(
            required(_text(g.get("gradePointAverageType")), "gradePointAverageType")
        ): (
            credits(
                required(_text(g.get("gradePointAverageValue")), "gpa"), "gradePointAverageValue"
            )
        )
        for g in _list(record, "gradePointAverages")
    }
    cumulative = _text(record.get("cumulativeEarnedCredits"))
    return AcademicRecordSummary(
        sid,
        school_year_start(required(_text(record.get("schoolYear")), "schoolYear")),
        descriptors.session(required(_text(record.get("term")), "term")),
        None if cumulative is None else credits(cumulative, "cumulativeEarnedCredits"),
        gpas,
    )


def _catalog(rows: list[TranscriptRow]) -> Catalog:
    courses: dict[tuple[str, str | None], CatalogCourse] = {}
    for row in rows:
        if row.course_code is not None and row.title is not None:
            subject = descriptors.subject(row.subjects[0]) if row.subjects else None
            courses.setdefault(
                (row.course_code, None),
                CatalogCourse(row.course_code, None, row.title, subject, frozenset(), None),
            )
    return Catalog(courses)


def _assessment_rows(where: Where, sid: str, student: Obj) -> list[StudentAssessmentRow]:
    rows = []
    for a in _list(student, "studentAssessments"):
        title = _text(a.get("assessmentTitle"))
        taken = _text(a.get("administrationDate"))
        subjects = " ".join(
            descriptor_label(v)
            for s in _list(a, "assesmentSubject")  # sic: the composite's spelling
            if (v := _text(s.get("assesmentSubject"))) is not None
        )
        if title is not None and subjects:
            title = f"{title} {subjects}"
        scores = tuple(
            (
                _text(s.get("assessmentReportingMethodDescriptor")) or "",
                _text(s.get("result")) or "",
            )
            for s in _list(a, "scoreResults")
        )
        rows.append(
            StudentAssessmentRow(
                where,
                f"{title}|{taken}",
                sid,
                title,
                None,
                taken,
                grade_level=_text(a.get("whenAssessedGradeLevelDescriptor")),
                scores=scores,
            )
        )
    return rows


def _student(
    where: Where, student: Obj, rejected: list[RejectedRow]
) -> tuple[StudentRecord, list[AcademicRecordSummary]] | None:
    sid = _text(student.get("studentUniqueId"))
    try:
        sid = required(sid, "studentUniqueId")
        name = PersonName(
            required(_text(student.get("firstName")), "firstName"),
            required(_text(student.get("lastSurname")), "lastSurname"),
            _text(student.get("middleName")),
        )
        birth_text = _text(student.get("birthDate"))
        birth = None if birth_text is None else parse_date(birth_text, "birthDate")
        records = _list(student, "studentAcademicRecords")
        summaries = [_summary(sid, r) for r in records]
        rows = [row for r in records for row in _transcript_rows(where, sid, r)]
        catalog = _catalog(rows)
        if not rows:
            raise RowError("the student has no course transcripts")
        latest = max(rows, key=lambda r: school_year_start(required(r.school_year, "schoolYear")))
        year = school_year_start(required(latest.school_year, "schoolYear"))
        grade = descriptors.grade_level(required(latest.grade_level, "whenTakenGradeLevel"))
        courses: dict[tuple[str, object], CourseRecord] = {}
        for row in rows:
            course = course_record(row, catalog, grade, year)
            key = (course.course_code, course.term)
            if key in courses:
                raise RowError(f"course {course.course_code!r} twice in {course.term.label}")
            courses[key] = course
        assessments: list[AssessmentResult] = [
            assessment_result(a, {}) for a in _assessment_rows(where, sid, student)
        ]
        schools = _list(student, "school")
        if not schools:
            raise RowError("the student has no school")
        school = SchoolRef(
            required(_text(schools[0].get("schoolId")), "schoolId"),
            required(_text(schools[0].get("schoolName")), "schoolName"),
            district=_text(schools[0].get("districtName")),
        )
        identity = Student(sid, name, grade, cohort_of(grade, year), school, birth_date=birth)
    except RowError as exc:
        rejected.append(RejectedRow(where.file, where.line, str(exc), sid))
        return None
    except ValidationError as exc:
        reason = "; ".join(str(p) for p in exc.problems)
        rejected.append(RejectedRow(where.file, where.line, reason, sid))
        return None
    record = StudentRecord(
        identity, courses=tuple(courses.values()), assessments=tuple(assessments)
    )
    return record, summaries


def read_acan_transcript(path: Path) -> AcanTranscripts:
    """The students of an ACAN composite transcript file.

    Each student's grade is the ``whenTakenGradeLevel`` of their latest school
    year's transcripts, their school the first of ``school``.  A student any of
    whose records cannot be used is rejected whole.  Raises
    :class:`~ilpcore.exceptions.DataFileError` when the file is not a JSON array.
    """
    students: list[StudentRecord] = []
    summaries: list[AcademicRecordSummary] = []
    rejected: list[RejectedRow] = []
    for line, item in objects_with_lines(path):
        where = Where(path.name, line)
        if not isinstance(item, dict):
            rejected.append(RejectedRow(path.name, line, "expected a JSON object"))
            continue
        made = _student(where, item, rejected)
        if made is not None:
            students.append(made[0])
            summaries.extend(made[1])
    batch = ImportBatch(f"ACAN transcript JSON {path}", tuple(students), tuple(rejected))
    return AcanTranscripts(batch, tuple(summaries))
