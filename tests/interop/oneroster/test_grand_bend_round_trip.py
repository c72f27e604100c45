"""The real round trip: the Ed-Fi Grand Bend sample district, imported into a store, exported as
OneRoster 1.2 CSV and imported back, gives the same students, schools and grades.

The sample has no staff, guardians or demographics; each school gets one counselor whose
caseload is the whole school, to carry caseloads through at the district's size."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ilpcore.access import Relationships
from ilpcore.data_location import find_data_dir
from ilpcore.interop import ImportBatch, ImportOutcome, apply_import
from ilpcore.interop.edfi import read_edfi
from ilpcore.interop.oneroster import Roster, read_roster, write_oneroster
from ilpcore.model import Plan, Role
from ilpcore.store import Actor, MemoryStore

CLERK = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)


@pytest.fixture(scope="module")
def edfi_batch() -> ImportBatch:
    return read_edfi(find_data_dir() / "interop" / "edfi" / "grand_bend_ds5.2_xml")


@pytest.fixture(scope="module")
def store(edfi_batch: ImportBatch) -> MemoryStore:
    store = MemoryStore()
    assert apply_import(store, CLERK, edfi_batch).counts()["created"] == 960
    return store


@pytest.fixture(scope="module")
def plans(store: MemoryStore) -> list[Plan]:
    return [store.load_plan(CLERK, s.student_id) for s in store.list_plans(CLERK)]


@pytest.fixture(scope="module")
def counselors(plans: list[Plan]) -> Relationships:
    caseloads: dict[str, set[str]] = {}
    for p in plans:
        caseloads.setdefault(f"counselor-{p.student.school.id}", set()).add(p.student.id)
    return Relationships(caseloads={k: frozenset(v) for k, v in caseloads.items()})


@pytest.fixture(scope="module")
def exported(
    plans: list[Plan], counselors: Relationships, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("grand-bend") / "oneroster"
    counts = write_oneroster(plans, folder, relationships=counselors)
    assert (counts["users"], counts["classes"], counts["enrollments"]) == (963, 3, 963)
    return folder


@pytest.fixture(scope="module")
def roster(exported: Path) -> Roster:
    return read_roster(exported)


def test_the_same_students_come_back(roster: Roster, plans: list[Plan]) -> None:
    assert roster.batch.rejected == ()
    back = {r.student.id: r.student for r in roster.batch.students}
    assert len(back) == 960
    assert back == {p.student.id: p.student for p in plans}


def test_the_same_schools_and_grades(roster: Roster, plans: list[Plan]) -> None:
    assert {s.id: s for s in roster.schools} == {
        p.student.school.id: p.student.school for p in plans
    }
    assert {s.district for s in roster.schools} == {"Grand Bend ISD"}
    grades = Counter((r.student.school.id, r.student.grade_level) for r in roster.batch.students)
    assert grades == Counter((p.student.school.id, p.student.grade_level) for p in plans)
    assert grades[("255901001", 9)] == 80


def test_the_same_caseloads(roster: Roster, counselors: Relationships) -> None:
    assert roster.batch.staff_caseloads == counselors.caseloads
    assert sorted(len(c) for c in roster.batch.staff_caseloads.values()) == [240, 320, 400]
    assert roster.staff_schools == {
        "counselor-255901001": {"255901001"},
        "counselor-255901044": {"255901044"},
        "counselor-255901107": {"255901107"},
    }


def test_importing_the_export_back_changes_nothing(roster: Roster, store: MemoryStore) -> None:
    report = apply_import(store, CLERK, roster.batch)
    assert len(report.ids(ImportOutcome.UNCHANGED)) == 960
    assert not report.changed
