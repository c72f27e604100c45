"""The in-memory store (``memory:``): for tests, demos and short-lived tools.

Everything lives in one process and is gone when the store is closed.  It
keeps the same rules as the database backends: immutable revisions,
optimistic concurrency, atomic writes (one lock around every operation).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import attrs

from ilpcore.audit.entries import GENESIS_HASH, AuditEntry, AuditQuery, AuditRecord, seal
from ilpcore.exceptions import NotFoundError
from ilpcore.model import Plan, SavedList, SavedListKind, Student
from ilpcore.store._rules import conflict, missing_plan, missing_revision
from ilpcore.store.base import DEFAULT_MAX_BLOB_SIZE, DEFAULT_PAGE_SIZE, PendingAudit, Store
from ilpcore.store.types import (
    Actor,
    Blob,
    BlobRef,
    Deletion,
    PlanQuery,
    PlanSummary,
    RevisionInfo,
    content_hash,
)

__all__ = ["MemoryStore"]


def _matches(q: PlanQuery, s: Student) -> bool:
    return (
        (q.school_id is None or s.school.id == q.school_id)
        and (q.cohort is None or s.cohort == q.cohort)
        and (q.grade_level is None or s.grade_level == q.grade_level)
    )


@attrs.frozen
class _Revision:
    plan: Plan
    info: RevisionInfo


class MemoryStore(Store):
    """A store that keeps everything in this process's memory.

    >>> from ilpcore.model import PersonName, Plan, Role, SchoolRef, Student
    >>> store = MemoryStore()
    >>> me = Actor("c1", Role.COUNSELOR)
    >>> student = Student("S1", PersonName("Maya", "Okafor"), 9, 2029, SchoolRef("HS1", "Central"))
    >>> plan = Plan(student)
    >>> store.save_plan(me, plan, base_revision=None).revision
    1
    """

    def __init__(self, *, max_blob_size: int = DEFAULT_MAX_BLOB_SIZE) -> None:
        self.url = "memory:"
        self.max_blob_size = max_blob_size
        self._lock = threading.Lock()
        self._revisions: dict[str, list[_Revision]] = {}
        self._blobs: dict[str, bytes] = {}
        self._blob_refs: dict[str, dict[str, str]] = {}  # student -> hash -> media type
        self._lists: dict[str, dict[str, SavedList]] = {}
        self._deletions: list[Deletion] = []
        self._audit: list[AuditEntry] = []

    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        base = self._check_save(actor, plan, base_revision)
        student_id = plan.student.id
        pending = self._take_pending()
        with self._lock:
            history = self._revisions.get(student_id, [])
            current = len(history)
            if base != current:
                raise conflict(student_id, base, current)
            stored = attrs.evolve(plan, revision=current + 1)
            info = RevisionInfo(student_id, current + 1, actor, datetime.now(UTC))
            self._revisions[student_id] = [*history, _Revision(stored, info)]
            self._commit_pending(pending)
            return stored

    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_revision(revision)
        with self._lock:
            history = self._revisions.get(student_id)
            if not history:
                raise missing_plan(student_id)
            if revision is None:
                return history[-1].plan
            if not 1 <= revision <= len(history):
                raise missing_revision(student_id, revision, len(history))
            return history[revision - 1].plan

    def current_revision(self, actor: Actor, student_id: str) -> int:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._lock:
            return len(self._revisions.get(student_id, ()))

    def plan_history(self, actor: Actor, student_id: str) -> tuple[RevisionInfo, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._lock:
            history = self._revisions.get(student_id)
            if not history:
                raise missing_plan(student_id)
            return tuple(r.info for r in history)

    def list_plans(self, actor: Actor, query: PlanQuery | None = None) -> tuple[PlanSummary, ...]:
        self._check_actor(actor)
        q = query or PlanQuery()
        with self._lock:
            found = []
            for student_id in sorted(self._revisions):
                head = self._revisions[student_id][-1]
                s = head.plan.student
                if _matches(q, s):
                    found.append(
                        PlanSummary(
                            student_id,
                            s.school.id,
                            s.cohort,
                            s.grade_level,
                            head.info.revision,
                            head.info.saved_at,
                        )
                    )
            return tuple(found)

    def iter_plans(
        self, actor: Actor, query: PlanQuery | None = None, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[Plan]:
        """The matching current plans without building summaries (``page_size`` is checked only:
        the plans are already in memory)."""
        self._check_actor(actor)
        self._check_page_size(page_size)
        return self._matching(query or PlanQuery())

    def _matching(self, q: PlanQuery) -> Iterator[Plan]:
        with self._lock:
            ids = sorted(self._revisions)
        for student_id in ids:
            with self._lock:
                history = self._revisions.get(student_id)
                plan = history[-1].plan if history else None
            if plan is None:  # deleted since the ids were taken
                continue
            if _matches(q, plan.student):
                yield plan

    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        self._check_actor(actor)
        self._check_student_id(student_id)
        pending = self._take_pending()
        with self._lock:
            held = (
                student_id in self._revisions
                or student_id in self._blob_refs
                or student_id in self._lists
            )
            if not held:
                raise NotFoundError(f"the store holds nothing about student {student_id!r}")
            revisions = len(self._revisions.pop(student_id, []))
            self._lists.pop(student_id, None)
            for digest in self._blob_refs.pop(student_id, {}):
                if not any(digest in refs for refs in self._blob_refs.values()):
                    del self._blobs[digest]
            tombstone = Deletion(student_id, actor, datetime.now(UTC), revisions)
            self._deletions.append(tombstone)
            self._commit_pending(pending)
            return tombstone

    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        self._check_actor(actor)
        with self._lock:
            return tuple(
                d for d in self._deletions if student_id is None or d.student_id == student_id
            )

    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_blob(data, media_type)
        digest = content_hash(data)
        pending = self._take_pending()
        with self._lock:
            self._blobs.setdefault(digest, bytes(data))
            self._blob_refs.setdefault(student_id, {})[digest] = media_type
            self._commit_pending(pending)
        return BlobRef(digest, media_type, len(data))

    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._lock:
            media_type = self._blob_refs.get(student_id, {}).get(content_hash)
            if media_type is None:
                raise NotFoundError(f"student {student_id!r} has no artifact {content_hash!r}")
            data = self._blobs[content_hash]
        return Blob(BlobRef(content_hash, media_type, len(data)), data)

    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._lock:
            refs = self._blob_refs.get(student_id, {})
            return tuple(BlobRef(h, refs[h], len(self._blobs[h])) for h in sorted(refs))

    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_list(saved_list)
        pending = self._take_pending()
        with self._lock:
            self._lists.setdefault(student_id, {})[saved_list.id] = saved_list
            self._commit_pending(pending)

    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._lock:
            lists = self._lists.get(student_id, {})
            return tuple(lists[k] for k in sorted(lists) if kind is None or lists[k].kind is kind)

    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        pending = self._take_pending()
        with self._lock:
            lists = self._lists.get(student_id, {})
            if list_id not in lists:
                raise NotFoundError(f"student {student_id!r} has no saved list {list_id!r}")
            del lists[list_id]
            if not lists:
                del self._lists[student_id]
            self._commit_pending(pending)

    # --- audit log -----------------------------------------------------------------------------

    def append_audit(self, record: AuditRecord) -> AuditEntry:
        with self._lock:
            return self._append_locked(record)

    def append_audits(self, records: Sequence[AuditRecord]) -> tuple[AuditEntry, ...]:
        with self._lock:
            return tuple(self._append_locked(record) for record in records)

    def audit_log(self, actor: Actor, query: AuditQuery | None = None) -> tuple[AuditEntry, ...]:
        self._check_actor(actor)
        q = query or AuditQuery()
        with self._lock:
            return tuple(e for e in self._audit if q.matches(e))

    def _append_locked(self, record: AuditRecord) -> AuditEntry:
        previous = self._audit[-1].hash if self._audit else GENESIS_HASH
        entry = seal(len(self._audit) + 1, record, previous)
        self._audit.append(entry)
        return entry

    def _commit_pending(self, pending: PendingAudit | None) -> None:
        if pending is not None:
            pending.entry = self._append_locked(pending.record)
