"""Users, demographics and orgs rows as ilpcore values; every problem is a reason string."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import attrs

from ilpcore.exceptions import ValidationError
from ilpcore.interop.oneroster.csvfile import Row
from ilpcore.interop.oneroster.spec import COHORT_COLUMN, ROLE_OF, STATE_COLUMN, grade_of
from ilpcore.model import (
    Contact,
    Demographics,
    PersonName,
    RaceEthnicity,
    Role,
    SchoolRef,
    Student,
)
from ilpcore.model._checks import identifier

__all__ = [
    "RACE_COLUMNS",
    "SEX_FROM_ONEROSTER",
    "BadRowError",
    "StaffMember",
    "contact_of",
    "demographics_of",
    "name_of",
    "person_id",
    "school_of",
    "staff_of",
    "student_of",
]

RACE_COLUMNS: tuple[tuple[str, RaceEthnicity], ...] = (
    ("americanIndianOrAlaskaNative", RaceEthnicity.AMERICAN_INDIAN_OR_ALASKA_NATIVE),
    ("asian", RaceEthnicity.ASIAN),
    ("blackOrAfricanAmerican", RaceEthnicity.BLACK_OR_AFRICAN_AMERICAN),
    (
        "nativeHawaiianOrOtherPacificIslander",
        RaceEthnicity.NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER,
    ),
    ("white", RaceEthnicity.WHITE),
)
"""demographics.csv race columns, in the order ilpcore lists races."""

SEX_FROM_ONEROSTER = {"male": "male", "female": "female", "other": "other", "unspecified": None}
"""demographics.csv ``sex`` -> :attr:`Demographics.sex` (``unspecified``: not recorded)."""


class BadRowError(Exception):
    """A row that cannot be used; the message is the reason (caught within this package)."""


@attrs.frozen
class StaffMember:
    """A member of staff as a roster lists them: id, name and ilpcore role."""

    id: str
    name: PersonName
    role: Role


def person_id(row: Row) -> str:
    """The id ilpcore gives a user or org: its ``identifier``, else its ``sourcedId``."""
    value = row.text("identifier") or row.text("sourcedId")
    if identifier(value) is not None:
        raise BadRowError(f"{value!r} is not a valid id for ilpcore (identifier, else sourcedId)")
    return value


def _optional(row: Row, column: str) -> str | None:
    value = row[column]
    return value if value.strip() else None


def _required(row: Row, column: str) -> str:
    value = _optional(row, column)
    if value is None:
        raise BadRowError(f"{column} is empty")
    return value


T = TypeVar("T")


def _built(build: type[T], *args: object, **kwargs: object) -> T:
    try:
        return build(*args, **kwargs)
    except ValidationError as e:
        raise BadRowError(str(e)) from None


def _date(row: Row, column: str) -> date | None:
    text = row.text(column)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRowError(f"{column} {text!r} is not a date (YYYY-MM-DD)") from None


def _flag(row: Row, column: str) -> bool | None:
    text = row.text(column).lower()
    if text in ("", "unspecified"):
        return None
    if text in ("true", "false"):
        return text == "true"
    raise BadRowError(f"{column} {row.text(column)!r} is not true or false")


def school_of(row: Row, district: str | None) -> SchoolRef:
    """The school of an orgs.csv row of type school, in the district named ``district``."""
    state = row.text(STATE_COLUMN) or None
    return _built(SchoolRef, person_id(row), _required(row, "name"), state, district)


def name_of(row: Row) -> PersonName:
    return _built(
        PersonName,
        _required(row, "givenName"),
        _required(row, "familyName"),
        _optional(row, "middleName"),
        _optional(row, "preferredGivenName"),
    )


def _state_id(row: Row) -> str | None:
    for item in row.list("userIds"):
        kind, _, value = item.strip("{}").partition(":")
        if kind.strip() == "stateId" and value.strip():
            return value.strip()
    return None


def student_of(row: Row, school: SchoolRef, school_year: int, birth_date: date | None) -> Student:
    """The student of a users.csv row; ``school_year`` (the year it ends) dates the grade."""
    grades = row.list("grades")
    if not grades:
        raise BadRowError("grades is empty: a student needs a grade level")
    grade = grade_of(grades[0])
    if grade is None:
        raise BadRowError(f"grade {grades[0]!r} is not a K-12 grade (KG, 01 ... 12)")
    cohort_text = row.text(COHORT_COLUMN)
    if cohort_text:
        if not cohort_text.isdigit():
            raise BadRowError(f"{COHORT_COLUMN} {cohort_text!r} is not a year")
        cohort = int(cohort_text)
    else:
        cohort = school_year + 12 - grade
    return _built(
        Student, person_id(row), name_of(row), grade, cohort, school, _state_id(row), birth_date
    )


def contact_of(row: Row, role: str) -> Contact:
    """A parent, guardian or relative as a student's contact."""
    given, family = _required(row, "givenName"), _required(row, "familyName")
    name = given if given == family else f"{given} {family}"
    phone = _optional(row, "phone") or _optional(row, "sms")
    return _built(
        Contact, person_id(row), name, Role.PARENT_GUARDIAN, _optional(row, "email"), phone,
        relationship="relative" if role == "relative" else None,
    )  # fmt: skip


def staff_of(row: Row, role: str) -> StaffMember:
    return StaffMember(person_id(row), name_of(row), ROLE_OF[role])


def demographics_of(row: Row) -> tuple[Demographics | None, date | None]:
    """A demographics.csv row as demographics (``None`` if it records none) and birth date."""
    sex_text = row.text("sex")
    if sex_text and sex_text not in SEX_FROM_ONEROSTER:
        raise BadRowError(f"sex {sex_text!r} is not male, female, other or unspecified")
    flags = {column: _flag(row, column) for column, _ in RACE_COLUMNS}
    races = tuple(race for column, race in RACE_COLUMNS if flags[column])
    demographics = _built(
        Demographics,
        sex=SEX_FROM_ONEROSTER.get(sex_text),
        races=races,
        hispanic_or_latino=_flag(row, "hispanicOrLatinoEthnicity"),
    )
    return (None if demographics == Demographics() else demographics), _date(row, "birthDate")
