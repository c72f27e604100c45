"""What an assignment counts toward each requirement, and how far each requirement is met.

Computed once per audit in the solver's integers; the audit tree
(:mod:`ilpcore.requirements.audit`) and the lean summary (:mod:`ilpcore.requirements.summary`)
are both read from it, so they always agree.
"""

from __future__ import annotations

from decimal import Decimal

from ilpcore.requirements.build import Built
from ilpcore.requirements.coverage import WAIVED, Coverage
from ilpcore.requirements.problem import MISSING

__all__ = ["WAIVED", "Tally", "credits_of_units"]


class Tally(Coverage):
    """:class:`~ilpcore.requirements.coverage.Coverage` of an audit's assignment, with what
    the audit shows of it in credits and words."""

    __slots__ = ("built",)

    def __init__(self, built: Built, choice: tuple[int, ...]) -> None:
        super().__init__(built.problem, choice)
        self.built = built

    def missing_credits(self, i: int) -> Decimal:
        """Credits node ``i``'s own need still misses (0 when met or waived)."""
        units = self.miss_units[i]
        return credits_of_units(units, self.built.scale) if units else _ZERO

    def needed(self, i: int) -> str | None:
        """What node ``i``'s own need still misses, in words (``None`` when met)."""
        fixed = self.built.fixed[i]
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

    def earned_counted(self, i: int) -> tuple[Decimal, Decimal]:
        """Credits of completed courses (tier 0) and of every course counted toward node ``i``."""
        credits, tiers = self.built.credits, self.built.tiers
        earned = counted = _ZERO
        for c in self.courses_of[i]:
            x = credits[c]
            counted += x
            if tiers[c] == 0:
                earned += x
        return earned, counted


_ZERO = Decimal(0)
_CREDITS: dict[tuple[int, int], Decimal] = {}


def credits_of_units(units: int, scale: int) -> Decimal:
    """``units / scale`` as a :class:`~decimal.Decimal` (made once per distinct value: a
    batch meets few)."""
    key = (units, scale)
    hit = _CREDITS.get(key)
    if hit is None:
        if len(_CREDITS) > 4096:
            _CREDITS.clear()
        hit = _CREDITS[key] = Decimal(units) / Decimal(scale)
    return hit
