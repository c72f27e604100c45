"""Blocks of :mod:`ilpcore.requirements.completion`: subtrees whose cost depends only on the
courses they receive, their capped states, and the frontiers of their dynamic programme.

Students audited against one rule set share their blocks (the tree, its needs and the tiers
present), so blocks, the costs of their states and their frontiers are cached across solves.
"""

from __future__ import annotations

from ilpcore.requirements.problem import MISSING, Problem, weights

__all__ = [
    "Block",
    "Delta",
    "Front",
    "add",
    "block",
    "capped",
    "clear_caches",
    "clear_frontiers",
    "front",
    "own_cost",
    "pareto",
    "sorted_runs",
]

Delta = tuple[tuple[int, int], ...]
"""``(slot, amount)`` pairs that one course adds to a capped state."""
_MAX_CACHED = 256
_MAX_MEMO = 4096
_MAX_FRONTS = 10_000


class Block:
    """A subtree whose coverage depends on the assignment (or, with ``hub``, one node: two
    slots per present tier, credits and courses); its state is the coverage of its nodes by
    kind and present tier, cumulative over the tiers and capped at the needs."""

    def __init__(
        self, p: Problem, root: int, nodes: list[int], tiers: list[int], *, hub: bool = False
    ) -> None:
        self.root = root
        self.nodes = nodes
        self.tiers = tiers
        self.weights = weights(p)
        self.need = {i: (p.need_credits[i], p.need_courses[i]) for i in nodes}
        self.fixed = {i: p.fixed[i] for i in nodes}
        self.children = {i: p.children[i] for i in nodes}
        self.choose = {i: p.choose[i] for i in nodes}
        self.caps: list[int] = []
        self.slots: dict[tuple[int, int, int], int] = {}  # (node, kind, tier) -> slot
        for i in nodes:
            for t in tiers:
                for kind in (0, 1):
                    need = self.need[i][kind]
                    if hub or (p.fixed[i] is None and need):
                        self.slots[(i, kind, t)] = len(self.caps)
                        self.caps.append(need)
        self.memo: dict[tuple[int, ...], int] = {}
        self.deltas: dict[tuple[int, int, tuple[int, ...]], Delta] = {}

    def pack(self, unmet: int, cr: int, co: int, status: int) -> int:
        m1, m2, m3 = self.weights
        return ((unmet * m1 + cr) * m2 + co) * m3 + status

    def delta(self, credits: int, tier: int, option: tuple[int, ...]) -> Delta:
        """What a course of ``credits`` and ``tier`` counted toward ``option`` adds."""
        key = (credits, tier, option)
        hit = self.deltas.get(key)
        if hit is None:
            out = []
            for i in option:
                for kind, amount in ((0, credits), (1, 1)):
                    for t in self.tiers:
                        slot = self.slots.get((i, kind, t))
                        if slot is not None and t >= tier:
                            out.append((slot, amount))
            hit = self.deltas[key] = tuple(out)
        return hit

    def cost(self, state: tuple[int, ...]) -> int:
        """The packed cost of the subtree for a capped coverage ``state``."""
        hit = self.memo.get(state)
        if hit is not None:
            return hit
        if not self.nodes:
            return 0
        agg: dict[int, int] = {}
        for i in reversed(self.nodes):
            fixed = self.fixed[i]
            if fixed is not None:
                value = self.pack(1 if fixed == MISSING else 0, 0, 0, fixed)
            else:
                cr = [state[x] if (x := self.slots.get((i, 0, t))) is not None else 0
                      for t in self.tiers]  # fmt: skip
                co = [state[x] if (x := self.slots.get((i, 1, t))) is not None else 0
                      for t in self.tiers]  # fmt: skip
                value = own_cost(self, self.need[i], cr, co)
            kids = [agg[j] for j in self.children[i]]
            n = self.choose[i]
            agg[i] = value + (sum(sorted(kids)[:n]) if n is not None else sum(kids))
        self.memo[state] = agg[self.root]
        return agg[self.root]


def own_cost(b: Block, need: tuple[int, int], cr: list[int], co: list[int]) -> int:
    """A node's own packed cost from its cumulative coverage at the present tiers."""
    need_cr, need_co = need
    if not need_cr and not need_co:
        return 0
    for x, t in enumerate(b.tiers):
        if cr[x] >= need_cr and co[x] >= need_co:
            return t
    return b.pack(1, max(0, need_cr - cr[-1]), max(0, need_co - co[-1]), MISSING)


