"""Every cell of the default policy, written out as the specification it is."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ilpcore.access import (
    DEFAULT_POLICY,
    Action,
    Relationships,
    Section,
    StudentFacts,
    age_on,
    decide,
)
from ilpcore.model import Role

SECTIONS = (
    "identity", "profile", "demographics", "goals", "reviews", "phases", "courses",
    "course_plans", "portfolio", "assessments", "saved_lists",
)  # fmt: skip

# Per role, for each section above in order: the actions allowed in the role's own scope
# (R read, W write, S sign off).
EXPECTED = {
    Role.STUDENT:                ("R", "RW", "R", "RW", "RS", "R", "R", "RW", "RW", "RW", "RW"),
    Role.PARENT_GUARDIAN:        ("R", "R", "R", "R", "RS", "R", "R", "R", "R", "R", "R"),
    Role.COUNSELOR:              ("R", "RW", "R", "RW", "RWS", "RW", "R", "RW", "RW", "RW", "RW"),
    Role.ADVISOR:                ("R", "R", "", "RW", "RWS", "RW", "R", "RW", "R", "R", "R"),
    Role.TEACHER:                ("R", "R", "", "R", "", "", "R", "R", "R", "R", ""),
    Role.MENTOR:                 ("R", "R", "", "R", "", "", "", "", "R", "", "R"),
    Role.SCHOOL_ADMINISTRATOR:   ("RW", "R", "RW", "R", "R", "R", "RW", "R", "R", "R", "R"),
    Role.DISTRICT_ADMINISTRATOR: ("RW", "R", "RW", "R", "R", "R", "RW", "R", "R", "R", "R"),
    Role.RESEARCHER:             ("",) * 11,
    Role.OTHER:                  ("",) * 11,
}  # fmt: skip

LETTER = {Action.READ: "R", Action.WRITE: "W", Action.SIGN_OFF: "S"}
STUDENT = StudentFacts("S1", "HS1", date(2010, 3, 14), parental_access_consent=False)
TODAY = date(2026, 1, 15)


def _related(role: Role) -> tuple[str, Relationships]:
    """An actor of ``role`` who is related to student S1 the way that role usually is."""
    if role is Role.STUDENT:
        return "S1", Relationships()
    if role is Role.PARENT_GUARDIAN:
        return "P1", Relationships(guardians={"S1": frozenset({"P1"})})
    if role is Role.SCHOOL_ADMINISTRATOR:
        return "A1", Relationships(schools={"A1": frozenset({"HS1"})})
    return "X1", Relationships(caseloads={"X1": frozenset({"S1"})})


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("section", list(Section), ids=lambda s: s.value)
@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_cell(role: Role, section: Section, action: Action) -> None:
    actor, relationships = _related(role)
    expected = LETTER[action] in EXPECTED[role][SECTIONS.index(section.value)]
    decision = decide(DEFAULT_POLICY, actor, role, action, section, STUDENT, relationships, TODAY)
    assert decision.allowed is expected, decision.reason


def test_the_table_covers_every_section() -> None:
    assert sorted(SECTIONS) == sorted(s.value for s in Section)


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.DISTRICT_ADMINISTRATOR])
def test_unrelated_people_are_denied_everything(role: Role) -> None:
    stranger = Relationships(
        guardians={"S9": frozenset({"Z1"})},
        caseloads={"Z1": frozenset({"S9"})},
        schools={"Z1": frozenset({"HS9"})},
    )
    for section in Section:
        for action in Action:
            decision = decide(DEFAULT_POLICY, "Z1", role, action, section, STUDENT, stranger, TODAY)
            assert not decision.allowed
            assert "no grant" in decision.reason


def test_a_counselor_sees_only_their_caseload() -> None:
    caseloads = Relationships(caseloads={"C1": frozenset({"S2"}), "C2": frozenset({"S1"})})
    read = (Action.READ, Section.GOALS)
    assert not decide(DEFAULT_POLICY, "C1", Role.COUNSELOR, *read, STUDENT, caseloads, TODAY)
    assert decide(DEFAULT_POLICY, "C2", Role.COUNSELOR, *read, STUDENT, caseloads, TODAY)


def test_guardian_access_ends_at_18_unless_the_student_consents() -> None:
    family = Relationships(guardians={"S1": frozenset({"P1"})})
    args = ("P1", Role.PARENT_GUARDIAN, Action.READ, Section.COURSES)
    the_day_before = date(2028, 3, 13)
    birthday = date(2028, 3, 14)
    assert decide(DEFAULT_POLICY, *args, STUDENT, family, the_day_before)
    assert not decide(DEFAULT_POLICY, *args, STUDENT, family, birthday)
    consenting = StudentFacts("S1", "HS1", date(2010, 3, 14), parental_access_consent=True)
    assert decide(DEFAULT_POLICY, *args, consenting, family, birthday)


def _birthday(born: date, year: int) -> date:
    try:
        return born.replace(year=year)
    except ValueError:  # February 29 in a common year: the birthday is March 1
        return date(year, 3, 1)


@given(st.dates(date(1990, 1, 1), date(2030, 1, 1)), st.dates(date(1990, 1, 1), date(2060, 1, 1)))
def test_age_counts_the_birthdays_passed(born: date, day: date) -> None:
    assume(day >= born)
    birthdays = sum(1 for y in range(born.year + 1, day.year + 1) if _birthday(born, y) <= day)
    assert age_on(born, day) == birthdays
