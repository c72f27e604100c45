"""Who the student is: strengths, interests, aspirations, history, contacts, accommodations."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    boolean,
    check,
    each,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    not_before,
    optional,
    unique,
)
from ilpcore.model.people import Role, SchoolRef

__all__ = [
    "Accommodation",
    "AccommodationSource",
    "Aspiration",
    "AspirationArea",
    "Contact",
    "ContactMethod",
    "DocumentLink",
    "Enrollment",
    "Profile",
]


class AspirationArea(enum.Enum):
    """The areas of life ILP statutes name for a student's aspirations."""

    ACADEMIC = "academic"
    CAREER = "career"
    PERSONAL = "personal"
    SOCIAL = "social"
    CULTURAL = "cultural"
    ARTISTIC = "artistic"


@attrs.frozen
class Aspiration(ModelBase):
    """Something the student hopes for, in their own words, in one area of life."""

    area: AspirationArea = attrs.field(metadata=check(instance_of(AspirationArea)))
    text: str = attrs.field(metadata=check(non_blank))


@attrs.frozen
class Enrollment(ModelBase):
    """A school the student attended, with dates; ``end`` is ``None`` while enrolled."""

    school: SchoolRef = attrs.field(metadata=check(instance_of(SchoolRef)))
    start: date = attrs.field(metadata=check(a_date))
    end: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    first_grade_level: int | None = attrs.field(default=None, metadata=check(optional(grade_level)))
    last_grade_level: int | None = attrs.field(default=None, metadata=check(optional(grade_level)))

    def _check(self) -> Iterable[Problem]:
        yield from not_before("end", "start", self.end, self.start)
        yield from not_before(
            "last_grade_level", "first_grade_level", self.last_grade_level, self.first_grade_level
        )


class ContactMethod(enum.Enum):
    """How a contact prefers to be reached."""

    EMAIL = "email"
    PHONE = "phone"
    TEXT_MESSAGE = "text_message"
    MAIL = "mail"
    IN_PERSON = "in_person"


_CONTACT_ROLES = frozenset(
    {Role.PARENT_GUARDIAN, Role.TEACHER, Role.COUNSELOR, Role.MENTOR, Role.ADVISOR, Role.OTHER}
)


@attrs.frozen
class Contact(ModelBase):
    """A person who supports the student, and how to reach them."""

    id: str = attrs.field(metadata=check(identifier))
    name: str = attrs.field(metadata=check(non_blank))
    role: Role = attrs.field(metadata=check(instance_of(Role)))
    email: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    phone: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    preferred_method: ContactMethod | None = attrs.field(
        default=None, metadata=check(optional(instance_of(ContactMethod)))
    )
    relationship: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """E.g. ``mother``, ``grandfather``, ``AP Biology teacher``."""

    def _check(self) -> Iterable[Problem]:
        if self.role not in _CONTACT_ROLES:
            allowed = ", ".join(sorted(r.value for r in _CONTACT_ROLES))
            yield Problem("role", f"{self.role.value!r} is not a contact role ({allowed})")
        if self.email is not None and "@" not in self.email:
            yield Problem("email", f"{self.email!r} is not an e-mail address")
        if self.preferred_method is ContactMethod.EMAIL and self.email is None:
            yield Problem("email", "is needed when the preferred method is email")
        if self.preferred_method in (ContactMethod.PHONE, ContactMethod.TEXT_MESSAGE) and (
            self.phone is None
        ):
            yield Problem("phone", "is needed when the preferred method is phone or text message")


class AccommodationSource(enum.Enum):
    """The legal document an accommodation comes from."""

    IEP = "iep"
    """An Individualized Education Program (IDEA)."""
    SECTION_504 = "section_504"
    """A Section 504 plan (Rehabilitation Act)."""
    OTHER = "other"


@attrs.frozen
class DocumentLink(ModelBase):
    """A reference to a document kept elsewhere (an IEP is never copied into the plan)."""

    uri: str = attrs.field(metadata=check(non_blank))
    title: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


@attrs.frozen
class Accommodation(ModelBase):
    """An accommodation for a student with a disability.

    ``transition_related`` marks items that belong to the IEP's transition plan
    (required from age 16 under IDEA), which the ILP should reflect.
    """

    id: str = attrs.field(metadata=check(identifier))
    source: AccommodationSource = attrs.field(metadata=check(instance_of(AccommodationSource)))
    description: str = attrs.field(metadata=check(non_blank))
    transition_related: bool = attrs.field(default=False, metadata=check(boolean))
    document: DocumentLink | None = attrs.field(
        default=None, metadata=check(optional(instance_of(DocumentLink)))
    )


_texts = check(each(non_blank))


@attrs.frozen
class Profile(ModelBase):
    """What the student says about themselves, and who supports them."""

    strengths: tuple[str, ...] = attrs.field(default=(), metadata=_texts)
    weaknesses: tuple[str, ...] = attrs.field(default=(), metadata=_texts)
    interests: tuple[str, ...] = attrs.field(default=(), metadata=_texts)
    aspirations: tuple[Aspiration, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Aspiration)))
    )
    learning_preferences: tuple[str, ...] = attrs.field(default=(), metadata=_texts)
    education_history: tuple[Enrollment, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Enrollment)))
    )
    contacts: tuple[Contact, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Contact)), unique("id"))
    )
    accommodations: tuple[Accommodation, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(Accommodation)), unique("id"))
    )