class Front:
    """A block's frontier: per hub contribution, the least block cost and the choices of the
    undecided courses that attain it; with its projections on the hub's tiers."""

    def __init__(self, entries: dict[tuple[int, ...], tuple[int, tuple[int, ...]]]) -> None:
        self.entries = entries
        self.projections: dict[int, list[tuple[int, int, tuple[int, ...]]]] = {}
        self.extremes: dict[int, tuple[int, int, int]] = {}
        """Per projection: its least cost, and the most credits and courses it sends."""
        self.views: dict[
            int, tuple[bool, list[tuple[int, int, tuple[int, ...]]], int, int, int]
        ] = {}
        """Per projection (see :meth:`view`)."""

    def view(
        self, at: int, width: int
    ) -> tuple[bool, list[tuple[int, int, tuple[int, ...]]], int, int, int]:
        """Whether the block sends nothing to the hub at the tier of slots ``at``, its
        projection there (:meth:`project`), its least cost and the most credits and courses
        it can send there."""
        hit = self.views.get(at)
        if hit is None:
            proj = self.project(at, width)
            low, high_cr, high_co = self.extremes[at]
            hit = (len(proj) == 1 and proj[0][0] == 0, proj, low, high_cr, high_co)
            self.views[at] = hit
        return hit

    def project(self, at: int, width: int) -> list[tuple[int, int, tuple[int, ...]]]:
        """By the hub's coverage at one tier (slots ``at``: credits, ``at + 1``: courses, as
        credits times ``width`` plus courses), without dominated entries: ``(coverage, least
        block cost, the hub contribution attaining it)``."""
        hit = self.projections.get(at)
        if hit is not None:
            return hit
        proj: dict[int, tuple[int, tuple[int, ...]]] = {}
        for h, (f, _) in self.entries.items():
            e = h[at] * width + h[at + 1]
            old = proj.get(e)
            if old is None or f < old[0]:
                proj[e] = (f, h)
        kept = pareto({e: f for e, (f, _) in proj.items()}, width)
        out = self.projections[at] = [(e, f, proj[e][1]) for e, f in kept.items()]
        self.extremes[at] = (
            min(kept.values()),
            max(e // width for e in kept),
            max(e % width for e in kept),
        )
        return out


_BLOCKS: dict[tuple[object, ...], Block] = {}
_FRONTS: dict[tuple[object, ...], Front] = {}


def block(p: Problem, root: int, nodes: list[int], tiers: list[int], *, hub: bool = False) -> Block:
    """The block of these nodes (cached: the cost depends on their needs and the weights)."""
    key = (hub, weights(p), tuple(tiers), root,
           *((p.need_credits[i], p.need_courses[i], p.fixed[i], p.choose[i], p.children[i])
             for i in nodes))  # fmt: skip
    hit = _BLOCKS.get(key)
    if hit is None:
        if len(_BLOCKS) >= _MAX_CACHED:
            _BLOCKS.clear()
        hit = _BLOCKS[key] = Block(p, root, nodes, tiers, hub=hub)
    elif len(hit.memo) > _MAX_MEMO:
        hit.memo.clear()
    return hit


def front(
    b: Block,
    start: tuple[int, ...],
    h0: tuple[int, ...],
    hub_caps: list[int],
    low: int,
    steps: tuple[tuple[tuple[tuple[Delta, Delta], ...], bool], ...],
) -> Front:
    """The frontier of block ``b`` from ``start`` (having sent ``h0`` to the hub) over the
    undecided courses ``steps`` (their effects per option, and whether each must take an
    option no lower than the one before: the first no lower than ``low``)."""
    key = (b, tuple(hub_caps), start, h0, low, steps)
    hit = _FRONTS.get(key)
    if hit is not None:
        return hit
    states: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {(start, h0): ()}
    caps = b.caps
    for x, (effects, link) in enumerate(steps):
        if x and not link:
            low = 0
        nxt: dict[tuple[tuple[int, ...], tuple[int, ...]], tuple[int, ...]] = {}
        for (st, h), picked in states.items():
            for o in range(low, len(effects)):
                mine, to_hub = effects[o]
                key2 = (
                    add(st, mine, caps) if mine else st,
                    add(h, to_hub, hub_caps) if to_hub else h,
                )
                if key2 not in nxt:
                    nxt[key2] = (*picked, o)
        states = nxt
    out: dict[tuple[int, ...], tuple[int, tuple[int, ...]]] = {}
    for (st, h), picked in states.items():
        v = b.cost(st)
        old = out.get(h)
        if old is None or v < old[0]:
            out[h] = (v, picked)
    if len(_FRONTS) >= _MAX_FRONTS:
        _FRONTS.clear()
    made = _FRONTS[key] = Front(out)
    return made


def add(state: tuple[int, ...], delta: Delta, caps: list[int]) -> tuple[int, ...]:
    """``state`` with ``delta`` added, capped."""
    if not delta:
        return state
    out = list(state)
    for slot, amount in delta:
        v = out[slot] + amount
        out[slot] = v if v < caps[slot] else caps[slot]
    return tuple(out)


def capped(values: list[int], caps: list[int]) -> tuple[int, ...]:
    """``values`` capped slot by slot: positive amounts summed and then capped are the state
    that :func:`add` reaches course by course."""
    return tuple(map(min, values, caps))


def pareto(values: dict[int, int], width: int) -> dict[int, int]:
    """``values`` (by hub coverage, credits times ``width`` plus courses) without the entries
    another one dominates (as much coverage or more, in both kinds, for no more cost: the
    hub's cost never grows with its coverage)."""
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


def sorted_runs(picked: tuple[int, ...], links: list[bool]) -> tuple[int, ...]:
    """``picked`` with each run of interchangeable courses (``links[x]``: course ``x`` is
    interchangeable with ``x - 1``) in non-decreasing option order, as the search assigns
    them (the cost is the same)."""
    out = list(picked)
    start = 0
    for x in range(1, len(out) + 1):
        if x == len(out) or not links[x]:
            out[start:x] = sorted(out[start:x])
            start = x
    return tuple(out)


def clear_caches() -> None:
    """Forget every cached block, cost and frontier (for benchmarks measuring a cold start)."""
    _BLOCKS.clear()
    _FRONTS.clear()


def clear_frontiers() -> None:
    """Forget the frontiers and state costs, which depend on students' courses, but keep the
    blocks, which depend on the rule set (for benchmarks of a new student of a known rule set)."""
    _FRONTS.clear()
    for b in _BLOCKS.values():
        b.memo.clear()
