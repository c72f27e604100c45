"""What an assignment counts toward each requirement node, and how far each node is met.

Worked out in the solver's integers from a problem and a choice of options: the cost of an
assignment with nothing to choose (:mod:`ilpcore.requirements.determined`) and an audit's
tally (:mod:`ilpcore.requirements.tally`) are both read from it.
"""

from __future__ import annotations

from ilpcore.requirements.problem import MISSING, Problem

__all__ = ["WAIVED", "Coverage"]

WAIVED = MISSING + 1
"""The status code of a waived requirement (0-4 are the tiers, done ... missing)."""


class Coverage:
    """Per requirement node: the courses counted toward it, its own status code and its whole
    status code (0 done ... 4 missing, :data:`WAIVED`), and what its own need still misses
    (credit units, courses)."""

    __slots__ = ("courses_of", "miss_courses", "miss_units", "own", "status")

    def __init__(self, p: Problem, choice: tuple[int, ...]) -> None:
        n = len(p.parent)
        courses_of: list[list[int]] = [[] for _ in range(n)]
        options = p.options
        for c, o in enumerate(choice):
            if o >= 0:
                for i in options[c][o]:
                    courses_of[i].append(c)
        self.courses_of = courses_of
        own = [0] * n
        status = [0] * n
        rank = [0] * n  # status with waived as done: how a child weighs on its parent
        miss_units = [0] * n
        miss_courses = [0] * n
        credits, tiers = p.course_credits, p.course_tier
        waived, fixed_of, children, choose_of = p.waived, p.fixed, p.children, p.choose
        need_credits, need_courses = p.need_credits, p.need_courses
        for i in range(n - 1, -1, -1):  # pre-order reversed: children before parents
            if waived[i]:
                own[i] = status[i] = WAIVED
                continue
            tier = fixed_of[i]
            if tier is None:
                need_cr, need_co = need_credits[i], need_courses[i]
                if need_cr <= 0 and need_co <= 0:
                    tier = 0
                else:
                    # Its own tier: the tier of the course, taken by tier, that meets the need.
                    counted = courses_of[i]
                    if len(counted) > 1:
                        counted = sorted(counted, key=tiers.__getitem__)
                    a = 0
                    tier = MISSING
                    for b, c in enumerate(counted, 1):
                        a += credits[c]
                        if a >= need_cr and b >= need_co:
                            tier = tiers[c]
                            break
                    else:
                        b = len(counted)
                        miss_units[i] = need_cr - a if need_cr > a else 0
                        miss_courses[i] = need_co - b if need_co > b else 0
            own[i] = tier
            kids = children[i]
            if kids:
                choose = choose_of[i]
                if choose is None:
                    worst = max([rank[j] for j in kids])
                    if worst > tier:
                        tier = worst
                else:
                    ranks = sorted([rank[j] for j in kids])[:choose]
                    if ranks and ranks[-1] > tier:
                        tier = ranks[-1]
            status[i] = rank[i] = tier
        self.own = own
        self.status = status
        self.miss_units = miss_units
        self.miss_courses = miss_courses
