"""The block/hub dynamic programme used as the search's exact bound
(:mod:`ilpcore.requirements.separable`): the optimum against a brute-force oracle, and the
assignment the same as the search without it (the first optimal one in the search order)."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilpcore.batch import audit_inputs
from ilpcore.exceptions import IlpcoreError
from ilpcore.requirements import registry, solver
from ilpcore.requirements.build import build
from ilpcore.requirements.follow import _dive, follow_exact
from ilpcore.requirements.problem import MISSING, TIERS, Problem, pack
from ilpcore.requirements.repair import Witness, repaired
from ilpcore.requirements.separable import separable
from ilpcore.testing.synthetic import synthetic_plans


@st.composite
def hub_problems(draw: st.DrawFn) -> Problem:
    """Real rule sets' shape: a root total, areas (some with a required course below them, or
    a choose-1 of two), a catch-all hub and fixed milestones; each course counts toward the
    total and either its area (maybe with the required course) or the hub, or one of them."""
    parent = [-1]
    children: list[list[int]] = [[]]
    choose: list[int | None] = [None]
    need_cr = [draw(st.integers(0, 12))]
    need_co = [0]
    fixed: list[int | None] = [None]

    def node(up: int, cr: int, co: int, pick: int | None = None, fix: int | None = None) -> int:
        parent.append(up)
        children.append([])
        children[up].append(len(parent) - 1)
        choose.append(pick)
        need_cr.append(cr)
        need_co.append(co)
        fixed.append(fix)
        return len(parent) - 1

    areas: list[tuple[int, list[int]]] = []
    for _ in range(draw(st.integers(1, 3))):
        area = node(0, draw(st.integers(0, 6)), draw(st.integers(0, 1)))
        kids = []
        shape = draw(st.sampled_from(["none", "course", "choose"]))
        if shape == "course":
            kids.append(node(area, draw(st.integers(0, 2)), 1))
        elif shape == "choose":
            pick = node(area, 0, 0, pick=1)
            kids += [node(pick, 0, 1), node(pick, draw(st.integers(1, 3)), 0)]
        areas.append((area, kids))
    hub = node(0, draw(st.integers(0, 8)), draw(st.integers(0, 2)))
    if draw(st.booleans()):
        node(0, 0, 0, fix=draw(st.integers(0, MISSING)))
    n_courses = draw(st.integers(1, 9))
    credits, tiers, options = [], [], []
    for _ in range(n_courses):
        credits.append(draw(st.sampled_from([1, 2, 3])))
        tiers.append(draw(st.integers(0, TIERS - 1)))
        area, kids = draw(st.sampled_from(areas))
        to_area = [(0, area)] + [(0, area, *_ancestors_to(parent, k, area)) for k in kids]
        choice = draw(st.sampled_from(["both", "area", "hub", "none"]))
        opts: list[tuple[int, ...]] = []
        if choice in ("both", "area"):
            opts.append(tuple(sorted(draw(st.sampled_from(to_area)))))
        if choice in ("both", "hub"):
            opts.append((0, hub))
        options.append(tuple(opts))
    n = len(parent)
    return Problem(
        parent=tuple(parent),
        children=tuple(tuple(c) for c in children),
        choose=tuple(choose),
        need_credits=tuple(need_cr),
        need_courses=tuple(need_co),
        fixed=tuple(fixed),
        waived=(False,) * n,
        max_credits=(None,) * n,
        caps=(),
        course_credits=tuple(credits),
        course_tier=tuple(tiers),
        options=tuple(options),
    )


def _ancestors_to(parent: list[int], node: int, top: int) -> list[int]:
    out = []
    while node != top:
        out.append(node)
        node = parent[node]
    return out


def brute_force(p: Problem) -> int:
    """The least packed cost over every choice of options, costed from scratch."""
    picks = itertools.product(*[range(len(o)) if o else [-1] for o in p.options])
    return min(_cost_of(p, list(pick)) for pick in picks)


def _aggregate(
    p: Problem, cr: list[list[int]], co: list[list[int]], i: int
) -> tuple[int, int, int, int]:
    """``(unmet, missing credits, missing courses, status)`` of node ``i`` and its subtree."""
    fixed = p.fixed[i]
    if fixed is not None:
        own = (int(fixed == MISSING), 0, 0, fixed)
    elif not p.need_credits[i] and not p.need_courses[i]:
        own = (0, 0, 0, 0)
    else:
        met = [t for t in range(TIERS)
               if cr[i][t] >= p.need_credits[i] and co[i][t] >= p.need_courses[i]]  # fmt: skip
        if met:
            own = (0, 0, 0, met[0])
        else:
            miss_cr = max(0, p.need_credits[i] - cr[i][TIERS - 1])
            miss_co = max(0, p.need_courses[i] - co[i][TIERS - 1])
            own = (1, miss_cr, miss_co, MISSING)
    kids = sorted(_aggregate(p, cr, co, j) for j in p.children[i])
    n = p.choose[i]
    if n is not None:
        kids = kids[:n]
    total = list(own)
    for kid in kids:
        for x in range(4):
            total[x] += kid[x]
    return total[0], total[1], total[2], total[3]


def _without_separable(monkeypatch: pytest.MonkeyPatch, p: Problem) -> solver.Solution:
    with monkeypatch.context() as m:
        m.setattr(solver, "follow_exact", lambda *args: None)
        return solver.solve(p)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub_problems())
def test_hub_problems_are_solved_exactly_with_the_same_assignment(p: Problem) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        got = solver.solve(p)
        before = _without_separable(monkeypatch, p)
    assert got.optimal
    assert got.cost == brute_force(p) == before.cost
    assert got.choice == before.choice
    assert got.lower_bound == got.cost


@settings(max_examples=200, deadline=None)
@given(hub_problems())
def test_the_structure_is_found_in_the_hub_shape(p: Problem) -> None:
    """Every generated problem with a choice has the shape (so the tests above exercise it)."""
    order = [c for c in range(len(p.options)) if len(p.options[c]) > 1]
    if order:
        assert separable(p, order, [False] * len(order)) is not None


def test_real_rule_sets_keep_their_assignments() -> None:
    """Synthetic students of the rule sets with many choices (Indiana, Texas, Washington):
    the same assignment as the search without the programme, which does apply to them."""
    seen: dict[str, int] = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for plan in synthetic_plans(200, seed=7):
            student = plan.student
            try:
                rs = registry.find(f"US-{student.school.state}", student.cohort)
            except IlpcoreError:
                continue
            if not rs.id.startswith(("US-IN", "US-TX", "US-WA")) or seen.get(rs.id, 0) >= 4:
                continue
            seen[rs.id] = seen.get(rs.id, 0) + 1
            rec = audit_inputs(plan, date(2026, 11, 23))
            p = build(rs, rec.courses, assessments=rec.assessments, milestones=rec.milestones,
                      ilp_aligned=rec.ilp_aligned).problem  # fmt: skip
            order = [c for c in range(len(p.options)) if len(p.options[c]) > 1]
            assert separable(p, order, [False] * len(order)) is not None
            got, before = solver.solve(p), _without_separable(monkeypatch, p)
            assert (got.choice, got.cost, got.optimal) == (before.choice, before.cost, True)
    assert len(seen) >= 3


def _search_order(p: Problem) -> tuple[list[int], list[bool], list[bool]]:
    """The solver's order of the courses with options, interchangeability and forced flags."""
    order = [c for c in range(len(p.options)) if p.options[c]]
    order.sort(key=lambda c: (p.course_tier[c], len(p.options[c]), -p.course_credits[c], c))
    keys = [(p.options[c], p.course_credits[c], p.course_tier[c]) for c in order]
    same = [k > 0 and keys[k - 1] == keys[k] for k in range(len(order))]
    forced = [len(p.options[c]) == 1 for c in order]
    return order, same, forced


