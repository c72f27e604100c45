"""The store rules written once in SQL, shared by the SQLite and PostgreSQL backends.

A backend supplies transactions (:meth:`SqlStore._write`, :meth:`SqlStore._read`)
whose cursor takes ``?`` placeholders, and how it stores timestamps.  The
schema (same table and column names in both) is in each backend's migrations.
"""

from __future__ import annotations

import abc
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

import attrs

from ilpcore.audit.entries import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    AuditQuery,
    AuditRecord,
    Outcome,
    seal,
)
from ilpcore.exceptions import NotFoundError, StoreError
from ilpcore.model import Plan, Role, SavedList, SavedListKind
from ilpcore.store._codec import dump_list, dump_plan, load_list, load_plan
from ilpcore.store._rules import conflict, missing_plan, missing_revision
from ilpcore.store._schema import migrate
from ilpcore.store.base import DEFAULT_PAGE_SIZE, PendingAudit, Store
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

__all__ = ["Cursor", "SqlStore"]

Row = tuple[Any, ...]


def _where(*conditions: tuple[str, object]) -> tuple[str, list[object]]:
    """A ``WHERE`` clause of the conditions whose value is set (``""`` if none), and the values."""
    kept = [(condition, value) for condition, value in conditions if value is not None]
    if not kept:
        return "", []
    return " WHERE " + " AND ".join(c for c, _ in kept), [v for _, v in kept]


class Cursor(Protocol):
    """What the shared SQL needs from a backend's transaction."""

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run a query with ``?`` placeholders and return all its rows."""

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run a statement with ``?`` placeholders and return how many rows it changed."""


