"""The search where :mod:`ilpcore.requirements.separable` applies.

Its exact bound admits an option only if an assignment meeting the optimum keeps it, so the
depth-first search of :mod:`ilpcore.requirements.solver` never backtracks into an admitted
option: it takes, at each course in turn, the first option in the search's order that is
admitted, which is the assignment the full search returns (the first optimal one in its
order).  The bound is asked only where the last assignment found (the witness) does not keep
the option and no cheap change of it does (:mod:`ilpcore.requirements.repair`).
"""

from __future__ import annotations

from ilpcore.requirements.problem import Problem, Solution
from ilpcore.requirements.repair import Witness, repaired
from ilpcore.requirements.separable import separable

__all__ = ["follow_exact", "forced_later"]


def follow_exact(
    p: Problem, order: list[int], same: list[bool], forced: list[bool], node_limit: int
) -> Solution | None:
    """The search's assignment where :mod:`ilpcore.requirements.separable` applies, or
    ``None`` (see the module docstring).  ``order``: the search order of the courses with
    options; ``same``: whether each is interchangeable with the one before; ``forced``:
    whether each is assigned before the search."""
    search = [c for c, f in zip(order, forced, strict=True) if not f]
    links = [x for x, f in zip(same, forced, strict=True) if not f]
    if len(search) + 1 > node_limit:
        return None
    exact = separable(p, search, links)
    if exact is None:
        return None
    choice = [-1] * len(p.options)
    have_cr = [0] * len(p.parent)
    have_co = [0] * len(p.parent)
    for c, f in zip(order, forced, strict=True):
        if f:
            choice[c] = 0
            for i in p.options[c][0]:
                have_cr[i] += p.course_credits[c]
                have_co[i] += 1
    later = forced_later(p, order, forced)
    apart = _apart(p, search)
    # The search's first dive (its preferred option everywhere) bounds the optimum, and is
    # the witness when it meets it; while the choices follow it, its rankings stand.
    dive, rankings = _dive(p, search, links, list(have_cr), list(have_co), later, apart)
    kept: Witness | None = Witness(exact, dive)
    assert kept is not None
    bound = kept.cost
    optimum, witness, parts = exact.completion(choice, bound)
    if optimum == bound:
        witness = dive
    on_dive = True
    for k, c in enumerate(search):
        if on_dive:
            ranked = rankings[k]
        else:
            start = max(0, choice[search[k - 1]]) if links[k] else 0
            ranked = _ranked(p, c, start, have_cr, have_co, later[k], apart[k])
        for o in ranked:
            choice[c] = o
            if witness[k] != o:
                if kept is None or kept.options is not witness:
                    kept = Witness(exact, witness, parts)
                fixed = repaired(kept, k, o, optimum, links)
                if fixed is not None:
                    kept, witness = fixed, fixed.options
                else:
                    value, found, found_parts = exact.completion(choice, optimum)
                    if value > optimum:
                        continue
                    witness, parts = found, found_parts
            break
        else:
            return None  # not reached: the bound is exact
        on_dive = on_dive and choice[c] == dive[k]
        for i in p.options[c][choice[c]]:
            have_cr[i] += p.course_credits[c]
            have_co[i] += 1
    return Solution(tuple(choice), optimum, optimum, len(search) + 1, True)


def _ranked(
    p: Problem,
    c: int,
    start: int,
    have_cr: list[int],
    have_co: list[int],
    later: tuple[dict[int, int], dict[int, int]],
    apart: _Options,
) -> list[int]:
    """Course ``c``'s options from ``start``, in the search's order: most still-needed credit
    covered first (what the courses assigned before the search but after ``c`` in its order
    count is not yet counted), then by index.  ``apart``: each option's nodes that not every
    option has (the others add the same to every option, so they cannot change the order)."""
    need_cr, need_co = p.need_credits, p.need_courses
    later_cr, later_co = later
    cr = p.course_credits[c]
    gains = []
    for o in range(start, len(apart)):
        gain = 0
        for i in apart[o]:
            if later_cr:
                need = need_cr[i] - have_cr[i] + later_cr.get(i, 0)
                short = need_co[i] > have_co[i] - later_co.get(i, 0)
            else:
                need = need_cr[i] - have_cr[i]
                short = need_co[i] > have_co[i]
            if need > 0:
                gain += need if need < cr else cr
            if short:
                gain += cr
        gains.append(gain)
    if len(gains) == 2:  # most courses: their area or the electives
        return [start, start + 1] if gains[0] >= gains[1] else [start + 1, start]
    ranked = sorted((-gain, o) for o, gain in enumerate(gains, start))
    return [o for _, o in ranked]


def _dive(
    p: Problem,
    search: list[int],
    links: list[bool],
    have_cr: list[int],
    have_co: list[int],
    later: list[tuple[dict[int, int], dict[int, int]]],
    apart: list[_Options],
) -> tuple[list[int], list[list[int]]]:
    """The preferred option of every course in turn (the search's first leaf), and the
    ranking of each course's options on the way."""
    picks: list[int] = []
    rankings: list[list[int]] = []
    for k, c in enumerate(search):
        start = picks[k - 1] if links[k] else 0
        ranked = _ranked(p, c, start, have_cr, have_co, later[k], apart[k])
        rankings.append(ranked)
        o = ranked[0]
        picks.append(o)
        for i in p.options[c][o]:
            have_cr[i] += p.course_credits[c]
            have_co[i] += 1
    return picks, rankings


_Options = tuple[tuple[int, ...], ...]
_APART: dict[_Options, _Options] = {}


def _apart(p: Problem, search: list[int]) -> list[_Options]:
    """Per course of ``search``, each option's nodes that are not in all of its options
    (students of a rule set share their options, so each is worked out once)."""
    out = []
    for c in search:
        opts = p.options[c]
        hit = _APART.get(opts)
        if hit is None:
            if len(_APART) > 4096:
                _APART.clear()
            common = set(opts[0]).intersection(*opts[1:])
            hit = _APART[opts] = tuple(tuple(i for i in o if i not in common) for o in opts)
        out.append(hit)
    return out


def forced_later(
    p: Problem, order: list[int], forced: list[bool]
) -> list[tuple[dict[int, int], dict[int, int]]]:
    """For each course that is not forced, what the forced courses after it in ``order``
    count toward each node (credits, courses)."""
    out: list[tuple[dict[int, int], dict[int, int]]] = []
    cr: dict[int, int] = {}
    co: dict[int, int] = {}
    snapshot = (cr, co)
    for c, f in zip(reversed(order), reversed(forced), strict=True):
        if f:
            if snapshot[0] is cr:
                cr, co = dict(cr), dict(co)
            for i in p.options[c][0]:
                cr[i] = cr.get(i, 0) + p.course_credits[c]
                co[i] = co.get(i, 0) + 1
        else:
            snapshot = (cr, co)
            out.append(snapshot)
    out.reverse()
    return out
