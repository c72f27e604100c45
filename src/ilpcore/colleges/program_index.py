"""The program-level index: completions rows grouped by award level and CIP code.

A program search ("nursing bachelor's, by earnings") asks for the rows of some
CIP codes at some award levels.  Here every completions row sits in a block of
its award level and 6-digit CIP code; blocks are ordered by award, then CIP
code, so the rows of one award level whose CIP starts with any prefix (``51``,
``51.38``, ``51.3801``) are one contiguous slice.  Beside each row are its
sort keys, looked up once when the index is built: the Scorecard median
earnings, median debt and debt-to-earnings ratio of its 4-digit CIP and
credential level, and its completions.  ``-1`` stands for "not published"
and never reaches a user as a number (searches only sort by it).  The name ranks
of the institutions of each award level, and of each 2-digit CIP family at each
award level, are kept too: a search over whole award levels or families starts
from them instead of collecting its rows' ranks.

The index is built once per catalog, on the first program search (building it
at every cold load would add a third to it); the build is C-level passes over
whole columns, which a cold load followed by one program search keeps under the
2-second goal.  A catalog from :func:`ilpcore.colleges.load_colleges` keeps the
index in the cache beside itself, so later processes read it instead.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate, compress, pairwise, repeat
from operator import add, itemgetter, mul
from typing import Final

from ilpcore.colleges.codes import AwardLevel, credential_level_of
from ilpcore.colleges.tables import NONE, OutcomeTable, ProgramTable

__all__ = ["UNPUBLISHED_LOWEST", "ProgramIndex", "ratio_hundredths"]

UNPUBLISHED_LOWEST: Final = 2**62
"""What :meth:`ProgramIndex.best` gives for "lowest" where no value is published."""
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


def _expanded(
    ranges: dict[int, tuple[int, int]], size: int, value_of: Mapping[int, int] | None = None
) -> list[int]:
    """The UNITID (or its ``value_of``) of each row of a table grouped by ``ranges``."""
    out = [0] * size
    for unitid, (start, end) in ranges.items():
        out[start:end] = repeat(unitid if value_of is None else value_of[unitid], end - start)
    return out


def _reader(indexes: Sequence[int]) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """A function reading a column at ``indexes`` (``-1``: its last value).

    One ``itemgetter`` reads every index in a C loop, twice as fast as ``map`` here.
    """
    if len(indexes) > 1:
        return itemgetter(*indexes)
    return lambda values: tuple(values[i] for i in indexes)  # itemgetter(i) is no tuple


class ProgramIndex:
    """Completions rows by award level and CIP code, with their sort keys."""

    __slots__ = (
        "award_ranks",
        "awards",
        "codes",
        "completions",
        "debt",
        "earnings",
        "families",
        "family_ranks",
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
        # Every pass below is C-level (map, sorted, dict, Counter, itemgetter): the build is
        # part of the first program search after a cold load.
        n_codes, n_rows = len(self.codes), len(programs)
        block_base = [0] * 256  # award value → first block of its award level
        for k, award in enumerate(self.awards):
            block_base[award] = k * n_codes
        blocks = list(map(add, map(block_base.__getitem__, programs.award), programs.cips))
        counts = Counter(blocks)
        self.starts = array(
            "i", [0, *accumulate(map(counts.__getitem__, range(len(self.awards) * n_codes)))]
        )
        """Block ``award_index * len(codes) + code_index`` holds rows
        ``starts[block]`` to ``starts[block + 1]``."""
        self.outcome_row = _outcome_rows(programs, outcomes, blocks, self.awards)
        """By completions row (table order): the row of its Scorecard outcome, else ``-1``."""
        in_block_order = _reader(sorted(range(n_rows), key=blocks.__getitem__))  # stable
        ranks = in_block_order(_expanded(programs.ranges, n_rows, rank_of))
        self.rank = array("i", ranks)
        """The name rank of each row's institution."""
        self.completions = array("i", in_block_order(programs.completions))
        ends = [self.starts[k * n_codes] for k in range(len(self.awards) + 1)]
        self.award_ranks = tuple(
            array("i", sorted(set(ranks[start:end]))) for start, end in pairwise(ends)
        )
        """By award level (as :attr:`awards`): the name ranks with a row of it, ascending."""
        self.families = tuple(sorted({code[:2] for code in self.codes}))
        """The 2-digit CIP families present, sorted."""
        family_spans = [self.code_spans([family])[0] for family in self.families]
        self.family_ranks = tuple(
            array(
                "i",
                sorted(set(ranks[self.starts[k * n_codes + lo] : self.starts[k * n_codes + hi]])),
            )
            for k in range(len(self.awards))
            for lo, hi in family_spans
        )
        """By award level then family (``award_index * len(families) + family_index``): the
        name ranks with a row of them, ascending."""
        of_outcome = _reader(in_block_order(self.outcome_row))
        ratios = (
            NONE if d == NONE or e <= 0 else ratio_hundredths(d, e)
            for d, e in zip(outcomes.debt, outcomes.earnings, strict=True)
        )
        # the outcome row -1 (none) reads the NONE appended at the end of each column
        values = {
            "earnings": of_outcome([*outcomes.earnings, NONE]),
            "debt": of_outcome([*outcomes.debt, NONE]),
            "ratio": of_outcome([*ratios, NONE]),
        }
        self.earnings = array("i", values["earnings"])
        self.debt = array("i", values["debt"])
        self.ratio = array("i", values["ratio"])
        """Median debt / median earnings in hundredths (``-1`` unless both are published)."""
        self.published = {name: bytes(map(NONE.__ne__, v)) for name, v in values.items()}
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
        (``earnings``, ``debt`` or ``ratio``) over ``spans``; where none is, a number
        after every value in that order: ``-1`` (highest) or :data:`UNPUBLISHED_LOWEST`."""
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
        lowest = [UNPUBLISHED_LOWEST] * self.size
        for start, end in spans:
            pairs = zip(rank[start:end], column[start:end], strict=True)
            for r, v in compress(pairs, published[start:end]):
                if v < lowest[r]:
                    lowest[r] = v
        return lowest

    def totals(self, spans: Sequence[tuple[int, int]]) -> list[int]:
        """Per name rank, completions summed over ``spans``."""
        total = [0] * self.size
        rank, completions = self.rank, self.completions
        for start, end in spans:
            for r, n in zip(rank[start:end], completions[start:end], strict=True):
                total[r] += n
        return total

    def ranks_of_awards(self, awards: Iterable[AwardLevel]) -> list[int]:
        """The name ranks (ascending) with a row of any of ``awards`` (any award when empty)."""
        wanted = {a.value for a in awards}
        found = [
            r
            for a, r in zip(self.awards, self.award_ranks, strict=True)
            if a in wanted or not wanted
        ]
        return _union(found)

    def ranks_of_families(
        self, families: Iterable[str], awards: Iterable[AwardLevel]
    ) -> list[int] | None:
        """The name ranks (ascending) with a row in any of ``families`` (2-digit CIP codes)
        at any of ``awards`` (any award when empty); ``None`` unless every one of
        ``families`` is a 2-digit code (then :meth:`ranks` answers)."""
        wanted = {a.value for a in awards}
        codes = set(families)
        if any(len(code) != 2 for code in codes):
            return None
        n_families = len(self.families)
        found = [
            self.family_ranks[k * n_families + f]
            for k, award in enumerate(self.awards)
            if award in wanted or not wanted
            for f, family in enumerate(self.families)
            if family in codes
        ]
        return _union(found)


def _union(sorted_ranks: list[array[int]]) -> list[int]:
    """The ranks in any of ``sorted_ranks`` (each ascending), ascending."""
    if len(sorted_ranks) == 1:
        return list(sorted_ranks[0])
    return sorted(set().union(*sorted_ranks))


def _outcome_rows(
    programs: ProgramTable, outcomes: OutcomeTable, blocks: list[int], awards: tuple[int, ...]
) -> array[int]:
    """For each completions row, the row of its Scorecard outcome (first of its UNITID,
    4-digit CIP and credential level, as :meth:`OutcomeTable.find` answers), else ``-1``.

    Within an institution both sides are keyed by ``cip4_index * 256 + credential`` (a CIP
    without outcomes gets the index ``len(outcomes.codes)``, which no outcome has): one
    small dict per institution, read in C, stays in the processor's cache."""
    outcome_keys = list(map(add, map(mul, outcomes.cips, repeat(256)), outcomes.credential))
    cip4_index = {c: k for k, c in enumerate(outcomes.codes)}
    code4 = [cip4_index.get(code[:5], len(outcomes.codes)) * 256 for code in programs.codes]
    # block (award, code) → code4 * 256 + credential, like block numbers in ProgramIndex
    block_key = [code4_k + _CREDENTIAL_OF[award] for award in awards for code4_k in code4]
    wanted = list(map(block_key.__getitem__, blocks))
    found = [-1] * len(programs)
    outcome_ranges = outcomes.ranges
    for unitid, (start, end) in programs.ranges.items():
        if unitid in outcome_ranges:
            first, last = outcome_ranges[unitid]
            keys = reversed(outcome_keys[first:last])
            row_of = dict(zip(keys, range(last - 1, first - 1, -1), strict=True))
            found[start:end] = map(row_of.get, wanted[start:end], repeat(-1))
    return array("i", found)
