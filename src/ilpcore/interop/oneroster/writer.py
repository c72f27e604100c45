"""``write_oneroster``: ilpcore plans as a OneRoster 1.2 CSV bulk set, written atomically."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

from ilpcore.access import Relationships
from ilpcore.exceptions import ExportExistsError, ValidationError
from ilpcore.files import staged_folder
from ilpcore.interop.oneroster.csvfile import write_rows
from ilpcore.interop.oneroster.manifest import write_manifest
from ilpcore.interop.oneroster.people import RACE_COLUMNS, StaffMember
from ilpcore.interop.oneroster.sessions import session_id, session_row
from ilpcore.interop.oneroster.spec import (
    COHORT_COLUMN,
    HEADERS,
    ROLE_TO_ONEROSTER,
    STATE_COLUMN,
    grade_code,
)
from ilpcore.model import (
    Contact,
    CourseStatus,
    Demographics,
    PersonName,
    Plan,
    Role,
    SchoolRef,
    Term,
)
from ilpcore.model._checks import identifier

__all__ = ["write_oneroster"]

Progress = Callable[[int, int], None]

_FILES = ("academicSessions", "classes", "courses", "demographics", "enrollments", "orgs",
          "roles", "users")  # fmt: skip
_EXTRA_COLUMNS = {"orgs": (STATE_COLUMN,), "users": (COHORT_COLUMN,)}
_UNROSTERED = frozenset({CourseStatus.PLANNED})
"""Course records that are not class enrollments (a plan, not a roster)."""


def _sourced_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{kind}-{digest}"


def _flag(value: bool | None) -> str:
    return "" if value is None else str(value).lower()


def _split_name(name: str) -> tuple[str, str]:
    """Given and family name of a contact's one-string name; the reader joins them back (a
    name that does not split, or splits into two equal halves, goes in both)."""
    given, _, family = name.rpartition(" ")
    if given.strip() and family.strip() and given != family:
        return given, family
    return name, name


class _Set:
    """The rows of each file, by sourcedId (the first of equal ids wins)."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, list[str]]] = defaultdict(dict)
        self.schools: dict[str, SchoolRef] = {}
        self.user_kinds: dict[str, str] = {}
        self.year_session = ""
        """The session of the caseload classes."""

    def add(self, file: str, row: list[str]) -> None:
        self.rows[file].setdefault(row[0], row)

    def user(self, user_id: str, kind: str, path: str, row: list[str]) -> None:
        known = self.user_kinds.setdefault(user_id, kind)
        if known != kind:
            raise ValidationError.at(path, f"user id {user_id!r} is both a {known} and a {kind}")
        self.add("users", row)

    def school(self, school: SchoolRef, path: str) -> None:
        known = self.schools.setdefault(school.id, school)
        if known != school:
            raise ValidationError.at(path, f"school {school.id!r} is also given as {known!r}")
        district = None
        if school.district is not None:
            district = _sourced_id("district", school.district)
            self.add("orgs", [district, "", "", school.district, "district", "", "", ""])
        self.add("orgs", [school.id, "", "", school.name, "school", school.id, district or "",
                          school.state or ""])  # fmt: skip

    def role(self, user_id: str, role: str, org: str, primary: bool) -> None:
        kind = "primary" if primary else "secondary"
        key = _sourced_id("role", user_id, role, org)
        self.add("roles", [key, "", "", user_id, kind, role, "", "", org, ""])

    def term(self, term: Term) -> None:
        self.add("academicSessions", session_row(Term(term.school_year)))
        self.add("academicSessions", session_row(term))

    def enroll(self, klass: str, school: str, user_id: str, role: str) -> None:
        key = _sourced_id("enrollment", klass, user_id)
        primary = "true" if role != "student" else "false"
        self.add("enrollments", [key, "", "", klass, school, user_id, role, primary, "", ""])


