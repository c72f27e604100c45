"""Who is who: roles, names, schools and the student's identity."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    optional,
    year,
)

__all__ = ["PersonName", "Role", "SchoolRef", "Student"]


class Role(enum.Enum):
    """The part a person plays in a student's plan."""

    STUDENT = "student"
    PARENT_GUARDIAN = "parent_guardian"
    TEACHER = "teacher"
    COUNSELOR = "counselor"
    MENTOR = "mentor"
    ADVISOR = "advisor"
    SCHOOL_ADMINISTRATOR = "school_administrator"
    DISTRICT_ADMINISTRATOR = "district_administrator"
    RESEARCHER = "researcher"
    OTHER = "other"


@attrs.frozen
class PersonName(ModelBase):
    """A person's name as they want it shown.

    >>> PersonName("Maya", "Okafor", preferred="May").display
    'May Okafor'
    """

    given: str = attrs.field(metadata=check(non_blank))
    family: str = attrs.field(metadata=check(non_blank))
    middle: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    preferred: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    @property
    def display(self) -> str:
        """The preferred (or given) name followed by the family name."""
        return f"{self.preferred or self.given} {self.family}"


@attrs.frozen
class SchoolRef(ModelBase):
    """A school, by the identifier its district or state uses."""

    id: str = attrs.field(metadata=check(identifier))
    name: str = attrs.field(metadata=check(non_blank))
    state: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """Two-letter US state or territory code, e.g. ``KY``."""
    district: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if self.state is not None and not (len(self.state) == 2 and self.state.isupper()):
            yield Problem("state", f"{self.state!r} is not a two-letter upper-case state code")


@attrs.frozen
class Student(ModelBase):
    """The student a plan belongs to.

    ``cohort`` is the expected graduation year (the "class of").
    """

    id: str = attrs.field(metadata=check(identifier))
    """The local (district) student id."""
    name: PersonName = attrs.field(metadata=check(instance_of(PersonName)))
    grade_level: int = attrs.field(metadata=check(grade_level))
    cohort: int = attrs.field(metadata=check(year))
    school: SchoolRef = attrs.field(metadata=check(instance_of(SchoolRef)))
    state_id: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    birth_date: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
