"""The built-in plugin ``ilpcore.stores``: the memory, SQLite and PostgreSQL backends."""

from __future__ import annotations

from collections.abc import Sequence

from ilpcore.plugins.hookspecs import hookimpl
from ilpcore.store.base import Store
from ilpcore.store.url import sqlite_path, url_scheme

__all__ = ["ilpcore_open_store", "ilpcore_store_schemes"]


@hookimpl(trylast=True)
def ilpcore_open_store(url: str) -> Store | None:
    """Open ``memory:``, ``sqlite:`` and ``postgresql:`` (``postgres:``) URLs."""
    scheme = url_scheme(url)
    if scheme == "memory":
        from ilpcore.store.memory import MemoryStore

        return MemoryStore()
    if scheme == "sqlite":
        from ilpcore.store.sqlite import SQLiteStore

        return SQLiteStore(sqlite_path(url))
    if scheme in ("postgresql", "postgres"):
        from ilpcore.store.postgres import PostgresStore

        return PostgresStore(url)
    return None


@hookimpl
def ilpcore_store_schemes() -> Sequence[str]:
    return ("memory", "postgres", "postgresql", "sqlite")
