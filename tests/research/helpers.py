"""Plans whose identifying strings are all distinctive tokens, and reading a release back."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from ilpcore.model import Plan

# Strings kept in a release by design (codes and categories), or checked against a fixed format.
KEPT = {
    ("SchoolRef", "id"), ("SchoolRef", "state"), ("CourseRecord", "course_code"),
    ("CourseRecord", "subject"), ("CourseRecord", "mark"), ("Goal", "career_code"),
    ("Instrument", "id"), ("Instrument", "edition"), ("Score", "scale"), ("Demographics", "sex"),
    ("Artifact", "content_hash"), ("Artifact", "media_type"), ("SavedItem", "key"),
    ("CollegeApplication", "unitid"), ("ReviewSchedule", "recurrence"),
    ("ReviewSchedule", "time_zone"),
    ("ResumeSpec", "excluded"), ("ResumeSpec", "first"), ("EntryOverride", "entry_id"),
}  # fmt: skip


class Tagger:
    """Replaces every other string of a plan by a token ``qz<n>x`` that nothing else contains.

    The same string always gets the same token, so references between items still resolve.
    ``q``, ``z`` and ``x`` are not hex digits, so no pseudonym can contain a token by chance.
    """

    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}
        self._n = itertools.count(1)

    def token(self, text: str, field: str) -> str:
        if text not in self.tokens:
            n = next(self._n)
            self.tokens[text] = f"qz{n:05d}x@mail.example" if field == "email" else f"qz{n:05d}x"
        return self.tokens[text]

    def tag(self, value: Any, owner: str = "", field: str = "") -> Any:
        if isinstance(value, str):
            return value if (owner, field) in KEPT else self.token(value, field)
        if isinstance(value, tuple):
            return tuple(self.tag(v, owner, field) for v in value)
        if isinstance(value, Enum | date | int | float) or value is None:
            return value
        if attrs.has(type(value)):
            name = type(value).__name__
            changes = {
                a.name: self.tag(getattr(value, a.name), name, a.name)
                for a in attrs.fields(type(value))
            }
            return attrs.evolve(value, **changes)
        return value

    def plan(self, plan: Plan, student_id: str) -> Plan:
        tagged: Plan = self.tag(plan)
        student = attrs.evolve(tagged.student, id=self.token(student_id, "id"))
        return attrs.evolve(tagged, student=student)


def read_csv(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def every_file_text(folder: Path) -> Iterator[tuple[str, str]]:
    """(file name, text) of every CSV and JSON file, and of every Parquet cell and name."""
    import pyarrow.parquet as pq

    for path in sorted(folder.iterdir()):
        if path.suffix == ".parquet":
            table = pq.read_table(path)
            cells = [str(v) for col in table.columns for v in col.to_pylist()]
            yield path.name, "\n".join([*table.schema.names, *cells])
        else:
            yield path.name, path.read_bytes().decode("utf-8")
