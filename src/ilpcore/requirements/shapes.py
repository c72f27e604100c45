"""The blocks of a requirement tree for :mod:`ilpcore.requirements.separable`, cached per rule
set (students audited against one rule set mostly share them)."""

from __future__ import annotations

from ilpcore.requirements import blocks as _b
from ilpcore.requirements.blocks import Delta, block
from ilpcore.requirements.problem import Problem

__all__ = ["Shape", "clear_caches", "shape_of"]


class Shape:
    """The blocks of a tree given the nodes every option counts toward (``common``) and the
    nodes some option does (``reached``): the subtrees of reached nodes outside ``common``
    whose parent is in it.  Students of one rule set mostly share it."""

    def __init__(self, p: Problem, tiers: list[int], common: set[int], reached: set[int]) -> None:
        n = len(p.parent)
        self.block_of = [-1] * n
        roots: list[int] = []
        self.valid = True
        for i in range(n):  # pre-order: a parent comes first
            up = p.parent[i]
            if up >= 0 and self.block_of[up] >= 0:
                self.block_of[i] = self.block_of[up]
            elif i in reached and i not in common:
                self.block_of[i] = len(roots)
                roots.append(i)
                while up >= 0:  # the blocks' costs add up to the root's
                    self.valid = self.valid and p.choose[up] is None
                    up = p.parent[up]
        self.roots = roots
        self.members: list[list[int]] = [[] for _ in roots]
        for i, b in enumerate(self.block_of):
            if b >= 0:
                self.members[b].append(i)
        self.blocks = [block(p, r, self.members[b], tiers) for b, r in enumerate(roots)]
        self.hubs = [block(p, r, [r], tiers, hub=True)
                     if len(self.members[b]) == 1 and p.fixed[r] is None else None
                     for b, r in enumerate(roots)]  # fmt: skip
        self.none = block(p, -1, [], tiers)
        self.option_block: dict[tuple[int, ...], int] = {}
        """The block each option reaches (``-1``: none, ``-2``: more than one)."""
        self.touch: dict[tuple[tuple[int, ...], ...], frozenset[int]] = {}
        """Per set of options, the blocks they reach."""
        self.effects: dict[tuple[object, ...], tuple[tuple[Delta, Delta], ...]] = {}
        """Per hub and course (credits, tier, options): its effects (see ``_Step``)."""
        self.shared: dict[tuple[tuple[int, ...], ...], tuple[int, ...]] = {}
        """Per set of options, the nodes outside the blocks that all of them count toward."""

    def reaches(self, o: tuple[int, ...]) -> int:
        hit = self.option_block.get(o)
        if hit is None:
            found = {self.block_of[i] for i in o if self.block_of[i] >= 0}
            hit = self.option_block[o] = found.pop() if len(found) == 1 else -2 if found else -1
        return hit


_SHAPES: dict[tuple[object, ...], Shape] = {}
_MAX_SHAPES = 256


def shape_of(p: Problem, tiers: list[int]) -> Shape:
    """The shape of ``p``'s tree (``tiers``: the tiers present, with 0)."""
    common: set[int] | None = None
    reached: set[int] = set()
    for opts in set(p.options):
        for o in opts:
            reached.update(o)
            if common is None:
                common = set(o)
            else:
                common.intersection_update(o)
    common = common or set()
    key = (p.parent, p.choose, p.need_credits, p.need_courses, p.fixed, tuple(tiers),
           frozenset(common), frozenset(reached))  # fmt: skip
    shape = _SHAPES.get(key)
    if shape is None:
        if len(_SHAPES) >= _MAX_SHAPES:
            _SHAPES.clear()
        shape = _SHAPES[key] = Shape(p, tiers, common, reached)
    return shape


def clear_caches() -> None:
    """Forget every cached shape, block, cost and frontier (for benchmarks of a cold start)."""
    _SHAPES.clear()
    _b.clear_caches()
