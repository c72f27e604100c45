"""A rule set: one diploma (or endorsement, or district overlay) for a range of cohorts."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    each,
    identifier,
    instance_of,
    non_blank,
    non_negative_decimal,
    optional,
    year,
)
from ilpcore.requirements.marks import MarkScale
from ilpcore.requirements.rules import (
    ChooseRequirement,
    CourseRequirement,
    CreditsRequirement,
    Requirement,
    TimingRequirement,
    check_siblings,
)

__all__ = [
    "Cohort",
    "CohortKind",
    "CreditUnit",
    "Reference",
    "RuleSet",
    "RuleSetKind",
    "walk",
]

_JURISDICTION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?(-[A-Za-z0-9.]+)*")
YEARS_OF_HIGH_SCHOOL = 4
"""Entry year (fall of grade 9) + 4 = graduation class."""


class CreditUnit(enum.Enum):
    YEAR_UNIT = "year_unit"
    """One credit is a year-long course (most states)."""
    SEMESTER_CREDIT = "semester_credit"
    """One credit is a semester-long course (Indiana)."""


class CohortKind(enum.Enum):
    ENTRY_YEAR = "entry_year"
    """The school year the student first entered grade 9 (named by its first calendar year)."""
    GRADUATION_CLASS = "graduation_class"


class RuleSetKind(enum.Enum):
    DIPLOMA = "diploma"
    VARIANT = "variant"
    """A different diploma built on a base (e.g. Academic Honors on Core 40)."""
    ENDORSEMENT = "endorsement"
    OVERLAY = "overlay"
    """A district's additions to the state minimum."""


@attrs.frozen
class Cohort(ModelBase):
    """The students a rule set applies to: a range of entry years or graduation classes.

    >>> c = Cohort(CohortKind.ENTRY_YEAR, 2019, 2024)
    >>> c.contains(2023), c.contains(2029)
    (True, False)
    """

    kind: CohortKind = attrs.field(metadata=check(instance_of(CohortKind)))
    first: int = attrs.field(metadata=check(year))
    last: int | None = attrs.field(default=None, metadata=check(optional(year)))
    """Inclusive; ``None``: still in force."""

    def _check(self) -> Iterable[Problem]:
        if self.last is not None and self.last < self.first:
            yield Problem("last", f"{self.last} is before first {self.first}")

    @property
    def classes(self) -> tuple[int, int | None]:
        """The first and last graduation class (``None``: open-ended)."""
        shift = YEARS_OF_HIGH_SCHOOL if self.kind is CohortKind.ENTRY_YEAR else 0
        return self.first + shift, None if self.last is None else self.last + shift

    def contains(self, graduation_class: int) -> bool:
        """Whether the class of ``graduation_class`` is in this cohort."""
        first, last = self.classes
        return first <= graduation_class and (last is None or graduation_class <= last)


@attrs.frozen
class Reference(ModelBase):
    """A source of a rule set (statute, regulation, board policy) and when it was checked."""

    title: str = attrs.field(metadata=check(non_blank))
    url: str = attrs.field(metadata=check(non_blank))
    checked: date = attrs.field(metadata=check(a_date))
    note: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if not self.url.startswith(("https://", "http://")):
            yield Problem("url", f"{self.url!r} is not an http(s) URL")


@attrs.frozen
class RuleSet(ModelBase):
    """One diploma's requirements for a range of cohorts, with the sources they come from.

    A rule set that ``extends`` another is resolved (see
    :func:`ilpcore.requirements.registry.resolve`) by taking the base's
    requirements, dropping those named in ``remove``, replacing those whose id
    it redefines at the top level and appending the rest.
    """

    id: str = attrs.field(metadata=check(identifier))
    jurisdiction: str = attrs.field(metadata=check(non_blank))
    """ISO 3166-2 style, e.g. ``US-KY``; district overlays append a part (``US-WA-cashmere``)."""
    diploma: str = attrs.field(metadata=check(non_blank))
    credit_unit: CreditUnit = attrs.field(metadata=check(instance_of(CreditUnit)))
    cohorts: tuple[Cohort, ...] = attrs.field(metadata=check(each(instance_of(Cohort))))
    references: tuple[Reference, ...] = attrs.field(metadata=check(each(instance_of(Reference))))
    requirements: tuple[Requirement, ...] = attrs.field(default=())
    kind: RuleSetKind = attrs.field(
        default=RuleSetKind.DIPLOMA, metadata=check(instance_of(RuleSetKind))
    )
    extends: str | None = attrs.field(default=None, metadata=check(optional(identifier)))
    remove: tuple[str, ...] = attrs.field(default=(), metadata=check(each(identifier)))
    total_credits: Decimal | None = attrs.field(
        default=None, metadata=check(optional(non_negative_decimal))
    )
    min_mark: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """A minimum mark for every counted course (e.g. Indiana Academic Honors: C)."""
    scale: MarkScale = attrs.field(factory=MarkScale, metadata=check(instance_of(MarkScale)))
    share: tuple[tuple[str, ...], ...] = attrs.field(default=())
    decisions: tuple[str, ...] = attrs.field(default=(), metadata=check(each(non_blank)))
    """Choices made where sources conflict or are unclear, and why."""
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if not _JURISDICTION.fullmatch(self.jurisdiction):
            yield Problem("jurisdiction", f"{self.jurisdiction!r} is not like US-KY")
        if not self.cohorts:
            yield Problem("cohorts", "must name at least one cohort")
        if not self.references:
            yield Problem("references", "must cite at least one source")
        if self.extends is None and self.kind is not RuleSetKind.DIPLOMA:
            yield Problem("extends", f"a {self.kind.value} must name the rule set it extends")
        yield from check_siblings(self.requirements, self.share, "requirements")
        marks = [("min_mark", self.min_mark)] + [
            (f"{path}.min_mark", r.min_mark)
            for path, r in walk(self.requirements, "requirements")
            if isinstance(r, CreditsRequirement | CourseRequirement | TimingRequirement)
            and r.min_mark is not None
        ]
        for path, mark in marks:
            if mark is not None and (msg := self.scale.check_mark(mark)) is not None:
                yield Problem(path, msg)
        for path, r in walk(self.requirements, "requirements"):
            if isinstance(r, TimingRequirement):
                for j, g in enumerate(r.grade_levels):
                    if not 0 <= g <= 12:
                        yield Problem(f"{path}.grade_levels[{j}]", f"{g} is not a grade level")

    @property
    def cohort_label(self) -> str:
        parts = []
        for c in self.cohorts:
            first, last = c.classes
            parts.append(f"class of {first}" + ("+" if last is None else f"-{last}"))
        return ", ".join(parts)


def walk(requirements: tuple[Requirement, ...], prefix: str) -> Iterator[tuple[str, Requirement]]:
    """Every requirement with its path in the rule file (``requirements[2].children[0]``)."""
    for i, r in enumerate(requirements):
        path = f"{prefix}[{i}]"
        yield path, r
        if isinstance(r, CreditsRequirement | ChooseRequirement):
            yield from walk(r.children, f"{path}.children")
