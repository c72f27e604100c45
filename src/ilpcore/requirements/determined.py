"""Problems with nothing to choose: every course has at most one option and no cap in it.

Most students of a rule set without catch-all requirements are such problems (each course
can count toward its own area only); their assignment is the only one, so it is costed
directly instead of searched.

>>> from ilpcore.requirements.problem import Problem, split_cost
>>> p = Problem(parent=(-1,), children=((),), choose=(None,), need_credits=(2,),
...             need_courses=(0,), fixed=(None,), waived=(False,), max_credits=(None,),
...             caps=(), course_credits=(1,), course_tier=(3,), options=(((0,),),))
>>> s = determined_solution(p)
>>> s.choice, split_cost(p, s.cost)
((0,), (1, 1, 0, 4))
"""

from __future__ import annotations

from ilpcore.requirements.problem import MISSING, TIERS, Problem, Solution, pack

__all__ = ["assignment_cost", "determined_solution"]


def determined_solution(p: Problem) -> Solution | None:
    """The only assignment of ``p`` and its cost, or ``None`` when some course has a choice
    (several options, or one that a cap may refuse)."""
    capped = {i for i, m in enumerate(p.max_credits) if m is not None}
    capped.update(node for node, _, _ in p.caps)
    choice = []
    for opts in p.options:
        if not opts:
            choice.append(-1)
        elif len(opts) == 1 and capped.isdisjoint(opts[0]):
            choice.append(0)
        else:
            return None
    picked = tuple(choice)
    cost = assignment_cost(p, picked)
    return Solution(picked, cost, cost, 1, True)


def assignment_cost(p: Problem, choice: tuple[int, ...]) -> int:
    """The packed cost (:func:`~ilpcore.requirements.problem.pack`) of counting each course
    toward its chosen option (``-1``: nowhere)."""
    n = len(p.parent)
    got = [0] * (n * TIERS)
    cnt = [0] * (n * TIERS)
    for c, o in enumerate(choice):
        if o >= 0:
            t = p.course_tier[c]
            cr = p.course_credits[c]
            for i in p.options[c][o]:
                got[i * TIERS + t] += cr
                cnt[i * TIERS + t] += 1
    unmet = miss_cr = miss_co = penalty = 0
    agg = [(0, 0, 0, 0)] * n
    for i in range(n - 1, -1, -1):  # pre-order reversed: children before parents
        if p.waived[i]:
            continue
        fixed = p.fixed[i]
        if fixed is not None:
            own = (1 if fixed == MISSING else 0, 0, 0, fixed)
        elif p.need_credits[i] or p.need_courses[i]:
            own = _own(p, i, got, cnt)
        else:
            own = (0, 0, 0, 0)
        kids = [agg[j] for j in p.children[i]]
        choose = p.choose[i]
        if choose is not None:
            kids = sorted(kids, key=lambda v: pack(p, v))[:choose]
        u, cr, co, pen = own
        for v in kids:
            u, cr, co, pen = u + v[0], cr + v[1], co + v[2], pen + v[3]
        agg[i] = (u, cr, co, pen)
    unmet, miss_cr, miss_co, penalty = agg[0]
    return pack(p, (unmet, miss_cr, miss_co, penalty))


def _own(p: Problem, i: int, got: list[int], cnt: list[int]) -> tuple[int, int, int, int]:
    need_cr, need_co = p.need_credits[i], p.need_courses[i]
    a = b = 0
    for t in range(TIERS):
        a += got[i * TIERS + t]
        b += cnt[i * TIERS + t]
        if a >= need_cr and b >= need_co:
            return (0, 0, 0, t)
    return (1, need_cr - a if need_cr > a else 0, need_co - b if need_co > b else 0, MISSING)
