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
    at most once: no assignment of whole courses covers more.
    """
    targets = sorted(demand)
    n_s = len(supply)
    index = {t: n_s + k for k, t in enumerate(targets)}
    source, sink = n_s + len(targets), n_s + len(targets) + 1
    cap: list[dict[int, int]] = [{} for _ in range(sink + 1)]
    for i, (amount, reach) in enumerate(supply):
        cap[source][i] = amount
        cap[i][source] = 0
        for t in reach:
            if t in index:
                cap[i][index[t]] = amount
                cap[index[t]][i] = 0
    for t in targets:
        cap[index[t]][sink] = demand[t]
        cap[sink][index[t]] = 0
    flow = 0
    while True:
        parent = [-1] * (sink + 1)
        parent[source] = source
        queue = deque([source])
        while queue and parent[sink] < 0:
            u = queue.popleft()
            for v, c in cap[u].items():
                if c > 0 and parent[v] < 0:
                    parent[v] = u
                    queue.append(v)
        if parent[sink] < 0:
            return flow
        push = -1
        v = sink
        while v != source:
            c = cap[parent[v]][v]
            push = c if push < 0 or c < push else push
            v = parent[v]
        v = sink
        while v != source:
            cap[parent[v]][v] -= push
            cap[v][parent[v]] += push
            v = parent[v]
        flow += push


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
