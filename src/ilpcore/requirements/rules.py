"""The requirement tree of a rule set: frozen, declarative, loaded from TOML or JSON.

Every requirement has an ``id`` unique among its siblings; the ids from the root
form the requirement's stable *path* (``english/english-1``).  Course-counting
requirements (``credits``, ``course``, ``choose``) take part in the assignment of
courses; the others (``timing``, ``gpa``, ``assessment``, ``milestone``) are
checked against the whole record and never consume a course.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model import CourseAttribute, CourseRecord
from ilpcore.model._checks import (
    ModelBase,
    check,
    each,
    finite_decimal,
    identifier,
    instance_of,
    non_blank,
    non_negative_decimal,
    non_negative_int,
    optional,
    positive_int,
    set_of,
)

__all__ = [
    "AssessmentRequirement",
    "Cap",
    "ChooseRequirement",
    "CourseFilter",
    "CourseRequirement",
    "CreditsRequirement",
    "GpaRequirement",
    "MilestoneRequirement",
    "Requirement",
    "ScoreAlternative",
    "ScoreMinimum",
    "TimingRequirement",
    "check_siblings",
]


@attrs.frozen
class CourseFilter(ModelBase):
    """Which courses a requirement accepts.

    A course matches when its subject, code or title is one of those listed (any
    of the three; all empty means every course), it has every one of
    ``attributes`` and at least one of ``any_attributes`` (when given), it is in
    one of ``grade_levels`` (when given), its code is not excluded, and, with
    ``ilp_aligned``, its code is in the student's set of ILP-aligned courses.

    >>> from ilpcore.model import Term
    >>> alg = CourseRecord("MA1", "Algebra I", "mathematics", Term(2024), 9, Decimal(1))
    >>> CourseFilter(subjects=frozenset({"mathematics"})).matches(alg, frozenset())
    True
    >>> CourseFilter(titles=frozenset({"algebra i"}), ilp_aligned=True).matches(alg, frozenset())
    False
    """

    subjects: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))
    codes: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))
    titles: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))
    """Compared case-insensitively."""
    attributes: frozenset[CourseAttribute] = attrs.field(
        default=frozenset(), metadata=check(set_of(CourseAttribute))
    )
    any_attributes: frozenset[CourseAttribute] = attrs.field(
        default=frozenset(), metadata=check(set_of(CourseAttribute))
    )
    ilp_aligned: bool = attrs.field(default=False, metadata=check(instance_of(bool)))
    grade_levels: frozenset[int] = attrs.field(default=frozenset(), metadata=check(set_of(int)))
    exclude_codes: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))

    def matches(self, course: CourseRecord, ilp_aligned: frozenset[str]) -> bool:
        """Whether ``course`` is accepted (``ilp_aligned``: the student's ILP-aligned codes)."""
        if self.subjects or self.codes or self.titles:
            title = course.title.casefold()
            if not (
                course.subject in self.subjects
                or course.course_code in self.codes
                or any(t.casefold() == title for t in self.titles)
            ):
                return False
        if course.course_code in self.exclude_codes:
            return False
        if not self.attributes <= course.attributes:
            return False
        if self.any_attributes and not self.any_attributes & course.attributes:
            return False
        if self.grade_levels and course.grade_level not in self.grade_levels:
            return False
        return not (self.ilp_aligned and course.course_code not in ilp_aligned)


@attrs.frozen
class Cap(ModelBase):
    """At most ``max_credits`` of the courses matching ``match`` count toward the requirement."""

    match: CourseFilter = attrs.field(metadata=check(instance_of(CourseFilter)))
    max_credits: Decimal = attrs.field(metadata=check(non_negative_decimal))
    title: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))


def _share_groups(value: object) -> str | None:
    if not isinstance(value, tuple) or not all(
        isinstance(g, tuple) and len(g) >= 2 and all(isinstance(i, str) for i in g) for g in value
    ):
        return "must be a list of groups, each of two or more requirement ids"
    return None


@attrs.frozen
class CreditsRequirement(ModelBase):
    """Credits (and/or a number of courses) from an area; may hold sub-requirements.

    A course counted by a child also counts here and toward the total; among
    siblings a course counts once unless they are listed together in ``share``.
    """

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    match: CourseFilter = attrs.field(
        factory=CourseFilter, metadata=check(instance_of(CourseFilter))
    )
    min_credits: Decimal = attrs.field(default=Decimal(0), metadata=check(non_negative_decimal))
    min_courses: int = attrs.field(default=0, metadata=check(non_negative_int))
    max_credits: Decimal | None = attrs.field(
        default=None, metadata=check(optional(non_negative_decimal))
    )
    """A cap: at most this many credits count here (courses are never split)."""
    min_mark: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    caps: tuple[Cap, ...] = attrs.field(default=(), metadata=check(each(instance_of(Cap))))
    children: tuple[Requirement, ...] = attrs.field(default=())
    share: tuple[tuple[str, ...], ...] = attrs.field(default=(), metadata=check(_share_groups))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["credits"] = "credits"

    def _check(self) -> Iterable[Problem]:
        if self.max_credits is not None and self.max_credits < self.min_credits:
            yield Problem("max_credits", f"{self.max_credits} is below min_credits")
        yield from check_siblings(self.children, self.share)


