"""The resume spec: what the student chooses to show on the resume built from their plan.

The resume itself is *built* from the plan (:mod:`ilpcore.resume`); the spec is the small part
the student controls and keeps: which sections, in what order, which entries to leave out or
put first, their own wording for an entry, the contact details to show, the objective, and
whether to show the GPA.  Entries are named by *entry id*: an activity's id, ``course:<code>``
for a course, ``skill:<skill in lower case>``, ``interest:<interest>``, ``education`` for the
school entry.

>>> spec = ResumeSpec(sections=(ResumeSection.CONTACT, ResumeSection.EDUCATION), show_gpa=True)
>>> [s.value for s in spec.sections]
['contact', 'education']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    boolean,
    check,
    each,
    instance_of,
    non_blank,
    optional,
    unique,
)

__all__ = ["EntryOverride", "ResumeContact", "ResumeSection", "ResumeSpec"]


class ResumeSection(enum.Enum):
    """The sections a resume can have, in their usual order."""

    CONTACT = "contact"
    OBJECTIVE = "objective"
    EDUCATION = "education"
    WORK_EXPERIENCE = "work_experience"
    COMMUNITY_SERVICE = "community_service"
    ACTIVITIES = "activities"
    """Activities and leadership: extracurriculars, leadership roles, career activities."""
    AWARDS = "awards"
    SKILLS = "skills"
    INTERESTS = "interests"


def _unique_values(value: object) -> str | list[Problem] | None:
    if not isinstance(value, tuple):
        return f"must be a tuple, not {type(value).__name__}"
    seen: dict[object, int] = {}
    problems = []
    for i, item in enumerate(value):
        if item in seen:
            problems.append(Problem(f"[{i}]", f"repeats {item!r} (first at [{seen[item]}])"))
        else:
            seen[item] = i
    return problems or None


@attrs.frozen
class ResumeContact(ModelBase):
    """The student's own contact details to print on the resume (all optional)."""

    email: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    phone: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    location: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """How the student wants their location shown, e.g. ``Lexington, KY``."""
    url: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """A personal web page or online portfolio."""

    def _check(self) -> Iterable[Problem]:
        if self.email is not None and "@" not in self.email:
            yield Problem("email", f"{self.email!r} is not an e-mail address")


@attrs.frozen
class EntryOverride(ModelBase):
    """The student's own wording for one entry; fields left ``None`` keep the plan's wording."""

    entry_id: str = attrs.field(metadata=check(non_blank))
    title: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    organization: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    role: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))

    def _check(self) -> Iterable[Problem]:
        if (self.title, self.organization, self.role, self.description) == (None,) * 4:
            yield Problem("", "an override must change at least one of its fields")


_ALL_SECTIONS = tuple(ResumeSection)


@attrs.frozen
class ResumeSpec(ModelBase):
    """What to show on the resume and how; the plan supplies the content.

    ``excluded`` entries are left out; ``first`` entries come first in their section, in that
    order, before the rest in the usual order (newest first); ``overrides`` reword entries.
    """

    sections: tuple[ResumeSection, ...] = attrs.field(
        default=_ALL_SECTIONS,
        metadata=check(each(instance_of(ResumeSection)), _unique_values),
    )
    excluded: tuple[str, ...] = attrs.field(
        default=(), metadata=check(each(non_blank), _unique_values)
    )
    first: tuple[str, ...] = attrs.field(
        default=(), metadata=check(each(non_blank), _unique_values)
    )
    overrides: tuple[EntryOverride, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(EntryOverride)), unique("entry_id"))
    )
    contact: ResumeContact = attrs.field(
        factory=ResumeContact, metadata=check(instance_of(ResumeContact))
    )
    objective: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    """The objective; ``None`` uses the plan's first career aspiration."""
    show_gpa: bool = attrs.field(default=False, metadata=check(boolean))

    def _check(self) -> Iterable[Problem]:
        excluded = set(self.excluded)
        for i, entry_id in enumerate(self.first):
            if entry_id in excluded:
                yield Problem(f"first[{i}]", f"{entry_id!r} is also excluded")

    def override(self, entry_id: str) -> EntryOverride | None:
        """The override for ``entry_id``, if the student wrote one."""
        for o in self.overrides:
            if o.entry_id == entry_id:
                return o
        return None