def _searched(p: Problem) -> tuple[list[int], list[bool], list[int], list[bool]]:
    """The solver's order and forced flags, and the courses it searches with their links."""
    order, same, forced = _search_order(p)
    search = [c for c, f in zip(order, forced, strict=True) if not f]
    links = [x for x, f in zip(same, forced, strict=True) if not f]
    return order, forced, search, links


def _cost_of(p: Problem, choice: list[int]) -> int:
    cr = [[0] * TIERS for _ in p.parent]
    co = [[0] * TIERS for _ in p.parent]
    for c, o in enumerate(choice):
        if o >= 0:
            for i in p.options[c][o]:
                for t in range(p.course_tier[c], TIERS):
                    cr[i][t] += p.course_credits[c]
                    co[i][t] += 1
    return pack(p, _aggregate(p, cr, co, 0))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub_problems(), st.data())
def test_witnesses_are_costed_exactly_and_repairs_meet_the_limit(
    p: Problem, data: st.DataObject
) -> None:
    """The cost the repair relies on is the true cost of the assignment, and a repaired
    witness keeps the choices before the position, takes the option asked and costs no
    more than the limit."""
    _, _, search, links = _searched(p)
    s = separable(p, search, links)
    if s is None:
        assert not search
        return
    options = [data.draw(st.integers(0, len(p.options[c]) - 1)) for c in search]
    choice = [0 if p.options[c] else -1 for c in range(len(p.options))]
    for c, o in zip(search, options, strict=True):
        choice[c] = o
    w = Witness(s, options)
    assert w.total(w.parts) == _cost_of(p, choice)
    k = data.draw(st.integers(0, len(search) - 1))
    o = data.draw(st.integers(0, len(p.options[search[k]]) - 1))
    limit = data.draw(st.sampled_from([w.total(w.parts), brute_force(p)]))
    found = repaired(w, k, o, limit, links)
    if found is not None:
        assert found.options[:k] == options[:k]
        assert found.options[k] == o
        for c, x in zip(search, found.options, strict=True):
            choice[c] = x
        assert _cost_of(p, choice) == found.total(found.parts) <= limit


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub_problems())
def test_the_exact_bound_never_leaves_the_search_without_an_option(p: Problem) -> None:
    """Following the bound course by course always finds an admitted option (it does not fall
    back to the search), and its assignment meets the optimum."""
    order, same, forced = _search_order(p)
    if all(forced):
        return
    got = follow_exact(p, order, same, forced, 500_000)
    assert got is not None
    assert got.cost == brute_force(p) == _cost_of(p, list(got.choice))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub_problems(), st.data())
