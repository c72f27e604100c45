"""The exact assignment of courses to requirements: branch and bound on integer data.

The problem and the cost order are in :mod:`ilpcore.requirements.problem`, the bound in
:mod:`ilpcore.requirements.search_state`.  Courses are assigned one at a time (completed
first, then by how many places they can go, by size, by input order), each option tried in
order of how much still-needed credit it covers; interchangeable courses are assigned in
non-decreasing option order (symmetry breaking); a course with one option and no cap in it
is assigned before the search (the option preference discounts it until its turn, so the
order is unchanged); states already searched (every requirement's
coverage by tier, capped at its need, and the cap room used) are not searched again.

Ties are broken by that order: the result is the first optimal assignment in it.  The search
runs in up to three phases, which all return that same assignment:

1. the plain search with its cheap bounds, for a few nodes (most audits end here: the first
   assignment tried meets the root bound, or the bounds prune the rest at once);
2. a search for an assignment that meets the root bound tightened by the joint tier bound,
   pruning every subtree whose bound exceeds it;
3. if that bound is not met, the plain search again, from the best assignment found, with
   every bound.

Where the problem splits into areas joined by one catch-all (most real rule sets;
:mod:`ilpcore.requirements.separable`), an exact bound replaces the phases: the search
follows it course by course without backtracking (:mod:`ilpcore.requirements.follow`) and
returns that same assignment.
"""

from __future__ import annotations

from ilpcore.requirements.determined import determined_solution
from ilpcore.requirements.follow import follow_exact
from ilpcore.requirements.problem import (
    MISSING,
    TIERS,
    Problem,
    Solution,
    capped_nodes,
    is_forced,
    split_cost,
    weights,
)
from ilpcore.requirements.search_state import JointResults, SearchState

__all__ = ["MISSING", "TIERS", "Problem", "Solution", "solve", "split_cost", "weights"]

_QUICK_NODES = 20
"""Phase 1 stops after twice the courses plus this many nodes."""
_TARGET_NODES = 40
"""Phase 2 stops after four times the courses plus this many nodes."""


def solve(p: Problem, *, node_limit: int = 500_000, use_flow: bool = True) -> Solution:
    """The optimal choice of options (see :mod:`ilpcore.requirements.problem` for the order)."""
    capped = capped_nodes(p)
    only = determined_solution(p, capped)
    if only is not None:
        return only
    options, tier, credits = p.options, p.course_tier, p.course_credits
    order = [c for c in range(len(options)) if options[c]]
    order.sort(key=lambda c: (tier[c], len(options[c]), -credits[c], c))
    if p.caps:
        keys = _classes(p, order)
        same = [k > 0 and keys[k - 1] == keys[k] for k in range(len(order))]
    else:  # the same classes, without building their keys
        same = [False] * len(order)
        for k in range(1, len(order)):
            c, b = order[k], order[k - 1]
            same[k] = options[c] == options[b] and credits[c] == credits[b] and tier[c] == tier[b]
    if capped:
        forced = [is_forced(options[c], capped) for c in order]
    else:
        forced = [len(options[c]) == 1 for c in order]
    # A course with one option and no cap in it always takes it: it is assigned before the
    # search (which visits only the others, in the same relative order).
    if use_flow:
        found_exactly = follow_exact(p, order, same, forced, node_limit)
        if found_exactly is not None:
            return found_exactly
    s = SearchState(p, [c for c, f in zip(order, forced, strict=True) if not f])
    for c, f in zip(order, forced, strict=True):
        if f:
            s.move(c, p.options[c][0], 1, False)
    s.use_flow = use_flow
    root_lb = s.total(True)
    search = _Branch(p, s, use_flow, [x for x, f in zip(same, forced, strict=True) if not f])
    search.later = forced_later(p, order, forced)
    for c, f in zip(order, forced, strict=True):
        if f:
            search.choice[c] = search.best_choice[c] = 0
    order = s.order
    worst = s.m1 * s.m2 * s.m3 * (s.n + 1) * 2
    quick = min(node_limit, 2 * len(order) + _QUICK_NODES)
    if search.run(worst, None, root_lb, quick, joint=False) != "limit":
        return search.solution(root_lb, optimal=True)
    if use_flow:
        s.use_joint = s.use_nested = True
        root_lb = max(root_lb, s.total(True))
        s.use_joint = s.use_nested = False
        s.joint_hint = s.joint_results
    found, found_choice = search.best, list(search.best_choice)
    if found <= root_lb:
        return search.solution(root_lb, optimal=True)
    target = root_lb
    if use_flow:
        limit = min(node_limit, search.explored + 4 * len(order) + _TARGET_NODES)
        outcome = search.run(root_lb + 1, None, root_lb, limit, joint=True)
        if outcome == "target":
            return search.solution(root_lb, optimal=True)
        if outcome == "complete":  # nothing meets the root bound: one unit more is optimal
            target = root_lb + 1
            if found <= target:
                return search.solution(root_lb, optimal=True)
    outcome = search.run(found, found_choice, target, node_limit, joint=use_flow)
    return search.solution(root_lb, optimal=outcome != "limit")


