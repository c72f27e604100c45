"""The exact assignment of courses to requirements (branch and bound on integer data).

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

Ties are broken by the search order: the first optimal assignment found.
The search is exact.  Its bound relaxes exclusivity (every unassigned course
counts toward every node it could reach), which is admissible because a node's
cost never grows when more courses count toward it; options that count toward
a strict subset of uncapped nodes of another option are dropped (dominated);
interchangeable courses are assigned in non-decreasing option order
(symmetry breaking); states already searched (every requirement's coverage by tier,
capped at its need, and the cap room used) are not searched again.  For siblings that never
share a course the bound adds a capacity argument at each tier and, where that does not
prune, a max-flow one (:mod:`ilpcore.requirements.flow`): the residual needs that no
assignment of the unassigned courses can cover are missing, and the fewest requirements that
can absorb them stay unmet.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ilpcore.requirements.flow import bipartite_flow, unsatisfied_at_least

__all__ = ["TIERS", "Problem", "Solution", "solve", "split_cost", "weights"]

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
    """The bound at the root of the search: ``cost == lower_bound`` means no search was needed."""
    nodes_explored: int
    optimal: bool
    """False only when the search hit its node limit (the best assignment found is returned)."""

    def counted(self, problem: Problem, course: int) -> tuple[int, ...]:
        o = self.choice[course]
        return () if o < 0 else problem.options[course][o]


def weights(p: Problem) -> tuple[int, int, int]:
    """The multipliers that pack the four cost components into one integer."""
    return sum(p.need_credits) + 1, sum(p.need_courses) + 1, MISSING * len(p.parent) + 1


def split_cost(p: Problem, cost: int) -> tuple[int, int, int, int]:
    """``(unmet, missing credit units, missing courses, status penalty)`` of a packed cost."""
    m1, m2, m3 = weights(p)
    rest, status = divmod(cost, m3)
    rest, miss_co = divmod(rest, m2)
    unmet, miss_cr = divmod(rest, m1)
    return unmet, miss_cr, miss_co, status


class _Search:
    def __init__(self, p: Problem) -> None:
        self.p = p
        n = len(p.parent)
        self.n = n
        self.m1, self.m2, self.m3 = weights(p)
        self.acc_cr = [0] * (n * TIERS)
        self.acc_co = [0] * (n * TIERS)
        self.pot_cr = [0] * (n * TIERS)
        self.pot_co = [0] * (n * TIERS)
        self.post = sorted(range(n), reverse=True)  # pre-order reversed: children first
        self.capped = {i for i, m in enumerate(p.max_credits) if m is not None}
        self.capped |= {node for node, _, _ in p.caps}
        self.cap_used = [0] * len(p.caps)
        self.node_used = [0] * n
        self.unions: list[tuple[int, ...]] = [
            tuple(sorted({x for o in opts for x in o})) for opts in p.options
        ]
        self.explored = 0
        self.have_cr = [0] * n
        self.use_flow = False
        self.flows: dict[tuple[object, ...], int] = {}
        self.tiers_present = set(p.course_tier)
        self.order: list[int] = []
        self.pending = [False] * len(p.options)
        self.have_co = [0] * n
        self.live = [
            i for i in range(n) if p.fixed[i] is None and (p.need_credits[i] or p.need_courses[i])
        ]
        self._groups()

    def _groups(self) -> None:
        """Groups of requirements under one node that never share a course (the capacity bound
        applies to them; requirements that do share keep their own bounds).  Children that need
        nothing themselves and only group others are looked through, so their children compete
        in the group; each requirement is in at most one group."""
        p = self.p
        self.group_of = [-1] * self.n
        self.groups: list[tuple[int, ...]] = []
        distinct = {o for opts in p.options for o in opts}
        absorbed: set[int] = set()

        def transparent(j: int) -> bool:
            """Needs nothing itself and only groups its children (they can join the group)."""
            return (
                p.choose[j] is None
                and not p.need_credits[j]
                and not p.need_courses[j]
                and j not in self.capped
                and bool(p.children[j])
            )

        def expand(j: int) -> list[int]:
            if p.fixed[j] is not None or p.waived[j]:
                return []
            if transparent(j):
                absorbed.add(j)
                return [x for k in p.children[j] for x in expand(k)]
            return [j]

        for i in range(self.n):
            if p.choose[i] is not None or p.waived[i] or i in absorbed:
                continue
            candidates = [x for j in p.children[i] for x in expand(j)]
            cset = set(candidates)
            sharing: set[int] = set()
            for o in distinct:
                touched = cset.intersection(o)
                if len(touched) > 1:
                    sharing |= touched
            members = tuple(j for j in candidates if j not in sharing)
            if len(members) < 2:
                continue
            self.group_of[i] = len(self.groups)
            self.groups.append(members)
        node_group = {j: g for g, members in enumerate(self.groups) for j in members}
        self.course_groups = [
            tuple(sorted({node_group[j] for j in u if j in node_group})) for u in self.unions
        ]
        self.gsup_cr = [0] * (len(self.groups) * TIERS)
        self.gsup_co = [0] * (len(self.groups) * TIERS)

    def status_key(self, status: int, miss_cr: int, miss_co: int) -> int:
        unmet = 1 if status == MISSING else 0
        return ((unmet * self.m1 + miss_cr) * self.m2 + miss_co) * self.m3 + status

    def pack(self, v: tuple[int, int, int, int]) -> int:
        return ((v[0] * self.m1 + v[1]) * self.m2 + v[2]) * self.m3 + v[3]

    def own(self, i: int, with_pot: bool) -> tuple[int, int, int, int]:
        """``(unmet, missing credits, missing courses, status)`` of node ``i``'s own need."""
        fixed = self.p.fixed[i]
        if fixed is not None:
            return (1 if fixed == MISSING else 0, 0, 0, fixed)
        c = self.p.need_credits[i]
        k = self.p.need_courses[i]
        a = b = 0
        base = i * TIERS
        acc_cr, acc_co, pot_cr, pot_co = self.acc_cr, self.acc_co, self.pot_cr, self.pot_co
        for t in range(TIERS):
            a += acc_cr[base + t]
            b += acc_co[base + t]
            if with_pot:
                a += pot_cr[base + t]
                b += pot_co[base + t]
            if a >= c and b >= k:
                return (0, 0, 0, t)
        return (1, c - a if c > a else 0, k - b if k > b else 0, MISSING)

    def total(self, with_pot: bool) -> int:
        p = self.p
        agg = [0] * self.n
        own = [(0, 0, 0, 0)] * self.n
        for i in self.post:
            if p.waived[i]:
                continue
            own[i] = mine = self.own(i, with_pot)
            value = self.pack(mine)
            kids = p.children[i]
            if kids:
                n = p.choose[i]
                if n is not None:
                    value += sum(sorted(agg[j] for j in kids)[:n])
                else:
                    value += sum(agg[j] for j in kids)
                    g = self.group_of[i]
                    if with_pot and g >= 0:
                        value += self.group_gain(g, own)
            agg[i] = value
        return agg[0]

    def group_gain(self, g: int, own: list[tuple[int, int, int, int]]) -> int:
        """How much the capacity bound of exclusive siblings adds to the sum of their own bounds.

        Siblings that never share a course compete for the credits that reach them: at each
        tier, at most as many of them can be satisfied as the smallest remaining needs that
        fit in the supply of unassigned courses (counted once); missing credits are at least
        the remaining needs minus that supply.
        """
        p = self.p
        members = self.groups[g]
        sum_u = sum_cr = sum_co = sum_pen = 0
        for j in members:
            v = own[j]
            sum_u += v[0]
            sum_cr += v[1]
            sum_co += v[2]
            sum_pen += v[3]
        acc_cr, acc_co, pot_cr, pot_co = self.acc_cr, self.acc_co, self.pot_cr, self.pot_co
        gbase = g * TIERS
        sup_cr = sup_co = 0
        pen = unmet = 0
        resid_total_cr = resid_total_co = 0
        cum = [[0, 0, 0, 0] for _ in members]
        flow_missing = 0
        unsat = 0
        present = self.tiers_present
        for t in range(TIERS):
            if t == 0 or t in present:  # a tier without courses changes nothing
                sup_cr += self.gsup_cr[gbase + t]
                sup_co += self.gsup_co[gbase + t]
                open_cr: list[int] = []
                open_co: list[int] = []
                blocked = 0
                for x, j in enumerate(members):
                    cj = cum[x]
                    idx = j * TIERS + t
                    cj[0] += acc_cr[idx]
                    cj[1] += acc_co[idx]
                    cj[2] += pot_cr[idx]
                    cj[3] += pot_co[idx]
                    rc = p.need_credits[j] - cj[0]
                    ro = p.need_courses[j] - cj[1]
                    if rc <= 0 and ro <= 0:
                        continue
                    if rc > cj[2] or ro > cj[3]:
                        blocked += 1
                        continue
                    open_cr.append(rc if rc > 0 else 0)
                    open_co.append(ro if ro > 0 else 0)
                fit = min(_fits(open_cr, sup_cr), _fits(open_co, sup_co))
                unsat = blocked + len(open_cr) - fit
            pen += unsat
            if t == TIERS - 1:
                if self.use_flow:
                    demand = {}
                    for x, j in enumerate(members):
                        r = p.need_credits[j] - cum[x][0]
                        if r > 0:
                            demand[j] = r
                    if demand:
                        reach: dict[tuple[int, ...], int] = {}
                        for c in self.order:
                            if self.pending[c]:
                                key = tuple(j for j in self.unions[c] if j in demand)
                                if key:
                                    reach[key] = reach.get(key, 0) + p.course_credits[c]
                        memo = (tuple(reach.items()), tuple(demand.items()))
                        covered = self.flows.get(memo, -1)
                        if covered < 0:
                            covered = self.flows[memo] = bipartite_flow(
                                [(a, k) for k, a in reach.items()], demand
                            )
                        flow_missing = sum(demand.values()) - covered
                        forced = unsatisfied_at_least(list(demand.values()), flow_missing)
                        if forced > unsat:
                            pen += forced - unsat
                            unsat = forced
                unmet = unsat
                for x, j in enumerate(members):
                    rc = p.need_credits[j] - cum[x][0]
                    ro = p.need_courses[j] - cum[x][1]
                    resid_total_cr += rc if rc > 0 else 0
                    resid_total_co += ro if ro > 0 else 0
        best = (
            max(sum_u, unmet),
            max(sum_cr, resid_total_cr - sup_cr, flow_missing),
            max(sum_co, resid_total_co - sup_co),
            max(sum_pen, pen),
        )
        return self.pack(best) - self.pack((sum_u, sum_cr, sum_co, sum_pen))

    def state(self) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """What the rest of the search depends on: every node's cumulative credits and courses
        by tier, capped at its need (more than enough counts the same), and the cap room used."""
        p = self.p
        out = []
        acc_cr, acc_co = self.acc_cr, self.acc_co
        for i in self.live:
            c, k = p.need_credits[i], p.need_courses[i]
            a = b = 0
            base = i * TIERS
            for t in range(TIERS):
                a += acc_cr[base + t]
                b += acc_co[base + t]
                out.append(a if a < c else c)
                out.append(b if b < k else k)
        return tuple(out), tuple(self.node_used), tuple(self.cap_used)

    def move(self, course: int, nodes: Sequence[int], sign: int, pot: bool) -> None:
        t = self.p.course_tier[course]
        cr = self.p.course_credits[course] * sign
        arr_cr, arr_co = (self.pot_cr, self.pot_co) if pot else (self.acc_cr, self.acc_co)
        for i in nodes:
            arr_cr[i * TIERS + t] += cr
            arr_co[i * TIERS + t] += sign
        if pot:
            for g in self.course_groups[course]:
                self.gsup_cr[g * TIERS + t] += cr
                self.gsup_co[g * TIERS + t] += sign
        else:
            for i in nodes:
                self.have_cr[i] += cr
                self.have_co[i] += sign

    def fits(self, course: int, nodes: Sequence[int], sign: int) -> bool:
        """Check (sign 0), take (1) or give back (-1) cap room."""
        p = self.p
        cr = p.course_credits[course]
        capped = self.capped
        ok = True
        for i in nodes:
            if i not in capped:
                continue
            m = p.max_credits[i]
            if sign:
                self.node_used[i] += cr * sign
            elif m is not None and self.node_used[i] + cr > m:
                ok = False
            for ci, (node, limit, covered) in enumerate(p.caps):
                if node == i and course in covered:
                    if sign:
                        self.cap_used[ci] += cr * sign
                    elif self.cap_used[ci] + cr > limit:
                        ok = False
        return ok


