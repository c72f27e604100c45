"""``ilp reviews due`` and ``reviews_due``: one listing and one read a student, no history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ilpcore.access.caseload import reviews_due
from ilpcore.access.guarded import GuardedStore
from ilpcore.audit import AuditAction
from ilpcore.cli import main
from ilpcore.exceptions import ValidationError
from ilpcore.lifecycle import review_status
from ilpcore.model import Role
from ilpcore.samples import sample_plan
from ilpcore.store import Actor, MemoryStore, Store
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import make_plan

SCHOOL = "KY-165-040"
ADMIN = Actor("cli", Role.DISTRICT_ADMINISTRATOR)


def fill(store: Store) -> None:
    store.save_plan(ADMIN, sample_plan(), base_revision=None)
    store.save_plan(ADMIN, make_plan("S2", school_id=SCHOOL, cohort=2027), base_revision=None)
    store.save_plan(ADMIN, make_plan("S3", school_id="OTHER"), base_revision=None)


def test_every_due_review_of_the_school_in_the_range_and_nothing_else() -> None:
    inner = MemoryStore()
    fill(inner)
    first, last, today = date(2025, 9, 1), date(2026, 6, 30), date(2026, 6, 1)
    store = GuardedStore(inner)
    found = reviews_due(store, ADMIN, SCHOOL, first, last, today=today)
    expected = set()
    for sid in ("100482", "S2"):
        status = review_status(inner.load_plan(ADMIN, sid), today)
        expected |= {(sid, d.due_on, d in status.overdue) for d in status.overdue + status.upcoming
                     if first <= d.due_on <= last}  # fmt: skip
    assert {(d.student_id, d.due_on, d.overdue) for d in found} == expected
    assert ("100482", date(2026, 3, 15), True) in expected
    assert [d.due_on for d in found] == sorted(d.due_on for d in found)
    actions = [e.record.action for e in inner.audit_log(ADMIN)]
    assert actions == [AuditAction.LIST, AuditAction.READ, AuditAction.READ], "no history loads"


def test_a_backwards_range_is_refused() -> None:
    with pytest.raises(ValidationError, match="before the first day"):
        reviews_due(MemoryStore(), ADMIN, SCHOOL, date(2026, 2, 1), date(2026, 1, 1))


@pytest.fixture
def url(tmp_path: Path) -> str:
    path = tmp_path / "ilp.sqlite3"
    with SQLiteStore(path) as store:
        fill(store)
    return f"sqlite:///{path}"


def test_cli_reviews_due(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["reviews", "due", "--school", SCHOOL, "--from", "2026-01-01", "--to", "2026-06-30",
            "--today", "2026-06-01", "--store", url]  # fmt: skip
    assert main([*args, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    due = {(r["student_id"], r["due_on"], r["overdue"]) for r in document["reviews"]}
    assert ("100482", "2026-03-15", True) in due
    assert {r["student_id"] for r in document["reviews"]} <= {"100482", "S2"}
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "2026-03-15  100482       Maya Okafor (grade 10)  scheduled  OVERDUE" in out


def test_cli_acts_through_the_policy(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["reviews", "due", "--school", SCHOOL, "--from", "2026-01-01", "--to", "2026-06-30",
            "--store", url, "--json"]  # fmt: skip
    assert main([*args, "--as", "student:100482"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert {r["student_id"] for r in document["reviews"]} == {"100482"}
    assert main([*args, "--as", "teacher:t-1"]) == 0
    assert json.loads(capsys.readouterr().out)["reviews"] == []
    assert main([*args, "--as", "janitor"]) == 1
    assert "not ROLE:ID" in capsys.readouterr().err
    with SQLiteStore(url.removeprefix("sqlite://")) as store:
        vias = {e.record.via for e in store.audit_log(ADMIN)}
    assert vias == {"cli"}
