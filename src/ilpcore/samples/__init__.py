"""Sample plans: one realistic student for demos and docs, and plans of any size for benchmarks.

The student is fictional; everything about her is made up but shaped like a
real Kentucky ILP: grade 10, class of 2028, aiming at nursing.

>>> plan = sample_plan()
>>> plan.student.name.display, plan.student.cohort, len(plan.courses)
('Maya Okafor', 2028, 16)
>>> plan.earned_credits
Decimal('8.0')
"""

from __future__ import annotations

from ilpcore.samples._maya import sample_plan
from ilpcore.samples._scaled import scaled_plan

__all__ = ["sample_plan", "scaled_plan"]
