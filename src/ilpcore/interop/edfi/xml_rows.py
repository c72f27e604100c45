"""Ed-Fi bulk XML elements (Data Standard 5.2 interchanges) -> rows.

Element and field names follow the Data Standard 5.2 bulk XSDs
(``Ed-Fi-Core.xsd``, ``Interchange-*.xsd``).  References are read by identity
(``StudentReference/StudentIdentity/StudentUniqueId``); a reference given only
by ``ref`` attribute has no identity and leaves the field empty.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

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

__all__ = ["INTERCHANGES", "xml_row"]


_STUDENT_ID = "StudentReference/StudentIdentity/StudentUniqueId"
_EDORG_ID = "EducationOrganizationReference/EducationOrganizationIdentity/EducationOrganizationId"


def _text(element: Element, path: str) -> str | None:
    found = element.findtext(path)
    if found is None:
        return None
    found = found.strip()
    return found or None


def _texts(element: Element, path: str) -> tuple[str, ...]:
    return tuple(t for e in element.iterfind(path) if (t := (e.text or "").strip()))


def _credits(element: Element, path: str) -> str | None:
    """A ``Credits``-typed element: the amount in its ``Credits`` child (or its own text)."""
    found = element.find(path)
    if found is None:
        return None
    inner = _text(found, "Credits")
    return inner if inner is not None else _text(found, ".")


def _student(where: Where, e: Element) -> StudentRow:
    return StudentRow(
        where,
        _text(e, "StudentUniqueId") or "",
        given=_text(e, "Name/FirstName"),
        family=_text(e, "Name/LastSurname"),
        middle=_text(e, "Name/MiddleName"),
        preferred=_text(e, "Name/PreferredFirstName"),
        birth_date=_text(e, "BirthData/BirthDate"),
    )


def _school(where: Where, e: Element) -> SchoolRow:
    district = e.find("LocalEducationAgencyReference")
    district_id = None
    if district is not None:
        identity = "LocalEducationAgencyIdentity/LocalEducationAgencyId"
        district_id = _text(district, identity) or district.get("ref")
    return SchoolRow(
        where,
        _text(e, "SchoolId") or "",
        _text(e, "NameOfInstitution"),
        _texts(e, "GradeLevel"),
        district_id,
        _text(e, "Address/StateAbbreviation"),
    )


def _district(where: Where, e: Element) -> DistrictRow:
    return DistrictRow(
        where, _text(e, "LocalEducationAgencyId"), e.get("id"), _text(e, "NameOfInstitution")
    )


def _session(where: Where, e: Element) -> SessionRow:
    return SessionRow(where, _text(e, "SchoolYear"))


def _course(where: Where, e: Element) -> CourseRow:
    return CourseRow(
        where,
        _text(e, "CourseCode") or "",
        _text(e, _EDORG_ID),
        _text(e, "CourseTitle"),
        _text(e, "AcademicSubject"),
        _texts(e, "CourseLevelCharacteristic"),
        _credits(e, "MaximumAvailableCredits"),
    )


def _association(where: Where, e: Element) -> SchoolAssociationRow:
    return SchoolAssociationRow(
        where,
        _text(e, _STUDENT_ID),
        _text(e, "SchoolReference/SchoolIdentity/SchoolId"),
        _text(e, "EntryDate"),
        _text(e, "EntryGradeLevel"),
        exit_date=_text(e, "ExitWithdrawDate"),
        class_of=_text(e, "ClassOfSchoolYear"),
        school_year=_text(e, "SchoolYear"),
    )


def _academic_record(where: Where, e: Element) -> AcademicRecordRow:
    return AcademicRecordRow(
        where, _text(e, _STUDENT_ID), _text(e, _EDORG_ID), _text(e, "SchoolYear"), _text(e, "Term")
    )


def _transcript(where: Where, e: Element) -> TranscriptRow:
    record = "StudentAcademicRecordReference/StudentAcademicRecordIdentity/"
    course = "CourseReference/CourseIdentity/"
    return TranscriptRow(
        where,
        _text(e, record + _STUDENT_ID),
        _text(e, record + _EDORG_ID),
        _text(e, record + "SchoolYear"),
        _text(e, record + "Term"),
        _text(e, course + "CourseCode"),
        _text(e, course + _EDORG_ID),
        _text(e, "CourseAttemptResult"),
        attempted_credits=_credits(e, "AttemptedCredits"),
        earned_credits=_credits(e, "EarnedCredits"),
        grade_level=_text(e, "WhenTakenGradeLevel"),
        method_credit_earned=_text(e, "MethodCreditEarned"),
        letter_grade=_text(e, "FinalLetterGradeEarned"),
        numeric_grade=_text(e, "FinalNumericGradeEarned"),
        title=_text(e, "CourseTitle"),
        subjects=_texts(e, "AcademicSubject"),
        institution=_text(e, "ExternalEducationOrganizationNameOfInstitution"),
    )


def _assessment(where: Where, e: Element) -> AssessmentRow:
    ranges = tuple(
        (method, _text(s, "MinimumScore"), _text(s, "MaximumScore"))
        for s in e.iterfind("AssessmentScore")
        if (method := _text(s, "AssessmentReportingMethod")) is not None
    )
    return AssessmentRow(
        where,
        _text(e, "AssessmentIdentifier") or "",
        _text(e, "Namespace"),
        _text(e, "AssessmentTitle"),
        _text(e, "AssessmentVersion"),
        ranges,
    )


def _student_assessment(where: Where, e: Element) -> StudentAssessmentRow:
    scores = tuple(
        (_text(s, "AssessmentReportingMethod") or "", _text(s, "Result") or "")
        for s in e.iterfind("ScoreResult")
    )
    return StudentAssessmentRow(
        where,
        _text(e, "StudentAssessmentIdentifier"),
        _text(e, _STUDENT_ID),
        _text(e, "AssessmentReference/AssessmentIdentity/AssessmentIdentifier"),
        _text(e, "AssessmentReference/AssessmentIdentity/Namespace"),
        _text(e, "AdministrationDate"),
        grade_level=_text(e, "WhenAssessedGradeLevel"),
        school_year=_text(e, "SchoolYear"),
        scores=scores,
    )


def _graduation_plan(where: Where, e: Element) -> GraduationPlanRow:
    by_subject = tuple(
        (_text(s, "AcademicSubject") or "", _credits(s, "Credits") or "")
        for s in e.iterfind("CreditsBySubject")
    )
    by_course = tuple(
        (
            _text(c, "CourseSetName") or "",
            _credits(c, "Credits") or "",
            tuple(
                code
                for r in c.iter("CourseReference")
                if (code := _text(r, "CourseIdentity/CourseCode")) is not None
            ),
        )
        for c in e.iterfind("CreditsByCourse")
    )
    return GraduationPlanRow(
        where,
        _text(e, "GraduationPlanType"),
        _text(e, _EDORG_ID),
        _text(e, "GraduationSchoolYear"),
        _credits(e, "TotalRequiredCredits"),
        credit_type=_text(e, "TotalRequiredCredits/CreditType"),
        by_subject=by_subject,
        by_course=by_course,
    )


INTERCHANGES: dict[str, dict[str, Callable[[Where, Element], Row]]] = {
    "InterchangeStudent": {"Student": _student},
    "InterchangeEducationOrganization": {
        "LocalEducationAgency": _district,
        "School": _school,
        "Course": _course,
    },
    "InterchangeEducationOrgCalendar": {"Session": _session},
    "InterchangeAssessmentMetadata": {"Assessment": _assessment},
    "InterchangeStudentAssessment": {"StudentAssessment": _student_assessment},
    "InterchangeStudentTranscript": {
        "StudentAcademicRecord": _academic_record,
        "CourseTranscript": _transcript,
    },
    "InterchangeStudentEnrollment": {
        "StudentSchoolAssociation": _association,
        "GraduationPlan": _graduation_plan,
    },
}
"""Interchange root -> the top-level elements read from it and how."""


def xml_row(root: str, where: Where, element: Element) -> Row | None:
    """The row for one top-level element of an interchange, or ``None`` if not one we use."""
    reader = INTERCHANGES.get(root, {}).get(element.tag)
    return None if reader is None else reader(where, element)
