"""The whole Grand Bend sample district (Ed-Fi DS 5.2 bulk XML), read and applied to a store."""

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ilpcore.interop import ImportOutcome, apply_import
from ilpcore.interop.edfi import AgeRule, EdfiImport, PlacementMethod, import_edfi, read_edfi
from ilpcore.model import AssessmentKind, Role
from ilpcore.store import Actor, open_store

CLERK = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)


@pytest.fixture(scope="module")
def imported(grand_bend: Path) -> EdfiImport:
    return import_edfi(grand_bend)


def test_every_student_is_read_and_placed(imported: EdfiImport) -> None:
    batch = imported.batch
    assert len(batch.students) == 960
    assert batch.rejected == ()
    assert imported.school_year == 2021
    assert "school year 2021-2022" in batch.source
    # 12 grades of 80 students, each in the district school offering that grade
    grades = Counter((r.student.school.id, r.student.grade_level) for r in batch.students)
    assert grades == {
        **{("255901107", g): 80 for g in range(1, 6)},
        **{("255901044", g): 80 for g in range(6, 9)},
        **{("255901001", g): 80 for g in range(9, 13)},
    }


def test_placement_is_calibrated_on_the_assessed_students(imported: EdfiImport) -> None:
    evidence = imported.placed_by(PlacementMethod.EVIDENCE)
    assert len(evidence) == 97  # ACT 67 + SAT 13 + state 17 students
    assert len(imported.placed_by(PlacementMethod.AGE)) == 960 - 97
    assert "605732" in evidence
    assert imported.age_rule == AgeRule(12, 31, 5)
    assert imported.age_rule_agreement == (96, 97)


def test_student_identity(imported: EdfiImport) -> None:
    students = {r.student.id: r.student for r in imported.batch.students}
    lisa = students["604822"]
    assert (lisa.name.given, lisa.name.middle, lisa.name.family) == ("Lisa", "Sybil", "Woods")
    assert lisa.name.preferred == "Lisarae"
    assert lisa.birth_date == date(2008, 9, 13)
    assert lisa.school.name == "Grand Bend High School"  # 13 on 2021-12-31: ninth grade
    assert (lisa.grade_level, lisa.cohort) == (9, 2025)
    assert (lisa.school.state, lisa.school.district) == ("TX", "Grand Bend ISD")
    tyrone = students["604821"]  # born 2014-11-13: third grade
    assert (tyrone.grade_level, tyrone.cohort, tyrone.school.id) == (3, 2031, "255901107")


def test_assessment_counts(imported: EdfiImport) -> None:
    by_instrument: dict[str, set[str]] = {}
    results = 0
    for record in imported.batch.students:
        for a in record.assessments:
            assert a.kind is AssessmentKind.TEST
            by_instrument.setdefault(a.instrument.name or a.instrument.id, set()).add(
                record.student.id
            )
            results += 1
    assert results == 335 + 39 + 34
    assert len(by_instrument["ACT"]) == 67
    assert len(by_instrument["SAT"]) == 13
    assert len(by_instrument["State Assessment"]) == 17


def test_act_result_spot_check(imported: EdfiImport) -> None:
    # StudentAssessment-ACT.xml: the first result, student 605732, ACT Composite 18 on 2021-12-01
    record = next(r for r in imported.batch.students if r.student.id == "605732")
    composite = next(a for a in record.assessments if a.instrument.id == "act-composite")
    assert composite.taken_on == date(2021, 12, 1)
    assert composite.instrument.edition == "2016"
    (score,) = composite.scores
    assert (score.scale, score.value) == ("Composite Score", Decimal(18))
    assert (score.minimum, score.maximum) == (Decimal(1), Decimal(36))
    assert record.student.grade_level == 11


def test_sat_result_spot_check(imported: EdfiImport) -> None:
    # StudentAssessment-SAT.xml: the first result, student 605472, SAT Critical Reading
    record = next(r for r in imported.batch.students if r.student.id == "605472")
    reading = next(a for a in record.assessments if a.instrument.id == "sat-critical-reading")
    assert reading.taken_on == date(2021, 5, 1)
    assert [(s.scale, s.value, s.minimum, s.maximum) for s in reading.scores] == [
        ("National College-Bound Percentile", Decimal(89), Decimal(1), Decimal(100)),
        ("Raw score", Decimal(650), Decimal(200), Decimal(800)),
        ("State College-Bound Percentile", Decimal(92), Decimal(1), Decimal(100)),
    ]
    assert (record.student.grade_level, record.student.cohort) == (12, 2022)


def test_assessment_ids_are_stable(grand_bend: Path, imported: EdfiImport) -> None:
    again = read_edfi(grand_bend)
    assert again == imported.batch


def test_apply_twice_to_sqlite_changes_nothing_the_second_time(
    imported: EdfiImport, tmp_path: Path
) -> None:
    with open_store(f"sqlite:///{tmp_path / 'gb.sqlite3'}") as store:
        first = apply_import(store, CLERK, imported.batch)
        assert first.counts()["created"] == 960
        second = apply_import(store, CLERK, imported.batch)
        assert second.counts()["unchanged"] == 960
        assert not second.changed
        assert {s.revision for s in second.students} == {s.revision for s in first.students}
        assert second.ids(ImportOutcome.UNCHANGED) == first.ids(ImportOutcome.CREATED)
