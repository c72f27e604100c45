"""Centred, unit-length profile vectors and an exact top-k search over them.

Pearson's r between two six-score profiles is the dot product of their centred,
unit-length versions ``u = (x - mean) / |x - mean|``.  Occupation vectors are
computed once; a student's vector once per query.

Exactness rules that keep every path (pure Python, pruned, NumPy) bit-identical:

* a student's vector is computed from ``d = 6*x - sum(x)`` divided by the gcd of its
  entries (exact integers; floats go through :class:`~fractions.Fraction`), so adding
  a constant to, or multiplying by a positive constant, all six scores gives the very
  same vector when the arithmetic is exact;
* r is always ``u0*v0 + u1*v1 + ... + u5*v5`` evaluated left to right, so it equals the
  left-to-right sum of the per-area contributions ``u_k * v_k``;
* ties in r are broken by the occupation's position, which is its code order.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

__all__ = ["VectorIndex", "canonical_differences", "dot", "unit_vector"]

DIM: Final = 6
_SLACK: Final = 1e-9
"""Bounds are compared with this much slack, so pruning never drops a possible tie."""
_ANGLE_SLACK: Final = 1e-6
"""Added to every cluster radius: ``acos`` near 1 is only good to about 1e-8 radians."""


def canonical_differences(scores: Sequence[float]) -> tuple[int, ...] | None:
    """``6*x - sum(x)`` reduced by its gcd (exact); ``None`` when all scores are equal."""
    if all(isinstance(s, int) for s in scores):
        ints = [int(s) for s in scores]
    else:
        fracs = [Fraction(s) for s in scores]
        common = math.lcm(*(f.denominator for f in fracs))
        ints = [int(f * common) for f in fracs]
    total = sum(ints)
    d = [DIM * x - total for x in ints]
    g = math.gcd(*d)
    if g == 0:
        return None
    return tuple(v // g for v in d)


def unit_from_differences(d: Sequence[int]) -> tuple[float, ...]:
    norm = math.sqrt(float(sum(v * v for v in d)))
    return tuple(float(v) / norm for v in d)


def unit_vector(scores: Sequence[float]) -> tuple[float, ...] | None:
    """The centred unit vector of six scores (exact canonical form), or ``None`` if flat."""
    d = canonical_differences(scores)
    return None if d is None else unit_from_differences(d)


def dot(u: Sequence[float], v: Sequence[float]) -> float:
    """Left-to-right dot product of two six-vectors (the definition of r in ilpcore)."""
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2] + u[3] * v[3] + u[4] * v[4] + u[5] * v[5]


@attrs.frozen
class _Cluster:
    centre: tuple[float, ...]
    """Unit-length direction of the cluster."""
    radius: float
    """Largest angle (radians) between the centre and a member."""
    positions: tuple[int, ...]
    vectors: tuple[tuple[float, ...], ...]


def _angle(u: Sequence[float], v: Sequence[float]) -> float:
    return math.acos(max(-1.0, min(1.0, dot(u, v))))


def _clusters(vectors: Sequence[tuple[float, ...]]) -> tuple[_Cluster, ...]:
    groups: dict[tuple[int, int], list[int]] = {}
    for pos, v in enumerate(vectors):
        order = sorted(range(DIM), key=lambda k: (-v[k], k))
        groups.setdefault((order[0], order[1]), []).append(pos)
    clusters = []
    for key in sorted(groups):
        members = groups[key]
        mean = [math.fsum(vectors[p][k] for p in members) for k in range(DIM)]
        length = math.sqrt(math.fsum(m * m for m in mean))
        centre = tuple(m / length for m in mean) if length > 0 else vectors[members[0]]
        radius = max(_angle(centre, vectors[p]) for p in members) + _ANGLE_SLACK
        clusters.append(
            _Cluster(centre, radius, tuple(members), tuple(vectors[p] for p in members))
        )
    return tuple(clusters)


@attrs.frozen
class VectorIndex:
    """Unit vectors in a fixed order (the tie-break order), searchable for the top k by r.

    The search groups vectors by their two largest components and skips a group when
    an angular bound proves none of its members can reach the current k-th best r;
    the result is exactly that of scoring every vector.
    """

    vectors: tuple[tuple[float, ...], ...]
    _clusters: tuple[_Cluster, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_clusters", _clusters(self.vectors))

    def __len__(self) -> int:
        return len(self.vectors)

    def all_scores(self, u: Sequence[float]) -> list[float]:
        """r against every vector, in index order (the bare loop)."""
        a0, a1, a2, a3, a4, a5 = u
        return [
            a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5
            for x0, x1, x2, x3, x4, x5 in self.vectors
        ]

    def top(self, u: Sequence[float], k: int) -> list[tuple[float, int]]:
        """The ``k`` best ``(r, position)`` pairs: r descending, then position ascending."""
        if k <= 0 or not self.vectors:
            return []
        a0, a1, a2, a3, a4, a5 = u
        bounded = []
        for c in self._clusters:
            theta = _angle(u, c.centre)
            bound = 1.0 if theta <= c.radius else math.cos(theta - c.radius)
            bounded.append((-bound, c.positions[0], c))
        bounded.sort(key=lambda t: (t[0], t[1]))
        heap: list[float] = []
        found: list[tuple[float, int]] = []
        for neg_bound, _, c in bounded:
            if len(heap) >= k and -neg_bound < heap[0] - _SLACK:
                break
            rs = [
                a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5
                for x0, x1, x2, x3, x4, x5 in c.vectors
            ]
            found.extend(zip(rs, c.positions, strict=True))
            for r in rs:
                if len(heap) < k:
                    heapq.heappush(heap, r)
                elif r > heap[0]:
                    heapq.heapreplace(heap, r)
        threshold = heap[0] if len(heap) >= k else -math.inf
        best = [pair for pair in found if pair[0] >= threshold]
        best.sort(key=lambda p: (-p[0], p[1]))
        return best[:k]
