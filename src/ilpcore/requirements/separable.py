"""Which problems split into independent blocks joined by one hub, and their block structure.

Real rule sets mostly do (see :mod:`ilpcore.requirements.completion` for the shape and the
exact programme over it): :func:`separable` checks a problem and builds its
:class:`~ilpcore.requirements.completion.Separable` from the per-rule-set records of its
shape (:mod:`ilpcore.requirements.shapes`).
"""

from __future__ import annotations

from ilpcore.requirements.blocks import Delta, add, own_cost
from ilpcore.requirements.completion import Effects, Options, Separable, Step
from ilpcore.requirements.problem import Problem
from ilpcore.requirements.shapes import Shape, shape_of

__all__ = ["separable"]


def separable(p: Problem, order: list[int], same: list[bool]) -> Separable | None:
    """The block structure of ``p`` for a search over ``order`` (the courses with a choice;
    ``same``: whether each is interchangeable with the one before), or ``None`` where it
    does not apply (caps, waivers, a course reaching two blocks besides the hub...)."""
    if not order or p.caps or p.max_credits.count(None) != len(p.max_credits) or any(p.waived):
        return None
    tiers = sorted(set(p.course_tier) | {0})
    distinct = set(p.options)
    distinct.discard(())
    shape = shape_of(p, tiers, distinct)
    if not shape.valid:
        return None
    classes = shape.classes
    reaches = set()
    for opts in distinct:
        known = classes.get(opts) or shape.options_class(opts)
        if known[1]:
            return None  # an option reaches two blocks
        if len(opts) > 1:  # without caps, the courses with a choice
            reaches.add(known[0])
    multi = [t for t in reaches if len(t) > 1]
    hub = -1
    if multi:
        for candidate in sorted(frozenset.intersection(*multi)):
            if shape.hubs[candidate] is not None and all(
                len(t - {candidate}) <= 1 for t in reaches
            ):
                hub = candidate  # a single node: its state is a number or two per tier
                break
        else:
            return None
    elif frozenset() in reaches:
        return None  # options that differ only outside every block (not built so)
    return _build(p, order, same, shape, hub)


def _effects(
    shape: Shape, hub: int, key: tuple[int, int, int, tuple[tuple[int, ...], ...]]
) -> tuple[int, Effects, Options, tuple[int, ...]]:
    """Where a course decides (``key``: the hub, its credits, tier and options): its block's
    position among the hub's (see :meth:`Shape.around`), per option what it adds to that
    block and to the hub, per option its nodes that not every option has, and the nodes
    outside the blocks that every option counts toward."""
    _, credits, tier, options = key
    blocks, position = shape.around(hub)
    owner = position[min(shape.options_class(options)[0] - {hub}, default=hub)]
    mine = blocks[owner]
    hub_block = shape.hubs[hub] if hub >= 0 else None
    effects: list[tuple[Delta, Delta]] = []
    for o in options:
        b = shape.reaches(o)
        if b == hub and hub_block is not None:
            effects.append(((), hub_block.delta(credits, tier, o)))
        else:
            effects.append((mine.delta(credits, tier, o) if b >= 0 else (), ()))
    common = set(options[0]).intersection(*options[1:])
    apart = tuple(tuple(i for i in o if i not in common) for o in options)
    return owner, tuple(effects), apart, shape.options_class(options)[2]


def _build(p: Problem, order: list[int], same: list[bool], shape: Shape, hub: int) -> Separable:
    s = Separable(p, order, shape.tiers, shape.none.weights)
    tiers = s.tiers
    blocks, position = shape.around(hub)
    s.blocks = blocks
    hub_block = None
    if hub >= 0:
        hub_block = shape.hubs[hub]
        assert hub_block is not None
        s.hub = shape.roots[hub]
        s.hub_caps = hub_block.caps
    courses: list[list[int]] = [[] for _ in blocks]
    steps: list[list[Step]] = [[] for _ in blocks]
    effects_of = shape.effects
    credits, course_tier, options = p.course_credits, p.course_tier, p.options
    # what the courses count toward the nodes outside the blocks, by tier
    by_tier: dict[tuple[int, ...], list[int]] = {}
    slot = {t: x for x, t in enumerate(tiers)}
    width = len(tiers)
    last = -2
    owners, effects_at, apart = s.owner, s.effects, s.apart
    for k, c in enumerate(order):
        cr, tier, opts = credits[c], course_tier[c], options[c]
        key = (hub, cr, tier, opts)
        found = effects_of.get(key)
        if found is None:
            found = effects_of[key] = _effects(shape, hub, key)
        owner, effects, differ, shared = found
        link = same[k] and last == owner  # and so the course before is the block's last
        courses[owner].append(k)
        steps[owner].append((effects, link))
        owners.append(owner)
        effects_at.append(effects)
        apart.append(differ)
        last = owner
        if shared:
            _count_outside(by_tier, shared, slot[tier], cr, width)
    s.courses = courses
    s.steps = [tuple(x) for x in steps]
    base = [(0,) * len(b.caps) for b in blocks]
    hub_base = (0,) * len(s.hub_caps)
    classes = shape.classes
    for c in [c for c, opts in enumerate(options) if len(opts) == 1]:  # the forced courses
        opts = options[c]
        _, _, shared, first = classes[opts]
        cr = credits[c]
        if shared:
            _count_outside(by_tier, shared, slot[course_tier[c]], cr, width)
        if first < 0:
            continue  # counted in no block
        if first == hub:
            assert hub_block is not None
            hub_base = add(hub_base, hub_block.delta(cr, course_tier[c], opts[0]), s.hub_caps)
        else:
            at = position[first]
            target = blocks[at]
            base[at] = add(base[at], target.delta(cr, course_tier[c], opts[0]), target.caps)
    s.base = base
    s.hub_base = hub_base
    covered: dict[int, list[int]] = {}
    for shared, sums in by_tier.items():
        for i in shared:
            mine_sums = covered.get(i)
            if mine_sums is None:
                covered[i] = list(sums)
            else:
                covered[i] = [a + b for a, b in zip(mine_sums, sums, strict=True)]
    # the own cost of each node outside the blocks that courses count toward
    own = {
        i: own_cost(
            shape.none,
            (p.need_credits[i], p.need_courses[i]),
            _cumulative(sums[:width]),
            _cumulative(sums[width:]),
        )
        for i, sums in covered.items()
        if p.fixed[i] is None
    }
    if shape.summed:  # only those nodes differ from their own cost with nothing counted
        s.constant = shape.alone_total + sum(v - shape.alone[i] for i, v in own.items())
        return s
    agg: dict[int, int] = {}
    kids, choose = shape.kids, shape.choose
    for i, value in shape.alone.items():
        below = [agg.get(j, 0) for j in kids[i]]
        m = choose[i]
        agg[i] = own.get(i, value) + (sum(sorted(below)[:m]) if m is not None else sum(below))
    s.constant = agg[0]
    return s


def _count_outside(
    by_tier: dict[tuple[int, ...], list[int]], shared: tuple[int, ...], x: int, cr: int, width: int
) -> None:
    """Count a course of ``cr`` units at tier slot ``x`` toward the nodes ``shared`` (outside the
    blocks): credits at ``x``, courses at ``width + x``."""
    sums = by_tier.get(shared)
    if sums is None:
        sums = by_tier[shared] = [0] * (2 * width)
    sums[x] += cr
    sums[width + x] += 1


def _cumulative(values: list[int]) -> list[int]:
    out = []
    total = 0
    for v in values:
        total += v
        out.append(total)
    return out
