"""What every part of the shared SQL store stands on: the cursor, transactions, times, cache.

A backend supplies transactions (:meth:`SqlBase._write`, :meth:`SqlBase._read`)
whose cursor takes ``?`` placeholders, and how it stores timestamps.  The
schema (same table and column names in both) is in each backend's migrations.
"""

from __future__ import annotations

import abc
import threading
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from ilpcore.audit.entries import AuditEntry, AuditRecord
from ilpcore.model import Plan
from ilpcore.store._codec import load_plan
from ilpcore.store._schema import migrate
from ilpcore.store.base import PendingAudit, Store

__all__ = ["Cursor", "Row", "SqlBase", "where_clause"]

Row = tuple[Any, ...]


def where_clause(*conditions: tuple[str, object]) -> tuple[str, list[object]]:
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


class SqlBase(Store):
    """The transactions, time columns, schema and plan cache the SQL store parts share.

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

    def _select(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """The rows of one read statement."""
        with self._read() as c:
            return c.rows(sql, params)

    @property
    def schema_version(self) -> int:
        """The database's schema version (after opening, the newest this ilpcore knows)."""
        return int(self._select("SELECT version FROM schema_version")[0][0])

    def _to_db_time(self, when: datetime) -> object:
        return when.isoformat()

    def _from_db_time(self, value: Any) -> datetime:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        return when.astimezone(UTC)

    @abc.abstractmethod
    def _append_in(self, c: Cursor, record: AuditRecord) -> AuditEntry:
        """Append ``record`` to the audit log inside the transaction of ``c``."""

    def _commit_pending(self, c: Cursor, pending: PendingAudit | None) -> None:
        """Append the entry a write was recording in the write's own transaction."""
        if pending is not None:
            pending.entry = self._append_in(c, pending.record)
