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
        miss_units = [0] * n
        miss_courses = [0] * n
        credits, tiers = p.course_credits, p.course_tier
        for i in range(n - 1, -1, -1):  # pre-order reversed: children before parents
            if p.waived[i]:
                own[i] = status[i] = WAIVED
                continue
            fixed = p.fixed[i]
            if fixed is not None:
                tier = fixed
            else:
                tier = MISSING
                need_cr, need_co = p.need_credits[i], p.need_courses[i]
                got = [0] * TIERS
                cnt = [0] * TIERS
                for c in courses_of[i]:
                    got[tiers[c]] += credits[c]
                    cnt[tiers[c]] += 1
                a = b = 0
                for t in range(TIERS):
                    a += got[t]
                    b += cnt[t]
                    if a >= need_cr and b >= need_co:
                        tier = t
                        break
                else:
                    miss_units[i] = need_cr - a if need_cr > a else 0
                    miss_courses[i] = need_co - b if need_co > b else 0
            own[i] = tier
            kids = p.children[i]
            if kids:
                ranks = sorted(0 if status[j] == WAIVED else status[j] for j in kids)
                choose = p.choose[i]
                if choose is not None:
                    ranks = ranks[:choose]
                if ranks and ranks[-1] > tier:
                    tier = ranks[-1]
            status[i] = tier
        self.own = own
        self.status = status
        self.miss_units = miss_units
        self.miss_courses = miss_courses
