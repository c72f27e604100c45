"""The embedded SQLite store (``sqlite:///path/to/ilpcore.sqlite3``), ilpcore's default.

The database runs in WAL mode with ``synchronous=FULL``: a save that returned
survives a crash of the process (and of the machine).  Writers take the
database's write lock at the start of their transaction (``BEGIN IMMEDIATE``),
so concurrent processes see each other's saves and optimistic concurrency
holds across processes.  A ``schema_version`` table records which migrations
ran; opening a database applies the missing ones in one transaction.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Final

from ilpcore.exceptions import StoreError
from ilpcore.store._schema import SQLITE_MIGRATIONS
from ilpcore.store._sql import Cursor, Row, SqlStore
from ilpcore.store.base import DEFAULT_MAX_BLOB_SIZE

__all__ = ["BUSY_TIMEOUT_SECONDS", "SQLiteStore"]

BUSY_TIMEOUT_SECONDS: Final = 30.0
"""How long a writer waits for another process's write transaction to finish."""


class _SqliteCursor:
    __slots__ = ("_conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        return self._conn.execute(sql, tuple(params)).fetchall()

    def run(self, sql: str, params: Sequence[object] = ()) -> int:
        return self._conn.execute(sql, tuple(params)).rowcount


class SQLiteStore(SqlStore):
    """A store in one SQLite database file, created (with its folder) when missing.

    >>> import tempfile, pathlib
    >>> from ilpcore.model import Role
    >>> from ilpcore.store import Actor
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with SQLiteStore(pathlib.Path(tmp) / "ilp.sqlite3") as store:
    ...         store.list_plans(Actor("admin", Role.SCHOOL_ADMINISTRATOR))
    ()
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        max_blob_size: int = DEFAULT_MAX_BLOB_SIZE,
        timeout: float = BUSY_TIMEOUT_SECONDS,
    ) -> None:
        self.path = Path(path)
        self.url = (
            f"sqlite://{self.path.as_posix()}"
            if self.path.is_absolute()
            else f"sqlite:{self.path.as_posix()}"
        )
        self.max_blob_size = max_blob_size
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"cannot open the SQLite store {self.path}: {e}") from e
        try:
            self._configure()
            self._migrate(SQLITE_MIGRATIONS)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StoreError(f"{self.path} is not a usable ilpcore database: {e}") from e
        except BaseException:
            self._conn.close()
            raise

    def _configure(self) -> None:
        mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{self.path}: SQLite refused WAL mode (journal mode is {mode})")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[_SqliteCursor]:
        with self._lock:
            try:
                self._conn.execute(begin)
            except sqlite3.Error as e:
                raise StoreError(f"{self.url}: cannot start a transaction: {e}") from e
            try:
                yield _SqliteCursor(self._conn)
                self._conn.execute("COMMIT")
            except BaseException as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise StoreError(f"{self.url}: {e}; nothing was changed") from e
                raise

    def _write(self) -> AbstractContextManager[Cursor]:
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[Cursor]:
        return self._transaction("BEGIN DEFERRED")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
