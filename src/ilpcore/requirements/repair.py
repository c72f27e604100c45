"""Cheap updates of the assignment the exact bound last found (the *witness*).

:func:`ilpcore.requirements.solver` follows the exact bound of
:mod:`ilpcore.requirements.completion` course by course; where the search's preferred option
differs from the witness's, the bound must say whether some assignment meeting the optimum
keeps it.  Mostly one does that differs from the witness only there, or also in one later
course of the same size and status going the other way (two courses trading their places):
:func:`repaired` tries those, costing each exactly from the blocks they change, before the
search asks the full programme.
"""

from __future__ import annotations

from ilpcore.requirements.blocks import capped, own_cost
from ilpcore.requirements.completion import Part, Separable
from ilpcore.requirements.problem import Problem

__all__ = ["Witness", "repaired"]


class Witness:
    """An assignment (options by position in the search order) and, per block, its state,
    cost and contribution to the hub."""

    def __init__(self, s: Separable, options: list[int], parts: list[Part] | None = None) -> None:
        """``parts``: each block's part under ``options`` where it is known (from
        :meth:`Separable.completion`)."""
        self.s = s
        self.options = options
        self.owner = s.owner
        if parts is None:
            parts = [self.block_part(b, options) for b in range(len(s.blocks))]
        self.parts = parts
        self.cost = self.total(parts)

    def block_part(self, b: int, options: list[int]) -> Part:
        """Block ``b``'s cost and hub contribution under ``options``."""
        s = self.s
        blk = s.blocks[b]
        state = list(s.base[b])
        to_hub = [0] * len(s.hub_caps)
        for (effects, _), k in zip(s.steps[b], s.courses[b], strict=True):
            mine, sent = effects[options[k]]
            for slot, amount in mine:
                state[slot] += amount
            for slot, amount in sent:
                to_hub[slot] += amount
        return blk.cost(capped(state, blk.caps)), capped(to_hub, s.hub_caps)

    def sends(self, k: int, o: int) -> bool:
        """Whether the course at position ``k`` counts toward the hub with option ``o``."""
        s = self.s
        b = self.owner[k]
        return bool(s.steps[b][s.courses[b].index(k)][0][o][1])

    def total(self, parts: list[Part]) -> int:
        """The packed cost of an assignment with these block parts."""
        s = self.s
        value = s.constant + sum(cost for cost, _ in parts)
        if s.hub < 0:
            return value
        hub = capped(
            [sum(x) for x in zip(s.hub_base, *(sent for _, sent in parts), strict=True)], s.hub_caps
        )
        need = (s.p.need_credits[s.hub], s.p.need_courses[s.hub])
        # any block knows the tiers and weights that own_cost needs
        return value + own_cost(s.blocks[0], need, list(hub[0::2]), list(hub[1::2]))


def repaired(w: Witness, k: int, o: int, limit: int, same: list[bool]) -> Witness | None:
    """A witness that keeps the search's choices before position ``k``, takes option ``o``
    there and costs no more than ``limit``: ``w`` changed at ``k`` alone, or also at one later
    course of the same size and status; ``None`` if neither does."""
    s = w.s
    p: Problem = s.p
    order = s.order
    c = order[k]
    size = (p.course_credits[c], p.course_tier[c])
    options = list(w.options)
    options[k] = o
    if not _in_order(options, same, k):
        return None
    mine = w.owner[k]
    part = w.block_part(mine, options)
    parts = list(w.parts)
    parts[mine] = part
    if w.total(parts) <= limit:
        return _witness(w, options, parts)
    to_hub = w.sends(k, o)
    left = w.sends(k, w.options[k])
    for j in range(k + 1, len(order)):
        if (p.course_credits[order[j]], p.course_tier[order[j]]) != size:
            continue
        if w.sends(j, w.options[j]) != to_hub:
            continue
        # the course at j takes the hub or leaves it as the one at k did: with the same size
        # and status, the hub's coverage is the witness's
        for x in range(len(p.options[order[j]])):
            if x == w.options[j] or w.sends(j, x) != left:
                continue
            options[j] = x
            if _in_order(options, same, j):
                other = w.owner[j]
                if other == mine:
                    parts[mine] = w.block_part(mine, options)
                    total = w.total(parts)
                else:
                    parts[other] = w.block_part(other, options)
                    total = w.cost - w.parts[mine][0] - w.parts[other][0]
                    total += parts[mine][0] + parts[other][0]
                if total <= limit:
                    return _witness(w, options, parts)
                parts[other] = w.parts[other]
                parts[mine] = part
            options[j] = w.options[j]
    return None


def _witness(w: Witness, options: list[int], parts: list[Part]) -> Witness:
    found = Witness.__new__(Witness)
    found.s, found.options, found.owner, found.parts = w.s, options, w.owner, parts
    found.cost = found.total(parts)
    return found


def _in_order(options: list[int], same: list[bool], k: int) -> bool:
    """Whether position ``k`` keeps interchangeable courses in non-decreasing option order."""
    if same[k] and options[k - 1] > options[k]:
        return False
    return not (k + 1 < len(options) and same[k + 1] and options[k] > options[k + 1])
