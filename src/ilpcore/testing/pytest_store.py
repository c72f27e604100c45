"""A pytest plugin for store tests: fresh stores of every built-in backend, PostgreSQL included.

Enable it in your ``conftest.py`` with ``pytest_plugins = ["ilpcore.testing.pytest_store"]``.

PostgreSQL tests read the server's URL from ``ILPCORE_TEST_POSTGRES_URL`` (``.ci/postgres.sh``
starts a throwaway server and prints it).  Without a reachable server they are skipped, with
the reason, except under CI (``CI`` set to ``true`` or ``1``), where that is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import pytest

from ilpcore.store import Store
from ilpcore.store.memory import MemoryStore
from ilpcore.store.sqlite import SQLiteStore

__all__ = [
    "POSTGRES_URL_ENV",
    "fresh_postgres_store",
    "fresh_postgres_url",
    "ilpcore_memory_store",
    "ilpcore_postgres_store",
    "ilpcore_postgres_url",
    "ilpcore_sqlite_store",
    "in_ci",
    "require_postgres_url",
]

POSTGRES_URL_ENV: Final = "ILPCORE_TEST_POSTGRES_URL"


def in_ci() -> bool:
    """Whether we run under continuous integration (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_postgres_url() -> str:
    """The test server's URL; skips the test (fails it under CI) when there is no server."""
    url = os.environ.get(POSTGRES_URL_ENV, "").strip()
    reason = None
    if not url:
        reason = f"no PostgreSQL server: {POSTGRES_URL_ENV} is not set (run .ci/postgres.sh)"
    else:
        try:
            import psycopg
        except ImportError:
            reason = "psycopg is not installed (pip install 'ilpcore[postgres]')"
        else:
            try:
                psycopg.connect(url, connect_timeout=5).close()
            except psycopg.Error as e:
                reason = f"the PostgreSQL server at {POSTGRES_URL_ENV} is not reachable: {e}"
    if reason is not None:
        if in_ci():
            pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    return url


@pytest.fixture(scope="session")
def ilpcore_postgres_url() -> str:
    """The URL of the PostgreSQL test server (see :func:`require_postgres_url`)."""
    return require_postgres_url()


@contextmanager
def fresh_postgres_url(url: str) -> Iterator[str]:
    """``url`` pointed at a new, empty PostgreSQL schema, which is dropped afterwards."""
    import psycopg

    schema = f"ilpcore_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@contextmanager
def fresh_postgres_store(url: str) -> Iterator[Store]:
    """A store in a new, empty PostgreSQL schema of ``url``'s database, dropped afterwards."""
    from ilpcore.store.postgres import PostgresStore

    with fresh_postgres_url(url) as schema_url, PostgresStore(schema_url) as store:
        yield store


@pytest.fixture
def ilpcore_postgres_store(ilpcore_postgres_url: str) -> Iterator[Store]:
    """A fresh PostgreSQL store (its own schema, dropped after the test)."""
    with fresh_postgres_store(ilpcore_postgres_url) as store:
        yield store


@pytest.fixture
def ilpcore_sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store in the test's temporary folder."""
    with SQLiteStore(tmp_path / "ilpcore.sqlite3") as store:
        yield store


@pytest.fixture
def ilpcore_memory_store() -> Iterator[Store]:
    """A fresh in-memory store."""
    with MemoryStore() as store:
        yield store
