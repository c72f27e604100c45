"""The exact optimum of problems that split into independent blocks joined by one hub.

Real rule sets mostly have this shape: every course counts toward the total (a node in all
its options, so its coverage does not depend on the assignment) and toward *one* subject
area or a catch-all ``electives`` requirement.  Without caps or waivers the cost is then the
constant cost of the nodes every assignment covers alike, plus, for each *block* (a subtree
whose coverage depends on the assignment), a cost that depends only on the courses it
receives.  The blocks are independent except through the *hub*, a requirement without
children that a course may take instead of its one block.  So the optimum is a dynamic
programme: per block, the least block cost for each contribution it sends to the hub (block
coverage capped at the needs, so the states are few); then, for each status the hub could
end with (satisfied at tier ``t``, or missing), the blocks' contributions at that tier,
combined block by block (one capped number or two: the hub's credits and courses).  Each
case's value is the true cost of the assignments with that status and no less than the true
cost of the others, so the least over the cases is the optimum.

:meth:`Separable.completion` is that optimum given the choices of a prefix of the search
order (and the search's symmetry breaking for the rest, see :mod:`.solver`), with an
assignment that attains it: an exact bound, so the branch and bound reaches the first
assignment meeting the optimum backtracking only over options that cannot meet it.
"""

from __future__ import annotations

from ilpcore.requirements.problem import MISSING, Problem, weights

__all__ = ["Separable", "separable"]

_Delta = tuple[tuple[int, int], ...]
"""``(slot, amount)`` pairs that one course adds to a capped state."""
_Frontier = dict[tuple[int, ...], tuple[int, tuple[int, ...]]]
"""Per hub contribution, the least block cost and the choices of the undecided courses."""


class _Block:
    """A subtree whose coverage depends on the assignment; its state is the capped coverage
    of its nodes by tier (one slot per node, kind and present tier)."""

    def __init__(self, p: Problem, root: int, nodes: list[int], tiers: list[int]) -> None:
        self.root = root
        self.nodes = nodes
        self.caps: list[int] = []
        self.slots: dict[tuple[int, int, int], int] = {}  # (node, kind, tier) -> slot
        for i in nodes:
            for kind, need in ((0, p.need_credits[i]), (1, p.need_courses[i])):
                if p.fixed[i] is None and need:
                    for t in tiers:
                        self.slots[(i, kind, t)] = len(self.caps)
                        self.caps.append(need)
        self.memo: dict[tuple[int, ...], int] = {}

    def delta(self, p: Problem, tiers: list[int], course: int, option: tuple[int, ...]) -> _Delta:
        out = []
        tier = p.course_tier[course]
        for i in option:
            for kind, amount in ((0, p.course_credits[course]), (1, 1)):
                for t in tiers:
                    slot = self.slots.get((i, kind, t))
                    if slot is not None and t >= tier:
                        out.append((slot, amount))
        return tuple(out)


