"""``ilp batch match`` and ``ilp batch audit`` on a SQLite store of synthetic students."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import attrs
import pytest

from ilpcore.batch import AUDIT_COLUMNS, MATCH_COLUMNS, batch_audit, batch_match, to_records
from ilpcore.cli import main
from ilpcore.matching import ONET_ATTRIBUTION
from ilpcore.matching.ranking import InterestIndex
from ilpcore.model import Plan, Role
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.synthetic import synthetic_plans

ADMIN = Actor("da-1", Role.DISTRICT_ADMINISTRATOR)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, tuple[Plan, ...]]:
    """A store of 30 synthetic students (none in Indiana, whose audits are slow for now)."""
    path = tmp_path_factory.mktemp("batch") / "ilp.sqlite3"
    chosen = [p for p in synthetic_plans(40, seed=5) if p.student.school.state != "IN"][:30]
    chosen[1] = attrs.evolve(chosen[1], assessments=())
    with SQLiteStore(path) as store:
        saved = tuple(store.save_plan(ADMIN, p, base_revision=None) for p in chosen)
    return f"sqlite:///{path}", saved


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILPCORE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "batch-cli-cache"))
    monkeypatch.setenv("ILPCORE_STORE_URL", "memory:")


def test_match_writes_csv_rows_and_a_summary(
    stored: tuple[str, tuple[Plan, ...]], index: InterestIndex, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url, plans = stored
    out = tmp_path / "matches.csv"
    assert main(["batch", "match", "--store", url, "--top", "3", "--out", str(out), "--json"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["students"] == len(plans)
    assert summary["attribution"] == ONET_ATTRIBUTION
    assert summary["release"] == index.release
    assert "ilp batch match: 30" in captured.err
    with out.open(encoding="utf-8", newline="") as f:
        got = list(csv.DictReader(f))
    expected = list(to_records(batch_match(plans, index, top=3)))
    assert summary["rows"] == len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert list(row) == list(MATCH_COLUMNS)
        assert row == {k: "" if v is None else str(v) for k, v in want.items()}
    assert summary["reasons"] == {"no interest assessment": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["matches.csv"]  # no temporary file left


def test_audit_writes_jsonl_of_one_school(
    stored: tuple[str, tuple[Plan, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, plans = stored
    school = plans[0].student.school.id
    out = tmp_path / "audits.jsonl"
    args = ["batch", "audit", "--store", url, "--school", school, "--out", str(out)]
    assert main([*args, "--jurisdiction", "US-KY"]) == 0
    text = capsys.readouterr().out
    mine = [p for p in plans if p.student.school.id == school]
    assert text.startswith(f"batch audit: {len(mine)} students, {len(mine)} rows written")
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in got] == [list(AUDIT_COLUMNS)] * len(mine)
    today_rows = list(to_records(batch_audit(mine, "US-KY")))
    assert got == today_rows


def test_audit_by_rule_set_id_and_state(
    stored: tuple[str, tuple[Plan, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, plans = stored
    out = tmp_path / "audits.csv"
    base = ["batch", "audit", "--store", url, "--out", str(out), "--json"]
    assert main([*base, "--rules", "US-TX-foundation-2022"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["by_status"].keys() <= {"done", "in_progress", "planned", "missing"}
    assert summary["reasons"] == {}
    assert main(base) == 0
    summary = json.loads(capsys.readouterr().out)
    va = sum(p.student.school.state == "VA" for p in plans)
    assert summary["by_status"].get("not audited", 0) == va


def test_bad_output_and_access(
    stored: tuple[str, tuple[Plan, ...]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, plans = stored
    out = tmp_path / "x.parquet"
    assert main(["batch", "audit", "--store", url, "--out", str(out)]) == 1
    assert "use a .csv or .jsonl file" in capsys.readouterr().err
    me = plans[3].student.id
    out = tmp_path / "mine.jsonl"
    args = ["batch", "audit", "--store", url, "--out", str(out), "--as", f"student:{me}"]
    assert main(args) == 0
    assert [json.loads(x)["student_id"] for x in out.read_text().splitlines()] == [me]
