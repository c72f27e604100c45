"""The manifest of a research release: what was done to the data, so a reader can trust it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

import attrs

from ilpcore.records import Column

__all__ = ["MANIFEST_FORMAT", "REMOVED", "ResearchManifest"]

MANIFEST_FORMAT: Final = "ilpcore-research-export"

REMOVED: Final = (
    "names of students, contacts, review participants and signers",
    "student ids and state ids (replaced by keyed pseudonyms)",
    "e-mail addresses, phone numbers, addresses, locations and links",
    "school names and districts (school ids stay, as quasi-identifiers)",
    "all free text: strengths, interests, aspirations, goal titles and descriptions, "
    "benchmarks, progress notes, reflections, review notes, activity titles, organizations, "
    "roles, descriptions and skills, course titles and institutions, artifacts, saved lists, "
    "accommodations, resume content",
    "item ids (goals, activities, assessments, course plans): replaced by per-student numbers",
    "raw answer strings of assessments",
    "exact dates: birth dates become birth years, event dates school years and months",
    "home language and the homeless, foster care, migrant and military-connected flags",
)
"""What a release leaves out, as listed in every manifest."""


@attrs.frozen
class ResearchManifest:
    """What :func:`~ilpcore.research.export_research` wrote (``manifest.json`` in the folder)."""

    ilpcore_version: str
    created_at: datetime
    key_fingerprint: str
    k: int
    students: int
    quasi_identifiers: tuple[str, ...]
    ladder: tuple[tuple[str, ...], ...]
    """The quasi-identifiers kept at each rung of the suppression ladder."""
    students_by_rung: tuple[int, ...]
    complementary: int
    """Students fully suppressed only so that the fully suppressed group reaches k."""
    suppressed_cells: dict[str, int]
    """Quasi-identifier -> number of students whose value of it is suppressed."""
    tables: dict[str, tuple[Column, ...]]
    rows: dict[str, int]
    files: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The manifest as a JSON-ready dict."""
        return {
            "format": MANIFEST_FORMAT,
            "format_version": 1,
            "ilpcore_version": self.ilpcore_version,
            "created_at": self.created_at.isoformat(),
            "key_fingerprint": self.key_fingerprint,
            "pseudonym": "first 32 hex digits of HMAC-SHA256(key, 'student:' + student id)",
            "k": self.k,
            "students": self.students,
            "quasi_identifiers": list(self.quasi_identifiers),
            "suppression": {
                "ladder": [list(rung) for rung in self.ladder],
                "students_by_rung": list(self.students_by_rung),
                "complementary": self.complementary,
                "suppressed_cells": dict(self.suppressed_cells),
            },
            "removed": list(REMOVED),
            "files": list(self.files),
            "tables": {
                name: {
                    "rows": self.rows[name],
                    "columns": [
                        {"name": c.name, "type": c.type.value, "description": c.description}
                        for c in columns
                    ],
                }
                for name, columns in self.tables.items()
            },
        }
