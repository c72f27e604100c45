"""The ilpcore database schema, as numbered migrations for SQLite and PostgreSQL.

Migration *n* takes a database from schema version *n - 1* to *n*.  Both
dialects have the same tables and columns; only the types differ.  Never edit
a released migration: append a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ilpcore.exceptions import StoreSchemaError

if TYPE_CHECKING:
    from ilpcore.store._sql_base import Cursor

__all__ = ["POSTGRES_MIGRATIONS", "SCHEMA_VERSION", "SQLITE_MIGRATIONS", "migrate"]

_V1: Final = """
CREATE TABLE students (
    student_id TEXT PRIMARY KEY,
    current_revision {int} NOT NULL CHECK (current_revision >= 1),
    school_id TEXT NOT NULL,
    cohort {int} NOT NULL,
    grade_level {int} NOT NULL,
    updated_at {time} NOT NULL
);
CREATE INDEX students_by_school ON students (school_id, cohort, grade_level);
CREATE INDEX students_by_cohort ON students (cohort, grade_level);
CREATE TABLE revisions (
    student_id TEXT NOT NULL,
    revision {int} NOT NULL CHECK (revision >= 1),
    document TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    saved_at {time} NOT NULL,
    PRIMARY KEY (student_id, revision)
);
CREATE TABLE blobs (
    content_hash TEXT PRIMARY KEY,
    size {int} NOT NULL,
    data {bytes} NOT NULL
);
CREATE TABLE blob_refs (
    student_id TEXT NOT NULL,
    content_hash TEXT NOT NULL REFERENCES blobs (content_hash),
    media_type TEXT NOT NULL,
    added_at {time} NOT NULL,
    PRIMARY KEY (student_id, content_hash)
);
CREATE INDEX blob_refs_by_hash ON blob_refs (content_hash);
CREATE TABLE saved_lists (
    student_id TEXT NOT NULL,
    list_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    document TEXT NOT NULL,
    updated_at {time} NOT NULL,
    PRIMARY KEY (student_id, list_id)
);
CREATE TABLE deletions (
    seq {serial},
    student_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    deleted_at {time} NOT NULL,
    revisions {int} NOT NULL
);
CREATE INDEX deletions_by_student ON deletions (student_id);
"""

_V2: Final = """
CREATE TABLE audit_log (
    seq {int} PRIMARY KEY CHECK (seq >= 1),
    at {time} NOT NULL,
    actor_id TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    student_id TEXT,
    sections TEXT NOT NULL,
    revision {int},
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    via TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_by_student ON audit_log (student_id, seq);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_by_time ON audit_log (at);
"""
"""Migration 2: the append-only, hash-chained audit log (``sections`` comma-separated)."""

_APPEND_ONLY: Final = "the audit log is append-only"
_SQLITE_V2_TRIGGERS: Final = tuple(
    f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log"
    f" BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
    for verb in ("UPDATE", "DELETE")
)
_POSTGRES_V2_TRIGGERS: Final = (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
    f" $$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
    " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
    " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def _statements(script: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in script.split(";") if s.strip())


SQLITE_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    _statements(
        _V1.format(
            int="INTEGER", time="TEXT", bytes="BLOB", serial="INTEGER PRIMARY KEY AUTOINCREMENT"
        )
    ),
    _statements(_V2.format(int="INTEGER", time="TEXT")) + _SQLITE_V2_TRIGGERS,
)
"""``SQLITE_MIGRATIONS[n - 1]`` are the statements of migration *n*."""

_POSTGRES_V1_STORAGE: Final = (
    # Plan documents: lz4 compresses them about twice as fast as the default pglz (PostgreSQL
    # 14+ built with lz4; elsewhere the default stays).  Artifacts are mostly compressed
    # already (PDF, JPEG...): store them as they are.
    "DO $$ BEGIN"
    " EXECUTE 'ALTER TABLE revisions ALTER COLUMN document SET COMPRESSION lz4';"
    " EXCEPTION WHEN OTHERS THEN NULL;"
    " END $$",
    "ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL",
)

POSTGRES_MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    _statements(
        _V1.format(
            int="BIGINT",
            time="TIMESTAMPTZ",
            bytes="BYTEA",
            serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        )
    )
    + _POSTGRES_V1_STORAGE,
    _statements(_V2.format(int="BIGINT", time="TIMESTAMPTZ")) + _POSTGRES_V2_TRIGGERS,
)

SCHEMA_VERSION: Final = len(SQLITE_MIGRATIONS)
"""The schema version this ilpcore writes."""

assert len(POSTGRES_MIGRATIONS) == SCHEMA_VERSION


def migrate(
    c: Cursor, migrations: Sequence[Sequence[str]], *, where: str, lock: str | None = None
) -> None:
    """Run the missing ``migrations`` inside the caller's transaction (``lock`` taken first).

    Raises :class:`~ilpcore.exceptions.StoreSchemaError` for a database newer than ``migrations``.
    """
    if lock is not None:
        c.rows(lock)
    c.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    rows = c.rows("SELECT version FROM schema_version")
    if not rows:
        c.run("INSERT INTO schema_version (version) VALUES (0)")
    version = int(rows[0][0]) if rows else 0
    if version > len(migrations):
        raise StoreSchemaError(
            f"{where} has schema version {version}, newer than {len(migrations)} "
            "which this ilpcore knows; upgrade ilpcore to open it"
        )
    for number in range(version + 1, len(migrations) + 1):
        for statement in migrations[number - 1]:
            c.run(statement)
        c.run("UPDATE schema_version SET version = ?", (number,))
