"""The ACAN composite transcript of Grand Bend student 604837 (real file)."""

from decimal import Decimal
from pathlib import Path

import pytest

from ilpcore.interop.edfi import AcanTranscripts, read_acan_transcript
from ilpcore.model import CourseStatus, Session, Term
from ilpcore.requirements import MarkScale


@pytest.fixture(scope="module")
def acan(edfi_data: Path) -> AcanTranscripts:
    return read_acan_transcript(edfi_data / "acan_transcript_composite_json" / "output.json")


def test_student(acan: AcanTranscripts) -> None:
    assert acan.batch.rejected == ()
    (record,) = acan.batch.students
    student = record.student
    assert (student.id, student.name.given, student.name.middle, student.name.family) == (
        "604837",
        "Glenn",
        "Max",
        "Gross",
    )
    assert (student.school.id, student.school.district) == ("255901107", "Grand Bend ISD")
    assert (student.grade_level, student.cohort) == (5, 2019)  # fifth grade in 2011-12


def test_fourteen_course_transcripts_in_two_terms(acan: AcanTranscripts) -> None:
    courses = acan.batch.students[0].courses
    assert len(courses) == 14
    fall, spring = Term(2011, Session.FALL_SEMESTER), Term(2011, Session.SPRING_SEMESTER)
    assert [c.term for c in courses] == [fall] * 7 + [spring] * 7
    art = courses[0]
    assert (art.course_code, art.title, art.subject, art.mark) == (
        "ART-05",
        "Art, Grade 5",
        "arts",
        "C",
    )
    science = next(c for c in courses if c.course_code == "SCI-05" and c.term == spring)
    assert (science.status, science.mark, science.credits, science.earned_credits) == (
        CourseStatus.FAILED,
        "F",
        Decimal(1),
        Decimal(0),
    )
    assert {c.grade_level for c in courses} == {5}


def test_cumulative_credits_agree_with_the_courses(acan: AcanTranscripts) -> None:
    courses = acan.batch.students[0].courses
    fall, spring = acan.records
    assert (fall.session, fall.cumulative_earned_credits) == (Session.FALL_SEMESTER, Decimal(7))
    assert spring.cumulative_earned_credits == Decimal(13)
    earned = [c.earned_credits for c in courses]
    assert sum(earned[:7], Decimal(0)) == fall.cumulative_earned_credits
    assert sum(earned, Decimal(0)) == spring.cumulative_earned_credits


def test_stated_gpa_is_kept_exactly_and_differs_from_the_marks(acan: AcanTranscripts) -> None:
    fall, spring = acan.records
    assert fall.grade_point_averages == {"Unweighted": Decimal(4)}
    assert spring.grade_point_averages == {"Unweighted": Decimal("3.7143")}
    # The sample's GPAs are not computed from its marks (fake data): on the 4-point letter
    # scale the fall marks C D B D A B C give 16/7, not 4.
    scale = MarkScale()
    fall_marks = [c.mark for c in acan.batch.students[0].courses[:7]]
    points = [scale.points(m) for m in fall_marks if m is not None]
    assert sum(p for p in points if p is not None) / 7 == Decimal(16) / 7


def test_assessments(acan: AcanTranscripts) -> None:
    results = acan.batch.students[0].assessments
    assert [a.instrument.id for a in results] == [
        "state-assessment-mathematics",
        "state-assessment-reading",
    ]
    assert results[0].score("Raw score") == Decimal(25)
    assert len({a.id for a in results}) == 2
