"""Batch analytics: career matches and graduation audits for thousands to millions of students.

The functions stream: they read plans in blocks and yield flat rows, so memory is
bounded by the block, not by the number of students.  Feed them
:meth:`ilpcore.store.Store.iter_plans` (or :func:`ilpcore.testing.synthetic.synthetic_plans`)
and turn the rows into a table with :func:`to_records` and
:func:`ilpcore.records.to_pandas`.  :func:`match_partition` and
:func:`audit_partition` run the same work on Dask or Spark partitions.  See
``docs/batch.md``.

>>> from ilpcore.matching.ranking import InterestIndex, OccupationProfile
>>> from ilpcore.testing.synthetic import synthetic_plans
>>> index = InterestIndex.build(
...     [OccupationProfile("11-1011.00", "Chief Executives", (1, 2, 1, 3, 7, 4), "EC", 5),
...      OccupationProfile("29-1141.00", "Registered Nurses", (2, 5, 1, 7, 2, 3), "SI", 3)],
...     release="tiny")
>>> for row in batch_match(synthetic_plans(2), index, top=1):
...     print(row.student_id, row.rank, row.code, row.reason)
SYN-00000000 1 29-1141.00 None
SYN-00000001 None None no interest assessment
>>> row = next(batch_audit(synthetic_plans(1), "US-KY"))
>>> row.rule_set_id, row.status, row.credits_required
('US-KY-minimum-2024', 'missing', Decimal('22'))
"""

from __future__ import annotations

from ilpcore.batch.audit import DEFAULT_AUDIT_BLOCK, RuleSets, audit_inputs, batch_audit
from ilpcore.batch.blocks import Progress
from ilpcore.batch.match import ScoredStudent, batch_match, scored_student
from ilpcore.batch.partitions import (
    audit_meta,
    audit_partition,
    match_meta,
    match_partition,
    spark_schema,
)
from ilpcore.batch.rows import (
    AREA_COLUMNS,
    AUDIT_COLUMNS,
    MATCH_COLUMNS,
    AreaResult,
    AuditRow,
    MatchRow,
    area_records,
    to_records,
)

__all__ = [
    "AREA_COLUMNS",
    "AUDIT_COLUMNS",
    "DEFAULT_AUDIT_BLOCK",
    "MATCH_COLUMNS",
    "AreaResult",
    "AuditRow",
    "MatchRow",
    "Progress",
    "RuleSets",
    "ScoredStudent",
    "area_records",
    "audit_inputs",
    "audit_meta",
    "audit_partition",
    "batch_audit",
    "batch_match",
    "match_meta",
    "match_partition",
    "scored_student",
    "spark_schema",
    "to_records",
]
