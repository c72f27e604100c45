"""The search where :mod:`ilpcore.requirements.separable` applies.

Its exact bound admits an option only if an assignment meeting the optimum keeps it, so the
depth-first search of :mod:`ilpcore.requirements.solver` never backtracks into an admitted
option: it takes, at each course in turn, the first option in the search's order that is
admitted, which is the assignment the full search returns (the first optimal one in its
order).  The search's first leaf (its preferred option at every course) is costed first: when
the optimum is its cost, it is that assignment.  Otherwise the bound is asked only where the
last assignment found (the witness) does not keep the option and no cheap change of it does
(:mod:`ilpcore.requirements.repair`).
"""

from __future__ import annotations

from ilpcore.requirements.blocks import capped
from ilpcore.requirements.completion import Options, Part, Separable
from ilpcore.requirements.problem import Problem, Solution
from ilpcore.requirements.repair import Witness, repaired
from ilpcore.requirements.separable import separable

__all__ = ["follow_exact"]


def follow_exact(
    p: Problem, order: list[int], same: list[bool], forced: list[bool], node_limit: int
) -> Solution | None:
    """The search's assignment where :mod:`ilpcore.requirements.separable` applies, or
    ``None`` (see the module docstring).  ``order``: the search order of the courses with
    options; ``same``: whether each is interchangeable with the one before; ``forced``:
    whether each is assigned before the search."""
    choice = [-1] * len(p.options)
    search: list[int] = []
    links: list[bool] = []
    # The search ranks a course's options by what is still needed after the courses before
    # it in ``order``: forced courses count from their place in it.
    before: list[list[int]] = []
    passed: list[int] = []
    for c, f, x in zip(order, forced, same, strict=True):
        if f:
            choice[c] = 0
            passed.append(c)
        else:
            search.append(c)
            links.append(x)
            before.append(passed)
            passed = []
    if len(search) + 1 > node_limit:
        return None
    exact = separable(p, search, links)
    if exact is None:
        return None
    apart = exact.apart
    # The search's first dive (its preferred option everywhere) bounds the optimum, and is
    # the result when it meets it; while the choices follow it, its rankings stand.
    dive, rankings, dive_parts = _dive(p, exact, links, before)
    kept = Witness(exact, dive, dive_parts)
    bound = kept.cost
    found = exact.root_completion(bound)
    assert found is not None  # the dive is within its own cost
    optimum = found[0]
    if optimum == bound:  # the search's first leaf is optimal: it is the search's result
        for c, o in zip(search, dive, strict=True):
            choice[c] = o
        return Solution(tuple(choice), optimum, optimum, len(search) + 1, True)
    witness, parts = exact.assignment(choice, found)
    have_cr = [0] * len(p.parent)
    have_co = [0] * len(p.parent)
    on_dive = True
    for k, c in enumerate(search):
        if on_dive:
            on_rank = rankings[k]
            if on_rank is None:  # two options from ``start``: the dive's pick first
                start = dive[k - 1] if links[k] else 0
                ranked = [dive[k], 2 * start + 1 - dive[k]]
            else:
                ranked = on_rank
        else:
            for d in before[k]:
                _count(p, d, p.options[d][0], have_cr, have_co)
            start = max(0, choice[search[k - 1]]) if links[k] else 0
            ranked = _ranked(p, c, start, have_cr, have_co, apart[k])
        for o in ranked:
            choice[c] = o
            if witness[k] != o:
                if kept.options is not witness:
                    kept = Witness(exact, witness, parts)
                fixed = repaired(kept, k, o, optimum, links)
                if fixed is not None:
                    kept, witness = fixed, fixed.options
                else:
                    found = exact.completion(choice, optimum)
                    if found is None:
                        continue
                    witness, parts = exact.assignment(choice, found)
            break
        else:
            return None  # not reached: the bound is exact
        if on_dive and choice[c] != dive[k]:
            on_dive = False  # the rankings from here are the search's own: count the courses
            for j in range(k + 1):
                for d in before[j]:
                    _count(p, d, p.options[d][0], have_cr, have_co)
                _count(p, search[j], p.options[search[j]][choice[search[j]]], have_cr, have_co)
        elif not on_dive:
            _count(p, c, p.options[c][choice[c]], have_cr, have_co)
    return Solution(tuple(choice), optimum, optimum, len(search) + 1, True)


