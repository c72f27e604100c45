"""Generalisation: the quasi-identifiers of a student, and coarser dates.

Quasi-identifiers are facts that are not names or ids but that someone could
know from elsewhere and use to pick a student out: the school, the cohort and
grade, sex, race/ethnicity, disability and English-learner status, and the
birth year.  Birth dates are generalised to the year; races to one federal
reporting category; event dates to the school year and month.

>>> from ilpcore.samples import sample_plan
>>> quasi_identifiers(sample_plan())
('KY-165-040', 2028, 10, None, None, None, None, 2010)
>>> from datetime import date
>>> school_year(date(2025, 9, 18)), school_year(date(2026, 3, 2))
(2025, 2025)
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from ilpcore.model import Plan

__all__ = [
    "QUASI_IDENTIFIERS",
    "QuasiIdentifiers",
    "quasi_identifiers",
    "race_ethnicity",
    "school_year",
    "sex_category",
]

QUASI_IDENTIFIERS: Final = (
    "school_id",
    "cohort",
    "grade_level",
    "sex",
    "race_ethnicity",
    "disability",
    "english_learner",
    "birth_year",
)
"""The quasi-identifier columns of the students table, in the order of a combination."""

QuasiIdentifiers = tuple[Any, ...]
"""One student's values of :data:`QUASI_IDENTIFIERS` (``None`` where not recorded)."""

TWO_OR_MORE: Final = "two_or_more_races"
HISPANIC: Final = "hispanic_or_latino"


def school_year(day: date) -> int:
    """The school year of ``day``, named by the calendar year it starts in (July to June)."""
    return day.year if day.month >= 7 else day.year - 1


_SEXES: Final = {
    "female": "female",
    "f": "female",
    "male": "male",
    "m": "male",
    "nonbinary": "nonbinary",
    "non-binary": "nonbinary",
    "x": "nonbinary",
}


def sex_category(value: str | None) -> str | None:
    """``female``, ``male``, ``nonbinary`` or ``other``: the model keeps sex as free text, and
    free text never reaches a release."""
    if value is None:
        return None
    return _SEXES.get(value.strip().lower(), "other")


def race_ethnicity(plan: Plan) -> str | None:
    """The federal reporting category: Hispanic/Latino of any race, else two or more races,
    else the one race recorded; ``None`` when nothing is recorded."""
    d = plan.demographics
    if d is None:
        return None
    if d.hispanic_or_latino:
        return HISPANIC
    if len(d.races) > 1:
        return TWO_OR_MORE
    if d.races:
        return d.races[0].value
    return None


def quasi_identifiers(plan: Plan) -> QuasiIdentifiers:
    """The student's generalised quasi-identifiers, in the order of :data:`QUASI_IDENTIFIERS`."""
    s, d = plan.student, plan.demographics
    return (
        s.school.id,
        s.cohort,
        s.grade_level,
        None if d is None else sex_category(d.sex),
        race_ethnicity(plan),
        None if d is None else d.students_with_disabilities,
        None if d is None else d.english_learner,
        None if s.birth_date is None else s.birth_date.year,
    )
