"""The PostgreSQL backend passes the conformance suite, against a real server.

Start one with ``export $(.ci/postgres.sh)``; without it these tests skip (fail under CI=true).
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from ilpcore.exceptions import StoreError, StoreSchemaError, StoreURLError
from ilpcore.store import Store, open_store
from ilpcore.store._schema import SCHEMA_VERSION
from ilpcore.store.postgres import PostgresStore
from ilpcore.testing.pytest_store import (
    fresh_postgres_store,
    fresh_postgres_url,
    make_plan,
    require_postgres_url,
)
from ilpcore.testing.store_suite import COUNSELOR, StoreSuite


class TestPostgresStore(StoreSuite):
    @pytest.fixture
    def store(self) -> Iterator[Store]:
        with fresh_postgres_store(require_postgres_url()) as store:
            yield store


def test_open_store_by_url_and_reopen() -> None:
    url = require_postgres_url()
    with open_store(url) as store:
        assert isinstance(store, PostgresStore)
        assert store.schema_version == SCHEMA_VERSION
        plan = make_plan("PG-REOPEN")
        try:
            saved = store.save_plan(COUNSELOR, plan, base_revision=None)
            with open_store(url) as again:
                assert again.load_plan(COUNSELOR, "PG-REOPEN") == saved
        finally:
            store.delete_student(COUNSELOR, "PG-REOPEN")


def test_a_newer_schema_is_refused() -> None:
    with fresh_postgres_url(require_postgres_url()) as url:
        PostgresStore(url).close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE schema_version SET version = 99")
        with pytest.raises(StoreSchemaError, match="schema version 99"):
            PostgresStore(url)


def test_a_named_schema_is_created_and_used() -> None:
    url = require_postgres_url()
    schema = "ilpcore_named_schema_test"
    try:
        with PostgresStore(url, schema=schema) as store:
            store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        with psycopg.connect(url) as conn:
            row = conn.execute(f"SELECT count(*) FROM {schema}.revisions").fetchone()
        assert row == (1,)
        with pytest.raises(StoreURLError, match="schema name"):
            PostgresStore(url, schema="Robert'); DROP TABLE students;--")
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_an_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/") as info:
        PostgresStore("postgresql://ilp:hunter2@127.0.0.1:1/nothing", connect_timeout=2)
    assert "hunter2" not in str(info.value)


def test_plan_documents_use_lz4_and_artifacts_are_not_recompressed() -> None:
    with fresh_postgres_url(require_postgres_url()) as url:
        PostgresStore(url).close()
        with psycopg.connect(url) as conn:
            rows = conn.execute(
                "SELECT c.relname, a.attcompression, a.attstorage FROM pg_attribute a"
                " JOIN pg_class c ON c.oid = a.attrelid"
                " WHERE c.relnamespace = current_schema()::regnamespace"
                " AND (c.relname, a.attname) IN (('revisions', 'document'), ('blobs', 'data'))"
                " ORDER BY c.relname"
            ).fetchall()
    # the Debian and PGDG builds of PostgreSQL that CI uses have lz4
    assert rows == [("blobs", "", "e"), ("revisions", "l", "x")]
