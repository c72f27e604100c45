"""``read_oneroster``: a OneRoster 1.2 CSV bulk set as an import batch, staff and schools."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

import attrs

from ilpcore.access import Relationships
from ilpcore.interop.batch import ImportBatch, RejectedRow, StudentRecord
from ilpcore.interop.oneroster.csvfile import Row, cell_count_problem, read_rows
from ilpcore.interop.oneroster.manifest import read_manifest
from ilpcore.interop.oneroster.people import (
    BadRowError,
    StaffMember,
    contact_of,
    demographics_of,
    person_id,
    school_of,
    staff_of,
    student_of,
)
from ilpcore.interop.oneroster.spec import GUARDIAN_ROLES, ROLE_OF, FileMode
from ilpcore.model import Contact, Demographics, SchoolRef, Student

__all__ = ["Roster", "read_oneroster", "read_roster", "relationships_of"]

_READS = ("academicSessions", "classes", "demographics", "enrollments", "orgs", "roles", "users")
_REQUIRED = {
    "orgs": ("sourcedId", "name", "type"),
    "users": ("sourcedId", "givenName", "familyName"),
    "roles": ("userSourcedId", "roleType", "role", "orgSourcedId"),
    "demographics": ("sourcedId",),
    "academicSessions": ("sourcedId", "type", "schoolYear"),
    "classes": ("sourcedId", "schoolSourcedId"),
    "enrollments": ("classSourcedId", "userSourcedId", "role"),
}


def relationships_of(
    batch: ImportBatch, staff_schools: Mapping[str, frozenset[str]] | None = None
) -> Relationships:
    """The access facts of an import: guardians, caseloads and (given) the staff's schools."""
    return Relationships(
        guardians=batch.guardians, caseloads=batch.staff_caseloads, schools=staff_schools or {}
    )


@attrs.frozen
class Roster:
    """What a OneRoster set says: the import batch plus its schools and staff."""

    batch: ImportBatch
    schools: tuple[SchoolRef, ...]
    staff: tuple[StaffMember, ...]
    staff_schools: Mapping[str, frozenset[str]]
    """staff id -> the schools of their roles (a district role: every school of the district)."""

    def relationships(self) -> Relationships:
        """Guardians, caseloads and staff schools for :class:`~ilpcore.access.Relationships`."""
        return relationships_of(self.batch, self.staff_schools)


@attrs.define
class _Role:
    role: str
    primary: bool
    org: str


