"""``ilp store info`` and ``ilp store history`` against a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ilpcore.cli import main
from ilpcore.model import Role
from ilpcore.store import Actor
from ilpcore.store._schema import SCHEMA_VERSION
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import make_plan


@pytest.fixture
def url(tmp_path: Path) -> str:
    with SQLiteStore(tmp_path / "ilp.sqlite3") as store:
        first = store.save_plan(Actor("c-1", Role.COUNSELOR), make_plan(), base_revision=None)
        store.save_plan(Actor("s-1", Role.STUDENT), first, base_revision=1)
    return f"sqlite://{tmp_path / 'ilp.sqlite3'}"


def test_info_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "info", "--url", url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["url"] == url
    assert (info["backend"], info["schema_version"], info["plans"]) == (
        "SQLiteStore",
        SCHEMA_VERSION,
        1,
    )
    assert "ilpcore.stores" in info["plugins"]
    assert "sqlite" in info["schemes"]


def test_info_uses_the_environment(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILPCORE_STORE_URL", url)
    assert main(["store", "info"]) == 0
    out = capsys.readouterr().out
    assert f"url             {url}" in out
    assert "plans           1" in out


def test_history_text_and_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "history", "S1", "--url", url]) == 0
    out = capsys.readouterr().out
    assert "plan of student S1: 2 revisions" in out
    assert "c-1 (counselor)" in out
    assert "s-1 (student)" in out
    assert main(["store", "history", "S1", "--url", url, "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert [r["revision"] for r in history["revisions"]] == [1, 2]


def test_unknown_student_and_bad_url_are_errors(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["store", "history", "S404", "--url", url, "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "NotFoundError"
    assert main(["store", "info", "--url", "nosuch://x"]) == 1
    assert "no installed plugin opens the store URL 'nosuch://x'" in capsys.readouterr().err


def test_store_without_a_command_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store"]) == 2
    assert "info" in capsys.readouterr().out
