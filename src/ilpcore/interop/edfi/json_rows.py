"""Ed-Fi API JSON resources (Data Standard 5.2) -> rows.

One file per resource, named after it (``students.json``,
``courseTranscripts.json``...), holding a JSON array of resource objects as the
API returns them: camelCase fields, ``...Reference`` objects, descriptor URIs,
school years as the calendar year they end in.  Each object's line is the line
its ``{`` is on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ilpcore.exceptions import DataFileError
from ilpcore.interop.edfi.rows import (
    AcademicRecordRow,
    AssessmentRow,
    CourseRow,
    DistrictRow,
    GraduationPlanRow,
    Row,
    SchoolAssociationRow,
    SchoolRow,
    SessionRow,
    StudentAssessmentRow,
    StudentRow,
    TranscriptRow,
    Where,
)

__all__ = ["JSON_RESOURCES", "json_rows", "objects_with_lines"]

Obj = dict[str, Any]


def _str(value: object) -> str | None:
    """A scalar as text (numbers as written by :func:`json.loads`); anything else ``None``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    return None


def _get(obj: object, *path: str) -> str | None:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return _str(obj)


def _items(obj: Obj, key: str) -> list[Obj]:
    found = obj.get(key)
    return [i for i in found if isinstance(i, dict)] if isinstance(found, list) else []


def _values(obj: Obj, key: str, field: str) -> tuple[str, ...]:
    return tuple(v for i in _items(obj, key) if (v := _get(i, field)) is not None)


def _student(w: Where, o: Obj) -> StudentRow:
    return StudentRow(
        w,
        _get(o, "studentUniqueId") or "",
        given=_get(o, "firstName"),
        family=_get(o, "lastSurname"),
        middle=_get(o, "middleName"),
        preferred=_get(o, "preferredFirstName"),
        birth_date=_get(o, "birthDate"),
    )


def _school(w: Where, o: Obj) -> SchoolRow:
    return SchoolRow(
        w,
        _get(o, "schoolId") or "",
        _get(o, "nameOfInstitution"),
        _values(o, "gradeLevels", "gradeLevelDescriptor"),
        _get(o, "localEducationAgencyReference", "localEducationAgencyId"),
        next(iter(_values(o, "addresses", "stateAbbreviationDescriptor")), None),
    )


def _district(w: Where, o: Obj) -> DistrictRow:
    return DistrictRow(w, _get(o, "localEducationAgencyId"), None, _get(o, "nameOfInstitution"))


def _session(w: Where, o: Obj) -> SessionRow:
    return SessionRow(w, _get(o, "schoolYearTypeReference", "schoolYear"))


def _course(w: Where, o: Obj) -> CourseRow:
    return CourseRow(
        w,
        _get(o, "courseCode") or "",
        _get(o, "educationOrganizationReference", "educationOrganizationId"),
        _get(o, "courseTitle"),
        _get(o, "academicSubjectDescriptor"),
        _values(o, "levelCharacteristics", "courseLevelCharacteristicDescriptor"),
        _get(o, "maximumAvailableCredits"),
    )


def _association(w: Where, o: Obj) -> SchoolAssociationRow:
    return SchoolAssociationRow(
        w,
        _get(o, "studentReference", "studentUniqueId"),
        _get(o, "schoolReference", "schoolId"),
        _get(o, "entryDate"),
        _get(o, "entryGradeLevelDescriptor"),
        exit_date=_get(o, "exitWithdrawDate"),
        class_of=_get(o, "classOfSchoolYearTypeReference", "schoolYear"),
        school_year=_get(o, "schoolYearTypeReference", "schoolYear"),
    )


def _academic_record(w: Where, o: Obj) -> AcademicRecordRow:
    return AcademicRecordRow(
        w,
        _get(o, "studentReference", "studentUniqueId"),
        _get(o, "educationOrganizationReference", "educationOrganizationId"),
        _get(o, "schoolYearTypeReference", "schoolYear"),
        _get(o, "termDescriptor"),
    )


def _transcript(w: Where, o: Obj) -> TranscriptRow:
    record = o.get("studentAcademicRecordReference")
    course = o.get("courseReference")
    return TranscriptRow(
        w,
        _get(record, "studentUniqueId"),
        _get(record, "educationOrganizationId"),
        _get(record, "schoolYear"),
        _get(record, "termDescriptor"),
        _get(course, "courseCode"),
        _get(course, "educationOrganizationId"),
        _get(o, "courseAttemptResultDescriptor"),
        attempted_credits=_get(o, "attemptedCredits"),
        earned_credits=_get(o, "earnedCredits"),
        grade_level=_get(o, "whenTakenGradeLevelDescriptor"),
        method_credit_earned=_get(o, "methodCreditEarnedDescriptor"),
        letter_grade=_get(o, "finalLetterGradeEarned"),
        numeric_grade=_get(o, "finalNumericGradeEarned"),
        title=_get(o, "courseTitle"),
        subjects=_values(o, "academicSubjects", "academicSubjectDescriptor"),
        institution=_get(o, "externalEducationOrganizationNameOfInstitution"),
    )


