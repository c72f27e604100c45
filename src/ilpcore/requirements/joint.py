"""The status penalty of a group of exclusive siblings, bounded jointly over the tiers.

The audit's cost puts the status penalty last: it only separates assignments whose unmet
requirements, missing credits and missing courses are equal.  So a lower bound on the
penalty may assume the missing credits are at their own lower bound ``missing``.  Then, at
each tier ``t``, the members not yet satisfied at ``t`` (the set ``N``) must absorb every
later course they receive and the ``missing`` credits, while the others are filled by courses
of tier ``t`` or earlier.  Whether a set ``N`` admits that is a max-flow (the fractional
relaxation: courses may be split, so no assignment of whole courses does better), and a
larger ``N`` only helps, so the fewest members unsatisfied at ``t`` is the size of the
smallest feasible ``N``.  The penalty is the sum of those counts over the tiers.

>>> # Two members need 2 units each; one completed course (2) and one planned (2) reach both.
>>> joint_penalty((1, 2), {1: 2, 2: 2}, {1: [0] * 4, 2: [0] * 4},
...               {(0, (1, 2)): 2, (3, (1, 2)): 2}, (0, 3), 0, [0] * 4, {})[0]
3
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, combinations

from ilpcore.requirements.flow import bipartite_flow
from ilpcore.requirements.problem import TIERS

__all__ = ["JOINT_BUDGET", "Witness", "joint_penalty"]

JOINT_BUDGET = 256
"""Candidate sets tried per tier; past it the bound stops at the size reached (still valid:
every smaller size was refuted)."""

_Supply = list[tuple[int, tuple[int, ...]]]
Witness = tuple[int, tuple[int, ...]]
"""The fewest members unsatisfied at a tier, and a feasible set of that size."""


def joint_penalty(
    members: Sequence[int],
    need: Mapping[int, int],
    cum: Mapping[int, Sequence[int]],
    pending: Mapping[tuple[int, tuple[int, ...]], int],
    tiers: Sequence[int],
    missing: int,
    floor: Sequence[int],
    memo: dict[tuple[object, ...], int],
    hint: Sequence[Witness | None] = (),
    *,
    nested: bool = False,
) -> tuple[int, list[Witness | None]]:
    """The bound for ``members`` (see the module docstring).

    ``cum[j][t]``: credits already counted toward member ``j`` by courses of tier ``t`` or
    earlier; ``pending[(tier, reach)]``: credits of unassigned courses of that tier reaching
    those members; ``tiers``: the tiers present, ascending, with 0; ``floor[t]``: a known lower
    bound on the members unsatisfied at ``t``; ``memo``: flows already computed; ``hint``,
    what this returned (per tier) for a state this one refines (a course assigned since): its
    sizes are floors here, and its sets are tried first.  Returns the bound and, per tier, the
    smallest unsatisfied set found (``None`` if none was).
    """
    final = {j: need[j] - cum[j][TIERS - 1] for j in members}
    total = 0
    found: list[Witness | None] = [None] * TIERS
    sizes = [0] * TIERS
    for x, t in enumerate(tiers):
        span = (tiers[x + 1] if x + 1 < len(tiers) else TIERS) - t
        demand_t = {j: need[j] - cum[j][t] for j in members if need[j] > cum[j][t]}
        if not demand_t:
            found[t] = (0, ())
            continue
        before = hint[t] if hint else None
        early, late = _split(pending, t)
        reach_early = dict.fromkeys(demand_t, 0)
        for amt, key in early:
            for j in key:
                if j in reach_early:
                    reach_early[j] += amt
        forced = tuple(j for j in demand_t if demand_t[j] > reach_early[j])
        free = [j for j in demand_t if j not in forced]
        size = max(len(forced), floor[t], before[0] if before else 0)
        tries = [0]
        first: tuple[int, ...] = ()
        if before and before[0] == size:
            first = tuple(j for j in before[1] if j in demand_t)
        while size < len(demand_t):
            witness = _any_feasible(size, forced, free, demand_t, final, early, late, missing,
                                    memo, tries, first)  # fmt: skip
            if witness is not False:  # feasible, or out of budget: stop at this size
                if isinstance(witness, tuple):
                    found[t] = (size, witness)
                break
            size += 1
        total += span * size
        sizes[t] = size
    exact = all(found[t] is not None and found[t][0] == sizes[t] for t in tiers)  # type: ignore[index]
    if (
        nested
        and exact
        and not _nested_feasible(members, need, cum, final, pending, tiers, sizes, missing, memo)
    ):
        total += 1
    return total, found


def _nested_feasible(
    members: Sequence[int],
    need: Mapping[int, int],
    cum: Mapping[int, Sequence[int]],
    final: dict[int, int],
    pending: Mapping[tuple[int, tuple[int, ...]], int],
    tiers: Sequence[int],
    sizes: list[int],
    missing: int,
    memo: dict[tuple[object, ...], int],
) -> bool:
    """Whether the smallest unsatisfied sets of the tiers can belong to one assignment: nested
    (unsatisfied at a tier, unsatisfied before) and fed by one flow in which each member takes
    courses up to the tier it is satisfied at.  ``True`` also when the search is too large."""
    per_tier: list[list[frozenset[int]]] = []
    for t in tiers:
        demand_t = {j: need[j] - cum[j][t] for j in members if need[j] > cum[j][t]}
        if sizes[t] == 0:
            per_tier.append([frozenset()])
            continue
        early, late = _split(pending, t)
        sets = []
        for n, combo in enumerate(combinations(sorted(demand_t), sizes[t])):
            if n >= JOINT_BUDGET:
                return True
            if _feasible(set(combo), demand_t, final, early, late, missing, memo):
                sets.append(frozenset(combo))
        per_tier.append(sets)
    checks = [0]

    def chains(x: int, below: frozenset[int]) -> Iterator[list[frozenset[int]]]:
        if x < 0:
            yield []
            return
        for n_set in per_tier[x]:
            if below <= n_set:
                for rest in chains(x - 1, n_set):
                    yield [*rest, n_set]

    for chain_sets in chains(len(tiers) - 1, frozenset()):
        checks[0] += 1
        if checks[0] > JOINT_BUDGET:
            return True
        status = {}
        for j in members:
            status[j] = next(
                (t for t, n_set in zip(tiers, chain_sets, strict=True) if j not in n_set), TIERS
            )
        demand = {}
        for j in members:
            st = status[j]
            d = final[j] if st == TIERS else need[j] - cum[j][st]
            if d > 0:
                demand[j] = d
        want = sum(demand.values())
        if want == 0:
            return True
        supply = [
            (amt, tuple(j for j in key if j in demand and tier <= status[j]))
            for (tier, key), amt in pending.items()
        ]
        if missing:
            supply.append((missing, tuple(sorted(chain_sets[-1]))))
        if not _hall_singletons(supply, demand, want):
            continue
        key = (tuple(supply), tuple(sorted(demand.items())))
        covered = memo.get(key, -1)
        if covered < 0:
            covered = memo[key] = bipartite_flow(supply, demand)
        if covered >= want:
            return True
    return False


def _split(pending: Mapping[tuple[int, tuple[int, ...]], int], t: int) -> tuple[_Supply, _Supply]:
    """The pending credits of tier ``t`` or earlier, and of later tiers, by reach."""
    early: dict[tuple[int, ...], int] = {}
    late: dict[tuple[int, ...], int] = {}
    for (tier, key), amt in pending.items():
        side = early if tier <= t else late
        side[key] = side.get(key, 0) + amt
    return [(a, k) for k, a in early.items()], [(a, k) for k, a in late.items()]


def _feasible(
    unsat: set[int],
    demand_t: dict[int, int],
    final: dict[int, int],
    early: _Supply,
    late: _Supply,
    missing: int,
    memo: dict[tuple[object, ...], int],
) -> bool:
    """Whether the members ``unsat`` can be the ones unsatisfied at the tier."""
    demand = {}
    for j, d in demand_t.items():
        if j in unsat:
            if final[j] > 0:
                demand[j] = final[j]
        else:
            demand[j] = d
    want = sum(demand.values())
    if want == 0:
        return True
    merged: dict[tuple[int, ...], int] = {}
    for amt, key in early:
        merged[key] = merged.get(key, 0) + amt
    for amt, key in late:
        key = tuple(j for j in key if j in unsat)
        if key:
            merged[key] = merged.get(key, 0) + amt
    if missing:
        key = tuple(sorted(unsat))
        merged[key] = merged.get(key, 0) + missing
    supply = [(amt, key) for key, amt in merged.items()]
    if not _hall_singletons(supply, demand, want):
        return False
    memo_key = (tuple(supply), tuple(sorted(demand.items())))
    covered = memo.get(memo_key, -1)
    if covered < 0:
        covered = memo[memo_key] = bipartite_flow(supply, demand)
    return covered >= want


def _any_feasible(
    size: int,
    forced: tuple[int, ...],
    free: list[int],
    demand_t: dict[int, int],
    final: dict[int, int],
    early: _Supply,
    late: _Supply,
    missing: int,
    memo: dict[tuple[object, ...], int],
    tries: list[int],
    first: tuple[int, ...],
) -> tuple[int, ...] | bool | None:
    """A set of ``size`` unsatisfied members (with ``forced``) that admits a flow (``first``
    is tried first), ``False`` if none does, ``None`` when the budget ran out."""
    candidates: Iterator[tuple[int, ...]] = combinations(free, size - len(forced))
    if first and set(forced) <= set(first) and len(first) == size:
        candidates = chain([tuple(j for j in first if j not in forced)], candidates)
    for more in candidates:
        tries[0] += 1
        if tries[0] > JOINT_BUDGET:
            return None
        unsat = set(forced).union(more)
        if _feasible(unsat, demand_t, final, early, late, missing, memo):
            return tuple(sorted(unsat))
    return False


def _hall_singletons(supply: _Supply, demand: dict[int, int], want: int) -> bool:
    """Necessary for a full flow: enough supply reaches all demands, and each demand."""
    reaching = dict.fromkeys(demand, 0)
    total = 0
    for amt, key in supply:
        hit = False
        for j in key:
            if j in reaching:
                reaching[j] += amt
                hit = True
        if hit:
            total += amt
    return total >= want and all(reaching[j] >= d for j, d in demand.items())
