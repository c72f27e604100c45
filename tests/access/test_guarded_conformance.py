"""A GuardedStore with an all-powerful policy is still a conforming store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ilpcore.access import AccessPolicy, Action, Grant, Scope, Section
from ilpcore.access.guarded import GuardedStore
from ilpcore.audit import verify
from ilpcore.model import Role
from ilpcore.store import MemoryStore, Store
from ilpcore.testing.store_suite import COUNSELOR, StoreSuite

ALL_POWERFUL = AccessPolicy(
    "everyone may do everything",
    tuple(Grant(role, Scope.DISTRICT, frozenset(Section), frozenset(Action)) for role in Role),
)


class TestGuardedStoreConformance(StoreSuite):
    @pytest.fixture
    def store(self) -> Iterator[Store]:
        inner = MemoryStore()
        with GuardedStore(inner, policy=ALL_POWERFUL, audit_readers=Role) as guarded:
            yield guarded
        # every operation of the suite was logged, and the chain holds
        assert verify(inner.audit_log(COUNSELOR)).ok

    # These check the raw log of a backend; a guarded store adds its own entries to it
    # (tests/access/test_guarded.py checks those).
    test_audit_entries_are_numbered_and_chained = None  # type: ignore[assignment]
    test_audit_log_queries = None  # type: ignore[assignment]
    test_recording_appends_with_the_write = None  # type: ignore[assignment]
    test_recording_appends_nothing_when_the_write_fails = None  # type: ignore[assignment]
    test_every_write_consumes_a_recording = None  # type: ignore[assignment]
    test_threads_appending_keep_one_unbroken_chain = None  # type: ignore[assignment]
