"""The PostgreSQL store (``postgresql://user@host:port/database``), for districts.

Needs psycopg 3: ``pip install 'ilpcore[postgres]'``.  Writes run in
transactions at READ COMMITTED; a save updates the student's row only if its
current revision is still the one the save was based on, so of two
concurrent saves from the same base exactly one wins and the other raises
:class:`~ilpcore.exceptions.ConflictError`.  Opening a database migrates its
schema under an advisory lock, so many processes may open it at once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Final

from ilpcore.exceptions import StoreError, StoreURLError
from ilpcore.store._schema import POSTGRES_MIGRATIONS
from ilpcore.store._sql import Cursor, Row, SqlStore
from ilpcore.store.base import DEFAULT_MAX_BLOB_SIZE
from ilpcore.store.url import redact_url

if TYPE_CHECKING:
    import psycopg

__all__ = ["AUDIT_LOCK_KEY", "MIGRATION_LOCK_KEY", "PostgresStore"]

MIGRATION_LOCK_KEY: Final = 0x1_1C_C0_5E
"""The advisory lock held while a schema is migrated."""
AUDIT_LOCK_KEY: Final = 0x1_1C_A0_D1
"""The advisory lock held while an entry is appended to the audit log (one chain, no forks)."""
_SCHEMA_NAME: Final = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class _PgCursor:
    __slots__ = ("_cur",)

    def __init__(self, cur: psycopg.Cursor[Row]) -> None:
        self._cur = cur

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        self._cur.execute(sql.replace("?", "%s"), tuple(params))
        return self._cur.fetchall() if self._cur.description is not None else []

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        self._cur.execute(sql.replace("?", "%s"), tuple(params))
        return self._cur.rowcount


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database (optionally in its own ``schema``).

    ``schema`` names a PostgreSQL schema (created if missing) that holds the
    tables, so several stores can share one database.
    """

    def __init__(
        self,
        url: str,
        *,
        schema: str | None = None,
        max_blob_size: int = DEFAULT_MAX_BLOB_SIZE,
        connect_timeout: int = 10,
    ) -> None:
        try:
            import psycopg
        except ImportError as e:
            raise StoreError(
                "the PostgreSQL store needs psycopg 3: pip install 'ilpcore[postgres]'"
            ) from e
        self._psycopg = psycopg
        self.url = redact_url(url)
        self.max_blob_size = max_blob_size
        self._lock = threading.RLock()
        if schema is not None and not _SCHEMA_NAME.fullmatch(schema):
            raise StoreURLError(f"{schema!r} is not a plain lower-case PostgreSQL schema name")
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to the PostgreSQL store {self.url}: {e}") from e
        try:
            if schema is not None:
                self._conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
                self._conn.execute(f"SET search_path TO {schema}")
            self._migrate(
                POSTGRES_MIGRATIONS, lock=f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"
            )
        except BaseException:
            self._conn.close()
            raise

    _audit_lock = f"SELECT pg_advisory_xact_lock({AUDIT_LOCK_KEY})"

    def _to_db_time(self, when: datetime) -> object:
        return when

    @contextmanager
    def _transaction(self) -> Iterator[_PgCursor]:
        psycopg = self._psycopg
        with self._lock:
            try:
                with self._conn.transaction(), self._conn.cursor() as cur:
                    yield _PgCursor(cur)
            except psycopg.Error as e:
                raise StoreError(f"{self.url}: {e}; nothing was changed") from e

    @contextmanager
    def _statements(self) -> Iterator[_PgCursor]:
        """Statements each committed on their own (autocommit), for one-statement work."""
        psycopg = self._psycopg
        with self._lock:
            try:
                with self._conn.cursor() as cur:
                    yield _PgCursor(cur)
            except psycopg.Error as e:
                raise StoreError(f"{self.url}: {e}; nothing was changed") from e

    def _write(self) -> AbstractContextManager[Cursor]:
        return self._transaction()

    def _write_one(self) -> AbstractContextManager[Cursor]:
        return self._statements()

    def _read(self) -> AbstractContextManager[Cursor]:
        # every read is one statement (a miss may run a second one to explain itself)
        return self._statements()

    def _save_revision(
        self,
        c: Cursor,
        student_id: str,
        base: int,
        columns: tuple[object, ...],
        revision: tuple[object, ...],
    ) -> bool:
        # One statement, so one round trip and atomic on its own: the student's row is
        # inserted (or updated from the base revision) and the revision stored only if so.
        if base == 0:
            sql = (
                "WITH s AS (INSERT INTO students (student_id, current_revision, school_id,"
                " cohort, grade_level, updated_at) VALUES (?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (student_id) DO NOTHING RETURNING student_id, current_revision)"
            )
            params: tuple[object, ...] = (student_id, *columns)
        else:
            sql = (
                "WITH s AS (UPDATE students SET current_revision = ?, school_id = ?, cohort = ?,"
                " grade_level = ?, updated_at = ? WHERE student_id = ? AND current_revision = ?"
                " RETURNING student_id, current_revision)"
            )
            params = (base + 1, *columns, student_id, base)
        sql += (
            " INSERT INTO revisions (student_id, revision, document, actor_id, actor_role,"
            " saved_at) SELECT student_id, current_revision, ?, ?, ?, ? FROM s"
        )
        return c.run(sql, (*params, *revision)) == 1

    def close(self) -> None:
        with self._lock:
            self._conn.close()
