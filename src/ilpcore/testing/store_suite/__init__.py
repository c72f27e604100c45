"""The store conformance suite: every backend, built-in or from a plugin, must pass it.

Subclass :class:`StoreSuite` in a test module and provide a ``store``
fixture that yields a fresh, empty store::

    import pytest
    from ilpcore.testing.store_suite import StoreSuite

    class TestMyStore(StoreSuite):
        @pytest.fixture
        def store(self, tmp_path):
            with MyStore(tmp_path / "db") as s:
                yield s

pytest collects every ``test_*`` method of the suite for your backend.
:func:`~ilpcore.testing.pytest_store.make_plan` builds a realistic plan for your own tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ilpcore.store import Store
from ilpcore.testing.store_suite._audit_log import AuditLogCases
from ilpcore.testing.store_suite._inputs import COUNSELOR, STUDENT, audit_record, plans
from ilpcore.testing.store_suite._plans import PlanCases
from ilpcore.testing.store_suite._student_records import StudentRecordCases

__all__ = ["COUNSELOR", "STUDENT", "StoreSuite", "audit_record", "plans"]


class StoreSuite(PlanCases, StudentRecordCases, AuditLogCases):
    """The conformance tests; subclass it and provide a ``store`` fixture (fresh and empty)."""

    @pytest.fixture
    def store(self) -> Iterator[Store]:
        raise NotImplementedError("a StoreSuite subclass must provide a `store` fixture")