def _ranked(
    p: Problem, c: int, start: int, have_cr: list[int], have_co: list[int], apart: Options
) -> list[int]:
    """Course ``c``'s options from ``start``, in the search's order: most still-needed credit
    covered first (``have_cr``, ``have_co``: what the courses before ``c`` in the order
    count), then by index.  ``apart``: each option's nodes that not every option has (the
    others add the same to every option, so they cannot change the order)."""
    need_cr, need_co = p.need_credits, p.need_courses
    cr = p.course_credits[c]
    gains = [
        _gain(apart[o], cr, need_cr, need_co, have_cr, have_co) for o in range(start, len(apart))
    ]
    if len(gains) == 2:  # most courses: their area or the electives
        return [start, start + 1] if gains[0] >= gains[1] else [start + 1, start]
    ranked = sorted((-gain, o) for o, gain in enumerate(gains, start))
    return [o for _, o in ranked]


def _gain(
    nodes: tuple[int, ...],
    cr: int,
    need_cr: tuple[int, ...],
    need_co: tuple[int, ...],
    have_cr: list[int],
    have_co: list[int],
) -> int:
    """How much still-needed credit a course of ``cr`` credit units covers counted toward
    ``nodes`` (a node still short of courses gains the whole course)."""
    gain = 0
    for i in nodes:
        need = need_cr[i] - have_cr[i]
        if need > 0:
            gain += need if need < cr else cr
        if need_co[i] > have_co[i]:
            gain += cr
    return gain


def _count(
    p: Problem, c: int, option: tuple[int, ...], have_cr: list[int], have_co: list[int]
) -> None:
    cr = p.course_credits[c]
    for i in option:
        have_cr[i] += cr
        have_co[i] += 1


def _dive(
    p: Problem, exact: Separable, links: list[bool], before: list[list[int]]
) -> tuple[list[int], list[list[int] | None], list[Part]]:
    """The preferred option of every course in turn (the search's first leaf), the ranking
    of each course's options on the way (``None`` for two options: the pick, then the other;
    ``before``: per course of the search, the forced courses between it and the one before),
    and each block's part in the leaf."""
    have_cr = [0] * len(p.parent)
    have_co = [0] * len(p.parent)
    picks: list[int] = []
    rankings: list[list[int] | None] = []
    options, credits = p.options, p.course_credits
    need_cr, need_co, apart_at = p.need_credits, p.need_courses, exact.apart
    blocks, hub_caps = exact.blocks, exact.hub_caps
    state = [list(b) for b in exact.base]
    sent = [[0] * len(hub_caps) for _ in blocks]
    for k, c in enumerate(exact.order):
        for d in before[k]:
            _count(p, d, options[d][0], have_cr, have_co)
        start = picks[k - 1] if links[k] else 0
        apart = apart_at[k]
        cr = credits[c]
        if len(apart) - start == 2:  # most courses: their area or the electives
            first = _gain(apart[start], cr, need_cr, need_co, have_cr, have_co)
            second = _gain(apart[start + 1], cr, need_cr, need_co, have_cr, have_co)
            o = start if first >= second else start + 1
            rankings.append(None)  # the pick, then the other
        else:
            ranked = _ranked(p, c, start, have_cr, have_co, apart)
            rankings.append(ranked)
            o = ranked[0]
        picks.append(o)
        _count(p, c, options[c][o], have_cr, have_co)
        mine, to_hub = exact.effects[k][o]
        b = exact.owner[k]
        if mine:
            into = state[b]
            for slot, amount in mine:
                into[slot] += amount
        if to_hub:
            into = sent[b]
            for slot, amount in to_hub:
                into[slot] += amount
    parts = [
        (blk.cost(capped(st, blk.caps)), capped(h, hub_caps))
        for blk, st, h in zip(blocks, state, sent, strict=True)
    ]
    return picks, rankings, parts
