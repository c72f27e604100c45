"""``ilp plan history`` and ``ilp plan diff``."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from ilpcore.cli import main
from ilpcore.model import GoalStatus, Role
from ilpcore.samples import sample_plan
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore

COUNSELOR = Actor("c-reyes", Role.COUNSELOR)


@pytest.fixture
def url(tmp_path: Path) -> str:
    path = tmp_path / "ilp.sqlite3"
    with SQLiteStore(path) as store:
        plan = store.save_plan(COUNSELOR, sample_plan(), base_revision=None)
        goal = attrs.evolve(plan.goal("G-speak"), status=GoalStatus.ACHIEVED)
        goals = tuple(goal if g.id == "G-speak" else g for g in plan.goals)
        review = attrs.evolve(plan.reviews[-1], id="R-new", revision_before=1, revision_after=2)
        store.save_plan(
            COUNSELOR,
            attrs.evolve(plan, goals=goals, reviews=(*plan.reviews, review)),
            base_revision=1,
        )
    return f"sqlite:///{path}"


def test_history(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "history", "100482", "--store", url, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["revisions"]
    assert [(r["revision"], r["saved_by"], r["review"]) for r in rows] == [
        (1, "c-reyes", None), (2, "c-reyes", "R-new"),
    ]  # fmt: skip
    assert main(["plan", "history", "100482", "--store", url]) == 0
    out = capsys.readouterr().out
    assert "2 revisions" in out
    assert "c-reyes (counselor)  review R-new" in out


def test_diff(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "diff", "100482", "1", "2", "--store", url, "--json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert {"path": "goals[G-speak].status", "kind": "changed",
            "before": "not_started", "after": "achieved"} in changes  # fmt: skip
    assert any(c["path"] == "reviews[R-new]" and c["kind"] == "added" for c in changes)
    assert main(["plan", "diff", "100482", "2", "2", "--store", url]) == 0
    assert "(no changes)" in capsys.readouterr().out
    assert main(["plan", "diff", "100482", "1", "2", "--store", url]) == 0
    assert "~ goals[G-speak].status: 'not_started' -> 'achieved'" in capsys.readouterr().out


def test_denied_and_missing(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "diff", "100482", "1", "2", "--store", url, "--as", "teacher:t1"]) == 1
    assert "may not read identity" in capsys.readouterr().err
    assert main(["plan", "history", "nobody", "--store", url, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "NotFoundError"
