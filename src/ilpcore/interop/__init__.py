"""Feeding ilpcore from the systems schools already run, and back.

Readers of a student information system's files (Ed-Fi, OneRoster) produce an
:class:`ImportBatch`: one :class:`StudentRecord` per student and every row they
could not use as a :class:`RejectedRow` naming file, line and reason.
:func:`apply_import` then merges the batch into a store: one atomic save per
student, nothing saved for a student with a rejected row, and nothing saved at
all when a student's plan would not change, so importing the same files twice
changes nothing the second time.

>>> from ilpcore.model import PersonName, Role, SchoolRef, Student
>>> from ilpcore.store import Actor, open_store
>>> school = SchoolRef("255901001", "Grand Bend High School")
>>> student = Student("604837", PersonName("Ana", "Diaz"), 10, 2028, school)
>>> batch = ImportBatch(source="example", students=(StudentRecord(student),))
>>> store = open_store("memory:")
>>> clerk = Actor("sis-sync", Role.DISTRICT_ADMINISTRATOR)
>>> apply_import(store, clerk, batch).counts()
{'created': 1, 'updated': 0, 'unchanged': 0, 'held_back': 0, 'rejected_rows': 0}
>>> apply_import(store, clerk, batch).counts()
{'created': 0, 'updated': 0, 'unchanged': 1, 'held_back': 0, 'rejected_rows': 0}
"""

from __future__ import annotations

from ilpcore.interop.apply import ImportOutcome, ImportReport, StudentOutcome, apply_import
from ilpcore.interop.batch import ImportBatch, RejectedRow, StudentRecord
from ilpcore.interop.merge import merge_student

__all__ = [
    "ImportBatch",
    "ImportOutcome",
    "ImportReport",
    "RejectedRow",
    "StudentOutcome",
    "StudentRecord",
    "apply_import",
    "merge_student",
]
