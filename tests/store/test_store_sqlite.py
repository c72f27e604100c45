"""The embedded SQLite backend: conformance, persistence, WAL, schema versions."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ilpcore.exceptions import StoreError, StoreSchemaError
from ilpcore.store import Store, open_store
from ilpcore.store._schema import SCHEMA_VERSION
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.pytest_store import make_plan
from ilpcore.testing.store_suite import COUNSELOR, StoreSuite


class TestSQLiteStore(StoreSuite):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[Store]:
        with open_store(f"sqlite://{tmp_path / 'ilp.sqlite3'}") as store:
            assert isinstance(store, SQLiteStore)
            yield store


def test_everything_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "ilp.sqlite3"
    with SQLiteStore(path) as store:
        saved = store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        ref = store.put_blob(COUNSELOR, "S1", b"essay", "text/plain")
        store.save_list(COUNSELOR, "S1", saved.saved_lists[0])
    with SQLiteStore(path) as store:
        assert store.load_plan(COUNSELOR, "S1") == saved
        assert store.get_blob(COUNSELOR, "S1", ref.content_hash).data == b"essay"
        assert store.load_lists(COUNSELOR, "S1") == (saved.saved_lists[0],)
        assert store.schema_version == SCHEMA_VERSION


def test_database_is_in_wal_mode_with_a_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    finally:
        conn.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(StoreSchemaError, match=f"schema version {SCHEMA_VERSION + 1}"):
        SQLiteStore(path)


def test_migrations_run_from_an_empty_versioned_database(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (0)")
    conn.close()
    with SQLiteStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.save_plan(COUNSELOR, make_plan(), base_revision=None).revision == 1


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"notes\.txt"):
        SQLiteStore(path)


def test_url_forms(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:rel/ilp.sqlite3") as store:
        assert isinstance(store, SQLiteStore)
        assert store.url == "sqlite:rel/ilp.sqlite3"
    assert (tmp_path / "rel" / "ilp.sqlite3").is_file()
    absolute = tmp_path / "abs.sqlite3"
    with open_store(f"sqlite://{absolute}") as store:
        assert store.url == f"sqlite://{absolute}"
    assert absolute.is_file()


def test_a_cached_plan_is_never_served_after_another_handle_replaced_it(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    with SQLiteStore(path) as writer, SQLiteStore(path) as reader:
        first = writer.save_plan(COUNSELOR, make_plan(grade_level=9), base_revision=None)
        assert reader.load_plan(COUNSELOR, "S1") == first  # now cached by the reader
        writer.delete_student(COUNSELOR, "S1")
        second = writer.save_plan(COUNSELOR, make_plan(grade_level=12), base_revision=None)
        assert second.revision == first.revision == 1
        assert reader.load_plan(COUNSELOR, "S1") == second
        assert reader.load_plan(COUNSELOR, "S1", revision=1).student.grade_level == 12


def test_the_plan_cache_is_bounded_and_can_be_off(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "ilp.sqlite3") as store:
        store.plan_cache_size = 2
        saved = [
            store.save_plan(COUNSELOR, make_plan(f"S{i}"), base_revision=None) for i in range(5)
        ]
        assert [store.load_plan(COUNSELOR, f"S{i}") for i in range(5)] == saved
        assert store._plan_cache is not None
        assert len(store._plan_cache) == 2
        store.plan_cache_size = 0
        store._plan_cache.clear()
        assert store.load_plan(COUNSELOR, "S0") == saved[0]
        assert len(store._plan_cache) == 0


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is the Linux convention")
def test_the_default_store_follows_platform_conventions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ILPCORE_STORE_URL", raising=False)
    expected = tmp_path / "xdg" / "ilpcore" / "ilpcore.sqlite3"
    with open_store() as store:
        assert isinstance(store, SQLiteStore)
        assert store.url == f"sqlite://{expected}"
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
    assert expected.is_file()
    monkeypatch.setenv("ILPCORE_STORE_URL", f"sqlite://{tmp_path / 'env.sqlite3'}")
    with open_store() as store:
        assert store.list_plans(COUNSELOR) == ()
    assert (tmp_path / "env.sqlite3").is_file()
