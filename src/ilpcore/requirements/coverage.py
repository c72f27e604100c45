"""What an assignment counts toward each requirement node, and how far each node is met.

Worked out in the solver's integers from a problem and a choice of options: the cost of an
assignment with nothing to choose (:mod:`ilpcore.requirements.determined`) and an audit's
tally (:mod:`ilpcore.requirements.tally`) are both read from it.
"""

from __future__ import annotations

from ilpcore.requirements.problem import MISSING, TIERS, Problem

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
                    tier = _own_tier(courses_of[i], credits, tiers, need_cr, need_co)
                    if tier == MISSING:
                        a = b = 0
                        for c in courses_of[i]:
                            a += credits[c]
                            b += 1
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


def _own_tier(
    counted: list[int],
    credits: tuple[int, ...],
    tiers: tuple[int, ...],
    need_cr: int,
    need_co: int,
) -> int:
    """The first tier at which the courses counted (with every earlier tier's) meet the need."""
    got = [0] * TIERS
    cnt = [0] * TIERS
    for c in counted:
        t = tiers[c]
        got[t] += credits[c]
        cnt[t] += 1
    a = b = 0
    for t in range(TIERS):
        a += got[t]
        b += cnt[t]
        if a >= need_cr and b >= need_co:
            return t
    return MISSING
