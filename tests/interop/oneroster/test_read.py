"""read_roster / read_oneroster on the hand-made Lakeview set (exact OneRoster 1.2 CSV headers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ilpcore.access import Relationships, StudentFacts
from ilpcore.access.sections import Scope
from ilpcore.interop.oneroster import read_oneroster, read_roster
from ilpcore.model import Contact, Demographics, PersonName, RaceEthnicity, Role, SchoolRef

LAKEVIEW = Path(__file__).parent / "lakeview"
HIGH = SchoolRef("LHS-001", "Lakeview High School", district="Lakeview Unified")
MIDDLE = SchoolRef("LMS-002", "Lakeview Middle School", district="Lakeview Unified")


def test_students_with_school_grade_cohort_and_birth_date() -> None:
    batch = read_oneroster(LAKEVIEW)
    assert batch.rejected == ()
    ana, ben, cara = (r.student for r in batch.students)
    assert (ana.id, ana.name) == ("100482", PersonName("Ana", "Diaz", "Lucia", "Ani"))
    assert (ana.school, ana.grade_level, ana.cohort) == (HIGH, 10, 2028)
    assert ana.birth_date == date(2010, 3, 4)
    assert ana.state_id is None
    assert (ben.grade_level, ben.cohort, ben.state_id) == (9, 2029, "KY2011012")
    assert (cara.school, cara.grade_level, cara.cohort, cara.birth_date) == (MIDDLE, 7, 2031, None)


def test_a_user_to_be_deleted_is_left_out_with_its_roles_and_enrollments() -> None:
    batch = read_oneroster(LAKEVIEW)
    assert "100485" not in {r.student.id for r in batch.students}
    assert "100484" not in batch.staff_caseloads["T-100"]


def test_demographics() -> None:
    records = read_oneroster(LAKEVIEW).students
    assert records[0].demographics == Demographics(
        sex="female", races=(RaceEthnicity.WHITE,), hispanic_or_latino=True
    )
    assert records[1].demographics == Demographics(
        sex="male", races=(RaceEthnicity.ASIAN,), hispanic_or_latino=False
    )
    assert records[2].demographics is None


def test_guardians_from_either_side_of_agent_sourced_ids() -> None:
    batch = read_oneroster(LAKEVIEW)
    assert batch.guardians == {"100482": frozenset({"u-p1"}), "100483": frozenset({"P-2"})}
    assert batch.students[0].contacts == (
        Contact("u-p1", "Grace Diaz", Role.PARENT_GUARDIAN, "grace@example.org", "+1 502 555 0100"),
    )
    assert batch.students[1].contacts == (
        Contact("P-2", "Tom Cho", Role.PARENT_GUARDIAN, phone="+1 502 555 0123"),
    )


def test_caseloads_are_the_students_of_a_staff_members_classes() -> None:
    batch = read_oneroster(LAKEVIEW)
    assert batch.staff_caseloads == {
        "T-100": frozenset({"100482", "100483"}),
        "C-200": frozenset({"100482", "100483", "100484"}),
    }


def test_staff_schools_and_relationships() -> None:
    roster = read_roster(LAKEVIEW)
    assert roster.schools == (HIGH, MIDDLE)
    assert {(m.id, m.role) for m in roster.staff} == {
        ("T-100", Role.TEACHER),
        ("C-200", Role.COUNSELOR),
        ("A-1", Role.DISTRICT_ADMINISTRATOR),
    }
    assert roster.staff_schools == {
        "T-100": frozenset({"LHS-001"}),
        "C-200": frozenset({"LHS-001", "LMS-002"}),
        "A-1": frozenset({"LHS-001", "LMS-002"}),
    }
    relationships = roster.relationships()
    assert isinstance(relationships, Relationships)
    cara = StudentFacts("100484", "LMS-002", None, False)
    assert relationships.in_scope(Scope.CASELOAD, "C-200", cara)
    assert not relationships.in_scope(Scope.CASELOAD, "T-100", cara)
    assert relationships.in_scope(Scope.SCHOOL, "A-1", cara)
    assert relationships.in_scope(
        Scope.GUARDIAN, "u-p1", StudentFacts("100482", "LHS-001", None, False)
    )


def test_the_school_year_dates_grades_without_a_cohort_column() -> None:
    roster = read_roster(LAKEVIEW, school_year=2030)
    assert [r.student.cohort for r in roster.batch.students] == [2032, 2033, 2035]
