from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ilpcore import __version__
from ilpcore.cli import main
from ilpcore.model import Plan
from ilpcore.samples import sample_plan
from ilpcore.serialization import from_document


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"ilpcore {__version__}"


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "demo" in capsys.readouterr().err


@pytest.fixture(autouse=True)
def _demo_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("ILPCORE_STORE_URL", url)
    return url


def test_demo_text_shows_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    captured = capsys.readouterr()
    assert "Maya Okafor - grade 10, class of 2028" in captured.out
    assert "Principles of Health Science" in captured.out
    assert "ilp demo: plan" in captured.err  # progress goes to stderr, never stdout


def test_demo_json_is_a_valid_plan_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["ilpcore"] == __version__
    plan_step = next(s for s in output["steps"] if s["step"] == "plan")
    assert from_document(plan_step["data"], Plan) == sample_plan()


def test_console_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ilpcore", "demo", "--json"],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["steps"]


def test_demo_runs_again_on_the_same_store(capsys: pytest.CaptureFixture[str]) -> None:
    histories = []
    for _ in range(2):
        assert main(["demo", "--json"]) == 0
        steps = {s["step"]: s["data"] for s in json.loads(capsys.readouterr().out)["steps"]}
        histories.append([h["revision"] for h in steps["store"]["history"]])
        assert steps["reviews"]["chain_ok"]
    # The second run saves on top of everything the first run left, and loses nothing.
    assert histories[1][: len(histories[0])] == histories[0]
    assert histories[1][-1] > histories[0][-1]
