"""Strategies for the student, the profile, contacts and accommodations."""

from __future__ import annotations

import functools

from hypothesis import strategies as st

from ilpcore.model import (
    GRADE_LEVEL_MAX,
    Accommodation,
    AccommodationSource,
    Aspiration,
    AspirationArea,
    Contact,
    ContactMethod,
    Demographics,
    DocumentLink,
    Enrollment,
    PersonName,
    Profile,
    RaceEthnicity,
    Role,
    SchoolRef,
    Student,
)
from ilpcore.testing.strategies._base import (
    _grades,
    _opt,
    _ordered_dates,
    _tuple,
    _unique_ids,
    dates,
    identifiers,
    texts,
)

__all__ = [
    "accommodations",
    "contacts",
    "demographics",
    "person_names",
    "profiles",
    "school_refs",
    "students",
]


@functools.cache
def person_names() -> st.SearchStrategy[PersonName]:
    return st.builds(PersonName, texts(), texts(), _opt(texts()), _opt(texts()))


@functools.cache
def school_refs() -> st.SearchStrategy[SchoolRef]:
    states = st.sampled_from(("KY", "IN", "WA", "TX", "VA", "CO", "SC"))
    return st.builds(SchoolRef, identifiers("SCH"), texts(), _opt(states), _opt(texts()))


@functools.cache
def students() -> st.SearchStrategy[Student]:
    return st.builds(
        Student,
        identifiers("S"),
        person_names(),
        _grades(),
        st.integers(2020, 2040),
        school_refs(),
        _opt(identifiers("ST")),
        _opt(dates(1995, 2020)),
    )


@functools.cache
def demographics() -> st.SearchStrategy[Demographics]:
    flag = _opt(st.booleans())
    return st.builds(
        Demographics,
        _opt(st.sampled_from(("female", "male", "nonbinary"))),
        _tuple(st.sampled_from(RaceEthnicity), unique=True),
        flag, flag, flag, flag, flag, flag, flag, flag,
        _opt(st.sampled_from(("English", "Spanish", "Somali", "Vietnamese"))),
    )  # fmt: skip


@functools.cache
@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    method = draw(_opt(st.sampled_from(ContactMethod)))
    email = draw(_opt(st.sampled_from(("parent@example.org", "c.lee@school.example"))))
    phone = draw(_opt(st.sampled_from(("+1 502 555 0100", "(859) 555-0199"))))
    if method is ContactMethod.EMAIL and email is None:
        email = "contact@example.org"
    if method in (ContactMethod.PHONE, ContactMethod.TEXT_MESSAGE) and phone is None:
        phone = "+1 502 555 0111"
    role = draw(
        st.sampled_from(
            (Role.PARENT_GUARDIAN, Role.TEACHER, Role.COUNSELOR, Role.MENTOR, Role.ADVISOR)
        )
    )
    return Contact(
        draw(identifiers("C")), draw(texts()), role, email, phone, method, draw(_opt(texts()))
    )


@functools.cache
def accommodations() -> st.SearchStrategy[Accommodation]:
    link = st.builds(DocumentLink, st.just("https://sis.example/iep/123"), _opt(texts()))
    return st.builds(
        Accommodation,
        identifiers("ACC"),
        st.sampled_from(AccommodationSource),
        texts(),
        st.booleans(),
        _opt(link),
    )


@functools.cache
@st.composite
def _enrollments(draw: st.DrawFn) -> Enrollment:
    start, end = draw(_ordered_dates())
    first = draw(_opt(_grades()))
    last = None if first is None else draw(_opt(st.integers(first, GRADE_LEVEL_MAX)))
    return Enrollment(draw(school_refs()), start, end, first, last)


@functools.cache
def profiles() -> st.SearchStrategy[Profile]:
    return st.builds(
        Profile,
        _tuple(texts()),
        _tuple(texts()),
        _tuple(texts()),
        _tuple(st.builds(Aspiration, st.sampled_from(AspirationArea), texts())),
        _tuple(texts()),
        _tuple(_enrollments(), 3),
        _unique_ids(contacts()),
        _unique_ids(accommodations(), 2),
    )
