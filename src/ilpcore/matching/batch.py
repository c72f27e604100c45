"""Rank many students at once: a pure-Python path and a NumPy path with identical results.

Both paths give, for every student, the same occupations in the same order with the
same r (bit for bit) as :func:`~ilpcore.matching.ranking.rank_interests`, because they
share its arithmetic (see :mod:`ilpcore.matching._vectors`):

* the NumPy path finds candidates with one matrix product and ``argpartition`` per
  block, then recomputes r for the candidates in the canonical left-to-right order and
  sorts them by (r descending, code).  A row whose candidates might miss a tie (the
  k-th exact r is not clearly above every non-candidate) is recomputed exactly over
  all occupations;
* input is processed in blocks of ``block_size`` students, so memory is bounded by
  the block (plus the ``n x top`` output).

Scores are whole numbers (raw Interest Profiler scores).  A student whose six scores
are equal gets no matches and is marked ``refused``; one whose spread is below
:data:`~ilpcore.matching.interests.FLAT_PROFILE_THRESHOLD` of the ``minimum``-``maximum``
scale is refused too unless ``best_effort``, then marked ``low_confidence``.

NumPy is only imported by the ``"numpy"`` engine (``pip install ilpcore[fast]``).

>>> from ilpcore.matching.ranking import InterestIndex, OccupationProfile
>>> index = InterestIndex.build(
...     [OccupationProfile("1", "R job", (7, 3, 1, 1, 2, 3), "R", 1),
...      OccupationProfile("2", "S job", (1, 2, 3, 7, 4, 2), "SE", 2)], release="tiny")
>>> result = rank_batch([(40, 10, 0, 0, 5, 10), (0, 5, 10, 40, 20, 0), (9,) * 6], index, top=1)
>>> [result.codes(i) for i in range(3)], result.refused
([('1',), ('2',), ()], (False, False, True))
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Sequence, Sized
from itertools import islice
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.matching._vectors import EXACT_SQUARES, canonical_differences, unit_from_differences
from ilpcore.matching.congruence import RIASEC
from ilpcore.matching.interests import FLAT_PROFILE_THRESHOLD, is_undifferentiated
from ilpcore.matching.ranking import InterestIndex, _zones_for

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ilpcore.matching.interest_index import _Subset

__all__ = ["BatchResult", "Engine", "rank_batch", "rank_batch_blocks"]

Engine = Literal["python", "numpy"]
DEFAULT_BLOCK: Final = 4096
_EXTRA_CANDIDATES: Final = 8
"""Candidates beyond ``top`` taken from the matrix product, to absorb rounding."""
_PRODUCT_ERROR: Final = 1e-12
"""Bound on |matrix-product r - exact r| (the true error is below 1e-15)."""


@attrs.frozen
class BatchResult:
    """Top-k occupations for a block (or all) of students.

    ``positions[i]`` are positions in the index's rated occupations (``-1`` pads a
    refused student's row on the NumPy engine); use :meth:`codes` and :meth:`rs`.
    """

    release: str
    top: int
    zone: int | None
    zones: tuple[int, ...] | None
    start: int
    """The number of students before this block."""
    positions: Any
    r: Any
    refused: tuple[bool, ...]
    low_confidence: tuple[bool, ...]
    _codes: tuple[str, ...] = attrs.field(repr=False)

    def __len__(self) -> int:
        return len(self.refused)

    def codes(self, i: int) -> tuple[str, ...]:
        """The O*NET-SOC codes of student ``i`` (within this result), best first."""
        return tuple(self._codes[int(p)] for p in self.positions[i] if p >= 0)

    def rs(self, i: int) -> tuple[float, ...]:
        """The r of each of student ``i``'s matches."""
        n = len(self.codes(i))
        return tuple(float(x) for x in self.r[i][:n])


def _check(top: int, block_size: int) -> None:
    problems = []
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        problems.append(Problem("top", f"must be a whole number of at least 1, got {top!r}"))
    if isinstance(block_size, bool) or not isinstance(block_size, int) or block_size < 1:
        problems.append(Problem("block_size", f"must be at least 1, got {block_size!r}"))
    if problems:
        raise ValidationError(problems)


def rank_batch_blocks(
    students: Iterable[Sequence[int]] | npt.NDArray[np.integer[Any]],
    index: InterestIndex,
    *,
    top: int = 20,
    zone: int | None = None,
    engine: Engine = "python",
    best_effort: bool = False,
    minimum: int = 0,
    maximum: int | None = 40,
    block_size: int = DEFAULT_BLOCK,
) -> Iterator[BatchResult]:
    """Rank students block by block (bounded memory); see the module docstring.

    ``maximum=None`` means the scale is unknown: only six equal scores are refused.
    """
    _check(top, block_size)
    zones, subset, codes = _ranked_among(index, zone, top)
    start = 0
    for block in _blocks(students, block_size):
        if engine == "numpy":
            pos, r, refused, low = _numpy_block(
                block, subset.vectors.vectors, top, best_effort, minimum, maximum
            )
        elif engine == "python":
            pos, r, refused, low = _python_block(
                block, subset.vectors, top, best_effort, minimum, maximum
            )
        else:
            raise ValidationError.at("engine", f"{engine!r} is not 'python' or 'numpy'")
        yield BatchResult(index.release, top, zone, zones, start, pos, r, refused, low, codes)
        start += len(block)


