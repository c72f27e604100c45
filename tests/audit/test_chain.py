"""The audit log's hash chain: any edit, removal, reordering or insertion is found."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ilpcore.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    AuditRecord,
    Outcome,
    seal,
    verify,
)
from ilpcore.model import Role
from ilpcore.store import Actor
from ilpcore.store.sqlite import SQLiteStore
from ilpcore.testing.store_suite import audit_record

ADMIN = Actor("admin", Role.DISTRICT_ADMINISTRATOR)

records = st.builds(
    AuditRecord,
    at=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
    ),
    actor_id=st.sampled_from(["c1", "p-7", "S1"]),
    actor_role=st.sampled_from(Role),
    action=st.sampled_from(AuditAction),
    student_id=st.one_of(st.none(), st.sampled_from(["S1", "S2"])),
    sections=st.lists(st.sampled_from(["goals", "reviews", "identity"]), unique=True).map(
        lambda s: tuple(sorted(s))
    ),
    revision=st.one_of(st.none(), st.integers(1, 50)),
    outcome=st.sampled_from(Outcome),
    reason=st.sampled_from(["ok", "no grant lets teacher write goals of this student"]),
    via=st.sampled_from(["cli", "portal:counselor-dashboard"]),
)


def chain(rs: list[AuditRecord]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for n, r in enumerate(rs, start=1):
        entries.append(seal(n, r, entries[-1].hash if entries else GENESIS_HASH))
    return entries


@given(st.lists(records, max_size=8))
def test_an_untouched_chain_verifies(rs: list[AuditRecord]) -> None:
    check = verify(chain(rs))
    assert check.ok
    assert check.entries == len(rs)
    assert check.seq is None


@given(st.lists(records, min_size=1, max_size=8), st.data())
def test_any_single_deletion_is_found(rs: list[AuditRecord], data: st.DataObject) -> None:
    entries = chain(rs)
    i = data.draw(st.integers(0, len(entries) - 1))
    del entries[i]
    if i == len(entries):  # the last entry: only an anchored head can tell
        assert verify(entries).ok
        assert not verify(entries, head=chain(rs)[-1].hash).ok
    else:
        check = verify(entries)
        assert not check.ok
        assert check.seq == i + 2


@given(st.lists(records, min_size=1, max_size=8), records, st.data())
def test_any_single_edit_is_found(
    rs: list[AuditRecord], other: AuditRecord, data: st.DataObject
) -> None:
    entries = chain(rs)
    i = data.draw(st.integers(0, len(entries) - 1))
    field = data.draw(st.sampled_from([f.name for f in attrs.fields(AuditRecord)]))
    changed = attrs.evolve(entries[i].record, **{field: getattr(other, field)})
    if changed == entries[i].record:
        return
    entries[i] = attrs.evolve(entries[i], record=changed)
    check = verify(entries)
    assert not check.ok
    assert check.seq == i + 1
    assert "changed" in (check.problem or "")


@given(st.lists(records, min_size=1, max_size=8), st.data())
def test_a_resealed_edit_breaks_the_next_link(rs: list[AuditRecord], data: st.DataObject) -> None:
    entries = chain(rs)
    i = data.draw(st.integers(0, len(entries) - 1))
    e = entries[i]
    forged = attrs.evolve(e.record, reason="nothing to see")
    entries[i] = seal(e.seq, forged, e.previous_hash)
    if entries[i] == e:
        return
    check = verify(entries)
    if i == len(entries) - 1:
        assert check.ok
        assert not verify(entries, head=e.hash).ok
    else:
        assert not check.ok
        assert check.seq == i + 2


@given(st.lists(records, min_size=2, max_size=8), st.data())
def test_reordering_and_insertion_are_found(rs: list[AuditRecord], data: st.DataObject) -> None:
    entries = chain(rs)
    i = data.draw(st.integers(0, len(entries) - 2))
    swapped = [*entries[:i], entries[i + 1], entries[i], *entries[i + 2 :]]
    assert verify(swapped).seq == i + 2
    inserted = [*entries[: i + 1], seal(i + 2, rs[0], entries[i].hash), *entries[i + 1 :]]
    assert verify(inserted).seq == i + 2


def _filled(path: Path) -> tuple[AuditEntry, ...]:
    with SQLiteStore(path) as store:
        for n in range(5):
            store.append_audit(audit_record(n, student_id=f"S{n}"))
        entries = store.audit_log(ADMIN)
    assert verify(entries).ok
    return entries


def _tampered(path: Path, sql: str) -> tuple[AuditEntry, ...]:
    """Run ``sql`` on the file as someone with write access to it: they can drop the triggers."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        assert conn.execute(sql).rowcount == 1
    conn.close()
    with SQLiteStore(path) as store:
        return store.audit_log(ADMIN)


def test_a_row_edited_in_the_sqlite_file_is_found(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    _filled(path)
    entries = _tampered(path, "UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 3")
    check = verify(entries)
    assert (check.ok, check.seq) == (False, 3)


def test_a_row_deleted_from_the_sqlite_file_is_found(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    _filled(path)
    check = verify(_tampered(path, "DELETE FROM audit_log WHERE seq = 2"))
    assert (check.ok, check.seq) == (False, 3)
    assert "removed" in (check.problem or "")


def test_a_time_moved_in_the_sqlite_file_is_found(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    entries = _filled(path)
    later = (entries[0].record.at + timedelta(days=1)).isoformat(timespec="microseconds")
    check = verify(_tampered(path, f"UPDATE audit_log SET at = '{later}' WHERE seq = 1"))
    assert (check.ok, check.seq) == (False, 1)


def test_the_sqlite_table_refuses_updates_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "ilp.sqlite3"
    entries = _filled(path)
    conn = sqlite3.connect(path)
    for sql in ("UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log WHERE seq = 5"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
    conn.close()
    with SQLiteStore(path) as store:
        assert store.audit_log(ADMIN) == entries
