"""The blocks of a requirement tree for :mod:`ilpcore.requirements.separable`, cached per rule
set (students audited against one rule set mostly share them)."""

from __future__ import annotations

from ilpcore.requirements import blocks as _b
from ilpcore.requirements.blocks import Delta, block, own_cost
from ilpcore.requirements.problem import MISSING, Problem

__all__ = ["HubBlocks", "OptionsClass", "Shape", "clear_caches", "shape_of"]

OptionsClass = tuple[frozenset[int], bool, tuple[int, ...], int]
"""See :meth:`Shape.options_class`."""
_CourseClass = tuple[
    int, tuple[tuple[Delta, Delta], ...], tuple[tuple[int, ...], ...], tuple[int, ...]
]
HubBlocks = tuple[list[_b.Block], dict[int, int]]
"""See :meth:`Shape.around`."""


class Shape:
    """The blocks of a tree given the nodes every option counts toward (``common``) and the
    nodes some option does (``reached``): the subtrees of reached nodes outside ``common``
    whose parent is in it.  Students of one rule set mostly share it."""

    def __init__(self, p: Problem, tiers: list[int], common: set[int], reached: set[int]) -> None:
        n = len(p.parent)
        self.tiers = tiers
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
        self.effects: dict[tuple[object, ...], _CourseClass] = {}
        """Per hub and course (credits, tier, options): the block it decides in (by position
        among the hub's blocks, see :meth:`around`), its effects, each option's nodes that
        not every option has, and the nodes outside the blocks that all of them count toward
        (:func:`ilpcore.requirements.separable._effects`)."""
        self.classes: dict[tuple[tuple[int, ...], ...], OptionsClass] = {}
        """Per set of options, what the solver reads of it (see :meth:`options_class`)."""
        self.hub_blocks: dict[int, HubBlocks] = {}
        self.alone: dict[int, int] = {}
        """The nodes outside every block, children first, each with its own cost when no
        course counts toward it."""
        zero = [0] * len(tiers)
        for i in reversed(range(len(p.parent))):
            if self.block_of[i] >= 0:
                continue
            fixed = p.fixed[i]
            if fixed is not None:
                self.alone[i] = self.none.pack(1 if fixed == MISSING else 0, 0, 0, fixed)
            else:
                need = (p.need_credits[i], p.need_courses[i])
                self.alone[i] = own_cost(self.none, need, zero, zero)
        self.kids = p.children
        self.choose = p.choose
        self.summed = all(p.choose[i] is None for i in self.alone)
        """Whether the cost of the nodes outside the blocks is the sum of their own costs
        (none of them counts only its cheapest children: outside nodes' ancestors are
        outside too, so all of them add up at the root)."""
        self.alone_total = sum(self.alone.values())

    def options_class(self, options: tuple[tuple[int, ...], ...]) -> OptionsClass:
        """The blocks a course with these options reaches, whether one option reaches two
        blocks, the nodes outside the blocks that every option counts toward, and the block
        of its first option."""
        hit = self.classes.get(options)
        if hit is None:
            reach = frozenset(self.reaches(o) for o in options) - {-1}
            common = set(options[0]).intersection(*options[1:])
            shared = tuple(i for i in common if self.block_of[i] < 0)
            hit = self.classes[options] = (reach, -2 in reach, shared, self.reaches(options[0]))
        return hit

    def around(self, hub: int) -> HubBlocks:
        """The blocks of a search joined by ``hub`` (``-1``: none): the other blocks in order,
        then, with a hub, the empty block of the courses that reach only the hub; and each
        shape block's position among them (the hub's: that empty block)."""
        hit = self.hub_blocks.get(hub)
        if hit is None:
            index = [b for b in range(len(self.roots)) if b != hub]
            position = {b: x for x, b in enumerate(index)}
            blocks = [self.blocks[b] for b in index]
            if hub >= 0:
                position[hub] = len(blocks)
                blocks.append(self.none)
            hit = self.hub_blocks[hub] = (blocks, position)
        return hit

    def reaches(self, o: tuple[int, ...]) -> int:
        hit = self.option_block.get(o)
        if hit is None:
            found = {self.block_of[i] for i in o if self.block_of[i] >= 0}
            hit = self.option_block[o] = found.pop() if len(found) == 1 else -2 if found else -1
        return hit


_SHAPES: dict[tuple[object, ...], Shape] = {}
_MAX_SHAPES = 256


def shape_of(
    p: Problem, tiers: list[int], distinct: set[tuple[tuple[int, ...], ...]] | None = None
) -> Shape:
    """The shape of ``p``'s tree (``tiers``: the tiers present, with 0; ``distinct``: the set
    of ``p.options`` if the caller has it)."""
    every = [o for opts in (set(p.options) if distinct is None else distinct) for o in opts]
    if every:
        reached = set().union(*every)
        common = set(every[0]).intersection(*every[1:])
    else:
        reached, common = set(), set()
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
