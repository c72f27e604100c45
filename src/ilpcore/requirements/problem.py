"""The solver's integer problem, its solution, and the packed cost that orders assignments.

The solver sees only integers: nodes of a requirement tree (``parent``,
``children``, which need ``need_credits`` credits in exact integer units and
``need_courses`` courses; a ``choose`` node needs its ``n`` cheapest children),
courses (credits, *tier* 0 completed, 1 in progress, 2 registered, 3 planned)
and, for each course, its *options*: the sets of nodes it may count toward at
once (a node and all its ancestors; several siblings only where they share).

The cost of an assignment is one integer that orders, lexicographically:

1. unmet requirements (nodes whose own need is not met),
2. missing credits (summed over those nodes),
3. missing courses,
4. the status penalty: for each node, the tier at which it becomes satisfied
   (0 done ... 3 planned, 4 missing) — so completed courses are preferred.

>>> p = Problem(parent=(-1,), children=((),), choose=(None,), need_credits=(2,),
...             need_courses=(0,), fixed=(None,), waived=(False,), max_credits=(None,),
...             caps=(), course_credits=(1,), course_tier=(3,), options=(((0,),),))
>>> split_cost(p, pack(p, (1, 1, 0, 4)))
(1, 1, 0, 4)
"""

from __future__ import annotations

import attrs

__all__ = [
    "MISSING",
    "TIERS",
    "Problem",
    "Solution",
    "capped_nodes",
    "is_forced",
    "pack",
    "split_cost",
    "weights",
]

TIERS = 4
MISSING = 4


@attrs.frozen
class Problem:
    """A requirement tree and courses in integer units (see the module docstring)."""

    parent: tuple[int, ...]
    """Node ``i``'s parent; ``-1`` for the root (node 0).  Nodes are in pre-order."""
    children: tuple[tuple[int, ...], ...]
    choose: tuple[int | None, ...]
    """``n`` for a choose-n node, ``None`` for "all children"."""
    need_credits: tuple[int, ...]
    need_courses: tuple[int, ...]
    fixed: tuple[int | None, ...]
    """For non-course nodes, the status they have (0-4) regardless of courses."""
    waived: tuple[bool, ...]
    max_credits: tuple[int | None, ...]
    caps: tuple[tuple[int, int, frozenset[int]], ...]
    """``(node, max credits, courses it covers)``."""
    course_credits: tuple[int, ...]
    course_tier: tuple[int, ...]
    options: tuple[tuple[tuple[int, ...], ...], ...]


@attrs.frozen
class Solution:
    """The chosen option of every course (``-1``: counted nowhere) and the costs."""

    choice: tuple[int, ...]
    cost: int
    lower_bound: int
    """The strongest bound at the root of the search (``cost == lower_bound``: it was tight)."""
    nodes_explored: int
    optimal: bool
    """False only when the search hit its node limit (the best assignment found is returned)."""

    def counted(self, problem: Problem, course: int) -> tuple[int, ...]:
        o = self.choice[course]
        return () if o < 0 else problem.options[course][o]


def weights(p: Problem) -> tuple[int, int, int]:
    """The multipliers that pack the four cost components into one integer."""
    return sum(p.need_credits) + 1, sum(p.need_courses) + 1, MISSING * len(p.parent) + 1


def pack(p: Problem, parts: tuple[int, int, int, int]) -> int:
    """The packed cost of ``(unmet, missing credit units, missing courses, status penalty)``."""
    m1, m2, m3 = weights(p)
    return ((parts[0] * m1 + parts[1]) * m2 + parts[2]) * m3 + parts[3]


def split_cost(p: Problem, cost: int) -> tuple[int, int, int, int]:
    """``(unmet, missing credit units, missing courses, status penalty)`` of a packed cost."""
    m1, m2, m3 = weights(p)
    rest, status = divmod(cost, m3)
    rest, miss_co = divmod(rest, m2)
    unmet, miss_cr = divmod(rest, m1)
    return unmet, miss_cr, miss_co, status


def capped_nodes(p: Problem) -> set[int]:
    """The nodes with a maximum or a cap: a course counted there may be refused."""
    capped = {i for i, m in enumerate(p.max_credits) if m is not None}
    capped.update(node for node, _, _ in p.caps)
    return capped


def is_forced(options: tuple[tuple[int, ...], ...], capped: set[int]) -> bool:
    """Whether a course with these (non-empty) options always takes its first: it has one
    and no cap on its way."""
    return len(options) == 1 and capped.isdisjoint(options[0])
