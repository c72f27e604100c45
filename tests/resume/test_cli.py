"""``ilp resume``: every format, the spec file, hours, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilpcore.cli import main
from ilpcore.model import ResumeSection, ResumeSpec
from ilpcore.resume import build_resume, to_markdown
from ilpcore.resume.demo import DEMO_SPEC, demo_step
from ilpcore.samples import sample_plan
from ilpcore.serialization import dumps

from .conftest import SAMPLE_SPEC


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(dumps(sample_plan()), encoding="utf-8")
    return path


def test_markdown_from_a_plan_file(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", str(plan_file)]) == 0
    captured = capsys.readouterr()
    plan = sample_plan()
    assert plan.resume_spec is not None  # the plan's own spec is the default
    assert captured.out == to_markdown(build_resume(plan, plan.resume_spec))
    assert "ilp resume: Maya Okafor, md" in captured.err


def test_spec_file_is_applied(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(dumps(SAMPLE_SPEC), encoding="utf-8")
    assert main(["resume", str(plan_file), "--spec", str(spec_file), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert "Ran the register on busy weekend shifts." in out
    assert "Junior varsity soccer" not in out


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_json_wraps_text_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--sample", "--format", fmt, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == fmt
    assert "MAYA OKAFOR" in document["content"].upper()


def test_jsonresume_json_is_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--sample", "--format", "jsonresume", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["basics"]["name"] == "Maya Okafor"
    assert "meta" in document


def test_pdf_goes_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "resume.pdf"
    assert main(["resume", "--sample", "--format", "pdf", "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"format": "pdf", "output": str(out), "size": out.stat().st_size}
    assert out.read_bytes().startswith(b"%PDF-")


def test_hours(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--sample", "--hours", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["by_year"] == {"2024-25": "226", "2025-26": "6"}
    assert main(["resume", "--sample", "--hours"]) == 0
    assert "2024-25  community_service" in capsys.readouterr().out


def test_errors_name_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.json"
    assert main(["resume", str(missing), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"] == "NotFoundError"
    assert "missing.json" in captured.err
    bad = tmp_path / "bad.json"
    bad.write_text(dumps(ResumeSpec()), encoding="utf-8")
    assert main(["resume", str(bad)]) == 1
    assert "ilp: error:" in capsys.readouterr().err


def test_demo_step_shows_resume_and_hours() -> None:
    from ilpcore.demo_steps import DemoContext
    from ilpcore.store.memory import MemoryStore

    section = demo_step(DemoContext(sample_plan(), MemoryStore()))
    assert section.text.startswith("MAYA OKAFOR")
    assert "Hours by school year" in section.text
    assert "2024-25  226 h" in section.text
    assert section.data["jsonresume"]["basics"]["email"] == DEMO_SPEC.contact.email
    assert section.data["hours"]["total"] == "232"
    assert (
        ResumeSection.EDUCATION.value
        in section.data["jsonresume"]["meta"]["ilpcore"]["spec"]["sections"]
    )