@attrs.frozen
class CourseRequirement(ModelBase):
    """A named course or any of its equivalents (by code or title), with an optional min mark."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    codes: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))
    titles: frozenset[str] = attrs.field(default=frozenset(), metadata=check(set_of(str)))
    min_mark: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    min_credits: Decimal = attrs.field(default=Decimal(0), metadata=check(non_negative_decimal))
    """Credits the course (or its equivalents together) must carry; 0: any one course."""
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["course"] = "course"

    def _check(self) -> Iterable[Problem]:
        if not self.codes and not self.titles:
            yield Problem("codes", "a course requirement needs at least one code or title")

    @property
    def match(self) -> CourseFilter:
        return CourseFilter(codes=self.codes, titles=self.titles)


@attrs.frozen
class ChooseRequirement(ModelBase):
    """At least ``n`` of the sub-requirements."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    n: int = attrs.field(metadata=check(positive_int))
    children: tuple[Requirement, ...] = attrs.field(default=())
    share: tuple[tuple[str, ...], ...] = attrs.field(default=(), metadata=check(_share_groups))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["choose"] = "choose"

    def _check(self) -> Iterable[Problem]:
        if self.n > len(self.children):
            yield Problem("n", f"{self.n} is more than the {len(self.children)} options")
        yield from check_siblings(self.children, self.share)


@attrs.frozen
class TimingRequirement(ModelBase):
    """A matching course in each of ``grade_levels`` (e.g. math every year, or in grade 12)."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    match: CourseFilter = attrs.field(metadata=check(instance_of(CourseFilter)))
    grade_levels: tuple[int, ...] = attrs.field(metadata=check(each(instance_of(int))))
    min_mark: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["timing"] = "timing"

    def _check(self) -> Iterable[Problem]:
        if not self.grade_levels:
            yield Problem("grade_levels", "must name at least one grade level")


@attrs.frozen
class GpaRequirement(ModelBase):
    """A minimum grade-point average over completed, graded courses (letter scales)."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    min_gpa: Decimal = attrs.field(metadata=check(non_negative_decimal))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["gpa"] = "gpa"


@attrs.frozen
class ScoreMinimum(ModelBase):
    """A cut score on one scale of an instrument."""

    scale: str = attrs.field(metadata=check(non_blank))
    min_score: Decimal = attrs.field(metadata=check(finite_decimal))


@attrs.frozen
class ScoreAlternative(ModelBase):
    """One way to pass an assessment requirement: every listed score on one instrument."""

    instrument: str = attrs.field(metadata=check(identifier))
    minimums: tuple[ScoreMinimum, ...] = attrs.field(
        metadata=check(each(instance_of(ScoreMinimum)))
    )
    label: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if not self.minimums:
            yield Problem("minimums", "must list at least one score")


@attrs.frozen
class AssessmentRequirement(ModelBase):
    """Any one of: an instrument's cut scores, or one of the accepted milestones."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    alternatives: tuple[ScoreAlternative, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(ScoreAlternative)))
    )
    milestones: tuple[str, ...] = attrs.field(default=(), metadata=check(each(identifier)))
    """Milestone ids also accepted (e.g. ``collection-of-evidence``)."""
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["assessment"] = "assessment"

    def _check(self) -> Iterable[Problem]:
        if not self.alternatives and not self.milestones:
            yield Problem("alternatives", "must list at least one score or milestone")


@attrs.frozen
class MilestoneRequirement(ModelBase):
    """A non-course milestone: any one of the accepted ids (plan, FAFSA or opt-out, CPR...)."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    accepts: tuple[str, ...] = attrs.field(metadata=check(each(identifier)))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    kind: Literal["milestone"] = "milestone"

    def _check(self) -> Iterable[Problem]:
        if not self.accepts:
            yield Problem("accepts", "must accept at least one milestone id")


Requirement = (
    CreditsRequirement
    | CourseRequirement
    | ChooseRequirement
    | TimingRequirement
    | GpaRequirement
    | AssessmentRequirement
    | MilestoneRequirement
)
"""Any node of a requirement tree (tagged by ``kind`` in rule files)."""

REQUIREMENT_TYPES: tuple[type, ...] = (
    CreditsRequirement,
    CourseRequirement,
    ChooseRequirement,
    TimingRequirement,
    GpaRequirement,
    AssessmentRequirement,
    MilestoneRequirement,
)


def check_siblings(
    children: tuple[Requirement, ...],
    share: tuple[tuple[str, ...], ...],
    field: str = "children",
) -> Iterable[Problem]:
    """Children are requirements with unique ids; share groups name children."""
    seen: dict[str, int] = {}
    for i, child in enumerate(children):
        if not isinstance(child, REQUIREMENT_TYPES):
            yield Problem(f"{field}[{i}]", f"must be a requirement, not {type(child).__name__}")
            continue
        if child.id in seen:
            yield Problem(
                f"{field}[{i}].id", f"duplicate id {child.id!r} (first at [{seen[child.id]}])"
            )
        seen.setdefault(child.id, i)
    for g, group in enumerate(share):
        for j, name in enumerate(group):
            if name not in seen:
                yield Problem(f"share[{g}][{j}]", f"{name!r} is not a sibling requirement id")
