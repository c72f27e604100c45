"""What the college engine needs from the occupation catalog, through its public API only.

:func:`career_facts` reads an occupation's typical entry education (BLS
Employment Projections) and its median annual wage in a state (BLS OEWS) from
an :class:`ilpcore.matching.OccupationCatalog`, so :func:`~ilpcore.colleges.for_career`
and :func:`~ilpcore.colleges.program_finances` can be given them.  Only names
that :mod:`ilpcore.matching` exports are used.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from ilpcore.colleges.figures import Figure, Missing, Release

if TYPE_CHECKING:
    from ilpcore.matching import OccupationCatalog

__all__ = ["CareerFacts", "career_facts"]

_OEWS_CITATION = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
)


@attrs.frozen
class CareerFacts:
    occupation_code: str
    title: str
    entry_education: str | None
    """BLS "typical education needed for entry"; ``None`` when BLS projects no such code."""
    projection_period: str | None
    state: str | None
    wage: Figure | None
    """Median annual wage in ``state`` (national when ``state`` is ``None``), with its release."""


def career_facts(
    occupations: OccupationCatalog, code: str, state: str | None = None
) -> CareerFacts:
    """Entry education and median annual wage of an occupation, from the occupation catalog.

    Raises :class:`~ilpcore.exceptions.NotFoundError` for a code not in the catalog.
    """
    occupation = occupations[code]
    outlook = occupations.outlook_of(code)
    wages = occupations.wages_of(code, state)
    wage = None
    if wages is not None:
        area = wages.statistics.area
        release = Release(f"BLS OEWS {area}", wages.release, f"{_OEWS_CITATION}, {wages.release}.")
        median = wages.statistics.annual_median
        wage = Figure.of(
            None if median is None else Decimal(median), release, Missing.NOT_PUBLISHED
        )
    return CareerFacts(
        occupation.code,
        occupation.title,
        None if outlook is None else outlook.projection.entry_education,
        None if outlook is None else outlook.period,
        state,
        wage,
    )
