"""``ilp import edfi DIR --json`` on the real Grand Bend sample, into a temporary SQLite store."""

import json
from pathlib import Path

import pytest

from ilpcore.cli import main


def test_import_grand_bend_twice(
    grand_bend: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'ilp.sqlite3'}"
    assert main(["import", "edfi", str(grand_bend), "--store", url, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["counts"] == {
        "created": 960,
        "updated": 0,
        "unchanged": 0,
        "held_back": 0,
        "rejected_rows": 0,
    }
    assert "school year 2021-2022" in first["source"]
    assert main(["import", "edfi", str(grand_bend), "--store", url, "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["counts"]["unchanged"] == 960
    assert [s["revision"] for s in second["students"]] == [1] * 960


def test_rejected_rows_exit_1_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "students.json").write_text(
        '[{"studentUniqueId": "1", "firstName": "A", "lastSurname": "B", "birthDate": "x"}]'
    )
    (data / "sessions.json").write_text(
        '[{"schoolReference": {"schoolId": 7}, "schoolYearTypeReference": {"schoolYear": 2022},'
        ' "sessionName": "Fall", "termDescriptor": "uri://ed-fi.org/TermDescriptor#Fall Semester"}]'
    )
    url = f"sqlite:///{tmp_path / 'ilp.sqlite3'}"
    rejected = tmp_path / "rejected.csv"
    args = ["import", "edfi", str(data), "--store", url, "--rejected", str(rejected)]
    assert main([*args, "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["rejected"] == [
        {
            "file": "students.json",
            "line": 1,
            "reason": "BirthDate 'x' is not a date",
            "student_id": "1",
        }
    ]
    assert rejected.read_text().splitlines()[1] == "students.json,1,1,BirthDate 'x' is not a date"
