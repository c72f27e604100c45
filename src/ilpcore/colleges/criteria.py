"""What the school selector keeps and how it sorts: :class:`CollegeFilter`, :class:`SortKey`."""

from __future__ import annotations

import enum

import attrs

from ilpcore.colleges.codes import AwardLevel, CommunityType, Control, Level, Size
from ilpcore.colleges.columns import InstitutionColumns, kept
from ilpcore.colleges.records import Institution
from ilpcore.exceptions import Problem, ValidationError

__all__ = [
    "COMMUNITY_KINDS",
    "DESCENDING",
    "EVERY_COLLEGE",
    "CollegeFilter",
    "SortKey",
    "check_sort",
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
    def has_institution_filter(self) -> bool:
        """Whether any criterion besides programs and distance applies to institutions."""
        return bool(
            self.states
            or self.levels
            or self.controls
            or self.community_kinds
            or self.communities
            or self.sizes
            or self.hbcu is not None
            or self.tribal is not None
            or self.unitids is not None
        )

    @property
    def has_program_filter(self) -> bool:
        return bool(self.cips) or bool(self.awards)

    def kept(self, columns: InstitutionColumns, ranks: list[int]) -> list[int]:
        """The name ranks among ``ranks`` whose institution :meth:`keeps` passes, in order,
        a criterion at a time over whole columns."""
        tests = (
            (self.states, columns.state),
            (self.levels, columns.level),
            (self.controls, columns.control),
            (self.communities, columns.community),
            (self.community_kinds, columns.kind),
            (self.sizes, columns.size),
        )
        for wanted, column in tests:
            if wanted:
                ranks = kept(ranks, column, wanted)
        for flag, flags in ((self.hbcu, columns.hbcu), (self.tribal, columns.tribal)):
            if flag is not None:
                ranks = kept(ranks, flags, {flag})
        if self.unitids is not None:
            ranks = kept(ranks, columns.unitid, self.unitids)
        return ranks

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


EVERY_COLLEGE = CollegeFilter()
"""The filter that keeps every college (the default of a search)."""
DESCENDING = frozenset({SortKey.EARNINGS, SortKey.COMPLETIONS})
"""The sort keys that put the highest value first."""
_NEEDS_PROGRAMS = frozenset({SortKey.EARNINGS, SortKey.DEBT, SortKey.DEBT_TO_EARNINGS})


def check_sort(criteria: CollegeFilter, sort: SortKey) -> None:
    """A :class:`~ilpcore.exceptions.ValidationError` unless ``criteria`` allow ``sort``."""
    if sort in _NEEDS_PROGRAMS and not criteria.has_program_filter:
        raise ValidationError.at(
            "sort", f"sorting by {sort.value} needs a program filter (cips or awards)"
        )
    if sort is SortKey.DISTANCE and criteria.near is None:
        raise ValidationError.at("sort", "sorting by distance needs a place (near)")
