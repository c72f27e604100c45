"""OneRoster 1.2 CSV: import a district's roster, and export ilpcore plans as one.

:func:`read_oneroster` reads a bulk set (the reader of ``ilp import
oneroster``); :func:`read_roster` also returns its schools and staff, and
:meth:`Roster.relationships` the access facts (guardians, caseloads, staff
schools).  :func:`write_oneroster` writes plans as a bulk set.  See
:doc:`/oneroster` for the fields read and written.
"""

from __future__ import annotations

from ilpcore.interop.oneroster.people import StaffMember
from ilpcore.interop.oneroster.reader import Roster, read_oneroster, read_roster, relationships_of
from ilpcore.interop.oneroster.writer import write_oneroster

__all__ = [
    "Roster",
    "StaffMember",
    "read_oneroster",
    "read_roster",
    "relationships_of",
    "write_oneroster",
]
