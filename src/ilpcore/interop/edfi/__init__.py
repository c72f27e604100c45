"""Importing Ed-Fi Data Standard 5 files: bulk XML interchanges and the API's JSON resources.

:func:`read_edfi` reads a folder into an :class:`~ilpcore.interop.ImportBatch`
(``ilp import edfi DIR`` calls it); :func:`import_edfi` also tells how it was
read (school year, how each student was placed) and carries the rule sets made
from ``GraduationPlan`` records; :func:`read_acan_transcript` reads the ACAN
composite transcript JSON.  See the Ed-Fi guide in the docs.
"""

from __future__ import annotations

from ilpcore.interop.edfi.acan import AcademicRecordSummary, AcanTranscripts, read_acan_transcript
from ilpcore.interop.edfi.build import EdfiImport, Placement, PlacementMethod
from ilpcore.interop.edfi.graduation import graduation_plan_rule_set
from ilpcore.interop.edfi.placement import AGE_RULE_CANDIDATES, AgeRule
from ilpcore.interop.edfi.reader import import_edfi, read_edfi

__all__ = [
    "AGE_RULE_CANDIDATES",
    "AcademicRecordSummary",
    "AcanTranscripts",
    "AgeRule",
    "EdfiImport",
    "Placement",
    "PlacementMethod",
    "graduation_plan_rule_set",
    "import_edfi",
    "read_acan_transcript",
    "read_edfi",
]
