"""The one store interface that every backend (memory, SQLite, PostgreSQL, plugins) implements."""

from __future__ import annotations

import abc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Final, Self

from ilpcore.audit.entries import AuditEntry, AuditQuery, AuditRecord
from ilpcore.exceptions import BlobTooLargeError, NotFoundError, ValidationError
from ilpcore.model import Plan, SavedItem, SavedList, SavedListKind
from ilpcore.model._checks import identifier
from ilpcore.store.types import (
    Actor,
    Blob,
    BlobRef,
    Deletion,
    PlanQuery,
    PlanSummary,
    RevisionInfo,
    media_type_problem,
)

__all__ = ["DEFAULT_MAX_BLOB_SIZE", "DEFAULT_PAGE_SIZE", "PendingAudit", "Store"]

DEFAULT_MAX_BLOB_SIZE: Final = 25 * 1024 * 1024
"""The default size limit of one artifact's content: 25 MiB."""
DEFAULT_PAGE_SIZE: Final = 256
"""How many plans :meth:`Store.iter_plans` reads from the backend at a time."""


class PendingAudit:
    """An audit record waiting for the next write of this thread (see :meth:`Store.recording`)."""

    __slots__ = ("entry", "record")

    def __init__(self, record: AuditRecord) -> None:
        self.record = record
        self.entry: AuditEntry | None = None
        """The entry appended for :attr:`record`, once the write committed it."""


_PENDING_LOCK = threading.Lock()


