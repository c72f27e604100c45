"""Bad rows become rejected rows (file, line, reason, student); bad files raise DataFileError."""

import json
from pathlib import Path

import pytest

from ilpcore.exceptions import DataFileError
from ilpcore.interop import apply_import
from ilpcore.interop.edfi import import_edfi, read_edfi
from ilpcore.model import Role
from ilpcore.store import Actor, open_store

from .conftest import FIXTURES

NS = 'xmlns="http://ed-fi.org/5.2.0"'


def _copy(tmp_path: Path, *names: str) -> None:
    for name in names:
        (tmp_path / name).write_bytes((FIXTURES / "xml" / name).read_bytes())


def _transcript(student: str, code: str, term: str = "Fall Semester", result: str = "Pass") -> str:
    return f"""<CourseTranscript>
<CourseAttemptResult>uri://ed-fi.org/CourseAttemptResultDescriptor#{result}</CourseAttemptResult>
<AttemptedCredits><Credits>1</Credits></AttemptedCredits>
<WhenTakenGradeLevel>uri://ed-fi.org/GradeLevelDescriptor#Ninth grade</WhenTakenGradeLevel>
<CourseReference><CourseIdentity><CourseCode>{code}</CourseCode></CourseIdentity></CourseReference>
<StudentAcademicRecordReference><StudentAcademicRecordIdentity>
<StudentReference><StudentIdentity><StudentUniqueId>{student}</StudentUniqueId></StudentIdentity>
</StudentReference>
<SchoolYear>2021-2022</SchoolYear>
<Term>uri://ed-fi.org/TermDescriptor#{term}</Term>
</StudentAcademicRecordIdentity></StudentAcademicRecordReference>
</CourseTranscript>
"""


def _write(path: Path, root: str, elements: list[str]) -> list[int]:
    """Write an interchange; the line each element starts on."""
    lines, text = [], f'<?xml version="1.0"?>\n<{root} {NS}>\n'
    for element in elements:
        lines.append(text.count("\n") + 1)
        text += element
    path.write_text(text + f"</{root}>\n", encoding="utf-8")
    return lines


def test_bad_transcript_rows_are_rejected_with_their_lines(tmp_path: Path) -> None:
    _copy(tmp_path, "Student.xml", "EducationOrganization.xml", "StudentEnrollment.xml")
    lines = _write(
        tmp_path / "transcripts.xml",
        "InterchangeStudentTranscript",
        [
            _transcript("900001", "ALG-1"),  # fine
            _transcript("900001", "ALG-1"),  # the same course in the same term
            _transcript("900002", "ENG-1", term="Hexamester"),  # unknown descriptor
            _transcript("900002", "CHEM-9"),  # not in the catalog
            _transcript("123456", "ENG-1"),  # not a student of the files
            _transcript("900002", "ENG-1", result="").replace(
                "<CourseAttemptResult>uri://ed-fi.org/CourseAttemptResultDescriptor#"
                "</CourseAttemptResult>\n",
                "",
            ),  # CourseAttemptResult missing
        ],
    )
    batch = read_edfi(tmp_path)
    rejected = [(r.file, r.line, r.student_id) for r in batch.rejected]
    assert rejected == [
        ("transcripts.xml", lines[1], "900001"),
        ("transcripts.xml", lines[2], "900002"),
        ("transcripts.xml", lines[3], "900002"),
        ("transcripts.xml", lines[4], "123456"),
        ("transcripts.xml", lines[5], "900002"),
    ]
    assert [r.reason for r in batch.rejected] == [
        "course 'ALG-1' twice in 2021-22 fall semester",
        "unknown TermDescriptor 'uri://ed-fi.org/TermDescriptor#Hexamester'",
        "course 'CHEM-9' is not in the course catalog",
        "student '123456' is not in the student files",
        "CourseAttemptResult is missing",
    ]
    assert batch.held_back() == {"900001", "900002", "123456"}
    with open_store("memory:") as store:
        report = apply_import(store, Actor("sis", Role.DISTRICT_ADMINISTRATOR), batch)
    assert report.counts()["held_back"] == 2  # neither student is half imported


