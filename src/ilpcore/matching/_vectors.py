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
_KMEANS_ROUNDS: Final = 12
_FIRST_PASS: Final = 2
"""Score whole groups until this many times k occupations are scored, then prune."""
_GROUPS_PER_SQRT_N: Final = 2


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


EXACT_SQUARES: Final = 2**53
"""Below this, the sum of squares of canonical differences is exact as a float."""


def unit_from_differences(d: Sequence[int]) -> tuple[float, ...]:
    """``d / |d|``; computed as ``float(d_k) / sqrt(float(sum d_k^2))`` when that is exact."""
    squares = sum(v * v for v in d)
    if squares < EXACT_SQUARES:
        norm = math.sqrt(float(squares))
        return tuple(float(v) / norm for v in d)
    largest = max(abs(v) for v in d)
    scaled = [v / largest for v in d]  # int / int is correctly rounded, even for huge ints
    norm = math.sqrt(math.fsum(q * q for q in scaled))
    return tuple(q / norm for q in scaled)


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
    cos_radius: float
    """Cosine of the largest angle between the centre and a member (plus a safety margin)."""
    sin_radius: float
    positions: tuple[int, ...]
    rows: tuple[tuple[float, float, float, float, float, float, int], ...]
    """Each member's six components followed by its position."""


def _angle(u: Sequence[float], v: Sequence[float]) -> float:
    return math.acos(max(-1.0, min(1.0, dot(u, v))))


def _normalised_mean(
    vectors: Sequence[Sequence[float]], members: Sequence[int]
) -> tuple[float, ...]:
    mean = [math.fsum(vectors[p][k] for p in members) for k in range(DIM)]
    length = math.sqrt(math.fsum(m * m for m in mean))
    return tuple(m / length for m in mean) if length > 0 else tuple(vectors[members[0]])


def _nearest(v: Sequence[float], centres: Sequence[Sequence[float]]) -> int:
    best, best_dot = 0, -math.inf
    for j, c in enumerate(centres):
        d = dot(v, c)
        if d > best_dot:
            best, best_dot = j, d
    return best


def _clusters(vectors: Sequence[tuple[float, ...]]) -> tuple[_Cluster, ...]:
    """Deterministic spherical k-means (about 2*sqrt(n) groups, farthest-point start)."""
    if not vectors:
        return ()
    k = min(len(vectors), max(1, round(_GROUPS_PER_SQRT_N * math.sqrt(len(vectors)))))
    centres: list[tuple[float, ...]] = [vectors[0]]
    closest = [dot(v, vectors[0]) for v in vectors]
    while len(centres) < k:
        far = min(range(len(vectors)), key=lambda i: (closest[i], i))
        centres.append(vectors[far])
        closest = [max(c, dot(v, vectors[far])) for c, v in zip(closest, vectors, strict=True)]
    assignment: list[int] = []
    for _ in range(_KMEANS_ROUNDS):
        new = [_nearest(v, centres) for v in vectors]
        if new == assignment:
            break
        assignment = new
        groups: list[list[int]] = [[] for _ in centres]
        for p, j in enumerate(assignment):
            groups[j].append(p)
        centres = [_normalised_mean(vectors, g) if g else centres[j] for j, g in enumerate(groups)]
    groups = [[] for _ in centres]
    for p, j in enumerate(assignment):
        groups[j].append(p)
    clusters = []
    for centre, members in zip(centres, groups, strict=True):
        if not members:
            continue
        radius = min(math.pi, max(_angle(centre, vectors[p]) for p in members) + _ANGLE_SLACK)
        clusters.append(
            _Cluster(
                centre,
                math.cos(radius),
                math.sin(radius),
                tuple(members),
                tuple((*vectors[p], p) for p in members),  # type: ignore[misc]
            )
        )
    return tuple(clusters)


@attrs.frozen
class VectorIndex:
    """Unit vectors in a fixed order (the tie-break order), searchable for the top k by r.

    The search groups nearby vectors (spherical k-means) and skips a group when an
    angular bound proves none of its members can reach the current k-th best r; the
    result is exactly that of scoring every vector.
    """

    vectors: tuple[tuple[float, ...], ...]
    _clusters: tuple[_Cluster, ...] = attrs.field(init=False, repr=False, eq=False)
    _cones: tuple[tuple[float, float, float, float, float, float, float, float], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    """Per group: its centre's six components, cos and sin of its radius (flat, for speed)."""

    def __attrs_post_init__(self) -> None:
        clusters = _clusters(self.vectors)
        object.__setattr__(self, "_clusters", clusters)
        cones = tuple((*c.centre, c.cos_radius, c.sin_radius) for c in clusters)
        object.__setattr__(self, "_cones", cones)

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
        """The ``k`` best ``(r, position)`` pairs: r descending, then position ascending.

        Groups are visited best bound first.  Once ``k`` occupations are scored, the
        k-th best r so far is a lower bound of the final k-th r: later groups whose
        bound is below it are skipped and, in the others, only scores reaching it kept.
        """
        if k <= 0 or not self.vectors:
            return []
        a0, a1, a2, a3, a4, a5 = u
        sqrt = math.sqrt
        # Per group, minus the bound cos(theta - radius), or -1 when u lies inside the cone
        # (theta <= radius).  abs() only guards against 1 - ct*ct rounding below zero, which
        # makes the bound larger, never smaller.
        neg_bounds = [
            -1.0 if ct >= cr else -(ct * cr + sqrt(abs(1.0 - ct * ct)) * sr)
            for ct, cr, sr in [
                (a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5, cr, sr)
                for x0, x1, x2, x3, x4, x5, cr, sr in self._cones
            ]
        ]
        bounded = sorted(zip(neg_bounds, range(len(neg_bounds)), self._clusters, strict=True))
        bounded_rows = [(nb, c.rows) for nb, _, c in bounded]
        found: list[tuple[float, int]] = []
        visited = 0
        for _bound, rows in bounded_rows:
            visited += 1
            found.extend(
                [
                    (-(a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5), p)
                    for x0, x1, x2, x3, x4, x5, p in rows
                ]
            )
            if len(found) >= _FIRST_PASS * k:
                break
        found.sort()
        limit = found[k - 1][0] if len(found) >= k else math.inf
        for neg_bound, rows in bounded_rows[visited:]:
            if neg_bound > limit + _SLACK:
                break
            found.extend(
                [
                    (neg_r, p)
                    for x0, x1, x2, x3, x4, x5, p in rows
                    if (neg_r := -(a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3 + a4 * x4 + a5 * x5))
                    <= limit
                ]
            )
        found.sort()
        return [(-neg_r, p) for neg_r, p in found[:k]]
