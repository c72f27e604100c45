"""Collecting the rows of every file before mapping them (references cross files)."""

from __future__ import annotations

from ilpcore.interop.edfi.rows import (
    AcademicRecordRow,
    AssessmentRow,
    CourseRow,
    DistrictRow,
    GraduationPlanRow,
    Row,
    RowError,
    SchoolAssociationRow,
    SchoolRow,
    SessionRow,
    StudentAssessmentRow,
    StudentRow,
    TranscriptRow,
)
from ilpcore.interop.edfi.values import school_year_start

__all__ = ["RowCollector"]


class RowCollector:
    """Gathers the rows of all files, then maps them together (references cross files)."""

    def __init__(self) -> None:
        self.students: list[StudentRow] = []
        self.schools: list[SchoolRow] = []
        self.districts: list[DistrictRow] = []
        self.sessions: list[SessionRow] = []
        self.courses: list[CourseRow] = []
        self.associations: list[SchoolAssociationRow] = []
        self.records: list[AcademicRecordRow] = []
        self.transcripts: list[TranscriptRow] = []
        self.assessments: list[AssessmentRow] = []
        self.student_assessments: list[StudentAssessmentRow] = []
        self.graduation_plans: list[GraduationPlanRow] = []

    def add(self, row: Row) -> None:
        """Keep ``row`` with the others of its kind."""
        getattr(self, _LISTS[type(row)]).append(row)

    def school_year(self) -> int | None:
        """The latest school year named by sessions, associations, records or assessments."""
        years: set[int] = set()
        for value in (
            [s.school_year for s in self.sessions]
            + [a.school_year for a in self.associations]
            + [r.school_year for r in self.records]
            + [t.school_year for t in self.transcripts]
            + [a.school_year for a in self.student_assessments]
        ):
            if value is not None:
                try:
                    years.add(school_year_start(value))
                except RowError:
                    continue  # reported where the row itself is mapped
        return max(years) if years else None


_LISTS: dict[type, str] = {
    StudentRow: "students",
    SchoolRow: "schools",
    DistrictRow: "districts",
    SessionRow: "sessions",
    CourseRow: "courses",
    SchoolAssociationRow: "associations",
    AcademicRecordRow: "records",
    TranscriptRow: "transcripts",
    AssessmentRow: "assessments",
    StudentAssessmentRow: "student_assessments",
    GraduationPlanRow: "graduation_plans",
}
"""Row type -> the list of :class:`RowCollector` it goes in."""
