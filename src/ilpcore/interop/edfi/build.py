"""Rows read from Ed-Fi files -> an :class:`~ilpcore.interop.ImportBatch`.

Every row is checked on its own; a row that cannot be used becomes a
:class:`~ilpcore.interop.RejectedRow` (with the student's id where the row
names one, so the whole student is held back) and the rest goes on.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs

from ilpcore.exceptions import ValidationError
from ilpcore.interop.batch import ImportBatch, RejectedRow, StudentRecord
from ilpcore.interop.edfi.assessments import assessment_result, grade_evidence
from ilpcore.interop.edfi.collector import RowCollector
from ilpcore.interop.edfi.courses import Catalog, CatalogCourse, catalog_course, course_record
from ilpcore.interop.edfi.entities import (
    association,
    identity,
    school_ref,
    transcript_evidence,
)
from ilpcore.interop.edfi.graduation import plan_rule_set
from ilpcore.interop.edfi.placement import AgeRule, calibrate, cohort_of
from ilpcore.interop.edfi.rows import (
    RowError,
    StudentRow,
    TranscriptRow,
    Where,
)
from ilpcore.model import (
    AssessmentResult,
    CourseRecord,
    Enrollment,
    PersonName,
    SchoolRef,
    Student,
    Term,
)
from ilpcore.requirements import RuleSet

__all__ = ["EdfiImport", "Placement", "PlacementMethod", "build_import"]

T = TypeVar("T")


class PlacementMethod(enum.Enum):
    """Where a student's grade and school came from."""

    ASSOCIATION = "association"
    """Their StudentSchoolAssociation."""
    EVIDENCE = "evidence"
    """The grade of their latest assessment or course transcript."""
    AGE = "age"
    """The age rule."""


@attrs.frozen
class Placement:
    """How a student's grade, school and cohort were found."""

    student_id: str
    method: PlacementMethod
    grade_level: int
    school_id: str


@attrs.frozen
class EdfiImport:
    """Everything read from a folder of Ed-Fi files.

    ``batch`` is what :func:`~ilpcore.interop.apply_import` takes; the rest says
    how it was read: the school year, each student's :class:`Placement`, the
    age rule used for students placed by age, and the rule sets built from the
    graduation plans.
    """

    batch: ImportBatch
    school_year: int
    """The school year of the data, by its first calendar year (2021 for 2021-2022)."""
    placements: tuple[Placement, ...]
    age_rule: AgeRule
    age_rule_agreement: tuple[int, int]
    """(students whose grade evidence the age rule agrees with, students with evidence)."""
    rule_sets: tuple[RuleSet, ...] = ()

    def placed_by(self, method: PlacementMethod) -> tuple[str, ...]:
        """The ids of the students placed by ``method``."""
        return tuple(p.student_id for p in self.placements if p.method == method)


def _reject(where: Where, reason: str, student_id: str | None = None) -> RejectedRow:
    return RejectedRow(where.file, where.line, reason, student_id)


def _problems(exc: ValidationError) -> str:
    return "; ".join(str(p) for p in exc.problems)


def build_import(
    rows: RowCollector,
    source: str,
    school_year: int,
    *,
    age_rule: AgeRule | None,
    require_school_association: bool,
) -> EdfiImport:
    """Map the collected rows together into the import of ``school_year``."""
    return _Builder(rows, school_year, age_rule, require_school_association).build(source)


