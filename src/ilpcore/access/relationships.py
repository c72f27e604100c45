"""The facts of who is related to which student, as the host application knows them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from ilpcore.access.sections import Scope
from ilpcore.model import Plan

__all__ = ["Relationships", "StudentFacts", "age_on"]


def age_on(birth_date: date, day: date) -> int:
    """Age in whole years on ``day`` (a February 29 birthday counts on March 1 in other years).

    >>> age_on(date(2008, 2, 29), date(2026, 2, 28)), age_on(date(2008, 2, 29), date(2026, 3, 1))
    (17, 18)
    """
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


@attrs.frozen
class StudentFacts:
    """What an access decision needs to know about the student whose plan is asked for."""

    student_id: str
    school_id: str
    birth_date: date | None
    parental_access_consent: bool

    @classmethod
    def of(cls, plan: Plan) -> StudentFacts:
        s = plan.student
        return cls(s.id, s.school.id, s.birth_date, plan.parental_access_consent)


def _frozen_mapping(value: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in value.items()}


@attrs.frozen
class Relationships:
    """Who is related to whom, by id (e.g. built from the district's OneRoster enrollments).

    >>> r = Relationships(guardians={"S1": {"P1"}}, caseloads={"C1": {"S1", "S2"}})
    >>> r.in_scope(Scope.CASELOAD, "C1", StudentFacts("S2", "HS1", None, False))
    True
    """

    guardians: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_frozen_mapping)
    """student id -> ids of their parents and guardians."""
    caseloads: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_frozen_mapping)
    """staff id -> ids of the students on their caseload."""
    schools: Mapping[str, frozenset[str]] = attrs.field(factory=dict, converter=_frozen_mapping)
    """staff id -> ids of the schools they work at."""

    def in_scope(self, scope: Scope, actor_id: str, student: StudentFacts) -> bool:
        """Whether the plan of ``student`` is within ``scope`` of ``actor_id``."""
        if scope is Scope.SELF:
            return actor_id == student.student_id
        if scope is Scope.GUARDIAN:
            return actor_id in self.guardians.get(student.student_id, frozenset())
        if scope is Scope.CASELOAD:
            return student.student_id in self.caseloads.get(actor_id, frozenset())
        if scope is Scope.SCHOOL:
            return student.school_id in self.schools.get(actor_id, frozenset())
        return scope is Scope.DISTRICT
