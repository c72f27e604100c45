"""The tamper-evident audit log: who read or changed which student's record, when, how.

Every operation of a :class:`~ilpcore.access.guarded.GuardedStore` appends one
:class:`AuditEntry` to its store's log, allowed or denied.  Entries are chained
by SHA-256 hashes; :func:`verify` finds an edited, removed, reordered or
inserted entry.  See ``docs/audit.md``.
"""

from ilpcore.audit.entries import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    AuditQuery,
    AuditRecord,
    Outcome,
    entry_hash,
    seal,
)
from ilpcore.audit.verify import ChainCheck, verify

__all__ = [
    "GENESIS_HASH",
    "AuditAction",
    "AuditEntry",
    "AuditQuery",
    "AuditRecord",
    "ChainCheck",
    "Outcome",
    "entry_hash",
    "seal",
    "verify",
]
