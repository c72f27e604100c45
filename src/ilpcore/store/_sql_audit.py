"""The audit log in SQL: one hash chain, appended inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ilpcore.audit.entries import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    AuditQuery,
    AuditRecord,
    Outcome,
    seal,
)
from ilpcore.model import Role
from ilpcore.store._sql_base import Cursor, Row, SqlBase, where_clause
from ilpcore.store.types import Actor

__all__ = ["SqlAuditLog"]


class SqlAuditLog(SqlBase):
    """The ``audit_log`` table: appending entries and querying them."""

    _audit_lock: str | None = None
    """A statement run first in a transaction that appends to the log (serializes appends)."""

    def append_audit(self, record: AuditRecord) -> AuditEntry:
        with self._write() as c:
            return self._append_in(c, record)

    def append_audits(self, records: Sequence[AuditRecord]) -> tuple[AuditEntry, ...]:
        if not records:
            return ()
        with self._write() as c:
            return tuple(self._append_in(c, record) for record in records)

    def _audit_time(self, when: datetime) -> object:
        utc = when.astimezone(UTC)
        stored = self._to_db_time(utc)
        return utc.isoformat(timespec="microseconds") if isinstance(stored, str) else stored

    def _append_in(self, c: Cursor, record: AuditRecord) -> AuditEntry:
        if self._audit_lock is not None:
            c.rows(self._audit_lock)
        rows = c.rows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        seq, previous = (int(rows[0][0]) + 1, str(rows[0][1])) if rows else (1, GENESIS_HASH)
        entry = seal(seq, record, previous)
        r = record
        c.run(
            "INSERT INTO audit_log (seq, at, actor_id, actor_role, action, student_id, sections,"
            " revision, outcome, reason, via, previous_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq, self._audit_time(r.at), r.actor_id, r.actor_role.value, r.action.value,
                r.student_id, ",".join(r.sections), r.revision, r.outcome.value, r.reason, r.via,
                entry.previous_hash, entry.hash,
            ),
        )  # fmt: skip
        return entry

    def audit_log(self, actor: Actor, query: AuditQuery | None = None) -> tuple[AuditEntry, ...]:
        self._check_actor(actor)
        q = query or AuditQuery()
        where, params = where_clause(
            ("student_id = ?", q.student_id),
            ("actor_id = ?", q.actor_id),
            ("action = ?", q.action.value if q.action is not None else None),
            ("at >= ?", self._audit_time(q.since) if q.since is not None else None),
            ("at <= ?", self._audit_time(q.until) if q.until is not None else None),
        )
        sql = (
            "SELECT seq, at, actor_id, actor_role, action, student_id, sections, revision,"
            " outcome, reason, via, previous_hash, hash FROM audit_log"
        )
        rows = self._select(sql + where + " ORDER BY seq", params)
        return tuple(self._audit_entry(row) for row in rows)

    def _audit_entry(self, row: Row) -> AuditEntry:
        seq, at, actor_id, role, action, student_id, sections, revision = row[:8]
        outcome, reason, via, previous_hash, digest = row[8:]
        record = AuditRecord(
            self._from_db_time(at), actor_id, Role(role), AuditAction(action), student_id,
            tuple(sections.split(",")) if sections else (),
            int(revision) if revision is not None else None, Outcome(outcome), reason, via,
        )  # fmt: skip
        return AuditEntry(int(seq), record, previous_hash, digest)
