"""Storage of plans, their revision history, artifacts and saved lists.

One interface, :class:`Store`, with three built-in backends chosen by URL:
``memory:``, ``sqlite:///path`` (the embedded default) and ``postgresql://...``.
Plugins can add more (hook ``ilpcore_open_store``).  See ``docs/storage.md``.

>>> from ilpcore.model import PersonName, Plan, Role, SchoolRef, Student
>>> store = open_store("memory:")
>>> counselor = Actor("c-17", Role.COUNSELOR)
>>> plan = Plan(Student("S1", PersonName("Maya", "Okafor"), 9, 2029, SchoolRef("HS1", "Central")))
>>> saved = store.save_plan(counselor, plan, base_revision=None)
>>> store.load_plan(counselor, "S1") == saved
True
"""

from __future__ import annotations

from ilpcore.store.base import DEFAULT_MAX_BLOB_SIZE, DEFAULT_PAGE_SIZE, Store
from ilpcore.store.memory import MemoryStore
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
from ilpcore.store.url import STORE_URL_ENV, default_store_url, resolve_store_url

__all__ = [
    "DEFAULT_MAX_BLOB_SIZE",
    "DEFAULT_PAGE_SIZE",
    "STORE_URL_ENV",
    "Actor",
    "Blob",
    "BlobRef",
    "Deletion",
    "MemoryStore",
    "PlanQuery",
    "PlanSummary",
    "RevisionInfo",
    "Store",
    "content_hash",
    "default_store_url",
    "open_store",
    "resolve_store_url",
]


def open_store(url: str | None = None) -> Store:
    """Open the store at ``url`` through the installed store plugins.

    Without ``url``: ``$ILPCORE_STORE_URL``, else the embedded SQLite store in
    the platform's user data folder (see :func:`default_store_url`).  Raises
    :class:`~ilpcore.exceptions.StoreURLError` when no plugin handles the URL.
    """
    from ilpcore.plugins.manager import get_plugins

    store: Store = get_plugins().open_store(resolve_store_url(url))
    return store