def _fits(needs: list[int], supply: int) -> int:
    """How many of ``needs`` (smallest first) fit in ``supply``."""
    count = 0
    for need in sorted(needs):
        if need > supply:
            break
        supply -= need
        count += 1
    return count


def _classes(p: Problem, order: list[int], capped: set[int]) -> list[object]:
    keys: list[object] = []
    for c in order:
        caps = tuple(c in cov for _, _, cov in p.caps)
        keys.append((p.options[c], p.course_credits[c], p.course_tier[c], caps))
    return keys


def solve(p: Problem, *, node_limit: int = 500_000, use_flow: bool = True) -> Solution:
    """The optimal choice of options (see the module docstring for the order)."""
    return _solve_one(p, node_limit, None, use_flow)


def _solve_one(p: Problem, node_limit: int, incumbent: int | None, use_flow: bool) -> Solution:
    """Branch and bound; with an ``incumbent`` cost, only strictly better assignments count."""
    s = _Search(p)
    order = [c for c in range(len(p.options)) if p.options[c]]
    order.sort(key=lambda c: (p.course_tier[c], len(p.options[c]), -p.course_credits[c], c))
    keys = _classes(p, order, s.capped)
    s.order = order
    s.use_flow = use_flow
    for c in order:
        s.move(c, s.unions[c], 1, True)
        s.pending[c] = True
    root_lb = s.total(True)
    choice = [-1] * len(p.options)
    best_choice = list(choice)
    best = [s.m1 * s.m2 * s.m3 * (s.n + 1) * 2]
    if incumbent is not None:
        if root_lb >= incumbent:  # this part cannot beat what is known
            return Solution(tuple(best_choice), best[0], root_lb, 1, True)
        best[0] = incumbent
    done = [False]
    found = [incumbent is not None]
    seen: set[tuple[object, ...]] = set()

    need_cr, need_co, have_cr, have_co = p.need_credits, p.need_courses, s.have_cr, s.have_co

    def preference(c: int, o: int) -> tuple[int, int]:
        gain = 0
        cr = p.course_credits[c]
        for i in p.options[c][o]:
            need = need_cr[i] - have_cr[i]
            if need > 0:
                gain += need if need < cr else cr
            if need_co[i] > have_co[i]:
                gain += cr
        return (-gain, o)

    def bound() -> int:
        """The cheap bound, and where it does not prune, the max-flow one."""
        s.use_flow = False
        value = s.total(True)
        if use_flow and value < best[0]:
            s.use_flow = True
            value = s.total(True)
        return value

    def dfs(k: int) -> None:
        s.explored += 1
        if k == len(order):
            value = s.total(False)
            found[0] = True
            if value < best[0]:
                best[0] = value
                best_choice[:] = choice
            if best[0] <= root_lb:
                done[0] = True
            return
        if s.explored > node_limit:
            return
        c = order[k]
        opts = p.options[c]
        start = max(0, choice[order[k - 1]]) if k and keys[k - 1] == keys[k] else 0
        if found[0]:
            state = (k, start, *s.state())
            if state in seen:  # the same state was reached (and searched) by another assignment
                return
            seen.add(state)
        s.move(c, s.unions[c], -1, True)
        s.pending[c] = False
        tried = False
        for o in sorted(range(start, len(opts)), key=lambda o: preference(c, o)):
            nodes = opts[o]
            if not s.fits(c, nodes, 0):
                continue
            tried = True
            s.fits(c, nodes, 1)
            s.move(c, nodes, 1, False)
            if k + 1 == len(order) or not found[0] or bound() < best[0]:
                choice[c] = o
                dfs(k + 1)
                choice[c] = -1
            s.move(c, nodes, -1, False)
            s.fits(c, nodes, -1)
            if done[0]:
                break
        if not tried and not done[0]:  # every option is over a cap: the course counts nowhere
            dfs(k + 1)
        s.move(c, s.unions[c], 1, True)
        s.pending[c] = True

    dfs(0)
    optimal = done[0] or s.explored <= node_limit
    return Solution(tuple(best_choice), best[0], root_lb, s.explored, optimal)
