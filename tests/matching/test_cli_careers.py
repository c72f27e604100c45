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


def test_no_cache_reports_progress_on_stderr(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["careers", "search", "actuary", "--no-cache", "--json", *data]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["results"][0]["code"] == "15-2011.00"
    assert "reading" in captured.err
    assert "cached afterwards" in captured.err


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
        # the real ``match`` (ilpcore.cli.career_match) is replaced by the fake one
        (*careers_cli.SUBCOMMANDS[:2], "fake_match_module:add_match_command"),
    )
    assert main(["careers", "match"]) == 0
    assert calls == ["match"]
    assert main(["careers"]) == 2
    assert "match" in capsys.readouterr().err


def test_browse_overview_and_cluster(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "browse", "--json", *data]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["clusters"]) == 16
    assert sum(len(c["pathways"]) for c in doc["clusters"]) == 73
    assert {s["subject"] for s in doc["school_subjects"]} >= {"Mathematics", "Biology"}
    assert main(["careers", "browse", "--cluster", "health sci", *data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("116 occupations in Health Science (O*NET 30.1)")
    assert "National Career Clusters" in out


def test_browse_subject(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["careers", "browse", "--subject", "Biology", "--limit", "3", "--json", *data]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["knowledge_element"] == "2.C.4.d"
    importance = [o["importance"] for o in doc["occupations"]]
    assert len(importance) == 3
    assert importance == sorted(importance, reverse=True)
    assert main(["careers", "browse", "--subject", "Recess", *data]) == 1
    assert "known subjects" in capsys.readouterr().err


def test_select(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["careers", "select", "--job-zone", "3", "--job-zone", "4", "--interests", "S"]
    argv += ["--min-wage", "$60,000", "--state", "KY", "--bright", "--sort", "wage", "--json"]
    assert main([*argv, *data]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["total"] > 0
    assert doc["criteria"]["job_zones"] == [3, 4]
    for o in doc["occupations"]:
        assert o["job_zone"] in (3, 4)
        assert o["interest_code"].startswith("S")
        assert o["bright_outlook"] is True
        assert o["median_annual_wage_status"] == "top_coded" or o["median_annual_wage"] >= 60000
    assert main(["careers", "select", "--interests", "R", "--limit", "2", *data]) == 0
    out = capsys.readouterr().out
    assert "more" in out.splitlines()[3]
    assert main(["careers", "select", "--interests", "XQ", *data]) == 1
    assert "interests" in capsys.readouterr().err
