"""``ilp portfolio add / export``, ``ilp plan export / import`` and the demo's portfolio step."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ilpcore.cli import main
from ilpcore.demo_steps import DemoContext
from ilpcore.model import Role
from ilpcore.portfolio.demo import DEMO_SAMPLE, demo_step
from ilpcore.samples import sample_plan
from ilpcore.store import Actor
from ilpcore.store.memory import MemoryStore
from ilpcore.store.sqlite import SQLiteStore

from .conftest import REFUSED, SAMPLES

COUNSELOR = Actor("c-reyes", Role.COUNSELOR)


@pytest.fixture
def url(tmp_path: Path) -> str:
    path = tmp_path / "ilp.sqlite3"
    with SQLiteStore(path) as store:
        store.save_plan(COUNSELOR, sample_plan(), base_revision=None)
    return f"sqlite:///{path}"


def _run(capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0) -> Any:
    assert main([*argv, "--json"]) == status
    return json.loads(capsys.readouterr().out)


def _sample(tmp_path: Path, key: str, table: dict[str, tuple[bytes, str, str]] = SAMPLES) -> Path:
    data, name, _ = table[key]
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_add_and_export(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = _sample(tmp_path, "pdf")
    added = _run(capsys, "portfolio", "add", "100482", str(pdf), "--about", "A-shadow",
                 "--title", "Care plan", "--store", url)  # fmt: skip
    assert added["revision"] == 2
    assert added["artifact"]["title"] == "Care plan"
    assert added["artifact"]["media_type"] == "application/pdf"
    assert added["artifact"]["about"] == [{"kind": "activity", "id": "A-shadow"}]
    assert main(["portfolio", "add", "100482", str(_sample(tmp_path, "png")), "--store", url,
                 "--as", "student:100482"]) == 0  # fmt: skip
    assert "added 'photo' (image/png, " in capsys.readouterr().out
    assert main(["plan", "history", "100482", "--store", url]) == 0
    assert capsys.readouterr().out.count("100482 (student)") == 2

    target = tmp_path / "out" / "maya"
    target.parent.mkdir()
    exported = _run(capsys, "portfolio", "export", "100482", str(target), "--store", url,
                    "--as-of", "2025-12-01")  # fmt: skip
    assert exported["files"] == ["index.html", "files/01-care-plan.pdf", "files/02-photo.png",
                                 ".ilpcore-portfolio.json"]  # fmt: skip
    assert exported["hours"]["by_year"] == {"2024-25": "226", "2025-26": "6"}
    assert (target / "files" / "01-care-plan.pdf").read_bytes() == SAMPLES["pdf"][0]

    again = _run(capsys, "portfolio", "export", "100482", str(target), "--store", url, status=1)
    assert again["error"] == "ExportExistsError"
    assert main(["portfolio", "export", "100482", str(target), "--store", url, "--force"]) == 0
    text = capsys.readouterr().out
    assert "exported the portfolio of Maya Okafor (100482)" in text
    assert "2 work samples" in text
    assert "  2024-25  226 h" in text

    zipped = tmp_path / "out" / "maya.zip"
    assert _run(capsys, "portfolio", "export", "100482", str(zipped), "--zip", "--store", url)[
        "zip"
    ]
    with zipfile.ZipFile(zipped) as archive:
        assert "maya/files/02-photo.png" in archive.namelist()


def test_add_refusals(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _sample(tmp_path, "html", REFUSED)
    error = _run(capsys, "portfolio", "add", "100482", str(page), "--store", url, status=1)
    assert error["error"] == "UnsafeMediaTypeError"
    assert error["message"].startswith("data: the content is text/html, refused")
    missing = _run(capsys, "portfolio", "add", "100482", str(tmp_path / "nope.pdf"),
                   "--store", url, status=1)  # fmt: skip
    assert missing["error"] == "NotFoundError"
    folder = _run(capsys, "portfolio", "add", "100482", str(tmp_path), "--store", url, status=1)
    assert folder["error"] == "ValidationError"
    denied = _run(capsys, "portfolio", "add", "100482", str(_sample(tmp_path, "pdf")),
                  "--store", url, "--as", "district_administrator:a-1", status=1)  # fmt: skip
    assert denied["error"] == "AccessDeniedError"
    assert main(["portfolio", "add", "100482", str(page), "--store", url]) == 1
    assert "ilp: error: data: the content is text/html" in capsys.readouterr().err


def test_plan_export_and_import(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["portfolio", "add", "100482", str(_sample(tmp_path, "pdf")), "--store", url]) == 0
    capsys.readouterr()
    document = tmp_path / "maya.json"
    written = _run(capsys, "plan", "export", "100482", str(document), "--store", url)
    assert written["size"] == document.stat().st_size
    assert json.loads(document.read_bytes())["schema"] == "ilpcore.portable_plan"
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    restored = _run(capsys, "plan", "import", str(document), "--store", other)
    assert restored == {"student_id": "100482", "revision": 1, "lists": 0, "work_samples": 1}
    conflict = _run(capsys, "plan", "import", str(document), "--store", other, status=1)
    assert conflict["error"] == "ConflictError"
    assert main(["plan", "import", str(document), "--store", other, "--replace"]) == 0
    assert "as revision 2, with 0 saved lists and 1 work samples" in capsys.readouterr().out
    assert main(["plan", "export", "100482", str(document), "--store", url]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["plan", "export", "100482", str(document), "--store", url, "--force"]) == 0
    assert "wrote the plan of student 100482" in capsys.readouterr().out
    broken = tmp_path / "broken.json"
    broken.write_text(document.read_text().replace('"grade_level": 10', '"grade_level": 13'))
    bad = _run(capsys, "plan", "import", str(broken), "--store", other, status=1)
    assert bad["message"].startswith("plan.student.grade_level: grade level 13 is out of range")
    gone = _run(capsys, "plan", "import", str(tmp_path / "gone.json"), "--store", other, status=1)
    assert gone["error"] == "NotFoundError"


def test_demo_step_adds_a_sample_and_exports() -> None:
    with MemoryStore() as store:
        plan = store.save_plan(COUNSELOR, sample_plan(), base_revision=None)
        context = DemoContext(plan, store)
        section = demo_step(context)
        assert context.plan.revision == 2
        assert context.plan.artifacts[-1].size == len(DEMO_SAMPLE)
        assert section.data["work_samples"] == 1
        assert section.data["files"][1] == "files/01-why-pediatric-nursing-essay.md"
        assert "Hours: 232" in section.text
        demo_step(context)  # a second run adds nothing more
        assert context.plan.revision == 2
