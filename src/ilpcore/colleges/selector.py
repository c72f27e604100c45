"""The school selector: filter institutions and their programs, then sort.

A :class:`CollegeFilter` says what to keep; :func:`select` applies it to every
institution of a catalog and sorts the result.  With a program filter (``cips``
and/or ``awards``) each selected college lists the matching programs, and the
sort keys "earnings", "debt" and "debt-to-earnings" use the best of them.
Colleges whose sort value is not published come last; ties keep name order.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ilpcore.colleges.catalog import CollegeCatalog
from ilpcore.colleges.codes import AwardLevel, CommunityType, Control, Level, Size
from ilpcore.colleges.geo import Place
from ilpcore.colleges.program_index import ProgramIndex
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
    "select_by_scan",
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

    ``limit`` keeps the first results after sorting.  A program search reads the
    catalog's :meth:`~CollegeCatalog.program_index`; its colleges are built when
    first read, so a search is fast however many colleges it finds.  The result
    equals :func:`select_by_scan`'s.
    """
    _check_sort(criteria, sort)
    if not criteria.has_program_filter:
        return _select_institutions(catalog, criteria, sort, limit)
    from ilpcore.colleges.results import CollegeResults

    index = catalog.program_index()
    spans = index.row_spans(criteria.cips, criteria.awards)
    by_name = catalog.by_name
    # with every CIP code, the spans are whole award levels, whose ranks the index keeps
    found = sorted(index.ranks(spans)) if criteria.cips else index.ranks_of_awards(criteria.awards)
    ranks, distances = _institution_filter(catalog, criteria, found)
    if sort is not SortKey.NAME:
        _sort_ranks(ranks, index, spans, sort, distances)

    code_spans = index.code_spans(criteria.cips) if criteria.cips else [(0, len(index.codes))]
    award_values = frozenset(a.value for a in criteria.awards)
    title = catalog.cip_title

    def build(r: int) -> SelectedCollege:
        inst = by_name[r]
        programs = [
            ProgramMatch(cip, title(cip), award, n, outcome)
            for cip, award, n, outcome in catalog.indexed_rows(
                inst.unitid, code_spans, award_values
            )
        ]
        if len(criteria.cips) > 1:  # ordered like _matching_programs
            programs.sort(key=lambda p: (p.cip, p.award.value))
        completions = sum(p.completions for p in programs)
        return SelectedCollege(inst, tuple(programs), distances.get(r), completions)

    shown = ranks[:limit] if limit is not None else ranks
    return CollegeResults.deferred(tuple(shown), build, len(ranks))


def _institution_filter(
    catalog: CollegeCatalog, criteria: CollegeFilter, ranks: list[int] | None
) -> tuple[list[int], dict[int, float | None]]:
    """The name ranks (ascending) among ``ranks`` (every institution when ``None``) that pass
    the institution-level and distance criteria, and the distance of each when measured."""
    by_name = catalog.by_name
    if criteria.within_miles is not None and criteria.near is not None:
        box = Place(criteria.near, criteria.within_miles).box or 0.0
        band = catalog.ranks_between_latitudes(criteria.near[0] - box, criteria.near[0] + box)
        ranks = band if ranks is None else sorted(set(band).intersection(ranks))
    if ranks is None:
        if criteria.states:
            ranks = catalog.name_ranks(i.unitid for i in catalog.in_states(criteria.states))
        else:
            ranks = list(range(len(by_name)))
    if criteria.has_institution_filter:
        keep = criteria.keeps
        ranks = [r for r in ranks if keep(by_name[r])]
    distances: dict[int, float | None] = {}
    if criteria.near is not None:
        place = Place(criteria.near, criteria.within_miles)
        near_enough = []
        for r in ranks:
            passes, distances[r] = place.measure(by_name[r])
            if passes:
                near_enough.append(r)
        ranks = near_enough
    return ranks, distances


def _select_institutions(
    catalog: CollegeCatalog, criteria: CollegeFilter, sort: SortKey, limit: int | None
) -> CollegeResults:
    """:func:`select` without a program filter; colleges are built when first read."""
    from ilpcore.colleges.results import CollegeResults

    ranks, distances = _institution_filter(catalog, criteria, None)
    by_name = catalog.by_name
    if sort is SortKey.COMPLETIONS:
        total = catalog.total_completions
        ranks.sort(key=lambda r: -total(by_name[r].unitid))
    elif sort is SortKey.DISTANCE:
        ranks.sort(key=lambda r: math.inf if (d := distances.get(r)) is None else d)

    def build(r: int) -> SelectedCollege:
        inst = by_name[r]
        return SelectedCollege(inst, (), distances.get(r), catalog.total_completions(inst.unitid))

    shown = ranks[:limit] if limit is not None else ranks
    return CollegeResults.deferred(tuple(shown), build, len(ranks))


def _sort_ranks(
    ranks: list[int],
    index: ProgramIndex,
    spans: list[tuple[int, int]],
    sort: SortKey,
    distances: dict[int, float | None],
) -> None:
    """Sort the name-ordered ``ranks`` in place like :func:`select_by_scan` orders colleges:
    "not published" after every value, ties in name order (a sort is stable, also when
    reversed)."""
    if sort is SortKey.DISTANCE:
        ranks.sort(key={r: math.inf if d is None else d for r, d in distances.items()}.__getitem__)
    elif sort is SortKey.COMPLETIONS:
        ranks.sort(key=index.totals(spans).__getitem__, reverse=True)
    elif sort is SortKey.EARNINGS:  # unpublished: -1, below every value
        ranks.sort(key=index.best("earnings", spans, highest=True).__getitem__, reverse=True)
    else:  # unpublished: UNPUBLISHED_LOWEST, above every value
        column = "debt" if sort is SortKey.DEBT else "ratio"
        ranks.sort(key=index.best(column, spans, highest=False).__getitem__)


def _check_sort(criteria: CollegeFilter, sort: SortKey) -> None:
    if sort in _NEEDS_PROGRAMS and not criteria.has_program_filter:
        raise ValidationError.at(
            "sort", f"sorting by {sort.value} needs a program filter (cips or awards)"
        )
    if sort is SortKey.DISTANCE and criteria.near is None:
        raise ValidationError.at("sort", "sorting by distance needs a place (near)")


def select_by_scan(
    catalog: CollegeCatalog,
    criteria: CollegeFilter = CollegeFilter(),
    sort: SortKey = SortKey.NAME,
    limit: int | None = None,
) -> CollegeResults:
    """:func:`select` by visiting every candidate institution and its programs.

    No index: the plain definition that :func:`select`'s program index is tested against.
    """
    _check_sort(criteria, sort)
    candidates: Iterable[Institution] = (
        catalog.in_states(criteria.states) if criteria.states else catalog.by_name
    )
    if criteria.cips:
        offering = frozenset().union(*(catalog.offering(c) for c in criteria.cips))
        candidates = [i for i in candidates if i.unitid in offering]
    keep = criteria.keeps
    place = Place(criteria.near, criteria.within_miles)
    out: list[SelectedCollege] = []
    for inst in candidates:
        if not keep(inst):
            continue
        passes, distance = place.measure(inst)
        if not passes:
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