class Separable:
    """The block structure of one problem and its exact completion costs."""

    def __init__(self, p: Problem, order: list[int], same: list[bool]) -> None:
        self.p = p
        self.order = order
        self.same = same
        self.m1, self.m2, self.m3 = weights(p)
        self.tiers = sorted(set(p.course_tier) | {0})
        self.blocks: list[_Block] = []
        self.base: list[tuple[int, ...]] = []
        self.courses: list[list[int]] = []
        """Per block, its decision courses (positions in ``order``)."""
        self.effects: dict[int, list[tuple[_Delta, _Delta]]] = {}
        """Per decision course (position), per option: its delta to its block and to the hub."""
        self.hub = -1
        self.hub_caps = [0] * (2 * len(self.tiers))
        """The hub's state: its cumulative credits and courses at each present tier."""
        self.hub_base: tuple[int, ...] = ()
        self.constant = 0
        self.frontiers: dict[tuple[int, ...], _Frontier] = {}
        self.projections: dict[tuple[int, int], list[tuple[int, int, tuple[int, ...]]]] = {}
        """By ``id`` of a frontier (all kept in ``frontiers``) and hub slot."""

    def pack(self, unmet: int, cr: int, co: int, status: int) -> int:
        return ((unmet * self.m1 + cr) * self.m2 + co) * self.m3 + status

    def cost(self, block: _Block, state: tuple[int, ...]) -> int:
        """The packed cost of ``block``'s subtree for a capped coverage ``state``."""
        hit = block.memo.get(state)
        if hit is not None:
            return hit
        if not block.nodes:
            return 0
        p = self.p
        agg: dict[int, int] = {}
        for i in reversed(block.nodes):
            fixed = p.fixed[i]
            if fixed is not None:
                value = self.pack(1 if fixed == MISSING else 0, 0, 0, fixed)
            else:
                cr = [state[x] if (x := block.slots.get((i, 0, t))) is not None else 0
                      for t in self.tiers]  # fmt: skip
                co = [state[x] if (x := block.slots.get((i, 1, t))) is not None else 0
                      for t in self.tiers]  # fmt: skip
                value = self.own(i, cr, co)
            kids = [agg[j] for j in self.p.children[i]]
            n = p.choose[i]
            agg[i] = value + (sum(sorted(kids)[:n]) if n is not None else sum(kids))
        block.memo[state] = agg[block.root]
        return agg[block.root]

    def own(self, i: int, cr: list[int], co: list[int]) -> int:
        """Node ``i``'s own packed cost from its cumulative coverage at the present tiers."""
        need_cr, need_co = self.p.need_credits[i], self.p.need_courses[i]
        if not need_cr and not need_co:
            return 0
        for x, t in enumerate(self.tiers):
            if cr[x] >= need_cr and co[x] >= need_co:
                return t
        return self.pack(1, max(0, need_cr - cr[-1]), max(0, need_co - co[-1]), MISSING)

    def completion(self, choice: list[int]) -> tuple[int, list[int]]:
        """The least cost of an assignment that keeps the decided choices (``choice[c] >= 0``
        for a prefix of ``order``) and breaks symmetry as the search does, and the options
        of such an assignment (by position in ``order``)."""
        fronts = [self.frontier(b, choice) for b in range(len(self.blocks))]
        if self.hub < 0:
            value = self.constant + sum(min(v for v, _ in f.values()) for f in fronts)
            picks = [min(f, key=lambda h, f=f: f[h][0]) for f in fronts]  # type: ignore[misc]
        else:
            value, picks = self.combine(fronts)
        witness = [choice[c] for c in self.order]
        for b, h in enumerate(picks):
            positions = self.courses[b]
            rest = _sorted_runs(
                fronts[b][h][1],
                positions[len(positions) - len(rest0) :] if (rest0 := fronts[b][h][1]) else [],
                self.same,
            )
            for k, o in zip(positions[len(positions) - len(rest) :], rest, strict=True):
                witness[k] = o
        return value, witness

    def combine(self, fronts: list[_Frontier]) -> tuple[int, list[tuple[int, ...]]]:
        """The least total over the hub's cases, and each block's hub contribution in it.

        In each case the hub's coverage is one number: credits times ``width`` plus courses.
        """
        p, hub = self.p, self.hub
        need_cr, need_co = p.need_credits[hub], p.need_courses[hub]
        width = need_co + 1
        full = need_cr * width + need_co
        best: tuple[int, list[tuple[int, ...]]] | None = None
        cases = [*self.tiers, MISSING] if need_cr or need_co else [-1]  # -1: costs nothing
        for x, t in enumerate(cases):
            at = 2 * (x if 0 <= t < MISSING else len(self.tiers) - 1)
            states = {self.hub_base[at] * width + self.hub_base[at + 1]: 0}
            offset = 0
            layers: list[dict[int, tuple[int, int, tuple[int, ...]]]] = []
            for front in fronts:
                proj = self.project(front, at, width)
                if len(proj) == 1 and proj[0][0] == 0:
                    offset += proj[0][1]  # sends nothing to the hub in this case
                    layers.append({})
                    continue
                layer: dict[int, tuple[int, int, tuple[int, ...]]] = {}
                for s, v in states.items():
                    for e, f, h in proj:
                        if width == 1:
                            s2 = s + e if s + e < full else full
                        else:
                            a, b = divmod(s, width)
                            c, d = divmod(e, width)
                            s2 = min(need_cr, a + c) * width + min(need_co, b + d)
                        w = v + f
                        old = layer.get(s2)
                        if old is None or w < old[0]:
                            layer[s2] = (w, s, h)
                layers.append(layer)
                states = _pareto({s: v[0] for s, v in layer.items()}, width)
            for s, v in states.items():
                a, b = divmod(s, width)
                if t < 0:
                    total = v
                elif t != MISSING:
                    if a < need_cr or b < need_co:
                        continue
                    total = v + t
                else:
                    total = v + self.pack(1, need_cr - a, need_co - b, MISSING)
                total += offset
                if best is None or total < best[0]:
                    picks = []
                    for front, layer in zip(reversed(fronts), reversed(layers), strict=True):
                        if layer:
                            _, s, h = layer[s]
                        else:
                            h = self.project(front, at, width)[0][2]
                        picks.append(h)
                    picks.reverse()
                    best = (total, picks)
        assert best is not None
        return self.constant + best[0], best[1]

    def project(
        self, front: _Frontier, at: int, width: int
    ) -> list[tuple[int, int, tuple[int, ...]]]:
        """``front`` by the hub's coverage at one tier (slot ``at``), without dominated entries:
        ``(coverage, least block cost, the hub contribution attaining it)``."""
        key = (id(front), at)
        hit = self.projections.get(key)
        if hit is not None:
            return hit
        proj: dict[int, tuple[int, tuple[int, ...]]] = {}
        for h, (f, _) in front.items():
            e = h[at] * width + h[at + 1]
            old = proj.get(e)
            if old is None or f < old[0]:
                proj[e] = (f, h)
        kept = _pareto({e: f for e, (f, _) in proj.items()}, width)
        out = self.projections[key] = [(e, f, proj[e][1]) for e, f in kept.items()]
        return out

    def frontier(self, b: int, choice: list[int]) -> _Frontier:
        """Per hub contribution, the least cost of block ``b`` given the decided choices,
        and the choices of its undecided courses that attain it."""
        positions = self.courses[b]
        order = self.order
        decided = []
        for k in positions:
            o = choice[order[k]]
            if o < 0:
                break
            decided.append(o)
        key = (b, *decided)
        hit = self.frontiers.get(key)
        if hit is not None:
            return hit
        block = self.blocks[b]
        start, h0 = self.base[b], (0,) * len(self.hub_caps)
        for k, o in zip(positions, decided, strict=False):
            mine, to_hub = self.effects[k][o]
            start = _add(start, mine, block.caps)
            h0 = _add(h0, to_hub, self.hub_caps)
        states: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {(start, h0): ()}
        low = decided[-1] if decided else 0
        prev = positions[len(decided) - 1] if decided else -2
        for k in positions[len(decided) :]:
            if not (self.same[k] and prev == k - 1):
                low = 0
            prev = k
            nxt: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {}
            for (st, h), picked in states.items():
                for o, (mine, to_hub) in enumerate(self.effects[k]):
                    if o >= low:
                        key2 = (_add(st, mine, block.caps), _add(h, to_hub, self.hub_caps))
                        if key2 not in nxt:
                            nxt[key2] = (*picked, o)
            states = nxt
        out: _Frontier = {}
        for (st, h), picked in states.items():
            v = self.cost(block, st)
            old = out.get(h)
            if old is None or v < old[0]:
                out[h] = (v, picked)
        self.frontiers[key] = out
        return out