def _student(out: _Set, plan: Plan, path: str, guardians: Iterable[str]) -> None:
    s = plan.student
    if s.id in out.user_kinds:
        raise ValidationError.at(f"{path}.student.id", f"student {s.id!r} has two plans")
    out.school(s.school, f"{path}.student.school")
    ids = "" if s.state_id is None else f"{{stateId:{s.state_id}}}"
    out.user(s.id, "student", f"{path}.student.id", [
        s.id, "", "", "true", s.id, ids, s.name.given, s.name.family, s.name.middle or "", s.id,
        "", "", "", ",".join(guardians), grade_code(s.grade_level), "", "", "",
        s.name.preferred or "", "", "", s.school.id, "", str(s.cohort),
    ])  # fmt: skip
    out.role(s.id, "student", s.school.id, primary=True)
    if plan.demographics is not None or s.birth_date is not None:
        out.add("demographics", _demographics_row(s.id, plan.demographics, s.birth_date))


def _demographics_row(key: str, d: Demographics | None, birth: date | None) -> list[str]:
    d = d or Demographics()
    sex = "" if d.sex is None else d.sex if d.sex in ("male", "female") else "other"
    races = [_flag(race in d.races) if d.races else "" for _, race in RACE_COLUMNS]
    several = _flag(len(d.races) > 1) if d.races else ""
    born = "" if birth is None else birth.isoformat()
    return [key, "", "", born, sex, *races, several, _flag(d.hispanic_or_latino), "", "", "", ""]


def _courses(out: _Set, plan: Plan) -> None:
    school = plan.student.school.id
    for c in plan.courses:
        if c.status in _UNROSTERED:
            continue
        course = _sourced_id("course", school, c.course_code)
        klass = _sourced_id("class", school, c.course_code, c.term.label)
        out.term(c.term)
        out.add("courses", [course, "", "", "", c.title, c.course_code, "", school, c.subject, ""])
        out.add("classes", [klass, "", "", f"{c.title} ({c.term.label})", grade_code(c.grade_level),
                            course, c.course_code, "scheduled", "", school, session_id(c.term),
                            c.subject, "", ""])  # fmt: skip
        out.enroll(klass, school, plan.student.id, "student")


def _guardian(out: _Set, guardian_id: str, contact: Contact | None, students: list[str]) -> None:
    path = f"relationships.guardians[{students[0]!r}]"
    if identifier(guardian_id) is not None:
        raise ValidationError.at(path, f"{guardian_id!r} is not a valid user id")
    given, family = _split_name(contact.name) if contact else ("Guardian", guardian_id)
    email = (contact.email if contact else None) or ""
    phone = (contact.phone if contact else None) or ""
    relation = contact.relationship if contact else None
    role = "relative" if relation == "relative" else "guardian"
    out.user(guardian_id, "guardian", path, [
        guardian_id, "", "", "true", guardian_id, "", given, family, "", guardian_id, email, "",
        phone, ",".join(students), "", "", "", "", "", "", "", "", "", "",
    ])  # fmt: skip
    student_schools = dict.fromkeys(out.rows["users"][s][21] for s in students)
    for n, school in enumerate(student_schools):
        out.role(guardian_id, role, school, primary=n == 0)


def _staff(
    out: _Set, member: StaffMember, caseload: frozenset[str], schools: frozenset[str]
) -> None:
    path = f"relationships.caseloads[{member.id!r}]"
    if identifier(member.id) is not None:
        raise ValidationError.at(path, f"{member.id!r} is not a valid user id")
    students = sorted(s for s in caseload if out.user_kinds.get(s) == "student")
    student_schools = {s: out.rows["users"][s][21] for s in students}
    at = sorted(s for s in schools if s in out.schools) or sorted(set(student_schools.values()))
    if not at:
        return
    n = member.name
    out.user(member.id, "staff", path, [
        member.id, "", "", "true", member.id, "", n.given, n.family, n.middle or "", member.id,
        "", "", "", "", "", "", "", "", n.preferred or "", "", "", at[0], "", "",
    ])  # fmt: skip
    role = ROLE_TO_ONEROSTER.get(member.role, "aide")
    for i, school in enumerate(at):
        out.role(member.id, role, school, primary=i == 0)
    for school in sorted(set(student_schools.values())):
        course = _sourced_id("caseload-course", school)
        klass = _sourced_id("caseload", member.id, school)
        out.add("courses", [course, "", "", "", "ILP caseload", "ILP-CASELOAD", "", school, "", ""])
        out.add("classes", [klass, "", "", f"Caseload of {member.id}", "", course,
                            f"CASELOAD-{member.id}", "homeroom", "", school, out.year_session,
                            "", "", ""])  # fmt: skip
        out.enroll(
            klass, school, member.id, "teacher" if member.role is Role.TEACHER else "administrator"
        )
        for student in students:
            if student_schools[student] == school:
                out.enroll(klass, school, student, "student")


