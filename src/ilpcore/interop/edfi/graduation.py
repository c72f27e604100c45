"""Ed-Fi ``GraduationPlan`` -> a requirements :class:`~ilpcore.requirements.RuleSet`.

A graduation plan states the total credits required, credits by subject and
credits by course (a named set of courses).  Each subject becomes a
``credits`` requirement matching that subject (Ed-Fi subjects that map to the
same ilpcore subject, e.g. ``English`` and ``Reading``, are added together);
each course set a ``credits`` requirement matching its course codes (at least
one course when it states no credits); the total becomes the rule set's
``total_credits``.  Required assessments and credits by credit category are not
mapped.  The cohort is the plan's graduation class.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ilpcore.exceptions import DataFileError
from ilpcore.interop.edfi import descriptors
from ilpcore.interop.edfi.rows import GraduationPlanRow, RowError
from ilpcore.interop.edfi.values import (
    credits,
    descriptor_label,
    required,
    school_year_start,
    slug,
)
from ilpcore.requirements import (
    Cohort,
    CohortKind,
    CourseFilter,
    CreditsRequirement,
    CreditUnit,
    Reference,
    RuleSet,
)

__all__ = ["EDFI_GRADUATION_PLAN_URL", "graduation_plan_rule_set", "plan_rule_set"]

EDFI_GRADUATION_PLAN_URL = "https://docs.ed-fi.org/reference/data-exchange/data-standards/"
"""The Data Standard's description of graduation plans, cited by the rule sets made here."""

_SEMESTER_UNITS = frozenset({"semester hour credit"})


def graduation_plan_rule_set(
    plan: GraduationPlanRow,
    *,
    state: str = "US",
    checked: date | None = None,
) -> RuleSet:
    """The rule set a graduation plan describes.

    ``state`` starts the jurisdiction (``US-TX``); the education organization's
    id follows it (``US-TX-edfi255901``).  ``checked`` dates the reference
    (default: today).  Raises :class:`~ilpcore.exceptions.DataFileError` (the
    plan's file and line) for a bad descriptor, number or missing field,
    :class:`~ilpcore.exceptions.ValidationError` when the result is not a valid
    rule set.
    """
    try:
        return plan_rule_set(plan, state=state, checked=checked)
    except RowError as exc:
        raise DataFileError(plan.where.file, str(exc), line=plan.where.line) from None


def plan_rule_set(plan: GraduationPlanRow, *, state: str, checked: date | None) -> RuleSet:
    """:func:`graduation_plan_rule_set`, raising :class:`RowError` for a bad row."""
    plan_type = descriptor_label(required(plan.plan_type, "GraduationPlanType"))
    organization = required(plan.education_organization_id, "EducationOrganizationId")
    graduation_year = (
        school_year_start(required(plan.graduation_school_year, "GraduationSchoolYear")) + 1
    )
    total = credits(required(plan.total_credits, "TotalRequiredCredits"), "TotalRequiredCredits")
    by_subject: dict[str, tuple[list[str], Decimal]] = {}
    for subject_value, amount in plan.by_subject:
        subject = descriptors.subject(required(subject_value, "AcademicSubject"))
        names, sum_so_far = by_subject.get(subject, ([], Decimal(0)))
        names.append(descriptor_label(subject_value))
        by_subject[subject] = (names, sum_so_far + credits(required(amount, "Credits"), "Credits"))
    requirements: list[CreditsRequirement] = [
        CreditsRequirement(
            subject.replace("_", "-"),
            " and ".join(names),
            CourseFilter(subjects=frozenset({subject})),
            min_credits=amount,
        )
        for subject, (names, amount) in by_subject.items()
    ]
    for set_name, amount, codes in plan.by_course:
        if not codes:
            raise RowError(f"CreditsByCourse {set_name!r} names no course")
        needed = credits(amount, "Credits") if amount else Decimal(0)
        name = set_name or " or ".join(codes)
        requirements.append(
            CreditsRequirement(
                "courses-" + (slug(name) or "set"),
                name,
                CourseFilter(codes=frozenset(codes)),
                min_credits=needed,
                min_courses=0 if needed else 1,
            )
        )
    unit = (
        CreditUnit.SEMESTER_CREDIT
        if plan.credit_type is not None
        and descriptor_label(plan.credit_type).casefold() in _SEMESTER_UNITS
        else CreditUnit.YEAR_UNIT
    )
    return RuleSet(
        f"edfi-{slug(organization)}-{slug(plan_type)}-{graduation_year}",
        f"{state}-edfi{slug(organization)}",
        f"{plan_type} graduation plan of education organization {organization}",
        unit,
        (Cohort(CohortKind.GRADUATION_CLASS, graduation_year, graduation_year),),
        (
            Reference(
                f"Ed-Fi GraduationPlan in {_where(plan)}",
                EDFI_GRADUATION_PLAN_URL,
                checked or date.today(),
            ),
        ),
        tuple(requirements),
        total_credits=total,
    )


def _where(plan: GraduationPlanRow) -> str:
    line = "" if plan.where.line is None else f", line {plan.where.line}"
    return plan.where.file + line
