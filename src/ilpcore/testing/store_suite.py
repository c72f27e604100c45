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

import itertools
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.audit import AuditAction, AuditQuery, AuditRecord, Outcome, verify
from ilpcore.exceptions import BlobTooLargeError, ConflictError, NotFoundError, ValidationError
from ilpcore.model import Plan, Role, SavedListKind
from ilpcore.store import Actor, PlanQuery, Store, content_hash
from ilpcore.testing import strategies
from ilpcore.testing.pytest_store import make_plan

__all__ = ["COUNSELOR", "STUDENT", "StoreSuite", "audit_record", "plans"]

COUNSELOR = Actor("counselor-1", Role.COUNSELOR)
STUDENT = Actor("student-1", Role.STUDENT)
_ids = itertools.count()


def _with_unique_student(plan: Plan) -> Plan:
    return attrs.evolve(plan, student=attrs.evolve(plan.student, id=f"H{next(_ids)}"))


def plans() -> st.SearchStrategy[Plan]:
    """Random valid plans (:func:`ilpcore.testing.strategies.plans`), each with a new student id."""
    return strategies.plans(max_items=2).map(_with_unique_student)


_T0 = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def audit_record(
    n: int = 0,
    *,
    actor: Actor = COUNSELOR,
    action: AuditAction = AuditAction.READ,
    student_id: str | None = "S1",
) -> AuditRecord:
    """An allowed audit record, ``n`` minutes after 2026-09-01 08:00 UTC."""
    return AuditRecord(
        _T0 + timedelta(minutes=n), actor.id, actor.role, action, student_id,
        ("goals", "reviews"), 1, Outcome.ALLOWED, "test", "tests",
    )  # fmt: skip


