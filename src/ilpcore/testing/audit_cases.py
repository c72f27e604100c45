"""Hard assignment instances for audits: many small courses, overlapping requirements.

Used by the benchmarks and the tests: ``overlapping_case(16, 4)`` is 16 half-credit
courses and 4 requirements whose filters overlap (each course fits two or three of
them), the shape that makes enumeration-based audit engines explode.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from ilpcore.model import CourseRecord, CourseStatus, Term
from ilpcore.requirements.rules import CourseFilter, CreditsRequirement, Requirement
from ilpcore.requirements.ruleset import Cohort, CohortKind, CreditUnit, Reference, RuleSet

__all__ = ["overlapping_case"]


def overlapping_case(
    n_courses: int, n_requirements: int, *, seed: int = 0, slack: Decimal = Decimal(0)
) -> tuple[RuleSet, tuple[CourseRecord, ...]]:
    """A rule set of ``n_requirements`` overlapping credit areas and ``n_courses`` half-credit
    courses, each of a subject accepted by two or three areas.  The areas need exactly the
    credits available (minus ``slack``), so the assignment is tight."""
    rng = random.Random(seed)
    tags = [f"t{i}" for i in range(n_requirements)]
    courses = []
    for i in range(n_courses):
        k = rng.choice((2, 3)) if n_requirements >= 3 else n_requirements
        subject = "+".join(sorted(rng.sample(tags, k)))
        status = rng.choice((CourseStatus.COMPLETED, CourseStatus.COMPLETED, CourseStatus.PLANNED))
        courses.append(
            CourseRecord(
                f"K{i:02d}",
                f"Course {i}",
                subject,
                Term(2024),
                9 + i % 4,
                Decimal("0.5"),
                status=status,
            )
        )
    subjects = sorted({c.subject for c in courses})
    total = Decimal("0.5") * n_courses - slack
    share = total / n_requirements
    needs = [(share * 2).to_integral_value() / 2 for _ in tags]
    needs[-1] = total - sum(needs[:-1])
    reqs: list[Requirement] = [
        CreditsRequirement(
            tag,
            f"Area {tag}",
            match=CourseFilter(subjects=frozenset(s for s in subjects if tag in s.split("+"))),
            min_credits=max(Decimal(0), need),
        )
        for tag, need in zip(tags, needs, strict=True)
    ]
    rs = RuleSet(
        id="bench-overlap",
        jurisdiction="US-XX",
        diploma="Overlap benchmark",
        credit_unit=CreditUnit.YEAR_UNIT,
        cohorts=(Cohort(CohortKind.GRADUATION_CLASS, 2020),),
        references=(Reference("synthetic", "https://example.org/synthetic", date(2026, 11, 1)),),
        requirements=tuple(reqs),
    )
    return rs, tuple(courses)
