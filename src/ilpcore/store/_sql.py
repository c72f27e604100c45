"""The store rules written once in SQL, shared by the SQLite and PostgreSQL backends.

:class:`SqlStore` puts together the parts, each over its own tables:
:class:`~ilpcore.store._sql_plans.SqlPlans` (plan revisions),
:class:`~ilpcore.store._sql_records.SqlStudentRecords` (artifacts, saved lists,
deletion) and :class:`~ilpcore.store._sql_audit.SqlAuditLog` (the audit log), on
:class:`~ilpcore.store._sql_base.SqlBase` (transactions, times, plan cache).
"""

from __future__ import annotations

from ilpcore.store._sql_audit import SqlAuditLog
from ilpcore.store._sql_base import Cursor, Row
from ilpcore.store._sql_plans import SqlPlans
from ilpcore.store._sql_records import SqlStudentRecords

__all__ = ["Cursor", "Row", "SqlStore"]


class SqlStore(SqlPlans, SqlStudentRecords, SqlAuditLog):
    """A store on a SQL database with the ilpcore schema.

    A backend supplies transactions (``_write``, ``_read``) whose cursor takes
    ``?`` placeholders, and how it stores timestamps.  Recently saved and
    loaded plans are kept, keyed by their stored document text (see
    :class:`~ilpcore.store._sql_base.SqlBase`).
    """