class Store(abc.ABC):
    """Plans, their revision history, artifacts and saved lists, for many students.

    Every save of a plan is a new immutable revision.  A save states the
    revision it was based on (``None`` for a new plan); when that is not the
    current revision the save raises :class:`~ilpcore.exceptions.ConflictError`
    and changes nothing.  Every operation takes the acting :class:`Actor`.
    Every write is atomic.  Use a store as a context manager, or call
    :meth:`close`.
    """

    url: str
    """The URL the store was opened with (without any password)."""
    max_blob_size: int = DEFAULT_MAX_BLOB_SIZE
    """Artifacts larger than this many bytes are refused."""

    # --- plans ---------------------------------------------------------------------------------

    @abc.abstractmethod
    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        """Save ``plan`` as the next revision of its student's plan and return it as stored.

        ``base_revision`` is the revision the edit started from: ``None`` (or 0)
        for a student without a plan.  The stored plan's ``revision`` is the new
        revision number (the base plus one).
        """

    @abc.abstractmethod
    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        """The current plan of ``student_id``, or the given earlier ``revision``.

        Raises :class:`~ilpcore.exceptions.NotFoundError` when there is none.
        """

    def current_revision(self, actor: Actor, student_id: str) -> int:
        """The number of the student's current revision; 0 when the student has no plan.

        Pass it as ``base_revision`` to save over whatever is there now.
        """
        try:
            return self.load_plan(actor, student_id).revision
        except NotFoundError:
            return 0

    @abc.abstractmethod
    def plan_history(self, actor: Actor, student_id: str) -> tuple[RevisionInfo, ...]:
        """Every revision of the student's plan, oldest first, with who saved it and when."""

    @abc.abstractmethod
    def list_plans(self, actor: Actor, query: PlanQuery | None = None) -> tuple[PlanSummary, ...]:
        """Summaries of the current plans that match ``query``, ordered by student id."""

    def iter_plans(
        self, actor: Actor, query: PlanQuery | None = None, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[Plan]:
        """The current plans that match ``query``, one at a time, ordered by student id.

        For batch work over many students: backends read ``page_size`` plans at a
        time, so memory is bounded by the page, not the number of students.  Each
        plan is a complete, consistent revision, but the stream is not a snapshot:
        a plan saved or deleted while it runs may or may not be seen.

        This default lists the students (:meth:`list_plans`) and loads each plan
        (:meth:`load_plan`); the SQL backends override it with paged reads, and
        :class:`~ilpcore.access.guarded.GuardedStore` streams the wrapped store's,
        deciding and logging every plan.
        """
        self._check_actor(actor)
        self._check_page_size(page_size)
        return self._iter_listed(actor, query)

    def _iter_listed(self, actor: Actor, query: PlanQuery | None) -> Iterator[Plan]:
        for summary in self.list_plans(actor, query):
            try:
                yield self.load_plan(actor, summary.student_id)
            except NotFoundError:  # deleted since it was listed
                continue

    # --- deletion ------------------------------------------------------------------------------

    @abc.abstractmethod
    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        """Delete everything about ``student_id`` and record a tombstone saying who and when.

        Removes every plan revision, artifact reference (and content no other
        student refers to) and saved list.  Raises
        :class:`~ilpcore.exceptions.NotFoundError` when the store holds nothing
        about the student.
        """

    @abc.abstractmethod
    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        """The deletion log (oldest first), optionally for one student."""

    # --- artifacts -----------------------------------------------------------------------------

    @abc.abstractmethod
    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        """Store an artifact's content for ``student_id``; the same bytes are stored once.

        Raises :class:`~ilpcore.exceptions.BlobTooLargeError` above :attr:`max_blob_size`.
        """

    @abc.abstractmethod
    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        """The content of one of the student's artifacts, by its hash."""

    @abc.abstractmethod
    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        """The student's artifact contents, ordered by hash."""

    # --- saved lists ---------------------------------------------------------------------------

    @abc.abstractmethod
    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        """Save (or replace, by its id) one of the student's named lists."""

    @abc.abstractmethod
    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        """The student's saved lists (of one ``kind``, or all), ordered by id."""

    @abc.abstractmethod
    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        """Remove one saved list; :class:`~ilpcore.exceptions.NotFoundError` if there is none."""

    def favorites(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedItem, ...]:
        """The items marked favorite in the student's saved lists, first occurrence of each key."""
        seen: set[str] = set()
        found: list[SavedItem] = []
        for saved in self.load_lists(actor, student_id, kind):
            for item in saved.favorites:
                if item.key not in seen:
                    seen.add(item.key)
                    found.append(item)
        return tuple(found)

    # --- audit log ----------------------------------------------------------------------------

    @abc.abstractmethod
    def append_audit(self, record: AuditRecord) -> AuditEntry:
        """Append ``record`` to the audit log as the next entry, numbered and hash-chained.

        The log is append-only: the store has no operation that edits or removes entries.
        """

    def append_audits(self, records: Sequence[AuditRecord]) -> tuple[AuditEntry, ...]:
        """Append ``records`` in order as consecutive entries, like :meth:`append_audit` each.

        The SQL backends append them in one transaction (one synced write for the
        lot), so a batch reader can log a page of reads at the cost of one read.
        """
        return tuple(self.append_audit(record) for record in records)

    @abc.abstractmethod
    def audit_log(self, actor: Actor, query: AuditQuery | None = None) -> tuple[AuditEntry, ...]:
        """The audit entries matching ``query`` (all of them without one), oldest first."""

    @contextmanager
    def recording(self, record: AuditRecord) -> Iterator[PendingAudit]:
        """Append ``record`` in the same transaction as the next write this thread makes.

        Inside the ``with`` block, the first write operation (save, delete, put
        blob, save or delete a list) appends the record atomically with its
        change and sets the yielded :attr:`PendingAudit.entry`.  When the write
        fails nothing is appended and ``entry`` stays ``None``.
        """
        slot = self._pending_slot()
        pending = PendingAudit(record)
        slot.pending = pending
        try:
            yield pending
        finally:
            slot.pending = None

    def _pending_slot(self) -> threading.local:
        slot = self.__dict__.get("_audit_pending")
        if slot is None:
            with _PENDING_LOCK:
                slot = self.__dict__.setdefault("_audit_pending", threading.local())
        assert isinstance(slot, threading.local)
        return slot

    def _take_pending(self) -> PendingAudit | None:
        """The record waiting for this write (see :meth:`recording`), handed out once."""
        slot = self._pending_slot()
        pending: PendingAudit | None = getattr(slot, "pending", None)
        slot.pending = None
        return pending

    # --- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:  # noqa: B027 - a no-op unless the backend holds resources
        """Release the store's connections; the store must not be used afterwards."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"

    # --- argument checks shared by the backends ------------------------------------------------

    @staticmethod
    def _check_actor(actor: object) -> Actor:
        if not isinstance(actor, Actor):
            raise ValidationError.at("actor", f"must be an Actor, not {type(actor).__name__}")
        return actor

    @staticmethod
    def _check_student_id(student_id: object) -> str:
        problem = identifier(student_id)
        if problem is not None:
            raise ValidationError.at("student_id", str(problem))
        assert isinstance(student_id, str)
        return student_id

    @staticmethod
    def _check_page_size(page_size: object) -> int:
        if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
            raise ValidationError.at(
                "page_size", f"must be a whole number of at least 1, not {page_size!r}"
            )
        return page_size

    @staticmethod
    def _check_revision(revision: object) -> int | None:
        if revision is not None and (
            not isinstance(revision, int) or isinstance(revision, bool) or revision < 1
        ):
            raise ValidationError.at(
                "revision", f"must be None or a revision number ≥ 1, not {revision!r}"
            )
        return revision

    @staticmethod
    def _check_save(actor: object, plan: object, base_revision: object) -> int:
        """Check a save's arguments; the base revision, with ``None`` as 0."""
        Store._check_actor(actor)
        if not isinstance(plan, Plan):
            raise ValidationError.at("plan", f"must be a Plan, not {type(plan).__name__}")
        if base_revision is None:
            return 0
        if (
            not isinstance(base_revision, int)
            or isinstance(base_revision, bool)
            or base_revision < 0
        ):
            raise ValidationError.at(
                "base_revision", f"must be None or a whole number ≥ 0, not {base_revision!r}"
            )
        return base_revision

    @staticmethod
    def _check_list(saved_list: object) -> SavedList:
        if not isinstance(saved_list, SavedList):
            raise ValidationError.at(
                "saved_list", f"must be a SavedList, not {type(saved_list).__name__}"
            )
        return saved_list

    def _check_blob(self, data: object, media_type: object) -> None:
        if not isinstance(data, bytes):
            raise ValidationError.at("data", f"must be bytes, not {type(data).__name__}")
        problem = media_type_problem(media_type)
        if problem is not None:
            raise ValidationError.at("media_type", problem)
        if len(data) > self.max_blob_size:
            raise BlobTooLargeError(
                f"artifact of {len(data)} bytes is larger than the limit of "
                f"{self.max_blob_size} bytes of {self.url}"
            )
