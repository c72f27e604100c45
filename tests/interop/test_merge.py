"""merge_student: a fixed point, and what a record leaves empty stays as the plan has it."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from ilpcore.interop import StudentRecord, merge_student
from ilpcore.model import Demographics, PersonName, Plan, RaceEthnicity, SchoolRef, Student
from ilpcore.testing.strategies import plans
from tests.interop.strategies import student_records

ANA = Student("S1", PersonName("Ana", "Diaz"), 10, 2028, SchoolRef("HS1", "Central High"))


@settings(max_examples=80, deadline=None)
@given(st.none() | plans(), student_records())
def test_merge_is_a_fixed_point(plan: Plan | None, record: StudentRecord) -> None:
    once = merge_student(plan, record)
    assert merge_student(once, record) == once


@settings(max_examples=25, deadline=None)
@given(plans(), student_records())
def test_merge_keeps_what_the_source_does_not_mention(plan: Plan, record: StudentRecord) -> None:
    merged = merge_student(plan, record)
    assert merged.student.id == record.student.id
    assert merged.student.name == record.student.name
    assert merged.revision == plan.revision
    assert (merged.goals, merged.reflections, merged.artifacts) == (
        plan.goals,
        plan.reflections,
        plan.artifacts,
    )
    incoming = {(c.course_code, c.term): c for c in record.courses}
    assert all(c in merged.courses for c in incoming.values())
    assert all(c in merged.courses for c in plan.courses if (c.course_code, c.term) not in incoming)
    assert {a.id for a in merged.assessments} == {a.id for a in plan.assessments} | {
        a.id for a in record.assessments
    }


@settings(max_examples=25, deadline=None)
@given(plans(), student_records())
def test_a_bare_record_changes_only_the_student(plan: Plan, record: StudentRecord) -> None:
    merged = merge_student(plan, StudentRecord(record.student))
    student = record.student
    if student.state_id is None:
        student = attrs.evolve(student, state_id=plan.student.state_id)
    if student.birth_date is None:
        student = attrs.evolve(student, birth_date=plan.student.birth_date)
    assert merged == attrs.evolve(plan, student=student)


def test_demographics_are_merged_fact_by_fact() -> None:
    plan = Plan(ANA, demographics=Demographics(sex="female", english_learner=True))
    record = StudentRecord(ANA, demographics=Demographics(races=(RaceEthnicity.ASIAN,), sex="male"))
    merged = merge_student(plan, record)
    assert merged.demographics == Demographics(
        sex="male", races=(RaceEthnicity.ASIAN,), english_learner=True
    )
    assert merge_student(merged, record) is merged


def test_a_new_student_gets_a_new_plan() -> None:
    plan = merge_student(None, StudentRecord(ANA, parental_access_consent=True))
    assert plan == Plan(ANA, parental_access_consent=True)
