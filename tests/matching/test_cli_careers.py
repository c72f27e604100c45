"""``ilp careers search`` and ``ilp careers show``."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from ilpcore.cli import careers as careers_cli
from ilpcore.cli import main
from ilpcore.matching import OccupationCatalog


@pytest.fixture
def data(data_dir: Path, catalog: OccupationCatalog) -> list[str]:
    """``--data`` for the real releases; the session catalog is cached first, so the
    commands read it from the cache."""
    return ["--data", str(data_dir)]


def test_search_text(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "search", "registered", "nurses", "--limit", "3", *data]) == 0
    out = capsys.readouterr().out
    assert "29-1141.00  Registered Nurses" in out.splitlines()[1]
    assert "O*NET 30.1 Database" in out


def test_search_json_with_cluster(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["careers", "search", "manager", "--cluster", "Health Science", "--json", *data]
    assert main(argv) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["release"] == "O*NET 30.1"
    assert doc["results"]
    assert doc["attribution"].startswith("This product includes information from the O*NET 30.1")
    assert all(set(r) >= {"code", "title", "rank", "matched_in"} for r in doc["results"])


def test_show_json(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "show", "15-1252.00", "--state", "KY", "--json", *data]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["title"] == "Software Developers"
    assert doc["wages"]["state"]["area"] == "KY"
    assert doc["wages"]["state"]["annual"]["median"] == 109010


def test_show_text_accepts_soc_code(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "show", "11-1011", *data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Chief Executives (11-1011.00)")
    assert "Interests: EC" in out


def test_unknown_code_is_an_error(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "show", "99-9999.00", "--json", *data]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"] == "NotFoundError"
    assert "99-9999.00" in captured.err


def test_bad_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "search", "nurse", "--data", str(tmp_path / "none")]) == 1
    assert "no data folder found" in capsys.readouterr().err


def test_subcommands_are_pluggable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another module can add ``ilp careers match`` through a registrar."""
    calls: list[str] = []

    def add_match_command(group: careers_cli.SubParsers) -> None:
        parser = group.add_parser("match", help="rank occupations for a student")

        def run(args: object) -> int:
            calls.append("match")
            return 0

        parser.set_defaults(handler=run)

    module = types.ModuleType("fake_match_module")
    module.add_match_command = add_match_command  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_match_module", module)
    monkeypatch.setattr(
        careers_cli,
        "SUBCOMMANDS",
        (*careers_cli.SUBCOMMANDS, "fake_match_module:add_match_command"),
    )
    assert main(["careers", "match"]) == 0
    assert calls == ["match"]
    assert main(["careers"]) == 2
    assert "match" in capsys.readouterr().err
