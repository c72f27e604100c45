"""Access policies as data, and the decision function.

A policy is a tuple of :class:`Grant` (role x scope x sections x actions).
Anything not granted is denied.  FERPA gives the rights over an education
record to the student at 18; from then on a guardian keeps access only if the
student consents (``Plan.parental_access_consent``).
"""

from __future__ import annotations

from datetime import date

import attrs

from ilpcore.access.relationships import Relationships, StudentFacts, age_on
from ilpcore.access.sections import Action, Scope, Section
from ilpcore.model import Role
from ilpcore.model._checks import ModelBase, check, each, instance_of, non_blank, set_of

__all__ = ["DEFAULT_POLICY", "AccessPolicy", "Decision", "Grant", "decide"]

ADULT_AGE = 18


@attrs.frozen
class Grant(ModelBase):
    """``role`` may do ``actions`` on ``sections`` of the plans within ``scope``."""

    role: Role = attrs.field(metadata=check(instance_of(Role)))
    scope: Scope = attrs.field(metadata=check(instance_of(Scope)))
    sections: frozenset[Section] = attrs.field(metadata=check(set_of(Section)))
    actions: frozenset[Action] = attrs.field(metadata=check(set_of(Action)))


@attrs.frozen
class AccessPolicy(ModelBase):
    """A named set of grants; deny by default."""

    name: str = attrs.field(metadata=check(non_blank))
    grants: tuple[Grant, ...] = attrs.field(metadata=check(each(instance_of(Grant))))


@attrs.frozen
class Decision:
    """The answer, and why, in words (for the audit log and error messages)."""

    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


def decide(
    policy: AccessPolicy,
    actor_id: str,
    role: Role,
    action: Action,
    section: Section,
    student: StudentFacts,
    relationships: Relationships,
    today: date,
) -> Decision:
    """May ``actor_id`` in ``role`` do ``action`` on ``section`` of ``student``'s plan?

    >>> facts = StudentFacts("S1", "HS1", date(2010, 3, 14), parental_access_consent=False)
    >>> family = Relationships(guardians={"S1": {"P1"}})
    >>> decide(DEFAULT_POLICY, "P1", Role.PARENT_GUARDIAN, Action.READ, Section.GOALS,
    ...        facts, family, date(2026, 1, 1))
    Decision(allowed=True, reason='parent_guardian may read goals of a student in guardian scope')
    >>> decide(DEFAULT_POLICY, "P1", Role.PARENT_GUARDIAN, Action.READ, Section.GOALS,
    ...        facts, family, date(2028, 6, 1)).reason
    'the student is 18 and has not consented to guardian access'
    """
    verb = action.value.replace("_", " ")
    for grant in policy.grants:
        if grant.role is not role or action not in grant.actions or section not in grant.sections:
            continue
        if not relationships.in_scope(grant.scope, actor_id, student):
            continue
        if (
            grant.scope is Scope.GUARDIAN
            and student.birth_date is not None
            and age_on(student.birth_date, today) >= ADULT_AGE
            and not student.parental_access_consent
        ):
            return Decision(False, "the student is 18 and has not consented to guardian access")
        return Decision(
            True,
            f"{role.value} may {verb} {section.value} of a student in {grant.scope.value} scope",
        )
    return Decision(False, f"no grant lets {role.value} {verb} {section.value} of this student")


_ALL = frozenset(Section)
_R, _W, _S = Action.READ, Action.WRITE, Action.SIGN_OFF
_STUDENT_WRITES = frozenset(
    {Section.PROFILE, Section.GOALS, Section.COURSE_PLANS, Section.PORTFOLIO,
     Section.ASSESSMENTS, Section.SAVED_LISTS}
)  # fmt: skip
_STAFF_READS = _ALL - {Section.DEMOGRAPHICS}
_ADVISOR_WRITES = frozenset({Section.GOALS, Section.REVIEWS, Section.PHASES, Section.COURSE_PLANS})
_SIS_SECTIONS = frozenset({Section.IDENTITY, Section.DEMOGRAPHICS, Section.COURSES})


def _grant(role: Role, scope: Scope, sections: frozenset[Section], *actions: Action) -> Grant:
    return Grant(role, scope, sections, frozenset(actions))


DEFAULT_POLICY = AccessPolicy(
    "ilpcore default",
    (
        # Students read all of their plan, write what is theirs to say, sign off reviews.
        _grant(Role.STUDENT, Scope.SELF, _ALL, _R),
        _grant(Role.STUDENT, Scope.SELF, _STUDENT_WRITES, _W),
        _grant(Role.STUDENT, Scope.SELF, frozenset({Section.REVIEWS}), _S),
        # Parents and guardians inspect their child's record and sign off reviews.
        _grant(Role.PARENT_GUARDIAN, Scope.GUARDIAN, _ALL, _R),
        _grant(Role.PARENT_GUARDIAN, Scope.GUARDIAN, frozenset({Section.REVIEWS}), _S),
        # Counselors guide the whole plan of their caseload; demographics come from the SIS.
        _grant(Role.COUNSELOR, Scope.CASELOAD, _ALL, _R),
        _grant(Role.COUNSELOR, Scope.CASELOAD, _ALL - _SIS_SECTIONS, _W),
        _grant(Role.COUNSELOR, Scope.CASELOAD, frozenset({Section.REVIEWS}), _S),
        # Advisors run reviews and plans for their advisees, without demographics.
        _grant(Role.ADVISOR, Scope.CASELOAD, _STAFF_READS, _R),
        _grant(Role.ADVISOR, Scope.CASELOAD, _ADVISOR_WRITES, _W),
        _grant(Role.ADVISOR, Scope.CASELOAD, frozenset({Section.REVIEWS}), _S),
        # Teachers and mentors see what helps them support the student.
        _grant(Role.TEACHER, Scope.CASELOAD,
               frozenset({Section.IDENTITY, Section.PROFILE, Section.GOALS, Section.COURSES,
                          Section.COURSE_PLANS, Section.PORTFOLIO, Section.ASSESSMENTS}), _R),
        _grant(Role.MENTOR, Scope.CASELOAD,
               frozenset({Section.IDENTITY, Section.PROFILE, Section.GOALS, Section.PORTFOLIO,
                          Section.SAVED_LISTS}), _R),
        # Administrators read plans at their school or district and keep SIS data current.
        _grant(Role.SCHOOL_ADMINISTRATOR, Scope.SCHOOL, _ALL, _R),
        _grant(Role.SCHOOL_ADMINISTRATOR, Scope.SCHOOL, _SIS_SECTIONS, _W),
        _grant(Role.DISTRICT_ADMINISTRATOR, Scope.DISTRICT, _ALL, _R),
        _grant(Role.DISTRICT_ADMINISTRATOR, Scope.DISTRICT, _SIS_SECTIONS, _W),
        # Researchers get nothing here: they work on de-identified exports.
    ),
)  # fmt: skip
"""The default policy; every cell of it is spelled out in ``tests/access``."""
