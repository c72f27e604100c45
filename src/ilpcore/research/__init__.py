"""De-identified research exports: plans to a folder of CSV (and Parquet) tables.

A FERPA-minded procedure (see ``docs/research.md``): direct identifiers and all
free text are removed, student ids become keyed pseudonyms, birth dates become
birth years and event dates school years and months, and combinations of
quasi-identifiers held by fewer than ``k`` students are suppressed.  A
``manifest.json`` describes each release.

>>> import tempfile
>>> from pathlib import Path
>>> from ilpcore.samples import sample_plan
>>> out = Path(tempfile.mkdtemp()) / "release"
>>> manifest = export_research(lambda: [sample_plan()], out, PseudonymKey(b"k" * 32), k=11)
>>> manifest.students, manifest.students_by_rung
(1, (0, 0, 0, 0, 1))
>>> sorted(p.name for p in out.iterdir())[:3]
['activities.csv', 'activities.parquet', 'assessments.csv']
"""

from __future__ import annotations

from ilpcore.research.export import (
    DEFAULT_K,
    PlanSource,
    StoreSnapshot,
    export_research,
    export_research_from_store,
)
from ilpcore.research.generalize import QUASI_IDENTIFIERS, quasi_identifiers, school_year
from ilpcore.research.keys import MIN_KEY_BYTES, PseudonymKey
from ilpcore.research.manifest import REMOVED, ResearchManifest
from ilpcore.research.suppression import DEFAULT_LADDER, SuppressionPlan, plan_suppression
from ilpcore.research.tables import TABLES

__all__ = [
    "DEFAULT_K",
    "DEFAULT_LADDER",
    "MIN_KEY_BYTES",
    "QUASI_IDENTIFIERS",
    "REMOVED",
    "TABLES",
    "PlanSource",
    "PseudonymKey",
    "ResearchManifest",
    "StoreSnapshot",
    "SuppressionPlan",
    "export_research",
    "export_research_from_store",
    "plan_suppression",
    "quasi_identifiers",
    "school_year",
]
