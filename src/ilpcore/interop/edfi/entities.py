"""Students, schools and school associations: rows -> model values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.rows import (
    RowError,
    SchoolAssociationRow,
    SchoolRow,
    StudentRow,
    TranscriptRow,
)
from ilpcore.interop.edfi.values import (
    descriptor_label,
    parse_date,
    required,
    school_year_of_date,
    school_year_start,
)
from ilpcore.model import Enrollment, PersonName, SchoolRef

__all__ = ["association", "identity", "school_ref", "transcript_evidence"]


def school_ref(row: SchoolRow, districts: Mapping[str, str]) -> tuple[SchoolRef, frozenset[int]]:
    """The school (with its state and district's name) and the grades it offers."""
    school_id = required(row.school_id, "SchoolId")
    district = None if row.district is None else districts.get(row.district)
    state = None if row.state is None else descriptor_label(row.state)
    ref = SchoolRef(
        school_id,
        required(row.name, "NameOfInstitution"),
        state=state if state and len(state) == 2 and state.isupper() else None,
        district=district,
    )
    return ref, frozenset(descriptors.grade_level(g) for g in row.grade_levels)


def identity(row: StudentRow) -> tuple[PersonName, date | None]:
    """The student's name (preferred first name only when it differs) and birth date."""
    required(row.student_id, "StudentUniqueId")
    preferred = row.preferred if row.preferred != row.given else None
    name = PersonName(
        required(row.given, "FirstName"), required(row.family, "LastSurname"), row.middle, preferred
    )
    birth = None if row.birth_date is None else parse_date(row.birth_date, "BirthDate")
    return name, birth


def transcript_evidence(row: TranscriptRow) -> tuple[int, int] | None:
    """(school year, grade) a transcript row says the course was taken in, when it says so."""
    if row.grade_level is None or row.school_year is None:
        return None
    return school_year_start(row.school_year), descriptors.grade_level(row.grade_level)


def association(
    row: SchoolAssociationRow, schools: Mapping[str, SchoolRef], year: int
) -> tuple[Enrollment, int, int | None]:
    """The enrollment, the grade in school year ``year`` and the class (``None``: not given).

    The grade is the entry grade moved on by the school years since entry, unless
    the student has left (then the entry grade).
    """
    school_id = required(row.school_id, "SchoolId")
    if school_id not in schools:
        raise RowError(f"school {school_id!r} is not in the education organization files")
    start = parse_date(required(row.entry_date, "EntryDate"), "EntryDate")
    end = None if row.exit_date is None else parse_date(row.exit_date, "ExitWithdrawDate")
    entry_grade = descriptors.grade_level(required(row.entry_grade_level, "EntryGradeLevel"))
    entry_year = (
        school_year_start(row.school_year)
        if row.school_year is not None
        else school_year_of_date(start)
    )
    grade_now = min(12, max(0, entry_grade + (year - entry_year))) if end is None else entry_grade
    class_of = (
        None if row.class_of is None else school_year_start(row.class_of, "ClassOfSchoolYear") + 1
    )
    enrollment = Enrollment(schools[school_id], start, end, first_grade_level=entry_grade)
    return enrollment, grade_now, class_of
