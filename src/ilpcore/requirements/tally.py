"""What an assignment counts toward each requirement, and how far each requirement is met.

Computed once per audit in the solver's integers; the audit tree
(:mod:`ilpcore.requirements.audit`) and the lean summary (:mod:`ilpcore.requirements.summary`)
are both read from it, so they always agree.
"""

from __future__ import annotations

from decimal import Decimal

from ilpcore.model import CourseStatus
from ilpcore.requirements.build import Built
from ilpcore.requirements.problem import MISSING, TIERS

__all__ = ["WAIVED", "Tally"]

WAIVED = MISSING + 1
"""The status code of a waived requirement (0-4 are the tiers, done ... missing)."""


class Tally:
    """Per requirement node (in the built problem's order): the courses counted toward it,
    its own status code and its whole status code (0 done ... 4 missing, :data:`WAIVED`),
    and what its own need still misses (credit units, courses)."""

    __slots__ = ("built", "courses_of", "miss_courses", "miss_units", "own", "status")

    def __init__(self, built: Built, choice: tuple[int, ...]) -> None:
        p = built.problem
        n = len(p.parent)
        self.built = built
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
        nodes = built.nodes
        for i in range(n - 1, -1, -1):  # pre-order reversed: children before parents
            if p.waived[i]:
                own[i] = status[i] = WAIVED
                continue
            fixed = nodes[i].fixed
            if fixed is not None:
                tier = fixed[0]
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

    def missing_credits(self, i: int) -> Decimal:
        return Decimal(self.miss_units[i]) / Decimal(self.built.scale)

    def needed(self, i: int) -> str | None:
        """What node ``i``'s own need still misses, in words (``None`` when met)."""
        fixed = self.built.nodes[i].fixed
        if self.own[i] == WAIVED:
            return None
        if fixed is not None:
            return fixed[1]
        if self.own[i] != MISSING:
            return None
        words = []
        miss_cr = self.missing_credits(i)
        if miss_cr:
            plural = "" if miss_cr == 1 else "s"
            words.append(f"{miss_cr.normalize():f} more credit{plural}")
        miss_co = self.miss_courses[i]
        if miss_co:
            words.append(f"{miss_co} more course" + ("s" if miss_co > 1 else ""))
        return " and ".join(words)

    def counted(self, i: int) -> Decimal:
        """Credits counted toward node ``i`` (every status)."""
        credits = self.built.credits
        return sum((credits[c] for c in self.courses_of[i]), Decimal(0))

    def earned(self, i: int) -> Decimal:
        """Credits of completed courses counted toward node ``i``."""
        credits, courses = self.built.credits, self.built.courses
        return sum(
            (credits[c] for c in self.courses_of[i] if courses[c].status is CourseStatus.COMPLETED),
            Decimal(0),
        )
