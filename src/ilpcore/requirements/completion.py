"""The exact completion costs of a problem that splits into blocks joined by one hub
(built by :func:`ilpcore.requirements.separable.separable`).

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

from ilpcore.requirements import blocks as _b
from ilpcore.requirements.blocks import Block, Delta, Front, capped, sorted_runs
from ilpcore.requirements.problem import MISSING, Problem

__all__ = ["Completion", "Effects", "Options", "Part", "Separable", "Step"]

Part = tuple[int, tuple[int, ...]]
"""A block's cost and its contribution to the hub under some assignment."""
Completion = tuple[int, list[Front], list[tuple[int, ...]]]
"""The least cost, the blocks' frontiers and the hub contribution each block makes in it."""

_NO_LIMIT = float("inf")
Effects = tuple[tuple[Delta, Delta], ...]
"""Per option of a course, what it adds to its block and to the hub."""
Options = tuple[tuple[int, ...], ...]
Step = tuple[Effects, bool]
"""A decision course's delta to its block and to the hub per option, and whether it is
interchangeable with the block's course before it."""


class Separable:
    """The block structure of one problem and its exact completion costs."""

    def __init__(
        self, p: Problem, order: list[int], tiers: list[int], m: tuple[int, int, int]
    ) -> None:
        """``tiers``: the tiers present, with 0; ``m``: ``weights(p)``."""
        self.p = p
        self.order = order
        self.m1, self.m2, self.m3 = m
        self.tiers = tiers
        self.blocks: list[Block] = []
        self.base: list[tuple[int, ...]] = []
        self.courses: list[list[int]] = []
        """Per block, its decision courses (positions in ``order``)."""
        self.owner: list[int] = []
        """Per decision course (position in ``order``), its block."""
        self.effects: list[Effects] = []
        """Per decision course, what each option adds to its block and to the hub."""
        self.apart: list[Options] = []
        """Per decision course, each option's nodes that not every option has."""
        self.steps: list[tuple[Step, ...]] = []
        """Per block, per decision course: its step (see ``Step``)."""
        self.hub = -1
        self.hub_caps = [0] * (2 * len(self.tiers))
        """The hub's state: its cumulative credits and courses at each present tier."""
        self.hub_base: tuple[int, ...] = ()
        self.constant = 0
        self.frontiers: dict[tuple[int, ...], Front] = {}

    def pack(self, unmet: int, cr: int, co: int, status: int) -> int:
        return ((unmet * self.m1 + cr) * self.m2 + co) * self.m3 + status

    def completion(self, choice: list[int], limit: int | None = None) -> Completion | None:
        """The least cost of an assignment that keeps the decided choices (``choice[c] >= 0``
        for a prefix of ``order``) and breaks symmetry as the search does, with what
        :meth:`assignment` needs to name one; with ``limit``, ``None`` if it is above it."""
        return self._least([self.frontier(b, choice) for b in range(len(self.blocks))], limit)

    def root_completion(self, limit: int | None = None) -> Completion | None:
        """:meth:`completion` with nothing decided."""
        zero = (0,) * len(self.hub_caps)
        fronts = []
        for b, (blk, start, steps) in enumerate(
            zip(self.blocks, self.base, self.steps, strict=True)
        ):
            made = self.frontiers[(b,)] = _b.front(blk, start, zero, self.hub_caps, 0, steps)
            fronts.append(made)
        return self._least(fronts, limit)

    def _least(self, fronts: list[Front], limit: int | None) -> Completion | None:
        if self.hub < 0:
            value = self.constant
            picks = []
            for f in fronts:
                pick = min(f.entries, key=lambda h, f=f: f.entries[h][0])  # type: ignore[misc]
                value += f.entries[pick][0]
                picks.append(pick)
            if limit is not None and value > limit:
                return None
        else:
            found = self.combine(fronts, limit)
            if found is None:
                return None
            value, picks = found
        return value, fronts, picks

    def assignment(self, choice: list[int], found: Completion) -> tuple[list[int], list[Part]]:
        """The options (by position in ``order``) of an assignment that attains a
        :meth:`completion` of ``choice``, and each block's part in it (its cost and what it
        sends to the hub)."""
        _, fronts, picks = found
        witness = [choice[c] for c in self.order]
        parts = []
        for b, h in enumerate(picks):
            positions = self.courses[b]
            cost, rest = fronts[b].entries[h]
            parts.append((cost, h))
            m = len(positions) - len(rest)
            links = [link for _, link in self.steps[b][m:]]
            for k, o in zip(positions[m:], sorted_runs(rest, links), strict=True):
                witness[k] = o
        return witness, parts

    def combine(
        self, fronts: list[Front], limit: int | None
    ) -> tuple[int, list[tuple[int, ...]]] | None:
        """The least total over the hub's cases, and each block's hub contribution in it;
        ``None`` if it is more than ``limit``.

        In each case the hub's coverage is one number: credits times ``width`` plus courses.
        States that cannot end within the best total so far are dropped: their cost so far,
        plus the least cost of each block still to combine, is already more.
        """
        p, hub = self.p, self.hub
        need_cr, need_co = p.need_credits[hub], p.need_courses[hub]
        width = need_co + 1
        full = need_cr * width + need_co
        best: tuple[int, list[tuple[int, ...]]] | None = None
        bound = None if limit is None else limit - self.constant
        last = len(self.tiers) - 1
        seen: dict[int, _View] = {}
        if not need_cr and not need_co:
            cases = [(-1, 2 * last)]  # the hub costs nothing
        else:
            # The least cost of the blocks is the same in every case, and the most they can
            # send to the hub grows with the tier: if the hub cannot be met at the last tier,
            # it cannot be met at all.
            cases = [(MISSING, 2 * last)]
            at = 2 * last
            seen[at] = _view(fronts, at, width)
            most_cr, most_co = seen[at][3], seen[at][4]
            if self.hub_base[at] + most_cr[-1] >= need_cr and (
                self.hub_base[at + 1] + most_co[-1] >= need_co
            ):
                cases = [(t, 2 * x) for x, t in enumerate(self.tiers)] + cases
        for t, at in cases:
            met = 0 <= t < MISSING
            floor = t if met else 0 if t < 0 else self.pack(1, 0, 0, MISSING)
            view = seen.get(at)
            if view is None:
                view = seen[at] = _view(fronts, at, width)
            offset, active, least, most_cr, most_co = view
            if bound is not None and offset + least[-1] + floor > bound:
                if met:
                    continue
                break
            base_cr, base_co = self.hub_base[at], self.hub_base[at + 1]
            if met and (base_cr + most_cr[-1] < need_cr or base_co + most_co[-1] < need_co):
                continue  # the hub cannot be met at this tier
            states = {base_cr * width + base_co: 0}
            layers: list[dict[int, tuple[int, int, tuple[int, ...]]]] = []
            rest = len(active)
            for _, proj in active:
                rest -= 1  # active blocks after this one
                top = _NO_LIMIT if bound is None else bound - offset - least[rest] - floor
                short_cr = need_cr - most_cr[rest] if met else -1
                short_co = need_co - most_co[rest] if met else -1
                layer: dict[int, tuple[int, int, tuple[int, ...]]] = {}
                for s, v in states.items():
                    for e, f, h in proj:
                        w = v + f
                        if w > top:
                            continue
                        if width == 1:  # the hub needs no courses: credits alone
                            s2 = s + e if s + e < full else full
                            if s2 < short_cr:
                                continue
                        else:
                            a, c = divmod(s, width)
                            d, g = divmod(e, width)
                            a, c = min(need_cr, a + d), min(need_co, c + g)
                            if a < short_cr or c < short_co:
                                continue
                            s2 = a * width + c
                        old = layer.get(s2)
                        if old is None or w < old[0]:
                            layer[s2] = (w, s, h)
                layers.append(layer)
                if len(layer) == 1:
                    states = {s2: v[0] for s2, v in layer.items()}
                else:
                    states = _b.pareto({s2: v[0] for s2, v in layer.items()}, width)
            for s, v in states.items():
                a, c = divmod(s, width)
                if t < 0:
                    total = v
                elif met:
                    if a < need_cr or c < need_co:
                        continue
                    total = v + t
                else:
                    total = v + self.pack(1, need_cr - a, need_co - c, MISSING)
                total += offset
                if (best is None or total < best[0]) and (bound is None or total <= bound):
                    picks = [front.projections[at][0][2] for front in fronts]  # the inactive
                    for (b, _), layer in zip(reversed(active), reversed(layers), strict=True):
                        _, s, h = layer[s]
                        picks[b] = h
                    best = (total, picks)
                    bound = total
        if best is None:
            return None
        return self.constant + best[0], best[1]

    def frontier(self, b: int, choice: list[int]) -> Front:
        """Block ``b``'s frontier given the decided choices."""
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
        blk = self.blocks[b]
        steps = self.steps[b]
        start, h0 = self.base[b], (0,) * len(self.hub_caps)
        if decided:
            mine_sums, hub_sums = list(start), list(h0)
            for (effects, _), o in zip(steps, decided, strict=False):
                mine, to_hub = effects[o]
                for slot, amount in mine:
                    mine_sums[slot] += amount
                for slot, amount in to_hub:
                    hub_sums[slot] += amount
            start = capped(mine_sums, blk.caps)
            h0 = capped(hub_sums, self.hub_caps)
        m = len(decided)
        low = decided[-1] if decided and m < len(steps) and steps[m][1] else 0
        made = self.frontiers[key] = _b.front(blk, start, h0, self.hub_caps, low, steps[m:])
        return made


_Projection = list[tuple[int, int, tuple[int, ...]]]
_View = tuple[int, list[tuple[int, _Projection]], list[int], list[int], list[int]]


def _view(fronts: list[Front], at: int, width: int) -> _View:
    """The blocks as the hub sees them at the tier of slots ``at``: the total cost of those
    that send it nothing, the others (index, projection), and, for the last ``k`` of those,
    their least cost and the most credits and courses they can send (at ``[k]``)."""
    offset = 0
    active = []
    least, most_cr, most_co = [0], [0], [0]
    for b in range(len(fronts) - 1, -1, -1):
        front = fronts[b]
        view = front.views.get(at) or front.view(at, width)
        if view[0]:
            offset += view[2]  # its only cost
        else:
            active.append((b, view[1]))
            least.append(least[-1] + view[2])
            most_cr.append(most_cr[-1] + view[3])
            most_co.append(most_co[-1] + view[4])
    active.reverse()
    return offset, active, least, most_cr, most_co
