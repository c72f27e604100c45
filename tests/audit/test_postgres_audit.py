"""On PostgreSQL the audit log refuses updates, deletes and truncation (needs a server)."""

from __future__ import annotations

import pytest

from ilpcore.exceptions import StoreError
from ilpcore.model import Role
from ilpcore.store import Actor
from ilpcore.store._sql import SqlStore
from ilpcore.testing.pytest_store import fresh_postgres_store, require_postgres_url
from ilpcore.testing.store_suite import audit_record

ADMIN = Actor("admin", Role.DISTRICT_ADMINISTRATOR)


def test_the_postgres_table_is_append_only() -> None:
    with fresh_postgres_store(require_postgres_url()) as store:
        assert isinstance(store, SqlStore)
        entries = tuple(store.append_audit(audit_record(n)) for n in range(3))
        for sql in (
            "UPDATE audit_log SET reason = 'x'",
            "DELETE FROM audit_log WHERE seq = 2",
            "TRUNCATE audit_log",
        ):
            with pytest.raises(StoreError, match="append-only"), store._write() as c:
                c.run(sql)
        assert store.audit_log(ADMIN) == entries
