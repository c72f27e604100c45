"""Exporting a SQLite store of a few thousand plans holds one plan at a time."""

from __future__ import annotations

import weakref
from pathlib import Path

import attrs
import pytest

from ilpcore.model import Plan, Role, SchoolRef
from ilpcore.research import PseudonymKey, export_research_from_store
from ilpcore.samples import scaled_plan
from ilpcore.store import Actor, PlanQuery
from ilpcore.store.sqlite import SQLiteStore
from tests.research.helpers import read_csv

ADMIN = Actor("admin", Role.DISTRICT_ADMINISTRATOR)
STUDENTS = 2000
KEY = PseudonymKey(b"streaming-test-key-0123456789abcdef")


class CountingStore(SQLiteStore):
    """Records every plan it loads (weakly) and the most ever alive at one time."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.plan_cache_size = 0  # the store's own bounded cache would keep 128 plans alive
        self.live: weakref.WeakSet[Plan] = weakref.WeakSet()
        self.loads = 0
        self.most_alive = 0

    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        plan = super().load_plan(actor, student_id, revision=revision)
        self.live.add(plan)
        self.loads += 1
        self.most_alive = max(self.most_alive, len(self.live))
        return plan


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("streaming") / "plans.sqlite3"
    base = scaled_plan(courses=6, activities=3, goals=2)
    with SQLiteStore(path) as store:
        for i in range(STUDENTS):
            student = attrs.evolve(
                base.student,
                id=f"ST{i:05d}",
                school=SchoolRef(f"HS{i % 4}", "A High School"),
                cohort=2026 + i % 4,
                grade_level=9 + i % 4,
            )
            store.save_plan(ADMIN, attrs.evolve(base, student=student), base_revision=None)
    return path


def test_export_streams_from_the_store(database: Path, tmp_path: Path) -> None:
    with CountingStore(database) as store:
        manifest = export_research_from_store(store, ADMIN, tmp_path / "r", KEY, parquet=False)
        assert store.loads == 2 * STUDENTS
        assert store.most_alive <= 2
    assert manifest.students == STUDENTS
    assert manifest.rows["courses"] == STUDENTS * 6
    students = read_csv(tmp_path / "r", "students")
    pseudonyms = [s["student"] for s in students]
    assert pseudonyms == sorted(pseudonyms)  # read in pseudonym order, not student id order
    assert {s["school_id"] for s in students} == {"HS0", "HS1", "HS2", "HS3"}


def test_export_of_one_school(database: Path, tmp_path: Path) -> None:
    with SQLiteStore(database) as store:
        manifest = export_research_from_store(
            store, ADMIN, tmp_path / "r", KEY, query=PlanQuery(school_id="HS2"), parquet=False
        )
    assert manifest.students == STUDENTS // 4
    assert {s["school_id"] for s in read_csv(tmp_path / "r", "students")} == {"HS2"}