def _ranked_among(
    index: InterestIndex, zone: int | None, top: int
) -> tuple[tuple[int, ...] | None, _Subset, tuple[str, ...]]:
    """The job zones ranked among (``None``: all), that subset of the index, and its codes."""
    zones = None if zone is None else _zones_for(index, zone, top)
    subset = index.subset(zones)
    return zones, subset, tuple(index.rated[p].code for p in subset.positions)


def _blocks(students: Any, block_size: int) -> Iterator[Any]:
    """Slices of an array, or lists of rows of any other iterable."""
    if hasattr(students, "shape") and hasattr(students, "__getitem__"):
        for first in range(0, len(students), block_size):
            yield students[first : first + block_size]
        return
    rows = iter(students)
    while block := list(islice(rows, block_size)):
        yield block


def rank_batch(
    students: Iterable[Sequence[int]] | npt.NDArray[np.integer[Any]],
    index: InterestIndex,
    *,
    top: int = 20,
    zone: int | None = None,
    engine: Engine = "python",
    best_effort: bool = False,
    minimum: int = 0,
    maximum: int | None = 40,
    block_size: int = DEFAULT_BLOCK,
) -> BatchResult:
    """Rank all students and return one :class:`BatchResult` (see :func:`rank_batch_blocks`)."""
    zones, _, codes = _ranked_among(index, zone, top)
    blocks = rank_batch_blocks(
        students,
        index,
        top=top,
        zone=zone,
        engine=engine,
        best_effort=best_effort,
        minimum=minimum,
        maximum=maximum,
        block_size=block_size,
    )
    refused: list[bool] = []
    low: list[bool] = []
    if engine == "numpy":
        positions, r = _gather_arrays(
            blocks, refused, low, len(students) if isinstance(students, Sized) else None
        )
    else:
        pos_rows: list[tuple[int, ...]] = []
        r_rows: list[tuple[float, ...]] = []
        for b in blocks:
            pos_rows.extend(b.positions)
            r_rows.extend(b.r)
            refused.extend(b.refused)
            low.extend(b.low_confidence)
        positions, r = tuple(pos_rows), tuple(r_rows)
    return BatchResult(
        index.release, top, zone, zones, 0, positions, r, tuple(refused), tuple(low), codes
    )


def _gather_arrays(
    blocks: Iterator[BatchResult], refused: list[bool], low: list[bool], n: int | None
) -> tuple[Any, Any]:
    """Block arrays copied into one preallocated pair (no concatenation peak)."""
    import numpy as np

    if n is not None:
        positions: Any = None
        r: Any = None
        for b in blocks:
            if positions is None:
                positions = np.empty((n, b.positions.shape[1]), dtype=b.positions.dtype)
                r = np.empty((n, b.r.shape[1]), dtype=b.r.dtype)
            positions[b.start : b.start + len(b)] = b.positions
            r[b.start : b.start + len(b)] = b.r
            refused.extend(b.refused)
            low.extend(b.low_confidence)
        if positions is None:
            return np.empty((0, 0), dtype=np.int32), np.empty((0, 0))
        return positions, r
    parts = list(blocks)
    for b in parts:
        refused.extend(b.refused)
        low.extend(b.low_confidence)
    if not parts:
        return np.empty((0, 0), dtype=np.int32), np.empty((0, 0))
    return np.concatenate([b.positions for b in parts]), np.concatenate([b.r for b in parts])


def _whole_numbers(raw: Sequence[int], i: int) -> tuple[int, ...]:
    problems = []
    values = []
    for j, v in enumerate(raw):
        try:
            values.append(operator.index(v))
        except TypeError:
            problems.append(Problem(f"students[{i}][{j}]", f"{v!r} is not a whole number"))
    if len(values) != len(RIASEC) and not problems:
        problems.append(Problem(f"students[{i}]", f"needs 6 scores, got {len(values)}"))
    if problems:
        raise ValidationError(problems)
    return tuple(values)


def _flat(values: Sequence[int], minimum: int, maximum: int | None) -> bool:
    return maximum is not None and is_undifferentiated(values, minimum, maximum)


