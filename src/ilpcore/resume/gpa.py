"""The unweighted grade point average on the 4.0 scale.

Only letter marks count, on this scale (no extra points for AP, IB, honors or dual credit:
that is what *unweighted* means):

====  =====  ====  =====  ====  =====  ====  =====
A+    4.0    B+    3.3    C+    2.3    D+    1.3
A     4.0    B     3.0    C     2.0    D     1.0
A-    3.7    B-    2.7    C-    1.7    D-    0.7
F     0.0
====  =====  ====  =====  ====  =====  ====  =====

Courses count if they are completed or failed and carry credit; each counts in proportion
to its credits.  Other marks (``P``, ``93``, ``I``...) are skipped and listed in
:attr:`Gpa.skipped`.  The value is rounded half up to two decimals.

>>> from decimal import Decimal
>>> from ilpcore.model import CourseRecord, CourseStatus, Term
>>> def course(code, credits, mark):
...     return CourseRecord(code, code, "science", Term(2024), 9, Decimal(credits),
...                         CourseStatus.COMPLETED, mark)
>>> courses = (course("MA1", "1", "A"), course("HE1", "0.5", "B"), course("PE1", "1", "P"))
>>> gpa = unweighted_gpa(courses)
>>> gpa.value, gpa.skipped
(Decimal('3.67'), ('PE1',))
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

import attrs

from ilpcore.model import CourseRecord, CourseStatus

__all__ = ["GRADE_POINTS", "Gpa", "unweighted_gpa"]

GRADE_POINTS: dict[str, Decimal] = {
    "A+": Decimal("4.0"), "A": Decimal("4.0"), "A-": Decimal("3.7"),
    "B+": Decimal("3.3"), "B": Decimal("3.0"), "B-": Decimal("2.7"),
    "C+": Decimal("2.3"), "C": Decimal("2.0"), "C-": Decimal("1.7"),
    "D+": Decimal("1.3"), "D": Decimal("1.0"), "D-": Decimal("0.7"),
    "F": Decimal("0.0"),
}  # fmt: skip
"""Grade points of each letter mark (upper case, no spaces)."""

_GRADED = (CourseStatus.COMPLETED, CourseStatus.FAILED)
_CENTS = Decimal("0.01")


@attrs.frozen
class Gpa:
    """An unweighted GPA and what went into it."""

    value: Decimal | None
    """``None`` when no course with a letter mark and credit counted."""
    credits: Decimal
    """The credits the average is over."""
    skipped: tuple[str, ...]
    """Course codes of completed or failed courses whose mark is not a letter mark."""


def unweighted_gpa(courses: Iterable[CourseRecord]) -> Gpa:
    """The credit-weighted unweighted GPA of the graded courses among ``courses``."""
    points = Decimal(0)
    credits = Decimal(0)
    skipped: list[str] = []
    for c in courses:
        if c.status not in _GRADED or c.mark is None or c.credits == 0:
            continue
        grade = GRADE_POINTS.get(c.mark.strip().upper())
        if grade is None:
            skipped.append(c.course_code)
            continue
        points += grade * c.credits
        credits += c.credits
    value = (points / credits).quantize(_CENTS, ROUND_HALF_UP) if credits else None
    return Gpa(value, credits, tuple(skipped))
