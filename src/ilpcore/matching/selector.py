"""The career selector: filter the catalog on preparation, pay, outlook, cluster and interests.

Every criterion is optional; an occupation is kept when it meets all that are
set.  An occupation without the data a criterion needs (no Job Zone, no BLS
wage or projection) is left out by that criterion.  Wages: the annual median
of the U.S. or of ``state``; a top-coded median (≥ $239,200) meets any
minimum up to that amount.  Bright outlook is defined in
:mod:`ilpcore.matching.catalog.projections`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from ilpcore.exceptions import Problem, ValidationError
from ilpcore.matching.attribution import BLS_EP_CITATION, BLS_OEWS_CITATION, ONET_ATTRIBUTION
from ilpcore.matching.browse import in_cluster
from ilpcore.matching.catalog import (
    ENTRY_EDUCATION_LEVELS,
    RIASEC,
    Occupation,
    OccupationCatalog,
    WageFigure,
    WageStatus,
    state_code,
)
from ilpcore.matching.render import esc, html_table, json_number, money, wrap_html

__all__ = ["CareerFilter", "SelectedOccupation", "Selection", "select"]

TOP_CODED_ANNUAL: Final = Decimal(239200)
SORT_KEYS: Final = ("title", "wage", "growth")


def _decimal(value: Decimal | float | str | None) -> Decimal | None:
    """Numbers given as int, float or text become exact decimals (``50000``)."""
    if value is None or isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except ArithmeticError:
        raise ValidationError.at("", f"{value!r} is not a number") from None


def _zones(value: Iterable[int]) -> frozenset[int]:
    return frozenset(value)


@attrs.frozen
class CareerFilter:
    """The criteria of the career selector (all optional)."""

    job_zones: frozenset[int] = attrs.field(default=frozenset(), converter=_zones)
    """Keep occupations in these Job Zones (1-5)."""
    max_entry_education: str | None = None
    """Keep occupations whose typical BLS entry education is at most this level."""
    min_median_wage: Decimal | None = attrs.field(default=None, converter=_decimal)
    """Minimum annual median wage (national, or in ``state``)."""
    state: str | None = None
    min_growth: Decimal | None = attrs.field(default=None, converter=_decimal)
    """Minimum projected employment growth, percent over the projection period."""
    bright_outlook: bool | None = None
    cluster: str | None = None
    pathway: str | None = None
    interests: str | None = None
    """RIASEC letters; keep occupations whose first interest high point is one of them."""

    def __attrs_post_init__(self) -> None:
        problems = []
        if not all(isinstance(z, int) and 1 <= z <= 5 for z in self.job_zones):
            problems.append(Problem("job_zones", "Job Zones are 1-5"))
        if (
            self.max_entry_education is not None
            and self.max_entry_education not in ENTRY_EDUCATION_LEVELS
        ):
            problems.append(
                Problem(
                    "max_entry_education",
                    f"{self.max_entry_education!r} is not one of: "
                    + "; ".join(ENTRY_EDUCATION_LEVELS),
                )
            )
        if self.interests is not None and (
            not self.interests or any(c not in RIASEC for c in self.interests.upper())
        ):
            problems.append(Problem("interests", f"{self.interests!r} is not RIASEC letters"))
        if self.state is not None:
            try:
                state_code(self.state)
            except LookupError as e:
                problems.append(Problem("state", str(e)))
        if problems:
            raise ValidationError(problems)


@attrs.frozen
class SelectedOccupation:
    """An occupation kept by the selector, with the facts the filters looked at."""

    code: str
    title: str
    interest_code: str
    job_zone: int | None
    entry_education: str | None
    median_wage: Decimal | None
    median_wage_status: WageStatus | None
    growth_percent: Decimal | None
    bright_outlook: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "interest_code": self.interest_code,
            "job_zone": self.job_zone,
            "entry_education": self.entry_education,
            "median_annual_wage": json_number(self.median_wage),
            "median_annual_wage_status": (
                None if self.median_wage_status is None else self.median_wage_status.value
            ),
            "growth_percent": json_number(self.growth_percent),
            "bright_outlook": self.bright_outlook,
        }


@attrs.frozen
class Selection:
    """What the career selector kept, with the criteria, the releases and the attribution."""

    criteria: CareerFilter
    release: str
    occupations: tuple[SelectedOccupation, ...]

    def __len__(self) -> int:
        return len(self.occupations)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(o.code for o in self.occupations)

    def to_dict(self) -> dict[str, Any]:
        c = self.criteria
        return {
            "release": self.release,
            "criteria": {
                "job_zones": sorted(c.job_zones),
                "max_entry_education": c.max_entry_education,
                "min_median_wage": json_number(c.min_median_wage),
                "state": c.state,
                "min_growth": json_number(c.min_growth),
                "bright_outlook": c.bright_outlook,
                "cluster": c.cluster,
                "pathway": c.pathway,
                "interests": c.interests,
            },
            "total": len(self.occupations),
            "occupations": [o.to_dict() for o in self.occupations],
            "attribution": ONET_ATTRIBUTION,
            "sources": [BLS_OEWS_CITATION, BLS_EP_CITATION],
        }

    def _rows(self) -> Iterable[tuple[str, ...]]:
        for o in self.occupations:
            wage = (
                money(o.median_wage)
                if o.median_wage is not None or o.median_wage_status is None
                else str(WageFigure(None, o.median_wage_status))
            )
            growth = "-" if o.growth_percent is None else f"{o.growth_percent}%"
            yield (
                o.code,
                o.title,
                o.interest_code or "-",
                str(o.job_zone or "-"),
                wage,
                growth + (" *" if o.bright_outlook else ""),
            )

    def to_text(self, limit: int | None = None) -> str:
        """One line per occupation (the first ``limit`` only, when given), then the sources."""
        lines = [f"{len(self)} occupations ({self.release})"]
        rows = list(self._rows())
        shown = rows if limit is None else rows[:limit]
        lines += [
            f"{code}  {title}  [{interest}; zone {zone}; median {wage}; growth {growth}]"
            for code, title, interest, zone, wage, growth in shown
        ]
        if len(shown) < len(rows):
            lines.append(f"... and {len(rows) - len(shown)} more")
        lines += ["(* bright outlook)", "", ONET_ATTRIBUTION, BLS_OEWS_CITATION, BLS_EP_CITATION]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        table = html_table(
            ("Code", "Occupation", "Interests", "Job Zone", "Median wage", "Growth"),
            self._rows(),
        )
        return wrap_html(
            f"<p>{esc(len(self))} occupations ({esc(self.release)})</p>{table}",
            BLS_OEWS_CITATION,
            BLS_EP_CITATION,
        )


def select(
    catalog: OccupationCatalog,
    criteria: CareerFilter | None = None,
    *,
    sort: str = "title",
    **kwargs: Any,
) -> Selection:
    """The occupations meeting ``criteria`` (or the same criteria as keyword arguments).

    ``sort`` is ``"title"`` (A-Z), ``"wage"`` (highest median first) or
    ``"growth"`` (fastest growing first); ties by title, then code.
    """
    f = criteria if criteria is not None else CareerFilter(**kwargs)
    if sort not in SORT_KEYS:
        raise ValidationError.at("sort", f"sort by one of {', '.join(SORT_KEYS)}, not {sort!r}")
    pool: Iterable[Occupation] = catalog.occupations
    if f.cluster is not None or f.pathway is not None:
        pool = in_cluster(catalog, f.cluster, f.pathway)
    kept = [s for o in pool if (s := _facts(catalog, o, f)) is not None and _meets(s, f)]
    if sort == "wage":
        kept.sort(key=lambda s: (-(_wage_value(s) or Decimal(-1)), s.title, s.code))
    elif sort == "growth":
        kept.sort(
            key=lambda s: (
                -(s.growth_percent if s.growth_percent is not None else Decimal(-1000)),
                s.title,
                s.code,
            )
        )
    else:
        kept.sort(key=lambda s: (s.title, s.code))
    return Selection(criteria=f, release=catalog.release, occupations=tuple(kept))


def _facts(catalog: OccupationCatalog, o: Occupation, f: CareerFilter) -> SelectedOccupation:
    wages = catalog.wages_of(o.code, f.state)
    outlook = catalog.outlook_of(o.code)
    median = wages.statistics.figure("median") if wages is not None else None
    projection = outlook.projection if outlook is not None else None
    return SelectedOccupation(
        code=o.code,
        title=o.title,
        interest_code=o.interest_code,
        job_zone=o.job_zone,
        entry_education=projection.entry_education if projection else None,
        median_wage=median.value if median else None,
        median_wage_status=median.status if median else None,
        growth_percent=projection.change_percent if projection else None,
        bright_outlook=projection.bright_outlook if projection else None,
    )


def _wage_value(s: SelectedOccupation) -> Decimal | None:
    if s.median_wage_status is WageStatus.TOP_CODED:
        return TOP_CODED_ANNUAL
    return s.median_wage


def _meets(s: SelectedOccupation, f: CareerFilter) -> bool:
    if f.job_zones and s.job_zone not in f.job_zones:
        return False
    if f.max_entry_education is not None and (
        s.entry_education is None
        or ENTRY_EDUCATION_LEVELS.index(s.entry_education)
        > ENTRY_EDUCATION_LEVELS.index(f.max_entry_education)
    ):
        return False
    if f.min_median_wage is not None:
        wage = _wage_value(s)
        if wage is None or wage < f.min_median_wage:
            return False
    if f.min_growth is not None and (s.growth_percent is None or s.growth_percent < f.min_growth):
        return False
    if f.bright_outlook is not None and s.bright_outlook is not f.bright_outlook:
        return False
    return not (
        f.interests is not None
        and (not s.interest_code or s.interest_code[0] not in f.interests.upper())
    )
