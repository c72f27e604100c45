"""apply_import: idempotent, one save per student, held-back students untouched, races retried."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from ilpcore.exceptions import ConflictError, NotFoundError
from ilpcore.interop import ImportBatch, ImportOutcome, RejectedRow, StudentRecord, apply_import
from ilpcore.model import Goal, GoalCategory, PersonName, Plan, Role, SchoolRef, Student
from ilpcore.store import Actor, MemoryStore, Store, open_store
from tests.interop.strategies import batches

CLERK = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)
COUNSELOR = Actor("c-reyes", Role.COUNSELOR)
SCHOOL = SchoolRef("HS1", "Central High")
ANA = Student("S1", PersonName("Ana", "Diaz"), 10, 2028, SCHOOL)
BEN = Student("S2", PersonName("Ben", "Cho"), 11, 2027, SCHOOL)


@contextmanager
def _sqlite_store() -> Iterator[Store]:
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(f"sqlite:///{Path(folder) / 'ilp.db'}") as store,
    ):
        yield store


def _revisions(store: Store, batch: ImportBatch) -> dict[str, int]:
    out = {}
    for record in batch.students:
        try:
            out[record.student.id] = store.current_revision(CLERK, record.student.id)
        except NotFoundError:
            out[record.student.id] = 0
    return out


def _check_second_import_changes_nothing(store: Store, batch: ImportBatch) -> None:
    first = apply_import(store, CLERK, batch)
    before = _revisions(store, batch)
    second = apply_import(store, CLERK, batch)
    assert _revisions(store, batch) == before
    assert not second.changed
    assert set(second.ids(ImportOutcome.UNCHANGED)) == set(first.ids(ImportOutcome.CREATED)) | set(
        first.ids(ImportOutcome.UPDATED)
    ) | set(first.ids(ImportOutcome.UNCHANGED))


@settings(max_examples=25, deadline=None)
@given(batches(rejected=False) | batches(rejected=True))
def test_importing_twice_creates_no_revisions_in_memory(batch: ImportBatch) -> None:
    _check_second_import_changes_nothing(MemoryStore(), batch)


@settings(max_examples=12, deadline=None)
@given(batches(max_students=3))
def test_importing_twice_creates_no_revisions_in_sqlite(batch: ImportBatch) -> None:
    with _sqlite_store() as store:
        _check_second_import_changes_nothing(store, batch)


@settings(max_examples=20, deadline=None)
@given(batches(rejected=True))
def test_a_student_with_a_rejected_row_is_never_written(batch: ImportBatch) -> None:
    store = MemoryStore()
    report = apply_import(store, CLERK, batch)
    held = batch.held_back()
    assert set(report.ids(ImportOutcome.HELD_BACK)) == held
    for student_id in held:
        with pytest.raises(NotFoundError):
            store.load_plan(CLERK, student_id)
    assert report.rejected == batch.rejected
    assert report.counts()["rejected_rows"] == len(batch.rejected)


def test_a_held_back_student_keeps_the_plan_they_had() -> None:
    store = MemoryStore()
    saved = store.save_plan(CLERK, Plan(ANA), base_revision=None)
    moved = attrs.evolve(ANA, grade_level=11)
    batch = ImportBatch(
        "t", (StudentRecord(moved),), (RejectedRow("users.csv", 3, "bad grade", ANA.id),)
    )
    report = apply_import(store, CLERK, batch)
    assert report.students[0].outcome is ImportOutcome.HELD_BACK
    assert report.students[0].revision == saved.revision
    assert store.load_plan(CLERK, ANA.id) == saved


def _interfering(store: MemoryStore, times: int) -> None:
    """Make the next ``times`` loads be followed by another writer's save (a race)."""
    load = store.load_plan
    left = [times]

    def racing_load(actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        plan = load(actor, student_id, revision=revision)
        if left[0] > 0:
            left[0] -= 1
            goal = Goal(f"G{left[0]}", "Shadow a nurse", GoalCategory.CAREER)
            store.save_plan(
                COUNSELOR,
                attrs.evolve(plan, goals=(*plan.goals, goal)),
                base_revision=plan.revision,
            )
        return plan

    store.load_plan = racing_load  # type: ignore[method-assign]


def test_a_save_between_load_and_save_is_retried_on_top_of_it() -> None:
    store = MemoryStore()
    store.save_plan(CLERK, Plan(ANA), base_revision=None)
    _interfering(store, times=2)
    report = apply_import(
        store, CLERK, ImportBatch("t", (StudentRecord(attrs.evolve(ANA, grade_level=11)),))
    )
    assert report.students[0].outcome is ImportOutcome.UPDATED
    plan = store.load_plan(CLERK, ANA.id)
    assert plan.student.grade_level == 11
    assert [g.id for g in plan.goals] == ["G1", "G0"]
    assert plan.revision == report.students[0].revision == 4


def test_endless_races_end_in_a_conflict_error() -> None:
    store = MemoryStore()
    store.save_plan(CLERK, Plan(ANA), base_revision=None)
    _interfering(store, times=10)
    with pytest.raises(ConflictError):
        apply_import(
            store, CLERK, ImportBatch("t", (StudentRecord(attrs.evolve(ANA, grade_level=11)),))
        )


def test_progress_counts_every_student() -> None:
    calls: list[tuple[int, int]] = []
    batch = ImportBatch(
        "t",
        (StudentRecord(ANA), StudentRecord(BEN)),
        (RejectedRow("users.csv", 4, "bad", BEN.id),),
    )
    apply_import(
        MemoryStore(), CLERK, batch, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(1, 2), (2, 2)]
    calls.clear()
    apply_import(
        MemoryStore(), CLERK, ImportBatch("empty"), progress=lambda d, t: calls.append((d, t))
    )
    assert calls == []
