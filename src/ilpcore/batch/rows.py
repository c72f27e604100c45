"""The flat results of batch work: one :class:`MatchRow` per match, one :class:`AuditRow` per audit.

Every row becomes a record (a flat ``dict``, see :mod:`ilpcore.records`) with
:func:`to_records`, so a stream of rows goes straight into
:func:`ilpcore.records.to_pandas` or :func:`~ilpcore.records.to_arrow`.  Credits are
exact strings (``"3.5"``), never floats.  A student who could not be matched or
audited gets one row whose ``reason`` says why, and empty result columns.

The column names and their pandas dtypes are :data:`MATCH_COLUMNS`,
:data:`AUDIT_COLUMNS` and :data:`AREA_COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

__all__ = [
    "AREA_COLUMNS",
    "AUDIT_COLUMNS",
    "MATCH_COLUMNS",
    "AreaResult",
    "AuditRow",
    "MatchRow",
    "area_records",
    "exact",
    "to_records",
]

MATCH_COLUMNS: Final[Mapping[str, str]] = {
    "student_id": "string",
    "school_id": "string",
    "cohort": "Int64",
    "rank": "Int64",
    "code": "string",
    "title": "string",
    "r": "Float64",
    "job_zone": "Int64",
    "student_code": "string",
    "low_confidence": "boolean",
    "release": "string",
    "reason": "string",
}
"""The columns of a match record, with the pandas dtype each has in a partition's result."""

AUDIT_COLUMNS: Final[Mapping[str, str]] = {
    "student_id": "string",
    "school_id": "string",
    "cohort": "Int64",
    "rule_set_id": "string",
    "status": "string",
    "satisfied": "boolean",
    "credits_earned": "string",
    "credits_counted": "string",
    "credits_required": "string",
    "areas": "string",
    "missing": "string",
    "optimal": "boolean",
    "reason": "string",
}
"""The columns of an audit record (one per student), with their pandas dtypes."""

AREA_COLUMNS: Final[Mapping[str, str]] = {
    "student_id": "string",
    "rule_set_id": "string",
    "area": "string",
    "title": "string",
    "status": "string",
    "credits_earned": "string",
    "credits_counted": "string",
    "credits_required": "string",
    "credits_missing": "string",
}
"""The columns of :func:`area_records` (one per student and top-level requirement)."""


def exact(value: Decimal) -> str:
    """A credit amount as an exact string without exponent or trailing zeros.

    >>> exact(Decimal("4.0")), exact(Decimal("0.50")), exact(Decimal("20"))
    ('4', '0.5', '20')
    """
    return f"{value.normalize():f}"


@attrs.frozen
class MatchRow:
    """One ranked occupation of one student, or (``rank`` ``None``) why the student has none."""

    student_id: str
    school_id: str | None
    cohort: int | None
    rank: int | None
    code: str | None
    """The O*NET-SOC code."""
    title: str | None
    r: float | None
    """Pearson r between the student's and the occupation's interest profiles."""
    job_zone: int | None
    student_code: str | None
    """The student's three-letter Holland code."""
    low_confidence: bool
    """The profile is undifferentiated (ranked only with ``best_effort``)."""
    release: str
    """The O*NET release ranked against."""
    reason: str | None = None

    def to_record(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class AreaResult:
    """One top-level requirement (an area such as ``mathematics``) of a student's audit."""

    path: str
    title: str
    status: str
    earned: Decimal
    """Credits of completed courses counted here."""
    counted: Decimal
    """Credits counted here, including in-progress, registered and planned courses."""
    required: Decimal
    missing: Decimal


@attrs.frozen
class AuditRow:
    """The audit of one student against one rule set, or (``status`` ``None``) why there is none."""

    student_id: str
    school_id: str | None
    cohort: int | None
    rule_set_id: str | None
    status: str | None
    """The :class:`~ilpcore.requirements.Status` of the whole rule set, e.g. ``"planned"``."""
    satisfied: bool | None
    credits_earned: Decimal | None
    credits_counted: Decimal | None
    credits_required: Decimal | None
    areas: tuple[AreaResult, ...] = ()
    missing: tuple[str, ...] = ()
    """Each unmet need as ``path: what is needed``."""
    optimal: bool | None = None
    reason: str | None = None

    def to_record(self) -> dict[str, Any]:
        """A flat record: ``areas`` as ``path earned/required`` items and ``missing``, each
        joined by semicolons."""

        def text(value: Decimal | None) -> str | None:
            return None if value is None else exact(value)

        return {
            "student_id": self.student_id,
            "school_id": self.school_id,
            "cohort": self.cohort,
            "rule_set_id": self.rule_set_id,
            "status": self.status,
            "satisfied": self.satisfied,
            "credits_earned": text(self.credits_earned),
            "credits_counted": text(self.credits_counted),
            "credits_required": text(self.credits_required),
            "areas": "; ".join(
                f"{a.path} {exact(a.earned)}/{exact(a.required)}" for a in self.areas
            ),
            "missing": "; ".join(self.missing),
            "optimal": self.optimal,
            "reason": self.reason,
        }


def to_records(rows: Iterable[MatchRow | AuditRow]) -> Iterator[dict[str, Any]]:
    """The rows as flat records (lazily), for :func:`ilpcore.records.to_pandas` and friends."""
    for row in rows:
        yield row.to_record()


def area_records(rows: Iterable[AuditRow]) -> Iterator[dict[str, Any]]:
    """One record per student and area (long format, :data:`AREA_COLUMNS`)."""
    for row in rows:
        for a in row.areas:
            yield {
                "student_id": row.student_id,
                "rule_set_id": row.rule_set_id,
                "area": a.path,
                "title": a.title,
                "status": a.status,
                "credits_earned": exact(a.earned),
                "credits_counted": exact(a.counted),
                "credits_required": exact(a.required),
                "credits_missing": exact(a.missing),
            }