_BLOCKS: dict[tuple[object, ...], _Block] = {}
_MAX_BLOCKS = 512
_MAX_MEMO = 20_000


def _block(p: Problem, root: int, nodes: list[int], tiers: list[int]) -> _Block:
    """The block of these nodes, with its memo of costs: students audited against one rule
    set share them (the cost depends on the nodes' needs and the weights only)."""
    key = (weights(p), tuple(tiers), root,
           *((p.need_credits[i], p.need_courses[i], p.fixed[i], p.choose[i], p.children[i])
             for i in nodes))  # fmt: skip
    hit = _BLOCKS.get(key)
    if hit is None:
        if len(_BLOCKS) >= _MAX_BLOCKS:
            _BLOCKS.clear()
        hit = _BLOCKS[key] = _Block(p, root, nodes, tiers)
    elif len(hit.memo) > _MAX_MEMO:
        hit.memo.clear()
    return hit


def _add(state: tuple[int, ...], delta: _Delta, caps: list[int]) -> tuple[int, ...]:
    if not delta:
        return state
    out = list(state)
    for slot, amount in delta:
        v = out[slot] + amount
        out[slot] = v if v < caps[slot] else caps[slot]
    return tuple(out)


def _pareto(values: dict[int, int], width: int) -> dict[int, int]:
    """``values`` without the entries another one dominates (as much hub coverage or more, in
    both kinds, for no more cost: the hub's cost never grows with its coverage)."""
    if len(values) < 2:
        return values
    out: dict[int, int] = {}
    if width == 1:
        least = None
        for key in sorted(values, reverse=True):
            v = values[key]
            if least is None or v < least:
                out[key] = least = v
        return out
    kept: list[tuple[int, int]] = []
    for key in sorted(values, reverse=True):
        v = values[key]
        courses = key % width
        if any(b >= courses and w <= v for b, w in kept):
            continue
        kept.append((courses, v))
        out[key] = v
    return out