class _Branch:
    """Depth-first search over the courses' options (see the module docstring)."""

    def __init__(self, p: Problem, s: SearchState, use_flow: bool, same: list[bool]) -> None:
        self.p = p
        self.s = s
        self.use_flow = use_flow
        self.order = s.order
        self.same = same
        """Whether each course (in ``order``) is interchangeable with the one before it."""
        self.later: list[tuple[dict[int, int], dict[int, int]]] = [({}, {})] * len(same)
        """Per course in ``order``, the credits and courses that the courses assigned before
        the search, but after it in the full order, count toward each node (the option
        preference ignores them, so the search order is that of the full search)."""
        self.choice = [-1] * len(p.options)
        self.best_choice = list(self.choice)
        self.best = 0
        self.target = 0
        self.limit = 0
        self.joint = False
        self.found = False
        self.done = False
        self.aborted = False
        self.explored = 0
        self.seen: set[tuple[object, ...]] = set()

    def solution(self, root_lb: int, *, optimal: bool) -> Solution:
        return Solution(tuple(self.best_choice), self.best, root_lb, self.explored, optimal)

    def run(
        self, best: int, best_choice: list[int] | None, target: int, limit: int, *, joint: bool
    ) -> str:
        """Search for an assignment cheaper than ``best`` (``best_choice``: one that costs it;
        bounds prune from the start), stopping at one that costs ``target`` (``"target"``),
        or when more than ``limit`` nodes were explored in all (``"limit"``); else
        ``"complete"``: the best assignment is ``best_choice``."""
        self.best = best
        self.found = best_choice is not None or best <= target
        if best_choice is not None:
            self.best_choice = list(best_choice)
        self.target = target
        self.limit = limit
        self.joint = joint
        self.done = self.aborted = False
        self.seen.clear()
        self.dfs(0)
        return "target" if self.done else "limit" if self.aborted else "complete"

    def preference(self, k: int, c: int, o: int) -> tuple[int, int]:
        p, s = self.p, self.s
        later_cr, later_co = self.later[k]
        gain = 0
        cr = p.course_credits[c]
        for i in p.options[c][o]:
            need = p.need_credits[i] - s.have_cr[i] + later_cr.get(i, 0)
            if need > 0:
                gain += need if need < cr else cr
            if p.need_courses[i] > s.have_co[i] - later_co.get(i, 0):
                gain += cr
        return (-gain, o)

    def bound(self) -> tuple[int, JointResults | None]:
        """The cheap bound; where it does not prune, the max-flow one; then the joint one
        (with what it found, a hint for the states below)."""
        s = self.s
        s.use_flow = s.use_joint = False
        value = s.total(True)
        found = None
        if self.use_flow and value < self.best:
            s.use_flow = True
            value = s.total(True)
            if self.joint and value < self.best:
                s.use_joint = True
                value = s.total(True)
                s.use_joint = False
                found = s.joint_results
        return value, found

    def dfs(self, k: int) -> None:
        p, s, order, choice = self.p, self.s, self.order, self.choice
        self.explored += 1
        if k == len(order):
            value = s.total(False)
            self.found = True
            if value < self.best:
                self.best = value
                self.best_choice[:] = choice
            if self.best <= self.target:
                self.done = True
            return
        if self.explored > self.limit:
            self.aborted = True
            return
        c = order[k]
        opts = p.options[c]
        start = max(0, choice[order[k - 1]]) if self.same[k] else 0
        if self.found:
            state = (k, start, *s.state())
            if state in self.seen:  # the same state was reached (and searched) before
                return
            self.seen.add(state)
        s.move(c, s.unions[c], -1, True)
        s.pending[c] = False
        tried = False
        for o in sorted(range(start, len(opts)), key=lambda o: self.preference(k, c, o)):
            nodes = opts[o]
            if not s.fits(c, nodes, 0):
                continue
            tried = True
            s.fits(c, nodes, 1)
            s.move(c, nodes, 1, False)
            below = None
            if k + 1 < len(order) and self.found:
                value, below = self.bound()
                go = value < self.best
            else:
                go = True
            if go:
                choice[c] = o
                hint = s.joint_hint
                if below is not None:
                    s.joint_hint = below
                self.dfs(k + 1)
                s.joint_hint = hint
                choice[c] = -1
            s.move(c, nodes, -1, False)
            s.fits(c, nodes, -1)
            if self.done or self.aborted:
                break
        if not tried and not self.done and not self.aborted:
            self.dfs(k + 1)  # every option is over a cap: the course counts nowhere
        s.move(c, s.unions[c], 1, True)
        s.pending[c] = True


def _classes(p: Problem, order: list[int]) -> list[object]:
    """Courses with equal keys are interchangeable."""
    keys: list[object] = []
    for c in order:
        caps = tuple(c in cov for _, _, cov in p.caps)
        keys.append((p.options[c], p.course_credits[c], p.course_tier[c], caps))
    return keys


def forced_later(
    p: Problem, order: list[int], forced: list[bool]
) -> list[tuple[dict[int, int], dict[int, int]]]:
    """For each course that is not forced, what the forced courses after it in ``order``
    count toward each node (credits, courses)."""
    out: list[tuple[dict[int, int], dict[int, int]]] = []
    cr: dict[int, int] = {}
    co: dict[int, int] = {}
    snapshot = (cr, co)
    for c, f in zip(reversed(order), reversed(forced), strict=True):
        if f:
            if snapshot[0] is cr:
                cr, co = dict(cr), dict(co)
            for i in p.options[c][0]:
                cr[i] = cr.get(i, 0) + p.course_credits[c]
                co[i] = co.get(i, 0) + 1
        else:
            snapshot = (cr, co)
            out.append(snapshot)
    out.reverse()
    return out
