"""Activities, reflections and artifacts: the portfolio side of the plan."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from ilpcore.exceptions import Problem
from ilpcore.model._checks import (
    ModelBase,
    a_date,
    check,
    each,
    grade_level,
    identifier,
    instance_of,
    non_blank,
    non_negative_decimal,
    non_negative_int,
    not_before,
    optional,
)

__all__ = [
    "Activity",
    "ActivityKind",
    "Artifact",
    "Reflection",
    "SubjectKind",
    "SubjectRef",
]


class ActivityKind(enum.Enum):
    """The kinds of out-of-class experience an ILP and a resume distinguish."""

    COMMUNITY_SERVICE = "community_service"
    WORK_EXPERIENCE = "work_experience"
    CAREER_ACTIVITY = "career_activity"
    """Job shadowing, career fairs, internships, informational interviews..."""
    EXTRACURRICULAR = "extracurricular"
    LEADERSHIP = "leadership"
    AWARD = "award"


@attrs.frozen
class Activity(ModelBase):
    """Something the student did outside class (or an award received), with dates and hours."""

    id: str = attrs.field(metadata=check(identifier))
    kind: ActivityKind = attrs.field(metadata=check(instance_of(ActivityKind)))
    title: str = attrs.field(metadata=check(non_blank))
    start: date = attrs.field(metadata=check(a_date))
    end: date | None = attrs.field(default=None, metadata=check(optional(a_date)))
    """``None`` while ongoing; an award has ``end == start`` or ``None``."""
    organization: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    role: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    hours: Decimal | None = attrs.field(
        default=None, metadata=check(optional(non_negative_decimal))
    )
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    grade_levels: tuple[int, ...] = attrs.field(default=(), metadata=check(each(grade_level)))
    skills: tuple[str, ...] = attrs.field(default=(), metadata=check(each(non_blank)))
    """Skills the student used or gained, in their words (feeds the resume)."""

    def _check(self) -> Iterable[Problem]:
        yield from not_before("end", "start", self.end, self.start)


class SubjectKind(enum.Enum):
    """What a reflection is about."""

    ACTIVITY = "activity"
    GOAL = "goal"
    ASSESSMENT = "assessment"
    COURSE_PLAN = "course_plan"
    ARTIFACT = "artifact"


@attrs.frozen
class SubjectRef(ModelBase):
    """A reference to another item of the same plan, by kind and id."""

    kind: SubjectKind = attrs.field(metadata=check(instance_of(SubjectKind)))
    id: str = attrs.field(metadata=check(identifier))


@attrs.frozen
class Reflection(ModelBase):
    """What the student thought about an activity, goal or assessment."""

    id: str = attrs.field(metadata=check(identifier))
    written_on: date = attrs.field(metadata=check(a_date))
    text: str = attrs.field(metadata=check(non_blank))
    about: tuple[SubjectRef, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(SubjectRef)))
    )


_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


def _content_hash(value: object) -> str | None:
    if not isinstance(value, str) or not _HASH.fullmatch(value):
        return f"{value!r} is not a content hash of the form sha256:<64 lower-case hex digits>"
    return None


def _media_type(value: object) -> str | None:
    if not isinstance(value, str) or not _MEDIA_TYPE.fullmatch(value):
        return f"{value!r} is not a media type such as application/pdf"
    return None


@attrs.frozen
class Artifact(ModelBase):
    """A work sample, stored by content hash in the store's blob area."""

    id: str = attrs.field(metadata=check(identifier))
    title: str = attrs.field(metadata=check(non_blank))
    content_hash: str = attrs.field(metadata=check(_content_hash))
    media_type: str = attrs.field(metadata=check(_media_type))
    size: int = attrs.field(metadata=check(non_negative_int))
    """Size in bytes."""
    added_on: date = attrs.field(metadata=check(a_date))
    description: str | None = attrs.field(default=None, metadata=check(optional(non_blank)))
    about: tuple[SubjectRef, ...] = attrs.field(
        default=(), metadata=check(each(instance_of(SubjectRef)))
    )