class _Builder:
    def __init__(
        self,
        rows: RowCollector,
        school_year: int,
        age_rule: AgeRule | None,
        require_association: bool,
    ) -> None:
        self.rows = rows
        self.year = school_year
        self.age_rule = age_rule
        self.require_association = require_association
        self.rejected: list[RejectedRow] = []
        self.unreadable: set[str] = set()

    def attempt(
        self,
        where: Where,
        student_id: str | None,
        make: Callable[..., T],
        *args: Any,
        **kwargs: Any,
    ) -> T | None:
        """``make(...)``, or ``None`` with a rejected row when the row cannot be used."""
        try:
            return make(*args, **kwargs)
        except RowError as exc:
            self.rejected.append(_reject(where, str(exc), student_id))
        except ValidationError as exc:
            self.rejected.append(_reject(where, _problems(exc), student_id))
        return None

    def schools(self) -> tuple[dict[str, SchoolRef], dict[str, frozenset[int]]]:
        refs: dict[str, SchoolRef] = {}
        offered: dict[str, frozenset[int]] = {}
        districts: dict[str, str] = {}
        for district in self.rows.districts:
            if district.name is not None:
                for key in (district.district_id, district.element_id):
                    if key is not None:
                        districts[key] = district.name
        for row in self.rows.schools:
            made = self.attempt(row.where, None, school_ref, row, districts)
            if made is not None:
                refs[made[0].id], offered[made[0].id] = made
        return refs, offered

    def catalog(self) -> Catalog:
        courses: dict[tuple[str, str | None], CatalogCourse] = {}
        for row in self.rows.courses:
            made = self.attempt(row.where, None, catalog_course, row)
            if made is None:
                continue
            key = (made.code, made.education_organization_id)
            if key in courses:
                self.rejected.append(_reject(row.where, f"course {made.code!r} is listed twice"))
            else:
                courses[key] = made
        return Catalog(courses)

    def identities(self) -> dict[str, tuple[StudentRow, PersonName, date | None]]:
        students: dict[str, tuple[StudentRow, PersonName, date | None]] = {}
        for row in self.rows.students:
            made = self.attempt(row.where, row.student_id or None, identity, row)
            if made is None:
                self.unreadable.add(row.student_id)
                continue
            if row.student_id in students:
                self.rejected.append(_reject(row.where, "student listed twice", row.student_id))
                continue
            students[row.student_id] = (row, *made)
        return students

    def known(self, where: Where, student_id: str | None, students: Mapping[str, object]) -> bool:
        if student_id is None:
            self.rejected.append(_reject(where, "StudentUniqueId is missing"))
            return False
        if student_id in self.unreadable:
            return False  # the student's own row is rejected already
        if student_id not in students:
            reason = f"student {student_id!r} is not in the student files"
            self.rejected.append(_reject(where, reason, student_id))
            return False
        return True

    def build(self, source: str) -> EdfiImport:
        schools, offered = self.schools()
        catalog = self.catalog()
        students = self.identities()
        assessments: dict[str, list[AssessmentResult]] = {}
        evidence: dict[str, list[tuple[int, int]]] = {}
        metadata = {(a.identifier, a.namespace): a for a in self.rows.assessments}
        metadata.update({(a.identifier, None): a for a in self.rows.assessments})
        for sa in self.rows.student_assessments:
            if sa.student_id is None or not self.known(sa.where, sa.student_id, students):
                continue
            sid = sa.student_id
            result = self.attempt(sa.where, sid, assessment_result, sa, metadata)
            if result is None:
                continue
            seen = assessments.setdefault(sid, [])
            if any(r.id == result.id for r in seen):
                self.rejected.append(_reject(sa.where, "the same student assessment twice", sid))
                continue
            seen.append(result)
            found = self.attempt(sa.where, sid, grade_evidence, sa)
            if found is not None:
                evidence.setdefault(sid, []).append(found)
        transcripts: dict[str, list[TranscriptRow]] = {}
        for tr in self.rows.transcripts:
            if tr.student_id is None or not self.known(tr.where, tr.student_id, students):
                continue
            transcripts.setdefault(tr.student_id, []).append(tr)
            found = self.attempt(tr.where, tr.student_id, transcript_evidence, tr)
            if found is not None:
                evidence.setdefault(tr.student_id, []).append(found)
        associations: dict[str, list[tuple[Enrollment, int, int | None]]] = {}
        for assoc in self.rows.associations:
            sid_or_none = assoc.student_id
            if sid_or_none is None or not self.known(assoc.where, sid_or_none, students):
                continue
            made = self.attempt(assoc.where, sid_or_none, association, assoc, schools, self.year)
            if made is not None:
                associations.setdefault(sid_or_none, []).append(made)

        rule, agreement = self.choose_age_rule(students, evidence)
        records: list[StudentRecord] = []
        placements: list[Placement] = []
        for sid, (row, name, birth) in students.items():
            placed = self.attempt(
                row.where,
                sid,
                self.place,
                sid,
                birth,
                associations.get(sid, []),
                evidence.get(sid, []),
                rule,
                offered,
            )
            if placed is None:
                continue
            placement, cohort = placed
            school = schools[placement.school_id]
            student = self.attempt(
                row.where,
                sid,
                Student,
                sid,
                name,
                placement.grade_level,
                cohort,
                school,
                None,
                birth,
            )
            if student is None:
                continue
            placements.append(placement)
            courses = self.courses(sid, transcripts.get(sid, []), catalog, placement.grade_level)
            records.append(
                StudentRecord(
                    student,
                    enrollments=tuple(e for e, _, _ in associations.get(sid, [])),
                    courses=courses,
                    assessments=tuple(assessments.get(sid, [])),
                )
            )
        rule_sets = self.rule_sets()
        rejected = sorted(self.rejected, key=lambda r: (r.file, r.line or 0))
        batch = ImportBatch(source, tuple(records), tuple(rejected))
        return EdfiImport(batch, self.year, tuple(placements), rule, agreement, rule_sets)

    def choose_age_rule(
        self,
        students: Mapping[str, tuple[StudentRow, PersonName, date | None]],
        evidence: Mapping[str, list[tuple[int, int]]],
    ) -> tuple[AgeRule, tuple[int, int]]:
        pairs = []
        for sid, found in evidence.items():
            birth = students[sid][2]
            if birth is not None:
                year, grade = max(found)
                pairs.append((birth, grade + (self.year - year)))
        if self.age_rule is not None:
            hits = sum(1 for born, g in pairs if self.age_rule.grade(born, self.year) == g)
            return self.age_rule, (hits, len(pairs))
        rule, hits = calibrate(pairs, self.year)
        return rule, (hits, len(pairs))

    def place(
        self,
        sid: str,
        birth: date | None,
        associations: list[tuple[Enrollment, int, int | None]],
        evidence: list[tuple[int, int]],
        rule: AgeRule,
        offered: Mapping[str, frozenset[int]],
    ) -> tuple[Placement, int]:
        if associations:
            enrollment, grade, class_of = max(associations, key=lambda a: a[0].start)
            placement = Placement(sid, PlacementMethod.ASSOCIATION, grade, enrollment.school.id)
            return placement, class_of if class_of is not None else cohort_of(grade, self.year)
        if self.require_association:
            raise RowError("the student has no StudentSchoolAssociation")
        method, grade_found = PlacementMethod.AGE, None
        if evidence:
            year, then = max(evidence)
            if 0 <= then + (self.year - year) <= 12:
                method, grade_found = PlacementMethod.EVIDENCE, then + (self.year - year)
        if grade_found is None:
            if birth is None:
                raise RowError(
                    "cannot place the student: no school association, grade evidence or birth date"
                )
            grade_found = rule.grade(birth, self.year)
        grade = grade_found
        candidates = sorted(school for school, grades in offered.items() if grade in grades)
        if not candidates:
            raise RowError(
                f"cannot place the student: no school association, and no school offers grade "
                f"{grade} (found by {method.value})"
            )
        return Placement(sid, method, grade, candidates[0]), cohort_of(grade, self.year)

    def courses(
        self, sid: str, rows: list[TranscriptRow], catalog: Catalog, grade_now: int
    ) -> tuple[CourseRecord, ...]:
        found: dict[tuple[str, Term], CourseRecord] = {}
        for tr in rows:
            record = self.attempt(tr.where, sid, course_record, tr, catalog, grade_now, self.year)
            if record is None:
                continue
            key = (record.course_code, record.term)
            if key in found:
                reason = f"course {record.course_code!r} twice in {record.term.label}"
                self.rejected.append(_reject(tr.where, reason, sid))
                continue
            found[key] = record
        return tuple(found.values())

    def rule_sets(self) -> tuple[RuleSet, ...]:
        made = (
            self.attempt(plan.where, None, plan_rule_set, plan, state="US", checked=None)
            for plan in self.rows.graduation_plans
        )
        return tuple(r for r in made if r is not None)