class StoreSuite:
    """The conformance tests; subclass it and provide a ``store`` fixture (fresh and empty)."""

    @pytest.fixture
    def store(self) -> Iterator[Store]:
        raise NotImplementedError("a StoreSuite subclass must provide a `store` fixture")

    # --- revisions -----------------------------------------------------------------------------

    def test_new_plan_becomes_revision_1(self, store: Store) -> None:
        plan = make_plan()
        saved = store.save_plan(COUNSELOR, plan, base_revision=None)
        assert saved == attrs.evolve(plan, revision=1)
        assert store.load_plan(STUDENT, "S1") == saved

    def test_current_revision_counts_saves(self, store: Store) -> None:
        assert store.current_revision(COUNSELOR, "S1") == 0
        for n in range(3):
            store.save_plan(COUNSELOR, make_plan(), base_revision=n)
            assert store.current_revision(STUDENT, "S1") == n + 1
        assert store.current_revision(STUDENT, "S2") == 0
        store.delete_student(COUNSELOR, "S1")
        assert store.current_revision(STUDENT, "S1") == 0

    def test_base_revision_0_is_a_new_plan(self, store: Store) -> None:
        assert store.save_plan(COUNSELOR, make_plan(), base_revision=0).revision == 1

    def test_each_save_is_a_new_immutable_revision(self, store: Store) -> None:
        plans_saved = [store.save_plan(COUNSELOR, make_plan(grade_level=9), base_revision=None)]
        for grade in (10, 11, 12):
            edited = attrs.evolve(
                plans_saved[-1], student=attrs.evolve(plans_saved[-1].student, grade_level=grade)
            )
            actor = STUDENT if grade % 2 else COUNSELOR
            plans_saved.append(store.save_plan(actor, edited, base_revision=grade - 9))
        assert [p.revision for p in plans_saved] == [1, 2, 3, 4]
        assert store.load_plan(COUNSELOR, "S1") == plans_saved[-1]
        for p in plans_saved:
            assert store.load_plan(COUNSELOR, "S1", revision=p.revision) == p
        history = store.plan_history(COUNSELOR, "S1")
        assert [h.revision for h in history] == [1, 2, 3, 4]
        assert [h.saved_by for h in history] == [COUNSELOR, COUNSELOR, STUDENT, COUNSELOR]
        times = [h.saved_at for h in history]
        assert times == sorted(times)
        assert all(t.utcoffset() is not None for t in times)

    def test_stale_save_conflicts_and_changes_nothing(self, store: Store) -> None:
        first = store.save_plan(COUNSELOR, make_plan(grade_level=9), base_revision=None)
        second = store.save_plan(COUNSELOR, make_plan(grade_level=10), base_revision=first.revision)
        with pytest.raises(ConflictError, match=r"revision 1.*current revision is 2"):
            store.save_plan(STUDENT, make_plan(grade_level=12), base_revision=1)
        assert store.load_plan(COUNSELOR, "S1") == second
        assert len(store.plan_history(COUNSELOR, "S1")) == 2
        assert store.list_plans(COUNSELOR, PlanQuery(grade_level=12)) == ()

    @pytest.mark.parametrize("base", [None, 0, 2, 7])
    def test_save_not_based_on_current_conflicts(self, store: Store, base: int | None) -> None:
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        with pytest.raises(ConflictError, match="'S1'"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=base)
        assert [h.revision for h in store.plan_history(COUNSELOR, "S1")] == [1]

    def test_save_based_on_a_revision_of_a_missing_plan_conflicts(self, store: Store) -> None:
        with pytest.raises(ConflictError, match="no saved plan"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=1)
        with pytest.raises(NotFoundError):
            store.load_plan(COUNSELOR, "S1")

    def test_missing_plans_and_revisions_are_not_found(self, store: Store) -> None:
        with pytest.raises(NotFoundError, match="'S9'"):
            store.load_plan(COUNSELOR, "S9")
        with pytest.raises(NotFoundError, match="'S9'"):
            store.plan_history(COUNSELOR, "S9")
        store.save_plan(COUNSELOR, make_plan("S9"), base_revision=None)
        with pytest.raises(NotFoundError, match="no revision 2"):
            store.load_plan(COUNSELOR, "S9", revision=2)

    def test_bad_arguments_are_refused(self, store: Store) -> None:
        with pytest.raises(ValidationError, match="actor"):
            store.save_plan("root", make_plan(), base_revision=None)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="base_revision"):
            store.save_plan(COUNSELOR, make_plan(), base_revision=-1)
        with pytest.raises(ValidationError, match="student_id"):
            store.load_plan(COUNSELOR, "no spaces allowed")
        assert store.list_plans(COUNSELOR) == ()
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        for bad in (0, -1, "1", True):
            with pytest.raises(ValidationError, match="revision"):
                store.load_plan(COUNSELOR, "S1", revision=bad)  # type: ignore[arg-type]

    def test_threads_saving_from_one_base_exactly_one_wins(self, store: Store) -> None:
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        threads, rounds = 4, 10
        barrier = threading.Barrier(threads, timeout=60)
        outcomes: list[list[str]] = [[] for _ in range(rounds)]

        def worker(n: int) -> None:
            actor = Actor(f"worker-{n}", Role.TEACHER)
            for r in range(rounds):
                barrier.wait()
                base = store.current_revision(actor, "S1")
                barrier.wait()  # every thread has read the same base
                try:
                    store.save_plan(actor, make_plan(grade_level=9 + n % 4), base_revision=base)
                    outcomes[r].append(actor.id)
                except ConflictError:
                    pass

        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        assert all(len(winners) == 1 for winners in outcomes), outcomes
        history = store.plan_history(COUNSELOR, "S1")
        assert [h.saved_by.id for h in history[1:]] == [w[0] for w in outcomes]

    # --- listing -------------------------------------------------------------------------------

    def test_list_plans_by_school_cohort_and_grade(self, store: Store) -> None:
        cases = [("A", "HS1", 2029, 9), ("B", "HS1", 2028, 10), ("C", "HS2", 2029, 9)]
        for sid, school, cohort, grade in cases:
            store.save_plan(
                COUNSELOR,
                make_plan(sid, school_id=school, cohort=cohort, grade_level=grade),
                base_revision=None,
            )

        def ids(**query: Any) -> list[str]:
            return [s.student_id for s in store.list_plans(COUNSELOR, PlanQuery(**query))]

        assert ids() == ["A", "B", "C"]
        assert ids(school_id="HS1") == ["A", "B"]
        assert ids(cohort=2029) == ["A", "C"]
        assert ids(school_id="HS1", cohort=2029, grade_level=9) == ["A"]
        assert ids(grade_level=12) == []
        moved = attrs.evolve(
            make_plan("A", school_id="HS2", cohort=2029, grade_level=10), revision=1
        )
        store.save_plan(COUNSELOR, moved, base_revision=1)
        assert ids(school_id="HS2") == ["A", "C"]
        (summary,) = store.list_plans(COUNSELOR, PlanQuery(school_id="HS2", grade_level=10))
        assert (summary.student_id, summary.revision, summary.cohort) == ("A", 2, 2029)
        assert summary.saved_at == store.plan_history(COUNSELOR, "A")[-1].saved_at

    def test_iter_plans_streams_current_plans_in_pages(self, store: Store) -> None:
        for i in range(7):
            school = "HS1" if i % 3 else "HS2"
            store.save_plan(COUNSELOR, make_plan(f"S{i:02d}", school_id=school), base_revision=None)
        edited = attrs.evolve(
            store.load_plan(COUNSELOR, "S03"),
            student=attrs.evolve(store.load_plan(COUNSELOR, "S03").student, grade_level=12),
        )
        latest = store.save_plan(COUNSELOR, edited, base_revision=1)
        everything = [store.load_plan(COUNSELOR, s.student_id) for s in store.list_plans(COUNSELOR)]
        for page_size in (1, 2, 3, 7, 100):
            assert list(store.iter_plans(COUNSELOR, page_size=page_size)) == everything
        assert latest in everything
        hs2 = list(store.iter_plans(COUNSELOR, PlanQuery(school_id="HS2"), page_size=1))
        assert [p.student.id for p in hs2] == ["S00", "S03", "S06"]
        assert [p.revision for p in hs2] == [1, 2, 1]
        assert list(store.iter_plans(COUNSELOR, PlanQuery(cohort=1999))) == []
        stream = store.iter_plans(COUNSELOR, page_size=2)
        assert next(stream).student.id == "S00"
        store.delete_student(COUNSELOR, "S05")  # while the stream is open: writers not blocked
        assert "S05" not in [p.student.id for p in stream]

    @pytest.mark.parametrize("page_size", [0, -1, True, 2.5, "10"])
    def test_iter_plans_refuses_a_bad_page_size(self, store: Store, page_size: Any) -> None:
        with pytest.raises(ValidationError, match="page_size"):
            store.iter_plans(COUNSELOR, page_size=page_size)

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

    # --- round trip ----------------------------------------------------------------------------

    @settings(
        max_examples=20,
        deadline=None,
        # one fresh store serves every example (plans have unique student ids), and the
        # suite is run by one subclass per backend
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.differing_executors,
        ],
    )
    @given(plan=plans())
    def test_random_plans_round_trip_unchanged(self, store: Store, plan: Plan) -> None:
        saved = store.save_plan(COUNSELOR, plan, base_revision=None)
        assert saved == attrs.evolve(plan, revision=1)
        assert store.load_plan(COUNSELOR, plan.student.id) == saved
        for saved_list in plan.saved_lists:
            store.save_list(STUDENT, plan.student.id, saved_list)
        assert store.load_lists(STUDENT, plan.student.id) == tuple(
            sorted(plan.saved_lists, key=lambda s: s.id)
        )

    # --- audit log -----------------------------------------------------------------------------

    def test_a_batch_of_audit_records_is_appended_in_order(self, store: Store) -> None:
        assert store.append_audits(()) == ()
        first = store.append_audit(audit_record(0, student_id="S1"))
        records = [audit_record(n, student_id=f"S{n}") for n in range(1, 4)]
        entries = store.append_audits(records)
        assert [e.seq for e in entries] == [2, 3, 4]
        assert [e.record for e in entries] == records
        assert store.audit_log(COUNSELOR) == (first, *entries)
        assert verify(store.audit_log(COUNSELOR)).ok

    def test_audit_entries_are_numbered_and_chained(self, store: Store) -> None:
        assert store.audit_log(COUNSELOR) == ()
        records = [audit_record(n, student_id=f"S{n % 2}") for n in range(4)]
        entries = [store.append_audit(r) for r in records]
        assert [e.seq for e in entries] == [1, 2, 3, 4]
        assert [e.record for e in entries] == records
        assert store.audit_log(COUNSELOR) == tuple(entries)
        assert verify(store.audit_log(COUNSELOR)).ok
        assert all(b.previous_hash == a.hash for a, b in itertools.pairwise(entries))

    def test_audit_log_queries(self, store: Store) -> None:
        store.append_audit(audit_record(0, student_id="S1"))
        store.append_audit(audit_record(1, student_id="S2", action=AuditAction.WRITE))
        store.append_audit(audit_record(2, actor=STUDENT, student_id=None, action=AuditAction.LIST))
        store.append_audit(audit_record(3, student_id="S1", action=AuditAction.WRITE))

        def seqs(query: AuditQuery) -> list[int]:
            return [e.seq for e in store.audit_log(COUNSELOR, query)]

        assert seqs(AuditQuery(student_id="S1")) == [1, 4]
        assert seqs(AuditQuery(actor_id=STUDENT.id)) == [3]
        assert seqs(AuditQuery(action=AuditAction.WRITE)) == [2, 4]
        t1, t2 = audit_record(1).at, audit_record(2).at
        assert seqs(AuditQuery(since=t1, until=t2)) == [2, 3]
        assert seqs(AuditQuery(student_id="S1", action=AuditAction.WRITE, since=t1)) == [4]

    def test_recording_appends_with_the_write(self, store: Store) -> None:
        record = audit_record(action=AuditAction.WRITE)
        with store.recording(record) as pending:
            store.save_plan(COUNSELOR, make_plan(), base_revision=None)
            store.save_plan(COUNSELOR, make_plan(), base_revision=1)
        assert pending.entry is not None
        assert pending.entry.record == record
        assert store.audit_log(COUNSELOR) == (pending.entry,), "appended once, by the first write"

    def test_recording_appends_nothing_when_the_write_fails(self, store: Store) -> None:
        store.save_plan(COUNSELOR, make_plan(), base_revision=None)
        writes = (
            lambda: store.save_plan(COUNSELOR, make_plan(), base_revision=0),
            lambda: store.delete_student(COUNSELOR, "S9"),
            lambda: store.delete_list(COUNSELOR, "S1", "nope"),
        )
        for write in writes:
            with (
                store.recording(audit_record()) as pending,
                pytest.raises((ConflictError, NotFoundError)),
            ):
                write()
            assert pending.entry is None
        assert store.audit_log(COUNSELOR) == ()
        assert store.current_revision(COUNSELOR, "S1") == 1

    def test_every_write_consumes_a_recording(self, store: Store) -> None:
        plan = make_plan()
        saved_list = plan.saved_lists[0] if plan.saved_lists else None
        writes: list[Any] = [
            lambda: store.save_plan(COUNSELOR, plan, base_revision=None),
            lambda: store.put_blob(COUNSELOR, "S1", b"%PDF", "application/pdf"),
        ]
        if saved_list is not None:
            writes += [
                lambda: store.save_list(STUDENT, "S1", saved_list),
                lambda: store.delete_list(STUDENT, "S1", saved_list.id),
            ]
        writes.append(lambda: store.delete_student(COUNSELOR, "S1"))
        for n, write in enumerate(writes):
            with store.recording(audit_record(n)) as pending:
                write()
            assert pending.entry is not None
            assert pending.entry.seq == n + 1
        assert verify(store.audit_log(COUNSELOR)).entries == len(writes)

    def test_threads_appending_keep_one_unbroken_chain(self, store: Store) -> None:
        threads, rounds = 4, 10

        def worker(n: int) -> None:
            actor = Actor(f"worker-{n}", Role.COUNSELOR)
            for r in range(rounds):
                if r % 2:
                    store.append_audit(audit_record(r, actor=actor))
                else:  # a write with its entry in the same transaction
                    with store.recording(audit_record(r, actor=actor, action=AuditAction.WRITE)):
                        store.put_blob(actor, f"S{n}", f"{n}-{r}".encode(), "text/plain")

        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        entries = store.audit_log(COUNSELOR)
        assert verify(entries).ok
        assert len(entries) == threads * rounds
        for n in range(threads):
            mine = store.audit_log(COUNSELOR, AuditQuery(actor_id=f"worker-{n}"))
            assert [e.record.at for e in mine] == [audit_record(r).at for r in range(rounds)]
