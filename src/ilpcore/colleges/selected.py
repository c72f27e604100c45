"""What the school selector finds: :class:`SelectedCollege`, with :class:`ProgramMatch` rows."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ilpcore.colleges.codes import AwardLevel
from ilpcore.colleges.criteria import SortKey
from ilpcore.colleges.records import Institution, Outcome

__all__ = ["ProgramMatch", "SelectedCollege"]


@attrs.frozen
class ProgramMatch:
    """One program at one award level, with its Scorecard outcome where there is one."""

    cip: str
    title: str
    award: AwardLevel
    completions: int
    outcome: Outcome | None

    @property
    def earnings(self) -> int | None:
        return None if self.outcome is None else self.outcome.earnings_median

    @property
    def debt(self) -> int | None:
        return None if self.outcome is None else self.outcome.debt_median

    @property
    def debt_to_earnings(self) -> Decimal | None:
        """Median debt / median earnings, to 2 places; ``None`` unless both are published."""
        if self.debt is None or not self.earnings:
            return None
        return (Decimal(self.debt) / Decimal(self.earnings)).quantize(Decimal("0.01"))


@attrs.frozen
class SelectedCollege:
    institution: Institution
    programs: tuple[ProgramMatch, ...] = ()
    """The programs that match the filter (empty without a program filter)."""
    distance_miles: float | None = None
    completions: int = 0
    """Completions of the matching programs, else of the whole institution (2023-24)."""

    @property
    def best_earnings(self) -> int | None:
        """The highest published median earnings of the matching programs."""
        return max((p.earnings for p in self.programs if p.earnings is not None), default=None)

    @property
    def best_debt(self) -> int | None:
        return min((p.debt for p in self.programs if p.debt is not None), default=None)

    @property
    def best_ratio(self) -> Decimal | None:
        ratios = [r for p in self.programs if (r := p.debt_to_earnings) is not None]
        return min(ratios, default=None)

    def best(self, key: SortKey) -> Decimal | int | float | None:
        """The value this college sorts by (``None``: not published)."""
        if key is SortKey.EARNINGS:
            return self.best_earnings
        if key is SortKey.DEBT:
            return self.best_debt
        if key is SortKey.DEBT_TO_EARNINGS:
            return self.best_ratio
        if key is SortKey.COMPLETIONS:
            return self.completions
        if key is SortKey.DISTANCE:
            return self.distance_miles
        return None
