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

from ilpcore.requirements.coverage import Coverage
from ilpcore.requirements.problem import (
    MISSING,
    Problem,
    Solution,
    capped_nodes,
    is_forced,
    pack,
)

__all__ = ["assignment_cost", "determined_solution"]


def determined_solution(p: Problem, capped: set[int] | None = None) -> Solution | None:
    """The only assignment of ``p`` and its cost, or ``None`` when some course has a choice
    (several options, or one that a cap may refuse); ``capped``: :func:`capped_nodes` of
    ``p`` if the caller has it."""
    if capped is None:
        capped = capped_nodes(p)
    choice = []
    for opts in p.options:
        if not opts:
            choice.append(-1)
        elif is_forced(opts, capped):
            choice.append(0)
        else:
            return None
    picked = tuple(choice)
    cost = assignment_cost(p, picked)
    return Solution(picked, cost, cost, 1, True)


def assignment_cost(p: Problem, choice: tuple[int, ...]) -> int:
    """The packed cost (:func:`~ilpcore.requirements.problem.pack`) of counting each course
    toward its chosen option (``-1``: nowhere)."""
    cov = Coverage(p, choice)
    n = len(p.parent)
    agg = [(0, 0, 0, 0)] * n
    for i in range(n - 1, -1, -1):  # pre-order reversed: children before parents
        if p.waived[i]:
            continue
        tier = cov.own[i]
        if tier == MISSING:
            u, cr, co, pen = 1, cov.miss_units[i], cov.miss_courses[i], MISSING
        else:
            u, cr, co, pen = 0, 0, 0, tier
        kids = [agg[j] for j in p.children[i]]
        choose = p.choose[i]
        if choose is not None:
            kids = sorted(kids, key=lambda v: pack(p, v))[:choose]
        for v in kids:
            u, cr, co, pen = u + v[0], cr + v[1], co + v[2], pen + v[3]
        agg[i] = (u, cr, co, pen)
    return pack(p, agg[0])
