"""Compact column-wise storage for the catalog's 270,000 completions and 220,000 outcomes.

Rows are grouped by institution; each group is a ``(start, end)`` range into
arrays of small integers, so a cached catalog unpickles in milliseconds.
``-1`` stands for "not published" in the count arrays and is turned back into
``None`` on the way out; it never reaches a user as a number.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from ilpcore.colleges.codes import AwardLevel, CredentialLevel
from ilpcore.colleges.records import Outcome, ProgramRecord

__all__ = ["OutcomeTable", "ProgramTable"]

NONE: Final = -1
HORIZONS: Final = (None, "4yr_after_completion", "1yr_after_completion")
_AWARDS: Final = {a.value: a for a in AwardLevel}
_CREDENTIALS: Final = {c.value: c for c in CredentialLevel}


def _opt(value: int) -> int | None:
    return None if value == NONE else value


def _codes(values: Sequence[str], order: Sequence[int]) -> tuple[tuple[str, ...], array[int]]:
    """Distinct strings (in order of first use) and each row's index into them."""
    index: dict[str, int] = {}
    out = array("H", [index.setdefault(values[i], len(index)) for i in order])
    return tuple(index), out


def _grouped(unitids: Sequence[int]) -> tuple[list[int], dict[int, tuple[int, int]]]:
    """A stable order of rows by UNITID, and each UNITID's range in that order."""
    order = sorted(range(len(unitids)), key=unitids.__getitem__)
    ranges: dict[int, tuple[int, int]] = {}
    start = 0
    n = len(order)
    for i in range(1, n + 1):
        if i == n or unitids[order[i]] != unitids[order[start]]:
            ranges[unitids[order[start]]] = (start, i)
            start = i
    return order, ranges


class ProgramTable:
    """Completions by institution x 6-digit CIP x award level."""

    __slots__ = ("award", "cips", "codes", "completions", "ranges", "unitids_by_cip")

    def __init__(
        self,
        unitid: Sequence[int],
        cip: Sequence[str],
        award: Sequence[int],
        completions: Sequence[int],
    ) -> None:
        order, self.ranges = _grouped(unitid)
        self.codes, self.cips = _codes(cip, order)
        self.award = array("B", (award[i] for i in order))
        self.completions = array("l", (completions[i] for i in order))
        by_cip: list[list[int]] = [[] for _ in self.codes]
        for j, k in enumerate(self.cips):
            by_cip[k].append(unitid[order[j]])
        self.unitids_by_cip: dict[str, frozenset[int]] = {
            code: frozenset(by_cip[k]) for k, code in enumerate(self.codes)
        }

    @classmethod
    def of_records(cls, records: Iterable[ProgramRecord]) -> ProgramTable:
        rows = tuple(records)
        return cls(
            [r.unitid for r in rows],
            [r.cip for r in rows],
            [r.award.value for r in rows],
            [r.completions for r in rows],
        )

    def __len__(self) -> int:
        return len(self.award)

    def rows_of(self, unitid: int) -> Iterator[tuple[str, AwardLevel, int]]:
        """``(cip, award, completions)`` of one institution, in source order."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes, cips, award, completions = self.codes, self.cips, self.award, self.completions
        for i in range(start, end):
            yield codes[cips[i]], _AWARDS[award[i]], completions[i]

    def records(self) -> Iterator[ProgramRecord]:
        for unitid in self.ranges:
            for cip, award, n in self.rows_of(unitid):
                yield ProgramRecord(unitid, cip, award, n)


class OutcomeTable:
    """Scorecard outcomes by institution x 4-digit CIP x credential level."""

    __slots__ = (
        "cips",
        "codes",
        "completers",
        "credential",
        "debt",
        "earnings",
        "horizon",
        "ranges",
    )

    def __init__(
        self,
        unitid: Sequence[int],
        cip4: Sequence[str],
        credential: Sequence[int],
        completers: Sequence[int],
        earnings: Sequence[int],
        horizon: Sequence[int],
        debt: Sequence[int],
    ) -> None:
        """Columns of equal length; ``-1`` = not published; ``horizon`` indexes :data:`HORIZONS`."""
        order, self.ranges = _grouped(unitid)
        self.codes, self.cips = _codes(cip4, order)
        self.credential = array("B", (credential[i] for i in order))
        self.completers = array("l", (completers[i] for i in order))
        self.earnings = array("l", (earnings[i] for i in order))
        self.horizon = array("B", (horizon[i] for i in order))
        self.debt = array("l", (debt[i] for i in order))

    @classmethod
    def of_records(cls, records: Iterable[Outcome]) -> OutcomeTable:
        rows = tuple(records)

        def col(values: Iterable[int | None]) -> list[int]:
            return [NONE if v is None else v for v in values]

        return cls(
            [o.unitid for o in rows],
            [o.cip4 for o in rows],
            [o.credential.value for o in rows],
            col(o.completers for o in rows),
            col(o.earnings_median for o in rows),
            [HORIZONS.index(o.earnings_horizon) for o in rows],
            col(o.debt_median for o in rows),
        )

    def __len__(self) -> int:
        return len(self.credential)

    def of(self, unitid: int, cip4: str | None = None) -> Iterator[Outcome]:
        """The outcomes of one institution (of one 4-digit CIP when given)."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes = self.codes
        for i in range(start, end):
            code = codes[self.cips[i]]
            if cip4 is not None and code != cip4:
                continue
            yield Outcome(
                unitid,
                code,
                _CREDENTIALS[self.credential[i]],
                _opt(self.completers[i]),
                _opt(self.earnings[i]),
                HORIZONS[self.horizon[i]],
                _opt(self.debt[i]),
            )

    def records(self) -> Iterator[Outcome]:
        for unitid in self.ranges:
            yield from self.of(unitid)
