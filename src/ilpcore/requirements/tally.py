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
        return _missing_words(self.miss_units[i], self.miss_courses[i], self.built.scale)

    def earned_counted(self, i: int) -> tuple[Decimal, Decimal]:
        """Credits of completed courses (tier 0) and of every course counted toward node ``i``."""
        credits, tiers = self.built.credits, self.built.tiers
        counted = self.courses_of[i]
        done = [credits[c] for c in counted if tiers[c] == 0]
        return sum(done, _ZERO), sum(map(credits.__getitem__, counted), _ZERO)


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


_WORDS: dict[tuple[int, int, int], str] = {}


def _missing_words(units: int, courses: int, scale: int) -> str:
    """``"1.5 more credits and 1 more course"`` (made once per distinct need)."""
    key = (units, courses, scale)
    hit = _WORDS.get(key)
    if hit is None:
        words = []
        if units:
            credits = credits_of_units(units, scale)
            plural = "" if credits == 1 else "s"
            words.append(f"{credits.normalize():f} more credit{plural}")
        if courses:
            words.append(f"{courses} more course" + ("s" if courses > 1 else ""))
        if len(_WORDS) > 4096:
            _WORDS.clear()
        hit = _WORDS[key] = " and ".join(words)
    return hit
