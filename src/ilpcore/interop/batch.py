"""What a reader of a student information system's files produces: students and rejected rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ilpcore.model import (
    AssessmentResult,
    Contact,
    CourseRecord,
    Demographics,
    Enrollment,
    Student,
)

__all__ = ["ImportBatch", "RejectedRow", "StudentRecord"]


@attrs.frozen
class RejectedRow:
    """One source row (or element) an importer could not use, and why.

    ``line`` is 1-based (a CSV header is line 1); ``student_id`` names the
    student the row belongs to when that much could be read, so the whole
    student can be held back rather than half imported.

    >>> str(RejectedRow("users.csv", 7, "birthDate '2008-13-01' is not a date", "S9"))
    "users.csv, line 7: birthDate '2008-13-01' is not a date (student S9)"
    """

    file: str
    line: int | None
    reason: str
    student_id: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        whose = "" if self.student_id is None else f" (student {self.student_id})"
        return f"{where}: {self.reason}{whose}"

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready values."""
        return {
            "file": self.file,
            "line": self.line,
            "reason": self.reason,
            "student_id": self.student_id,
        }


@attrs.frozen
class StudentRecord:
    """Everything a source system says about one student.

    Fields left empty (``None`` or ``()``) are not touched when merged into an
    existing plan (see :func:`~ilpcore.interop.merge_student`): a source that
    carries no demographics does not erase the ones a plan already has.
    """

    student: Student
    demographics: Demographics | None = None
    contacts: tuple[Contact, ...] = ()
    enrollments: tuple[Enrollment, ...] = ()
    courses: tuple[CourseRecord, ...] = ()
    assessments: tuple[AssessmentResult, ...] = ()
    parental_access_consent: bool | None = None


def _tuple_of_rows(rows: Iterable[RejectedRow]) -> tuple[RejectedRow, ...]:
    return tuple(rows)


def _tuple_of_students(students: Iterable[StudentRecord]) -> tuple[StudentRecord, ...]:
    return tuple(students)


@attrs.frozen
class ImportBatch:
    """The students read from one set of source files, plus the rows that were rejected.

    ``staff_caseloads`` maps a staff member's id to the students they serve
    (counselors, teachers) and ``guardians`` a student's id to their contacts'
    ids, as the source files state them; both feed
    :class:`~ilpcore.access.Relationships`.
    """

    source: str
    """What was read, for reports, e.g. ``Ed-Fi 5.2 XML /data/grand_bend``."""
    students: tuple[StudentRecord, ...] = attrs.field(default=(), converter=_tuple_of_students)
    rejected: tuple[RejectedRow, ...] = attrs.field(default=(), converter=_tuple_of_rows)
    staff_caseloads: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    guardians: Mapping[str, frozenset[str]] = attrs.field(factory=dict)

    def held_back(self) -> frozenset[str]:
        """Ids of students with at least one rejected row: they are not imported."""
        return frozenset(r.student_id for r in self.rejected if r.student_id is not None)
