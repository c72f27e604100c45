"""The branch and bound's state (what is counted where, by tier) and its lower bound.

The bound relaxes exclusivity: every unassigned course counts toward every node it could
reach, which is admissible because a node's cost never grows when more courses count toward
it.  For groups of siblings that never share a course it adds, by tier, a capacity argument
and, at the ``flow`` level, a max-flow of the unassigned courses into the remaining needs
(what no assignment can cover is missing, and the fewest requirements that can absorb it stay
unmet); at the ``joint`` level, the status penalty bounded jointly over the tiers
(:mod:`ilpcore.requirements.joint`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ilpcore.requirements.flow import bipartite_flow, unsatisfied_at_least
from ilpcore.requirements.groups import exclusive_groups
from ilpcore.requirements.joint import Witness, joint_penalty
from ilpcore.requirements.problem import MISSING, TIERS, Problem, capped_nodes, weights

__all__ = ["JointResults", "SearchState"]

_Cost = tuple[int, int, int, int]
_PlanStep = tuple[int, tuple[_Cost, int] | None, int, int, int, tuple[int, ...], int | None, int]
JointResults = dict[int, tuple[int, list[Witness | None]]]
"""Per group: the missing credits assumed, and per tier the joint bound's finding."""


class SearchState:
    """Credits and courses counted toward each node by tier, by assigned courses (``acc``)
    and by courses still to assign (``pot``, toward every node they could reach)."""

    def __init__(self, p: Problem, order: list[int]) -> None:
        self.p = p
        n = len(p.parent)
        self.n = n
        self.m1, self.m2, self.m3 = weights(p)
        self.acc_cr = [0] * (n * TIERS)
        self.acc_co = [0] * (n * TIERS)
        self.pot_cr = [0] * (n * TIERS)
        self.pot_co = [0] * (n * TIERS)
        self.have_cr = [0] * n
        self.have_co = [0] * n
        self.post = sorted(range(n), reverse=True)  # pre-order reversed: children first
        self.capped = capped_nodes(p)
        self.cap_used = [0] * len(p.caps)
        self.node_used = [0] * n
        self.unions: list[tuple[int, ...]] = [_union(opts) for opts in p.options]
        self.use_flow = False
        self.use_joint = False
        self.use_nested = False
        self.joint_hint: JointResults = {}
        """Per group, what the joint bound found for a state the current one refines."""
        self.joint_results: JointResults = {}
        """Per group, what the last joint bound found."""
        self.flows: dict[tuple[object, ...], int] = {}
        self.tiers_present = sorted(set(p.course_tier) | {0})
        self.order = order
        self.pending = [False] * len(p.options)
        self.live = [
            i for i in range(n) if p.fixed[i] is None and (p.need_credits[i] or p.need_courses[i])
        ]
        self.counts = [p.fixed[i] is not None or i in self.live for i in range(n)]
        """Nodes with a cost of their own (the others' is always zero)."""
        groups = exclusive_groups(p, self.capped, self.unions)
        self.groups = groups.members
        self.group_of = groups.of_node
        self.course_groups = groups.of_course
        self.group_sets = [frozenset(m) for m in self.groups]
        self.group_need_cr = [[p.need_credits[j] for j in m] for m in self.groups]
        self.group_need_co = [[p.need_courses[j] for j in m] for m in self.groups]
        self.group_bases = [[j * TIERS for j in m] for m in self.groups]
        self.present_mask = [t in self.tiers_present for t in range(TIERS)]
        self.gsup_cr = [0] * (len(self.groups) * TIERS)
        self.gsup_co = [0] * (len(self.groups) * TIERS)
        self.all_cr = [0] * (n * TIERS)
        self.all_co = [0] * (n * TIERS)
        """``acc`` plus ``pot``."""
        self._agg = [0] * n
        self._own: list[_Cost] = [(0, 0, 0, 0)] * n
        self._plan = self._total_plan()
        for c in order:
            self.move(c, self.unions[c], 1, True)
            self.pending[c] = True

    def _total_plan(self) -> list[_PlanStep]:
        """What :meth:`total` visits, children first: per node that is not waived, its fixed
        own cost (with its packed value), its need, where its counts start (``-1``: it has
        no cost of its own), its children, ``n`` of a choose and its exclusive group."""
        p = self.p
        plan: list[_PlanStep] = []
        for i in self.post:
            if p.waived[i]:
                continue
            fixed = p.fixed[i]
            own = None
            if fixed is not None:
                mine = (1 if fixed == MISSING else 0, 0, 0, fixed)
                own = (mine, self.pack(mine))
            base = i * TIERS if self.counts[i] and fixed is None else -1
            plan.append((i, own, p.need_credits[i], p.need_courses[i], base, p.children[i],
                         p.choose[i], self.group_of[i]))  # fmt: skip
        return plan

    def pack(self, v: _Cost) -> int:
        return ((v[0] * self.m1 + v[1]) * self.m2 + v[2]) * self.m3 + v[3]

    def own(self, i: int, with_pot: bool) -> _Cost:
        """``(unmet, missing credits, missing courses, status)`` of node ``i``'s own need."""
        fixed = self.p.fixed[i]
        if fixed is not None:
            return (1 if fixed == MISSING else 0, 0, 0, fixed)
        c = self.p.need_credits[i]
        k = self.p.need_courses[i]
        a = b = 0
        base = i * TIERS
        arr_cr, arr_co = (self.all_cr, self.all_co) if with_pot else (self.acc_cr, self.acc_co)
        for t in self.tiers_present:  # the other tiers hold nothing
            a += arr_cr[base + t]
            b += arr_co[base + t]
            if a >= c and b >= k:
                return (0, 0, 0, t)
        return (1, c - a if c > a else 0, k - b if k > b else 0, MISSING)

    def total(self, with_pot: bool) -> int:
        """The packed cost of the assignment so far; ``with_pot``, a lower bound on the cost
        of every completion."""
        if self.use_joint:
            self.joint_results = {}
        agg = self._agg
        own = self._own
        m1, m2, m3 = self.m1, self.m2, self.m3
        tiers = self.tiers_present
        arr_cr, arr_co = (self.all_cr, self.all_co) if with_pot else (self.acc_cr, self.acc_co)
        for i, fixed, c, k, base, kids, n, g in self._plan:
            if fixed is not None:
                own[i] = fixed[0]
                value = fixed[1]
            elif base >= 0:
                a = b = 0
                for t in tiers:
                    a += arr_cr[base + t]
                    b += arr_co[base + t]
                    if a >= c and b >= k:
                        own[i] = (0, 0, 0, t)
                        value = t
                        break
                else:
                    miss_cr = c - a if c > a else 0
                    miss_co = k - b if k > b else 0
                    own[i] = (1, miss_cr, miss_co, MISSING)
                    value = ((m1 + miss_cr) * m2 + miss_co) * m3 + MISSING
            else:
                value = 0
            if kids:
                if n is not None:
                    value += sum(sorted([agg[j] for j in kids])[:n])
                else:
                    for j in kids:
                        value += agg[j]
                    if with_pot and g >= 0:
                        value += self.group_gain(g, own)
            agg[i] = value
        return agg[0]

    def group_gain(self, g: int, own: list[_Cost]) -> int:
        """How much the capacity bound of exclusive siblings adds to the sum of their own bounds.

        Siblings that never share a course compete for the credits that reach them: at each
        tier, at most as many of them can be satisfied as the smallest remaining needs that
        fit in the supply of unassigned courses (counted once); missing credits are at least
        the remaining needs minus that supply.
        """
        members = self.groups[g]
        sum_u = sum_cr = sum_co = sum_pen = 0
        for j in members:
            v = own[j]
            sum_u += v[0]
            sum_cr += v[1]
            sum_co += v[2]
            sum_pen += v[3]
        acc_cr, acc_co, pot_cr, pot_co = self.acc_cr, self.acc_co, self.pot_cr, self.pot_co
        need_cr, need_co = self.group_need_cr[g], self.group_need_co[g]
        gsup_cr, gsup_co = self.gsup_cr, self.gsup_co
        gbase = g * TIERS
        size = len(members)
        bases = self.group_bases[g]
        sup_cr = sup_co = 0
        pen = unmet = 0
        have_cr = [0] * size
        have_co = [0] * size
        can_cr = [0] * size
        can_co = [0] * size
        flow_missing = 0
        unsat = 0
        per_tier = [0] * TIERS
        present = self.present_mask
        for t in range(TIERS):
            if present[t]:  # a tier without courses changes nothing
                sup_cr += gsup_cr[gbase + t]
                sup_co += gsup_co[gbase + t]
                open_cr: list[int] = []
                open_co: list[int] = []
                blocked = 0
                for x in range(size):
                    idx = bases[x] + t
                    a = have_cr[x] = have_cr[x] + acc_cr[idx]
                    b = have_co[x] = have_co[x] + acc_co[idx]
                    pc = can_cr[x] = can_cr[x] + pot_cr[idx]
                    po = can_co[x] = can_co[x] + pot_co[idx]
                    rc = need_cr[x] - a
                    ro = need_co[x] - b
                    if rc <= 0 and ro <= 0:
                        continue
                    if rc > pc or ro > po:
                        blocked += 1
                        continue
                    open_cr.append(rc if rc > 0 else 0)
                    open_co.append(ro if ro > 0 else 0)
                if open_cr:
                    fit = min(_fits(open_cr, sup_cr), _fits(open_co, sup_co))
                    unsat = blocked + len(open_cr) - fit
                else:
                    unsat = blocked
            pen += unsat
            per_tier[t] = unsat
        if self.use_flow:
            flow_missing, forced = self.flow_bound(members, have_cr)
            if forced > unsat:
                pen += forced - unsat
                unsat = per_tier[TIERS - 1] = forced
        unmet = unsat
        resid_total_cr = resid_total_co = 0
        for x in range(size):
            rc = need_cr[x] - have_cr[x]
            ro = need_co[x] - have_co[x]
            resid_total_cr += rc if rc > 0 else 0
            resid_total_co += ro if ro > 0 else 0
        best_cr = max(sum_cr, resid_total_cr - sup_cr, flow_missing)
        best_pen = max(sum_pen, pen)
        if self.use_joint:
            best_pen = max(best_pen, self.joint_bound(g, best_cr, per_tier))
        best = (max(sum_u, unmet), best_cr, max(sum_co, resid_total_co - sup_co), best_pen)
        return self.pack(best) - self.pack((sum_u, sum_cr, sum_co, sum_pen))

    def flow_bound(self, members: Sequence[int], have_cr: list[int]) -> tuple[int, int]:
        """Credits no assignment of the unassigned courses can cover, and the fewest members
        that must stay unmet to absorb them."""
        p = self.p
        demand = {}
        for x, j in enumerate(members):
            r = p.need_credits[j] - have_cr[x]
            if r > 0:
                demand[j] = r
        if not demand:
            return 0, 0
        reach: dict[tuple[int, ...], int] = {}
        for c in self.order:
            if self.pending[c]:
                key = tuple(j for j in self.unions[c] if j in demand)
                if key:
                    reach[key] = reach.get(key, 0) + p.course_credits[c]
        memo = (tuple(reach.items()), tuple(demand.items()))
        covered = self.flows.get(memo, -1)
        if covered < 0:
            covered = self.flows[memo] = bipartite_flow([(a, k) for k, a in reach.items()], demand)
        missing = sum(demand.values()) - covered
        return missing, unsatisfied_at_least(list(demand.values()), missing)

    def joint_bound(self, g: int, missing: int, floor: list[int]) -> int:
        """The group's status penalty bounded jointly over the tiers (given ``missing``)."""
        p = self.p
        members = self.groups[g]
        mset = self.group_sets[g]
        pend: dict[tuple[int, tuple[int, ...]], int] = {}
        for c in self.order:
            if self.pending[c]:
                key = tuple(j for j in self.unions[c] if j in mset)
                if key:
                    k2 = (p.course_tier[c], key)
                    pend[k2] = pend.get(k2, 0) + p.course_credits[c]
        cum: dict[int, list[int]] = {}
        for j in members:
            a = 0
            row = cum[j] = [0] * TIERS
            for t in range(TIERS):
                a += self.acc_cr[j * TIERS + t]
                row[t] = a
        need = {j: p.need_credits[j] for j in members}
        before = self.joint_hint.get(g)
        hint = before[1] if before is not None and before[0] == missing else ()
        value, found = joint_penalty(
            members, need, cum, pend, self.tiers_present, missing, floor, self.flows, hint,
            nested=self.use_nested,
        )  # fmt: skip
        self.joint_results[g] = (missing, found)
        return value

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
        """Count (sign 1) or uncount (-1) ``course`` toward ``nodes``: as assigned, or (``pot``)
        as still to assign."""
        t = self.p.course_tier[course]
        cr = self.p.course_credits[course] * sign
        arr_cr, arr_co = (self.pot_cr, self.pot_co) if pot else (self.acc_cr, self.acc_co)
        all_cr, all_co = self.all_cr, self.all_co
        for i in nodes:
            idx = i * TIERS + t
            arr_cr[idx] += cr
            arr_co[idx] += sign
            all_cr[idx] += cr
            all_co[idx] += sign
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


_UNIONS: dict[tuple[tuple[int, ...], ...], tuple[int, ...]] = {}
_MAX_UNIONS = 4096


def _union(options: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    """Every node a course with these options can reach (students of one rule set share
    their options, so this is computed once for each)."""
    hit = _UNIONS.get(options)
    if hit is None:
        if len(_UNIONS) >= _MAX_UNIONS:
            _UNIONS.clear()
        hit = _UNIONS[options] = tuple(sorted({x for o in options for x in o}))
    return hit


def _fits(needs: list[int], supply: int) -> int:
    """How many of ``needs`` (smallest first) fit in ``supply``."""
    count = 0
    for need in sorted(needs):
        if need > supply:
            break
        supply -= need
        count += 1
    return count
