"""One entry of the audit log: who did what to which student's record, when, through what.

Entries form a hash chain: each entry's ``hash`` is the SHA-256 of a canonical
JSON of its fields together with the previous entry's hash, so editing,
removing, reordering or inserting an entry breaks the chain (see
:func:`ilpcore.audit.verify`).
"""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import UTC, datetime
from typing import Final

import attrs

from ilpcore.model import Role
from ilpcore.model._checks import (
    ModelBase,
    aware_datetime,
    check,
    each,
    identifier,
    instance_of,
    non_blank,
    optional,
    positive_int,
)

__all__ = [
    "GENESIS_HASH",
    "AuditAction",
    "AuditEntry",
    "AuditQuery",
    "AuditRecord",
    "Outcome",
    "entry_hash",
    "seal",
]

GENESIS_HASH: Final = "0" * 64
"""The ``previous_hash`` of the first entry of a log."""


class AuditAction(enum.Enum):
    """What kind of store operation an entry records."""

    READ = "read"
    WRITE = "write"
    SIGN_OFF = "sign_off"
    DELETE = "delete"
    LIST = "list"
    HISTORY = "history"
    BLOB_READ = "blob_read"
    BLOB_WRITE = "blob_write"
    AUDIT_READ = "audit_read"


class Outcome(enum.Enum):
    ALLOWED = "allowed"
    """The policy allowed the operation and it was done."""
    DENIED = "denied"
    """The policy denied the operation; nothing was read or changed."""
    FAILED = "failed"
    """The policy allowed the operation but the store refused it (conflict, not found...)."""


@attrs.frozen
class AuditRecord(ModelBase):
    """What happened, before the store numbers and chains it into an :class:`AuditEntry`."""

    at: datetime = attrs.field(metadata=check(aware_datetime))
    actor_id: str = attrs.field(metadata=check(identifier))
    actor_role: Role = attrs.field(metadata=check(instance_of(Role)))
    action: AuditAction = attrs.field(metadata=check(instance_of(AuditAction)))
    student_id: str | None = attrs.field(metadata=check(optional(identifier)))
    """``None`` for operations about no one student (listing, reading the log)."""
    sections: tuple[str, ...] = attrs.field(metadata=check(each(non_blank)))
    """The plan sections touched (:class:`~ilpcore.access.Section` values), sorted."""
    revision: int | None = attrs.field(metadata=check(optional(positive_int)))
    outcome: Outcome = attrs.field(metadata=check(instance_of(Outcome)))
    reason: str = attrs.field(metadata=check(non_blank))
    via: str = attrs.field(metadata=check(non_blank))
    """Through what the operation came, as the host names it (``portal:dashboard``, ``cli``)."""


@attrs.frozen
class AuditEntry(ModelBase):
    """A numbered, chained entry of the append-only audit log."""

    seq: int = attrs.field(metadata=check(positive_int))
    record: AuditRecord = attrs.field(metadata=check(instance_of(AuditRecord)))
    previous_hash: str = attrs.field(metadata=check(non_blank))
    hash: str = attrs.field(metadata=check(non_blank))


def _canonical(seq: int, record: AuditRecord, previous_hash: str) -> bytes:
    r = record
    document = {
        "seq": seq,
        "at": r.at.astimezone(UTC).isoformat(),
        "actor_id": r.actor_id,
        "actor_role": r.actor_role.value,
        "action": r.action.value,
        "student_id": r.student_id,
        "sections": list(r.sections),
        "revision": r.revision,
        "outcome": r.outcome.value,
        "reason": r.reason,
        "via": r.via,
        "previous_hash": previous_hash,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()


def entry_hash(seq: int, record: AuditRecord, previous_hash: str) -> str:
    """The SHA-256 (64 hex digits) of the canonical JSON of an entry and the previous hash."""
    return hashlib.sha256(_canonical(seq, record, previous_hash)).hexdigest()


def seal(seq: int, record: AuditRecord, previous_hash: str) -> AuditEntry:
    """The entry number ``seq`` holding ``record``, chained to ``previous_hash``."""
    return AuditEntry(seq, record, previous_hash, entry_hash(seq, record, previous_hash))


@attrs.frozen
class AuditQuery(ModelBase):
    """Which entries to return; ``None`` fields match everything, times are inclusive."""

    student_id: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    actor_id: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    action: AuditAction | None = attrs.field(
        default=None, metadata=check(optional(instance_of(AuditAction)))
    )
    since: datetime | None = attrs.field(default=None, metadata=check(optional(aware_datetime)))
    until: datetime | None = attrs.field(default=None, metadata=check(optional(aware_datetime)))

    def matches(self, entry: AuditEntry) -> bool:
        """Whether ``entry`` is one this query asks for."""
        r = entry.record
        return (
            (self.student_id is None or r.student_id == self.student_id)
            and (self.actor_id is None or r.actor_id == self.actor_id)
            and (self.action is None or r.action is self.action)
            and (self.since is None or r.at >= self.since)
            and (self.until is None or r.at <= self.until)
        )
