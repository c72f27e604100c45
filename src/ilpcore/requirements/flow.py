"""A small bipartite max-flow, for the audit search's bound.

>>> bipartite_flow([(4, (0, 1)), (1, (1,))], {0: 3, 1: 3})
5
>>> unsatisfied_at_least([3, 3, 1], 4)
2
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

__all__ = ["bipartite_flow", "unsatisfied_at_least"]


def bipartite_flow(supply: Sequence[tuple[int, tuple[int, ...]]], demand: Mapping[int, int]) -> int:
    """Maximum flow from supplies ``(capacity, demands reached)`` to demands (capacities).

    The fractional relaxation of giving courses to requirements that each count a course
    at most once: no assignment of whole courses covers more.  A greedy pass places most of
    the flow; shortest augmenting paths (alternating supply, demand, supply...) place the rest.
    """
    rem_dem = dict(demand)
    rem_sup = [amount for amount, _ in supply]
    reach = [tuple(t for t in r if t in rem_dem) for _, r in supply]
    flow: list[dict[int, int]] = [{} for _ in supply]
    into: dict[int, list[int]] = {t: [] for t in rem_dem}
    total = 0
    for i, targets in enumerate(reach):
        for t in targets:
            into[t].append(i)
            left = rem_sup[i]
            room = rem_dem[t]
            if left and room:
                push = left if left < room else room
                flow[i][t] = push
                rem_sup[i] -= push
                rem_dem[t] -= push
                total += push
    while True:
        starts = [i for i, left in enumerate(rem_sup) if left and reach[i]]
        if not starts or not any(rem_dem.values()):
            return total
        came: dict[int, int] = {}  # demand -> the supply it was reached from
        back: dict[int, int] = dict.fromkeys(starts, -1)  # supply -> the demand it was reached from
        queue = deque(starts)
        end = None
        while queue and end is None:
            i = queue.popleft()
            for t in reach[i]:
                if t in came:
                    continue
                came[t] = i
                if rem_dem[t] > 0:
                    end = t
                    break
                for j in into[t]:
                    if j not in back and flow[j].get(t, 0) > 0:
                        back[j] = t
                        queue.append(j)
        if end is None:
            return total
        push = rem_dem[end]
        t = end
        while True:
            i = came[t]
            prev = back[i]
            if prev < 0:
                push = min(push, rem_sup[i])
                break
            push = min(push, flow[i][prev])
            t = prev
        t = end
        while True:
            i = came[t]
            flow[i][t] = flow[i].get(t, 0) + push
            prev = back[i]
            if prev < 0:
                rem_sup[i] -= push
                break
            flow[i][prev] -= push
            t = prev
        rem_dem[end] -= push
        total += push


def unsatisfied_at_least(residuals: Sequence[int], deficit: int) -> int:
    """The fewest requirements left unmet when ``deficit`` of the residual needs cannot be
    covered: together the unmet ones must absorb the deficit."""
    count = 0
    for r in sorted(residuals, reverse=True):
        if deficit <= 0:
            break
        count += 1
        deficit -= r
    return count