class _Reading:
    """The state of one read: rows by sourcedId, and the rows rejected so far."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.modes = read_manifest(folder, _READS)
        self.rejected: list[RejectedRow] = []
        self.deleted: dict[str, set[str]] = defaultdict(set)
        """file -> sourcedIds of its rows with status tobedeleted: references to them are
        dropped quietly."""

    def rows(self, name: str) -> Iterator[Row]:
        """The usable rows of a file: not to be deleted, with as many cells as the header."""
        if self.modes.get(name, FileMode.ABSENT) is FileMode.ABSENT:
            return
        for row in read_rows(self.folder / f"{name}.csv", _REQUIRED[name]):
            problem = cell_count_problem(row)
            if problem is not None:
                self.reject(row, problem)
            elif row.to_be_deleted:
                self.deleted[name].add(row.text("sourcedId"))
            else:
                yield row

    def reject(self, row: Row, reason: str, student_id: str | None = None) -> None:
        self.rejected.append(RejectedRow(row.file, row.line, reason, student_id))

    def by_sourced_id(self, name: str) -> dict[str, Row]:
        out: dict[str, Row] = {}
        for row in self.rows(name):
            key = row.text("sourcedId")
            if not key:
                self.reject(row, "sourcedId is empty")
            elif key in out:
                self.reject(row, f"sourcedId {key!r} is already on line {out[key].line}")
            else:
                out[key] = row
        return out


def _schools(reading: _Reading, orgs: dict[str, Row]) -> dict[str, SchoolRef]:
    schools: dict[str, SchoolRef] = {}
    for key, row in orgs.items():
        if row.text("type") != "school":
            continue
        parent = orgs.get(row.text("parentSourcedId"))
        district = (
            parent["name"] if parent is not None and parent.text("type") == "district" else None
        )
        try:
            schools[key] = school_of(row, district)
        except BadRowError as e:
            reading.reject(row, str(e))
    return schools


def _school_year(reading: _Reading, school_year: int | None) -> int:
    years = []
    for row in reading.rows("academicSessions"):
        if row.text("type") == "schoolYear":
            text = row.text("schoolYear")
            if text.isdigit() and len(text) == 4:
                years.append(int(text))
            else:
                reading.reject(row, f"schoolYear {text!r} is not a year")
    if school_year is not None:
        return school_year
    if years:
        return max(years)
    today = date.today()
    return today.year + 1 if today.month >= 7 else today.year


def _roles(
    reading: _Reading, users: dict[str, Row], orgs: dict[str, Row]
) -> dict[str, list[_Role]]:
    roles: dict[str, list[_Role]] = defaultdict(list)
    for row in reading.rows("roles"):
        user, role, org = row.text("userSourcedId"), row.text("role"), row.text("orgSourcedId")
        if user in reading.deleted["users"] or org in reading.deleted["orgs"]:
            continue
        if user not in users:
            reading.reject(row, f"userSourcedId {user!r} is not in users.csv")
        elif role not in ROLE_OF:
            reading.reject(row, f"role {role!r} is not a OneRoster 1.2 role")
        elif org not in orgs:
            reading.reject(row, f"orgSourcedId {org!r} is not in orgs.csv")
        else:
            roles[user].append(_Role(role, row.text("roleType") == "primary", org))
    for entries in roles.values():
        entries.sort(key=lambda r: not r.primary)
    return roles


def read_roster(directory: Path, *, school_year: int | None = None) -> Roster:
    """Read the OneRoster 1.2 CSV bulk set in ``directory`` (see :doc:`/oneroster`).

    ``school_year`` (the calendar year the school year ends in) dates the
    grade levels when users.csv carries no cohort; by default the latest
    ``schoolYear`` of academicSessions.csv, else the current school year.
    """
    reading = _Reading(Path(directory))
    orgs = reading.by_sourced_id("orgs")
    for key, row in list(orgs.items()):
        if not row.text("name"):
            reading.reject(row, "name is empty")
            del orgs[key]
    schools = _schools(reading, orgs)
    year = _school_year(reading, school_year)
    users = reading.by_sourced_id("users")
    roles = _roles(reading, users, orgs)
    ids: dict[str, str] = {}
    lines: dict[str, int] = {}
    for key, row in users.items():
        try:
            person = person_id(row)
        except BadRowError as e:
            reading.reject(row, str(e))
            continue
        if person in lines:  # which of the two is the student is unknown: hold them back
            whose = person if _kind(roles.get(key, [])) == "student" else None
            reason = f"id {person!r} is already the user's on line {lines[person]}"
            reading.reject(row, reason, whose)
            continue
        ids[key], lines[person] = person, row.line
    kinds = {key: _kind(roles.get(key, [])) for key in users}
    demographics = _demographics(reading, {k: ids[k] for k in ids if kinds[k] == "student"})
    students: dict[str, Student] = {}
    contacts: dict[str, Contact] = {}
    staff: dict[str, StaffMember] = {}
    for key, row in users.items():
        if key not in ids:
            continue
        kind, user_roles = kinds[key], roles.get(key, [])
        student_id = ids[key] if kind == "student" else None
        try:
            if kind == "none":
                raise BadRowError("the user has no role in roles.csv")
            if kind == "student":
                school = _student_school(user_roles, orgs, schools)
                birth = demographics.get(key, (None, None))[1]
                students[key] = student_of(row, school, year, birth)
            elif kind == "guardian":
                contacts[key] = contact_of(row, user_roles[0].role)
            else:
                staff[key] = staff_of(row, user_roles[0].role)
        except BadRowError as e:
            reading.reject(row, str(e), student_id)
    guardians = _guardian_links(reading, users, ids, kinds)
    caseloads = _caseloads(reading, ids, kinds)
    records = []
    order = {key: n for n, key in enumerate(users)}
    for key, student in students.items():
        linked = sorted(guardians.get(key, ()), key=order.__getitem__)
        records.append(
            StudentRecord(
                student,
                demographics=demographics.get(key, (None, None))[0],
                contacts=tuple(contacts[g] for g in linked if g in contacts),
            )
        )
    batch = ImportBatch(
        f"OneRoster 1.2 CSV {directory}",
        tuple(records),
        tuple(reading.rejected),
        staff_caseloads={
            ids[s]: frozenset(ids[k] for k in v) for s, v in caseloads.items() if s in staff
        },
        guardians={
            ids[s]: frozenset(ids[g] for g in v) for s, v in guardians.items() if s in students
        },
    )
    return Roster(
        batch,
        tuple(schools.values()),
        tuple(staff.values()),
        _staff_schools(staff, roles, orgs, schools),
    )


def read_oneroster(directory: Path) -> ImportBatch:
    """The students of the OneRoster 1.2 CSV bulk set in ``directory``, ready for
    :func:`~ilpcore.interop.apply_import` (the reader of ``ilp import oneroster``)."""
    return read_roster(directory).batch


def _kind(roles: list[_Role]) -> str:
    names = {r.role for r in roles}
    if not names:
        return "none"
    if "student" in names:
        return "student"
    if names <= GUARDIAN_ROLES:
        return "guardian"
    return "staff"


def _student_school(
    roles: list[_Role], orgs: dict[str, Row], schools: dict[str, SchoolRef]
) -> SchoolRef:
    org = next(r.org for r in roles if r.role == "student")
    if org not in schools:
        kind = orgs[org].text("type")
        raise BadRowError(f"the student's org {org!r} is a {kind!r} org, not a usable school")
    return schools[org]


def _demographics(
    reading: _Reading, students: dict[str, str]
) -> dict[str, tuple[Demographics | None, date | None]]:
    out = {}
    for key, row in reading.by_sourced_id("demographics").items():
        try:
            out[key] = demographics_of(row)
        except BadRowError as e:
            reading.reject(row, str(e), students.get(key))
    return out


def _guardian_links(
    reading: _Reading, users: dict[str, Row], ids: dict[str, str], kinds: dict[str, str]
) -> dict[str, set[str]]:
    """student sourcedId -> guardian sourcedIds, from either side's agentSourcedIds."""
    links: dict[str, set[str]] = defaultdict(set)
    for key, kind in kinds.items():
        if key not in ids:
            continue  # rejected already
        row = users[key]
        for agent in row.list("agentSourcedIds"):
            other = kinds.get(agent)
            if agent in reading.deleted["users"] or (other is not None and agent not in ids):
                continue
            if other is None:
                student_id = ids[key] if kind == "student" else None
                reading.reject(row, f"agent {agent!r} is not a user with a role", student_id)
            elif kind == "student" and other == "guardian":
                links[key].add(agent)
            elif kind == "guardian" and other == "student":
                links[agent].add(key)
    return links


