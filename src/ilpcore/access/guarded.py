"""A store that asks the access policy before every operation and logs every one.

:class:`GuardedStore` wraps any :class:`~ilpcore.store.Store` and has the same
API.  Each call is decided by the policy for the acting user, and leaves
exactly one entry in the store's audit log (allowed, denied or failed).  A
denied call raises :class:`~ilpcore.exceptions.AccessDeniedError` and changes
nothing.  See ``docs/audit.md`` for what each operation needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Final

from ilpcore.access._guarded_plans import GuardedPlans
from ilpcore.access.policy import DEFAULT_POLICY, AccessPolicy
from ilpcore.access.relationships import Relationships
from ilpcore.access.sections import Action, Section
from ilpcore.audit.entries import AuditAction, AuditEntry, AuditQuery, AuditRecord
from ilpcore.model import Role, SavedList, SavedListKind
from ilpcore.store.base import Store
from ilpcore.store.types import Actor, Blob, BlobRef, Deletion

__all__ = ["AUDIT_READERS", "GuardedStore"]

AUDIT_READERS: Final = frozenset({Role.DISTRICT_ADMINISTRATOR})
"""The roles that may read the audit log and the deletion log by default."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class GuardedStore(GuardedPlans):
    """``store`` seen through ``policy``: every operation decided and audited.

    ``relationships`` says who is whose guardian, caseload and school;
    ``clock`` gives the time of entries and the day for the age-18 rule;
    ``via`` names the channel in every entry (e.g. ``"portal:counselor-dashboard"``).
    """

    def __init__(
        self,
        store: Store,
        *,
        policy: AccessPolicy = DEFAULT_POLICY,
        relationships: Relationships | None = None,
        clock: Callable[[], datetime] = _utc_now,
        via: str = "library",
        audit_readers: Iterable[Role] = AUDIT_READERS,
    ) -> None:
        self.inner = store
        self.url = store.url
        self.max_blob_size = store.max_blob_size
        self.policy = policy
        self.relationships = relationships or Relationships()
        self.clock = clock
        self.via = via
        self.audit_readers = frozenset(audit_readers)

    # --- deletion ------------------------------------------------------------------------------

    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        """Needs write access to the identity section (by default: administrators)."""
        return self._guard(
            actor, student_id, AuditAction.DELETE, Action.WRITE, Section.IDENTITY,
            lambda: self.inner.delete_student(actor, student_id), write=True,
        )  # fmt: skip

    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        """The deletion log, for the :data:`AUDIT_READERS` roles."""
        return self._audit_read(actor, student_id, lambda: self.inner.deletions(actor, student_id))

    # --- artifacts -----------------------------------------------------------------------------

    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        self._check_blob(data, media_type)
        return self._guard(
            actor, student_id, AuditAction.BLOB_WRITE, Action.WRITE, Section.PORTFOLIO,
            lambda: self.inner.put_blob(actor, student_id, data, media_type), write=True,
        )  # fmt: skip

    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        return self._guard(
            actor, student_id, AuditAction.BLOB_READ, Action.READ, Section.PORTFOLIO,
            lambda: self.inner.get_blob(actor, student_id, content_hash),
        )  # fmt: skip

    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        return self._guard(
            actor, student_id, AuditAction.BLOB_READ, Action.READ, Section.PORTFOLIO,
            lambda: self.inner.list_blobs(actor, student_id),
        )  # fmt: skip

    # --- saved lists ---------------------------------------------------------------------------

    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        self._check_list(saved_list)
        self._guard(
            actor, student_id, AuditAction.WRITE, Action.WRITE, Section.SAVED_LISTS,
            lambda: self.inner.save_list(actor, student_id, saved_list), write=True,
        )  # fmt: skip

    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        return self._guard(
            actor, student_id, AuditAction.READ, Action.READ, Section.SAVED_LISTS,
            lambda: self.inner.load_lists(actor, student_id, kind),
        )  # fmt: skip

    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        self._guard(
            actor, student_id, AuditAction.WRITE, Action.WRITE, Section.SAVED_LISTS,
            lambda: self.inner.delete_list(actor, student_id, list_id), write=True,
        )  # fmt: skip

    # --- audit log -----------------------------------------------------------------------------

    def append_audit(self, record: AuditRecord) -> AuditEntry:
        """Append a record of the host's own (passed through unchecked: the host is trusted)."""
        return self.inner.append_audit(record)

    def append_audits(self, records: Sequence[AuditRecord]) -> tuple[AuditEntry, ...]:
        """Append records of the host's own, in one write where the store can (unchecked)."""
        return self.inner.append_audits(records)

    def audit_log(self, actor: Actor, query: AuditQuery | None = None) -> tuple[AuditEntry, ...]:
        """The log, for the :data:`AUDIT_READERS` roles; the reading is logged after it."""
        student_id = query.student_id if query is not None else None
        return self._audit_read(actor, student_id, lambda: self.inner.audit_log(actor, query))

    def close(self) -> None:
        """Close the wrapped store."""
        self.inner.close()
