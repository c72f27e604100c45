"""Checking an audit log's hash chain."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ilpcore.audit.entries import GENESIS_HASH, AuditEntry, entry_hash

__all__ = ["ChainCheck", "verify"]


@attrs.frozen
class ChainCheck:
    """The result of :func:`verify`: ``ok``, else the first bad sequence number and why."""

    ok: bool
    entries: int
    """How many entries were checked."""
    seq: int | None = None
    problem: str | None = None

    def __bool__(self) -> bool:
        return self.ok


def verify(entries: Iterable[AuditEntry], *, head: str | None = None) -> ChainCheck:
    """Check that ``entries`` (the whole log, in order) form an unbroken hash chain.

    Detects an entry that was edited (its hash no longer matches its fields),
    removed (a gap in the numbers and a broken link), reordered or inserted.
    Removing entries from the *end* leaves a valid shorter chain: pass the
    last ``hash`` you kept elsewhere as ``head`` to detect that too.
    """
    expected_seq = 1
    previous = GENESIS_HASH
    count = 0
    last: AuditEntry | None = None
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            return ChainCheck(
                False, count, entry.seq,
                f"entry {entry.seq} found where entry {expected_seq} should be "
                "(an entry was removed, inserted or moved)",
            )  # fmt: skip
        if entry.previous_hash != previous:
            return ChainCheck(
                False, count, entry.seq,
                f"entry {entry.seq} does not link to the entry before it",
            )  # fmt: skip
        if entry_hash(entry.seq, entry.record, entry.previous_hash) != entry.hash:
            return ChainCheck(
                False, count, entry.seq, f"entry {entry.seq} was changed after it was written"
            )
        previous = entry.hash
        expected_seq += 1
        last = entry
    if head is not None and (last is None or last.hash != head):
        at = last.seq if last is not None else None
        return ChainCheck(
            False, count, at, "the log does not end at the expected head (entries were cut off)"
        )
    return ChainCheck(True, count)
