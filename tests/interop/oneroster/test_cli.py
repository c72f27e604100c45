"""ilp import oneroster / ilp export oneroster with --json into a temporary SQLite store."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path
from typing import Any

from ilpcore.cli import main
from tests.interop.oneroster.conftest import LAKEVIEW, EditableSet


def _run(*argv: str) -> tuple[int, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(list(argv))
    return status, json.loads(out.getvalue())


def test_import_export_import_round_trip(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'ilp.db'}"
    status, report = _run("import", "oneroster", str(LAKEVIEW), "--store", store, "--json")
    assert status == 0
    assert report["counts"] == {
        "created": 3, "updated": 0, "unchanged": 0, "held_back": 0, "rejected_rows": 0
    }  # fmt: skip
    out = tmp_path / "export"
    status, written = _run("export", "oneroster", str(out), "--store", store, "--json")
    assert status == 0
    assert written["students"] == 3
    assert written["rows"]["users"] == 3 + 2  # students and their two guardians
    assert written["rows"]["demographics"] == 2
    status, again = _run("import", "oneroster", str(out), "--store", store, "--json")
    assert (status, again["counts"]["unchanged"], again["counts"]["created"]) == (0, 3, 0)
    status, one_school = _run(
        "export", "oneroster", str(out), "--store", store, "--school", "LMS-002", "--json"
    )
    assert (status, one_school["students"]) == (0, 1)


def test_rejected_rows_give_status_1_and_a_rejected_file(
    tmp_path: Path, lakeview: EditableSet
) -> None:
    lakeview.replace("users.csv", 3, ",09,", ",PK,")
    store = f"sqlite:///{tmp_path / 'ilp.db'}"
    rejected = tmp_path / "rejected.csv"
    status, report = _run(
        "import", "oneroster", str(lakeview.folder), "--store", store,
        "--rejected", str(rejected), "--json",
    )  # fmt: skip
    assert status == 1
    assert report["counts"]["created"] == 2
    assert report["rejected"] == [
        {
            "file": "users.csv",
            "line": 3,
            "reason": "grade 'PK' is not a K-12 grade (KG, 01 ... 12)",
            "student_id": "100483",
        }
    ]
    with rejected.open(newline="", encoding="utf-8") as f:
        assert list(csv.reader(f))[1] == [
            "users.csv", "3", "100483", "grade 'PK' is not a K-12 grade (KG, 01 ... 12)"
        ]  # fmt: skip


def test_a_bad_set_is_an_error_with_json(tmp_path: Path, lakeview: EditableSet) -> None:
    lakeview.replace("manifest.csv", 24, "file.users,bulk", "file.users,delta")
    store = f"sqlite:///{tmp_path / 'ilp.db'}"
    status, error = _run("import", "oneroster", str(lakeview.folder), "--store", store, "--json")
    assert status == 1
    assert error["error"] == "DataFileError"
    assert error["message"].startswith("manifest.csv, line 24: file.users is delta")
