"""Per-student records beside the plan in SQL: artifacts, saved lists, and erasing a student."""

from __future__ import annotations

from datetime import UTC, datetime

from ilpcore.exceptions import NotFoundError
from ilpcore.model import Role, SavedList, SavedListKind
from ilpcore.store._codec import dump_list, load_list
from ilpcore.store._sql_base import SqlBase
from ilpcore.store.types import Actor, Blob, BlobRef, Deletion, content_hash

__all__ = ["SqlStudentRecords"]


class SqlStudentRecords(SqlBase):
    """Artifacts (``blobs``, ``blob_refs``), saved lists and deletion (``deletions``)."""

    # --- deletion ------------------------------------------------------------------------------

    def delete_student(self, actor: Actor, student_id: str) -> Deletion:
        self._check_actor(actor)
        self._check_student_id(student_id)
        now = datetime.now(UTC)
        pending = self._take_pending()
        with self._write() as c:
            revisions = c.run("DELETE FROM revisions WHERE student_id = ?", (student_id,))
            held = c.run("DELETE FROM students WHERE student_id = ?", (student_id,))
            held += c.run("DELETE FROM saved_lists WHERE student_id = ?", (student_id,))
            hashes = c.rows(
                "SELECT content_hash FROM blob_refs WHERE student_id = ?", (student_id,)
            )
            held += c.run("DELETE FROM blob_refs WHERE student_id = ?", (student_id,))
            if not held and not revisions:
                raise NotFoundError(f"the store holds nothing about student {student_id!r}")
            for (digest,) in hashes:
                c.run(
                    "DELETE FROM blobs WHERE content_hash = ? AND NOT EXISTS"
                    " (SELECT 1 FROM blob_refs r WHERE r.content_hash = blobs.content_hash)",
                    (digest,),
                )
            c.run(
                "INSERT INTO deletions (student_id, actor_id, actor_role, deleted_at, revisions)"
                " VALUES (?, ?, ?, ?, ?)",
                (student_id, actor.id, actor.role.value, self._to_db_time(now), revisions),
            )
            self._commit_pending(c, pending)
        return Deletion(student_id, actor, now, revisions)

    def deletions(self, actor: Actor, student_id: str | None = None) -> tuple[Deletion, ...]:
        self._check_actor(actor)
        sql = "SELECT student_id, actor_id, actor_role, deleted_at, revisions FROM deletions"
        params: tuple[object, ...] = ()
        if student_id is not None:
            sql += " WHERE student_id = ?"
            params = (student_id,)
        rows = self._select(sql + " ORDER BY seq", params)
        return tuple(
            Deletion(s, Actor(a, Role(r)), self._from_db_time(t), int(n)) for s, a, r, t, n in rows
        )

    # --- artifacts -----------------------------------------------------------------------------

    def put_blob(self, actor: Actor, student_id: str, data: bytes, media_type: str) -> BlobRef:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_blob(data, media_type)
        digest = content_hash(data)
        now = self._to_db_time(datetime.now(UTC))
        pending = self._take_pending()
        with self._write() as c:
            if not c.rows("SELECT 1 FROM blobs WHERE content_hash = ?", (digest,)):
                c.run(
                    "INSERT INTO blobs (content_hash, size, data) VALUES (?, ?, ?)"
                    " ON CONFLICT (content_hash) DO NOTHING",
                    (digest, len(data), data),
                )
            c.run(
                "INSERT INTO blob_refs (student_id, content_hash, media_type, added_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (student_id, content_hash)"
                " DO UPDATE SET media_type = excluded.media_type",
                (student_id, digest, media_type, now),
            )
            self._commit_pending(c, pending)
        return BlobRef(digest, media_type, len(data))

    def get_blob(self, actor: Actor, student_id: str, content_hash: str) -> Blob:
        self._check_actor(actor)
        self._check_student_id(student_id)
        rows = self._select(
            "SELECT r.media_type, b.data FROM blob_refs r JOIN blobs b"
            " ON b.content_hash = r.content_hash"
            " WHERE r.student_id = ? AND r.content_hash = ?",
            (student_id, content_hash),
        )
        if not rows:
            raise NotFoundError(f"student {student_id!r} has no artifact {content_hash!r}")
        media_type, data = rows[0]
        data = bytes(data)
        return Blob(BlobRef(content_hash, media_type, len(data)), data)

    def list_blobs(self, actor: Actor, student_id: str) -> tuple[BlobRef, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        rows = self._select(
            "SELECT r.content_hash, r.media_type, b.size FROM blob_refs r JOIN blobs b"
            " ON b.content_hash = r.content_hash WHERE r.student_id = ?"
            " ORDER BY r.content_hash",
            (student_id,),
        )
        return tuple(BlobRef(h, m, int(n)) for h, m, n in rows)

    # --- saved lists ---------------------------------------------------------------------------

    def save_list(self, actor: Actor, student_id: str, saved_list: SavedList) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        self._check_list(saved_list)
        now = self._to_db_time(datetime.now(UTC))
        pending = self._take_pending()
        with self._write() as c:
            c.run(
                "INSERT INTO saved_lists (student_id, list_id, kind, document, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (student_id, list_id) DO UPDATE SET"
                " kind = excluded.kind, document = excluded.document,"
                " updated_at = excluded.updated_at",
                (student_id, saved_list.id, saved_list.kind.value, dump_list(saved_list), now),
            )
            self._commit_pending(c, pending)

    def load_lists(
        self, actor: Actor, student_id: str, kind: SavedListKind | None = None
    ) -> tuple[SavedList, ...]:
        self._check_actor(actor)
        self._check_student_id(student_id)
        sql = "SELECT document FROM saved_lists WHERE student_id = ?"
        params: tuple[object, ...] = (student_id,)
        if kind is not None:
            sql += " AND kind = ?"
            params = (student_id, kind.value)
        rows = self._select(sql + " ORDER BY list_id", params)
        return tuple(load_list(d) for (d,) in rows)

    def delete_list(self, actor: Actor, student_id: str, list_id: str) -> None:
        self._check_actor(actor)
        self._check_student_id(student_id)
        pending = self._take_pending()
        with self._write() as c:
            if not c.run(
                "DELETE FROM saved_lists WHERE student_id = ? AND list_id = ?",
                (student_id, list_id),
            ):
                raise NotFoundError(f"student {student_id!r} has no saved list {list_id!r}")
            self._commit_pending(c, pending)
