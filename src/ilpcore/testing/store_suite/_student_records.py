"""Conformance cases for what a store holds beside plans: artifacts, saved lists, deletion."""

from __future__ import annotations

import attrs
import pytest

from ilpcore.exceptions import BlobTooLargeError, NotFoundError, ValidationError
from ilpcore.model import Role, SavedListKind
from ilpcore.store import Actor, Store, content_hash
from ilpcore.testing.pytest_store import make_plan
from ilpcore.testing.store_suite._inputs import COUNSELOR, STUDENT

__all__ = ["StudentRecordCases"]


class StudentRecordCases:
    """Deleting a student (with a tombstone), content-addressed artifacts and saved lists."""

    # --- deletion ------------------------------------------------------------------------------

    def test_delete_student_removes_everything_and_leaves_a_tombstone(self, store: Store) -> None:
        store.save_plan(COUNSELOR, make_plan("S1"), base_revision=None)
        store.save_plan(COUNSELOR, make_plan("S1"), base_revision=1)
        store.save_plan(COUNSELOR, make_plan("S2"), base_revision=None)
        shared = store.put_blob(STUDENT, "S1", b"shared essay", "text/plain")
        own = store.put_blob(STUDENT, "S1", b"only mine", "text/plain")
        store.put_blob(STUDENT, "S2", b"shared essay", "text/plain")
        store.save_list(STUDENT, "S1", make_plan().saved_lists[0])
        admin = Actor("admin-1", Role.DISTRICT_ADMINISTRATOR)
        tombstone = store.delete_student(admin, "S1")
        assert (tombstone.student_id, tombstone.deleted_by, tombstone.revisions) == ("S1", admin, 2)
        with pytest.raises(NotFoundError):
            store.load_plan(COUNSELOR, "S1")
        with pytest.raises(NotFoundError):
            store.load_plan(COUNSELOR, "S1", revision=1)
        with pytest.raises(NotFoundError):
            store.plan_history(COUNSELOR, "S1")
        with pytest.raises(NotFoundError):
            store.get_blob(STUDENT, "S1", own.content_hash)
        assert store.list_blobs(STUDENT, "S1") == ()
        assert store.load_lists(STUDENT, "S1") == ()
        assert [s.student_id for s in store.list_plans(COUNSELOR)] == ["S2"]
        assert store.get_blob(STUDENT, "S2", shared.content_hash).data == b"shared essay"
        assert store.deletions(admin) == (tombstone,)
        assert store.deletions(admin, "S2") == ()
        again = store.save_plan(COUNSELOR, make_plan("S1"), base_revision=None)
        assert again.revision == 1

    def test_deleting_an_unknown_student_is_not_found(self, store: Store) -> None:
        with pytest.raises(NotFoundError, match="'S404'"):
            store.delete_student(COUNSELOR, "S404")
        assert store.deletions(COUNSELOR) == ()

    def test_a_student_with_only_lists_can_be_deleted(self, store: Store) -> None:
        store.save_list(STUDENT, "S5", make_plan().saved_lists[1])
        assert store.delete_student(COUNSELOR, "S5").revisions == 0
        assert store.load_lists(STUDENT, "S5") == ()

    # --- artifacts -----------------------------------------------------------------------------

    def test_blobs_are_content_addressed(self, store: Store) -> None:
        data = bytes(range(256)) * 40
        ref = store.put_blob(STUDENT, "S1", data, "application/pdf")
        assert (ref.content_hash, ref.size, ref.media_type) == (
            content_hash(data),
            len(data),
            "application/pdf",
        )
        assert store.put_blob(STUDENT, "S1", data, "application/pdf") == ref
        blob = store.get_blob(COUNSELOR, "S1", ref.content_hash)
        assert (blob.data, blob.ref) == (data, ref)
        empty = store.put_blob(STUDENT, "S1", b"", "text/plain")
        assert store.list_blobs(COUNSELOR, "S1") == tuple(
            sorted((ref, empty), key=lambda r: r.content_hash)
        )
        with pytest.raises(NotFoundError):
            store.get_blob(COUNSELOR, "S2", ref.content_hash)

    def test_blob_limits_and_media_types(self, store: Store) -> None:
        limit = store.max_blob_size
        store.max_blob_size = 8
        try:
            with pytest.raises(BlobTooLargeError, match=r"9 bytes.*limit of 8"):
                store.put_blob(STUDENT, "S1", b"123456789", "text/plain")
            assert store.put_blob(STUDENT, "S1", b"12345678", "text/plain").size == 8
        finally:
            store.max_blob_size = limit
        with pytest.raises(ValidationError, match="media type"):
            store.put_blob(STUDENT, "S1", b"x", "not a type")
        assert len(store.list_blobs(STUDENT, "S1")) == 1

    # --- saved lists ---------------------------------------------------------------------------

    def test_saved_lists_and_favorites(self, store: Store) -> None:
        careers, colleges = make_plan().saved_lists
        store.save_list(STUDENT, "S1", colleges)
        store.save_list(STUDENT, "S1", careers)
        assert store.load_lists(STUDENT, "S1") == (careers, colleges)
        assert store.load_lists(STUDENT, "S1", SavedListKind.COLLEGES) == (colleges,)
        assert [i.key for i in store.favorites(STUDENT, "S1")] == ["29-1141.00"]
        starred = attrs.evolve(
            colleges, items=tuple(attrs.evolve(i, favorite=True) for i in colleges.items)
        )
        store.save_list(STUDENT, "S1", starred)
        assert store.load_lists(STUDENT, "S1", SavedListKind.COLLEGES) == (starred,)
        assert [i.key for i in store.favorites(STUDENT, "S1", SavedListKind.COLLEGES)] == ["157085"]
        store.delete_list(STUDENT, "S1", careers.id)
        assert store.load_lists(STUDENT, "S1") == (starred,)
        assert store.load_lists(STUDENT, "S2") == ()
        with pytest.raises(NotFoundError, match="careers-1"):
            store.delete_list(STUDENT, "S1", careers.id)
