"""``ilp interests score`` and ``ilp careers match``."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pytest

from ilpcore.cli import main
from ilpcore.cli.app import build_parser
from ilpcore.matching import ONET_ATTRIBUTION

ONET_EXAMPLE = "553421321134342523523523254115342111351145453111231155343444"


def test_interests_score_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interests", "score", ONET_EXAMPLE]) == 0
    out = capsys.readouterr().out
    assert "R Realistic      27" in out
    assert "Code: RSA" in out
    assert "O*NET\u00ae Interest Profiler" in out


def test_interests_score_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interests", "score", ONET_EXAMPLE, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["scores"] == {"R": 27, "I": 13, "A": 23, "S": 25, "E": 14, "C": 14}
    assert doc["scale"] == "onet-ip-sf-60 raw 0-40"
    assert doc["undifferentiated"] is False


def test_interests_score_flags_flat_and_reports_bad_items(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["interests", "score", "4" * 60]) == 0
    assert "undifferentiated" in capsys.readouterr().out
    assert main(["interests", "score", "4" * 17 + "9" + "4" * 42, "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["error"] == "ValidationError"
    assert doc["message"].startswith("answers[17]: item 18")


def _careers(argv: Sequence[str]) -> int:
    return main(["careers", "match", *argv])


def test_careers_match_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _careers(["--answers", ONET_EXAMPLE, "--top", "5", "--zone", "3", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["release"] == "O*NET 30.1"
    assert doc["interests"]["code"] == "RSA"
    assert doc["filters"] == {
        "top": 5, "zone": 3, "zones_used": [3], "widened": False, "excluded_codes": [],
    }  # fmt: skip
    assert [m["code"] for m in doc["matches"]][:2] == ["39-5094.00", "27-2031.00"]
    assert all(m["job_zone"] == 3 for m in doc["matches"])
    assert doc["attribution"] == ONET_ATTRIBUTION


def test_careers_match_text_with_state_wages(capsys: pytest.CaptureFixture[str]) -> None:
    assert _careers(["--scores", "27,13,23,25,14,14", "--top", "3", "--state", "KY"]) == 0
    out = capsys.readouterr().out
    assert "Skincare Specialists" in out
    assert "KY annual median wage" in out
    assert "Bureau of Labor Statistics" in out


def test_careers_match_refuses_flat_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert _careers(["--answers", "4" * 60]) == 1
    assert "undifferentiated" in capsys.readouterr().err
    assert _careers(["--scores", "21,19,20,20,20,20", "--best-effort", "--top", "2"]) == 0
    assert "low confidence" in capsys.readouterr().out
    assert _careers(["--scores", "1,2,3"]) == 1
    assert _careers(["--scores", "1,2,3,4,5,6", "--state", "ZZ"]) == 1
    assert "unknown state" in capsys.readouterr().err


def test_commands_are_registered(capsys: pytest.CaptureFixture[str]) -> None:
    assert "interests" in build_parser().format_help()
    with pytest.raises(SystemExit):
        main(["careers", "--help"])
    assert "match" in capsys.readouterr().out
