"""Hand-made fixtures after the DS 5.2 XSDs and the API's JSON: transcripts, associations, plans."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from ilpcore.exceptions import DataFileError
from ilpcore.interop.edfi import (
    EdfiImport,
    PlacementMethod,
    graduation_plan_rule_set,
    import_edfi,
)
from ilpcore.interop.edfi.json_rows import json_rows
from ilpcore.interop.edfi.rows import GraduationPlanRow
from ilpcore.model import CourseAttribute, CourseStatus, Session, Term
from ilpcore.requirements import CreditsRequirement, CreditUnit, evaluate

from .conftest import FIXTURES


@pytest.fixture(scope="module", params=["xml", "json"])
def lincoln(request: pytest.FixtureRequest) -> EdfiImport:
    return import_edfi(FIXTURES / request.param)


def test_nothing_rejected(lincoln: EdfiImport) -> None:
    assert lincoln.batch.rejected == ()
    assert lincoln.school_year == 2022  # the latest school year the files name: 2022-2023


def test_school_association_places_the_student(lincoln: EdfiImport) -> None:
    maya = lincoln.batch.students[0]
    assert maya.student.id == "900001"
    assert (maya.student.grade_level, maya.student.cohort) == (10, 2025)  # ClassOfSchoolYear
    school = maya.student.school
    assert (school.name, school.state, school.district) == (
        "Lincoln High School",
        "KY",
        "Lincoln County Schools",
    )
    assert maya.student.name.preferred == "May"
    assert [(e.start, e.end, e.first_grade_level) for e in maya.enrollments] == [
        (date(2022, 8, 22), None, 10),
        (date(2021, 8, 23), date(2022, 5, 27), 9),
    ]
    luis = lincoln.batch.students[1]
    assert (luis.student.grade_level, luis.student.cohort) == (9, 2026)  # cohort from the grade
    assert {p.method for p in lincoln.placements} == {PlacementMethod.ASSOCIATION}


def test_course_transcripts(lincoln: EdfiImport) -> None:
    maya = {(c.course_code, c.term): c for c in lincoln.batch.students[0].courses}
    fall = maya["ALG-1", Term(2021, Session.FALL_SEMESTER)]
    assert (fall.title, fall.subject, fall.grade_level) == ("Algebra I", "mathematics", 9)
    assert (fall.credits, fall.earned_credits, fall.mark) == (Decimal("0.5"), Decimal("0.5"), "B+")
    assert fall.status is CourseStatus.COMPLETED
    welding = maya["WELD-1", Term(2021, Session.SPRING_SEMESTER)]
    assert welding.credits_earned == Decimal("0.5")  # passed, half the credit attempted
    assert welding.attributes == {CourseAttribute.CTE, CourseAttribute.CREDIT_RECOVERY}
    biology = maya["APBIO", Term(2022, Session.FULL_YEAR)]
    assert biology.status is CourseStatus.IN_PROGRESS  # Incomplete
    assert biology.attributes == {CourseAttribute.AP, CourseAttribute.HONORS}
    luis = {(c.course_code, c.term.session): c for c in lincoln.batch.students[1].courses}
    failed = luis["ENG-1", Session.FALL_SEMESTER]
    assert (failed.status, failed.earned_credits, failed.mark) == (
        CourseStatus.FAILED,
        Decimal(0),
        "F",
    )
    assert failed.grade_level == 9  # no WhenTakenGradeLevel: the grade then, from the association
    assert luis["ENG-1", Session.SPRING_SEMESTER].status is CourseStatus.WITHDRAWN


def test_graduation_plan_rule_set(lincoln: EdfiImport) -> None:
    (rule_set,) = lincoln.rule_sets
    assert rule_set.id == "edfi-700100001-recommended-2025"
    assert rule_set.total_credits == Decimal(24)
    assert rule_set.credit_unit is CreditUnit.YEAR_UNIT
    assert rule_set.cohorts[0].contains(2025)
    assert not rule_set.cohorts[0].contains(2026)
    wanted = {
        r.id: (r.match.subjects, r.match.codes, r.min_credits)
        for r in rule_set.requirements
        if isinstance(r, CreditsRequirement)
    }
    assert wanted == {
        "english-language-arts": (frozenset({"english_language_arts"}), frozenset(), Decimal(4)),
        "mathematics": (frozenset({"mathematics"}), frozenset(), Decimal(4)),
        "science": (frozenset({"science"}), frozenset(), Decimal(3)),
        "courses-algebra-i": (frozenset(), frozenset({"ALG-1"}), Decimal(1)),
    }


def test_the_rule_set_audits_an_imported_student(lincoln: EdfiImport) -> None:
    record = lincoln.batch.students[0]
    audit = evaluate(lincoln.rule_sets[0], record.courses)
    by_id = {node.path.rpartition("/")[2]: node for node in audit.root.children}
    assert by_id["courses-algebra-i"].counted_credits == Decimal(1)  # two passed halves of ALG-1
    assert by_id["science"].missing_credits == Decimal(2)  # 3 required, AP Biology in progress


def test_xml_and_json_read_alike() -> None:
    xml = import_edfi(FIXTURES / "xml")
    json = import_edfi(FIXTURES / "json")
    assert xml.batch.students == json.batch.students
    assert xml.placements == json.placements
    assert [r.requirements for r in xml.rule_sets] == [r.requirements for r in json.rule_sets]
    assert xml.rule_sets[0].references[0].title.endswith("StudentEnrollment.xml, line 52")
    assert json.rule_sets[0].references[0].title.endswith("graduationPlans.json, line 2")


def test_require_school_association_rejects_unplaced_students(tmp_path: Path) -> None:
    for name in ("Student.xml", "EducationOrganization.xml", "StudentTranscript.xml"):
        (tmp_path / name).write_bytes((FIXTURES / "xml" / name).read_bytes())
    strict = import_edfi(tmp_path, require_school_association=True)
    assert strict.batch.students == ()
    assert {(r.file, r.line, r.student_id) for r in strict.batch.rejected} == {
        ("Student.xml", 4, "900001"),
        ("Student.xml", 16, "900002"),
    }
    assert all("no StudentSchoolAssociation" in r.reason for r in strict.batch.rejected)
    lenient = import_edfi(tmp_path)
    assert [p.method for p in lenient.placements] == [PlacementMethod.EVIDENCE] * 2
    assert [r.student.grade_level for r in lenient.batch.students] == [10, 9]


def test_a_bad_graduation_plan_is_a_data_file_error() -> None:
    (plan,) = [
        row
        for row in json_rows(FIXTURES / "json" / "graduationPlans.json")
        if isinstance(row, GraduationPlanRow)
    ]
    bad = attrs.evolve(
        plan, by_subject=(("uri://ed-fi.org/AcademicSubjectDescriptor#Alchemy", "2"),)
    )
    with pytest.raises(DataFileError) as caught:
        graduation_plan_rule_set(bad)
    assert (caught.value.file, caught.value.line) == ("graduationPlans.json", 2)
    assert "unknown AcademicSubjectDescriptor" in str(caught.value)
    texas = graduation_plan_rule_set(plan, state="US-TX", checked=date(2026, 1, 5))
    assert texas.jurisdiction == "US-TX-edfi700100001"
    assert texas.references[0].checked == date(2026, 1, 5)
