"""Placing a student in a grade and school when the files carry no school association.

Ed-Fi's ``StudentSchoolAssociation`` says where a student is enrolled and in
which grade.  Some extracts (the Grand Bend sample's ``Student.xml``) have none;
then the reader places each student by, in order:

1. *grade evidence*: the grade the student's latest assessment
   (``WhenAssessedGradeLevel``) or course transcript (``WhenTakenGradeLevel``)
   was in, moved on by the school years since;
2. an *age rule*: the student's age on a cut-off date in the fall of the school
   year, minus the age of first graders, plus one.  Unless an :class:`AgeRule`
   is given, the rule is *calibrated* on the students with grade evidence: of
   the usual cut-off dates and first-grade ages, the one that agrees with the
   most of them (ties: the earliest in :data:`AGE_RULE_CANDIDATES`, which starts
   with the common September 1 / age 6) is used for everyone else.

The school is the district school whose ``GradeLevel`` list offers that grade
(the lowest school id when several do); the cohort (class of) follows from the
grade and the school year.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

__all__ = ["AGE_RULE_CANDIDATES", "AgeRule", "calibrate", "cohort_of"]


@attrs.frozen
class AgeRule:
    """Grade = age on the cut-off day in the school year's fall - ``first_grade_age`` + 1.

    >>> AgeRule(9, 1, 6).grade(date(2010, 3, 5), 2021)  # 11 on 2021-09-01
    6
    """

    cutoff_month: int = 9
    cutoff_day: int = 1
    first_grade_age: int = 6

    def grade(self, birth_date: date, school_year: int) -> int:
        """The grade of a student born on ``birth_date`` in the school year ``school_year``."""
        cutoff = date(school_year, self.cutoff_month, self.cutoff_day)
        age = cutoff.year - birth_date.year
        if (cutoff.month, cutoff.day) < (birth_date.month, birth_date.day):
            age -= 1
        return age - self.first_grade_age + 1

    @property
    def label(self) -> str:
        """E.g. ``age on Sep 1, first grade at 6``."""
        month = date(2000, self.cutoff_month, 1).strftime("%b")
        return f"age on {month} {self.cutoff_day}, first grade at {self.first_grade_age}"


AGE_RULE_CANDIDATES: tuple[AgeRule, ...] = tuple(
    AgeRule(month, day, age) for age in (6, 5, 7) for month, day in ((9, 1), (10, 1), (12, 31))
)
"""The rules :func:`calibrate` chooses from; the first is the default."""


def calibrate(evidence: Iterable[tuple[date, int]], school_year: int) -> tuple[AgeRule, int]:
    """The candidate rule agreeing with most ``(birth date, known grade)`` pairs, and how many."""
    pairs = tuple(evidence)
    best, best_hits = AGE_RULE_CANDIDATES[0], -1
    for rule in AGE_RULE_CANDIDATES:
        hits = sum(1 for born, grade in pairs if rule.grade(born, school_year) == grade)
        if hits > best_hits:
            best, best_hits = rule, hits
    return best, max(best_hits, 0)


def cohort_of(grade: int, school_year: int) -> int:
    """The class (graduation year) of a student in ``grade`` in school year ``school_year``.

    >>> cohort_of(11, 2021)
    2023
    """
    return school_year + 1 + (12 - grade)
