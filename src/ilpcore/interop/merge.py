"""Merging what a source system says about a student into the student's plan.

The merge is a fixed point: merging the same record into its own result gives
the same plan, which is what makes imports idempotent.  Items are matched by
key and replaced in place; new items are appended in source order; items the
source does not mention (courses a student planned, assessments entered by
hand) are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar, cast

import attrs
from attrs import AttrsInstance, evolve

from ilpcore.interop.batch import StudentRecord
from ilpcore.model import CourseRecord, Demographics, Plan

__all__ = ["merge_student"]

T = TypeVar("T")
A = TypeVar("A", bound=AttrsInstance)


def course_key(course: CourseRecord) -> Hashable:
    """A course on a transcript is one course code in one term."""
    return (course.course_code, course.term)


def _replace(existing: T, incoming: T) -> T:
    return incoming


def _merged(
    existing: Sequence[T],
    incoming: Sequence[T],
    key: Callable[[T], Hashable],
    combine: Callable[[T, T], T] = _replace,
) -> tuple[T, ...]:
    if not incoming:
        return tuple(existing)
    by_key = {key(item): item for item in incoming}
    out = [
        item if (new := by_key.pop(key(item), None)) is None else combine(item, new)
        for item in existing
    ]
    out.extend(by_key.values())  # the incoming items not matched, in source order
    return tuple(out)


def _overlaid(existing: A, incoming: A) -> A:
    """``existing`` with every fact ``incoming`` states (a value that is not ``None`` nor an
    empty tuple): a source that does not carry a fact (a roster has no preferred contact
    method, OneRoster no English-learner flag) leaves the one a plan has."""
    changes = {
        f.name: value
        for f in attrs.fields(type(incoming))
        if (value := getattr(incoming, f.name)) is not None and value != ()
    }
    merged: A = evolve(cast(Any, existing), **changes)  # mypy's attrs plugin needs a class
    return merged


def _merged_demographics(existing: Demographics | None, incoming: Demographics) -> Demographics:
    """``incoming``'s facts over ``existing``'s; the order of races means nothing."""
    if existing is None:
        return incoming
    merged = _overlaid(existing, incoming)
    if set(incoming.races) == set(existing.races):
        merged = evolve(merged, races=existing.races)
    return merged


def merge_student(plan: Plan | None, record: StudentRecord) -> Plan:
    """``plan`` updated with ``record`` (or a new plan for a student without one).

    The student's identity is replaced (but a state id or birth date the
    record lacks is kept); consent is replaced when the record has
    it, and each demographic fact the record has (not ``None``, races not
    empty) replaces the plan's; courses (by code and term), assessments and
    enrollments (by school and start date) are replaced in place or appended;
    contacts (by id) too, keeping what the plan says where the record's
    contact says nothing.  The plan's revision is kept.
    """
    if plan is None:
        plan = Plan(record.student)
    student = _overlaid(plan.student, record.student)
    profile = plan.profile
    contacts = _merged(profile.contacts, record.contacts, lambda c: c.id, _overlaid)
    history = _merged(
        profile.education_history, record.enrollments, lambda e: (e.school.id, e.start)
    )
    if contacts != profile.contacts or history != profile.education_history:
        profile = evolve(profile, contacts=contacts, education_history=history)
    changes: dict[str, Any] = {}
    if student != plan.student:
        changes["student"] = student
    if profile is not plan.profile:
        changes["profile"] = profile
    if record.demographics is not None:
        demographics = _merged_demographics(plan.demographics, record.demographics)
        if demographics != plan.demographics:
            changes["demographics"] = demographics
    if (
        record.parental_access_consent is not None
        and record.parental_access_consent != plan.parental_access_consent
    ):
        changes["parental_access_consent"] = record.parental_access_consent
    courses = _merged(plan.courses, record.courses, course_key)
    if courses != plan.courses:
        changes["courses"] = courses
    assessments = _merged(plan.assessments, record.assessments, lambda a: a.id)
    if assessments != plan.assessments:
        changes["assessments"] = assessments
    return evolve(plan, **changes) if changes else plan
