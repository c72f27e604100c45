"""Conformance cases for the audit log: one hash chain, appended with the writes it records."""

from __future__ import annotations

import itertools
import threading
from typing import Any

import pytest

from ilpcore.audit import AuditAction, AuditQuery, verify
from ilpcore.exceptions import ConflictError, NotFoundError
from ilpcore.model import Role
from ilpcore.store import Actor, Store
from ilpcore.testing.pytest_store import make_plan
from ilpcore.testing.store_suite._inputs import COUNSELOR, STUDENT, audit_record

__all__ = ["AuditLogCases"]


class AuditLogCases:
    """Appending, chaining and querying entries; recording an entry with a write."""

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
