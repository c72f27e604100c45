"""``ilp export research``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import attrs
import pytest

from ilpcore.cli import main
from ilpcore.cli.export_research import add_arguments
from ilpcore.model import Role, SchoolRef
from ilpcore.samples import sample_plan
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore
from tests.research.helpers import read_csv

ADMIN = Actor("admin", Role.DISTRICT_ADMINISTRATOR)


@pytest.fixture
def url(tmp_path: Path) -> str:
    path = tmp_path / "ilp.sqlite3"
    base = sample_plan()
    with SQLiteStore(path) as store:
        for i in range(23):
            school = SchoolRef("HS1" if i < 12 else "HS2" if i < 17 else "HS3", "A High School")
            student = attrs.evolve(base.student, id=f"S{i}", school=school)
            store.save_plan(ADMIN, attrs.evolve(base, student=student), base_revision=None)
    return f"sqlite:///{path}"


@pytest.fixture
def key(tmp_path: Path) -> Path:
    path = tmp_path / "research.key"
    path.write_text("0f" * 32 + "\n")
    return path


def test_export(url: str, key: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "release"
    args = ["export", "research", "--key-file", str(key), str(out), "--store", url, "--json"]
    assert main(args) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["manifest"]["students"] == 23
    assert doc["manifest"]["k"] == 11
    assert "ilp export research: 46/46" in captured.err
    assert (out / "students.parquet").exists()
    assert {s["school_id"] for s in read_csv(out, "students")} == {"HS1", ""}
    assert doc["manifest"]["suppression"]["students_by_rung"] == [12, 0, 11, 0, 0]
    again = tmp_path / "again"
    text = ["export", "research", "--key-file", str(key), str(again), "--store", url,
            "--k", "20", "--school", "HS1", "--no-parquet"]  # fmt: skip
    assert main(text) == 0
    printed = capsys.readouterr().out
    assert "12 students, k = 20" in printed
    assert "students by suppression rung: 0, 0, 0, 0, 12" in printed
    assert not (again / "students.parquet").exists()


def test_errors(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = tmp_path / "short.key"
    short.write_text("tooshort")
    args = ["export", "research", "--key-file", str(short), str(tmp_path / "o"), "--store", url]
    assert main([*args, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "ResearchKeyError"
    with pytest.raises(SystemExit) as e:
        main(["export", "research", str(tmp_path / "o")])
    assert e.value.code == 2
    assert "--key-file" in capsys.readouterr().err


def test_research_arguments_in_another_group() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_subparsers().add_parser("export").add_subparsers()
    add_arguments(group.add_parser("research"))
    args = parser.parse_args(["export", "research", "--key-file", "k", "out", "--k", "5"])
    assert (args.k, args.key_file, args.out_dir) == (5, Path("k"), Path("out"))
