"""The demo's storage step saves a new revision on every run and shows the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from ilpcore.cli.demo import DemoContext
from ilpcore.cli.store_demo import store_step
from ilpcore.model import Role
from ilpcore.samples import sample_plan
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore


def test_each_run_saves_the_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = DemoContext(sample_plan(), SQLiteStore(tmp_path / "demo.sqlite3"))
    section = store_step(first)
    assert first.plan.revision == 1
    assert "as revision 1 in sqlite://" in section.text
    second = DemoContext(sample_plan(), SQLiteStore(tmp_path / "demo.sqlite3"))
    section = store_step(second)
    assert second.plan.revision == 2
    assert [h["revision"] for h in section.data["history"]] == [1, 2]
    assert "revision   2" in section.text
    with SQLiteStore(tmp_path / "demo.sqlite3") as store:
        reader = Actor("checker", Role.COUNSELOR)
        assert store.load_plan(reader, second.plan.student.id) == second.plan
