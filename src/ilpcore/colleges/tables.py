"""Compact column-wise storage for the catalog's 270,000 completions and 220,000 outcomes.

Rows are grouped by institution; each group is a ``(start, end)`` range into
arrays of small integers, so a cached catalog unpickles in milliseconds.
``-1`` stands for "not published" in the count arrays and is turned back into
``None`` on the way out; it never reaches a user as a number.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice, repeat
from operator import add, itemgetter, le, mul
from typing import Final

from ilpcore.colleges.codes import AwardLevel, CredentialLevel
from ilpcore.colleges.records import Outcome, ProgramRecord

__all__ = ["AWARD_LEVELS", "OutcomeTable", "ProgramTable"]

NONE: Final = -1
HORIZONS: Final = (None, "4yr_after_completion", "1yr_after_completion")
AWARD_LEVELS: Final = {a.value: a for a in AwardLevel}
"""Award level value → member."""
_CREDENTIALS: Final = {c.value: c for c in CredentialLevel}


def _opt(value: int) -> int | None:
    return None if value == NONE else value


def _grouped(
    unitids: Sequence[int], codes: Sequence[str]
) -> tuple[
    Callable[[Sequence[int]], list[int]], dict[int, tuple[int, int]], tuple[str, ...], array[int]
]:
    """The rows ordered by UNITID then code (stable): a function putting a column in that
    order, each UNITID's range in it, the distinct codes in sorted order, and each ordered
    row's index into them.  Every pass is C-level; a file already in order (the IPEDS
    completions are) is not reordered."""
    distinct = tuple(sorted(set(codes)))
    code_index = list(map({c: k for k, c in enumerate(distinct)}.__getitem__, codes))
    keys = list(map(add, map(mul, unitids, repeat(len(distinct) or 1)), code_index))
    in_order: Callable[[Sequence[int]], list[int]] = list
    if len(keys) > 1 and not all(map(le, keys, islice(keys, 1, None))):
        get = itemgetter(*sorted(range(len(keys)), key=keys.__getitem__))

        def in_order(column: Sequence[int]) -> list[int]:
            return list(get(column))

    ordered = in_order(unitids)
    firsts = list(dict.fromkeys(ordered))
    starts = list(map(bisect_left, repeat(ordered), firsts))
    ends = [*starts[1:], len(ordered)] if ordered else []
    ranges = dict(zip(firsts, zip(starts, ends, strict=True), strict=True))
    return in_order, ranges, distinct, array("H", in_order(code_index))


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
        in_order, self.ranges, self.codes, self.cips = _grouped(unitid, cip)
        self.award = array("B", in_order(award))
        self.completions = array("l", in_order(completions))
        by_cip: list[list[int]] = [[] for _ in self.codes]
        deque(map(list.append, map(by_cip.__getitem__, self.cips), in_order(unitid)), maxlen=0)
        self.unitids_by_cip: dict[str, frozenset[int]] = dict(
            zip(self.codes, map(frozenset, by_cip), strict=True)
        )

    @classmethod
    def of_records(
        cls,
        records: Iterable[ProgramRecord],
        base: ProgramTable | None = None,
        drop: frozenset[int] = frozenset(),
    ) -> ProgramTable:
        """A table of ``records``, after the rows of ``base`` not of a UNITID in ``drop``."""
        unitid, cip, award, completions = base.columns(drop) if base else ([], [], [], [])
        for r in records:
            unitid.append(r.unitid)
            cip.append(r.cip)
            award.append(r.award.value)
            completions.append(r.completions)
        return cls(unitid, cip, award, completions)

    def columns(self, drop: frozenset[int]) -> tuple[list[int], list[str], list[int], list[int]]:
        """The table's columns, without the rows of the UNITIDs in ``drop``."""
        unitid: list[int] = []
        cip: list[str] = []
        award: list[int] = []
        completions: list[int] = []
        codes = self.codes
        for u, (start, end) in self.ranges.items():
            if u in drop:
                continue
            unitid.extend([u] * (end - start))
            cip.extend([codes[k] for k in self.cips[start:end]])
            award.extend(self.award[start:end])
            completions.extend(self.completions[start:end])
        return unitid, cip, award, completions

    def __len__(self) -> int:
        return len(self.award)

    def rows_of(self, unitid: int) -> Iterator[tuple[str, AwardLevel, int]]:
        """``(cip, award, completions)`` of one institution, in source order."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes, cips, award, completions = self.codes, self.cips, self.award, self.completions
        for i in range(start, end):
            yield codes[cips[i]], AWARD_LEVELS[award[i]], completions[i]

    def rows_with_prefix(self, unitid: int, prefix: str) -> Iterator[tuple[str, AwardLevel, int]]:
        """The rows of one institution whose CIP starts with ``prefix`` (binary search)."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes, cips = self.codes, self.cips
        i = bisect_left(range(start, end), prefix, key=lambda j: codes[cips[j]]) + start
        award, completions = self.award, self.completions
        while i < end:
            cip = codes[cips[i]]
            if not cip.startswith(prefix):
                break
            yield cip, AWARD_LEVELS[award[i]], completions[i]
            i += 1

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
        in_order, self.ranges, self.codes, self.cips = _grouped(unitid, cip4)
        self.credential = array("B", in_order(credential))
        self.completers = array("l", in_order(completers))
        self.earnings = array("l", in_order(earnings))
        self.horizon = array("B", in_order(horizon))
        self.debt = array("l", in_order(debt))

    @classmethod
    def of_records(
        cls,
        records: Iterable[Outcome],
        base: OutcomeTable | None = None,
        drop: frozenset[int] = frozenset(),
    ) -> OutcomeTable:
        """A table of ``records``, after the rows of ``base`` not of a UNITID in ``drop``."""
        cols = base.columns(drop) if base else ([], [], [], [], [], [], [])
        unitid, cip4, credential, completers, earnings, horizon, debt = cols
        for o in records:
            unitid.append(o.unitid)
            cip4.append(o.cip4)
            credential.append(o.credential.value)
            completers.append(NONE if o.completers is None else o.completers)
            earnings.append(NONE if o.earnings_median is None else o.earnings_median)
            horizon.append(HORIZONS.index(o.earnings_horizon))
            debt.append(NONE if o.debt_median is None else o.debt_median)
        return cls(unitid, cip4, credential, completers, earnings, horizon, debt)

    def columns(
        self, drop: frozenset[int]
    ) -> tuple[list[int], list[str], list[int], list[int], list[int], list[int], list[int]]:
        """The table's columns (``-1`` = not published), without the UNITIDs in ``drop``."""
        unitid: list[int] = []
        cip4: list[str] = []
        ints: tuple[list[int], ...] = ([], [], [], [], [])
        arrays = (self.credential, self.completers, self.earnings, self.horizon, self.debt)
        codes = self.codes
        for u, (start, end) in self.ranges.items():
            if u in drop:
                continue
            unitid.extend([u] * (end - start))
            cip4.extend([codes[k] for k in self.cips[start:end]])
            for out, values in zip(ints, arrays, strict=True):
                out.extend(values[start:end])
        return unitid, cip4, *ints  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self.credential)

    def of(self, unitid: int, cip4: str | None = None) -> Iterator[Outcome]:
        """The outcomes of one institution (of one 4-digit CIP when given, by binary search)."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes, cips = self.codes, self.cips
        if cip4 is not None:
            start = bisect_left(range(start, end), cip4, key=lambda j: codes[cips[j]]) + start
        for i in range(start, end):
            code = codes[cips[i]]
            if cip4 is not None and code != cip4:
                break
            yield Outcome(
                unitid,
                code,
                _CREDENTIALS[self.credential[i]],
                _opt(self.completers[i]),
                _opt(self.earnings[i]),
                HORIZONS[self.horizon[i]],
                _opt(self.debt[i]),
            )

    def find(self, unitid: int, cip4: str, credential: CredentialLevel) -> Outcome | None:
        """The one outcome of an institution, 4-digit CIP and credential, if published."""
        start, end = self.ranges.get(unitid, (0, 0))
        codes, cips = self.codes, self.cips
        i = bisect_left(range(start, end), cip4, key=lambda j: codes[cips[j]]) + start
        wanted = credential.value
        while i < end and codes[cips[i]] == cip4:
            if self.credential[i] == wanted:
                return self.at(i, unitid)
            i += 1
        return None

    def at(self, i: int, unitid: int) -> Outcome:
        """The outcome in row ``i`` (of institution ``unitid``)."""
        return Outcome(
            unitid,
            self.codes[self.cips[i]],
            _CREDENTIALS[self.credential[i]],
            _opt(self.completers[i]),
            _opt(self.earnings[i]),
            HORIZONS[self.horizon[i]],
            _opt(self.debt[i]),
        )

    def records(self) -> Iterator[Outcome]:
        for unitid in self.ranges:
            yield from self.of(unitid)