def test_completions_name_an_assignment_with_their_cost_and_block_parts(
    p: Problem, data: st.DataObject
) -> None:
    """The assignment a completion names keeps the decided choices, costs what the completion
    says (the true cost), and its block parts are those a witness works out from scratch."""
    _, _, search, links = _searched(p)
    s = separable(p, search, links)
    if s is None:
        return
    choice = [0 if len(p.options[c]) == 1 else -1 for c in range(len(p.options))]
    decided = data.draw(st.integers(0, len(search)))
    for c in search[:decided]:
        choice[c] = data.draw(st.integers(0, len(p.options[c]) - 1))
    found = s.completion(choice)
    assert found is not None
    options, parts = s.assignment(choice, found)
    assert options[:decided] == [choice[c] for c in search[:decided]]
    from_scratch = Witness(s, options)
    assert Witness(s, options, parts).parts == from_scratch.parts == parts
    full = list(choice)
    for c, o in zip(search, options, strict=True):
        full[c] = o
    assert from_scratch.cost == _cost_of(p, full)
    if sorted_in_runs(options, links):  # the search's symmetry breaking: the optimum there
        assert found[0] == from_scratch.cost


def sorted_in_runs(options: list[int], links: list[bool]) -> bool:
    return all(not link or options[k - 1] <= options[k] for k, link in enumerate(links))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hub_problems())
def test_the_dive_counts_its_block_parts_as_it_goes(p: Problem) -> None:
    """The first leaf of the search and its block parts, summed as the dive goes, are those a
    witness works out from scratch."""
    order, forced, search, links = _searched(p)
    s = separable(p, search, links)
    if s is None:
        return
    before: list[list[int]] = []
    passed: list[int] = []
    for c, f in zip(order, forced, strict=True):
        if f:
            passed.append(c)
        else:
            before.append(passed)
            passed = []
    picks, rankings, parts = _dive(p, s, links, before)
    assert all(r is None or r[0] == pick for r, pick in zip(rankings, picks, strict=True))
    assert all(
        (r is None) == (len(p.options[c]) - (picks[k - 1] if links[k] else 0) == 2)
        for k, (r, c) in enumerate(zip(rankings, search, strict=True))
    )
    assert Witness(s, picks).parts == parts