def test_bad_student_and_assessment_rows(tmp_path: Path) -> None:
    _copy(tmp_path, "EducationOrganization.xml", "StudentEnrollment.xml")
    student = """<Student><StudentUniqueId>{id}</StudentUniqueId>
<Name><FirstName>A</FirstName><LastSurname>B</LastSurname></Name>
<BirthData><BirthDate>{born}</BirthDate></BirthData></Student>
"""
    lines = _write(
        tmp_path / "Student.xml",
        "InterchangeStudent",
        [
            student.format(id="900001", born="2008-13-01"),
            student.format(id="900002", born="2008-01-31"),
        ],
    )
    assessment = """<StudentAssessment><StudentAssessmentIdentifier>X1</StudentAssessmentIdentifier>
<AdministrationDate>{taken}</AdministrationDate>
<ScoreResult><Result>12</Result>
<AssessmentReportingMethod>Scale score</AssessmentReportingMethod>
</ScoreResult>
<StudentReference><StudentIdentity><StudentUniqueId>900002</StudentUniqueId></StudentIdentity></StudentReference>
<AssessmentReference><AssessmentIdentity><AssessmentIdentifier>ACT Math</AssessmentIdentifier>
</AssessmentIdentity></AssessmentReference></StudentAssessment>
"""
    taken = _write(
        tmp_path / "scores.xml",
        "InterchangeStudentAssessment",
        [assessment.format(taken="yesterday")],
    )
    batch = read_edfi(tmp_path)
    assert [(r.file, r.line, r.student_id, r.reason) for r in batch.rejected] == [
        ("Student.xml", lines[0], "900001", "BirthDate '2008-13-01' is not a date"),
        ("scores.xml", taken[0], "900002", "AdministrationDate 'yesterday' is not a date"),
    ]


def test_malformed_xml_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "Student.xml").write_text(
        f'<?xml version="1.0"?>\n<InterchangeStudent {NS}>\n<Student>\n</Studnet>\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        read_edfi(tmp_path, school_year=2021)
    assert (caught.value.file, caught.value.line) == ("Student.xml", 4)
    assert "mismatched tag" in str(caught.value)


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "students.json").write_text('[\n  {"studentUniqueId": "1"},\n  {"oops"\n]\n')
    with pytest.raises(DataFileError) as caught:
        read_edfi(tmp_path, school_year=2021)
    assert (caught.value.file, caught.value.line) == ("students.json", 4)  # where ':' is due


def test_json_rows_have_the_line_of_their_object(tmp_path: Path) -> None:
    students = json.loads((FIXTURES / "json" / "students.json").read_text())
    students[1]["birthDate"] = "2008-02-30"
    (tmp_path / "students.json").write_text(json.dumps(students, indent=2))
    (tmp_path / "schools.json").write_bytes((FIXTURES / "json" / "schools.json").read_bytes())
    batch = read_edfi(tmp_path, school_year=2022)
    assert [(r.file, r.line, r.student_id) for r in batch.rejected] == [
        ("students.json", 10, "900002")
    ]


def test_no_school_year_is_an_error(tmp_path: Path) -> None:
    _copy(tmp_path, "Student.xml")
    with pytest.raises(DataFileError, match="school_year="):
        import_edfi(tmp_path)


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="is not a folder"):
        read_edfi(tmp_path / "missing")


def test_other_xml_files_are_skipped(tmp_path: Path) -> None:
    _copy(tmp_path, "Student.xml", "EducationOrganization.xml", "StudentEnrollment.xml")
    (tmp_path / "notes.xml").write_text("<notes><note>not Ed-Fi</note></notes>")
    assert len(read_edfi(tmp_path).students) == 2