def _sorted_runs(
    picked: tuple[int, ...], positions: list[int], same: list[bool]
) -> tuple[int, ...]:
    """``picked`` with each run of interchangeable courses in non-decreasing option order (the
    search's order; the cost is the same)."""
    out = list(picked)
    start = 0
    for x in range(1, len(out) + 1):
        if x == len(out) or not (same[positions[x]] and positions[x - 1] == positions[x] - 1):
            out[start:x] = sorted(out[start:x])
            start = x
    return tuple(out)


def separable(p: Problem, order: list[int], same: list[bool]) -> Separable | None:
    """The block structure of ``p`` for a search over ``order`` (the courses with a choice;
    ``same``: whether each is interchangeable with the one before), or ``None`` where it
    does not apply (caps, waivers, a course reaching two blocks besides the hub...)."""
    if not order or p.caps or any(m is not None for m in p.max_credits) or any(p.waived):
        return None
    n = len(p.parent)
    varies = [False] * n
    for opts in p.options:
        if len(opts) > 1:
            common = set(opts[0]).intersection(*opts[1:])
            for o in opts:
                for i in o:
                    if i not in common:
                        varies[i] = True
    block_of = [-1] * n
    roots: list[int] = []
    for i in range(n):  # pre-order: a parent comes first
        up = p.parent[i]
        if up >= 0 and block_of[up] >= 0:
            block_of[i] = block_of[up]
        elif varies[i]:
            block_of[i] = len(roots)
            roots.append(i)
            while up >= 0:  # the blocks' costs add up to the root's
                if p.choose[up] is not None:
                    return None
                up = p.parent[up]
    option_block: dict[tuple[int, ...], int] = {}
    for opts in p.options:
        for o in opts:
            found = {block_of[i] for i in o if block_of[i] >= 0}
            if len(found) > 1:
                return None
            option_block[o] = found.pop() if found else -1
    touched = [{option_block[o] for o in p.options[c]} - {-1} for c in order]
    multi = [t for t in touched if len(t) > 1]
    hub = -1
    if multi:
        for candidate in sorted(set.intersection(*multi)):
            if roots[candidate] == max(i for i in range(n) if block_of[i] == candidate) and all(
                len(t - {candidate}) <= 1 for t in touched
            ):
                hub = candidate  # a single node: its state is a number or two per tier
                break
        else:
            return None
    if any(not (reach - {hub}) and hub < 0 for reach in touched):
        return None  # options that differ only outside every block (not built so)
    return _build(p, order, same, block_of, roots, option_block, touched, hub)


