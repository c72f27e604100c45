"""Every bad row is rejected with file, line (header = line 1), reason and student; the
student is held back whole."""

from __future__ import annotations

from ilpcore.interop import ImportOutcome, RejectedRow, apply_import
from ilpcore.interop.oneroster import read_oneroster, read_roster
from ilpcore.model import Role
from ilpcore.store import Actor, MemoryStore
from tests.interop.oneroster.conftest import EditableSet

CLERK = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)


def test_a_grade_outside_k12(lakeview: EditableSet) -> None:
    lakeview.replace("users.csv", 3, ",09,", ",PK,")
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("users.csv", 3, "grade 'PK' is not a K-12 grade (KG, 01 ... 12)", "100483"),
    )
    assert [r.student.id for r in batch.students] == ["100482", "100484"]


def test_line_numbers_count_the_lines_of_quoted_multi_line_cells(lakeview: EditableSet) -> None:
    lakeview.replace("users.csv", 2, ",Ana,Diaz,", ',"Ana\nMaria",Diaz,')
    lakeview.replace("users.csv", 5, ",07,", ",,")  # the file's line 4 is now line 5
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("users.csv", 5, "grades is empty: a student needs a grade level", "100484"),
    )
    assert batch.students[0].student.name.given == "Ana\nMaria"


def test_a_bad_birth_date_holds_the_student_back(lakeview: EditableSet) -> None:
    lakeview.replace("demographics.csv", 2, "2010-03-04", "2010-13-04")
    batch = read_oneroster(lakeview.folder)
    reason = "birthDate '2010-13-04' is not a date (YYYY-MM-DD)"
    assert batch.rejected == (RejectedRow("demographics.csv", 2, reason, "100482"),)
    store = MemoryStore()
    report = apply_import(store, CLERK, batch)
    assert report.ids(ImportOutcome.HELD_BACK) == ("100482",)
    assert report.ids(ImportOutcome.CREATED) == ("100483", "100484")
    assert [s.student_id for s in store.list_plans(CLERK)] == ["100483", "100484"]


def test_bad_demographic_values(lakeview: EditableSet) -> None:
    lakeview.replace("demographics.csv", 3, ",male,false,true,", ",M,false,yes,")
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow(
            "demographics.csv", 3, "sex 'M' is not male, female, other or unspecified", "100483"
        ),
    )


def test_enrollments_in_unknown_classes_or_of_unknown_users(lakeview: EditableSet) -> None:
    lakeview.append(
        "enrollments.csv",
        "e-9,,,cls-nope,org-hs1,u-s2,student,false,,",
        "e-10,,,cls-alg1-p1,org-hs1,u-nobody,teacher,false,,",
        "e-11,,,cls-alg1-p1,org-hs1,u-t1,student,false,,",
    )
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow(
            "enrollments.csv", 10, "classSourcedId 'cls-nope' is not in classes.csv", "100483"
        ),
        RejectedRow("enrollments.csv", 11, "userSourcedId 'u-nobody' is not a user with a role"),
        RejectedRow("enrollments.csv", 12, "user 'u-t1' is enrolled as a student but is not one"),
    )
    assert batch.held_back() == {"100483"}


def test_an_unknown_role_leaves_the_user_without_one(lakeview: EditableSet) -> None:
    lakeview.replace("roles.csv", 6, ",teacher,", ",janitor,")
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("roles.csv", 6, "role 'janitor' is not a OneRoster 1.2 role"),
        RejectedRow("users.csv", 6, "the user has no role in roles.csv"),
    )
    assert "T-100" not in batch.staff_caseloads


def test_references_to_missing_users_orgs_and_agents(lakeview: EditableSet) -> None:
    lakeview.append(
        "roles.csv",
        "r-x,,,u-ghost,primary,teacher,,,org-hs1,",
        "r-y,,,u-t1,secondary,teacher,,,org-nowhere,",
    )
    lakeview.replace("users.csv", 2, ",u-p1,", ',"u-p1,u-p9",')
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("roles.csv", 12, "userSourcedId 'u-ghost' is not in users.csv"),
        RejectedRow("roles.csv", 13, "orgSourcedId 'org-nowhere' is not in orgs.csv"),
        RejectedRow("users.csv", 2, "agent 'u-p9' is not a user with a role", "100482"),
    )


def test_a_student_whose_org_is_not_a_school(lakeview: EditableSet) -> None:
    lakeview.replace("roles.csv", 4, ",org-ms1,", ",org-d1,")
    batch = read_oneroster(lakeview.folder)
    reason = "the student's org 'org-d1' is a 'district' org, not a usable school"
    assert batch.rejected == (RejectedRow("users.csv", 4, reason, "100484"),)


def test_rows_with_the_wrong_number_of_cells_and_duplicate_ids(lakeview: EditableSet) -> None:
    lakeview.append("orgs.csv", "org-x,,,Short row,school", "org-hs1,,,Again,school,LHS-009,")
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("orgs.csv", 5, "5 cells where the header has 7"),
        RejectedRow("orgs.csv", 6, "sourcedId 'org-hs1' is already on line 3"),
    )


def test_ids_ilpcore_cannot_use(lakeview: EditableSet) -> None:
    lakeview.replace("users.csv", 4, ",100484,", ",100 484,")
    batch = read_oneroster(lakeview.folder)
    reason = "'100 484' is not a valid id for ilpcore (identifier, else sourcedId)"
    assert batch.rejected == (RejectedRow("users.csv", 4, reason),)
    assert [r.student.id for r in batch.students] == ["100482", "100483"]


def test_an_org_without_a_name_is_not_there(lakeview: EditableSet) -> None:
    lakeview.replace("orgs.csv", 2, ",Lakeview Unified,", ",  ,")
    roster = read_roster(lakeview.folder)
    assert roster.batch.rejected == (
        RejectedRow("orgs.csv", 2, "name is empty"),
        RejectedRow("roles.csv", 11, "orgSourcedId 'org-d1' is not in orgs.csv"),
        RejectedRow("users.csv", 10, "the user has no role in roles.csv"),
    )
    assert all(s.district is None for s in roster.schools)


def test_a_bad_guardian_holds_back_their_students(lakeview: EditableSet) -> None:
    lakeview.replace("users.csv", 8, ",grace@example.org,", ",grace-at-example.org,")
    batch = read_oneroster(lakeview.folder)
    assert [(r.file, r.line, r.student_id) for r in batch.rejected] == [("users.csv", 8, None)]
    assert "is not an e-mail address" in batch.rejected[0].reason


def test_two_users_with_one_id(lakeview: EditableSet) -> None:
    lakeview.append("users.csv", "u-s9,,,true,ana.d,,Ana,Diaz,,100482,,,,,10,,,,,,,org-hs1,")
    lakeview.append("roles.csv", "r-s9,,,u-s9,primary,student,,,org-hs1,")
    batch = read_oneroster(lakeview.folder)
    assert batch.rejected == (
        RejectedRow("users.csv", 11, "id '100482' is already the user's on line 2", "100482"),
    )
    assert batch.held_back() == {"100482"}