def _assessment(w: Where, o: Obj) -> AssessmentRow:
    ranges = tuple(
        (method, _get(s, "minimumScore"), _get(s, "maximumScore"))
        for s in _items(o, "scores")
        if (method := _get(s, "assessmentReportingMethodDescriptor")) is not None
    )
    return AssessmentRow(
        w,
        _get(o, "assessmentIdentifier") or "",
        _get(o, "namespace"),
        _get(o, "assessmentTitle"),
        _get(o, "assessmentVersion"),
        ranges,
    )


def _student_assessment(w: Where, o: Obj) -> StudentAssessmentRow:
    scores = tuple(
        (_get(s, "assessmentReportingMethodDescriptor") or "", _get(s, "result") or "")
        for s in _items(o, "scoreResults")
    )
    return StudentAssessmentRow(
        w,
        _get(o, "studentAssessmentIdentifier"),
        _get(o, "studentReference", "studentUniqueId"),
        _get(o, "assessmentReference", "assessmentIdentifier"),
        _get(o, "assessmentReference", "namespace"),
        _get(o, "administrationDate"),
        grade_level=_get(o, "whenAssessedGradeLevelDescriptor"),
        school_year=_get(o, "schoolYearTypeReference", "schoolYear"),
        scores=scores,
    )


def _graduation_plan(w: Where, o: Obj) -> GraduationPlanRow:
    by_subject = tuple(
        (_get(s, "academicSubjectDescriptor") or "", _get(s, "credits") or "")
        for s in _items(o, "creditsBySubjects")
    )
    by_course = tuple(
        (
            _get(c, "courseSetName") or "",
            _get(c, "credits") or "",
            tuple(
                code
                for i in _items(c, "courses")
                if (code := _get(i, "courseReference", "courseCode")) is not None
            ),
        )
        for c in _items(o, "creditsByCourses")
    )
    return GraduationPlanRow(
        w,
        _get(o, "graduationPlanTypeDescriptor"),
        _get(o, "educationOrganizationReference", "educationOrganizationId"),
        _get(o, "graduationSchoolYearTypeReference", "schoolYear"),
        _get(o, "totalRequiredCredits"),
        credit_type=_get(o, "totalRequiredCreditTypeDescriptor"),
        by_subject=by_subject,
        by_course=by_course,
    )


JSON_RESOURCES: dict[str, Callable[[Where, Obj], Row]] = {
    "students": _student,
    "localEducationAgencies": _district,
    "schools": _school,
    "sessions": _session,
    "courses": _course,
    "studentSchoolAssociations": _association,
    "studentAcademicRecords": _academic_record,
    "courseTranscripts": _transcript,
    "assessments": _assessment,
    "studentAssessments": _student_assessment,
    "graduationPlans": _graduation_plan,
}
"""Resource (file stem) -> how one of its objects becomes a row."""


def _fail(path: Path, text: str, at: int, message: str) -> DataFileError:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return DataFileError(path.name, message, line=line, column=str(column))


def objects_with_lines(path: Path) -> Iterator[tuple[int, object]]:
    """Each item of the JSON array in ``path`` with the line it starts on.

    Raises :class:`DataFileError` (file, line, column) when the file is not a
    well-formed JSON array.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(path.name, f"not UTF-8 text: {exc.reason}") from None
    decoder = json.JSONDecoder()
    ws = " \t\r\n"
    at = len(text) - len(text.lstrip(ws))
    if not text.startswith("[", at):
        raise _fail(path, text, at, "expected a JSON array of resources")
    at += 1
    line, counted = 1, 0
    first = True
    while True:
        while at < len(text) and text[at] in ws:
            at += 1
        if text.startswith("]", at):
            rest = text[at + 1 :]
            if rest.strip(ws):
                raise _fail(
                    path,
                    text,
                    at + 1 + len(rest) - len(rest.lstrip(ws)),
                    "extra data after the array",
                )
            return
        if not first:
            if not text.startswith(",", at):
                raise _fail(path, text, at, "expected ',' or ']'")
            at += 1
            while at < len(text) and text[at] in ws:
                at += 1
        try:
            item, end = decoder.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            raise _fail(path, text, exc.pos, f"malformed JSON: {exc.msg}") from None
        line += text.count("\n", counted, at)
        counted = at
        yield line, item
        at = end
        first = False


def json_rows(path: Path) -> Iterator[Row]:
    """The rows of one resource file; a non-object item is a :class:`DataFileError`."""
    make = JSON_RESOURCES[path.stem]
    for line, item in objects_with_lines(path):
        if not isinstance(item, dict):
            raise DataFileError(path.name, "expected a JSON object", line=line)
        yield make(Where(path.name, line), item)
