"""``ilp audit``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilpcore.cli import main

COURSES = [
    {"course_code": "E1", "title": "English I", "subject": "english_language_arts",
     "term": {"school_year": 2023}, "grade_level": 9, "credits": 1, "status": "completed",
     "mark": "A"},
    {"course_code": "M1", "title": "Algebra I", "subject": "mathematics",
     "term": {"school_year": 2024}, "grade_level": 10, "credits": "1", "status": "in_progress"},
]  # fmt: skip


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(COURSES))
    return path


def test_text_report(transcript: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["audit", "--rules", "US-KY", "--cohort", "2027", "--transcript", str(transcript)])
        == 0
    )
    out = capsys.readouterr().out
    assert "[x] English I — E1 (1)" in out
    assert "[~] Algebra I — M1 (1)" in out
    assert "status: missing" in out


def test_json_with_what_if_and_suggestions(
    transcript: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["audit", "--rules", "US-KY", "--cohort", "2027", "--transcript",
                 str(transcript), "--what-if", "cohort=2030", "--suggest", "--json"])  # fmt: skip
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["audit"]["rule_set"]["id"] == "US-KY-minimum-2024"
    assert doc["what_if"]["audit"]["rule_set"]["id"] == "US-KY-minimum-2029"
    changed = {c["path"]: c for c in doc["what_if"]["changes"]}
    assert changed["civics-test"]["after"] is None
    assert changed["civics"]["before"] is None
    assert any(s["path"] == "english/english-2" for s in doc["suggestions"])


def test_bad_transcript_names_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [dict(COURSES[0], credits="lots"), dict(COURSES[1], status="dreaming")]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    code = main(["audit", "--rules", "US-KY", "--cohort", "2027", "--transcript", str(path),
                 "--json"])  # fmt: skip
    assert code == 1
    captured = capsys.readouterr()
    assert "courses[0].credits" in captured.err
    assert "courses[1].status" in captured.err
    assert json.loads(captured.out)["error"] == "ValidationError"


def test_unknown_cohort(transcript: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["audit", "--rules", "US-KY", "--cohort", "1990", "--transcript", str(transcript)])
        == 1
    )
    assert "no rule set for US-KY, class of 1990" in capsys.readouterr().err


def test_transcript_object_with_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ilpcore.cli.audit import load_transcript
    from ilpcore.model import CourseRecord
    from ilpcore.serialization import structure, to_document

    enveloped = to_document(structure(COURSES[0], CourseRecord))
    doc = {
        "courses": [enveloped, COURSES[1]],
        "milestones": [{"id": "fafsa", "status": "in_progress"}],
        "ilp_aligned": ["M1"],
        "overrides": [{"action": "waive", "path": "english/english-2",
                       "approved_by": "J. Doe", "reason": "transfer"}],
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps(doc))
    record = load_transcript(path)
    assert [c.course_code for c in record.courses] == ["E1", "M1"]
    assert record.ilp_aligned == frozenset({"M1"})
    assert main(["audit", "--rules", "US-KY", "--cohort", "2027", "--transcript", str(path)]) == 0
    assert "[w] English II" in capsys.readouterr().out