def _build(
    p: Problem,
    order: list[int],
    same: list[bool],
    block_of: list[int],
    roots: list[int],
    option_block: dict[tuple[int, ...], int],
    touched: list[set[int]],
    hub: int,
) -> Separable:
    n = len(p.parent)
    s = Separable(p, order, same)
    tiers = s.tiers
    members: list[list[int]] = [[] for _ in roots]
    for i in range(n):
        if block_of[i] >= 0:
            members[block_of[i]].append(i)
    index = [b for b in range(len(roots)) if b != hub]
    s.blocks = [_block(p, roots[b], members[b], tiers) for b in index]
    position = {b: x for x, b in enumerate(index)}
    hub_block = None
    if hub >= 0:
        s.hub = roots[hub]
        s.hub_caps = [p.need_credits[s.hub], p.need_courses[s.hub]] * len(tiers)
        hub_block = _Block(p, s.hub, [s.hub], tiers)
        hub_block.slots = {(s.hub, kind, t): 2 * x + kind
                           for x, t in enumerate(tiers) for kind in (0, 1)}  # fmt: skip
        hub_block.caps = s.hub_caps
        position[hub] = len(s.blocks)  # the courses that reach only the hub: a block of none
        s.blocks.append(_Block(p, -1, [], tiers))
    s.courses = [[] for _ in s.blocks]
    s.base = [(0,) * len(b.caps) for b in s.blocks]
    s.hub_base = (0,) * len(s.hub_caps)
    for k, reach in enumerate(touched):
        rest = reach - {hub}
        owner = position[rest.pop() if rest else hub]
        s.courses[owner].append(k)
        block = s.blocks[owner]
        effects: list[tuple[_Delta, _Delta]] = []
        for o in p.options[order[k]]:
            b = option_block[o]
            if b == hub:
                assert hub_block is not None
                effects.append(((), hub_block.delta(p, tiers, order[k], o)))
            else:
                effects.append((block.delta(p, tiers, order[k], o) if b >= 0 else (), ()))
        s.effects[k] = effects
    decision = set(order)
    cov_cr = [[0] * len(tiers) for _ in range(n)]
    cov_co = [[0] * len(tiers) for _ in range(n)]
    for c, opts in enumerate(p.options):
        if not opts:
            continue
        for i in set(opts[0]).intersection(*opts[1:]):
            if block_of[i] < 0:
                for x, tier in enumerate(tiers):
                    if tier >= p.course_tier[c]:
                        cov_cr[i][x] += p.course_credits[c]
                        cov_co[i][x] += 1
        b = option_block[opts[0]]
        if c in decision or b < 0:
            continue
        if b == hub:
            assert hub_block is not None
            s.hub_base = _add(s.hub_base, hub_block.delta(p, tiers, c, opts[0]), s.hub_caps)
        else:
            x = position[b]
            s.base[x] = _add(s.base[x], s.blocks[x].delta(p, tiers, c, opts[0]), s.blocks[x].caps)
    agg = [0] * n
    for i in reversed(range(n)):
        if block_of[i] >= 0:
            continue
        fixed = p.fixed[i]
        if fixed is not None:
            value = s.pack(1 if fixed == MISSING else 0, 0, 0, fixed)
        else:
            value = s.own(i, cov_cr[i], cov_co[i])
        kids = [agg[j] for j in p.children[i]]
        m = p.choose[i]
        agg[i] = value + (sum(sorted(kids)[:m]) if m is not None else sum(kids))
    s.constant = agg[0]
    return s
