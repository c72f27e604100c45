"""The memory backend passes the conformance suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ilpcore.store import MemoryStore, Store, open_store
from ilpcore.testing.store_suite import StoreSuite


class TestMemoryStore(StoreSuite):
    @pytest.fixture
    def store(self) -> Iterator[Store]:
        with open_store("memory:") as store:
            assert isinstance(store, MemoryStore)
            yield store


def test_each_memory_url_opens_a_fresh_store() -> None:
    from ilpcore.testing.pytest_store import make_plan
    from ilpcore.testing.store_suite import COUNSELOR

    first = open_store("memory:")
    first.save_plan(COUNSELOR, make_plan(), base_revision=None)
    assert open_store("memory:").list_plans(COUNSELOR) == ()
