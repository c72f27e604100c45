"""The program-level index: completions rows grouped by award level and CIP code.

A program search ("nursing bachelor's, by earnings") asks for the rows of some
CIP codes at some award levels.  Here every completions row sits in a block of
its award level and 6-digit CIP code; blocks are ordered by award, then CIP
code, so the rows of one award level whose CIP starts with any prefix (``51``,
``51.38``, ``51.3801``) are one contiguous slice.  Beside each row are its
sort keys, looked up once when the index is built: the Scorecard median
earnings, median debt and debt-to-earnings ratio of its 4-digit CIP and
credential level, and its completions.  ``-1`` stands for "not published"
and never leaves this module as a number.

The index is built once per catalog and pickled with it (see
:func:`ilpcore.colleges.load_colleges`).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from typing import Final

from ilpcore.colleges.codes import AwardLevel, credential_level_of
from ilpcore.colleges.tables import NONE, OutcomeTable, ProgramTable

__all__ = ["ProgramIndex", "ratio_hundredths"]

_ABOVE_ALL: Final = 2**62
_CREDENTIAL_OF: Final = {a.value: credential_level_of(a).value for a in AwardLevel}


def ratio_hundredths(debt: int, earnings: int) -> int:
    """``debt / earnings`` in hundredths, rounded half to even like ``Decimal.quantize``.

    >>> ratio_hundredths(25000, 50000), ratio_hundredths(1, 8), ratio_hundredths(3, 8)
    (50, 12, 38)
    """
    q, r = divmod(debt * 100, earnings)
    if 2 * r > earnings or (2 * r == earnings and q % 2 == 1):
        q += 1
    return q


def _expanded(ranges: dict[int, tuple[int, int]], size: int) -> list[int]:
    """The UNITID of each row of a table grouped by ``ranges``."""
    out = [0] * size
    for unitid, (start, end) in ranges.items():
        out[start:end] = [unitid] * (end - start)
    return out


class ProgramIndex:
    """Completions rows by award level and CIP code, with their sort keys."""

    __slots__ = (
        "awards",
        "codes",
        "completions",
        "debt",
        "earnings",
        "outcome_row",
        "published",
        "rank",
        "ratio",
        "size",
        "starts",
    )

    def __init__(
        self, programs: ProgramTable, outcomes: OutcomeTable, rank_of: Mapping[int, int]
    ) -> None:
        """``rank_of`` maps each UNITID to its institution's position in name order."""
        self.size = len(rank_of)
        """How many institutions (ranks run from 0 to ``size - 1``)."""
        self.codes: tuple[str, ...] = programs.codes
        """The 6-digit CIP codes, sorted (the table's own)."""
        self.awards: tuple[int, ...] = tuple(sorted(set(programs.award)))
        """The award level values present, sorted."""
        n_codes, n_rows = len(self.codes), len(programs)
        award_index = {a: k for k, a in enumerate(self.awards)}
        blocks: list[list[int]] = [[] for _ in range(len(self.awards) * n_codes)]
        for row, (award, code) in enumerate(zip(programs.award, programs.cips, strict=True)):
            blocks[award_index[award] * n_codes + code].append(row)
        order = [row for block in blocks for row in block]
        starts = [0]
        for block in blocks:
            starts.append(starts[-1] + len(block))
        self.starts = array("i", starts)
        """Block ``award_index * len(codes) + code_index`` is ``order[starts[b]:starts[b + 1]]``."""
        unitids = _expanded(programs.ranges, n_rows)
        found = _outcome_rows(programs, outcomes, unitids)
        self.outcome_row = array("i", found)
        """By completions row (table order): the row of its Scorecard outcome, else ``-1``."""
        earnings, debt = outcomes.earnings, outcomes.debt
        self.rank = array("i", [rank_of[unitids[r]] for r in order])
        """The name rank of each row's institution."""
        self.completions = array("i", [programs.completions[r] for r in order])
        hits = [found[r] for r in order]
        self.earnings = array("i", [NONE if h < 0 else earnings[h] for h in hits])
        self.debt = array("i", [NONE if h < 0 else debt[h] for h in hits])
        self.ratio = array(
            "i",
            [
                ratio_hundredths(d, e) if d != NONE and e > 0 else NONE
                for d, e in zip(self.debt, self.earnings, strict=True)
            ],
        )
        """Median debt / median earnings in hundredths (``-1`` unless both are published)."""
        columns = (("earnings", self.earnings), ("debt", self.debt), ("ratio", self.ratio))
        self.published = {name: bytes(v != NONE for v in column) for name, column in columns}
        """Column name → a byte per row, 1 where the value is published (to skip the rest fast)."""

    def code_spans(self, prefixes: Iterable[str]) -> list[tuple[int, int]]:
        """Disjoint, sorted ranges of code indexes whose CIP starts with any of ``prefixes``."""
        spans = []
        codes = self.codes
        for prefix in prefixes:
            lo = bisect_left(codes, prefix)
            hi = lo
            while hi < len(codes) and codes[hi].startswith(prefix):
                hi += 1
            if hi > lo:
                spans.append((lo, hi))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        return merged

    def row_spans(
        self, prefixes: Iterable[str], awards: Iterable[AwardLevel]
    ) -> list[tuple[int, int]]:
        """Ranges of index rows with a CIP of any of ``prefixes`` (every CIP when empty) and
        any of ``awards`` (every award level when empty)."""
        wanted = {a.value for a in awards}
        prefix_list = list(prefixes)
        codes = self.code_spans(prefix_list) if prefix_list else [(0, len(self.codes))]
        n_codes, starts = len(self.codes), self.starts
        out = []
        for k, award in enumerate(self.awards):
            if wanted and award not in wanted:
                continue
            base = k * n_codes
            for lo, hi in codes:
                start, end = starts[base + lo], starts[base + hi]
                if end > start:
                    out.append((start, end))
        return out

    def ranks(self, spans: Sequence[tuple[int, int]]) -> set[int]:
        """The name ranks of the institutions with a row in ``spans``."""
        found: set[int] = set()
        rank = self.rank
        for start, end in spans:
            found.update(rank[start:end])
        return found

    def best(self, name: str, spans: Sequence[tuple[int, int]], highest: bool) -> list[int]:
        """Per name rank, the highest (or lowest) published value of column ``name``
        (``earnings``, ``debt`` or ``ratio``) over ``spans``; ``-1`` where none is."""
        column: array[int] = getattr(self, name)
        published = self.published[name]
        rank = self.rank
        if highest:
            best = [NONE] * self.size
            for start, end in spans:
                pairs = zip(rank[start:end], column[start:end], strict=True)
                for r, v in compress(pairs, published[start:end]):
                    if v > best[r]:
                        best[r] = v
            return best
        lowest = [_ABOVE_ALL] * self.size
        for start, end in spans:
            pairs = zip(rank[start:end], column[start:end], strict=True)
            for r, v in compress(pairs, published[start:end]):
                if v < lowest[r]:
                    lowest[r] = v
        return [NONE if v == _ABOVE_ALL else v for v in lowest]

    def totals(self, spans: Sequence[tuple[int, int]]) -> list[int]:
        """Per name rank, completions summed over ``spans``."""
        total = [0] * self.size
        rank, completions = self.rank, self.completions
        for start, end in spans:
            for r, n in zip(rank[start:end], completions[start:end], strict=True):
                total[r] += n
        return total


def _outcome_rows(programs: ProgramTable, outcomes: OutcomeTable, unitids: list[int]) -> list[int]:
    """For each completions row, the row of its Scorecard outcome (first of its UNITID,
    4-digit CIP and credential level, as :meth:`OutcomeTable.find` answers), else ``-1``."""
    cip4_index = {c: k for k, c in enumerate(outcomes.codes)}
    n4 = len(outcomes.codes) + 1
    outcome_unitids = _expanded(outcomes.ranges, len(outcomes))
    outcome_keys = [
        (u * n4 + c) * 128 + cred
        for u, c, cred in zip(outcome_unitids, outcomes.cips, outcomes.credential, strict=True)
    ]
    first = dict(zip(reversed(outcome_keys), range(len(outcome_keys) - 1, -1, -1), strict=True))
    code4 = [cip4_index.get(code[:5], n4 - 1) for code in programs.codes]
    get = first.get
    return [
        get((u * n4 + code4[c]) * 128 + _CREDENTIAL_OF[a], -1)
        for u, c, a in zip(unitids, programs.cips, programs.award, strict=True)
    ]