def _caseloads(
    reading: _Reading, ids: dict[str, str], kinds: dict[str, str]
) -> dict[str, set[str]]:
    """staff sourcedId -> student sourcedIds of the classes they are enrolled in."""
    classes = reading.by_sourced_id("classes")
    students: dict[str, set[str]] = defaultdict(set)
    staff: dict[str, set[str]] = defaultdict(set)
    for row in reading.rows("enrollments"):
        klass, user, role = row.text("classSourcedId"), row.text("userSourcedId"), row.text("role")
        kind = kinds.get(user)
        if klass in reading.deleted["classes"] or user in reading.deleted["users"]:
            continue
        if kind is not None and user not in ids:
            continue  # the user's row was rejected
        student_id = ids[user] if kind == "student" else None
        if klass not in classes:
            reading.reject(row, f"classSourcedId {klass!r} is not in classes.csv", student_id)
        elif kind is None:
            reading.reject(row, f"userSourcedId {user!r} is not a user with a role")
        elif role == "student" and kind == "student":
            students[klass].add(user)
        elif role == "student":
            reading.reject(row, f"user {user!r} is enrolled as a student but is not one")
        elif kind == "staff":
            staff[klass].add(user)
    caseloads: dict[str, set[str]] = defaultdict(set)
    for klass, members in staff.items():
        for member in members:
            caseloads[member] |= students.get(klass, set())
    return {k: v for k, v in caseloads.items() if v}


def _staff_schools(
    staff: dict[str, StaffMember],
    roles: dict[str, list[_Role]],
    orgs: dict[str, Row],
    schools: dict[str, SchoolRef],
) -> dict[str, frozenset[str]]:
    by_district: dict[str, set[str]] = defaultdict(set)
    for key, school in schools.items():
        by_district[orgs[key].text("parentSourcedId")].add(school.id)
    out = {}
    for key, member in staff.items():
        ids: set[str] = set()
        for role in roles[key]:
            if role.org in schools:
                ids.add(schools[role.org].id)
            elif orgs[role.org].text("type") == "district":
                ids |= by_district.get(role.org, set())
        if ids:
            out[member.id] = frozenset(ids)
    return out
