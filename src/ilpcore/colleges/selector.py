"""The school selector: filter institutions and their programs, then sort.

A :class:`CollegeFilter` says what to keep; :func:`select` applies it to every
institution of a catalog and sorts the result.  With a program filter (``cips``
and/or ``awards``) each selected college lists the matching programs, and the
sort keys "earnings", "debt" and "debt-to-earnings" use the best of them.
Colleges whose sort value is not published come last; ties keep name order.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import AwardLevel, CommunityType, Control, Level, Size
from ilpcore.colleges.geo import miles_between
from ilpcore.colleges.records import Institution, Outcome
from ilpcore.exceptions import Problem, ValidationError

if TYPE_CHECKING:
    from ilpcore.colleges.results import CollegeResults

__all__ = [
    "COMMUNITY_KINDS",
    "CollegeFilter",
    "ProgramMatch",
    "SelectedCollege",
    "SortKey",
    "select",
]

COMMUNITY_KINDS = ("city", "suburb", "town", "rural")


class SortKey(enum.Enum):
    NAME = "name"
    EARNINGS = "earnings"
    """Highest median earnings of the matching programs first."""
    DEBT = "debt"
    """Lowest median debt first."""
    DEBT_TO_EARNINGS = "debt-to-earnings"
    """Lowest median debt / median earnings first."""
    COMPLETIONS = "completions"
    """Most completions (of the matching programs, else of the institution) first."""
    DISTANCE = "distance"
    """Nearest first (needs ``near``)."""


@attrs.frozen
class CollegeFilter:
    """What to keep; an empty set means "any"."""

    states: frozenset[str] = frozenset()
    levels: frozenset[Level] = frozenset()
    controls: frozenset[Control] = frozenset()
    community_kinds: frozenset[str] = frozenset()
    """Any of ``city``, ``suburb``, ``town``, ``rural``."""
    communities: frozenset[CommunityType] = frozenset()
    sizes: frozenset[Size] = frozenset()
    cips: frozenset[str] = frozenset()
    """CIP codes or prefixes, any of which a program may match: ``51`` (health),
    ``51.38`` (nursing), ``51.3801`` (registered nursing)."""
    awards: frozenset[AwardLevel] = frozenset()
    near: tuple[float, float] | None = None
    """``(latitude, longitude)`` to measure distance from."""
    within_miles: float | None = None
    hbcu: bool | None = None
    tribal: bool | None = None
    unitids: frozenset[int] | None = None
    """Only these institutions (e.g. the schools of a career search)."""

    def __attrs_post_init__(self) -> None:
        problems = []
        bad_kinds = self.community_kinds - set(COMMUNITY_KINDS)
        if bad_kinds:
            problems.append(("community_kinds", f"unknown {sorted(bad_kinds)}"))
        if self.within_miles is not None and self.near is None:
            problems.append(("within_miles", "needs a place to measure from (near)"))
        if self.within_miles is not None and not self.within_miles >= 0:
            problems.append(("within_miles", f"must be 0 or more, got {self.within_miles}"))
        if self.near is not None and not (
            -90 <= self.near[0] <= 90 and -180 <= self.near[1] <= 180
        ):
            problems.append(("near", f"{self.near} is not a latitude and longitude"))
        if problems:
            raise ValidationError([Problem(p, m) for p, m in problems])

    @property
    def has_program_filter(self) -> bool:
        return bool(self.cips) or bool(self.awards)

    def keeps(self, inst: Institution) -> bool:
        """Whether the institution passes the institution-level criteria."""
        if self.states and inst.state not in self.states:
            return False
        if self.levels and inst.level not in self.levels:
            return False
        if self.controls and inst.control not in self.controls:
            return False
        if self.communities and inst.community not in self.communities:
            return False
        if self.community_kinds and (
            inst.community is None or inst.community.kind not in self.community_kinds
        ):
            return False
        if self.sizes and inst.size not in self.sizes:
            return False
        if self.hbcu is not None and inst.hbcu is not self.hbcu:
            return False
        if self.tribal is not None and inst.tribal is not self.tribal:
            return False
        return self.unitids is None or inst.unitid in self.unitids


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


_DESCENDING = frozenset({SortKey.EARNINGS, SortKey.COMPLETIONS})
_NEEDS_PROGRAMS = frozenset({SortKey.EARNINGS, SortKey.DEBT, SortKey.DEBT_TO_EARNINGS})


def select(
    catalog: CollegeCatalog,
    criteria: CollegeFilter = CollegeFilter(),
    sort: SortKey = SortKey.NAME,
    limit: int | None = None,
) -> CollegeResults:
    """The institutions (and programs) that pass ``criteria``, sorted by ``sort``.

    ``limit`` keeps the first results after sorting.
    """
    if sort in _NEEDS_PROGRAMS and not criteria.has_program_filter:
        raise ValidationError.at(
            "sort", f"sorting by {sort.value} needs a program filter (cips or awards)"
        )
    if sort is SortKey.DISTANCE and criteria.near is None:
        raise ValidationError.at("sort", "sorting by distance needs a place (near)")
    candidates: Iterable[Institution] = (
        catalog.in_states(criteria.states) if criteria.states else catalog.by_name
    )
    if criteria.cips:
        offering = frozenset().union(*(catalog.offering(c) for c in criteria.cips))
        candidates = [i for i in candidates if i.unitid in offering]
    keep = criteria.keeps
    # degrees of latitude that surely lie beyond within_miles (a degree is at least 68.7 miles)
    box = None if criteria.within_miles is None else criteria.within_miles / 68.0 + 0.01
    out: list[SelectedCollege] = []
    for inst in candidates:
        if not keep(inst):
            continue
        distance = None
        if criteria.near is not None:
            if inst.latitude is None or inst.longitude is None:
                if criteria.within_miles is not None:
                    continue
            else:
                if box is not None and abs(inst.latitude - criteria.near[0]) > box:
                    continue
                distance = miles_between(criteria.near, (inst.latitude, inst.longitude))
                if criteria.within_miles is not None and distance > criteria.within_miles:
                    continue
        if criteria.has_program_filter:
            programs = _matching_programs(catalog, inst.unitid, criteria)
            if not programs:
                continue
            completions = sum(p.completions for p in programs)
        else:
            programs = ()
            completions = catalog.total_completions(inst.unitid)
        out.append(SelectedCollege(inst, programs, distance, completions))
    if sort is not SortKey.NAME:
        sign = -1 if sort in _DESCENDING else 1
        out.sort(key=lambda s: _sort_value(s.best(sort), sign))
    from ilpcore.colleges.results import CollegeResults

    return CollegeResults(tuple(out[:limit] if limit is not None else out), len(out))


def _sort_value(value: Decimal | int | float | None, sign: int) -> tuple[int, Decimal | float]:
    if value is None:
        return (1, 0)
    return (0, sign * value)


def _matching_programs(
    catalog: CollegeCatalog, unitid: int, criteria: CollegeFilter
) -> tuple[ProgramMatch, ...]:
    awards = criteria.awards
    if criteria.cips:
        rows = [
            row
            for prefix in sorted(criteria.cips)
            for row in catalog.program_rows_with_prefix(unitid, prefix)
        ]
        if len(criteria.cips) > 1:  # overlapping prefixes (51, 51.38) must not repeat a row
            rows = sorted(set(rows), key=lambda r: (r[0], r[1].value))
    else:
        rows = list(catalog.program_rows(unitid))
    out = []
    for cip, award, n in rows:
        if awards and award not in awards:
            continue
        out.append(
            ProgramMatch(cip, catalog.cip_title(cip), award, n, catalog.outcome(unitid, cip, award))
        )
    return tuple(out)
