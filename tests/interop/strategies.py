"""Generated import batches for the interop tests."""

from __future__ import annotations

from hypothesis import strategies as st

from ilpcore.interop import ImportBatch, RejectedRow, StudentRecord
from ilpcore.testing.strategies import (
    assessment_results,
    contacts,
    course_records,
    demographics,
    profiles,
    students,
)

__all__ = ["batches", "student_records"]


@st.composite
def student_records(draw: st.DrawFn) -> StudentRecord:
    return StudentRecord(
        student=draw(students()),
        demographics=draw(st.none() | demographics()),
        contacts=tuple(draw(st.lists(contacts(), max_size=3, unique_by=lambda c: c.id))),
        enrollments=draw(profiles()).education_history,
        courses=tuple(draw(st.lists(course_records(), max_size=4))),
        assessments=tuple(
            draw(st.lists(assessment_results(), max_size=3, unique_by=lambda a: a.id))
        ),
        parental_access_consent=draw(st.none() | st.booleans()),
    )


@st.composite
def batches(draw: st.DrawFn, max_students: int = 4, rejected: bool = False) -> ImportBatch:
    """Batches of students with distinct ids; with ``rejected``, some of them have a bad row."""
    records = draw(
        st.lists(student_records(), max_size=max_students, unique_by=lambda r: r.student.id)
    )
    rows: list[RejectedRow] = []
    if rejected and records:
        bad = draw(st.lists(st.sampled_from(records), min_size=1, unique_by=id))
        rows = [
            RejectedRow("users.csv", n + 2, "a bad value", r.student.id) for n, r in enumerate(bad)
        ]
    return ImportBatch("generated", tuple(records), tuple(rows))