def _python_block(
    block: list[Sequence[int]],
    vectors: Any,
    top: int,
    best_effort: bool,
    minimum: int,
    maximum: int | None,
) -> tuple[
    tuple[tuple[int, ...], ...], tuple[tuple[float, ...], ...], tuple[bool, ...], tuple[bool, ...]
]:
    positions: list[tuple[int, ...]] = []
    rs: list[tuple[float, ...]] = []
    refused: list[bool] = []
    low: list[bool] = []
    for i, raw in enumerate(block):
        values = _whole_numbers(raw, i)
        d = canonical_differences(values)
        flat = _flat(values, minimum, maximum)
        if d is None or (flat and not best_effort):
            positions.append(())
            rs.append(())
            refused.append(True)
            low.append(False)
            continue
        found = vectors.top(unit_from_differences(d), top)
        positions.append(tuple(p for _, p in found))
        rs.append(tuple(r for r, _ in found))
        refused.append(False)
        low.append(flat)
    return tuple(positions), tuple(rs), tuple(refused), tuple(low)


def _numpy_block(
    block: list[Sequence[int]],
    vectors: Sequence[Sequence[float]],
    top: int,
    best_effort: bool,
    minimum: int,
    maximum: int | None,
) -> tuple[Any, Any, tuple[bool, ...], tuple[bool, ...]]:
    import numpy as np

    raw = np.asarray(block)
    if raw.dtype.kind not in "iu":
        raise ValidationError.at("students", f"needs whole-number scores, got {raw.dtype}")
    s = raw.astype(np.int64)
    if s.ndim != 2 or s.shape[1] != len(RIASEC):
        raise ValidationError.at("students", f"needs rows of 6 scores, got shape {s.shape}")
    n = s.shape[0]
    v = np.asarray(vectors, dtype=np.float64).reshape(-1, len(RIASEC))
    m = v.shape[0]
    k = min(top, m)
    total = s.sum(axis=1, keepdims=True)
    raw_d = 6 * s - total
    squares_raw = (raw_d * raw_d).sum(axis=1)
    g = np.gcd.reduce(np.abs(raw_d), axis=1)
    zero = g == 0
    if maximum is None:
        flat = np.zeros(n, dtype=bool)
    else:
        limit = len(RIASEC) ** 3 * (FLAT_PROFILE_THRESHOLD * (maximum - minimum)) ** 2
        flat = squares_raw < limit
    refused = zero | (flat & (not best_effort))
    d = raw_d // np.where(zero, 1, g)[:, None]
    squares = (d * d).sum(axis=1)
    if np.any(squares >= EXACT_SQUARES):
        raise ValidationError.at("students", "scores too large for the NumPy engine")
    norm = np.sqrt(squares.astype(np.float64))
    norm[zero] = 1.0
    u = d.astype(np.float64) / norm[:, None]
    positions = np.full((n, k), -1, dtype=np.int32)
    rs = np.full((n, k), np.nan, dtype=np.float64)
    if k > 0 and m > 0:
        _numpy_top(u, v, k, positions, rs)
        positions[refused] = -1
        rs[refused] = np.nan
    return positions, rs, tuple(refused.tolist()), tuple((flat & ~refused).tolist())


def _exact(u: Any, v: Any, cand: Any) -> Any:
    """r for candidate columns, summed left to right exactly as the pure-Python path."""
    r = u[:, 0:1] * v[cand, 0]
    for j in range(1, len(RIASEC)):
        r = r + u[:, j : j + 1] * v[cand, j]
    return r


def _numpy_top(u: Any, v: Any, k: int, positions: Any, rs: Any) -> None:
    import numpy as np

    m = v.shape[0]
    width = min(m, k + _EXTRA_CANDIDATES)
    neg_product = (-u) @ v.T  # negated once on the small side, not on the b x m result
    if width < m:
        cand = np.argpartition(neg_product, width - 1, axis=1)[:, :width]
    else:
        cand = np.broadcast_to(np.arange(m), (u.shape[0], m))
    exact = _exact(u, v, cand)
    order = np.lexsort((cand, -exact), axis=1)[:, :k]
    best = np.take_along_axis(cand, order, axis=1)
    best_r = np.take_along_axis(exact, order, axis=1)
    if width < m:
        floor = -np.take_along_axis(neg_product, cand, axis=1).max(axis=1)
        unsure = ~(best_r[:, -1] > floor + 2 * _PRODUCT_ERROR)
        if np.any(unsure):
            rows = np.nonzero(unsure)[0]
            every = np.broadcast_to(np.arange(m), (rows.size, m))
            full = _exact(u[rows], v, every)
            full_order = np.lexsort((every, -full), axis=1)[:, :k]
            best[rows] = np.take_along_axis(every, full_order, axis=1)
            best_r[rows] = np.take_along_axis(full, full_order, axis=1)
    positions[:] = best
    rs[:] = best_r