def _current_school_year() -> int:
    today = date.today()
    return today.year + 1 if today.month >= 7 else today.year


def _check_target(directory: Path) -> None:
    if directory.exists() and not (
        directory.is_dir()
        and ((directory / "manifest.csv").is_file() or not any(directory.iterdir()))
    ):
        raise ExportExistsError(
            f"{str(directory)!r} exists and is not a OneRoster CSV set; not replacing it"
        )


def write_oneroster(
    plans: Iterable[Plan],
    directory: Path,
    *,
    relationships: Relationships | None = None,
    staff: Iterable[StaffMember] = (),
    school_year: int | None = None,
    progress: Progress | None = None,
) -> Mapping[str, int]:
    """Write ``plans`` as a OneRoster 1.2 CSV bulk set in ``directory``; the rows per file.

    Students, their schools (and districts), demographics and parent/guardian
    contacts are written; course records other than planned ones become
    courses, classes and enrollments; ``relationships`` adds caseloads (a
    homeroom class per staff member and school) and staff schools (roles),
    ``staff`` their names and roles.  ``school_year`` (the year it ends,
    default: the current one) is the session of the caseload classes.  The set
    is built in a temporary folder beside ``directory`` and renamed into place;
    an earlier export there is replaced.  See :doc:`/oneroster`.
    """
    directory = Path(directory)
    _check_target(directory)
    relationships = relationships or Relationships()
    out = _Set()
    start_year = (school_year or _current_school_year()) - 1
    out.year_session = session_id(Term(start_year))
    out.term(Term(start_year))
    plan_list = list(plans)
    guardians: dict[str, tuple[Contact | None, list[str]]] = {}
    for i, plan in enumerate(plan_list, 1):
        student = plan.student.id
        contacts = [c for c in plan.profile.contacts if c.role is Role.PARENT_GUARDIAN]
        others = relationships.guardians.get(student, frozenset()) - {c.id for c in contacts}
        linked = [c.id for c in contacts] + sorted(others)
        _student(out, plan, f"plans[{i - 1}]", linked)
        _courses(out, plan)
        for c in contacts:
            guardians.setdefault(c.id, (c, []))[1].append(student)
        for other in sorted(others):
            guardians.setdefault(other, (None, []))[1].append(student)
        if progress is not None:
            progress(i, len(plan_list))
    for guardian_id, (contact, students) in guardians.items():
        _guardian(out, guardian_id, contact, students)
    members = {m.id: m for m in staff}
    for staff_id in dict.fromkeys([*members, *relationships.caseloads, *relationships.schools]):
        member = members.get(staff_id) or StaffMember(
            staff_id, PersonName("Staff", staff_id), Role.TEACHER
        )
        caseload = relationships.caseloads.get(staff_id, frozenset())
        _staff(out, member, caseload, relationships.schools.get(staff_id, frozenset()))
    with staged_folder(directory) as built:
        for name in _FILES:
            header = (*HEADERS[name], *_EXTRA_COLUMNS.get(name, ()))
            write_rows(built, f"{name}.csv", header, out.rows[name].values())
        write_manifest(built, _FILES, "ilpcore")
    return {name: len(out.rows[name]) for name in _FILES}