class SqlStore(Store):
    """A store on a SQL database with the ilpcore schema.

    Recently saved and loaded plans are kept, keyed by their stored document
    text, so loading a revision whose document was already read skips parsing
    and validating it again.  The key is the whole document, so the cache can
    never return a plan that differs from what the database holds.
    """

    plan_cache_size: int = 128
    """How many parsed plans to keep (0: none)."""
    _plan_cache: OrderedDict[str, Plan] | None = None

    _lock: threading.RLock
    """Held around every transaction and cache access (set by the backend's constructor)."""

    def _cached(self, document: str) -> Plan:
        with self._lock:
            cache = self._plan_cache
            plan = cache.get(document) if cache is not None else None
            if cache is not None and plan is not None:
                cache.move_to_end(document)
                return plan
        plan = load_plan(document)
        self._remember(document, plan)
        return plan

    def _remember(self, document: str, plan: Plan) -> None:
        if self.plan_cache_size <= 0:
            return
        with self._lock:
            if self._plan_cache is None:
                self._plan_cache = OrderedDict()
            self._plan_cache[document] = plan
            while len(self._plan_cache) > self.plan_cache_size:
                self._plan_cache.popitem(last=False)

    @abc.abstractmethod
    def _write(self) -> AbstractContextManager[Cursor]:
        """One atomic read-write transaction: committed on success, rolled back on error."""

    @abc.abstractmethod
    def _read(self) -> AbstractContextManager[Cursor]:
        """Where reads run; each read is one statement (a miss may run another to explain it)."""

    def _migrate(self, migrations: Sequence[Sequence[str]], *, lock: str | None = None) -> None:
        """Bring the schema to the newest version in one transaction (``lock`` taken first)."""
        with self._write() as c:
            migrate(c, migrations, where=self.url, lock=lock)

    @property
    def schema_version(self) -> int:
        """The database's schema version (after opening, the newest this ilpcore knows)."""
        with self._read() as c:
            return int(c.rows("SELECT version FROM schema_version")[0][0])

    def _to_db_time(self, when: datetime) -> object:
        return when.isoformat()

    def _from_db_time(self, value: Any) -> datetime:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return when.astimezone(UTC)

    # --- plans ---------------------------------------------------------------------------------

    def save_plan(self, actor: Actor, plan: Plan, *, base_revision: int | None) -> Plan:
        base = self._check_save(actor, plan, base_revision)
        student = plan.student
        stored = attrs.evolve(plan, revision=base + 1)
        document = dump_plan(stored)
        now = self._to_db_time(datetime.now(UTC))
        columns = (student.school.id, student.cohort, student.grade_level, now)
        revision = (document, actor.id, actor.role.value, now)
        pending = self._take_pending()
        with self._write() if pending is not None else self._write_one() as c:
            if not self._save_revision(c, student.id, base, columns, revision):
                raise conflict(student.id, base, self._current_revision(c, student.id))
            self._commit_pending(c, pending)
        self._remember(document, stored)
        return stored

    def current_revision(self, actor: Actor, student_id: str) -> int:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._read() as c:
            return self._current_revision(c, student_id)

    def _write_one(self) -> AbstractContextManager[Cursor]:
        """Where :meth:`_save_revision` runs: by default a :meth:`_write` transaction."""
        return self._write()

    def _save_revision(
        self,
        c: Cursor,
        student_id: str,
        base: int,
        columns: tuple[object, ...],
        revision: tuple[object, ...],
    ) -> bool:
        """Store revision ``base + 1`` if ``base`` is still current; whether it was stored.

        ``columns`` are the student row's school id, cohort, grade level and time;
        ``revision`` the document, actor id, actor role and time.
        """
        if base == 0:
            changed = c.run(
                "INSERT INTO students (student_id, current_revision, school_id, cohort,"
                " grade_level, updated_at) VALUES (?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (student_id) DO NOTHING",
                (student_id, *columns),
            )
        else:
            changed = c.run(
                "UPDATE students SET current_revision = ?, school_id = ?, cohort = ?,"
                " grade_level = ?, updated_at = ? WHERE student_id = ? AND current_revision = ?",
                (base + 1, *columns, student_id, base),
            )
        if changed != 1:
            return False
        c.run(
            "INSERT INTO revisions (student_id, revision, document, actor_id, actor_role,"
            " saved_at) VALUES (?, ?, ?, ?, ?, ?)",
            (student_id, base + 1, *revision),
        )
        return True

    @staticmethod
    def _current_revision(c: Cursor, student_id: str) -> int:
        rows = c.rows("SELECT current_revision FROM students WHERE student_id = ?", (student_id,))
        return int(rows[0][0]) if rows else 0

    def load_plan(self, actor: Actor, student_id: str, *, revision: int | None = None) -> Plan:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_revision(revision)
        with self._read() as c:
            if revision is None:
                rows = c.rows(
                    "SELECT r.revision, r.document FROM students s JOIN revisions r"
                    " ON r.student_id = s.student_id AND r.revision = s.current_revision"
                    " WHERE s.student_id = ?",
                    (student_id,),
                )
                if not rows:
                    raise missing_plan(student_id)
            else:
                rows = c.rows(
                    "SELECT revision, document FROM revisions"
                    " WHERE student_id = ? AND revision = ?",
                    (student_id, revision),
                )
                if not rows:
                    current = self._current_revision(c, student_id)
                    if current == 0:
                        raise missing_plan(student_id)
                    raise missing_revision(student_id, revision, current)
        number, document = rows[0]
        return self._checked(student_id, number, self._cached(document))

    def _checked(self, student_id: str, number: object, plan: Plan) -> Plan:
        if plan.revision != number:
            raise StoreError(
                f"{self.url}: revision {number} of student {student_id!r} holds a plan "
                f"marked revision {plan.revision}; the database was changed outside ilpcore"
            )
        return plan

    def plan_history(self, actor: Actor, student_id: str) -> tuple[RevisionInfo, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._read() as c:
            rows = c.rows(
                "SELECT revision, actor_id, actor_role, saved_at FROM revisions"
                " WHERE student_id = ? ORDER BY revision",
                (student_id,),
            )
        if not rows:
            raise missing_plan(student_id)
        return tuple(
            RevisionInfo(student_id, int(n), Actor(a, Role(r)), self._from_db_time(t))
            for n, a, r, t in rows
        )

    def list_plans(self, actor: Actor, query: PlanQuery | None = None) -> tuple[PlanSummary, ...]:
        self._check_actor(actor)
        q = query or PlanQuery()
        where, params = _where(
            ("school_id = ?", q.school_id),
            ("cohort = ?", q.cohort),
            ("grade_level = ?", q.grade_level),
        )
        sql = (
            "SELECT student_id, school_id, cohort, grade_level, current_revision, updated_at"
            " FROM students"
        )
        with self._read() as c:
            rows = c.rows(sql + where + " ORDER BY student_id", params)
        return tuple(
            PlanSummary(s, school, int(co), int(g), int(n), self._from_db_time(t))
            for s, school, co, g, n, t in rows
        )

    def iter_plans(
        self, actor: Actor, query: PlanQuery | None = None, *, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[Plan]:
        """Pages of ``page_size`` current plans, each page one read statement (keyset paging).

        No transaction or lock is held between pages, so writers are never blocked by
        a slow consumer; the parsed plans bypass the plan cache.
        """
        self._check_actor(actor)
        size = self._check_page_size(page_size)
        return self._pages(query or PlanQuery(), size)

    def _pages(self, q: PlanQuery, size: int) -> Iterator[Plan]:
        after: str | None = None
        while True:
            where, params = _where(
                ("s.student_id > ?", after),
                ("s.school_id = ?", q.school_id),
                ("s.cohort = ?", q.cohort),
                ("s.grade_level = ?", q.grade_level),
            )
            with self._read() as c:
                rows = c.rows(
                    "SELECT s.student_id, r.revision, r.document FROM students s JOIN revisions r"
                    " ON r.student_id = s.student_id AND r.revision = s.current_revision"
                    + where
                    + " ORDER BY s.student_id LIMIT ?",
                    [*params, size],
                )
            for student_id, number, document in rows:
                yield self._checked(student_id, number, load_plan(document))
            if len(rows) < size:
                return
            after = rows[-1][0]

    # --- deletion ------------------------------------------------------------------------------

    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        self._check_actor(actor)
        self._check_student_id(student_id)
        now = datetime.now(UTC)
        pending = self._take_pending()
        with self._write() as c:
            revisions = c.run("DELETE FROM revisions WHERE student_id = ?", (student_id,))
            held = c.run("DELETE FROM students WHERE student_id = ?", (student_id,))
            held += c.run("DELETE FROM saved_lists WHERE student_id = ?", (student_id,))
            hashes = c.rows(
                "SELECT content_hash FROM blob_refs WHERE student_id = ?", (student_id,)
            )
            held += c.run("DELETE FROM blob_refs WHERE student_id = ?", (student_id,))
            if not held and not revisions:
                raise NotFoundError(f"the store holds nothing about student {student_id!r}")
            for (digest,) in hashes:
                c.run(
                    "DELETE FROM blobs WHERE content_hash = ? AND NOT EXISTS"
                    " (SELECT 1 FROM blob_refs r WHERE r.content_hash = blobs.content_hash)",
                    (digest,),
                )
            c.run(
                "INSERT INTO deletions (student_id, actor_id, actor_role, deleted_at, revisions)"
                " VALUES (?, ?, ?, ?, ?)",
                (student_id, actor.id, actor.role.value, self._to_db_time(now), revisions),
            )
            self._commit_pending(c, pending)
        return Deletion(student_id, actor, now, revisions)

    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        self._check_actor(actor)
        sql = "SELECT student_id, actor_id, actor_role, deleted_at, revisions FROM deletions"
        params: tuple[object, ...] = ()
        if student_id is not None:
            sql += " WHERE student_id = ?"
            params = (student_id,)
        with self._read() as c:
            rows = c.rows(sql + " ORDER BY seq", params)
        return tuple(
            Deletion(s, Actor(a, Role(r)), self._from_db_time(t), int(n)) for s, a, r, t, n in rows
        )

    # --- artifacts -----------------------------------------------------------------------------

    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_blob(data, media_type)
        digest = content_hash(data)
        now = self._to_db_time(datetime.now(UTC))
        pending = self._take_pending()
        with self._write() as c:
            if not c.rows("SELECT 1 FROM blobs WHERE content_hash = ?", (digest,)):
                c.run(
                    "INSERT INTO blobs (content_hash, size, data) VALUES (?, ?, ?)"
                    " ON CONFLICT (content_hash) DO NOTHING",
                    (digest, len(data), data),
                )
            c.run(
                "INSERT INTO blob_refs (student_id, content_hash, media_type, added_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (student_id, content_hash)"
                " DO UPDATE SET media_type = excluded.media_type",
                (student_id, digest, media_type, now),
            )
            self._commit_pending(c, pending)
        return BlobRef(digest, media_type, len(data))

    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._read() as c:
            rows = c.rows(
                "SELECT r.media_type, b.data FROM blob_refs r JOIN blobs b"
                " ON b.content_hash = r.content_hash"
                " WHERE r.student_id = ? AND r.content_hash = ?",
                (student_id, content_hash),
            )
        if not rows:
            raise NotFoundError(f"student {student_id!r} has no artifact {content_hash!r}")
        media_type, data = rows[0]
        data = bytes(data)
        return Blob(BlobRef(content_hash, media_type, len(data)), data)

    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        with self._read() as c:
            rows = c.rows(
                "SELECT r.content_hash, r.media_type, b.size FROM blob_refs r JOIN blobs b"
                " ON b.content_hash = r.content_hash WHERE r.student_id = ?"
                " ORDER BY r.content_hash",
                (student_id,),
            )
        return tuple(BlobRef(h, m, int(n)) for h, m, n in rows)

    # --- saved lists ---------------------------------------------------------------------------

    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_list(saved_list)
        now = self._to_db_time(datetime.now(UTC))
        pending = self._take_pending()
        with self._write() as c:
            c.run(
                "INSERT INTO saved_lists (student_id, list_id, kind, document, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (student_id, list_id) DO UPDATE SET"
                " kind = excluded.kind, document = excluded.document,"
                " updated_at = excluded.updated_at",
                (student_id, saved_list.id, saved_list.kind.value, dump_list(saved_list), now),
            )
            self._commit_pending(c, pending)

    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        sql = "SELECT document FROM saved_lists WHERE student_id = ?"
        params: tuple[object, ...] = (student_id,)
        if kind is not None:
            sql += " AND kind = ?"
            params = (student_id, kind.value)
        with self._read() as c:
            rows = c.rows(sql + " ORDER BY list_id", params)
        return tuple(load_list(d) for (d,) in rows)

    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        pending = self._take_pending()
        with self._write() as c:
            if not c.run(
                "DELETE FROM saved_lists WHERE student_id = ? AND list_id = ?",
                (student_id, list_id),
            ):
                raise NotFoundError(f"student {student_id!r} has no saved list {list_id!r}")
            self._commit_pending(c, pending)

    # --- audit log -----------------------------------------------------------------------------

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

    def _commit_pending(self, c: Cursor, pending: PendingAudit | None) -> None:
        if pending is not None:
            pending.entry = self._append_in(c, pending.record)

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
        where, params = _where(
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
        with self._read() as c:
            rows = c.rows(sql + where + " ORDER BY seq", params)
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
