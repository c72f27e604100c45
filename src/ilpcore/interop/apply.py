"""Applying an import batch to a store: one atomic save per student, idempotent."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from ilpcore.exceptions import ConflictError, NotFoundError
from ilpcore.interop.batch import ImportBatch, RejectedRow, StudentRecord
from ilpcore.interop.merge import merge_student
from ilpcore.model import Plan
from ilpcore.store import Actor, Store

__all__ = ["ImportOutcome", "ImportReport", "StudentOutcome", "apply_import"]

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each student."""

_RETRIES = 3
"""Saves retried when someone else saved the student's plan between our load and save."""


class ImportOutcome(enum.Enum):
    """What an import did to one student's plan."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    HELD_BACK = "held_back"
    """Not imported: at least one of the student's rows was rejected."""


@attrs.frozen
class StudentOutcome:
    """One student's outcome and the revision their plan is at afterwards (0: no plan)."""

    student_id: str
    outcome: ImportOutcome
    revision: int


@attrs.frozen
class ImportReport:
    """What :func:`apply_import` did, student by student, and every rejected row."""

    source: str
    students: tuple[StudentOutcome, ...]
    rejected: tuple[RejectedRow, ...]

    def ids(self, outcome: ImportOutcome) -> tuple[str, ...]:
        """The students with ``outcome``, in import order."""
        return tuple(s.student_id for s in self.students if s.outcome is outcome)

    def counts(self) -> dict[str, int]:
        """How many students had each outcome, and how many rows were rejected."""
        counts = {o.value: 0 for o in ImportOutcome}
        for s in self.students:
            counts[s.outcome.value] += 1
        counts["rejected_rows"] = len(self.rejected)
        return counts

    @property
    def changed(self) -> bool:
        """Whether any plan was created or updated."""
        return any(
            s.outcome in (ImportOutcome.CREATED, ImportOutcome.UPDATED) for s in self.students
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready values."""
        return {
            "source": self.source,
            "counts": self.counts(),
            "students": [
                {"student_id": s.student_id, "outcome": s.outcome.value, "revision": s.revision}
                for s in self.students
            ],
            "rejected": [r.to_dict() for r in self.rejected],
        }


def _current(store: Store, actor: Actor, student_id: str) -> Plan | None:
    try:
        return store.load_plan(actor, student_id)
    except NotFoundError:
        return None


def _apply_one(store: Store, actor: Actor, record: StudentRecord) -> StudentOutcome:
    student_id = record.student.id
    for attempt in range(_RETRIES):
        current = _current(store, actor, student_id)
        merged = merge_student(current, record)
        if current is not None and merged == current:
            return StudentOutcome(student_id, ImportOutcome.UNCHANGED, current.revision)
        base = None if current is None else current.revision
        try:
            saved = store.save_plan(actor, merged, base_revision=base)
        except ConflictError:
            if attempt == _RETRIES - 1:
                raise
            continue
        outcome = ImportOutcome.CREATED if current is None else ImportOutcome.UPDATED
        return StudentOutcome(student_id, outcome, saved.revision)
    raise AssertionError("unreachable")  # pragma: no cover


def apply_import(
    store: Store, actor: Actor, batch: ImportBatch, *, progress: Progress | None = None
) -> ImportReport:
    """Merge every student of ``batch`` into ``store`` as ``actor``.

    Each student's plan is written in one save (atomic): a student is either
    fully imported or not at all.  Students with a rejected row are held back
    whole.  A plan that the merge would not change is not saved, so re-running
    the same import creates no revisions.  When another writer saves a
    student's plan meanwhile, the merge is redone on top of it.
    """
    held_back = batch.held_back()
    outcomes: list[StudentOutcome] = []
    total = len(batch.students)
    for done, record in enumerate(batch.students, 1):
        student_id = record.student.id
        if student_id in held_back:
            current = _current(store, actor, student_id)
            revision = 0 if current is None else current.revision
            outcomes.append(StudentOutcome(student_id, ImportOutcome.HELD_BACK, revision))
        else:
            outcomes.append(_apply_one(store, actor, record))
        if progress is not None:
            progress(done, total)
    return ImportReport(batch.source, tuple(outcomes), batch.rejected)
